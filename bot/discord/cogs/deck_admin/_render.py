"""Reload reports, deck info and leeches as a maintainer reads them, within Discord's limits."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import discord
from discord.utils import format_dt

from bot.decks.errors import Problem
from bot.discord import text
from bot.discord.translator import message
from bot.study.deck_loading import DeckOutcome, ReloadReport
from bot.study.deck_reports import DeckInfo, LeechReport

COLOR_OK = discord.Colour.green()
COLOR_REFUSED = discord.Colour.red()
COLOR_INFO = discord.Colour.blurple()
#: Discord allows at most 25 fields in an embed.
MAX_FIELDS: Final = 25


def fit_lines(lines: Sequence[str], limit: int, more: str) -> str:
    """``lines`` joined, cut to ``limit`` characters; the rest counted by ``more`` ({n}).

    A maintainer would rather see the first problems whole and how many were
    left out than every problem cut in the middle.
    """
    shown: list[str] = []
    for index, line in enumerate(lines):
        line = text.cut(line, limit)
        rest = len(lines) - index - 1
        tail = "\n" + more.format(n=rest) if rest else ""
        candidate = "\n".join([*shown, line])
        if len(candidate) + len(tail) <= limit:
            shown.append(line)
            continue
        footer = more.format(n=len(lines) - index)
        while shown and len("\n".join([*shown, footer])) > limit:
            shown.pop()
            footer = more.format(n=len(lines) - len(shown))
        return text.cut("\n".join([*shown, footer]), limit)
    return "\n".join(shown)


def shown_path(path: str, decks_dir: Path) -> str:
    """``decks/x.yaml`` rather than the server's absolute path."""
    base = decks_dir.resolve().parent
    try:
        relative = os.path.relpath(os.path.realpath(path), base)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def problem_line(problem: Problem, decks_dir: Path) -> str:
    return str(Problem(shown_path(problem.path, decks_dir), problem.line, problem.col,
                       problem.message))


def outcome_lines(outcome: DeckOutcome, lang: str, decks_dir: Path) -> list[str]:
    result = outcome.result
    if result is None:
        head = message("deck_admin.reload.refused", lang, deck=outcome.deck_id)
        return [head, *(problem_line(p, decks_dir) for p in outcome.problems)]
    return [message("deck_admin.reload.ok", lang, deck=outcome.deck_id, added=len(result.added),
                    changed=len(result.changed), retired=len(result.retired),
                    restored=len(result.restored))]


def report_lines(report: ReloadReport, lang: str, decks_dir: Path) -> list[str]:
    if report.unknown is not None:
        return [message("deck_admin.unknown_deck", lang, deck=report.unknown)]
    if not report.outcomes:
        return [message("deck_admin.reload.nothing", lang)]
    # Refused decks first: they are what the maintainer has to act on.
    ordered = sorted(report.outcomes, key=lambda o: o.ok)
    return [line for o in ordered for line in outcome_lines(o, lang, decks_dir)]


def report_text(report: ReloadReport, lang: str, decks_dir: Path, limit: int) -> str:
    return fit_lines(report_lines(report, lang, decks_dir), limit,
                     message("deck_admin.reload.more", lang, n="{n}"))


def percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def info_lines(info: DeckInfo, lang: str) -> list[tuple[str, str]]:
    """(field name, value) pairs of one deck's /deck info."""
    cards = ", ".join(f"{kind} {n}" for kind, n in sorted(info.cards_by_type.items())) or "0"
    if info.retired:
        cards += " · " + message("deck_admin.info.retired", lang, n=info.retired)
    retention = (message("deck_admin.info.retention_none", lang) if info.retention is None
                 else f"{percent(info.retention)} ({info.reviews_recent})")
    last = info.last_reload
    if last is None:
        reload_value = message("deck_admin.info.never", lang)
    elif last.ok:
        reload_value = message(
            "deck_admin.info.reload_ok", lang, when=format_dt(last.at),
            trigger=message(f"deck_admin.trigger.{last.trigger}", lang), **last.counts)
    else:
        reload_value = message(
            "deck_admin.info.reload_failed", lang, when=format_dt(last.at),
            trigger=message(f"deck_admin.trigger.{last.trigger}", lang), n=len(last.problems))
    return [
        (message("deck_admin.info.cards", lang), cards),
        (message("deck_admin.info.learners", lang), str(info.learners)),
        (message("deck_admin.info.reviews", lang),
         message("deck_admin.info.reviews_value", lang, total=info.reviews,
                 recent=info.reviews_recent)),
        (message("deck_admin.info.retention", lang), retention),
        (message("deck_admin.info.last_reload", lang), reload_value),
    ]


def leech_lines(report: LeechReport, lang: str, decks_dir: Path) -> list[str]:
    where = shown_path(report.path, decks_dir)
    lines = [message("deck_admin.leeches.intro", lang), ""]
    if not report.leeches:
        lines.append(message("deck_admin.leeches.none", lang))
    for leech in report.leeches:
        card = leech.card_id if leech.face == 1 else f"{leech.card_id} c{leech.face}"
        if leech.retired:
            card += " " + message("deck_admin.leeches.retired", lang)
        lines.append(message(
            "deck_admin.leeches.line", lang, where=f"{where}:{leech.line or 1}", card=card,
            question=text.cut(text.one_line(leech.question), 80), learners=leech.learners,
            lapses=leech.lapses))
    lines += ["", "**" + message("deck_admin.leeches.daily", lang) + "**"]
    if not report.weak_daily:
        lines.append(message("deck_admin.leeches.daily_none", lang))
    for weak in report.weak_daily:
        lines.append(message(
            "deck_admin.leeches.daily_line", lang, where=f"{where}:{weak.line or 1}",
            card=weak.card_id, question=text.cut(text.one_line(weak.question), 80),
            correct=weak.correct, answers=weak.answers, rate=percent(weak.rate)))
    return lines


def refusal(body: str) -> discord.Embed:
    return discord.Embed(description=body, colour=COLOR_REFUSED)


def reload_embed(report: ReloadReport, lang: str, decks_dir: Path) -> discord.Embed:
    """The answer to /deck reload: refused decks first, cut to one embed."""
    return discord.Embed(
        title=message("deck_admin.reload.title", lang),
        description=report_text(report, lang, decks_dir, text.EMBED_DESCRIPTION),
        colour=COLOR_OK if report.ok else COLOR_REFUSED)


def log_channel_text(
    report: ReloadReport, lang: str, decks_dir: Path, trigger: str, by_user: int | None
) -> str:
    """One reload as a maintainers' log channel reads it: who or what, then each deck."""
    head = "**" + message("deck_admin.reload.title", lang) + "** · " + message(
        "deck_admin.reload.by", lang,
        who=f"<@{by_user}>" if by_user is not None else "studybot",
        trigger=message(f"deck_admin.trigger.{trigger}", lang))
    body = report_text(report, lang, decks_dir, text.MESSAGE_CONTENT - len(head) - 1)
    return head + "\n" + body


def info_embed(infos: Sequence[DeckInfo], lang: str) -> discord.Embed:
    """/deck info: one deck's figures as fields, or one field per deck."""
    if len(infos) == 1:
        (one,) = infos
        embed = discord.Embed(
            title=text.cut(message("deck_admin.info.title", lang, title=one.title,
                                   deck=one.deck_id), text.EMBED_TITLE),
            colour=COLOR_INFO)
        for name, value in info_lines(one, lang):
            embed.add_field(name=name, value=text.cut(value, text.EMBED_FIELD_VALUE),
                            inline=False)
        return embed
    embed = discord.Embed(title=message("cmd.deck.info.name", lang), colour=COLOR_INFO)
    for item in infos[:MAX_FIELDS]:
        value = "\n".join(f"{name}: {val}" for name, val in info_lines(item, lang))
        embed.add_field(
            name=text.cut(message("deck_admin.info.title", lang, title=item.title,
                                  deck=item.deck_id), text.EMBED_FIELD_NAME),
            value=text.cut(value, text.EMBED_FIELD_VALUE), inline=False)
    return embed


def leeches_embed(
    reports: Sequence[LeechReport], deck_ids: Sequence[str], lang: str, decks_dir: Path
) -> discord.Embed:
    """/deck leeches for ``deck_ids``: each deck's leeches and weak daily questions."""
    lines: list[str] = []
    for report in reports:
        if len(deck_ids) > 1:
            lines += ["", f"__**{report.deck_id}**__"]
        lines += leech_lines(report, lang, decks_dir)
    title = (message("deck_admin.leeches.title", lang, deck=deck_ids[0]) if len(deck_ids) == 1
             else message("cmd.deck.leeches.name", lang))
    body = fit_lines(lines, text.EMBED_DESCRIPTION,
                     message("deck_admin.reload.more", lang, n="{n}"))
    return discord.Embed(title=text.cut(title, text.EMBED_TITLE),
                         description=body.strip() or "-", colour=COLOR_INFO)

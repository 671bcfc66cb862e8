"""Reload reports, deck info and leeches as a maintainer reads them, within Discord's limits."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import discord
from discord.utils import format_dt

from bot.decks.cloze import ClozeSyntaxError, parse_cloze
from bot.decks.errors import Problem
from bot.decks.model import CARD_TYPES
from bot.discord import text
from bot.discord.embeds import add_fields
from bot.discord.translator import counted, message
from bot.study.deck_loading import TRIGGER_COMMAND, DeckOutcome, ReloadReport
from bot.study.deck_reports import DeckInfo, LeechReport

COLOR_OK = discord.Colour.green()
COLOR_REFUSED = discord.Colour.red()
COLOR_INFO = discord.Colour.blurple()


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


def problem_line(problem: Problem, decks_dir: Path, lang: str) -> str:
    """``decks/x.yaml:12:5: message`` in the maintainer's language; the prefix stays as
    editors read it."""
    return problem.line_in(lang, shown_path(problem.path, decks_dir))


def outcome_lines(outcome: DeckOutcome, lang: str, decks_dir: Path) -> list[str]:
    result = outcome.result
    if result is None:
        head = message("deck_admin.reload.refused", lang, deck=outcome.deck_id)
        return [head, *(problem_line(p, decks_dir, lang) for p in outcome.problems)]
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


def cards_text(info: DeckInfo, lang: str) -> str:
    """``기본 23장 · 객관식 25장 · 보관된 카드 2장``: each type in the maintainer's words."""
    counts = dict(info.cards_by_type)
    parts = [counted(f"deck_admin.info.kind.{kind}", lang, counts.pop(kind))
             for kind in CARD_TYPES if counts.get(kind)]
    parts += [f"{kind} {n}" for kind, n in sorted(counts.items())]  # a type added later
    if not parts:
        parts.append(message("deck_admin.info.no_cards", lang))
    if info.retired:
        parts.append(counted("deck_admin.info.retired", lang, info.retired))
    return " · ".join(parts)


def reloaded_by(trigger: str, by_user: int | None, lang: str) -> str:
    """Who or what started a reload: a member by mention, else the file watcher, SIGHUP, start."""
    if trigger == TRIGGER_COMMAND and by_user is not None:
        return message("deck_admin.reload.by.command", lang, who=f"<@{by_user}>")
    if trigger == TRIGGER_COMMAND:
        return message("deck_admin.reload.by.anonymous", lang)
    return message(f"deck_admin.reload.by.{trigger}", lang)


def retention_text(info: DeckInfo, lang: str) -> str:
    """The 30-day retention, saying which answers it counts: reviews of learned cards only."""
    if info.retention is None:
        return message("deck_admin.info.retention_none", lang)
    return counted("deck_admin.info.retention_value", lang, info.reviews_recent,
                   rate=percent(info.retention))


def info_lines(info: DeckInfo, lang: str) -> list[tuple[str, str]]:
    """(field name, value) pairs of one deck's /deck info."""
    last = info.last_reload
    if last is None:
        reload_value = message("deck_admin.info.never", lang)
    elif last.ok:
        reload_value = message(
            "deck_admin.info.reload_ok", lang, when=format_dt(last.at),
            by=reloaded_by(last.trigger, last.by_user, lang), **last.counts)
    else:
        reload_value = counted(
            "deck_admin.info.reload_failed", lang, len(last.problems), when=format_dt(last.at),
            by=reloaded_by(last.trigger, last.by_user, lang))
    return [
        (message("deck_admin.info.cards", lang), cards_text(info, lang)),
        (message("deck_admin.info.learners", lang),
         counted("deck_admin.info.learners_value", lang, info.learners)),
        (message("deck_admin.info.reviews", lang),
         counted("deck_admin.info.reviews_value", lang, info.reviews)),
        (message("deck_admin.info.retention", lang), retention_text(info, lang)),
        (message("deck_admin.info.last_reload", lang), reload_value),
    ]


def info_summary(info: DeckInfo, lang: str) -> str:
    """One deck in a few words, for /deck info over every deck."""
    last = info.last_reload
    if last is None:
        reload_value = message("deck_admin.info.never", lang)
    else:
        key = "deck_admin.info.summary_ok" if last.ok else "deck_admin.info.summary_refused"
        reload_value = message(key, lang, when=format_dt(last.at, "R"))
    return message(
        "deck_admin.info.summary", lang, cards=sum(info.cards_by_type.values()),
        learners=info.learners,
        retention="-" if info.retention is None else percent(info.retention),
        reload=reload_value)


def learner_view(question: str, face: int | None) -> str:
    """A card's question as learners read it: a cloze with its blank, not ``{{c1::…}}``.

    ``face`` None (a daily question, counted over every face) blanks every deletion.
    Text that is not a well-formed cloze is shown as it is.
    """
    if "{{" not in question:
        return question
    try:
        pieces = parse_cloze(question)
    except ClozeSyntaxError:
        return question
    parts: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(piece)
        elif face is None or piece.face == face:
            parts.append(f"[{piece.hint}]" if piece.hint else "[...]")
        else:
            parts.append(piece.answer)
    return "".join(parts)


def _question(question: str, face: int | None) -> str:
    return text.cut(text.one_line(learner_view(question, face)), 80)


def leech_lines(report: LeechReport, lang: str, decks_dir: Path) -> list[str]:
    where = shown_path(report.path, decks_dir)
    lines = [message("deck_admin.leeches.intro", lang), ""]
    if not report.leeches:
        lines.append(message("deck_admin.leeches.none", lang))
    for leech in report.leeches:
        card = leech.card_id if leech.face == 1 else f"{leech.card_id} c{leech.face}"
        if leech.retired:
            card += " " + message("deck_admin.leeches.retired", lang)
        lines.append(counted(
            "deck_admin.leeches.line", lang, leech.learners, where=f"{where}:{leech.line or 1}",
            card=card, question=_question(leech.question, leech.face), lapses=leech.lapses))
    lines += ["", "**" + message("deck_admin.leeches.daily", lang) + "**"]
    if not report.weak_daily:
        lines.append(message("deck_admin.leeches.daily_none", lang))
    else:
        lines.append(message("deck_admin.leeches.daily_intro", lang))
    for weak in report.weak_daily:
        lines.append(message(
            "deck_admin.leeches.daily_line", lang, where=f"{where}:{weak.line or 1}",
            card=weak.card_id, question=_question(weak.question, None),
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
    head = ("**" + message("deck_admin.reload.title", lang) + "** · "
            + reloaded_by(trigger, by_user, lang))
    body = report_text(report, lang, decks_dir, text.MESSAGE_CONTENT - len(head) - 1)
    return head + "\n" + body


def info_embed(infos: Sequence[DeckInfo], lang: str) -> discord.Embed:
    """/deck info: one deck's figures as fields, or a line per deck (whole, then "N more")."""
    if len(infos) == 1:
        (one,) = infos
        embed = discord.Embed(
            title=text.cut(message("deck_admin.info.title", lang, title=one.title,
                                   deck=one.deck_id), text.EMBED_TITLE),
            colour=COLOR_INFO)
        add_fields(embed, info_lines(one, lang),
                   lambda n: counted("deck_admin.info.more", lang, n))
        return embed
    embed = discord.Embed(title=message("deck_admin.info.all_title", lang), colour=COLOR_INFO)
    entries = [(message("deck_admin.info.title", lang, title=item.title, deck=item.deck_id),
                info_summary(item, lang)) for item in infos]
    add_fields(embed, entries, lambda n: counted("deck_admin.info.more", lang, n))
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

"""What a study group sees: the question, its reveal, one member's verdict, the schedule.

Deck text goes into embeds cut to Discord's limits; instants are Discord
timestamps (every reader sees their own time), the schedule also in the
group's own zone (bot.discord.timestamps).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

import discord
from discord.utils import format_dt

from bot.decks.matching import Verdict
from bot.discord import text
from bot.discord.cogs.daily._ids import open_id, pick_id
from bot.discord.embeds import add_fields
from bot.discord.timestamps import duration, local_when
from bot.discord.translator import command_names, counted, message
from bot.study.daily import (
    ConfigView,
    DailyOutcome,
    DailySetup,
    DailySetupError,
    DailyStatus,
    PostView,
    ProblemKind,
    RevealView,
)

COLOR_POST = discord.Colour.gold()
COLOR_REVEAL = discord.Colour.dark_gold()
#: Discord shows at most 5 rows of 5 buttons.
MAX_OPTIONS: Final = 25
#: Room for the question when the reveal adds the answer and the back (each up to 1024).
REVEAL_QUESTION_BUDGET: Final = 2800


def post_embed(view: PostView, budget: int = text.EMBED_DESCRIPTION - 200) -> discord.Embed:
    """The question; ``budget`` keeps the whole embed under Discord's 6000 characters."""
    lang = view.language
    face = view.text
    body = face.question
    if face.type == "choice":
        body += "\n\n" + "\n".join(f"{i}. {c}" for i, c in enumerate(face.choices, 1))
    embed = discord.Embed(
        title=text.cut(text.one_line(message("daily.post.title", lang, deck=view.deck_title)),
                       text.EMBED_TITLE),
        description=text.cut(body, budget),
        colour=COLOR_POST,
    )
    embed.add_field(name=message("daily.post.reveal_at", lang), value=reveal_when(view))
    embed.set_footer(text=message("daily.post.how", lang))
    return embed


def reveal_when(view: PostView) -> str:
    """When the post's answer comes out, written exactly as /daily status writes it."""
    if view.timezone is None:
        return f"{format_dt(view.reveal_due_at, 't')} ({format_dt(view.reveal_due_at, 'R')})"
    return local_when(view.reveal_due_at, view.timezone)


def post_buttons(view: PostView) -> discord.ui.View:
    buttons = discord.ui.View(timeout=None)
    if view.text.type == "choice":
        for index, option in enumerate(view.text.choices[:MAX_OPTIONS]):
            buttons.add_item(discord.ui.Button(
                label=text.label(f"{index + 1}. {option}"),
                custom_id=pick_id(view.post_id, index),
                style=discord.ButtonStyle.secondary,
                row=index // 5,
            ))
    else:
        buttons.add_item(discord.ui.Button(
            label=text.label(message("daily.post.answer_button", view.language)),
            custom_id=open_id(view.post_id),
            style=discord.ButtonStyle.primary,
        ))
    buttons.stop()  # clicks go through the DynamicItems; nothing to keep per message
    return buttons


def reveal_embed(reveal: RevealView) -> discord.Embed:
    view = reveal.post
    lang = view.language
    embed = post_embed(view, REVEAL_QUESTION_BUDGET)
    embed.title = text.cut(
        text.one_line(message("daily.reveal.title", lang, deck=view.deck_title)), text.EMBED_TITLE
    )
    embed.colour = COLOR_REVEAL
    embed.clear_fields()
    embed.add_field(name=message("daily.reveal.answer", lang),
                    value=text.cut(view.text.answer or "-", text.EMBED_FIELD_VALUE), inline=False)
    if view.text.extra:
        embed.add_field(name=message("daily.reveal.extra", lang),
                        value=text.cut(view.text.extra, text.EMBED_FIELD_VALUE), inline=False)
    if reveal.answered:
        figures = counted("daily.reveal.figures", lang, reveal.answered,
                          rate=round(100 * reveal.correct_share))
    else:
        figures = message("daily.reveal.nobody", lang)
    embed.add_field(name=message("daily.reveal.results", lang), value=figures, inline=False)
    if reveal.first_correct:
        embed.add_field(name=message("daily.reveal.first", lang),
                        value=", ".join(f"<@{uid}>" for uid in reveal.first_correct),
                        inline=False)
    embed.set_footer(text=message("daily.reveal.closed", lang))
    return embed


def feedback(outcome: DailyOutcome, lang: str) -> str:
    status = outcome.status
    if status is DailyStatus.LATE:
        return message("daily.feedback.late", lang, answer=outcome.answer or "-")
    if status is DailyStatus.ALREADY:
        key = "daily.feedback.already_right" if outcome.correct else "daily.feedback.already_wrong"
        lines = [message(key, lang)]
        if outcome.answer:
            lines.append(message("daily.feedback.answer_is", lang, answer=outcome.answer))
        return "\n".join(lines)
    if status is not DailyStatus.RECORDED:
        return message("daily.feedback.gone", lang)
    if outcome.correct:
        lines = [message("daily.feedback.right", lang, points=outcome.points)]
    elif outcome.verdict is Verdict.ALMOST:
        lines = [message("daily.feedback.almost", lang)]
    else:
        lines = [message("daily.feedback.wrong", lang)]
    if outcome.reviewed:
        lines.append(message("daily.feedback.reviewed", lang))
    return "\n".join(lines)


def feedback_embed(outcome: DailyOutcome, lang: str) -> discord.Embed:
    """The member's private verdict: green for a right answer just recorded."""
    recorded_right = outcome.correct and outcome.status is DailyStatus.RECORDED
    colour = discord.Colour.green() if recorded_right else discord.Colour.light_grey()
    return discord.Embed(description=text.cut(feedback(outcome, lang), 4000), colour=colour)


def refusal(body: str) -> discord.Embed:
    return discord.Embed(description=body, colour=discord.Colour.red())


def done(body: str) -> discord.Embed:
    return discord.Embed(description=body, colour=discord.Colour.green())


def problem_text(problem: DailySetupError, setup: DailySetup, lang: str) -> str:
    """Why a /daily setup was refused, naming what to change."""
    key = {
        ProblemKind.UNKNOWN_DECK: "daily.setup.unknown_deck",
        ProblemKind.EMPTY_DECK: "daily.setup.empty_deck",
        ProblemKind.NO_FAIR_CARD: "daily.setup.no_fair_card",
        ProblemKind.UNKNOWN_ZONE: "daily.setup.unknown_zone",
        ProblemKind.BAD_TIME: "daily.setup.bad_time",
        ProblemKind.SKIPPED_TIME: "daily.setup.skipped_time",
        ProblemKind.BAD_REVEAL: "daily.setup.bad_reveal",
    }[problem.kind]
    return message(key, lang, value=problem.detail, time=setup.post_time.strftime("%H:%M"),
                   zone=setup.timezone, **command_names(lang))


def subcommand(name: str, lang: str) -> str:
    """``/daily setup`` as the member's client lists it."""
    parts = (message("cmd.daily.name", lang), message(f"cmd.daily.{name}.name", lang))
    return "/" + " ".join(parts)


def status_embed(
    views: Sequence[ConfigView], lang: str, channel_name: Callable[[int], str]
) -> discord.Embed:
    """This server's daily questions: where, when, and what comes next."""
    embed = discord.Embed(title=message("daily.status.title", lang),
                          colour=discord.Colour.blurple())
    if not views:
        embed.description = message("daily.status.none", lang, setup=subcommand("setup", lang),
                                    **command_names(lang))
    entries: list[tuple[str, str]] = []
    for view in views:
        lines = [message("daily.status.line", lang, deck=view.deck_title,
                         time=view.post_time.strftime("%H:%M"), zone=view.timezone,
                         reveal=duration(view.reveal_after_minutes, lang))]
        if view.paused:
            lines.append(message("daily.status.paused", lang))
        else:
            lines.append(message("daily.status.next_post", lang,
                                 when=local_when(view.next_post_at, view.timezone)))
        if view.next_reveal_at is not None:
            lines.append(message("daily.status.next_reveal", lang,
                                 when=local_when(view.next_reveal_at, view.timezone)))
        entries.append((f"#{channel_name(view.channel_id)}", "\n".join(lines)))
    # A server with many daily channels sees whole entries and how many more there are.
    add_fields(embed, entries, lambda n: counted("daily.status.more", lang, n))
    return embed

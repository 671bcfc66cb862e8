"""A prompt, a result or a summary laid out as embeds and buttons.

Everything from a deck file goes into embeds (never into message content),
cut to Discord's limits by bot.discord.text, and every send uses
``AllowedMentions.none()``, so a card that happens to contain ``@everyone``
pings nobody.

Views are built from plain buttons whose custom_ids the routes in
bot.discord.components.buttons recognise, and are stopped before sending:
discord.py then keeps no per-message state, which is what lets thousands of
open cards cost no memory and survive a restart.
"""

from __future__ import annotations

from datetime import date, time

import discord
from discord.utils import format_dt

from bot.decks.limits import MAX_CHOICES
from bot.discord import text
from bot.discord.components import ids
from bot.discord.interactions import Screen
from bot.discord.translator import message
from bot.i18n.intervals import grade_label
from bot.i18n.study_text import MISTAKES, left_today, summary_is_done, summary_lines, summary_title
from bot.srs.day import local_instant
from bot.srs.grades import Grade
from bot.study.session import AnswerOutcome, PromptView, SessionSummary

COLOR_CARD = discord.Colour.blurple()
COLOR_RIGHT = discord.Colour.green()
COLOR_ALMOST = discord.Colour.gold()
COLOR_WRONG = discord.Colour.red()
COLOR_DONE = discord.Colour.dark_teal()
#: The time of day a next review's date is shown at: far from any rollover.
NOON = time(12)

#: Grade buttons in the order a learner reads them, with the style that hints at each.
GRADE_BUTTONS: tuple[tuple[Grade, str, discord.ButtonStyle], ...] = (
    (Grade.AGAIN, "grade.again", discord.ButtonStyle.danger),
    (Grade.HARD, "grade.hard", discord.ButtonStyle.secondary),
    (Grade.GOOD, "grade.good", discord.ButtonStyle.success),
    (Grade.EASY, "grade.easy", discord.ButtonStyle.primary),
)

#: Choice buttons fill at most four rows of five; the last row holds Skip and Stop
#: (`deck check` refuses a card with more choices).
MAX_CHOICE_BUTTONS = MAX_CHOICES


def notice(body: str) -> Screen:
    """A short message with no buttons (session over, card gone)."""
    return Screen(content=text.cut(body, text.MESSAGE_CONTENT))


def _button(
    label: str, custom_id: str, style: discord.ButtonStyle, row: int
) -> discord.ui.Button[discord.ui.View]:
    return discord.ui.Button(label=text.label(label), custom_id=custom_id, style=style, row=row)


def _frozen(view: discord.ui.View) -> discord.ui.View:
    view.stop()  # clicks are routed by custom_id; nothing to keep per message
    return view


def _footer(prompt: PromptView, lang: str) -> str:
    parts = [left_today(lang, prompt.left.total, repeats=prompt.repeats, skipped=prompt.skipped,
                        mode=prompt.mode)]
    if prompt.is_new:
        parts.append(message("card.new", lang))
    if prompt.is_drill and prompt.mode != MISTAKES:  # there, the count says it already
        parts.append(message("card.drill", lang))
    return text.cut(" · ".join(parts), text.EMBED_FOOTER)


def card_embed(prompt: PromptView, lang: str, title: str, *, revealed: bool = False
               ) -> discord.Embed:
    """The card headed by its deck's title (the id only when the deck has none)."""
    face = prompt.text
    body = face.question
    if face.type == "choice" and _choices_need_listing(face.choices):
        listed = "\n".join(f"{i}. {choice}" for i, choice in enumerate(face.choices, 1))
        body = f"{body}\n\n{listed}"
    embed = discord.Embed(
        title=text.cut(text.one_line(title) or prompt.deck_id, text.EMBED_TITLE),
        description=text.cut(body, text.EMBED_DESCRIPTION),
        colour=COLOR_CARD,
    )
    if revealed:
        embed.add_field(
            name=message("discord.study.answer_field", lang),
            value=text.cut(face.answer or "-", text.EMBED_FIELD_VALUE),
            inline=False,
        )
        if face.extra:
            embed.add_field(
                name=message("discord.study.extra_field", lang),
                value=text.cut(face.extra, text.EMBED_FIELD_VALUE),
                inline=False,
            )
    embed.set_footer(text=_footer(prompt, lang))
    return embed


def _choices_need_listing(choices: tuple[str, ...]) -> bool:
    labels = [text.label(c) for c in choices]
    cut_short = any(lab != c for lab, c in zip(labels, choices, strict=True))
    return cut_short or len(set(labels)) != len(labels)


def card_view(prompt: PromptView, lang: str, *, revealed: bool = False) -> discord.ui.View:
    user, pid = prompt.user_id, prompt.prompt_id
    view = discord.ui.View(timeout=None)
    face = prompt.text
    controls_row = 1
    if face.type in ("basic", "cloze") and revealed:
        intervals = prompt.intervals or {}
        for quality, key, style in GRADE_BUTTONS:
            label = grade_label(message(key, lang), intervals.get(int(quality)), lang)
            view.add_item(_button(label, ids.grade(user, pid, quality), style, 0))
    elif face.type in ("basic", "cloze"):
        view.add_item(
            _button(
                message("discord.study.button.show", lang),
                ids.show(user, pid),
                discord.ButtonStyle.primary,
                0,
            )
        )
    elif face.type == "choice":
        shown = face.choices[:MAX_CHOICE_BUTTONS]
        for index, choice in enumerate(shown):
            view.add_item(
                _button(choice, ids.pick(user, pid, index), discord.ButtonStyle.secondary,
                        index // 5)
            )
        controls_row = min(4, (len(shown) - 1) // 5 + 1)
    else:
        view.add_item(
            _button(
                message("discord.study.button.type", lang),
                ids.type_answer(user, pid),
                discord.ButtonStyle.primary,
                0,
            )
        )
    if not revealed:
        view.add_item(
            _button(
                message("discord.study.button.skip", lang),
                ids.skip(user, pid),
                discord.ButtonStyle.secondary,
                controls_row,
            )
        )
    view.add_item(
        _button(
            message("discord.study.button.stop", lang),
            ids.stop(user, pid),
            discord.ButtonStyle.secondary,
            controls_row,
        )
    )
    return _frozen(view)


def card(
    prompt: PromptView,
    lang: str,
    *,
    title: str,
    lead: discord.Embed | None = None,
    revealed: bool = False,
) -> Screen:
    """The card under ``lead`` (the last answer's result); ``title`` is its deck's title.

    The two embeds share Discord's 6,000 characters (the screen's kwargs fit
    them): a long question gives way to the answer and note rather than the
    whole message being refused.
    """
    embeds = [card_embed(prompt, lang, title, revealed=revealed)]
    if lead is not None:
        embeds.insert(0, lead)
    return Screen(embeds=embeds, view=card_view(prompt, lang, revealed=revealed))


def result_embed(
    outcome: AnswerOutcome, lang: str, *, self_graded: bool, given: str | None = None
) -> discord.Embed:
    """Right/almost/wrong (or the recorded self-grade), the right answer and the note.

    ``given`` is what the learner picked or typed, shown next to the right answer.
    """
    if self_graded:
        grade = next((key for q, key, _ in GRADE_BUTTONS if q == outcome.quality), None)
        shown = message(grade, lang) if grade else str(outcome.quality)
        title = message("discord.study.result.graded", lang, grade=shown)
        colour = COLOR_RIGHT if outcome.correct else COLOR_WRONG
    else:
        verdict = outcome.verdict.value if outcome.verdict is not None else (
            "right" if outcome.correct else "wrong"
        )
        title = message(f"discord.study.result.{verdict}", lang)
        colour = {"right": COLOR_RIGHT, "almost": COLOR_ALMOST}.get(verdict, COLOR_WRONG)
    embed = discord.Embed(title=text.cut(title, text.EMBED_TITLE), colour=colour)
    if given is not None:
        embed.add_field(
            name=message("discord.study.your_answer_field", lang),
            value=text.cut(given or "-", text.EMBED_FIELD_VALUE),
            inline=False,
        )
    if outcome.answer:
        embed.add_field(
            name=message("discord.study.answer_field", lang),
            value=text.cut(outcome.answer, text.EMBED_FIELD_VALUE),
            inline=False,
        )
    if outcome.extra:
        embed.add_field(
            name=message("discord.study.extra_field", lang),
            value=text.cut(outcome.extra, text.EMBED_FIELD_VALUE),
            inline=False,
        )
    return embed


def note_embed(body: str) -> discord.Embed:
    return discord.Embed(description=text.cut(body, text.EMBED_DESCRIPTION), colour=COLOR_DONE)


def summary(done: SessionSummary, lang: str, *, lead: discord.Embed | None = None) -> Screen:
    """What the terminal shows at the end: answered, right %, new and repeated, skipped,
    what is left today, the next review and the streak.

    The next review's day is a Discord timestamp (its noon in the learner's zone), which
    each client writes as a date in its own language.
    """
    def day_text(day: date) -> str:
        return format_dt(local_instant(day, NOON, done.timezone), "D")

    lines = summary_lines(done, lang, day_text=day_text)
    if done.left.total and not summary_is_done(done):
        lines.append(message("discord.study.summary.continue", lang))
    embed = discord.Embed(
        title=text.cut(summary_title(done, lang), text.EMBED_TITLE),
        description=text.cut("\n".join(lines), text.EMBED_DESCRIPTION),
        colour=COLOR_DONE,
    )
    return Screen(embeds=[e for e in (lead, embed) if e is not None], view=None)

"""How one study session looks in a terminal: every word comes from the catalogue."""

from __future__ import annotations

from bot.decks.matching import Verdict
from bot.i18n import t
from bot.i18n.catalogue import tn
from bot.i18n.study_text import (
    MISTAKES,
    left_today,
    outlook_lines,
    summary_lines,
    summary_title,
)
from bot.srs.grades import DRILL_UNTIL_QUALITY
from bot.study.cards import FaceText
from bot.study.session import AnswerOutcome, PromptView, SessionSummary
from bot.terminal.console import TerminalIO

_STYLE_RIGHT = "bold green"
_STYLE_ALMOST = "bold yellow"
_STYLE_WRONG = "bold red"
_STYLE_NOTE = "dim"
_STYLE_WARN = "yellow"


class Screen:
    def __init__(self, io: TerminalIO, lang: str) -> None:
        self.io = io
        self.lang = lang

    def text(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def count(self, n: int) -> str:
        return tn("count.cards", self.lang, n)

    def counted(self, key: str, n: int, **values: object) -> str:
        """``key`` for a count ``n``: its ``.one`` form for a single one, where English has one."""
        return tn(key, self.lang, n, **values)

    # -- messages ------------------------------------------------------------------------

    def warn(self, key: str, **values: object) -> None:
        self.io.say(self.text(key, **values), _STYLE_WARN)

    def error(self, key: str, **values: object) -> None:
        self.io.say(self.text(key, **values), _STYLE_WRONG)

    def say_note(self, line: str) -> None:
        """A line already worded (e.g. a deck title with its plan), styled as a note."""
        self.io.say(line, _STYLE_NOTE)

    def note(self, key: str, **values: object) -> None:
        self.io.say(self.text(key, **values), _STYLE_NOTE)

    def line(self, key: str, **values: object) -> None:
        self.io.say(self.text(key, **values))

    def help(self) -> None:
        self.io.say(self.text("terminal.help"), _STYLE_NOTE)

    # -- one face ------------------------------------------------------------------------

    def header(self, view: PromptView, deck_title: str) -> None:
        parts: list[tuple[str, str | None]] = [
            (f"{deck_title} · ", _STYLE_NOTE),
            (left_today(self.lang, view.left.total, repeats=view.repeats, skipped=view.skipped,
                        mode=view.mode), "cyan"),
        ]
        if view.is_drill and view.mode != MISTAKES:  # there, the count says it already
            parts.append((f" · {self.text('card.drill')}", "magenta"))
        elif view.is_new:
            parts.append((f" · {self.text('card.new')}", "bold blue"))
        self.io.blank()
        self.io.say_parts(*parts)

    def question(self, face: FaceText) -> None:
        self.io.say(face.question, "bold")
        for number, option in enumerate(face.choices, start=1):
            self.io.say(f"  {number}. {option}")

    def answer(self, face: FaceText) -> None:
        self.io.say(self.text("card.answer", answer=face.answer), _STYLE_RIGHT)
        if face.extra:
            self.note("card.extra", extra=face.extra)

    def outcome(self, face: FaceText, outcome: AnswerOutcome, given: str | None) -> None:
        """The verdict on a choice or typed answer, then what happens to the card next."""
        if face.type in ("choice", "typed"):
            self._verdict(face, outcome, given)
        self._schedule(outcome)

    def _verdict(self, face: FaceText, outcome: AnswerOutcome, given: str | None) -> None:
        verdict = outcome.verdict
        if verdict is None:
            verdict = Verdict.RIGHT if outcome.correct else Verdict.WRONG
        right_answer = outcome.answer or face.answer
        if verdict is Verdict.RIGHT:
            self.io.say(self.text("verdict.right"), _STYLE_RIGHT)
            if given is not None and given.strip().casefold() != right_answer.casefold():
                self.io.say(self.text("card.answer", answer=right_answer), _STYLE_RIGHT)
        else:
            style = _STYLE_ALMOST if verdict is Verdict.ALMOST else _STYLE_WRONG
            key = "verdict.almost" if verdict is Verdict.ALMOST else "verdict.wrong"
            self.io.say_parts(
                (self.text(key) + " ", style),
                (self.text("card.answer", answer=right_answer), _STYLE_RIGHT),
            )
        extra = outcome.extra or face.extra
        if extra:
            self.note("card.extra", extra=extra)

    def _schedule(self, outcome: AnswerOutcome) -> None:
        if not outcome.drill and outcome.next_in_days:
            self.io.say(tn("schedule.next_in_days", self.lang, outcome.next_in_days), _STYLE_NOTE)
        if outcome.quality is not None and outcome.quality < DRILL_UNTIL_QUALITY:
            self.note("schedule.comes_back")

    # -- the end -------------------------------------------------------------------------

    def summary(self, summary: SessionSummary) -> None:
        """The same lines as the Discord summary (bot.i18n.study_text), and how to go on."""
        self.io.blank()
        self.io.say(f"── {summary_title(summary, self.lang)} ──", "bold")
        if not summary.answered:
            self.line("terminal.summary.nothing_answered")
        for line in summary_lines(summary, self.lang):
            self.io.say(line)
        if summary.left.total:
            self.note("terminal.summary.continue")

    def outlook(self, summary: SessionSummary) -> None:
        """Only when the learner is next needed, and their streak (nothing was due)."""
        for line in outlook_lines(summary, self.lang):
            self.io.say(line)

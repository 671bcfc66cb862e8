"""`studybot study`: review due cards offline, on the same use cases as the Discord bot.

Every answer is committed by the study service the moment it is given, so
quitting, closing stdin or pressing Ctrl-C never loses work: the session is
only closed and summarised.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
from typing import TextIO, TypeVar

from bot.i18n import locale_from_env, resolve_language, t
from bot.i18n.intervals import interval_label
from bot.settings import Settings
from bot.srs.grades import Grade
from bot.storage.transactions import TransactionRunner
from bot.study.catalog import DeckEntry, deck_catalog, first_study_order, join_deck
from bot.study.learners import LearnerDefaults
from bot.study.preferences import (
    SCHEDULER_NAMES,
    PreferenceChange,
    read_preferences,
    update_preferences,
)
from bot.study.runtime import load_decks_dir, open_database
from bot.study.session import (
    MAX_TYPED_ANSWER,
    MODE_MISTAKES,
    MODE_REVIEW,
    AnswerStatus,
    ChoicePick,
    DeckChoiceNeededError,
    PromptView,
    Response,
    SelfGrade,
    SessionRef,
    StudyService,
    TypedText,
    UnknownDeckError,
)
from bot.terminal.commands import Command, command_of, parse_choice, parse_grade, parse_typed
from bot.terminal.console import EndOfInput, TerminalIO, UnreadableLine
from bot.terminal.screen import Screen

FRONT_END = "terminal"

EXIT_OK = 0
EXIT_NO_DECKS = 1
EXIT_UNKNOWN_DECK = 2
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C

T = TypeVar("T")


class Ending(Enum):
    DONE = "done"
    QUIT = "quit"
    EOF = "eof"
    INTERRUPTED = "interrupted"
    CLOSED = "closed"  # the session was ended elsewhere


def deck_language(decks: Mapping[str, DeckEntry], deck_id: str | None) -> str | None:
    """The language of the studied deck; of all decks when they agree; else unknown."""
    if deck_id is not None:
        info = decks.get(deck_id)
        return info.lang if info else None
    langs = {info.lang for info in decks.values()}
    return langs.pop() if len(langs) == 1 else None


async def run_study(
    settings: Settings,
    deck_id: str | None,
    lang: str | None,
    *,
    stdin: TextIO,
    stdout: TextIO,
    now: Callable[[], datetime],
    rng: random.Random,
    user_id: int = 0,
    environ: Mapping[str, str] | None = None,
    scheduler: str | None = None,
    mistakes: bool = False,
) -> int:
    """Study in the terminal until done or stopped; returns the process exit code.

    ``environ`` (default ``os.environ``) is only read for the locale.  ``scheduler``
    (``--scheduler sm2|fsrs``) switches the learner's scheduler first, as /settings does:
    their states are rebuilt from the review log.  ``mistakes`` (``--mistakes``) drills
    the cards missed in the last seven study days, without rescheduling them.
    """
    io = TerminalIO(stdin, stdout)
    db = await open_database(settings.database_url)
    try:
        report = await load_decks_dir(db, settings.decks_dir, now())
        decks = {entry.deck_id: entry for entry in await deck_catalog(db.runner, user_id)}
        locale = locale_from_env(os.environ if environ is None else environ)
        language = resolve_language(lang, locale, deck_language(decks, deck_id), settings.language)
        screen = Screen(io, language)
        for problem in report.problems:
            screen.warn("deck.problem", problem=problem.line_in(language))
        if not decks:
            screen.error("deck.none_loaded", path=str(settings.decks_dir))
            return EXIT_NO_DECKS
        defaults = LearnerDefaults(
            timezone=settings.timezone,
            new_per_day=settings.new_per_day,
            reviews_per_day=settings.reviews_per_day,
            rollover_hour=settings.rollover_hour,
        )
        service = StudyService(db.runner, defaults)
        if scheduler is not None:
            await _use_scheduler(db.runner, screen, user_id, scheduler, defaults, now())
        mode = MODE_MISTAKES if mistakes else MODE_REVIEW
        try:
            ref = await service.start(user_id, deck_id, FRONT_END, now(), mode=mode)
        except UnknownDeckError as unknown:
            screen.error("deck.unknown", deck=unknown.deck_id)
            screen.line("deck.known", decks=", ".join(sorted(decks)))
            return EXIT_UNKNOWN_DECK
        except DeckChoiceNeededError:
            chosen = _choose_deck(io, screen, list(decks.values()))
            if chosen is None:  # no number given: nothing joined, nothing studied
                screen.line("terminal.goodbye")
                return EXIT_OK
            await join_deck(db.runner, user_id, chosen.deck_id, defaults, now())
            screen.line("terminal.joined", deck=chosen.title)
            ref = await service.start(user_id, chosen.deck_id, FRONT_END, now(), mode=mode)
        study = TerminalStudy(screen, service, ref, decks, now, rng)
        ending = await study.run()
        summary = await service.end(ref.id, user_id, now())
        if ending is Ending.DONE and study.shown == 0:
            screen.line("terminal.no_mistakes" if mistakes else "terminal.nothing_due")
            screen.outlook(summary)
        else:
            screen.line(_ENDING_MESSAGE[ending])
            screen.summary(summary)
        screen.line("terminal.goodbye")
        return EXIT_INTERRUPTED if ending is Ending.INTERRUPTED else EXIT_OK
    finally:
        await db.close()


def _choose_deck(io: TerminalIO, screen: Screen, entries: list[DeckEntry]) -> DeckEntry | None:
    """A learner who studies no deck yet picks one by its number (never all of them at once:
    that would mix languages and subjects); None when they give none."""
    offered = first_study_order(entries, screen.lang)
    if not offered:
        screen.line("terminal.nothing_due")
        return None
    screen.line("terminal.choose_deck")
    for number, entry in enumerate(offered, 1):
        language = t("lang.name", entry.lang)
        io.say(f"  {number}. {entry.title} · {language} · {screen.count(entry.faces)}")
    while True:
        try:
            line = io.ask(screen.text("terminal.choose_deck.ask", n=len(offered))).strip()
        except (EndOfInput, UnreadableLine):
            return None
        if line.isdigit() and 1 <= int(line) <= len(offered):
            return offered[int(line) - 1]
        if line.casefold() in ("q", "quit"):
            return None
        screen.line("terminal.choose_deck.again", n=len(offered))


async def _use_scheduler(
    runner: TransactionRunner,
    screen: Screen,
    user_id: int,
    scheduler: str,
    defaults: LearnerDefaults,
    at: datetime,
) -> None:
    """Switch to ``scheduler`` unless it is the learner's already, and say so."""
    before = await read_preferences(runner, user_id, defaults, at)
    if before.scheduler == scheduler:
        return
    await update_preferences(runner, user_id, PreferenceChange(scheduler=scheduler), defaults, at)
    screen.note("terminal.scheduler.switched", scheduler=SCHEDULER_NAMES[scheduler])


async def _settle_cancellation() -> None:
    """Take back asyncio's cancellation for Ctrl-C, so the summary can still be written.

    Python 3.11's ``Task.uncancel`` leaves the cancellation armed for the next
    await, so one harmless await absorbs it.
    """
    task = asyncio.current_task()
    if task is None or not task.cancelling():
        return
    while task.uncancel():
        pass
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.sleep(0)


_ENDING_MESSAGE = {
    Ending.DONE: "terminal.all_done",
    Ending.QUIT: "terminal.quit",
    Ending.EOF: "terminal.quit",
    Ending.INTERRUPTED: "terminal.interrupted",
    Ending.CLOSED: "terminal.session_closed",
}


class TerminalStudy:
    """One session's loop: show a face, read the learner's answer, record it."""

    def __init__(
        self,
        screen: Screen,
        service: StudyService,
        ref: SessionRef,
        decks: Mapping[str, DeckEntry],
        now: Callable[[], datetime],
        rng: random.Random,
    ) -> None:
        self.screen = screen
        self.service = service
        self.ref = ref
        self.decks = decks
        self.now = now
        self.rng = rng
        self.shown = 0

    async def run(self) -> Ending:
        deck_id = self.ref.deck_id
        if deck_id is None and len(self.decks) == 1:
            deck_id = next(iter(self.decks))
        info = self.decks.get(deck_id) if deck_id else None
        name = info.title if info else self.screen.text("terminal.all_decks")
        try:
            while True:
                view = await self.service.next_prompt(
                    self.ref.id, self.ref.user_id, self.now(), self.rng, previews=True
                )
                if view is None:
                    return Ending.DONE
                if self.shown == 0:  # greet only when there is something to study
                    welcome = "terminal.welcome_back" if self.ref.resumed else "terminal.welcome"
                    self.screen.line(welcome, deck=name)
                    await self._tell_notices()
                self.shown += 1
                ending = await self.study(view)
                if ending is not None:
                    return ending
        except EndOfInput:
            return Ending.EOF
        except (KeyboardInterrupt, asyncio.CancelledError):
            # Ctrl-C while waiting for input, or asyncio's cancellation of the
            # main task on Ctrl-C during a database call: nothing half-written
            # survives (each answer is one transaction), so stop and summarise.
            await _settle_cancellation()
            return Ending.INTERRUPTED

    async def study(self, view: PromptView) -> Ending | None:
        """One face, from question to verdict; an Ending when the learner stops."""
        face = view.text
        info = self.decks.get(view.deck_id)
        self.screen.header(view, info.title if info else view.deck_id)
        self.screen.question(face)
        response: Response
        given: str | None = None
        if face.type == "choice":
            picked = self.ask(
                self.screen.text("terminal.prompt.choice", n=len(face.choices)),
                lambda line: parse_choice(line, face.choices),
                lambda _: self.screen.text("terminal.hint.choice", n=len(face.choices)),
            )
            if isinstance(picked, Command):
                return await self.command(picked, view)
            response = ChoicePick(picked)
        elif face.type == "typed":
            typed = self.ask(
                self.screen.text("terminal.prompt.typed"),
                lambda line: parse_typed(line, MAX_TYPED_ANSWER),
                self._typed_hint,
            )
            if isinstance(typed, Command):
                return await self.command(typed, view)
            response, given = TypedText(typed), typed
        else:
            revealed = self.ask(self.screen.text("terminal.prompt.reveal"), lambda _: True, None)
            if isinstance(revealed, Command):
                return await self.command(revealed, view)
            self.screen.answer(face)
            grade = self.ask(
                self._grade_prompt(view),
                parse_grade,
                lambda _: self.screen.text("terminal.hint.grade"),
            )
            if isinstance(grade, Command):
                return await self.command(grade, view)
            response = SelfGrade(int(grade))
        outcome = await self.service.answer(view.prompt_id, self.ref.user_id, response, self.now())
        if outcome.status is AnswerStatus.RECORDED:
            self.screen.outcome(face, outcome, given)
        elif outcome.status is AnswerStatus.RETIRED:
            self.screen.note("terminal.retired")
        elif outcome.status is AnswerStatus.SESSION_OVER:
            return Ending.CLOSED
        return None

    async def _tell_notices(self) -> None:
        """A backlog and its catch-up, and exams that raise today's new cards."""
        notices = await self.service.notices(self.ref.user_id, self.ref.deck_id, self.now())
        if notices.backlog is not None:
            self.screen.note(notices.backlog.reason, **notices.backlog.message_args())
        for exam in notices.raised:
            plan = self.screen.counted(exam.plan.reason, exam.plan.cards_left,
                                       **exam.plan.message_args())
            self.screen.say_note(f"{exam.title} · {plan}")

    def _grade_prompt(self, view: PromptView) -> str:
        """The grades, each with the interval it schedules when that is known."""
        if view.intervals is None:
            return self.screen.text("terminal.prompt.grade")
        labels = {
            grade.name.lower(): self.screen.text(
                "terminal.grade.with_interval",
                grade=self.screen.text(f"grade.{grade.name.lower()}"),
                interval=interval_label(view.intervals[int(grade)], self.screen.lang),
            )
            for grade in Grade
        }
        return self.screen.text("terminal.prompt.grade.intervals", **labels)

    def _typed_hint(self, line: str) -> str:
        if len(line.strip()) > MAX_TYPED_ANSWER:
            return self.screen.text("terminal.hint.too_long", max=MAX_TYPED_ANSWER)
        return self.screen.text("terminal.hint.typed")

    def ask(
        self,
        prompt: str,
        parse: Callable[[str], T | None],
        hint: Callable[[str], str] | None,
    ) -> T | Command:
        """Ask until the line is a command or parses; ``?`` shows help and asks again."""
        while True:
            try:
                line = self.screen.io.ask(prompt)
            except UnreadableLine:
                self.screen.io.say(self.screen.text("terminal.hint.not_text"), "yellow")
                continue
            command = command_of(line)
            if command is Command.HELP:
                self.screen.help()
                continue
            if command is not None:
                return command
            value = parse(line)
            if value is not None:
                return value
            if hint is not None:
                self.screen.io.say(hint(line), "yellow")

    async def command(self, command: Command, view: PromptView) -> Ending | None:
        if command is Command.QUIT:
            return Ending.QUIT
        await self.service.skip(view.prompt_id, self.ref.user_id)
        self.screen.note("terminal.skipped")
        return None

"""A learner's exam dates: set, clear, and the plan for each (what /exam and /stats show).

An exam date belongs to a deck: without a deck, `set_exam` sets it for every
deck the learner studies.  A date must be after the learner's study day
today; dates are typed as Koreans and everyone else write them
(`parse_exam_date`).  A study group's date (/daily setup) applies to its
members who study the deck, unless they set their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Connection

from bot.storage import learners
from bot.storage import scheduling as rows
from bot.storage.locks import lock_learner
from bot.storage.transactions import TransactionRunner
from bot.study.learners import LearnerDefaults, limits_of, user_today
from bot.study.plans import DeckExam, deck_exams

_ISO = re.compile(r"(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-./]\s*(\d{1,2})\.?")
_KOREAN = re.compile(r"(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일")


def parse_exam_date(text: str, today: date) -> date | None:
    """``2026-12-20``, ``2026.12.20``, ``12/20``, ``12월 20일``, ``2026년 12월 20일``.

    Without a year: the next such day after ``today``.  None for anything else.
    """
    cleaned = text.strip()
    year: int | None
    match = _ISO.fullmatch(cleaned)
    if match:
        year, month, day = (int(g) for g in match.groups())
    elif (korean := _KOREAN.fullmatch(cleaned)) is not None:
        year = int(korean[1]) if korean[1] else None
        month, day = int(korean[2]), int(korean[3])
    elif (short := _MONTH_DAY.fullmatch(cleaned)) is not None:
        year, month, day = None, int(short[1]), int(short[2])
    else:
        return None
    try:
        if year is not None:
            return date(year, month, day)
        found = date(today.year, month, day)
        return found if found > today else date(today.year + 1, month, day)
    except ValueError:
        return None


class ExamProblem(StrEnum):
    NOT_AHEAD = "not_ahead"  # the date is today or past
    UNKNOWN_DECK = "unknown_deck"
    NO_DECKS = "no_decks"  # no deck named and the learner studies none


class ExamRefusedError(ValueError):
    def __init__(self, problem: ExamProblem, deck: str | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.deck = deck


@dataclass(frozen=True, slots=True)
class ExamOverview:
    """Today's study day and the exams in force, each with its plan."""

    today: date
    exams: tuple[DeckExam, ...]


def _overview(conn: Connection, user_id: int, now: datetime,
              defaults: LearnerDefaults) -> ExamOverview:
    user = learners.ensure_learner(conn, user_id, defaults, now)
    today = user_today(user, now)
    limits = limits_of(user)
    return ExamOverview(today, tuple(deck_exams(conn, user_id, None, today, limits.new_per_day)))


def _set(conn: Connection, user_id: int, deck_id: str | None, day: date, now: datetime,
         defaults: LearnerDefaults) -> ExamOverview:
    user = learners.ensure_learner(conn, user_id, defaults, now)
    lock_learner(conn, user_id)
    if day <= user_today(user, now):
        raise ExamRefusedError(ExamProblem.NOT_AHEAD)
    if deck_id is not None:
        if not learners.deck_exists(conn, deck_id):
            raise ExamRefusedError(ExamProblem.UNKNOWN_DECK, deck_id)
        learners.enroll(conn, user_id, deck_id, now)  # an exam on a deck means studying it
        decks = [deck_id]
    else:
        decks = learners.enrolled_deck_ids(conn, user_id)
        if not decks:
            raise ExamRefusedError(ExamProblem.NO_DECKS)
    rows.set_exam(conn, user_id, decks, day, now)
    return _overview(conn, user_id, now, defaults)


async def set_exam(runner: TransactionRunner, user_id: int, deck_id: str | None, day: date,
                   now: datetime, defaults: LearnerDefaults) -> ExamOverview:
    """Set (or move) the exam date for one deck, or every deck the learner studies.

    Raises ExamRefusedError, having saved nothing.
    """
    return await runner.run(lambda conn: _set(conn, user_id, deck_id, day, now, defaults))


async def clear_exam(runner: TransactionRunner, user_id: int, deck_id: str | None) -> int:
    """Forget the learner's exam date for one deck, or all; how many there were."""
    return await runner.run(lambda conn: rows.clear_exams(conn, user_id, deck_id))


async def exam_overview(runner: TransactionRunner, user_id: int, now: datetime,
                        defaults: LearnerDefaults) -> ExamOverview:
    """The exams in force for the learner's decks (their own and their groups')."""
    return await runner.run(lambda conn: _overview(conn, user_id, now, defaults))


def _today(conn: Connection, user_id: int, now: datetime, defaults: LearnerDefaults) -> date:
    return user_today(learners.ensure_learner(conn, user_id, defaults, now), now)


async def learner_day(runner: TransactionRunner, user_id: int, now: datetime,
                      defaults: LearnerDefaults) -> date:
    """The learner's study day now (what a date without a year is read against)."""
    return await runner.run(lambda conn: _today(conn, user_id, now, defaults))


#: What clears a study group's exam date in /daily setup's exam_date option.
CLEAR_WORDS = frozenset({"none", "clear", "없음", "삭제", "-"})


def group_exam_value(text: str, today: date) -> date | bool | None:
    """/daily setup's ``exam_date`` as typed: a date after ``today``, None to clear it, or
    False when it is neither (the caller refuses it before saving anything)."""
    if text.strip().casefold() in CLEAR_WORDS:
        return None
    day = parse_exam_date(text, today)
    return False if day is None or day <= today else day


async def set_group_exam(runner: TransactionRunner, channel_id: int, day: date | None) -> bool:
    """Set or clear the exam date of the study group posting in ``channel_id``."""
    return await runner.run(lambda conn: rows.set_group_exam(conn, channel_id, day))

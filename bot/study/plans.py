"""An exam date or a backlog: their inputs for today's queue, and what the learner is told.

The rules are the core's (bot/srs/exam.py, bot/srs/backlog.py); this module
reads their inputs for one learner and one scope (a deck, or all their decks),
and bot.study.day_plan builds the day's queue with them:

- **Backlog.**  More faces due than the day's reviews left: the day's share
  is the most overdue relative to its interval (day_plan's `todays_reviews`),
  and `learner_backlog` says how many days catching up takes at the
  learner's daily review limit.
- **Exam.**  For each deck in scope with an exam in force (`deck_exams`), the
  new faces the plan needs today come first, raised above the learner's own
  new-card limit when the exam needs it (`plan_new_cards`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection

from bot.srs.backlog import HORIZON_DAYS, Backlog, find_backlog
from bot.srs.exam import REASON_RAISED, REASON_TOO_LATE, ExamPlan, plan_new_cards
from bot.storage import scheduling as rows
from bot.storage.queue_queries import DeckScope
from bot.study.scheduling import exam_in_force


@dataclass(frozen=True, slots=True)
class DeckExam:
    """An exam in force for one of the learner's decks, and today's plan for it."""

    deck_id: str
    title: str
    exam: date
    own: bool  # the learner's own date (else their study group's)
    plan: ExamPlan


def learner_backlog(conn: Connection, scope: DeckScope, today: date, cap: int) -> Backlog | None:
    """The learner's backlog in scope, or None when today's reviews fit under ``cap``."""
    counts = rows.due_counts(conn, scope, today + timedelta(days=HORIZON_DAYS))
    return find_backlog(counts, today, cap)


def deck_exams(
    conn: Connection, user_id: int, deck_id: str | None, today: date, new_per_day: int
) -> list[DeckExam]:
    """Exams in force for the decks in scope, soonest first, each with today's plan."""
    own, groups = rows.exams_of(conn, user_id)
    if not own and not groups:
        return []  # the common case: two indexed reads and nothing more
    decks = rows.exam_decks(conn, user_id, deck_id)
    found: list[DeckExam] = []
    for deck in decks:
        exam = exam_in_force(own.get(deck), groups.get(deck, ()), today)
        if exam is None:
            continue
        plan = plan_new_cards(
            rows.unmet_faces(conn, user_id, deck), today, exam, new_per_day,
            rows.met_today(conn, user_id, deck, today),
        )
        found.append(DeckExam(deck, rows.deck_title(conn, deck), exam, deck in own, plan))
    found.sort(key=lambda e: (e.exam, e.deck_id))
    return found


@dataclass(frozen=True, slots=True)
class StudyNotices:
    """What a learner is told as a session starts: a backlog, and exams that raise the pace."""

    backlog: Backlog | None = None
    exams: tuple[DeckExam, ...] = ()

    @property
    def raised(self) -> tuple[DeckExam, ...]:
        """Exams whose plan changes today's new cards (raised, or the last day)."""
        return tuple(e for e in self.exams if e.plan.reason in (REASON_RAISED, REASON_TOO_LATE))


def study_notices(
    conn: Connection, user_id: int, deck_id: str | None, today: date, new_per_day: int,
    reviews_per_day: int,
) -> StudyNotices:
    scope = DeckScope(user_id, deck_id)
    return StudyNotices(
        learner_backlog(conn, scope, today, reviews_per_day),
        tuple(deck_exams(conn, user_id, deck_id, today, new_per_day)),
    )

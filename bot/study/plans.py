"""Today's queue under an exam date or a backlog, and what the learner is told about it.

The rules are the core's (bot/srs/exam.py, bot/srs/backlog.py); this module
reads their inputs for one learner and one scope (a deck, or all their decks):

- **Backlog.**  More faces due than the day's reviews left: the day's share
  is the most overdue relative to its interval (`todays_reviews`), and
  `learner_backlog` says how many days catching up takes at the learner's
  daily review limit.
- **Exam.**  For each deck in scope with an exam in force, the new faces the
  plan needs today come first, raised above the learner's own new-card
  limit when the exam needs it (`plan_new_cards`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection

from bot.srs.backlog import HORIZON_DAYS, Backlog, DueFace, find_backlog, todays_reviews
from bot.srs.exam import REASON_RAISED, REASON_TOO_LATE, ExamPlan, plan_new_cards
from bot.storage import scheduling as rows
from bot.storage.queue_queries import DeckScope, FaceKey, due_face_keys, new_face_keys
from bot.study.scheduling import exam_in_force


@dataclass(frozen=True, slots=True)
class DeckExam:
    """An exam in force for one of the learner's decks, and today's plan for it."""

    deck_id: str
    title: str
    exam: date
    own: bool  # the learner's own date (else their study group's)
    plan: ExamPlan


def todays_due(conn: Connection, scope: DeckScope, today: date, cap: int) -> list[FaceKey]:
    """The reviews to serve today, at most ``cap``: due date order while they fit, the most
    overdue relative to their interval first when more are due (a backlog)."""
    keys = due_face_keys(conn, scope, today, cap + 1) if cap > 0 else []
    if len(keys) <= cap:
        return keys
    found = sorted(rows.due_faces(conn, scope, today),
                   key=lambda r: (r.deck_id, r.position, r.face))
    faces = [
        DueFace((int(r.card_pk), int(r.face)), r.due, int(r.interval), index)
        for index, r in enumerate(found)
    ]
    return todays_reviews(faces, today, cap)


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


def todays_new(
    conn: Connection, scope: DeckScope, today: date, new_per_day: int, new_left: int
) -> list[FaceKey]:
    """Today's new faces: what exam plans need first (beyond ``new_left`` if they must),
    then the learner's other new faces in deck order within ``new_left``."""
    exams = deck_exams(conn, scope.user_id, scope.deck_id, today, new_per_day)
    first: list[FaceKey] = []
    for exam in exams:
        quota = exam.plan.new_per_day - rows.met_today(conn, scope.user_id, exam.deck_id, today)
        first += rows.new_faces_of_deck(conn, scope.user_id, exam.deck_id, quota)
    rest = max(0, new_left - len(first))
    if not first:
        return new_face_keys(conn, scope, rest)
    taken = set(first)
    others = [k for k in new_face_keys(conn, scope, rest + len(first)) if k not in taken]
    return first + others[:rest]


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

"""A learner's scheduler at work: which one applies, the exam in force, rebuilds from the log.

The core (bot/srs) decides everything; this module only finds its inputs
(the learner's choice, the deck's default, the exam dates, the log) and
stores its outputs.  Three rules fixed here and used everywhere:

- **Which scheduler.**  The learner's own choice (/settings, --scheduler);
  without one, the deck file's ``scheduler:``; without that, SM-2.
- **The random source.**  ``fuzz_source(f"{user}:{card_pk}:{face}", today)``
  for the answer, the buttons' preview and every replay: the key never
  changes, so `db verify` and a switch of scheduler land on the days the
  learner was shown.
- **The exam in force.**  The learner's own exam date for the deck, else the
  earliest of their study groups' on it; only while it is still ahead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from random import Random
from typing import Any

from sqlalchemy import Connection

from bot.srs import scheduler
from bot.srs.fsrs_review import DEFAULT_RETENTION, FsrsConfig, FsrsState
from bot.srs.fuzz import fuzz_source
from bot.srs.grades import Grade
from bot.srs.preview import next_reviews
from bot.srs.rebuild import LoggedAnswer, rebuild_state
from bot.srs.scheduler import ReviewState, SchedulerKind, Scheduling
from bot.srs.sm2 import Sm2State
from bot.storage import scheduling as rows
from bot.storage.models import SCHEDULE_COLUMNS, SCHEDULER_FSRS, SCHEDULER_SM2


def face_source(user_id: int, card_pk: int, face: int) -> str:
    """The name of a learner's face in its random source: never change this format."""
    return f"{user_id}:{card_pk}:{face}"


def rng_for(user_id: int, card_pk: int, face: int, today: date) -> Random:
    """The random source of the face's scheduling review on ``today``."""
    return fuzz_source(face_source(user_id, card_pk, face), today)


@lru_cache(maxsize=64)
def _scheduling(kind: SchedulerKind, retention: float) -> Scheduling:
    if kind is SchedulerKind.SM2:
        return Scheduling()
    return Scheduling(SchedulerKind.FSRS, FsrsConfig(desired_retention=retention))


def scheduling_for(
    chosen: str | None, deck_default: str | None, retention: float | None
) -> Scheduling:
    """The learner's choice, else the deck's default, else SM-2; with their retention."""
    kind = SchedulerKind(chosen or deck_default or SCHEDULER_SM2)
    return _scheduling(kind, DEFAULT_RETENTION if retention is None else float(retention))


def exam_in_force(own: date | None, groups: Iterable[date], today: date) -> date | None:
    """The exam the learner's reviews of a deck work towards today, if any.

    Their own date wins over their groups'; a date that is not ahead any
    more is no exam (scheduling is back to normal after it).
    """
    candidates = [own] if own is not None else list(groups)
    ahead = [day for day in candidates if day > today]
    return min(ahead) if ahead else None


def exam_for(conn: Connection, user_id: int, deck_id: str, today: date,
             own: date | None = None, *, own_known: bool = False) -> date | None:
    """`exam_in_force` read from the database (``own`` when the caller read it already)."""
    if not own_known:
        own = rows.own_exam(conn, user_id, deck_id)
    if own is not None:
        return exam_in_force(own, (), today)
    return exam_in_force(None, rows.group_exams(conn, user_id, deck_id), today)


def exam_from_context(
    conn: Connection,
    user_id: int,
    deck_id: str,
    today: date,
    own: date | None,
    earliest_group: date | None,
) -> date | None:
    """`exam_for` from what the answer's context read: the learner's own exam, and the
    earliest of their groups' exams not long past.  Only when that group exam has passed
    too (two groups, one exam just behind) are the groups' dates read again."""
    if own is not None or earliest_group is None:
        return exam_in_force(own, (), today)
    if earliest_group > today:
        return earliest_group
    return exam_in_force(None, rows.group_exams(conn, user_id, deck_id), today)


def stored_state(
    scheduler: str | None,
    ease_cents: int | None,
    repetitions: int | None,
    interval: int | None,
    due: date | None,
    stability: float | None,
    difficulty: float | None,
    last_review: date | None,
) -> ReviewState | None:
    """A review_states row as the core's state; None when the face has no row."""
    if scheduler is None or interval is None:
        return None
    if scheduler == SCHEDULER_FSRS:
        return FsrsState(stability, difficulty, interval, due, last_review)
    assert ease_cents is not None and repetitions is not None
    return Sm2State.from_cents(ease_cents, repetitions, interval, due)


def state_of_row(row: Any) -> ReviewState | None:
    """The state of a row that selected the schedule columns (bot.storage.models
    .schedule_columns), whatever else it holds."""
    return stored_state(*(getattr(row, name) for name in SCHEDULE_COLUMNS))


def state_columns(state: ReviewState) -> dict[str, Any]:
    """The review_states columns that hold ``state`` (the other scheduler's set to NULL)."""
    if isinstance(state, FsrsState):
        return {
            "scheduler": SCHEDULER_FSRS, "ease_cents": None, "repetitions": None,
            "interval": state.interval, "due": state.due, "stability": state.stability,
            "difficulty": state.difficulty, "last_review": state.last_review,
        }
    return {
        "scheduler": SCHEDULER_SM2, "ease_cents": state.ease_cents,
        "repetitions": state.repetitions, "interval": state.interval, "due": state.due,
        "stability": None, "difficulty": None, "last_review": None,
    }


def kind_of(state: ReviewState) -> SchedulerKind:
    return SchedulerKind.FSRS if isinstance(state, FsrsState) else SchedulerKind.SM2


def replay_face(
    user_id: int, card_pk: int, face: int, log: Sequence[Any], scheduling: Scheduling
) -> ReviewState:
    """The face's state under ``scheduling`` from its scheduling log rows
    (each with ``quality``, ``study_date`` and ``exam_date``, in the order written)."""
    answers = [
        LoggedAnswer(row.study_date, row.quality, True, row.exam_date) for row in log
    ]
    return rebuild_state(
        answers, scheduling, lambda day: rng_for(user_id, card_pk, face, day)
    )


def rebuild_face(
    conn: Connection, user_id: int, card_pk: int, face: int, scheduling: Scheduling
) -> ReviewState:
    """Rebuild one face from its log (the answer path, when its deck's default changed)."""
    return replay_face(
        user_id, card_pk, face, rows.face_log(conn, user_id, card_pk, face), scheduling
    )


def rebuild_learner(
    conn: Connection, user_id: int, chosen: str | None, retention: float | None
) -> int:
    """Rebuild every state of the learner from their log under what now applies to each deck.

    Runs inside the caller's transaction (the switch of scheduler itself), so
    the learner never sees half their states under one scheduler and half
    under the other.  Returns the number of faces rebuilt.
    """
    log = rows.learner_scheduling_log(conn, user_id)
    rebuilt = 0
    start = 0
    while start < len(log):
        card_pk, face = log[start].card_pk, log[start].face
        end = start
        while end < len(log) and (log[end].card_pk, log[end].face) == (card_pk, face):
            end += 1
        scheduling = scheduling_for(chosen, log[start].scheduler, retention)
        state = replay_face(user_id, card_pk, face, log[start:end], scheduling)
        rows.put_state(conn, user_id, card_pk, face, state_columns(state))
        rebuilt += 1
        start = end
    return rebuilt



def grade_intervals(
    conn: Connection, user_id: int, card_pk: int, face: int, today: date
) -> dict[int, int] | None:
    """Days until the face comes back after each grade (quality -> days), as the answer
    will schedule it: the same scheduler, random source and exam.  None when unknown."""
    row = rows.face_schedule(conn, user_id, card_pk, face)
    if row is None:
        return None
    scheduling = scheduling_for(row.chosen_scheduler, row.deck_scheduler, row.desired_retention)
    stored = state_of_row(row)
    before = (
        scheduler.new_state(scheduling) if stored is None
        else stored if kind_of(stored) is scheduling.kind
        else rebuild_face(conn, user_id, card_pk, face, scheduling)
    )  # fmt: skip
    exam = exam_for(conn, user_id, row.deck_id, today, row.own_exam, own_known=True)
    previews = next_reviews(before, today, scheduling, rng_for(user_id, card_pk, face, today),
                            exam)
    return {int(grade): previews[Grade(grade)].days for grade in Grade}

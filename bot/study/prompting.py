"""Session use cases: start or resume, the next face, skip, end, summary.

Each is a synchronous function of a ``Connection``, one short transaction
run by the ``TransactionRunner``, composed from the queries of
bot.storage.study_sessions and bot.storage.queue_queries and the queue rules
of bot.srs.queue.  ``StudyService`` in bot.study.session is their async face;
the types they return live there too.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from bot.srs.grades import is_correct
from bot.srs.queue import DailyLimits, next_face, pending_drill, remaining_allowance
from bot.storage import study_sessions as rows
from bot.storage.learners import (
    LearnerDefaults,
    deck_ids,
    enroll,
    enrolled_deck_ids,
    insert_user_if_missing,
    learner,
)
from bot.storage.locks import lock_learner
from bot.storage.models import MAX_ROW_ID
from bot.storage.queue_queries import (
    KIND_DRILL,
    KIND_NEW,
    DeckScope,
    FaceKey,
    day_progress,
    session_answers,
    skipped_faces,
)
from bot.storage.rows import AnyRow
from bot.study.cards import FaceText, choice_order, face_text, shown_choice
from bot.study.learners import learner_today, user_today
from bot.study.plans import todays_due, todays_new
from bot.study.scheduling import grade_intervals


class UnknownDeckError(LookupError):
    """The learner asked for a deck that is not loaded."""

    def __init__(self, deck_id: str) -> None:
        super().__init__(deck_id)
        self.deck_id = deck_id


@dataclass(frozen=True, slots=True)
class SessionRef:
    id: int
    user_id: int
    deck_id: str | None
    study_date: date
    resumed: bool


@dataclass(frozen=True, slots=True)
class PromptView:
    """One face to show, with everything a front end needs and nothing of its own."""

    prompt_id: int
    session_id: int
    user_id: int
    deck_id: str
    card_id: str
    card_pk: int
    face: int
    text: FaceText
    is_new: bool
    is_drill: bool
    remaining: int  # faces left in this session today, this one included
    #: Self-graded faces, when asked for: days until the face comes back after each
    #: grade (SM-2 quality -> days), as the answer will schedule it (the grade buttons).
    intervals: dict[int, int] | None = None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    session_id: int
    answered: int
    correct: int
    new: int
    drilled: int
    remaining: int

    @property
    def correct_rate(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class _Session:
    user_id: int
    deck_id: str | None
    ended: bool
    today: date
    limits: DailyLimits


def _load_session(conn: Connection, session_id: int, now: datetime) -> _Session | None:
    row = rows.session_with_learner(conn, session_id)
    if row is None:
        return None
    return _Session(
        user_id=row.user_id,
        deck_id=row.deck_id,
        ended=row.ended_at is not None,
        today=learner_today(
            now, row.timezone, row.rollover_hour, row.kept_day, row.kept_until
        ),
        limits=DailyLimits(row.new_per_day, row.reviews_per_day),
    )


def _plan(
    conn: Connection,
    session_id: int,
    study: _Session,
    answers: list[tuple[FaceKey, int]],
    skipped: set[FaceKey],
) -> tuple[list[FaceKey], int]:
    """(today's queue, faces remaining in the session, drill included).

    The queries implement bot.srs.queue.session_queue in SQL (due first, most
    overdue first, then new faces in deck order, within the daily limits).
    """
    progress = day_progress(conn, study.user_id, study.today)
    new_left, reviews_left = remaining_allowance(study.limits, progress)
    scope = DeckScope(study.user_id, study.deck_id)
    # A backlog is served most overdue first; an exam's plan may raise the new faces.
    queue = todays_due(conn, scope, study.today, reviews_left)
    queue += todays_new(conn, scope, study.today, study.limits.new_per_day, new_left)
    return queue, count_remaining(queue, answers, pending_drill(answers), skipped)


def next_prompt(
    conn: Connection,
    session_id: int,
    user_id: int,
    now: datetime,
    rng: random.Random,
    *,
    previews: bool = False,
) -> PromptView | None:
    """The face to show now, or None when the session is done for today.

    An unanswered prompt of the session is shown again rather than a new one
    created, so resuming (or asking twice) never skips a face.  ``previews``
    adds each grade's next interval (for a revealed self-graded face).
    """
    study = _load_session(conn, session_id, now)
    if study is None or study.user_id != user_id or study.ended:
        return None
    answers = session_answers(conn, session_id)
    skipped = skipped_faces(conn, session_id)
    queue, remaining = _plan(conn, session_id, study, answers, skipped)
    pending = rows.pending_prompt(conn, session_id)
    if pending is not None:
        card = rows.card_row(conn, pending.card_pk)
        if card is not None and card.retired_at is None and pending.face in card.faces:
            text = face_text(
                card.type, card.content, pending.face, pending.choice_order, pending.shown
            )
            view = _view(
                conn, pending.id, session_id, user_id, card, pending.face,
                text, answers, max(remaining, 1),
            )  # fmt: skip
            return _with_intervals(conn, view, study.today) if previews else view
        rows.set_aside(conn, pending.id)  # its card left the deck
    key = next_face(queue, answers, skipped=skipped)
    if key is None:
        return None
    card = rows.card_row(conn, key[0])
    assert card is not None
    order = choice_order(card.content, rng) if card.type == "choice" else None
    text = face_text(card.type, card.content, key[1], order)
    prompt_id = new_prompt(
        conn, session_id, user_id, card.pk, key[1], order, now, shown=shown_choice(text)
    )
    view = _view(conn, prompt_id, session_id, user_id, card, key[1], text, answers, remaining)
    return _with_intervals(conn, view, study.today) if previews else view


def _with_intervals(conn: Connection, view: PromptView, today: date) -> PromptView:
    """``view`` with its grades' next intervals, for a face the learner grades themselves.

    A drilled face gets none: its grade is logged but does not reschedule it.
    """
    if view.text.type not in ("basic", "cloze") or view.is_drill:
        return view
    intervals = grade_intervals(conn, view.user_id, view.card_pk, view.face, today)
    return replace(view, intervals=intervals)


def new_session(
    conn: Connection,
    user_id: int,
    deck_id: str | None,
    front_end: str,
    today: date,
    now: datetime,
) -> int:
    """Open a study session row; its id keys the drill and the session's log."""
    return rows.insert_session(conn, user_id, deck_id, front_end, today, now)


def new_prompt(
    conn: Connection,
    session_id: int,
    user_id: int,
    card_pk: int,
    face: int,
    order: list[int] | None,
    shown_at: datetime,
    *,
    shown: dict[str, Any] | None = None,
) -> int:
    """Show a face: the prompt row an answer claims (once) by its id.

    ``shown`` is a choice face as shown (`shown_choice`), which the answer is graded by.
    """
    return rows.insert_prompt(conn, session_id, user_id, card_pk, face, order, shown_at, shown)


def _view(
    conn: Connection,
    prompt_id: int,
    session_id: int,
    user_id: int,
    card: AnyRow,
    face: int,
    text: FaceText,
    answers: list[tuple[FaceKey, int]],
    remaining: int,
) -> PromptView:
    key = (card.pk, face)
    seen = rows.has_state(conn, user_id, card.pk, face)
    return PromptView(
        prompt_id=prompt_id,
        session_id=session_id,
        user_id=user_id,
        deck_id=card.deck_id,
        card_id=card.card_id,
        card_pk=card.pk,
        face=face,
        text=text,
        is_new=not seen,
        is_drill=any(k == key for k, _ in answers),
        remaining=remaining,
    )


def start_session(
    conn: Connection,
    user_id: int,
    deck_id: str | None,
    front_end: str,
    now: datetime,
    defaults: LearnerDefaults,
) -> SessionRef:
    """Resume the learner's open session on these decks today, or start one.

    Without a deck the session covers every deck the learner studies; a
    learner who studies none yet is enrolled in every loaded deck.
    """
    insert_user_if_missing(conn, user_id, defaults, now)
    # Two starts at once (a double click) resume one session, as on SQLite.
    lock_learner(conn, user_id)
    known = deck_ids(conn)
    enrolled = set(enrolled_deck_ids(conn, user_id))
    if deck_id is not None:
        if deck_id not in known:
            raise UnknownDeckError(deck_id)
        wanted = [deck_id]
    else:
        wanted = [] if enrolled else known
    for deck in wanted:
        if deck not in enrolled:
            enroll(conn, user_id, deck, now)
    user = learner(conn, user_id)
    assert user is not None
    today = user_today(user, now)
    open_session = rows.open_session(conn, user_id, deck_id, front_end)
    if open_session is not None and open_session.study_date == today:
        return SessionRef(open_session.id, user_id, deck_id, today, resumed=True)
    if open_session is not None:  # yesterday's session: its drill is over
        rows.close_session(conn, open_session.id, now)
    session_id = new_session(conn, user_id, deck_id, front_end, today, now)
    return SessionRef(session_id, user_id, deck_id, today, resumed=False)


def skip_prompt(conn: Connection, prompt_id: int, user_id: int) -> bool:
    """Put a face aside for this session; it stays due and comes back next time."""
    if not 0 < prompt_id <= MAX_ROW_ID:
        return False  # a forged id: no such prompt can exist (PostgreSQL would raise)
    return rows.skip_prompt(conn, prompt_id, user_id)


def end_session(
    conn: Connection, session_id: int, user_id: int, now: datetime
) -> SessionSummary:
    """Close the session and sum it up, counting what was still left for today.

    The summary is taken before closing (an ended session has nothing left),
    in the same transaction, so front ends need no second call for it.
    """
    summary = session_summary(conn, session_id, now)
    rows.close_session(conn, session_id, now, user_id=user_id)
    rows.set_aside_unanswered(conn, session_id)
    return summary


def session_summary(conn: Connection, session_id: int, now: datetime) -> SessionSummary:
    logged = rows.session_log(conn, session_id)
    remaining = 0
    study = _load_session(conn, session_id, now)
    if study is not None and not study.ended:
        answers = session_answers(conn, session_id)
        remaining = _plan(conn, session_id, study, answers, skipped_faces(conn, session_id))[1]
    return SessionSummary(
        session_id=session_id,
        answered=len(logged),
        correct=sum(1 for _, q in logged if is_correct(q)),
        new=sum(1 for kind, _ in logged if kind == KIND_NEW),
        drilled=sum(1 for kind, _ in logged if kind == KIND_DRILL),
        remaining=remaining,
    )


def count_remaining(
    queue: Sequence[FaceKey],
    answers: Sequence[tuple[FaceKey, int]],
    drill: Sequence[FaceKey],
    skipped: Collection[FaceKey] = (),
) -> int:
    """Faces still to show in this session, drilled faces included."""
    done = {key for key, _ in answers} | set(skipped)
    return sum(1 for key in queue if key not in done) + sum(
        1 for key in drill if key not in skipped
    )

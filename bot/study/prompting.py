"""Session use cases: start or resume, the next face, skip, end, summary.

Each is a synchronous function of a ``Connection``, one short transaction
run by the ``TransactionRunner``, composed from the queries of
bot.storage.study_sessions and bot.storage.queue_queries and the queue rules
of bot.srs.queue.  ``StudyService`` in bot.study.session is their async face;
the types they return live there too.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from bot.srs.day import study_day_start
from bot.srs.grades import is_correct
from bot.srs.queue import DailyLimits, LeftToday, next_face, pending_drill
from bot.storage import stats
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
    KIND_NEW,
    DeckScope,
    FaceKey,
    session_answers,
    skipped_faces,
)
from bot.storage.rows import AnyRow
from bot.storage.study_sessions import MODE_MISTAKES, MODE_REVIEW, SESSION_MODES
from bot.study.cards import FaceText, choice_order, face_text, shown_choice
from bot.study.day_plan import plan_day, plan_mistakes
from bot.study.learners import learner_today, user_today
from bot.study.scheduling import grade_intervals
from bot.study.stats import current_streak

#: How far ahead the summary looks for the next review.
OUTLOOK_DAYS = 30


class UnknownDeckError(LookupError):
    """The learner asked for a deck that is not loaded."""

    def __init__(self, deck_id: str) -> None:
        super().__init__(deck_id)
        self.deck_id = deck_id


class DeckChoiceNeededError(LookupError):
    """A first study without a deck while several are loaded: the learner picks one.

    Nothing is written: joining every deck at once would mix languages and
    subjects nobody asked for.
    """


@dataclass(frozen=True, slots=True)
class SessionRef:
    id: int
    user_id: int
    deck_id: str | None
    study_date: date
    resumed: bool
    mode: str = MODE_REVIEW
    joined: str | None = None  # the deck a first study joined, to say so


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
    #: Left today (bot.srs.queue.LeftToday), this face included unless it is a repeat; in a
    #: mistakes drill, the drill's faces not answered yet.
    left: LeftToday
    repeats: int = 0  # faces owed a repeat in this session, this one included if it is one
    skipped: int = 0  # faces skipped in this session: still left today, not in this session
    mode: str = MODE_REVIEW
    #: Self-graded faces, when asked for: days until the face comes back after each
    #: grade (SM-2 quality -> days), as the answer will schedule it (the grade buttons).
    intervals: dict[int, int] | None = None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A session in numbers, counted by face: a repeat is not a second card."""

    session_id: int
    answered: int  # faces answered (the first answer of each)
    correct: int  # of those, right at the first answer
    new: int  # faces seen for the first time
    repeats: int  # answers repeating a face already answered in the session
    skipped: int  # faces put aside and not answered (still left today)
    repeats_left: int  # faces still owed a repeat when the session ended
    left: LeftToday  # left today, as every screen counts it
    today: date
    next_review: tuple[date, int] | None  # the next day with reviews due, and how many
    due_this_week: int  # reviews due within 7 days after today
    streak: int  # consecutive study days, up to today
    mode: str = MODE_REVIEW
    timezone: str = "UTC"  # the learner's, for a front end that shows dates as instants

    @property
    def correct_rate(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class _Session:
    user_id: int
    deck_id: str | None
    mode: str
    ended: bool
    today: date
    day_began: datetime
    limits: DailyLimits
    timezone: str


def _load_session(conn: Connection, session_id: int, now: datetime) -> _Session | None:
    row = rows.session_with_learner(conn, session_id)
    if row is None:
        return None
    today = learner_today(now, row.timezone, row.rollover_hour, row.kept_day, row.kept_until)
    return _Session(
        user_id=row.user_id,
        deck_id=row.deck_id,
        mode=row.mode,
        ended=row.ended_at is not None,
        today=today,
        day_began=study_day_start(today, row.timezone, row.rollover_hour),
        limits=DailyLimits(row.new_per_day, row.reviews_per_day),
        timezone=row.timezone,
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    queue: list[FaceKey]
    left: LeftToday
    repeats: int
    skipped: int
    #: Today's due faces (each has a schedule) and new faces (none has), when the plan
    #: is the day's: whether a face shown from them is new needs no query of its own.
    due: frozenset[FaceKey] = frozenset()
    new: frozenset[FaceKey] = frozenset()

    def seen(self, key: FaceKey) -> bool | None:
        """Whether the learner has reviewed ``key`` before, if the plan tells; else None."""
        if key in self.due:
            return True
        if key in self.new:
            return False
        return None


def _plan(
    conn: Connection,
    study: _Session,
    answers: list[tuple[FaceKey, int]],
    skipped: set[FaceKey],
) -> _Plan:
    """Today's queue (bot.study.day_plan) and the session's counts beside it.

    A mistakes drill goes over each missed face once (a wrong answer there is
    logged, not repeated): it owes no repeats.
    """
    if study.mode == MODE_MISTAKES:
        done = {key for key, _ in answers} | skipped
        queue = plan_mistakes(conn, study.user_id, study.deck_id, study.today, study.day_began)
        left = LeftToday(reviews=sum(1 for key in queue if key not in done))
        return _Plan(queue, left, 0, len(skipped))
    repeats = sum(1 for key in pending_drill(answers) if key not in skipped)
    day = plan_day(
        conn, study.user_id, study.deck_id, study.today, study.limits, study.day_began
    )
    return _Plan(day.queue, day.left, repeats, len(skipped),
                 due=frozenset(day.reviews), new=frozenset(day.new))


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
    plan = _plan(conn, study, answers, skipped)
    pending = rows.pending_prompt(conn, session_id)
    if pending is not None:
        card = rows.card_row(conn, pending.card_pk)
        if card is not None and card.retired_at is None and pending.face in card.faces:
            text = face_text(
                card.type, card.content, pending.face, pending.choice_order, pending.shown
            )
            view = _view(
                conn, pending.id, session_id, study, card, pending.face, text, answers, plan
            )
            return _with_intervals(conn, view, study.today) if previews else view
        rows.set_aside(conn, pending.id)  # its card left the deck
    if study.mode == MODE_MISTAKES:
        done = {key for key, _ in answers} | skipped
        key = next((k for k in plan.queue if k not in done), None)
    else:
        key = next_face(plan.queue, answers, skipped=skipped)
    if key is None:
        return None
    card = rows.card_row(conn, key[0])
    assert card is not None
    order = choice_order(card.content, rng) if card.type == "choice" else None
    text = face_text(card.type, card.content, key[1], order)
    prompt_id = new_prompt(
        conn, session_id, user_id, card.pk, key[1], order, now, shown=shown_choice(text)
    )
    view = _view(conn, prompt_id, session_id, study, card, key[1], text, answers, plan)
    return _with_intervals(conn, view, study.today) if previews else view


def _with_intervals(conn: Connection, view: PromptView, today: date) -> PromptView:
    """``view`` with its grades' next intervals, for a face the learner grades themselves.

    A drilled face gets none (a repeat, or any face of a mistakes drill): its grade
    is logged but does not reschedule it.
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
    mode: str = MODE_REVIEW,
) -> int:
    """Open a study session row; its id keys the drill and the session's log."""
    return rows.insert_session(conn, user_id, deck_id, front_end, today, now, mode)


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
    study: _Session,
    card: AnyRow,
    face: int,
    text: FaceText,
    answers: list[tuple[FaceKey, int]],
    plan: _Plan,
) -> PromptView:
    key = (card.pk, face)
    seen = plan.seen(key)
    if seen is None:  # a repeat, a prompt shown before, a mistakes drill
        seen = rows.has_state(conn, study.user_id, card.pk, face)
    return PromptView(
        prompt_id=prompt_id,
        session_id=session_id,
        user_id=study.user_id,
        deck_id=card.deck_id,
        card_id=card.card_id,
        card_pk=card.pk,
        face=face,
        text=text,
        is_new=not seen,
        is_drill=study.mode == MODE_MISTAKES or any(k == key for k, _ in answers),
        left=plan.left,
        repeats=plan.repeats,
        skipped=plan.skipped,
        mode=study.mode,
    )


def start_session(
    conn: Connection,
    user_id: int,
    deck_id: str | None,
    front_end: str,
    now: datetime,
    defaults: LearnerDefaults,
    mode: str = MODE_REVIEW,
) -> SessionRef:
    """Resume the learner's open ``mode`` session on these decks today, or start one.

    Without a deck the session covers every deck the learner studies.  A
    learner who studies none yet joins the only deck there is (the ref says
    so, for the front end to tell them), or, with several, is asked which
    one: DeckChoiceNeededError, and nothing is written.
    """
    if mode not in SESSION_MODES:
        raise ValueError(f"unknown session mode: {mode!r}")
    known = deck_ids(conn)
    if deck_id is not None and deck_id not in known:
        raise UnknownDeckError(deck_id)
    insert_user_if_missing(conn, user_id, defaults, now)
    # Two starts at once (a double click) resume one session, as on SQLite.
    lock_learner(conn, user_id)
    enrolled = set(enrolled_deck_ids(conn, user_id))
    joined = None
    if deck_id is not None:
        if deck_id not in enrolled:
            enroll(conn, user_id, deck_id, now)
    elif not enrolled and len(known) > 1:
        raise DeckChoiceNeededError()
    elif not enrolled and known:
        [joined] = known
        enroll(conn, user_id, joined, now)
    user = learner(conn, user_id)
    assert user is not None
    today = user_today(user, now)
    open_session = rows.open_session(conn, user_id, deck_id, front_end, mode)
    if open_session is not None and open_session.study_date == today:
        return SessionRef(open_session.id, user_id, deck_id, today, resumed=True, mode=mode,
                          joined=joined)
    if open_session is not None:  # yesterday's session: its drill is over
        rows.close_session(conn, open_session.id, now)
    session_id = new_session(conn, user_id, deck_id, front_end, today, now, mode)
    return SessionRef(session_id, user_id, deck_id, today, resumed=False, mode=mode,
                      joined=joined)


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
    """The session in numbers, with what is left today and the learner's outlook.

    Counted by face: the first answer of each face is the one that counts (a
    repeat of a lapse is a repeat, not another card).
    """
    study = _load_session(conn, session_id, now)
    if study is None:
        raise LookupError(f"no study session {session_id}")
    logged = rows.session_log(conn, session_id)
    first = first_answers(logged)
    answers = [(key, quality) for key, _, quality in logged]
    skipped = skipped_faces(conn, session_id)
    plan = _plan(conn, study, answers, skipped)
    if study.mode == MODE_MISTAKES:  # a drill is not today's work
        day = plan_day(conn, study.user_id, study.deck_id, study.today, study.limits,
                       study.day_began)
        left = day.left
    else:
        left = plan.left
    scope = DeckScope(study.user_id, None)
    horizon = study.today + timedelta(days=OUTLOOK_DAYS)
    upcoming = sorted(stats.due_per_day(conn, scope, study.today, horizon).items())
    week = study.today + timedelta(days=7)
    return SessionSummary(
        session_id=session_id,
        answered=len(first),
        correct=sum(1 for _, quality in first if is_correct(quality)),
        new=sum(1 for _, kind, _ in logged if kind == KIND_NEW),
        repeats=len(logged) - len(first),
        skipped=len(skipped),
        repeats_left=plan.repeats,
        left=left,
        today=study.today,
        next_review=next((item for item in upcoming if item[1] > 0), None),
        due_this_week=sum(n for day, n in upcoming if day <= week),
        streak=current_streak(stats.study_days(conn, study.user_id), study.today),
        mode=study.mode,
        timezone=study.timezone,
    )


def first_answers(
    logged: Sequence[tuple[FaceKey, str, int]],
) -> list[tuple[FaceKey, int]]:
    """(face, quality) of the first answer to each face, in answer order."""
    seen: set[FaceKey] = set()
    first: list[tuple[FaceKey, int]] = []
    for key, _, quality in logged:
        if key not in seen:
            seen.add(key)
            first.append((key, quality))
    return first

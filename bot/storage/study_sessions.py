"""Study sessions and their prompts: open, find, show a face, put aside, close.

bot.study.prompting composes these into the session use cases (start or
resume, the next face, skip, end); the hot statements are built once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, exists, insert, select, update

from bot.storage.models import Card, Deck, Prompt, ReviewLog, ReviewState, StudySession, User
from bot.storage.prepared import Prepared
from bot.storage.rows import AnyRow

#: study_sessions.mode: today's queue, or a drill of the week's misses that never reschedules.
MODE_REVIEW = "review"
MODE_MISTAKES = "mistakes"
SESSION_MODES = (MODE_REVIEW, MODE_MISTAKES)

_SESSION = Prepared(
    select(
        StudySession.user_id,
        StudySession.deck_id,
        StudySession.mode,
        StudySession.ended_at,
        User.timezone,
        User.rollover_hour,
        User.kept_day,
        User.kept_until,
        User.new_per_day,
        User.reviews_per_day,
    )
    .join(User, User.id == StudySession.user_id)
    .where(StudySession.id == bindparam("session"))
)
_PENDING = Prepared(
    select(Prompt.id, Prompt.card_pk, Prompt.face, Prompt.choice_order, Prompt.shown)
    .where(
        Prompt.session_id == bindparam("session"),
        Prompt.answered_at.is_(None),
        Prompt.skipped.is_(False),
    )
    .order_by(Prompt.id.desc())
    .limit(1)
)
_CARD = Prepared(select(
    Card.pk, Card.deck_id, Card.card_id, Card.type, Card.content, Card.faces, Card.retired_at
).where(Card.pk == bindparam("card")))
_HAS_STATE = Prepared(select(
    exists().where(
        ReviewState.user_id == bindparam("user"),
        ReviewState.card_pk == bindparam("card"),
        ReviewState.face == bindparam("face"),
    )
))
_INSERT_PROMPT = Prepared(insert(Prompt).returning(Prompt.id), [
    "session_id", "user_id", "card_pk", "face", "choice_order", "shown", "shown_at",
    "answered_at", "skipped"])
_SET_ASIDE = update(Prompt).where(Prompt.id == bindparam("prompt_key")).values(skipped=True)
_INSERT_SESSION = insert(StudySession).returning(StudySession.id)
_LOG = Prepared(
    select(ReviewLog.card_pk, ReviewLog.face, ReviewLog.kind, ReviewLog.quality)
    .where(ReviewLog.session_id == bindparam("session"))
    .order_by(ReviewLog.id)
)


def session_with_learner(conn: Connection, session_id: int) -> AnyRow | None:
    """(user_id, deck_id, mode, ended_at, and the learner's timezone, rollover_hour,
    kept_day, kept_until, new_per_day, reviews_per_day)."""
    return _SESSION.first(conn, {"session": session_id})


def pending_prompt(conn: Connection, session_id: int) -> AnyRow | None:
    """The session's unanswered prompt still on offer: (id, card_pk, face, choice_order, shown)."""
    return _PENDING.first(conn, {"session": session_id})


def card_row(conn: Connection, card_pk: int) -> AnyRow | None:
    """(pk, deck_id, card_id, type, content, faces, retired_at) of one card."""
    return _CARD.first(conn, {"card": card_pk})


def has_state(conn: Connection, user_id: int, card_pk: int, face: int) -> bool:
    """Whether the learner has reviewed this face before (it has a schedule)."""
    return bool(_HAS_STATE.scalar(conn, {"user": user_id, "card": card_pk, "face": face}))


def set_aside(conn: Connection, prompt_id: int) -> None:
    """Take a prompt off offer (its card left the deck): it is never answered."""
    conn.execute(_SET_ASIDE, {"prompt_key": prompt_id})


def insert_session(
    conn: Connection,
    user_id: int,
    deck_id: str | None,
    front_end: str,
    today: date,
    now: datetime,
    mode: str = MODE_REVIEW,
) -> int:
    """Open a study session row; its id keys the drill and the session's log."""
    session_id: int = conn.execute(
        _INSERT_SESSION,
        {
            "user_id": user_id,
            "deck_id": deck_id,
            "front_end": front_end,
            "mode": mode,
            "study_date": today,
            "started_at": now,
            "ended_at": None,
        },
    ).scalar_one()
    return session_id


def insert_prompt(
    conn: Connection,
    session_id: int,
    user_id: int,
    card_pk: int,
    face: int,
    order: list[int] | None,
    shown_at: datetime,
    shown: dict[str, Any] | None,
) -> int:
    """Show a face: the prompt row an answer claims (once) by its id."""
    [(prompt_id,)] = _INSERT_PROMPT.tuples(
        conn,
        {
            "session_id": session_id,
            "user_id": user_id,
            "card_pk": card_pk,
            "face": face,
            "choice_order": order,
            "shown": shown,
            "shown_at": shown_at,
            "answered_at": None,
            "skipped": False,
        },
    )
    return int(prompt_id)


def open_session(
    conn: Connection, user_id: int, deck_id: str | None, front_end: str, mode: str = MODE_REVIEW
) -> AnyRow | None:
    """The learner's latest open ``mode`` session of ``front_end`` on these decks:
    (id, study_date)."""
    same_decks = (
        StudySession.deck_id.is_(None) if deck_id is None else StudySession.deck_id == deck_id
    )
    return conn.execute(
        select(StudySession.id, StudySession.study_date)
        .where(
            StudySession.user_id == user_id,
            StudySession.ended_at.is_(None),
            StudySession.front_end == front_end,
            StudySession.mode == mode,
            same_decks,
        )
        .order_by(StudySession.id.desc())
        .limit(1)
    ).first()


_CLOSE = (
    update(StudySession)
    .where(StudySession.id == bindparam("session"), StudySession.ended_at.is_(None))
    .values(ended_at=bindparam("now", type_=StudySession.ended_at.type))
)
#: Every session's end runs these: built once.
_CLOSE_ANY = Prepared(_CLOSE)
_CLOSE_OWN = Prepared(_CLOSE.where(StudySession.user_id == bindparam("user")))
_SET_ASIDE_UNANSWERED = Prepared(
    update(Prompt)
    .where(Prompt.session_id == bindparam("session"), Prompt.answered_at.is_(None))
    .values(skipped=True)
)


def close_session(
    conn: Connection, session_id: int, now: datetime, *, user_id: int | None = None
) -> None:
    """End an open session (only the learner's own, when ``user_id`` is given)."""
    if user_id is None:
        _CLOSE_ANY.run(conn, {"session": session_id, "now": now})
    else:
        _CLOSE_OWN.run(conn, {"session": session_id, "now": now, "user": user_id})


def set_aside_unanswered(conn: Connection, session_id: int) -> None:
    """Take every prompt of the session still unanswered off offer."""
    _SET_ASIDE_UNANSWERED.run(conn, {"session": session_id})


def skip_prompt(conn: Connection, prompt_id: int, user_id: int) -> bool:
    """Put the learner's unanswered prompt aside; False when there is none such."""
    result = conn.execute(
        update(Prompt)
        .where(Prompt.id == prompt_id, Prompt.user_id == user_id, Prompt.answered_at.is_(None))
        .values(skipped=True)
    )
    return bool(result.rowcount)


def session_log(conn: Connection, session_id: int) -> list[tuple[tuple[int, int], str, int]]:
    """((card pk, face), kind, quality) of every answer logged in the session, in order."""
    return [((int(pk), int(face)), str(kind), int(quality)) for pk, face, kind, quality in
            _LOG.tuples(conn, {"session": session_id})]


_PROMPT_CONTEXT = Prepared(
    select(
        Prompt.session_id,
        Prompt.user_id,
        Prompt.answered_at,
        Card.deck_id,
        Deck.lang,
        User.locale,
        StudySession.ended_at,
        Card.retired_at,
    )
    .join(Card, Card.pk == Prompt.card_pk)
    .join(Deck, Deck.id == Card.deck_id, isouter=True)
    .join(User, User.id == Prompt.user_id, isouter=True)
    .join(StudySession, StudySession.id == Prompt.session_id)
    .where(Prompt.id == bindparam("prompt"))
)


def prompt_with_context(conn: Connection, prompt_id: int) -> AnyRow | None:
    """(session_id, user_id, answered_at, deck_id, deck lang, the owner's saved locale,
    session ended_at, card retired_at) of one prompt: what a click needs first."""
    return _PROMPT_CONTEXT.first(conn, {"prompt": prompt_id})

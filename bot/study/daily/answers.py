"""A member's answer to a daily question: once per post, points for the first right ones.

Answers are the DMs' own types (`ChoicePick` for an option button, of a choice
card or of a basic card posted with options; `TypedText` for the modal of a
typed or cloze post), graded by the same matching (see `fairness` for which
faces are posted and how).
A daily question is also a review: when the member studies the deck and the
face is new or due, their answer goes through the study layer's own
`record_answer` as a one-prompt session (front end ``daily``), so SM-2 and the
log are written by exactly the code that writes them for DMs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Connection

from bot.decks.matching import Verdict, match_answer
from bot.srs.grades import (
    ALMOST_ANSWER_QUALITY,
    RIGHT_ANSWER_QUALITY,
    WRONG_ANSWER_QUALITY,
    is_correct,
)
from bot.storage import daily_posts as posts
from bot.storage import study_sessions
from bot.storage.answers import typed_answers
from bot.storage.daily_models import POST_CLAIMED, POST_POSTED, POST_REVEALED
from bot.storage.models import MAX_ROW_ID
from bot.storage.rows import AnyRow
from bot.storage.transactions import TransactionRunner
from bot.study.answering import (
    MAX_TYPED_ANSWER,
    AnswerRejectedError,
    AnswerStatus,
    ChoicePick,
    Response,
    SelfGrade,
    TypedText,
    record_answer,
)
from bot.study.cards import FaceText
from bot.study.daily.fairness import fairly_posted, posted_face
from bot.study.learners import learner_today
from bot.study.prompting import new_prompt, new_session

FRONT_END = "daily"
#: Points: a right answer, plus a bonus for the first right answers of a post.
POINTS_RIGHT = 10
FIRST_BONUS = (3, 2, 1)

#: A choice post's option button, or what the member typed in a post's modal.
DailyResponse = ChoicePick | TypedText
#: The names the daily front end knew them by.
PickAnswer = ChoicePick
TextAnswer = TypedText


class DailyStatus(StrEnum):
    RECORDED = "recorded"
    ALREADY = "already"  # a second attempt: nothing changes
    LATE = "late"  # after the reveal: the answer, no points
    UNKNOWN = "unknown"  # no such post (or its card is gone)
    INVALID = "invalid"  # the response does not fit the card


@dataclass(frozen=True, slots=True)
class DailyOutcome:
    status: DailyStatus
    correct: bool | None = None
    verdict: Verdict | None = None
    points: int = 0
    answer: str | None = None  # shown only once the post is revealed (or late)
    extra: str | None = None
    reviewed: bool = False  # also counted as the member's review of the face


def answer_daily(
    conn: Connection, post_id: int, user_id: int, response: DailyResponse, now: datetime
) -> DailyOutcome:
    """Record a member's answer once; run it through ``TransactionRunner.run``."""
    if not 0 < post_id <= MAX_ROW_ID:
        return DailyOutcome(DailyStatus.UNKNOWN)  # a forged id: no such post can exist
    if isinstance(response, TypedText) and len(response.text) > MAX_TYPED_ANSWER:
        return DailyOutcome(DailyStatus.INVALID)
    row = posts.post_to_answer(conn, post_id)
    settled = _settled(conn, row, post_id, user_id, now)
    if settled is not None:
        return settled
    assert row is not None
    text = posted_face(row.type, row.content, row.face, row.choice_order, row.shown)
    graded = grade_daily(conn, text, row.deck_id, row.card_pk, response)
    if graded is None:
        return DailyOutcome(DailyStatus.INVALID)
    quality, verdict, given = graded
    correct = is_correct(quality) and verdict is not Verdict.ALMOST
    points = 0
    if correct:
        earlier = posts.right_answers(conn, post_id)
        points = POINTS_RIGHT + (FIRST_BONUS[earlier] if earlier < len(FIRST_BONUS) else 0)
    recorded = posts.insert_answer(conn, {
        "post_id": post_id,
        "user_id": user_id,
        "response": given,
        "correct": correct,
        "points": points,
        "answered_at": now,
    })
    if not recorded:
        # Another transaction got there first (a double click in two processes).
        return DailyOutcome(DailyStatus.ALREADY)
    reviewed = _count_as_review(conn, row, user_id, response, quality, now)
    return DailyOutcome(
        DailyStatus.RECORDED, correct=correct, verdict=verdict, points=points, reviewed=reviewed
    )


def _settled(
    conn: Connection, row: AnyRow | None, post_id: int, user_id: int, now: datetime
) -> DailyOutcome | None:
    """What an answer would be told without being graded; None while the member may answer.

    No such post; the member answered already (the answer too once it is out);
    or the answer is out and it is too late.
    """
    # A click can arrive between the message going out and the post being marked posted.
    if row is None or row.status not in (POST_CLAIMED, POST_POSTED, POST_REVEALED):
        return DailyOutcome(DailyStatus.UNKNOWN)
    text = posted_face(row.type, row.content, row.face, row.choice_order, row.shown)
    closed = row.status == POST_REVEALED or now >= row.reveal_due_at
    previous = posts.member_answer(conn, post_id, user_id)
    if previous is not None:
        return DailyOutcome(
            DailyStatus.ALREADY,
            correct=previous.correct,
            points=previous.points,
            answer=text.answer if closed else None,
            extra=text.extra if closed else None,
        )
    if closed:
        return DailyOutcome(DailyStatus.LATE, answer=text.answer, extra=text.extra)
    return None


def _answer_box(conn: Connection, post_id: int, user_id: int, now: datetime) -> DailyOutcome | None:
    if not 0 < post_id <= MAX_ROW_ID:
        return DailyOutcome(DailyStatus.UNKNOWN)
    return _settled(conn, posts.post_to_answer(conn, post_id, lock=False), post_id, user_id, now)


async def answer_box(
    runner: TransactionRunner, post_id: int, user_id: int, now: datetime
) -> DailyOutcome | None:
    """Before the answer box opens: None when the member may still answer the post,
    else what they would be told (answered already, revealed, gone), so they are told
    at once instead of after typing."""
    return await runner.run(lambda conn: _answer_box(conn, post_id, user_id, now),
                            read_only=True)


def grade_daily(
    conn: Connection, text: FaceText, deck_id: str, card_pk: int, response: DailyResponse
) -> tuple[int, Verdict | None, str] | None:
    """(quality, verdict, the member's words): the DMs' matching, for every card type."""
    if isinstance(response, ChoicePick):
        if text.type != "choice" or not 0 <= response.index < len(text.choices):
            return None
        picked = text.choices[response.index]
        quality = RIGHT_ANSWER_QUALITY if picked == text.answer else WRONG_ANSWER_QUALITY
        return quality, None, picked
    if text.type == "choice":
        return None
    distractors = typed_answers(conn, deck_id, card_pk) if text.type == "typed" else []
    verdict = match_answer(response.text, text.answer, text.accept, distractors)
    if verdict is Verdict.WRONG and text.type == "cloze" and " / " in text.answer:
        verdict = match_answer(response.text, text.answer.replace(" / ", " "))
    quality = {
        Verdict.RIGHT: RIGHT_ANSWER_QUALITY,
        Verdict.ALMOST: ALMOST_ANSWER_QUALITY,
        Verdict.WRONG: WRONG_ANSWER_QUALITY,
    }[verdict]
    return quality, verdict, response.text[:1000]


def _count_as_review(
    conn: Connection,
    post: AnyRow,
    user_id: int,
    response: DailyResponse,
    quality: int,
    now: datetime,
) -> bool:
    """Review the face through the study layer when the member studies the deck and it is due.

    A one-prompt session of front end ``daily`` is opened, answered with
    `record_answer` and closed, all inside this transaction.
    """
    if not fairly_posted(post.type, post.content, post.face, post.shown):
        # Posted before the fairness rules (a basic card taking free text, a long blank):
        # a right answer in other words was marked wrong, so it is no lapse of the member's.
        return False
    learner = posts.studying_member(conn, user_id, post.deck_id)
    if learner is None:
        return False
    today = learner_today(
        now, learner.timezone, learner.rollover_hour, learner.kept_day, learner.kept_until
    )
    due = posts.face_due(conn, user_id, post.card_pk, post.face)
    if due is not None and (due.due is None or due.due > today):
        return False
    # A cloze matched by its words, or a basic card asked as a choice, is graded here.
    review_response: Response = (
        response if post.type in ("choice", "typed") else SelfGrade(quality))
    session_id = new_session(conn, user_id, post.deck_id, FRONT_END, today, now)
    prompt_id = new_prompt(
        conn, session_id, user_id, post.card_pk, post.face, post.choice_order,
        post.posted_at or now, shown=post.shown,
    )
    try:
        with conn.begin_nested():
            outcome = record_answer(conn, prompt_id, user_id, review_response, now)
    except AnswerRejectedError:
        outcome = None
    study_sessions.close_session(conn, session_id, now)
    # Reviewed elsewhere meanwhile (a DM answer that got in first): logged as a drill only.
    return outcome is not None and outcome.status is AnswerStatus.RECORDED and not outcome.drill


async def answer(
    runner: TransactionRunner, post_id: int, user_id: int, response: DailyResponse, now: datetime
) -> DailyOutcome:
    """`answer_daily` in one transaction on the database's writer.

    Urgent, like a DM answer: the member's click waits on it, and answers to one
    post waiting at once may share a commit (each in its own savepoint).
    """
    return await runner.run(
        lambda conn: answer_daily(conn, post_id, user_id, response, now), urgent=True)

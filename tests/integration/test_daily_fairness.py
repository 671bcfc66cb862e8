"""A daily question is answerable fairly, and an unfair one never costs a member a lapse.

On a real database: which faces a channel is asked, a basic card asked as a
choice among the deck's answers to the same kind of question, and what an
answer to each does to the member's own schedule.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, select

from bot.jobs.daily import DailyJob
from bot.storage import daily_posts
from bot.storage.daily_models import POST_POSTED, DailyPost
from bot.storage.deck_sync import CardSnapshot
from bot.storage.models import Card, ReviewLog, ReviewState
from bot.study import daily
from bot.study.daily import DailySetupError, DailyStatus, PickAnswer, ProblemKind, TextAnswer
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import StudyService
from tests.integration.builders import choice, cloze, deck, typed
from tests.integration.daily_support import CHANNEL, GUILD, FakeChannels, load, setup_daily
from tests.integration.storage_helpers import sessions_of

SETUP_AT = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
POST_AT = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
ANA, BEN = 101, 102

DEFINITIONS = {
    "Docker란?": "컨테이너를 만들고 실행하는 도구.",
    "하이퍼바이저란?": "가상머신 여러 개를 한 서버에서 돌리게 해 주는 중간 계층.",
    "가상머신이란?": "물리 서버 하나를 여러 독립된 서버처럼 쓰게 해 주는 환경.",
    "컨테이너란?": "앱과 그 실행 환경을 묶어 격리해서 실행하는 단위.",
}


def basic(card_id: str, front: str, back: str, tags: tuple[str, ...] = ()) -> CardSnapshot:
    content: dict[str, Any] = {"front": front, "back": back, "tags": list(tags)}
    return CardSnapshot(card_id, "basic", content, (1,))


def _job(db: Database, channels: FakeChannels) -> DailyJob:
    return DailyJob(db.runner, channels, grace=timedelta(hours=1))


async def _posts_over(db: Database, days: int) -> FakeChannels:
    await setup_daily(db, SETUP_AT)
    channels = FakeChannels()
    job = _job(db, channels)
    for day in range(days):
        await job.tick(POST_AT + timedelta(days=day))
    return channels


async def test_only_fair_faces_are_posted(database: Database) -> None:
    await load(database, deck(
        "d",
        typed("t1", "DNS"),
        choice("c1", ["IaaS", "PaaS", "SaaS"], "IaaS"),
        cloze("z1", "A Dockerfile is {{c1::built}} into an image; "
                    "{{c2::each instruction of it adds one more read-only layer on top}}.",
              (1, 2)),
        # The only question of its kind: nothing to offer beside its answer.
        basic("b1", "What does the scheduler do when a node fails?", "It reschedules the pods."),
    ), SETUP_AT)
    channels = await _posts_over(database, 9)
    asked = {(p.text.type, p.text.question.split(";")[0]) for p in channels.posts}
    # Every day the hardest face not posted lately, from the fair ones only: the long
    # blank (c2) and the lone basic card never; the others in turn.
    assert asked == {
        ("typed", "Type t1"),
        ("choice", "Pick c1"),
        ("cloze", "A Dockerfile is [...] into an image"),
    }
    assert len(channels.posts) == 9


async def test_a_basic_card_is_asked_as_a_choice_among_answers_to_the_same_kind(
    database: Database,
) -> None:
    cards = [basic(f"b{i}", front, back) for i, (front, back) in enumerate(DEFINITIONS.items())]
    cards.append(basic("x1", "전통적 배포방식의 문제점은?", "한 프로그램이 다른 앱에 영향을 준다."))
    await load(database, deck("d", *cards), SETUP_AT)
    channels = await _posts_over(database, 6)
    for post in channels.posts:
        text = post.text
        assert text.type == "choice"  # never a free-text box for a basic card
        assert text.question in DEFINITIONS, text.question  # the lone "문제점" card: never
        assert text.answer == DEFINITIONS[text.question]
        # The answer among three others, all of them definitions from the deck.
        assert len(text.choices) == 4 and text.answer in text.choices
        assert set(text.choices) == set(DEFINITIONS.values())


async def test_a_basic_choice_is_graded_by_the_options_posted_and_counts_as_a_review(
    database: Database,
) -> None:
    cards = [basic(f"b{i}", front, back, ("definition",))
             for i, (front, back) in enumerate(DEFINITIONS.items())]
    await load(database, deck("d", *cards), SETUP_AT)
    study = StudyService(database.runner, LearnerDefaults())
    await study.start(ANA, "d", "discord", SETUP_AT)
    await study.start(BEN, "d", "discord", SETUP_AT)
    channels = await _posts_over(database, 1)
    [post] = channels.posts
    [post_id] = await database.runner.run(
        lambda conn: list(conn.execute(select(DailyPost.id)).scalars()), read_only=True)
    right = post.text.choices.index(post.text.answer)
    wrong = (right + 1) % len(post.text.choices)
    ana = await daily.answer(database.runner, post_id, ANA, PickAnswer(right), POST_AT)
    ben = await daily.answer(database.runner, post_id, BEN, PickAnswer(wrong), POST_AT)
    assert (ana.correct, ana.points, ana.reviewed) == (True, 13, True)
    # A fair question: a wrong pick is a real miss, in the channel and in Ben's schedule.
    assert (ben.correct, ben.points, ben.reviewed) == (False, 0, True)
    async with sessions_of(database)() as session:
        logs = (await session.execute(
            select(ReviewLog.user_id, ReviewLog.quality).order_by(ReviewLog.user_id))).all()
    assert [tuple(row) for row in logs] == [(ANA, 4), (BEN, 1)]
    # A click on an option no post offered is refused, not graded.
    refused = await daily.answer(database.runner, post_id, ANA + 5, PickAnswer(7), POST_AT)
    assert refused.status is DailyStatus.INVALID


async def test_setup_refuses_a_deck_with_nothing_a_channel_can_answer_fairly(
    database: Database,
) -> None:
    await load(database, deck(
        "d",
        basic("b1", "What is Docker?", "A tool that builds and runs containers."),
        basic("b2", "Why do containers start fast?", "They share the host's kernel."),
        cloze("z1", "{{c1::Containers share the host kernel instead of booting their own}}.",
              (1,)),
    ), SETUP_AT)
    with pytest.raises(DailySetupError) as refused:
        await setup_daily(database, SETUP_AT)
    assert refused.value.kind is ProblemKind.NO_FAIR_CARD


def _legacy_post(conn: Connection, card_id: str) -> int:
    """A post claimed before the fairness rules: the face as it was, no options kept."""
    pk = conn.execute(select(Card.pk).where(Card.card_id == card_id)).scalar_one()
    post_id = daily_posts.insert_post(conn, {
        "guild_id": GUILD, "channel_id": CHANNEL, "local_date": POST_AT.date(),
        "card_pk": pk, "face": 1, "choice_order": None, "shown": None, "seed": 0,
        "claimed_at": POST_AT, "reveal_due_at": POST_AT + timedelta(hours=8),
        "status": POST_POSTED,
    })
    assert post_id is not None
    return post_id


@pytest.mark.parametrize(("card_id", "given"), [
    # The right answer in other words: the note's exact sentence is not what Ana typed.
    ("b0", "컨테이너를 만들고 돌리는 프로그램"),
    ("z1", "each instruction adds a layer"),
])
async def test_no_member_gets_a_lapse_for_an_unfair_question(
    database: Database, card_id: str, given: str
) -> None:
    await load(database, deck(
        "d",
        basic("b0", "Docker란?", DEFINITIONS["Docker란?"]),
        cloze("z1", "In an image, {{c1::each instruction of it adds one more read-only layer "
                    "on top}}.", (1,)),
        typed("t1", "DNS"),
    ), SETUP_AT)
    study = StudyService(database.runner, LearnerDefaults())
    await study.start(ANA, "d", "discord", SETUP_AT)
    await setup_daily(database, SETUP_AT)
    post_id = await database.runner.run(lambda conn: _legacy_post(conn, card_id))
    outcome = await daily.answer(database.runner, post_id, ANA, TextAnswer(given), POST_AT)
    # Marked as the channel marks it, but Ana's own schedule does not hear of it.
    assert (outcome.status, outcome.correct, outcome.reviewed) == (
        DailyStatus.RECORDED, False, False)
    async with sessions_of(database)() as session:
        states = (await session.scalars(select(ReviewState))).all()
        logs = (await session.scalars(select(ReviewLog))).all()
    assert (states, logs) == ([], [])

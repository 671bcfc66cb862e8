"""/deck info and /deck leeches from real study: sessions over several days and daily posts."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.jobs.daily import DailyJob
from bot.srs.grades import Grade
from bot.study import daily
from bot.study.answering import SelfGrade
from bot.study.daily import DailyStatus, PickAnswer
from bot.study.deck_loading import reload_decks
from bot.study.deck_reports import deck_info, deck_leeches, log_channel, set_log_channel
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import StudyService
from tests.integration.daily_support import FakeChannels, setup_daily
from tests.integration.storage_helpers import enroll, get_or_create_user, sessions_of

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 18:00 in Seoul
STUDY_DECK = """\
deck: r
title: Reports
lang: en
cards:
  - id: a1
    type: basic
    front: The hard one?
    back: hard
  - id: b2
    type: basic
    front: The easy one?
    back: easy
"""
CHOICES = {"q1": "IaaS", "q2": "PaaS", "q3": "SaaS"}


def group_deck() -> str:
    lines = ["deck: g", "title: Group", "lang: en", "cards:"]
    for card_id, right in CHOICES.items():
        lines += [f"  - id: {card_id}", "    type: choice", f"    front: Pick {card_id}",
                  "    choices: [IaaS, PaaS, SaaS]", f"    answer: {right}"]
    return "\n".join(lines) + "\n"


async def load(db: Database, tmp_path: Path, body: str, name: str) -> Path:
    decks = tmp_path / "decks"
    decks.mkdir(exist_ok=True)
    (decks / name).write_text(body, encoding="utf-8")
    report = await reload_decks(db.runner, decks, NOW, paths=[decks / name])
    assert report.ok
    return decks / name


async def study_day(db: Database, user: int, day: int, fail: set[str]) -> None:
    """One learner's session on day ``day``: Again on ``fail`` cards, Good on the rest."""
    service = StudyService(db.runner, LearnerDefaults())
    now = NOW + timedelta(days=day)
    ref = await service.start(user, "r", "test", now)
    rng = random.Random(day)
    while (prompt := await service.next_prompt(ref.id, user, now, rng)) is not None:
        grade = Grade.AGAIN if prompt.card_id in fail and not prompt.is_drill else Grade.GOOD
        await service.answer(prompt.prompt_id, user, SelfGrade(grade), now)


async def test_info_and_leeches_after_three_days_of_lapses(
    database: Database, tmp_path: Path
) -> None:
    path = await load(database, tmp_path, STUDY_DECK, "r.yaml")
    async with sessions_of(database).begin() as session:
        for user in (1, 2, 3):
            await get_or_create_user(session, user, LearnerDefaults(), NOW)
            await enroll(session, user, "r", NOW)
    for day in range(3):
        for user in (1, 2, 3):
            await study_day(database, user, day, {"a1"} if user != 3 else set())

    info = await deck_info(database.runner, "r", NOW + timedelta(days=2))
    assert info is not None
    assert (info.cards_by_type, info.retired, info.learners) == ({"basic": 2}, 0, 3)
    # day 1: six reviews, the two misses of a1 fail; day 2: a1 again for two learners, failed
    assert (info.reviews_recent, info.retention) == (8, 0.5)
    assert info.last_reload is not None and info.last_reload.counts["added"] == 2
    later = await deck_info(database.runner, "r", NOW + timedelta(days=40))
    assert later is not None and (later.reviews_recent, later.retention) == (0, None)
    assert later.reviews == info.reviews

    report = await deck_leeches(database.runner, "r")
    assert report is not None and report.path == str(path)
    (leech,) = report.leeches
    assert (leech.card_id, leech.face, leech.learners, leech.lapses) == ("a1", 1, 2, 6)
    assert leech.line == 5 and leech.question == "The hard one?"
    # Three lapses each: a stricter threshold finds no leech.
    stricter = await deck_leeches(database.runner, "r", min_lapses=4)
    assert stricter is not None and stricter.leeches == []


async def test_daily_questions_most_members_miss_come_first(
    database: Database, tmp_path: Path
) -> None:
    await load(database, tmp_path, group_deck(), "g.yaml")
    setup_at = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    post_at = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
    await setup_daily(database, setup_at, deck_id="g")
    channels = FakeChannels()
    job = DailyJob(database.runner, channels, grace=timedelta(hours=1))
    given: dict[str, list[bool]] = {}
    wrong_by_card = {"q1": 3, "q2": 1, "q3": 0}
    for day in range(6):
        at = post_at + timedelta(days=day)
        await job.tick(at)
        view = channels.posts[-1]
        card_id = view.text.question.removeprefix("Pick ")
        right = view.text.choices.index(CHOICES[card_id])
        for member in range(3):
            correct = member >= wrong_by_card[card_id]
            index = right if correct else (right + 1) % 3
            outcome = await daily.answer(database.runner, view.post_id, 500 + member,
                                         PickAnswer(index), at + timedelta(minutes=1))
            assert outcome.status is DailyStatus.RECORDED
            given.setdefault(card_id, []).append(correct)
    report = await deck_leeches(database.runner, "g")
    assert report is not None
    got = [(w.card_id, w.answers, w.correct) for w in report.weak_daily]
    expected = sorted(((c, len(a), sum(a)) for c, a in given.items()),
                      key=lambda row: row[2] / row[1])
    assert [row[1:] for row in got] == [row[1:] for row in expected]
    assert all(w.line is not None for w in report.weak_daily)


async def test_log_channel_is_set_replaced_and_cleared(database: Database) -> None:
    assert await log_channel(database.runner, 1) is None
    await set_log_channel(database.runner, 1, 10, 99, NOW)
    await set_log_channel(database.runner, 1, 11, 99, NOW)
    await set_log_channel(database.runner, 2, 20, 99, NOW)
    assert await log_channel(database.runner, 1) == 11
    await set_log_channel(database.runner, 1, None, 99, NOW)
    assert await log_channel(database.runner, 1) is None
    assert await log_channel(database.runner, 2) == 20

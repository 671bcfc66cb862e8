"""A study group's daily post in flight when its card is edited or retired keeps working."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.jobs.daily import DailyJob
from bot.study import daily
from bot.study.daily import DailyStatus, PickAnswer
from bot.study.deck_loading import reload_decks
from bot.study.runtime import Database
from tests.integration.daily_support import FakeChannels, setup_daily

SETUP_AT = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
POST_AT = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)  # 09:00 in Seoul


def group_deck(front: str | None) -> str:
    lines = ["deck: g", "title: Group", "lang: en", "cards:"]
    if front is not None:
        lines += ["  - id: q1", "    type: choice", f"    front: {front}",
                  "    choices: [IaaS, PaaS, SaaS]", "    answer: IaaS"]
    lines += ["  - id: q2", "    type: choice", "    front: Other?",
              "    choices: [IaaS, PaaS, SaaS]", "    answer: SaaS"]
    return "\n".join(lines) + "\n"


async def _posted(database: Database, tmp_path: Path) -> tuple[Path, FakeChannels, DailyJob]:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "g.yaml").write_text(group_deck("Empty room?"), encoding="utf-8")
    assert (await reload_decks(database.runner, decks, SETUP_AT)).ok
    await setup_daily(database, SETUP_AT, deck_id="g")
    channels = FakeChannels()
    job = DailyJob(database.runner, channels, grace=timedelta(hours=1))
    await job.tick(POST_AT)
    return decks, channels, job


async def test_an_edited_card_keeps_its_post_answerable_and_reveals_the_new_text(
    database: Database, tmp_path: Path
) -> None:
    decks, channels, job = await _posted(database, tmp_path)
    (view,) = channels.posts
    right = view.text.choices.index("IaaS" if "Empty" in view.text.question else "SaaS")
    edited = group_deck("Empty room, reworded?")
    (decks / "g.yaml").write_text(edited.replace("Other?", "Other, reworded?"), encoding="utf-8")
    assert (await reload_decks(database.runner, decks, POST_AT)).ok
    outcome = await daily.answer(database.runner, view.post_id, 501, PickAnswer(right),
                                 POST_AT + timedelta(minutes=5))
    assert outcome.status is DailyStatus.RECORDED and outcome.correct
    fresh = await daily.post_view(database.runner, view.post_id)
    assert fresh is not None and "reworded" in fresh.text.question
    await job.tick(POST_AT + timedelta(hours=9))
    assert len(channels.reveals) == 1 and "reworded" in channels.reveals[0].post.text.question


async def test_a_retired_card_still_takes_answers_on_its_post_and_is_revealed(
    database: Database, tmp_path: Path
) -> None:
    decks, channels, job = await _posted(database, tmp_path)
    (view,) = channels.posts
    posted_q1 = "Empty" in view.text.question
    (decks / "g.yaml").write_text(
        group_deck(None) if posted_q1 else group_deck("Empty room?").split("  - id: q2")[0],
        encoding="utf-8")
    report = await reload_decks(database.runner, decks, POST_AT)
    assert report.outcomes[0].result is not None and len(report.outcomes[0].result.retired) == 1
    right = view.text.choices.index("IaaS" if posted_q1 else "SaaS")
    outcome = await daily.answer(database.runner, view.post_id, 501, PickAnswer(right),
                                 POST_AT + timedelta(minutes=5))
    assert outcome.status is DailyStatus.RECORDED and outcome.correct
    await job.tick(POST_AT + timedelta(hours=9))
    assert len(channels.reveals) == 1
    assert (channels.reveals[0].answered, channels.reveals[0].correct) == (1, 1)

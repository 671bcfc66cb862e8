"""No learner sees two siblings in one day: over random decks and answers, on a real database.

Siblings are the faces of one card and the cards of one source unit (bot.decks.siblings);
once one of them is answered on a study day the others wait, and new siblings are spread
over days (bot.srs.siblings).  What a learner saw is read back from the prompts the
service created, so the property is about the screens, not about the queue's internals.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from bot.jobs.daily import DailyJob
from bot.storage.deck_sync import CardSnapshot, DeckSnapshot
from bot.study import daily
from bot.study.daily import PickAnswer
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database, open_database
from bot.study.session import ChoicePick, SelfGrade, StudyService
from tests.integration.builders import deck
from tests.integration.daily_support import FakeChannels, load, setup_daily
from tests.integration.storage_helpers import sessions_of, sync_deck

# 10:00 in Seoul on 2026-11-25; each simulated day is 24 hours later.
NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
LEARNER = 31


def _card(card_id: str, unit: str | None, variant: str, faces: int,
          lines: tuple[int, int] | None) -> CardSnapshot:
    content: dict[str, Any]
    if faces > 1:
        text_ = " ".join(f"{{{{c{n}::w{n}}}}}" for n in range(1, faces + 1))
        content, kind = {"text": text_}, "cloze"
    else:
        content, kind = {"front": f"Q {card_id}", "back": "A"}, "basic"
    if unit is not None:
        src: dict[str, Any] = {"anchor": f"Note / S#definition:{unit}{variant}"}
        if lines is not None:
            src["lines"] = list(lines)
        content["src"] = src
    return CardSnapshot(card_id, kind, content, tuple(range(1, faces + 1)))


@st.composite
def decks(draw: st.DrawFn) -> DeckSnapshot:
    """A deck of hand-written and generated cards, units shared, lines overlapping."""
    count = draw(st.integers(2, 9))
    cards = []
    for i in range(count):
        unit = draw(st.none() | st.sampled_from("abcd"))
        variant = draw(st.sampled_from(["", "|reverse", "~2", "|reverse~3"]))
        faces = draw(st.integers(1, 3))
        first = draw(st.integers(1, 12))
        lines = draw(st.none() | st.just((first, first + draw(st.integers(0, 2)))))
        cards.append(_card(f"c{i}", unit, variant, faces, lines))
    return deck("d", *cards)


#: What the learner does at a card: grade it 0..5, skip it, or stop the session.
actions = st.lists(
    st.one_of(st.integers(0, 5), st.sampled_from(["skip", "stop"])), min_size=1, max_size=25
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file each example starts from (migrating takes a while)."""
    path = tmp_path_factory.mktemp("siblings") / "template.db"

    async def migrate() -> None:
        await (await open_database(f"sqlite+aiosqlite:///{path}")).close()

    asyncio.run(migrate())
    return path


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="siblings-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


async def _study_days(db: Database, snapshot: DeckSnapshot, new_per_day: int,
                      days: list[list[int | str]]) -> None:
    async with sessions_of(db).begin() as session:
        await sync_deck(session, snapshot, NOW)
    service = StudyService(db.runner, LearnerDefaults(new_per_day=new_per_day))
    rng = random.Random(0)
    for offset, steps in enumerate(days):
        now = NOW + timedelta(days=offset)
        ref = await service.start(LEARNER, "d", "terminal", now)
        for step in steps:
            view = await service.next_prompt(ref.id, LEARNER, now, rng)
            if view is None:
                break
            if step == "skip":
                await service.skip(view.prompt_id, LEARNER)
            elif step == "stop":
                await service.end(ref.id, LEARNER, now)
                ref = await service.start(LEARNER, "d", "terminal", now)
            else:
                await service.answer(view.prompt_id, LEARNER, SelfGrade(int(step)), now)
        await service.end(ref.id, LEARNER, now)


async def _shown_per_day(db: Database) -> dict[tuple[date, str], set[tuple[int, int]]]:
    """(study day, sibling key) -> the faces of that group the learner was shown that day."""
    query = text(
        "SELECT s.study_date, c.sibling, p.card_pk, p.face FROM prompts p "
        "JOIN study_sessions s ON s.id = p.session_id JOIN cards c ON c.pk = p.card_pk "
        "WHERE p.user_id = :user"
    )
    shown: dict[tuple[date, str], set[tuple[int, int]]] = defaultdict(set)
    async with sessions_of(db)() as session:
        for day, sibling, pk, face in (await session.execute(query, {"user": LEARNER})).all():
            shown[(date.fromisoformat(str(day)), str(sibling))].add((pk, face))
    return shown


@settings(max_examples=40, deadline=None)
@given(snapshot=decks(), new_per_day=st.integers(1, 8),
       days=st.lists(actions, min_size=1, max_size=4))
def test_no_learner_sees_two_siblings_in_one_day(
    template: Path, scratch: Path, snapshot: DeckSnapshot, new_per_day: int,
    days: list[list[int | str]],
) -> None:
    path = scratch / "example.db"
    shutil.copyfile(template, path)

    async def run() -> dict[tuple[date, str], set[tuple[int, int]]]:
        db = await open_database(f"sqlite+aiosqlite:///{path}")
        try:
            await _study_days(db, snapshot, new_per_day, days)
            return await _shown_per_day(db)
        finally:
            await db.close()

    shown = asyncio.run(run())
    assert shown  # something was studied
    crowded = {group: faces for group, faces in shown.items() if len(faces) > 1}
    assert crowded == {}


def _unit(card_id: str, unit: str) -> CardSnapshot:
    return _card(card_id, unit, "|" + card_id, 1, None)


async def test_new_siblings_are_spread_over_days_and_wait_for_a_due_one(
    database: Database,
) -> None:
    await load(database, deck("d", _unit("x1", "x"), _unit("x2", "x"), _unit("y1", "y")), NOW)
    service = StudyService(database.runner, LearnerDefaults())
    shown: list[list[str]] = []
    for offset in range(4):
        now = NOW + timedelta(days=offset)
        ref = await service.start(LEARNER, "d", "terminal", now)
        today = []
        while (view := await service.next_prompt(ref.id, LEARNER, now, random.Random(0))):
            today.append(view.card_id)
            await service.answer(view.prompt_id, LEARNER, SelfGrade(4), now)
        shown.append(today)
    # Day 1: one of each unit.  Day 2: x1 and y1 are due, so x2 waits again.  Day 3:
    # nothing of x is due (interval 6), so x2 comes in.  Day 4: x2 is due.
    assert shown == [["x1", "y1"], ["x1", "y1"], ["x2"], ["x2"]]


async def test_left_today_counts_one_face_per_sibling_group(database: Database) -> None:
    await load(database, deck("d", _unit("x1", "x"), _unit("x2", "x"), _unit("y1", "y")), NOW)
    service = StudyService(database.runner, LearnerDefaults())
    ref = await service.start(LEARNER, "d", "terminal", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None and view.left.total == 2  # x1 and y1: x2 waits for another day


async def test_a_daily_question_answered_today_buries_its_siblings_in_dms(
    database: Database,
) -> None:
    """Whether the answer counted as a review (Ana studies the deck) or not (Ben joins later)."""

    def pick(card_id: str, unit: str) -> CardSnapshot:
        content = {"front": f"Which {card_id}?", "choices": ["yes", "no"], "answer": "yes",
                   "src": {"anchor": f"S#cell:{unit}|{card_id}"}}
        return CardSnapshot(card_id, "choice", content, (1,))

    post_at = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
    await load(database, deck("d", pick("p1", "x"), pick("p2", "x")), post_at - timedelta(hours=2))
    service = StudyService(database.runner, LearnerDefaults())
    ana, ben = 41, 42
    await service.start(ana, "d", "discord", post_at - timedelta(hours=1))
    await setup_daily(database, post_at - timedelta(hours=1))
    channels = FakeChannels()
    job = DailyJob(database.runner, channels, grace=timedelta(hours=1))
    post_id = (await job.tick(post_at)).posted[0]
    posted = channels.posts[0].text
    posted_card = posted.question.removeprefix("Which ").removesuffix("?")
    right = posted.choices.index("yes")
    later = post_at + timedelta(minutes=5)
    # The sibling comes first in deck order, so only the rule can keep it back.
    other = "p2" if posted_card == "p1" else "p1"
    await load(database, deck("d", pick(other, "x"), pick(posted_card, "x")), later)
    for member in (ana, ben):
        outcome = await daily.answer(database.runner, post_id, member, PickAnswer(right), later)
        assert outcome.correct
    for member in (ana, ben):
        ref = await service.start(member, "d", "discord", later)
        seen = []
        while (view := await service.next_prompt(ref.id, member, later, random.Random(0))):
            seen.append(view.card_id)
            pick_yes = ChoicePick(view.text.choices.index("yes"))
            assert (await service.answer(view.prompt_id, member, pick_yes, later)).correct
        # Ana reviewed the posted face already; Ben may study it now; neither sees its sibling.
        assert seen == ([] if member == ana else [posted_card]), member

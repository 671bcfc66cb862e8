"""A mistakes review: the faces missed in the last 7 days, each once, never rescheduled.

A learner studies for a week, missing cards by Again, a wrong choice and a
lapse the same session drilled; `/study mode: 틀린 카드` (and `studybot study
--mistakes`) then goes over exactly the faces missed since six days ago, the
latest miss first, and every answer there is logged as a drill: no state
moves, under SM-2 or FSRS, and `db verify` still agrees with the log.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.storage.models import ReviewLog, ReviewState
from bot.study.learners import LearnerDefaults
from bot.study.preferences import PreferenceChange, update_preferences
from bot.study.runtime import Database
from bot.study.session import (
    MODE_MISTAKES,
    AnswerStatus,
    ChoicePick,
    PromptView,
    Response,
    SelfGrade,
    StudyService,
)
from bot.study.verify import verify_states
from tests.integration.builders import basic, choice, deck
from tests.integration.storage_helpers import sessions_of, sync_deck

# 10:00 in Seoul on Wednesday 2026-11-25.
NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)
LEARNER = 7007
DEFAULTS = LearnerDefaults()
WRONG, RIGHT = "높음", "낮음"


async def _service(database: Database) -> StudyService:
    snapshot = deck("d", basic("a"), basic("b"), basic("c"), choice("q", [WRONG, RIGHT], RIGHT))
    async with sessions_of(database).begin() as session:
        await sync_deck(session, snapshot, NOW - timedelta(days=30))
    return StudyService(database.runner, DEFAULTS)


def _response(view: PromptView, miss: bool) -> Response:
    if view.text.type == "choice":
        return ChoicePick(view.text.choices.index(WRONG if miss else RIGHT))
    return SelfGrade(1 if miss else 4)


async def _review_day(service: StudyService, now: datetime, misses: set[str]) -> list[str]:
    """Today's reviews, missing the cards in ``misses`` once; the cards shown, in order."""
    ref = await service.start(LEARNER, None, "terminal", now)
    shown: list[str] = []
    left = set(misses)
    while (view := await service.next_prompt(ref.id, LEARNER, now, random.Random(3))) is not None:
        shown.append(view.card_id)
        miss = view.card_id in left
        left.discard(view.card_id)
        outcome = await service.answer(view.prompt_id, LEARNER, _response(view, miss), now)
        assert outcome.status is AnswerStatus.RECORDED
    await service.end(ref.id, LEARNER, now)
    return shown


async def _states(database: Database) -> dict[tuple[int, int], tuple[object, ...]]:
    async with sessions_of(database)() as session:
        rows = (await session.execute(select(ReviewState))).scalars().all()
        return {(r.card_pk, r.face): (r.scheduler, r.ease_cents, r.repetitions, r.interval,
                                      r.due, r.stability, r.difficulty, r.last_review, r.lapses)
                for r in rows}


async def _log_kinds(database: Database) -> list[str]:
    async with sessions_of(database)() as session:
        return list((await session.scalars(select(ReviewLog.kind).order_by(ReviewLog.id))).all())


async def test_the_drill_goes_over_each_face_missed_in_the_last_7_days_once(
    database: Database,
) -> None:
    service = await _service(database)
    await service.start(LEARNER, "d", "terminal", NOW - timedelta(days=8))  # joins the deck
    # Eight days ago `a` was missed (outside the week), seven days ago `b` (outside too),
    # six days ago `a` again (inside), and today `c` by Again and `q` by a wrong choice.
    for days_ago, misses in ((8, {"a"}), (7, {"b"}), (6, {"a"}), (0, {"c", "q"})):
        shown = await _review_day(service, NOW - timedelta(days=days_ago), misses)
        assert misses <= set(shown), (days_ago, shown)
    states = await _states(database)
    logged = len(await _log_kinds(database))

    ref = await service.start(LEARNER, None, "discord", NOW, mode=MODE_MISTAKES)
    assert ref.mode == MODE_MISTAKES
    drilled: list[tuple[str, int, bool, dict[int, int] | None]] = []
    for _ in range(10):  # a wrong answer brought back again would never end
        view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(5), previews=True)
        if view is None:
            break
        drilled.append((view.card_id, view.left.total, view.is_drill, view.intervals))
        # Missed again, once: a mistakes review shows each face once all the same.
        outcome = await service.answer(view.prompt_id, LEARNER, _response(view, True), NOW)
        assert outcome.status is AnswerStatus.RECORDED and outcome.drill
        assert outcome.next_in_days is None
    # Latest miss first; nothing from before the week; no repeats; no intervals shown,
    # since no grade here changes when a card comes back.
    assert drilled == [("q", 3, True, None), ("c", 2, True, None), ("a", 1, True, None)]
    summary = await service.end(ref.id, LEARNER, NOW)
    assert (summary.answered, summary.correct, summary.repeats, summary.mode) == (
        3, 0, 0, MODE_MISTAKES)
    assert summary.left.total == 0  # today's own work was done before the drill
    assert await _states(database) == states
    assert (await _log_kinds(database))[logged:] == ["drill"] * 3
    assert (await verify_states(database.runner)).ok


@pytest.mark.parametrize("scheduler", ["sm2", "fsrs"])
async def test_a_drill_reschedules_nothing_whichever_scheduler(
    database: Database, scheduler: str
) -> None:
    service = await _service(database)
    start = NOW - timedelta(days=2)
    await update_preferences(database.runner, LEARNER, PreferenceChange(scheduler=scheduler),
                             DEFAULTS, start)
    await service.start(LEARNER, "d", "terminal", start)
    await _review_day(service, start, {"a", "q"})
    states = await _states(database)
    assert {s[0] for s in states.values()} == {scheduler}

    ref = await service.start(LEARNER, None, "terminal", NOW, mode=MODE_MISTAKES)
    seen = []
    while (view := await service.next_prompt(ref.id, LEARNER, NOW, random.Random(1))) is not None:
        seen.append(view.card_id)
        await service.answer(view.prompt_id, LEARNER, _response(view, False), NOW)
    assert seen == ["q", "a"]
    await service.end(ref.id, LEARNER, NOW)
    assert await _states(database) == states
    assert (await verify_states(database.runner)).ok
    # The day's own reviews are still there to do, counted as before the drill.
    review = await service.start(LEARNER, None, "terminal", NOW)
    view = await service.next_prompt(review.id, LEARNER, NOW, random.Random(1))
    assert view is not None and not view.is_drill


async def test_nothing_missed_means_nothing_to_drill(database: Database) -> None:
    service = await _service(database)
    start = NOW - timedelta(days=1)
    await service.start(LEARNER, "d", "terminal", start)
    await _review_day(service, start, set())
    ref = await service.start(LEARNER, None, "terminal", NOW, mode=MODE_MISTAKES)
    assert await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0)) is None
    summary = await service.end(ref.id, LEARNER, NOW)
    assert summary.answered == 0

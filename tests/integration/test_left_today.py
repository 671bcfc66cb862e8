"""One definition of "left today": the card screen, the summary, reminders and /stats agree.

Left today is what today's queue still holds: due reviews and new faces within the
daily limits, siblings buried.  A miss (Again, Hard, a wrong answer) moves its face out
of it and into the session's repeats; a skipped face stays in it (it comes back next
session); quitting and starting again shows the count the summary gave.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.srs.day import study_day_start
from bot.srs.queue import DailyLimits, LeftToday
from bot.storage.deck_sync import CardSnapshot
from bot.study import reminders
from bot.study.learners import LearnerDefaults
from bot.study.runtime import Database
from bot.study.session import PromptView, SelfGrade, StudyService, TypedText
from bot.study.stats import learner_stats
from tests.integration.builders import basic, deck, typed
from tests.integration.daily_support import load

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)  # 10:00 in Seoul
TODAY = NOW.date()
LEARNER = 61
DEFAULTS = LearnerDefaults(new_per_day=20)


def _sibling(card_id: str) -> CardSnapshot:
    content = {"front": f"Q {card_id}", "back": "A", "src": {"anchor": f"S#command:ls|{card_id}"}}
    return CardSnapshot(card_id, "basic", content, (1,))


async def _elsewhere(db: Database) -> tuple[LeftToday, LeftToday]:
    """Left today as a reminder and /stats count it."""
    day_began = study_day_start(TODAY, DEFAULTS.timezone, DEFAULTS.rollover_hour)
    reminded = await db.runner.run(lambda conn: reminders.left_today(
        conn, LEARNER, DailyLimits(DEFAULTS.new_per_day, DEFAULTS.reviews_per_day), TODAY,
        day_began))
    stats = await learner_stats(db.runner, LEARNER, DEFAULTS, NOW)
    return reminded, stats.left


async def test_every_screen_counts_left_today_the_same_way(database: Database) -> None:
    await load(database, deck(
        "d", *(basic(f"b{i}") for i in range(5)), typed("t1", "DNS"),
        _sibling("s1"), _sibling("s2"),
    ), NOW)
    service = StudyService(database.runner, DEFAULTS)
    rng = random.Random(0)
    ref = await service.start(LEARNER, "d", "discord", NOW)

    async def show() -> PromptView:
        view = await service.next_prompt(ref.id, LEARNER, NOW, rng)
        assert view is not None
        return view

    first = await show()
    # Eight cards, one of the two siblings: seven left, the one on screen included.
    assert (first.left.total, first.left.new, first.repeats) == (7, 7, 0)
    assert await _elsewhere(database) == (first.left, first.left)
    counts = []
    view = first
    for response in (SelfGrade(1), SelfGrade(3), SelfGrade(4)):  # Again, Hard, Good
        await service.answer(view.prompt_id, LEARNER, response, NOW)
        view = await show()
        counts.append((view.left.total, view.repeats))
    # Again and Hard leave today's count as any answer does, and wait as repeats.
    assert counts == [(6, 1), (5, 2), (4, 2)]
    while view.text.type != "typed":  # the typed card comes after the basics
        await service.answer(view.prompt_id, LEARNER, SelfGrade(4), NOW)
        view = await show()
    left_before = view.left.total
    await service.answer(view.prompt_id, LEARNER, TypedText("no idea"), NOW)  # wrong
    view = await show()
    assert view.left.total == left_before - 1
    repeats = view.repeats
    # A skip keeps the face in today's count (it comes back next session) and says so.
    await service.skip(view.prompt_id, LEARNER)
    after_skip = await show()
    assert (after_skip.left.total, after_skip.skipped) == (view.left.total, 1)

    done = await service.end(ref.id, LEARNER, NOW)
    assert (done.left.total, done.skipped, done.repeats_left) == (view.left.total, 1, repeats)
    assert await _elsewhere(database) == (done.left, done.left)
    # Starting again shows the count the summary gave: nothing moved to tomorrow silently.
    again = await service.start(LEARNER, "d", "discord", NOW + timedelta(minutes=1))
    resumed = await service.next_prompt(again.id, LEARNER, NOW + timedelta(minutes=1), rng)
    assert resumed is not None and resumed.left == done.left

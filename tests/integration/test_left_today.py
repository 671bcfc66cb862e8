"""One definition of "left today": the card screen, the summary, reminders and /stats agree.

Left today is what today's queue still holds: due reviews and new faces within the
daily limits, siblings buried.  A miss (Again, Hard, a wrong answer) moves its face out
of it and into the session's repeats; a skipped face stays in it (it comes back next
session); quitting and starting again shows the count the summary gave.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bot.srs.day import study_day_start
from bot.srs.queue import DailyLimits, LeftToday
from bot.storage.deck_sync import CardSnapshot
from bot.study import reminders
from bot.study.exams import set_exam
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


async def _screens_agree(
    service: StudyService, database: Database, defaults: LearnerDefaults
) -> list[str]:
    """The first card's count equals a reminder's and /stats'; the card ids the day serves."""
    ref = await service.start(LEARNER, "d", "discord", NOW)
    view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert view is not None
    day_began = study_day_start(TODAY, defaults.timezone, defaults.rollover_hour)
    reminded = await database.runner.run(lambda conn: reminders.left_today(
        conn, LEARNER, DailyLimits(defaults.new_per_day, defaults.reviews_per_day), TODAY,
        day_began))
    stats = await learner_stats(database.runner, LEARNER, defaults, NOW)
    assert reminded == stats.left == view.left
    served = []
    while view is not None:
        served.append(view.card_id)
        await service.answer(view.prompt_id, LEARNER, SelfGrade(4), NOW)
        view = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    await service.end(ref.id, LEARNER, NOW)
    return served


async def test_a_backlog_cap_counts_alike_everywhere_and_siblings_still_wait(
    database: Database,
) -> None:
    defaults = LearnerDefaults(new_per_day=20, reviews_per_day=3)
    then = NOW - timedelta(days=30)
    await load(database, deck("d", _sibling("s1"), _sibling("s2"),
                              *(basic(f"b{i}") for i in range(6))), then)
    service = StudyService(database.runner, defaults)
    ref = await service.start(LEARNER, "d", "discord", then)
    while (view := await service.next_prompt(ref.id, LEARNER, then, random.Random(0))):
        await service.answer(view.prompt_id, LEARNER, SelfGrade(4), then)
    await service.end(ref.id, LEARNER, then)
    # Both siblings have a schedule (s2 as if learnt another way), and after a break all
    # eight faces are overdue alike: three a day, most overdue first, then in deck order.
    await database.runner.run(lambda conn: conn.execute(text(
        "INSERT INTO review_states (user_id, card_pk, face, scheduler, ease_cents, "
        "repetitions, interval, due, lapses) SELECT user_id, (SELECT pk FROM cards WHERE "
        "card_id = 's2'), face, scheduler, ease_cents, repetitions, interval, due, lapses "
        "FROM review_states WHERE card_pk = (SELECT pk FROM cards WHERE card_id = 's1')")))
    await database.runner.run(lambda conn: conn.execute(text(
        "UPDATE review_states SET due = :due"), {"due": TODAY - timedelta(days=20)}))
    notices = await service.notices(LEARNER, "d", NOW)
    assert notices.backlog is not None and notices.backlog.due == 8
    # The cap's three, of the two siblings only the first: both are due, one is shown.
    assert await _screens_agree(service, database, defaults) == ["s1", "b0", "b1"]


async def test_new_cards_an_exam_raises_count_alike_and_siblings_still_wait(
    database: Database,
) -> None:
    defaults = LearnerDefaults(new_per_day=1)
    await load(database, deck("d", _sibling("s1"), _sibling("s2"),
                              *(basic(f"b{i}") for i in range(6))), NOW)
    service = StudyService(database.runner, defaults)
    await service.start(LEARNER, "d", "discord", NOW)
    overview = await set_exam(database.runner, LEARNER, "d", TODAY + timedelta(days=4), NOW,
                              defaults)
    # Eight new faces by two days before the exam: three a day instead of one.
    [planned] = overview.exams
    assert planned.plan.new_per_day == 3
    ref = await service.start(LEARNER, "d", "discord", NOW)
    first = await service.next_prompt(ref.id, LEARNER, NOW, random.Random(0))
    assert first is not None and first.left == LeftToday(new=3)
    await service.end(ref.id, LEARNER, NOW)
    # The exam's faces in deck order, the second sibling passed over for another day.
    assert await _screens_agree(service, database, defaults) == ["s1", "b0", "b1"]

"""A learner's settings on a real SQLite file: what is saved, what is refused."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.storage.models import User
from bot.study.learners import LearnerDefaults
from bot.study.preferences import (
    BOUNDS,
    InvalidPreferencesError,
    PreferenceChange,
    ProblemKind,
    check_change,
    read_preferences,
    stored_language,
    update_preferences,
)
from bot.study.runtime import Database
from bot.study.session import SelfGrade, StudyService
from bot.study.stats import learner_stats
from tests.integration.builders import basic, deck
from tests.integration.storage_helpers import sessions_of, sync_deck

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
DEFAULTS = LearnerDefaults(timezone="Asia/Seoul", new_per_day=20, reviews_per_day=200)
LEARNER = 4242


async def test_a_first_time_learner_reads_the_defaults(database: Database) -> None:
    prefs = await read_preferences(database.runner, LEARNER, DEFAULTS, NOW)
    assert (prefs.timezone, prefs.new_per_day, prefs.reviews_per_day, prefs.rollover_hour) == (
        "Asia/Seoul",
        20,
        200,
        4,
    )
    assert prefs.language is None
    assert await stored_language(database.runner, LEARNER) is None


async def test_changes_are_saved_and_untouched_fields_kept(database: Database) -> None:
    await update_preferences(
        database.runner, LEARNER, PreferenceChange(new_per_day=5), DEFAULTS, NOW
    )
    prefs = await update_preferences(
        database.runner,
        LEARNER,
        PreferenceChange(timezone="america/new york", language="EN", rollover_hour=0),
        DEFAULTS,
        NOW,
    )
    assert prefs.timezone == "America/New_York"  # stored canonically, whatever was typed
    assert prefs.language == "en"
    assert prefs.new_per_day == 5
    assert prefs.rollover_hour == 0
    async with sessions_of(database)() as db:
        user = await db.get(User, LEARNER)
        assert user is not None
        assert (user.timezone, user.locale, user.new_per_day, user.rollover_hour) == (
            "America/New_York",
            "en",
            5,
            0,
        )


async def test_auto_language_clears_the_choice(database: Database) -> None:
    await update_preferences(
        database.runner, LEARNER, PreferenceChange(language="ko"), DEFAULTS, NOW
    )
    assert await stored_language(database.runner, LEARNER) == "ko"
    await update_preferences(
        database.runner, LEARNER, PreferenceChange(language="auto"), DEFAULTS, NOW
    )
    assert await stored_language(database.runner, LEARNER) is None


async def test_one_bad_value_saves_nothing(database: Database) -> None:
    with pytest.raises(InvalidPreferencesError) as refused:
        await update_preferences(
            database.runner,
            LEARNER,
            PreferenceChange(timezone="Asia/Seol", new_per_day=7),
            DEFAULTS,
            NOW,
        )
    (problem,) = refused.value.problems
    assert problem.field == "timezone"
    assert problem.kind is ProblemKind.UNKNOWN_ZONE
    assert problem.suggestions[0] == "Asia/Seoul"
    prefs = await read_preferences(database.runner, LEARNER, DEFAULTS, NOW)
    assert prefs.new_per_day == 20


async def test_region_names_are_not_zones(database: Database) -> None:
    with pytest.raises(InvalidPreferencesError):
        await update_preferences(
            database.runner, LEARNER, PreferenceChange(timezone="Asia"), DEFAULTS, NOW
        )


async def test_the_new_zone_moves_the_learners_study_day(database: Database) -> None:
    # 01:00 UTC is 10:00 on the 25th in Seoul but 20:00 on the 24th in New York.
    before = await learner_stats(database.runner, LEARNER, DEFAULTS, NOW)
    await update_preferences(
        database.runner, LEARNER, PreferenceChange(timezone="America/New_York"), DEFAULTS, NOW
    )
    after = await learner_stats(database.runner, LEARNER, DEFAULTS, NOW)
    assert (before.today, after.today) == (date(2026, 11, 25), date(2026, 11, 24))


@given(
    field=st.sampled_from(sorted(BOUNDS)),
    value=st.integers(min_value=-20_000, max_value=20_000),
)
def test_numbers_are_accepted_exactly_within_their_bounds(field: str, value: int) -> None:
    low, high = BOUNDS[field]
    checked = check_change(PreferenceChange(**{field: value}))  # type: ignore[arg-type]
    if low <= value <= high:
        assert checked.problems == []
    else:
        (problem,) = checked.problems
        assert (problem.field, problem.kind, problem.low, problem.high) == (
            field,
            ProblemKind.OUT_OF_RANGE,
            low,
            high,
        )


def test_unknown_language_is_refused_with_the_choices() -> None:
    (problem,) = check_change(PreferenceChange(language="fr")).problems
    assert problem.kind is ProblemKind.UNKNOWN_LANGUAGE
    assert problem.suggestions == ("ko", "en")


async def test_a_zone_change_late_in_the_day_keeps_the_day_spent(database: Database) -> None:
    """Asia/Seoul -> Pacific/Kiritimati at 23:30: no reviews due again, no second allowance."""
    eleven = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # 23:00 in Seoul
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", *(basic(f"c{i}") for i in range(6))), eleven)
    limits = LearnerDefaults(timezone="Asia/Seoul", new_per_day=3)
    service = StudyService(database.runner, limits)
    ref = await service.start(LEARNER, "d", "discord", eleven)
    rng = random.Random(0)
    while (view := await service.next_prompt(ref.id, LEARNER, eleven, rng)) is not None:
        await service.answer(view.prompt_id, LEARNER, SelfGrade(4), eleven)
    await service.end(ref.id, LEARNER, eleven)

    half_past = eleven + timedelta(minutes=30)
    change = PreferenceChange(timezone="Pacific/Kiritimati")
    await update_preferences(database.runner, LEARNER, change, limits, half_past)
    later = half_past + timedelta(minutes=5)
    again = await service.start(LEARNER, "d", "discord", later)
    assert await service.next_prompt(again.id, LEARNER, later, rng) is None
    stats = await learner_stats(database.runner, LEARNER, limits, later)
    assert stats.due_today == 0 and stats.left.total == 0


async def test_moving_west_after_studying_does_not_go_back_to_yesterday(
    database: Database,
) -> None:
    # 10:00 on the 25th in Seoul is 20:00 on the 24th in New York.
    async with sessions_of(database).begin() as session:
        await sync_deck(session, deck("d", *(basic(f"c{i}") for i in range(4))), NOW)
    limits = LearnerDefaults(timezone="Asia/Seoul", new_per_day=2)
    service = StudyService(database.runner, limits)
    ref = await service.start(LEARNER, "d", "discord", NOW)
    rng = random.Random(0)
    while (view := await service.next_prompt(ref.id, LEARNER, NOW, rng)) is not None:
        await service.answer(view.prompt_id, LEARNER, SelfGrade(4), NOW)
    change = PreferenceChange(timezone="America/New_York")
    await update_preferences(database.runner, LEARNER, change, limits, NOW)
    stats = await learner_stats(database.runner, LEARNER, limits, NOW + timedelta(hours=1))
    assert (stats.today, stats.left.new) == (date(2026, 11, 25), 0)

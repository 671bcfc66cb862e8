"""Rebuilding states from the review log under either scheduler, and switching between them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from random import Random

import pytest
from fsrs import Rating
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.srs import scheduler, sm2
from bot.srs.fsrs_review import FsrsConfig, FsrsState
from bot.srs.fuzz import fuzz_source
from bot.srs.ratings import quality_for_rating
from bot.srs.rebuild import LoggedAnswer, rebuild_state
from bot.srs.scheduler import ReviewState, SchedulerKind, Scheduling
from bot.srs.sm2 import Sm2State

SM2 = Scheduling(SchedulerKind.SM2)
FSRS = Scheduling(SchedulerKind.FSRS)
DAY = date(2026, 1, 10)


def fuzz_for(day: date) -> Random:
    return fuzz_source("42:7:0", day)


def test_sm2_under_the_common_call_is_sm2_exactly_and_draws_nothing() -> None:
    rng = Random(3)
    before = rng.getstate()
    state = Sm2State(2.5, 2, 6, DAY)
    assert scheduler.review(state, 5, DAY, SM2, rng) == sm2.review(state, 5, DAY)
    assert scheduler.review(state, 5, DAY, SM2, rng) == Sm2State(2.6, 3, 16, date(2026, 1, 26))
    assert rng.getstate() == before


def test_a_state_of_the_other_scheduler_is_refused_with_what_to_do() -> None:
    with pytest.raises(TypeError, match="rebuild the learner's states from the review log"):
        scheduler.review(Sm2State.new(), 4, DAY, FSRS, Random(0))
    with pytest.raises(TypeError, match="cannot be reviewed under sm2"):
        scheduler.review(FsrsState.new(), 4, DAY, SM2, Random(0))


def test_an_unknown_scheduler_name_is_refused() -> None:
    assert Scheduling("fsrs").kind is SchedulerKind.FSRS  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'anki' is not a valid SchedulerKind"):
        Scheduling("anki")  # type: ignore[arg-type]


def test_drill_answers_are_logged_but_never_reschedule() -> None:
    # Again on 01-10, then drilled twice the same session (Good, Easy): SM-2
    # keeps the lapse alone: EF 2.5 - 0.54 = 1.96, n 0, I 1, due 01-11.
    log = [
        LoggedAnswer(DAY, 1, scheduling=True),
        LoggedAnswer(DAY, 4, scheduling=False),
        LoggedAnswer(DAY, 5, scheduling=False),
    ]
    assert rebuild_state(log, SM2, fuzz_for) == Sm2State(1.96, 0, 1, date(2026, 1, 11))
    # FSRS too: one Again on a new card (the package's w0 = 0.212 stability, 1 day).
    rebuilt = rebuild_state(log, FSRS, fuzz_for)
    assert isinstance(rebuilt, FsrsState)
    assert (rebuilt.stability, rebuilt.interval, rebuilt.due) == (0.212, 1, date(2026, 1, 11))


def test_the_study_day_comes_from_the_learners_zone_and_rollover() -> None:
    # 02:30 in Seoul on 11 January is still the study day of 10 January
    # (rollover 04:00): the first review gives I = 1, due on the 11th.
    late_night = LoggedAnswer.at(
        datetime(2026, 1, 10, 17, 30, tzinfo=UTC), 4, True, "Asia/Seoul", 4
    )
    morning = LoggedAnswer.at(datetime(2026, 1, 10, 19, 30, tzinfo=UTC), 4, True, "Asia/Seoul", 4)
    assert late_night.study_date == date(2026, 1, 10)
    assert morning.study_date == date(2026, 1, 11)
    assert rebuild_state([late_night], SM2, fuzz_for).due == date(2026, 1, 11)
    assert rebuild_state([morning], SM2, fuzz_for).due == date(2026, 1, 12)


def test_a_logged_quality_outside_0_to_5_is_refused() -> None:
    with pytest.raises(ValueError, match=r"quality must be in 0\.\.5"):
        LoggedAnswer(DAY, 7, True)


def test_switching_sm2_to_fsrs_and_back_gives_the_sm2_state_back() -> None:
    log = [
        LoggedAnswer(date(2026, 1, 10), 4, True),
        LoggedAnswer(date(2026, 1, 11), 3, True),
        LoggedAnswer(date(2026, 1, 17), 5, True),
        LoggedAnswer(date(2026, 2, 2), 1, True),
        LoggedAnswer(date(2026, 2, 2), 4, False),
    ]
    # By hand: 2.50 (n1, I1) -> 2.36 (n2, I6) -> 2.46 (n3, ceil(6*2.46)=15) -> lapse 1.92 (n0, I1).
    sm2_state = rebuild_state(log, SM2, fuzz_for)
    assert sm2_state == Sm2State(1.92, 0, 1, date(2026, 2, 3))
    fsrs_state = rebuild_state(log, FSRS, fuzz_for)
    assert isinstance(fsrs_state, FsrsState) and fsrs_state.last_review == date(2026, 2, 2)
    assert rebuild_state(log, SM2, fuzz_for) == sm2_state


@st.composite
def courses(draw: st.DrawFn) -> list[tuple[int, int, int, bool]]:
    """(days since the last answer, grade draw, drills after it, switch before it) per step."""
    return draw(
        st.lists(
            st.tuples(st.integers(1, 90), st.integers(0, 5), st.integers(0, 2), st.booleans()),
            max_size=30,
        )
    )


@settings(max_examples=150, deadline=None)
@given(
    steps=courses(),
    exam_in=st.one_of(st.none(), st.integers(0, 365)),
    retention=st.sampled_from([0.7, 0.85, 0.9, 0.97]),
)
def test_switching_back_and_forth_rebuilds_exactly_what_each_scheduler_had_live(
    steps: list[tuple[int, int, int, bool]], exam_in: int | None, retention: float
) -> None:
    """A learner who switches at random rebuilds from the log, and then answers live.

    Two other learners answer the same (logged) grades without ever
    switching, one under SM-2 and one under FSRS.  Whenever the switcher is
    under a scheduler, its state must be exactly that learner's live state:
    switching loses nothing, and SM-2 -> FSRS -> SM-2 gives SM-2's state back.
    Under FSRS the switcher presses FSRS buttons, logged as SM-2 qualities.
    """
    fsrs = Scheduling(SchedulerKind.FSRS, FsrsConfig(desired_retention=retention))
    by_kind = {SchedulerKind.SM2: SM2, SchedulerKind.FSRS: fsrs}
    start = date(2026, 1, 1)
    exam = None if exam_in is None else start + timedelta(days=exam_in)
    live: dict[SchedulerKind, ReviewState] = {k: scheduler.new_state(s) for k, s in by_kind.items()}
    kind = SchedulerKind.SM2
    mine: ReviewState = live[kind]
    log: list[LoggedAnswer] = []
    day = start
    for gap, draw, drills, switch in steps:
        if switch:
            kind = SchedulerKind.FSRS if kind is SchedulerKind.SM2 else SchedulerKind.SM2
            mine = rebuild_state(log, by_kind[kind], fuzz_for)
            assert mine == live[kind]
        day += timedelta(days=gap)
        quality = draw if kind is SchedulerKind.SM2 else quality_for_rating(Rating(draw % 4 + 1))
        answer = LoggedAnswer(day, quality, True, exam)
        for k, s in by_kind.items():
            live[k] = scheduler.review(live[k], quality, day, s, fuzz_for(day), exam)
        mine = scheduler.review(mine, quality, day, by_kind[kind], fuzz_for(day), exam)
        log.append(answer)
        log.extend(LoggedAnswer(day, (quality + i) % 6, False, exam) for i in range(drills))
        assert mine == live[kind]
    for k, s in by_kind.items():
        assert rebuild_state(log, s, fuzz_for) == live[k]

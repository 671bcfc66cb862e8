"""Which faces a learner sees today, and the same-session drill of lapses."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.srs import DailyLimits, DayProgress, Face, Sm2State, next_face, session_queue
from bot.srs.fsrs_review import FsrsState
from bot.srs.queue import is_drill_answer, pending_drill

TODAY = date(2026, 3, 10)
NO_LIMITS = DailyLimits(new_per_day=1000, reviews_per_day=1000)


def scheduled(key: str, due: date, position: int) -> Face[str]:
    return Face(key, Sm2State(2.5, 2, 6, due), position)


def fresh(key: str, position: int, *, unseen: bool = True) -> Face[str]:
    return Face(key, None if unseen else Sm2State.new(), position)


DECK = [
    scheduled("late-5", TODAY - timedelta(days=5), 7),
    scheduled("late-9-pos4", TODAY - timedelta(days=9), 4),
    scheduled("today", TODAY, 0),
    scheduled("late-9-pos2", TODAY - timedelta(days=9), 2),
    scheduled("tomorrow", TODAY + timedelta(days=1), 1),
    scheduled("next-year", TODAY + timedelta(days=365), 3),
    fresh("new-pos6", 6),
    fresh("new-pos5", 5, unseen=False),
    fresh("new-pos8", 8),
]


def test_due_reviews_first_most_overdue_first_then_new_in_deck_order() -> None:
    assert session_queue(DECK, TODAY, NO_LIMITS, DayProgress()) == [
        "late-9-pos2",  # 9 days late, ties broken by deck position
        "late-9-pos4",
        "late-5",
        "today",  # due today counts as due
        "new-pos5",  # a stored but never reviewed state is new too
        "new-pos6",
        "new-pos8",
    ]


def test_nothing_due_in_the_future_is_queued() -> None:
    queue = session_queue(DECK, TODAY, NO_LIMITS, DayProgress())
    assert "tomorrow" not in queue
    assert "next-year" not in queue
    # The next day, "tomorrow" is due and queued after the older ones.
    later = session_queue(DECK, TODAY + timedelta(days=1), NO_LIMITS, DayProgress())
    assert later[:5] == ["late-9-pos2", "late-9-pos4", "late-5", "today", "tomorrow"]


def test_limits_cap_reviews_and_new_faces_separately() -> None:
    limits = DailyLimits(new_per_day=2, reviews_per_day=3)
    assert session_queue(DECK, TODAY, limits, DayProgress()) == [
        "late-9-pos2",
        "late-9-pos4",
        "late-5",
        "new-pos5",
        "new-pos6",
    ]


def test_what_was_done_earlier_today_counts_against_the_limits() -> None:
    limits = DailyLimits(new_per_day=2, reviews_per_day=3)
    progress = DayProgress(new_introduced=1, reviews_done=2)
    assert session_queue(DECK, TODAY, limits, progress) == ["late-9-pos2", "new-pos5"]


def test_limits_already_exceeded_give_nothing_rather_than_wrapping() -> None:
    # A learner who did more than the limit (e.g. the limit was lowered) gets no more,
    # however many faces are waiting.
    faces = [fresh(f"n{i}", i) for i in range(6)]
    faces += [scheduled(f"r{i}", TODAY - timedelta(days=i), 10 + i) for i in range(6)]
    limits = DailyLimits(new_per_day=2, reviews_per_day=3)
    assert session_queue(faces, TODAY, limits, DayProgress(3, 4)) == []
    assert session_queue(faces, TODAY, limits, DayProgress(2, 3)) == []
    assert session_queue(faces, TODAY, limits, DayProgress(1, 2)) == ["r5", "n0"]


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        (DailyLimits(new_per_day=0, reviews_per_day=0), []),
        (
            DailyLimits(new_per_day=0, reviews_per_day=1000),
            ["late-9-pos2", "late-9-pos4", "late-5", "today"],
        ),
        (DailyLimits(new_per_day=1000, reviews_per_day=0), ["new-pos5", "new-pos6", "new-pos8"]),
    ],
)
def test_zero_limits(limits: DailyLimits, expected: list[str]) -> None:
    assert session_queue(DECK, TODAY, limits, DayProgress()) == expected


def test_default_limits_are_twenty_new_and_two_hundred_reviews() -> None:
    faces = [fresh(f"n{i}", i) for i in range(30)]
    faces += [scheduled(f"r{i}", TODAY - timedelta(days=1), 100 + i) for i in range(250)]
    queue = session_queue(faces, TODAY, DailyLimits(), DayProgress())
    assert len([k for k in queue if k.startswith("r")]) == 200
    assert [k for k in queue if k.startswith("n")] == [f"n{i}" for i in range(20)]


def test_negative_limits_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        DailyLimits(new_per_day=-1)
    with pytest.raises(ValueError, match="negative"):
        DailyLimits(reviews_per_day=-1)


def test_empty_deck_gives_an_empty_queue_and_an_ended_session() -> None:
    assert session_queue([], TODAY, NO_LIMITS, DayProgress()) == []
    assert next_face([], []) is None


def test_pending_drill_keeps_faces_whose_latest_answer_is_below_four() -> None:
    answers = [("a", 1), ("b", 4), ("c", 3), ("a", 5), ("d", 0), ("b", 2)]
    # a recovered with 5; c (3 = hard) and d, then b (lapsed on its second showing).
    assert pending_drill(answers) == ["c", "d", "b"]


def test_pending_drill_orders_by_the_latest_lapse() -> None:
    assert pending_drill([("a", 1), ("b", 2), ("a", 3)]) == ["b", "a"]
    assert pending_drill([]) == []


def test_drill_answers_are_recognised_after_the_first_showing() -> None:
    answers = [("a", 1), ("b", 5)]
    assert is_drill_answer("a", answers)
    assert is_drill_answer("b", answers)
    assert not is_drill_answer("c", answers)
    assert not is_drill_answer("a", [])


def test_session_walkthrough_with_the_default_gap_of_three() -> None:
    queue = ["a", "b", "c", "d", "e"]
    answers: list[tuple[str, int]] = []

    def answer(expected: str | None, quality: int | None = None) -> None:
        assert next_face(queue, answers) == expected
        if expected is not None and quality is not None:
            answers.append((expected, quality))

    answer("a", 1)  # lapse: a must come back, but not straight away
    answer("b", 5)
    answer("c", 4)
    answer("d", 4)  # three answers since a's showing...
    answer("a", 3)  # ... so a comes back before e; 3 is still below 4
    answer("e", 5)  # only one answer since a: the queue goes on
    answer("a", 4)  # nothing else left: a again, now recalled
    answer(None)  # b..e were graded 4+ the first time: never shown again


def test_drill_waits_for_min_gap_other_answers() -> None:
    queue = ["a", "b", "c", "d"]
    answers = [("a", 2), ("b", 4)]
    assert next_face(queue, answers, min_gap=1) == "a"
    assert next_face(queue, answers, min_gap=2) == "c"
    assert next_face(queue, [*answers, ("c", 4)], min_gap=2) == "a"


def test_lone_lapse_is_repeated_when_nothing_else_is_left() -> None:
    assert next_face(["a"], [("a", 0)]) == "a"
    assert next_face(["a"], [("a", 0), ("a", 2)]) == "a"
    assert next_face(["a"], [("a", 0), ("a", 2), ("a", 4)]) is None


def test_two_lapses_alternate_when_the_queue_is_done() -> None:
    queue = ["a", "b"]
    assert next_face(queue, [("a", 1), ("b", 1)]) == "a"
    assert next_face(queue, [("a", 1), ("b", 1), ("a", 1)]) == "b"
    assert next_face(queue, [("a", 1), ("b", 1), ("a", 5)]) == "b"
    assert next_face(queue, [("a", 1), ("b", 1), ("a", 5), ("b", 4)]) is None


def test_hard_counts_as_needing_a_drill_but_good_does_not() -> None:
    assert next_face(["a"], [("a", 3)]) == "a"
    assert next_face(["a"], [("a", 4)]) is None


def test_skipped_face_is_not_shown_again_this_session() -> None:
    queue = ["a", "b", "c"]
    assert next_face(queue, [], skipped={"a"}) == "b"
    assert next_face(queue, [("b", 4)], skipped={"a"}) == "c"
    assert next_face(queue, [("b", 4), ("c", 5)], skipped={"a"}) is None


def test_skipping_a_lapsed_face_drops_its_drill() -> None:
    queue = ["a", "b"]
    answers = [("a", 1), ("b", 4)]
    assert next_face(queue, answers) == "a"
    assert next_face(queue, answers, skipped={"a"}) is None
    # Other lapses are still drilled.
    assert next_face(queue, [("a", 1), ("b", 2)], skipped={"a"}) == "b"


@st.composite
def sessions(draw: st.DrawFn) -> tuple[list[int], int, int, list[int]]:
    """A queue, a min_gap, and how many answers may fail before all pass."""
    queue = draw(st.lists(st.integers(0, 50), unique=True, max_size=12))
    min_gap = draw(st.integers(0, 5))
    failing_steps = draw(st.integers(0, 40))
    grades = draw(st.lists(st.integers(0, 5), min_size=failing_steps, max_size=failing_steps))
    return queue, min_gap, failing_steps, grades


@settings(max_examples=300, deadline=None)
@given(sessions(), st.data())
def test_simulated_session_ends_and_drills_every_lapse(
    session: tuple[list[int], int, int, list[int]], data: st.DataObject
) -> None:
    queue, min_gap, failing_steps, grades = session
    answers: list[tuple[int, int]] = []
    # After the random grades, each face needs at most one more (passing) showing.
    bound = failing_steps + len(queue)
    while True:
        key = next_face(queue, answers, min_gap=min_gap)
        if key is None:
            break
        assert len(answers) < bound, "session did not end"
        assert key in queue
        unanswered = [k for k in queue if k not in {a for a, _ in answers}]
        previous = [i for i, (k, _) in enumerate(answers) if k == key]
        if previous:
            # A re-shown face lapsed last time, and waited min_gap answers
            # unless no face was left to show first.
            assert answers[previous[-1]][1] < 4
            if len(answers) - 1 - previous[-1] < min_gap:
                assert unanswered == []
        else:
            # New showings follow the queue order.
            assert key == unanswered[0]
        quality = (
            grades[len(answers)]
            if len(answers) < failing_steps
            else data.draw(st.integers(4, 5), label="passing grade")
        )
        answers.append((key, quality))

    shown = [k for k, _ in answers]
    assert set(shown) == set(queue)
    latest = dict(answers)
    assert all(latest[k] >= 4 for k in queue)
    assert pending_drill(answers) == []
    # A face passed on its first showing is never shown again.
    first: dict[int, int] = {}
    for k, q in answers:
        first.setdefault(k, q)
    assert all(shown.count(k) == 1 for k, q in first.items() if q >= 4)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 50), unique=True, max_size=10),
    st.integers(0, 4),
    st.lists(st.one_of(st.integers(0, 5), st.just(None)), max_size=30),
    st.data(),
)
def test_simulated_session_with_skips_ends_without_the_skipped_faces(
    queue: list[int], min_gap: int, script: list[int | None], data: st.DataObject
) -> None:
    # ``script`` gives each early step a grade, or None for "skip this face".
    answers: list[tuple[int, int]] = []
    skipped: set[int] = set()
    steps = 0
    while (key := next_face(queue, answers, skipped=skipped, min_gap=min_gap)) is not None:
        assert steps < len(script) + len(queue), "session did not end"
        assert key in queue
        assert key not in skipped
        action = script[steps] if steps < len(script) else data.draw(st.integers(4, 5))
        if action is None:
            skipped.add(key)
        else:
            answers.append((key, action))
        steps += 1

    assert {k for k, _ in answers} | skipped == set(queue)
    latest = dict(answers)
    assert all(latest[k] >= 4 for k in latest if k not in skipped)


def test_fsrs_faces_queue_like_sm2_ones() -> None:
    # A learner under FSRS: due faces most overdue first, then new faces in deck order.
    def fsrs(key: str, due: date, position: int) -> Face[str]:
        return Face(key, FsrsState(10.0, 5.0, 10, due, due - timedelta(days=10)), position)

    faces = [
        fsrs("later", TODAY + timedelta(days=1), 0),
        fsrs("late-3", TODAY - timedelta(days=3), 1),
        Face("new-b", FsrsState.new(), 5),
        fsrs("today", TODAY, 2),
        Face("new-a", None, 4),
    ]
    queue = session_queue(faces, TODAY, NO_LIMITS, DayProgress())
    assert queue == ["late-3", "today", "new-a", "new-b"]

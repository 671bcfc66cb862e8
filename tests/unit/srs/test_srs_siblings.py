"""The sibling rule as a pure function: one face of a group a day, none after a sibling's answer."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.srs import DailyLimits, DayProgress, Face, Sm2State
from bot.srs.queue import day_queue, session_queue
from bot.srs.siblings import bury_siblings

TODAY = date(2026, 11, 25)


def test_the_first_of_a_group_is_kept_and_the_rest_wait() -> None:
    candidates = [("x1", "x"), ("y1", "y"), ("x2", "x"), ("z1", "z"), ("y2", "y")]
    assert bury_siblings(candidates) == ["x1", "y1", "z1"]
    assert bury_siblings(candidates, limit=2) == ["x1", "y1"]


def test_a_group_answered_today_waits_but_the_answered_face_may_come_back() -> None:
    candidates = [("x1", "x"), ("x2", "x"), ("y1", "y")]
    assert bury_siblings(candidates, answered_today=[("x2", "x")]) == ["x2", "y1"]
    assert bury_siblings(candidates[::2], answered_today=[("x2", "x")]) == ["y1"]
    assert bury_siblings(candidates, answered_today=[("x1", "x")]) == ["x1", "y1"]


def test_the_queue_takes_a_due_face_before_its_new_sibling_within_the_limits() -> None:
    due = Sm2State(2.5, 1, 1, TODAY)
    faces = [
        Face("new-x", None, 0, group="x"),
        Face("due-x", due, 1, group="x"),
        Face("new-y", None, 2, group="y"),
        Face("new-z", None, 3, group="z"),
        Face("new-alone", None, 4),
    ]
    limits = DailyLimits(new_per_day=2, reviews_per_day=10)
    assert day_queue(faces, TODAY, limits, DayProgress()) == (["due-x"], ["new-y", "new-z"])
    # A sibling answered elsewhere today (a daily question) holds its group's place.
    assert session_queue(faces, TODAY, DailyLimits(), DayProgress(),
                         answered_today=[("other-z", "z")]) == ["due-x", "new-y", "new-alone"]


@given(
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from("abcdef")), unique_by=lambda c: c[0]),
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from("abcdef")), max_size=4),
    st.none() | st.integers(0, 10),
)
def test_admitted_faces_keep_the_rule(
    candidates: list[tuple[int, str]], answered: list[tuple[int, str]], limit: int | None
) -> None:
    kept = bury_siblings(candidates, answered, limit)
    group = dict(candidates)
    taken = {g for _, g in answered}
    answered_keys = {k for k, _ in answered}
    assert len({group[k] for k in kept}) == len(kept)  # one face per group
    assert all(group[k] not in taken or k in answered_keys for k in kept)
    assert kept == [k for k, _ in candidates if k in set(kept)]  # queue order kept
    assert limit is None or len(kept) <= limit
    # Nothing admissible was left out while there was room.
    if limit is None or len(kept) < limit:
        free = {g for k, g in candidates if g not in taken or k in answered_keys}
        assert {group[k] for k in kept} == free

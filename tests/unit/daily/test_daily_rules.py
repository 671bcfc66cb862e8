"""Pure rules of the daily question: parsing what admins type, choosing the card.

Its post and reveal instants (DST gaps too) are bot.srs.post_times: tests/unit/srs.
"""

from __future__ import annotations

import random
from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from bot.study.daily import (
    FaceScore,
    choose_face,
    parse_duration_minutes,
    parse_local_time,
    post_seed,
)


def test_times_as_admins_type_them() -> None:
    assert parse_local_time("07:30") == time(7, 30)
    assert parse_local_time("7:05") == time(7, 5)
    assert parse_local_time("21시 30분") == time(21, 30)
    assert parse_local_time("9") == time(9, 0)
    assert parse_local_time("24:00") is None
    assert parse_local_time("7:60") is None
    assert parse_local_time("soon") is None


def test_reveal_delays() -> None:
    assert parse_duration_minutes("90") == 90
    assert parse_duration_minutes("8h") == 480
    assert parse_duration_minutes("2h30m") == 150
    assert parse_duration_minutes("1시간 30분") == 90
    assert parse_duration_minutes("later") is None
    assert parse_duration_minutes("") is None


def _faces(n: int) -> list[FaceScore]:
    return [FaceScore(card_pk=i + 1, face=1, position=i, wrong=0, answered=0) for i in range(n)]


def test_prefers_the_worst_answered_face() -> None:
    faces = _faces(4)
    faces[2] = FaceScore(3, 1, 2, wrong=5, answered=6)
    faces[1] = FaceScore(2, 1, 1, wrong=1, answered=6)
    assert choose_face(faces, [], random.Random(1)).card_pk == 3


def test_a_recent_face_is_avoided_even_when_hardest() -> None:
    faces = _faces(3)
    faces[0] = FaceScore(1, 1, 0, wrong=9, answered=9)
    chosen = choose_face(faces, [(1, 1)], random.Random(0))
    assert chosen.card_pk != 1


def test_a_one_card_deck_still_posts() -> None:
    assert choose_face(_faces(1), [(1, 1)], random.Random(0)).card_pk == 1


@given(st.integers(min_value=0, max_value=2**62), st.integers(min_value=2, max_value=30))
def test_the_choice_is_a_function_of_the_seed(seed: int, n: int) -> None:
    faces = _faces(n)
    recent = [(1, 1)]
    first = choose_face(faces, recent, random.Random(seed))
    assert choose_face(faces, recent, random.Random(seed)) == first
    assert first.card_pk != 1


@given(st.integers(min_value=1, max_value=30))
def test_recent_faces_are_never_chosen_while_others_remain(n: int) -> None:
    faces = _faces(n)
    recent = [(f.card_pk, f.face) for f in faces[: n - 1]]
    assert choose_face(faces, recent, random.Random(n)).card_pk == n


def test_default_seed_is_stable_and_differs_by_day_and_channel() -> None:
    a = post_seed(1, date(2026, 11, 25))
    assert a == post_seed(1, date(2026, 11, 25))
    assert a != post_seed(1, date(2026, 11, 26))
    assert a != post_seed(2, date(2026, 11, 25))

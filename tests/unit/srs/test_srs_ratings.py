"""SM-2 qualities and FSRS ratings map into each other as the issue says."""

from __future__ import annotations

import pytest
from fsrs import Rating

from bot.srs.grades import Grade
from bot.srs.ratings import quality_for_rating, rating_for_quality


@pytest.mark.parametrize(
    ("quality", "rating"),
    [
        (0, Rating.Again),
        (1, Rating.Again),
        (2, Rating.Again),
        (3, Rating.Hard),
        (4, Rating.Good),
        (5, Rating.Easy),
    ],
)
def test_quality_to_rating(quality: int, rating: Rating) -> None:
    assert rating_for_quality(quality) is rating


@pytest.mark.parametrize(
    ("rating", "quality"),
    [(Rating.Again, 1), (Rating.Hard, 3), (Rating.Good, 4), (Rating.Easy, 5)],
)
def test_rating_to_quality(rating: Rating, quality: int) -> None:
    assert quality_for_rating(rating) == quality


def test_a_button_press_survives_the_round_trip() -> None:
    # What the buttons log (Again=1, Hard=3, Good=4, Easy=5) maps to FSRS and back unchanged.
    for grade in Grade:
        assert quality_for_rating(rating_for_quality(int(grade))) == int(grade)
    for rating in Rating:
        assert rating_for_quality(quality_for_rating(rating)) is rating


@pytest.mark.parametrize("bad", [-1, 6])
def test_a_quality_outside_0_to_5_is_refused(bad: int) -> None:
    with pytest.raises(ValueError, match=r"quality must be in 0\.\.5"):
        rating_for_quality(bad)

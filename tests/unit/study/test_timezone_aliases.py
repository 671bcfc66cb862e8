"""How learners name their time zone: countries, abbreviations, Korean city names."""

from __future__ import annotations

import pytest

from bot.study.timezones import canonical_zone, search_zones


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("korea", "Asia/Seoul"),
        ("South Korea", "Asia/Seoul"),
        ("KST", "Asia/Seoul"),
        ("서울시", "Asia/Seoul"),
        ("서울특별시", "Asia/Seoul"),
        ("서", "Asia/Seoul"),
        ("PST", "America/Los_Angeles"),
    ],
)
def test_common_names_find_their_zone_first(typed: str, zone: str) -> None:
    assert search_zones(typed, limit=3)[0] == zone


def test_an_unambiguous_alias_is_a_canonical_zone() -> None:
    assert canonical_zone("kst") == "Asia/Seoul"
    assert canonical_zone("서울") == "Asia/Seoul"
    assert canonical_zone("usa") is None  # four zones: the learner must pick one


def test_a_country_offers_its_zone_beside_a_legacy_link_of_the_same_name() -> None:
    # "Japan" is itself a (legacy) tz name, so it may come first; Tokyo must be offered.
    assert "Asia/Tokyo" in search_zones("japan", limit=3)

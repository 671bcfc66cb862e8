"""Time zone autocomplete: what a learner types finds the zone they mean."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.study.timezones import canonical_zone, closest_zones, known_zones, search_zones


def test_nothing_typed_shows_the_preferred_zone_first() -> None:
    assert search_zones("", preferred=["Asia/Seoul"])[0] == "Asia/Seoul"
    assert search_zones("", preferred=["Europe/Paris"])[0] == "Europe/Paris"
    assert len(search_zones("")) == 25


def test_city_names_in_any_case_or_spacing() -> None:
    assert search_zones("seoul")[0] == "Asia/Seoul"
    assert search_zones("new york")[0] == "America/New_York"
    assert search_zones("LOS-ANGELES")[0] == "America/Los_Angeles"


def test_korean_place_names() -> None:
    assert search_zones("서울")[0] == "Asia/Seoul"
    assert search_zones("뉴욕")[0] == "America/New_York"
    assert "America/Los_Angeles" in search_zones("미국")


def test_typos_still_find_the_zone() -> None:
    assert search_zones("Asia/Seol")[0] == "Asia/Seoul"
    assert search_zones("londn")[0] == "Europe/London"
    assert search_zones("Europ/Berln")[0] == "Europe/Berlin"


def test_preferred_zone_leads_among_equal_matches_but_never_intrudes() -> None:
    asia = search_zones("asia", preferred=["Asia/Seoul"])
    assert asia[0] == "Asia/Seoul"
    assert "Asia/Seoul" not in search_zones("america", preferred=["Asia/Seoul"])


def test_exact_name_beats_longer_ones() -> None:
    assert search_zones("utc")[0] == "UTC"


def test_gibberish_matches_nothing() -> None:
    assert search_zones("qqqqxxxzzz") == []


@given(st.text(max_size=30), st.integers(0, 40))
def test_results_are_real_distinct_zones_within_the_limit(query: str, limit: int) -> None:
    found = search_zones(query, preferred=["Asia/Seoul"], limit=limit)
    assert len(found) <= limit
    assert len(found) == len(set(found))
    for name in found:
        ZoneInfo(name)  # opens: safe to store


@given(st.sampled_from(known_zones()))
def test_every_zone_finds_itself_first(zone: str) -> None:
    assert search_zones(zone)[0] == zone
    assert search_zones(zone.lower().replace("_", " "))[0] == zone
    assert canonical_zone(zone.upper()) == zone


def test_canonical_zone_refuses_regions_and_unknowns() -> None:
    assert canonical_zone("Asia") is None
    assert canonical_zone("Mars/Olympus") is None
    assert canonical_zone("") is None


def test_closest_zones_for_an_error_message() -> None:
    assert closest_zones("Asia/Tokio")[0] == "Asia/Tokyo"
    assert len(closest_zones("Asia/Tokio")) <= 3

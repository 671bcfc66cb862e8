"""Finding an IANA time zone from what a learner types.

Learners type "seoul", "new york", "서울" or "Asia/Seol" rather than exact
zone names, so lookups are forgiving: case and spaces do not matter, a city
segment matches on its own, a few Korean place names are understood, and a
typo still finds its zone by fuzzy score.  Only names from
``zoneinfo.available_timezones()`` are ever returned, so whatever is picked
can be stored and opened with ``ZoneInfo``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Final
from zoneinfo import available_timezones

from rapidfuzz import fuzz, process

#: Entries of the tz database that are not places a learner lives in.
_NOT_ZONES: Final = frozenset({"Factory", "localtime", "posixrules"})

#: Shown before anything is typed: where most of a study group is likely to be.
POPULAR_ZONES: Final[tuple[str, ...]] = (
    "Asia/Seoul",
    "UTC",
    "Asia/Tokyo",
    "Asia/Shanghai",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Vancouver",
    "America/Toronto",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Pacific/Auckland",
)

#: Place names in Korean, since tz names are English only.
KOREAN_PLACES: Final[dict[str, tuple[str, ...]]] = {
    "서울": ("Asia/Seoul",),
    "한국": ("Asia/Seoul",),
    "대한민국": ("Asia/Seoul",),
    "부산": ("Asia/Seoul",),
    "평양": ("Asia/Pyongyang",),
    "도쿄": ("Asia/Tokyo",),
    "일본": ("Asia/Tokyo",),
    "중국": ("Asia/Shanghai",),
    "베이징": ("Asia/Shanghai",),
    "상하이": ("Asia/Shanghai",),
    "홍콩": ("Asia/Hong_Kong",),
    "대만": ("Asia/Taipei",),
    "타이베이": ("Asia/Taipei",),
    "싱가포르": ("Asia/Singapore",),
    "베트남": ("Asia/Ho_Chi_Minh",),
    "호치민": ("Asia/Ho_Chi_Minh",),
    "방콕": ("Asia/Bangkok",),
    "인도": ("Asia/Kolkata",),
    "런던": ("Europe/London",),
    "영국": ("Europe/London",),
    "파리": ("Europe/Paris",),
    "프랑스": ("Europe/Paris",),
    "베를린": ("Europe/Berlin",),
    "독일": ("Europe/Berlin",),
    "뉴욕": ("America/New_York",),
    "미국": ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
    "시카고": ("America/Chicago",),
    "로스앤젤레스": ("America/Los_Angeles",),
    "엘에이": ("America/Los_Angeles",),
    "샌프란시스코": ("America/Los_Angeles",),
    "시애틀": ("America/Los_Angeles",),
    "밴쿠버": ("America/Vancouver",),
    "토론토": ("America/Toronto",),
    "캐나다": ("America/Toronto", "America/Vancouver"),
    "시드니": ("Australia/Sydney",),
    "호주": ("Australia/Sydney",),
    "오클랜드": ("Pacific/Auckland",),
    "뉴질랜드": ("Pacific/Auckland",),
    "협정 세계시": ("UTC",),
}

#: English country names and common abbreviations, which are not tz names either.
ENGLISH_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "korea": ("Asia/Seoul",),
    "south_korea": ("Asia/Seoul",),
    "kst": ("Asia/Seoul",),
    "japan": ("Asia/Tokyo",),
    "jst": ("Asia/Tokyo",),
    "china": ("Asia/Shanghai",),
    "taiwan": ("Asia/Taipei",),
    "vietnam": ("Asia/Ho_Chi_Minh",),
    "india": ("Asia/Kolkata",),
    "ist": ("Asia/Kolkata",),
    "hkt": ("Asia/Hong_Kong",),
    "sgt": ("Asia/Singapore",),
    "gmt": ("UTC", "Europe/London"),
    "uk": ("Europe/London",),
    "england": ("Europe/London",),
    "bst": ("Europe/London",),
    "germany": ("Europe/Berlin",),
    "france": ("Europe/Paris",),
    "cet": ("Europe/Berlin", "Europe/Paris"),
    "cest": ("Europe/Berlin", "Europe/Paris"),
    "usa": ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
    "est": ("America/New_York",),
    "edt": ("America/New_York",),
    "eastern": ("America/New_York",),
    "cst": ("America/Chicago",),
    "cdt": ("America/Chicago",),
    "central": ("America/Chicago",),
    "mst": ("America/Denver",),
    "mdt": ("America/Denver",),
    "mountain": ("America/Denver",),
    "pst": ("America/Los_Angeles",),
    "pdt": ("America/Los_Angeles",),
    "pacific": ("America/Los_Angeles",),
    "canada": ("America/Toronto", "America/Vancouver"),
    "australia": ("Australia/Sydney",),
    "aest": ("Australia/Sydney",),
    "new_zealand": ("Pacific/Auckland",),
    "nzst": ("Pacific/Auckland",),
}

#: Below this fuzzy score a zone is not offered as a match.
FUZZY_CUTOFF: Final = 72.0


@lru_cache(maxsize=1)
def known_zones() -> tuple[str, ...]:
    """Every IANA zone name a learner may pick, sorted."""
    return tuple(sorted(z for z in available_timezones() if z not in _NOT_ZONES))


@lru_cache(maxsize=1)
def _folded() -> dict[str, str]:
    return {_fold(z): z for z in known_zones()}


@lru_cache(maxsize=1)
def _fuzzy_texts() -> tuple[tuple[str, str], ...]:
    """(text, zone) pairs: each zone's full name and its city, so "seul" finds Asia/Seoul."""
    pairs: list[tuple[str, str]] = []
    for folded, zone in _folded().items():
        pairs.append((folded, zone))
        city = folded.rsplit("/", 1)[-1]
        if city != folded:
            pairs.append((city, zone))
    return tuple(pairs)


def _fold(text: str) -> str:
    """Case-, space- and dash-insensitive form: "new york" and "New_York" agree."""
    return "_".join(text.strip().casefold().replace("-", " ").replace("_", " ").split())


def canonical_zone(name: str) -> str | None:
    """The exact IANA name ``name`` refers to (any case, spaces for underscores), else None."""
    folded = _fold(name)
    if not folded:
        return None
    found = _folded().get(folded)
    if found is not None:
        return found
    places = _aliases().get(folded)
    return places[0] if places and len(places) == 1 else None


def _tier(query: str, zone: str) -> int | None:
    """How well ``zone`` answers ``query`` (lower is better); None when it does not."""
    key = _fold(zone)
    segments = key.split("/")
    if key == query:
        return 0
    if query in segments:
        return 1
    if key.startswith(query) or any(s.startswith(query) for s in segments):
        return 2
    if query in key:
        return 3
    return None


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    """Korean place names and English aliases, keyed by their folded form."""
    merged = {_fold(name): zones for name, zones in KOREAN_PLACES.items()}
    merged.update(ENGLISH_ALIASES)
    return merged


def _alias_tier(query: str, alias: str) -> int | None:
    """An alias matches exactly, by prefix, or (Korean) with a suffix such as 시 or 특별시."""
    if alias == query:
        return 0
    if (len(query) >= 2 or not query.isascii()) and alias.startswith(query):
        return 2
    if not alias.isascii() and query.startswith(alias):
        return 2  # "서울시", "서울특별시"
    return None


def search_zones(query: str, *, preferred: Iterable[str] = (), limit: int = 25) -> list[str]:
    """Zones for an autocomplete list, best first.

    Exact names, then a matching city segment, then prefixes, then substrings;
    fuzzy matches only when nothing contains the text (a typo), since a fuzzy
    tail after real matches is noise.  ``preferred`` zones (Asia/Seoul for a Korean
    learner) come first among equally good matches, and first of all when
    nothing is typed yet.
    """
    if limit <= 0:
        return []
    favourites = [z for z in preferred if z in _folded().values()]
    rank = {z: i for i, z in enumerate(favourites)}
    folded = _fold(query)
    if not folded:
        order = [*favourites, *POPULAR_ZONES, *known_zones()]
        return list(dict.fromkeys(order))[:limit]

    def order_key(item: tuple[int, float, str]) -> tuple[int, int, float, int, str]:
        tier, score, zone = item
        return (tier, rank.get(zone, len(rank)), -score, len(zone), zone)

    scored: list[tuple[int, float, str]] = []
    for place, zones in _aliases().items():
        place_tier = _alias_tier(folded, place)
        if place_tier is not None:
            scored.extend((place_tier, 100.0 - i, z) for i, z in enumerate(zones))
    for zone in known_zones():
        tier = _tier(folded, zone)
        if tier is not None:
            scored.append((tier, 100.0, zone))
    if not scored:  # nothing contains the text: most likely a typo
        texts = _fuzzy_texts()
        for _, score, index in process.extract(
            folded,
            [text for text, _ in texts],
            scorer=fuzz.WRatio,
            score_cutoff=FUZZY_CUTOFF,
            limit=limit * 2,
        ):
            scored.append((4, float(score), texts[index][1]))
    best: dict[str, tuple[int, float, str]] = {}
    for item in sorted(scored, key=order_key):
        best.setdefault(item[2], item)
    return [zone for _, _, zone in sorted(best.values(), key=order_key)][:limit]


def closest_zones(name: str, limit: int = 3) -> list[str]:
    """The zones a mistyped name most likely meant, for an error message."""
    return search_zones(name, limit=limit)

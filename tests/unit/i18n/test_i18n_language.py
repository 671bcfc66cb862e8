"""Which language a learner gets: --lang, then locale, then the deck's language."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import SUPPORTED, locale_from_env, normalize_language, resolve_language


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en_US.UTF-8", "en"),
        ("en-GB", "en"),
        ("ko", "ko"),
        ("ko_KR.eucKR", "ko"),
        ("ko-KR", "ko"),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("fr_FR.UTF-8", None),
        ("zh-TW", None),
        ("", None),
        (None, None),
    ],
)
def test_locale_strings_from_posix_and_discord_normalize(
    value: str | None, expected: str | None
) -> None:
    assert normalize_language(value) == expected


@pytest.mark.parametrize(
    ("explicit", "locale", "deck_lang", "expected"),
    [
        ("en", "ko_KR.UTF-8", "ko", "en"),  # --lang wins over everything
        ("ko", "en_US.UTF-8", "en", "ko"),
        (None, "en_US.UTF-8", "ko", "en"),  # then the locale
        (None, "en-US", "ko", "en"),  # Discord's locale
        (None, "ko", "en", "ko"),
        (None, None, "ko", "ko"),  # then the deck's language
        (None, "C.UTF-8", "ko", "ko"),  # a C locale says nothing about the reader
        (None, None, "en", "en"),
        ("fr", "de_DE.UTF-8", "ja", "ko"),  # nothing supported: the default
        (None, None, None, "ko"),
    ],
)
def test_resolution_order(
    explicit: str | None, locale: str | None, deck_lang: str | None, expected: str
) -> None:
    assert resolve_language(explicit, locale, deck_lang) == expected


def test_the_default_applies_only_when_nothing_else_is_known() -> None:
    assert resolve_language(None, None, None, default="en") == "en"
    assert resolve_language(None, None, "ko", default="en") == "ko"
    assert resolve_language(None, None, None, default="xx") == "ko"


@given(
    st.one_of(st.none(), st.text(max_size=12)),
    st.one_of(st.none(), st.text(max_size=12)),
    st.one_of(st.none(), st.text(max_size=12)),
    st.text(max_size=12),
)
def test_always_a_supported_language(
    explicit: str | None, locale: str | None, deck_lang: str | None, default: str
) -> None:
    assert resolve_language(explicit, locale, deck_lang, default) in SUPPORTED


def test_locale_variables_follow_posix_precedence() -> None:
    env = {"LANG": "ko_KR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}
    assert locale_from_env(env) == "en_US.UTF-8"
    assert locale_from_env({**env, "LC_ALL": "C"}) == "C"
    assert locale_from_env({"LANG": "ko_KR.UTF-8", "LC_ALL": ""}) == "ko_KR.UTF-8"
    assert locale_from_env({}) is None

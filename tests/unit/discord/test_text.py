"""Deck text must fit Discord's limits without losing its start or breaking letters."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.discord.text import ELLIPSIS, command_name, cut, label


@given(st.text(), st.integers(min_value=1, max_value=300))
def test_cut_fits_and_keeps_the_start(text: str, limit: int) -> None:
    out = cut(text, limit)
    assert len(out) <= limit
    if len(text) <= limit:
        assert out == text
    else:
        assert out.endswith(ELLIPSIS)
        assert text.startswith(out[: -len(ELLIPSIS)].rstrip())


@given(st.text(alphabet="aé\u0301\u0300 ", min_size=1), st.integers(min_value=2, max_value=40))
def test_cut_never_orphans_a_combining_mark(text: str, limit: int) -> None:
    out = cut(text, limit)
    if out != text:
        kept = out[: -len(ELLIPSIS)]
        # The next character of the original is not a mark that belonged to the kept text.
        assert not unicodedata.combining(text[len(kept)]) or kept.endswith(" ") or not kept


def test_cut_prefers_a_word_boundary() -> None:
    text = "클라우드 컴퓨팅은 인터넷을 통해 서버와 저장소를 빌려 쓰는 방식이에요"
    out = cut(text, 20)
    assert out == "클라우드 컴퓨팅은 인터넷을 통해…"


def test_cut_hard_when_no_space_is_near() -> None:
    assert cut("x" * 5000, 4096) == "x" * 4095 + ELLIPSIS


def test_limit_one_is_just_the_ellipsis() -> None:
    assert cut("hello", 1) == ELLIPSIS
    with pytest.raises(ValueError, match="limit"):
        cut("hello", 0)


def test_label_is_one_line_and_never_empty() -> None:
    assert label("a\nb   c") == "a b c"
    assert label("   ") == "-"
    assert len(label("w " * 100)) <= 80


@given(st.text())
def test_command_name_is_always_valid_or_none(text: str) -> None:
    name = command_name(text)
    if name is not None:
        assert 1 <= len(name) <= 32
        assert name == name.lower()
        assert re.fullmatch(r"[\w-]+", name)


def test_command_name_keeps_korean() -> None:
    assert command_name("공부") == "공부"
    assert command_name("Start Study") == "start-study"
    assert command_name("!!!") is None

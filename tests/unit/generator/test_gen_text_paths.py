"""The shortcuts taken for speed on a 1 MB note give the text the long way would:
normalise skips its substitution when a text has nothing to collapse, and inline
rendering copies the text between span markers whole."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.decks.generator.inline import render
from bot.decks.generator.sentences import normalise

_BLANKS = " \t\n\u00a0\u3000"
texts = st.text(alphabet=st.sampled_from(list(_BLANKS + "ab한다말합의미 .,:)*_`[]()")),
                max_size=40)


@given(texts)
def test_normalise_is_one_line_with_single_spaces(text: str) -> None:
    collapsed = re.sub(r"[ \t\u00a0\u3000]+", " ", text.replace("\n", " ")).strip()
    expected = re.sub(r"(말|의미|뜻)\s+(한다|합니다|하며|하고)", r"\1\2", collapsed)
    assert normalise(text) == expected


words = st.lists(st.text(alphabet=st.sampled_from(list("ab가나")), min_size=1, max_size=4),
                 min_size=1, max_size=3).map(" ".join)


@given(st.lists(st.tuples(words, st.sampled_from(["plain", "bold", "code", "link"])),
                min_size=1, max_size=6), st.integers(min_value=1, max_value=50))
def test_marked_words_are_found_where_the_text_shows_them(
        parts: list[tuple[str, str]], line: int) -> None:
    marks = {"plain": "{}", "bold": "**{}**", "code": "`{}`", "link": "[{}](http://x.y)"}
    raw = " ".join(marks[kind].format(word) for word, kind in parts)
    rendered = render([raw], [line])
    assert rendered.text == " ".join(word for word, _ in parts)
    assert rendered.lines == [line] * len(rendered.text)
    spans = {"bold": rendered.strong, "code": rendered.code, "link": rendered.links}
    for kind, found in spans.items():
        assert [rendered.text[a:b] for a, b in found] == [w for w, k in parts if k == kind]

"""Anki field HTML reduced to the text a card shows."""

from __future__ import annotations

import html.entities
import re

from hypothesis import given
from hypothesis import strategies as st

from bot.decks.interop.html import html_to_text, text_to_html


def test_inline_tags_go_and_entities_are_decoded() -> None:
    assert html_to_text("<b>IaaS</b> is&nbsp;<i>infrastructure</i> &amp; more") == (
        "IaaS is infrastructure & more"
    )


def test_breaks_and_blocks_become_single_newlines() -> None:
    assert html_to_text("one<br>two<br/>three") == "one\ntwo\nthree"
    # Anki's editor writes each line as its own <div>.
    assert html_to_text("<div>first</div><div>second</div>") == "first\nsecond"
    assert html_to_text("intro<div>line</div>") == "intro\nline"
    assert html_to_text("a<div><br></div><div>b</div>") == "a\n\nb"
    assert html_to_text("<ul><li>x</li><li>y</li></ul>") == "x\ny"


def test_cloze_syntax_is_kept_and_markup_inside_it_removed() -> None:
    assert html_to_text("A {{c1::<b>Dockerfile</b>}} becomes an {{c2::image::hint}}") == (
        "A {{c1::Dockerfile}} becomes an {{c2::image::hint}}"
    )


def test_escaped_markup_is_text_the_author_typed() -> None:
    assert html_to_text("What does &lt;br&gt; do?") == "What does <br> do?"


def test_scripts_styles_images_and_sounds_leave_nothing() -> None:
    field = '<style>.x{}</style>Q<img src="a.png"><script>alert(1)</script>[sound:a.mp3]'
    assert html_to_text(field) == "Q"


def test_spaces_are_tidied() -> None:
    assert html_to_text("  a \u00a0  b  <br>  c  ") == "a b\nc"


# Text without markup characters, so anything tag- or entity-like in the output could
# only have come from the markup.
_words = st.text(
    alphabet=st.characters(exclude_characters="<>&", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=12,
)
_tag_names = st.sampled_from(["b", "i", "div", "span", "p", "br", "font", "u", "li", "hr"])
_attributes = st.sampled_from(["", ' class="x"', ' style="color: red"', " data-a='1 > 0'"])
_tags = st.builds(
    lambda closing, name, attrs, slash: f"<{'/' if closing else ''}{name}{attrs}{slash}>",
    st.booleans(),
    _tag_names,
    _attributes,
    st.sampled_from(["", "/"]),
)
_safe_entities = [
    name
    for name, value in html.entities.html5.items()
    if name.endswith(";") and not set(value) & set("<>&;") and value.isprintable()
]
_entities = st.one_of(
    st.sampled_from(_safe_entities).map(lambda name: f"&{name}"),
    st.integers(0x41, 0x7A).filter(lambda c: chr(c).isalpha()).map(lambda c: f"&#{c};"),
    st.integers(0xAC00, 0xD7A3).map(lambda c: f"&#x{c:x};"),
)
_fields = st.lists(st.one_of(_words, _tags, _entities), max_size=25).map("".join)
_LEFTOVER_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>")
_LEFTOVER_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);")


@given(_fields)
def test_no_tag_or_entity_survives(field: str) -> None:
    text = html_to_text(field)
    assert not _LEFTOVER_TAG.search(text)
    assert not _LEFTOVER_ENTITY.search(text)
    assert text == text.strip()


@given(st.lists(_words, min_size=1, max_size=5))
def test_text_written_as_html_reads_back_the_same(lines: list[str]) -> None:
    tidy = [" ".join(line.split()) for line in lines]
    text = "\n".join(line for line in tidy if line)
    assert html_to_text(text_to_html(text)) == text

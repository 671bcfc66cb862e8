"""Cloze deletions: faces as in Anki, masking one face at a time, strict syntax."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.decks import ClozePrompt, ClozeSyntaxError, cloze_faces, render_cloze

DOCKER = (
    "도커파일을 {{c1::빌드}}하면 도커이미지가 되고, 이미지를 {{c2::실행}}하면 도커컨테이너가 된다."
)


def test_faces_are_the_distinct_numbers_sorted() -> None:
    assert cloze_faces(DOCKER) == [1, 2]
    assert cloze_faces("{{c3::a}} {{c1::b}} {{c3::c}}") == [1, 3]


def test_render_masks_only_the_asked_face() -> None:
    assert render_cloze(DOCKER, 1) == ClozePrompt(
        "도커파일을 [...]하면 도커이미지가 되고, 이미지를 실행하면 도커컨테이너가 된다.", ["빌드"]
    )
    assert render_cloze(DOCKER, 2).question.endswith("이미지를 [...]하면 도커컨테이너가 된다.")
    assert render_cloze(DOCKER, 2).answers == ["실행"]


def test_same_number_deletions_are_hidden_together() -> None:
    prompt = render_cloze("{{c1::IaaS}}, {{c2::PaaS}}, {{c1::SaaS}}", 1)
    assert prompt == ClozePrompt("[...], PaaS, [...]", ["IaaS", "SaaS"])


def test_hint_replaces_the_dots() -> None:
    prompt = render_cloze("수도는 {{c1::서울::도시}}이다", 1)
    assert prompt == ClozePrompt("수도는 [도시]이다", ["서울"])


def test_face_without_deletion_is_refused() -> None:
    with pytest.raises(ValueError, match="c3"):
        render_cloze(DOCKER, 3)


def test_literal_braces_that_are_not_clozes_stay_text() -> None:
    assert render_cloze("템플릿 {{name}} 과 {{c1::변수}}", 1).question == "템플릿 {{name}} 과 [...]"


@pytest.mark.parametrize(
    ("text", "offset", "words"),
    [
        ("no deletion", 0, "at least one"),
        ("a {{c1:b}}", 2, "malformed"),
        ("a {{C1::b}}", 2, "malformed"),
        ("a {{ c1::b}}", 2, "malformed"),
        ("a {{c0::b}}", 2, "start at 1"),
        ("a {{c1::b", 2, "never closed"),
        ("a {{c1::  }}", 2, "empty answer"),
        ("a {{c1::b {{c2::c}} }}", 10, "cannot contain"),
    ],
)
def test_malformed_text_says_where(text: str, offset: int, words: str) -> None:
    with pytest.raises(ClozeSyntaxError) as caught:
        cloze_faces(text)
    assert caught.value.offset == offset
    assert words in caught.value.message


answers = st.text(alphabet=st.characters(exclude_characters="{}:\n", codec="utf-8"), min_size=1)
literals = st.text(alphabet=st.characters(exclude_characters="{}", codec="utf-8"))


@given(st.lists(st.tuples(literals, st.integers(1, 5), answers), min_size=1, max_size=6), literals)
def test_every_face_masks_exactly_its_answers(parts: list[tuple[str, int, str]], tail: str) -> None:
    parts = [(lit, n, ans) for lit, n, ans in parts if ans.strip()]
    if not parts:
        return
    text = "".join(f"{lit}{{{{c{n}::{ans}}}}}" for lit, n, ans in parts) + tail
    faces = cloze_faces(text)
    assert faces == sorted({n for _, n, _ in parts})
    for face in faces:
        prompt = render_cloze(text, face)
        assert prompt.answers == [ans for _, n, ans in parts if n == face]
        expected = "".join(lit + ("[...]" if n == face else ans) for lit, n, ans in parts)
        assert prompt.question == expected + tail

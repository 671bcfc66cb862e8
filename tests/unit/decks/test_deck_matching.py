"""Typed answers: forgiving about form, never about meaning."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.decks import Verdict, match_answer
from bot.decks.matching import normalize

RIGHT, ALMOST, WRONG = Verdict.RIGHT, Verdict.ALMOST, Verdict.WRONG


@pytest.mark.parametrize(
    ("given_text", "expected", "accept", "verdict"),
    [
        ("가상 머신", "가상머신", (), RIGHT),
        ("가상머신", "가상 머신", (), RIGHT),
        ("높음", "낮음", (), WRONG),
        ("낮음", "낮음", (), RIGHT),
        ("PaaS", "IaaS", (), WRONG),
        ("iaas", "IaaS", (), RIGHT),
        ("domain name system", "DNS", ("Domain-Name System.",), RIGHT),
        ("Domain Name Sytem", "DNS", ("Domain Name System",), ALMOST),
        ("DSN", "DNS", ("Domain Name System",), WRONG),
        ("하이퍼바이져", "하이퍼바이저", (), ALMOST),  # one jamo off in six syllables
        ("하이퍼바이저", "하이퍼바이저", (), RIGHT),
        ("컨테이너", "컨테이너화", (), WRONG),  # a whole syllable short of five
        ("1024", "1042", (), WRONG),
        ("1.5", "15", (), WRONG),
        ("-5", "5", (), WRONG),
        ("1,000", "1000", (), RIGHT),
        ("HTTP/2", "HTTP/3", (), WRONG),
        ("C#", "C", (), WRONG),
        ("", "DNS", (), WRONG),
        ("   ", "DNS", (), WRONG),
        ("?!", "DNS", (), WRONG),
        ("kubernetis", "Kubernetes", (), ALMOST),
        ("계정", "계정", ("account",), RIGHT),
        ("Account", "계정", ("account",), RIGHT),
    ],
)
def test_golden(given_text: str, expected: str, accept: tuple[str, ...], verdict: Verdict) -> None:
    assert match_answer(given_text, expected, accept) is verdict


def test_nfd_input_from_macos_is_right() -> None:
    assert match_answer(unicodedata.normalize("NFD", "가상머신"), "가상머신") is RIGHT


def test_typo_as_close_to_a_distractor_is_wrong() -> None:
    # "가상머싄" is one jamo from both; the learner may mean either, so no credit.
    assert match_answer("가상머싄", "가상머신", distractors=["가상머선"]) is WRONG
    assert match_answer("가상머싄", "가상머신") is ALMOST
    assert match_answer("가상머선", "가상머신", distractors=["가상머선"]) is WRONG
    assert match_answer("컨테이너화", "가상머신화", distractors=["컨테이너화"]) is WRONG


def test_normalize_drops_spaces_punctuation_and_case() -> None:
    assert normalize("  Domain-Name  System. ") == "domainnamesystem"
    assert normalize("가상\u3000머신!") == "가상머신"


hangul = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
words = st.text(
    alphabet=st.one_of(hangul, st.sampled_from("abcdefghijXYZ")), min_size=1, max_size=12
)


@given(words, st.sampled_from(["NFC", "NFD"]), st.booleans(), st.sampled_from(["", " ", ".", "!"]))
def test_form_case_and_spacing_variants_are_right(
    answer: str, form: str, upper: bool, punct: str
) -> None:
    spaced = " ".join(answer.upper() if upper else answer) + punct
    variant = unicodedata.normalize(form, spaced)
    assert match_answer(variant, answer) is RIGHT


@given(words, words)
def test_a_different_short_answer_is_never_accepted(expected: str, typed: str) -> None:
    assume(len(normalize(expected)) < 4)
    assume(normalize(typed) != normalize(expected))
    assert match_answer(typed, expected) is WRONG


@given(words, words)
def test_almost_never_exceeds_the_edit_budget(expected: str, typed: str) -> None:
    verdict = match_answer(typed, expected)
    if verdict is ALMOST:
        assert len(normalize(expected)) >= 4
        assert normalize(typed) != normalize(expected)

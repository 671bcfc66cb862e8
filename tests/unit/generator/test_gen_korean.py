"""How the generator reads particles an author wrote (the choice itself: tests/unit/i18n)."""

from __future__ import annotations

import pytest

from bot.decks.generator.korean import hangul_ratio, particle_agrees


@pytest.mark.parametrize(
    ("stem", "used", "agrees"),
    [
        ("포트", "는", True),
        ("있", "는", False),  # "있는": a verb ending, not a topic particle
        ("프로토콜", "이란", True),
        ("프로토콜", "란", False),
        ("GET", "은", True),  # after a Latin word either form is the author's reading
        ("SQL", "는", True),
        ("포트", "에서", False),  # not a particle with two forms
    ],
)
def test_a_written_particle_agrees_with_its_stem(stem: str, used: str, agrees: bool) -> None:
    assert particle_agrees(stem, used) is agrees


def test_hangul_ratio_guesses_the_language_of_a_note() -> None:
    assert hangul_ratio("도커 이미지") == 1.0
    assert hangul_ratio("Docker image") == 0.0
    assert hangul_ratio("123 !") == 0.0

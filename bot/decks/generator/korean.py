"""Korean text helpers the generator needs beyond particle choice.

Which particle fits a word (은/는, 이란/란, 으로/로, ...) is decided in
bot.i18n.particles, shared with the message catalogue, so a generated question
and a bot message read a word's final sound the same way.
"""

from __future__ import annotations

from bot.i18n.particles import PARTICLES, attach, has_final_consonant, particle, spoken_end

__all__ = [
    "PARTICLES",
    "attach",
    "hangul_ratio",
    "has_final_consonant",
    "is_hangul",
    "particle",
    "particle_agrees",
]

_HANGUL_FIRST = 0xAC00
_HANGUL_LAST = 0xD7A3


def particle_agrees(stem: str, used: str) -> bool:
    """Whether the particle the author wrote agrees with the stem before it.

    Used to tell a topic particle ("포트는") from a syllable that merely looks
    like one ("있는", whose 는 follows a consonant).  After a Latin word either form
    is accepted: authors read "GET은" and "SQL는" their own way.
    """
    if used not in PARTICLES:
        return False
    text = spoken_end(stem)
    if text and text[-1].isascii() and text[-1].isalnum():
        return True
    return particle(stem, used) == used


def is_hangul(ch: str) -> bool:
    return _HANGUL_FIRST <= ord(ch) <= _HANGUL_LAST


def hangul_ratio(text: str) -> float:
    """Share of Hangul among the letters of a text, used to guess the note's language."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_hangul(c)) / len(letters)

"""Judge a typed answer: right, almost (a typo worth pointing out), or wrong.

Learners type on phones and Korean IMEs, and macOS may send decomposed (NFD) Hangul,
so comparison ignores normalisation form, case, spaces and punctuation. Fuzzy matching
only ever *suggests* ("almost") and only for long answers: Korean opposites and service
model acronyms sit one or two jamo or letters apart (높음/낮음, IaaS/PaaS), so a short,
numeric or acronym answer must match exactly, and a typed text that is as close to a
distractor (another answer from the same row or section) is plainly wrong.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

MIN_FUZZY_CHARS = 4
"""Shortest normalised answer (syllables or letters) for which a typo can be 'almost'."""

CHARS_PER_EDIT = 8
"""One tolerated edit per this many characters of the answer (at least one)."""

_KEEP_PUNCT = frozenset("#%")  # C# is not C, 50% is not 50


class Verdict(enum.Enum):
    RIGHT = "right"
    ALMOST = "almost"
    WRONG = "wrong"


def normalize(text: str) -> str:
    """NFC, casefolded, without whitespace or punctuation; numbers keep their sign and point."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    kept: list[str] = []
    last = len(text) - 1
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category[0] in "LNSM" or char in _KEEP_PUNCT:
            kept.append(char)
            continue
        if category[0] != "P":
            continue  # whitespace, separators, controls, zero-width marks
        before = text[index - 1] if index > 0 else ""
        after = text[index + 1] if index < last else ""
        if char == "." and before.isdigit() and after.isdigit():
            kept.append(char)  # 1.5 is not 15
        elif char == "-" and after.isdigit() and not before.isalnum():
            kept.append(char)  # -5 is not 5
    return "".join(kept)


def _jamo(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _is_short_acronym(written: str) -> bool:
    word = written.strip()
    letters = [c for c in word if c.isalpha()]
    return (
        0 < len(word) <= 6
        and not any(c.isspace() for c in word)
        and sum(c.isupper() for c in letters) >= 2
    )


def _fuzzy_allowed(written: str, normalized: str) -> bool:
    return (
        len(normalized) >= MIN_FUZZY_CHARS
        and not any(c.isdigit() for c in normalized)
        and not _is_short_acronym(written)
    )


def _key(text: str) -> str:
    """Comparison key; an answer made only of punctuation is compared as written."""
    return normalize(text) or unicodedata.normalize("NFC", text).casefold().strip()


def match_answer(
    given: str,
    expected: str,
    accept: Sequence[str] = (),
    distractors: Sequence[str] = (),
) -> Verdict:
    """Compare what a learner typed with the expected answer and its accepted variants."""
    typed = _key(given)
    if not typed:
        return Verdict.WRONG
    answers = [expected, *accept]
    keys = [_key(answer) for answer in answers]
    if typed in keys:
        return Verdict.RIGHT
    others = [k for k in (_key(d) for d in distractors) if k and k not in keys]
    if typed in others:
        return Verdict.WRONG
    typed_jamo = _jamo(typed)
    best: int | None = None
    for written, key in zip(answers, keys, strict=True):
        if not _fuzzy_allowed(written, key):
            continue
        limit = max(1, len(key) // CHARS_PER_EDIT)
        distance = Levenshtein.distance(typed_jamo, _jamo(key), score_cutoff=limit)
        if distance <= limit and (best is None or distance < best):
            best = distance
    if best is None:
        return Verdict.WRONG
    for other in others:
        if Levenshtein.distance(typed_jamo, _jamo(other), score_cutoff=best) <= best:
            return Verdict.WRONG
    return Verdict.ALMOST

"""Cloze deletions in Anki's syntax: `{{c1::answer}}` or `{{c1::answer::hint}}`.

A cloze card has one reviewable face per distinct number N (c1, c2, ...), as in Anki;
several deletions with the same number are hidden together on one face. Parsing is
strict so that a typo such as `{{c1:answer}}` is reported by `deck check` instead of
silently turning into a card with nothing to recall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.decks.errors import Phrase
from bot.decks.limits import MAX_CLOZE_NUMBER

_OPEN = re.compile(r"\{\{c(\d+)::")
# Looks like an attempt at a deletion but is not `{{cN::`: one colon, spaces, capital C.
_ALMOST_OPEN = re.compile(r"\{\{\s*[cC]\s*\d*\s*:")


class ClozeSyntaxError(ValueError):
    """A malformed deletion; `offset` is the character index in the text where it starts.

    ``phrase`` says what is wrong in any language; ``message`` in English.
    """

    def __init__(self, offset: int, phrase: Phrase) -> None:
        self.message = phrase.render()
        super().__init__(self.message)
        self.offset = offset
        self.phrase = phrase


@dataclass(frozen=True, slots=True)
class Deletion:
    face: int
    answer: str
    hint: str | None
    start: int  # offset of `{{` in the text
    end: int  # offset just past `}}`


@dataclass(frozen=True, slots=True)
class ClozePrompt:
    question: str
    answers: list[str]


def parse_cloze(text: str) -> list[str | Deletion]:
    """Split `text` into literal pieces and deletions; raise ClozeSyntaxError if malformed."""
    pieces: list[str | Deletion] = []
    literal_from = 0
    search_from = 0
    found = False
    while True:
        at = text.find("{{", search_from)
        if at == -1:
            break
        opening = _OPEN.match(text, at)
        if opening is None:
            if _ALMOST_OPEN.match(text, at):
                raise ClozeSyntaxError(at, Phrase.of("deck_file.cloze_malformed"))
            search_from = at + 2
            continue
        face = _face_number(opening.group(1), at)
        body_from = opening.end()
        close = text.find("}}", body_from)
        if close == -1:
            raise ClozeSyntaxError(at, Phrase.of("deck_file.cloze_unclosed", face=face))
        nested = text.find("{{", body_from, close)
        if nested != -1:
            raise ClozeSyntaxError(nested, Phrase.of("deck_file.cloze_nested"))
        answer, separator, hint = text[body_from:close].partition("::")
        if not answer.strip():
            raise ClozeSyntaxError(at, Phrase.of("deck_file.cloze_empty_answer", face=face))
        if at > literal_from:
            pieces.append(text[literal_from:at])
        pieces.append(
            Deletion(face, answer, hint if separator and hint.strip() else None, at, close + 2)
        )
        found = True
        literal_from = search_from = close + 2
    if not found:
        raise ClozeSyntaxError(0, Phrase.of("deck_file.cloze_none"))
    if literal_from < len(text):
        pieces.append(text[literal_from:])
    return pieces


def _face_number(digits: str, at: int) -> int:
    """The number of `{{cN::`, bounded by what a face column holds (never past 64 bits)."""
    # Compared as text first: a number of thousands of digits is refused before int() sees it.
    if len(digits.lstrip("0")) > len(str(MAX_CLOZE_NUMBER)) or int(digits) > MAX_CLOZE_NUMBER:
        raise ClozeSyntaxError(
            at, Phrase.of("deck_file.cloze_number_too_big", limit=MAX_CLOZE_NUMBER))
    face = int(digits)
    if face < 1:
        raise ClozeSyntaxError(at, Phrase.of("deck_file.cloze_number_zero"))
    return face


def cloze_faces(text: str) -> list[int]:
    """The distinct deletion numbers in `text`, sorted: one reviewable face each."""
    return sorted({p.face for p in parse_cloze(text) if isinstance(p, Deletion)})


def render_cloze(text: str, face: int) -> ClozePrompt:
    """The question for one face: its deletions masked, every other deletion shown as text."""
    pieces = parse_cloze(text)
    parts: list[str] = []
    answers: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(piece)
        elif piece.face == face:
            parts.append(f"[{piece.hint}]" if piece.hint else "[...]")
            answers.append(piece.answer)
        else:
            parts.append(piece.answer)
    if not answers:
        raise ValueError(f"cloze text has no deletion c{face}")
    return ClozePrompt("".join(parts), answers)

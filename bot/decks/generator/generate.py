"""Note text -> generated cards: read the note as a tree, recognise its knowledge
units, word each through a template, and drop every card that breaks one of the
generator's promises (no markup, no empty or self-revealing answer, no question
asked twice)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bot.decks.generator.cards import GeneratedCard, problems, question_key
from bot.decks.generator.korean import hangul_ratio
from bot.decks.generator.notetree import parse_note
from bot.decks.generator.templates import cards_for
from bot.decks.generator.units.reader import read_units

# A word the note writes in lower case: a common noun, not a name.
_LOWER_WORD = re.compile(r"\b([a-z][a-z-]+)\b")


@dataclass(frozen=True)
class Generated:
    cards: list[GeneratedCard]
    title: str | None  # the note's front-matter title or its one H1


def detect_lang(text: str) -> str:
    return "ko" if hangul_ratio(text) >= 0.2 else "en"


def finalize(cards: Iterable[GeneratedCard]) -> list[GeneratedCard]:
    """Keep only cards that keep every promise; the first of two equal questions wins;
    anchors made unique in note order (so a rerun finds the same card again)."""
    kept: list[GeneratedCard] = []
    seen: set[str] = set()
    anchors: set[str] = set()
    for card in cards:
        if problems(card):
            continue
        key = question_key(card)
        if key in seen:
            continue
        seen.add(key)
        anchor = card.anchor
        n = 2
        while anchor in anchors:
            anchor = f"{card.anchor}~{n}"
            n += 1
        anchors.add(anchor)
        kept.append(card if anchor == card.anchor else replace(card, anchor=anchor))
    return kept


def generate(note_text: str, lang: str | None = None) -> Generated:
    language = lang or detect_lang(note_text)
    note = parse_note(note_text)
    vocabulary = frozenset(_LOWER_WORD.findall(note_text)) if language == "en" else frozenset()
    cards: list[GeneratedCard] = []
    for unit in read_units(note, language):
        cards.extend(cards_for(unit, language, vocabulary))
    return Generated(finalize(cards), note.title)


def generate_cards(note_text: str, note_name: str = "", lang: str | None = None
                   ) -> list[GeneratedCard]:
    """All cards for a note, in note order.  `note_name` is only used for messages."""
    del note_name
    return generate(note_text, lang).cards

"""Shared helpers for generator tests: run the generator and look cards up by what a
learner would read."""

from __future__ import annotations

import random

from bot.decks.card_ids import new_card_ids
from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.generate import generate_cards
from bot.decks.generator.merge import merge_into_deck
from bot.decks.loader import parse_deck


def cards_of(note: str, lang: str) -> list[GeneratedCard]:
    return generate_cards(note, "note.md", lang)


def find(cards: list[GeneratedCard], rule: str, contains: str = "") -> list[GeneratedCard]:
    return [c for c in cards if c.rule == rule and contains in c.question() + " " + c.all_text()]


def one(cards: list[GeneratedCard], rule: str, contains: str = "") -> GeneratedCard:
    found = find(cards, rule, contains)
    assert len(found) == 1, [(c.rule, c.question(), c.answers()) for c in cards]
    return found[0]


def deck_text(note: str, lang: str, seed: int = 1, existing: str | None = None) -> str:
    text, _ = merge_into_deck(existing, cards_of(note, lang), deck_id="t", title="T", lang=lang,
                              source="note.md", new_id=new_card_ids(random.Random(seed)))
    parse_deck(text.encode("utf-8"), "t.yaml")  # the team's loader must accept it
    return text

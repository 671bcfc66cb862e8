"""Deck snapshots for storage and study tests (what a validated deck file becomes)."""

from __future__ import annotations

import hashlib
from typing import Any

from bot.storage.deck_sync import CardSnapshot, DeckSnapshot


def basic(card_id: str, front: str = "", back: str = "answer") -> CardSnapshot:
    return CardSnapshot(card_id, "basic", {"front": front or f"Q {card_id}", "back": back}, (1,))


def choice(card_id: str, choices: list[str], answer: str) -> CardSnapshot:
    content: dict[str, Any] = {"front": f"Pick {card_id}", "choices": choices, "answer": answer}
    return CardSnapshot(card_id, "choice", content, (1,))


def typed(card_id: str, back: str, accept: list[str] | None = None) -> CardSnapshot:
    content: dict[str, Any] = {"front": f"Type {card_id}", "back": back}
    if accept:
        content["accept"] = accept
    return CardSnapshot(card_id, "typed", content, (1,))


def cloze(card_id: str, text: str, faces: tuple[int, ...]) -> CardSnapshot:
    return CardSnapshot(card_id, "cloze", {"text": text}, faces)


def deck(deck_id: str, *cards: CardSnapshot, title: str = "Test deck") -> DeckSnapshot:
    return DeckSnapshot(
        deck_id=deck_id,
        title=title,
        lang="en",
        path=f"decks/{deck_id}.yaml",
        content_hash=hashlib.sha256(repr(cards).encode()).hexdigest(),
        cards=list(cards),
    )

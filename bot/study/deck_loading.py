"""Bring deck files into the database: parse off the event loop, then sync.

A file that fails validation is reported and skipped, so the version already
in the database stays live: a broken edit never takes a deck down.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.decks.cloze import cloze_faces
from bot.decks.errors import DeckError, Problem
from bot.decks.loader import LoadedDeck, load_deck
from bot.storage.deck_sync import CardSnapshot, DeckSnapshot, SyncResult, sync_deck


@dataclass(slots=True)
class LoadReport:
    synced: dict[str, SyncResult] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def snapshot_of(loaded: LoadedDeck) -> DeckSnapshot:
    deck = loaded.deck
    return DeckSnapshot(
        deck_id=deck.deck,
        title=deck.title,
        lang=deck.lang,
        path=loaded.path,
        content_hash=loaded.content_hash,
        cards=[
            CardSnapshot(
                card_id=card.id,
                type=card.type,
                content=card.content(),
                faces=_faces(card.type, card.content()),
                line=loaded.card_lines.get(card.id),
            )
            for card in deck.cards
        ],
    )


def _faces(card_type: str, content: dict[str, object]) -> tuple[int, ...]:
    """A cloze card has one face per deletion number (as in Anki); others have one."""
    if card_type == "cloze":
        return tuple(cloze_faces(str(content["text"])))
    return (1,)


def deck_files(directory: Path) -> list[Path]:
    """The deck files of a directory (its sources/ folder holds notes, not decks)."""
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


def _parse_all(paths: Sequence[Path]) -> tuple[list[LoadedDeck], list[Problem]]:
    loaded: list[LoadedDeck] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            deck = load_deck(path)
        except DeckError as error:
            problems.extend(error.problems)
            continue
        first = seen.get(deck.deck.deck)
        if first is not None:
            problems.append(
                Problem(str(path), 1, 1, f"deck id {deck.deck.deck!r} is already used by {first}")
            )
            continue
        seen[deck.deck.deck] = str(path)
        loaded.append(deck)
    return loaded, problems


async def load_deck_files(
    sessions: async_sessionmaker[AsyncSession], paths: Sequence[Path], now: datetime
) -> LoadReport:
    """Parse ``paths`` in a worker thread, then sync every valid deck in one transaction."""
    loaded, problems = await asyncio.to_thread(_parse_all, paths)
    report = LoadReport(problems=problems)
    async with sessions.begin() as db:
        for deck in loaded:
            report.synced[deck.deck.deck] = await sync_deck(db, snapshot_of(deck), now)
    return report

"""Several bot processes (shards) starting at once on one database.

Each one migrates and loads the deck files at start.  SQLite serialises them
with its write lock; on PostgreSQL they would both find "no table", "no deck"
and fail on the second CREATE or INSERT without the advisory locks of
bot.storage.locks.  Runs on both databases (tests/conftest.py).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from bot.storage.models import Card, Deck
from bot.study.runtime import Database, load_decks_dir, open_database
from tests.integration.storage_helpers import sessions_of

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
PROCESSES = 4

DECK = """\
deck: {deck_id}
title: Deck {deck_id}
lang: en
cards:
  - id: b0000001
    type: basic
    front: What does IaaS stand for?
    back: Infrastructure as a Service
  - id: b0000002
    type: basic
    front: What does DNS stand for?
    back: Domain Name System
"""


async def _start(db_url: str, decks: Path) -> Database:
    db = await open_database(db_url)
    report = await load_decks_dir(db, decks, NOW)
    assert report.problems == []
    return db


async def test_processes_starting_together_migrate_once_and_load_each_deck_once(
    db_url: str, tmp_path: Path
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    for deck_id in ("alpha", "beta"):
        (decks / f"{deck_id}.yaml").write_text(DECK.format(deck_id=deck_id), encoding="utf-8")
    started = await asyncio.gather(
        *(_start(db_url, decks) for _ in range(PROCESSES)), return_exceptions=True
    )
    opened = [db for db in started if isinstance(db, Database)]
    try:
        assert [s for s in started if not isinstance(s, Database)] == []
        async with sessions_of(opened[0])() as session:
            assert sorted(await session.scalars(select(Deck.id))) == ["alpha", "beta"]
            assert await session.scalar(select(func.count()).select_from(Card)) == 4
    finally:
        for db in opened:
            await db.close()


async def test_processes_opening_a_new_sqlite_file_together_all_start(tmp_path: Path) -> None:
    """Switching a new file to WAL takes the whole file, and SQLite refuses a second
    switch at once, without its busy timeout: every process still starts (the race is
    brief, so the start is repeated on new files until one would have met it)."""
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "alpha.yaml").write_text(DECK.format(deck_id="alpha"), encoding="utf-8")
    for round_ in range(12):
        url = f"sqlite+aiosqlite:///{tmp_path / f'round{round_}.db'}"
        started = await asyncio.gather(
            *(_start(url, decks) for _ in range(PROCESSES)), return_exceptions=True
        )
        opened = [db for db in started if isinstance(db, Database)]
        for db in opened:
            await db.close()
        assert [repr(s) for s in started if not isinstance(s, Database)] == []

"""Open the database the way every front end needs it: migrated, decks loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.engine import create_engine
from bot.storage.failures import check_sqlite_folder
from bot.storage.migrations import upgrade
from bot.storage.transactions import TransactionRunner, transaction_runner
from bot.study.deck_loading import LoadReport, deck_files, load_deck_files


@dataclass(slots=True)
class Database:
    """The migrated database: every use case reaches it through ``runner``.

    ``engine`` is the async engine migrations run on (and, on PostgreSQL, the
    runner's bridge); nothing writes through it once the runner exists.
    """

    engine: AsyncEngine
    runner: TransactionRunner

    async def close(self) -> None:
        await self.runner.close()
        await self.engine.dispose()


async def open_database(url: str) -> Database:
    """Connect and run ``alembic upgrade head``: a new user never migrates by hand."""
    check_sqlite_folder(url)
    engine = create_engine(url)
    try:
        await upgrade(engine)
    except BaseException:
        await engine.dispose()  # else aiosqlite's thread outlives the loop and reports that too
        raise
    return Database(engine, transaction_runner(engine))


async def load_decks_dir(db: Database, directory: Path, now: datetime) -> LoadReport:
    return await load_deck_files(db.runner, deck_files(directory), now)

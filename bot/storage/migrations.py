"""Run Alembic from the application, so a new user never migrates by hand."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.engine import read_only
from bot.storage.failures import NewerSchemaError
from bot.storage.locks import Exclusive, hold_exclusive

ALEMBIC_DIR = Path(__file__).resolve().parent.parent.parent / "alembic"


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    if url is not None:
        config.attributes["url"] = url
    return config


def _upgrade(connection: Connection, revision: str) -> None:
    # Every process migrates at start; on PostgreSQL the others wait here and
    # then find the schema current (DDL is transactional there, so the lock
    # covers the whole upgrade).  SQLite's BEGIN IMMEDIATE already serialises it.
    hold_exclusive(connection, Exclusive.MIGRATIONS)
    config = alembic_config(connection=connection)
    refuse_unknown_revisions(connection, config)
    command.upgrade(config, revision)


def refuse_unknown_revisions(connection: Connection, config: Config) -> None:
    """Raise `NewerSchemaError` when the database is at a revision this code does not have.

    That happens when an older studybot is started on a database a newer one
    migrated (a rolled-back deploy); Alembic would only say it cannot locate
    the revision, deep in a traceback.
    """
    script = ScriptDirectory.from_config(config)
    for current in MigrationContext.configure(connection).get_current_heads():
        try:
            known = script.get_revision(current)
        except CommandError:
            known = None
        if known is None:
            raise NewerSchemaError(current)


def is_known_revision(revision: str) -> bool:
    """Whether this studybot has the migration ``revision`` (an unknown one is newer)."""
    script = ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` inside one connection of ``engine``."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade, revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    async with engine.begin() as connection:
        await connection.run_sync(
            lambda sync: command.downgrade(alembic_config(connection=sync), revision)
        )


def head_revision() -> str | None:
    """The schema revision this version of studybot is written for."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The database's schema revision (None: no studybot schema), read without a write lock."""
    async with read_only(engine).connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )

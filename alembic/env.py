"""Alembic environment: async engine, batch mode so SQLite can alter tables.

The URL comes from the caller (``config.attributes["url"]`` when the app
migrates itself) or from the settings, never from alembic.ini.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

import bot.storage.daily_models
import bot.storage.deck_admin_models  # noqa: F401
from bot.settings import get_settings
from bot.storage.engine import create_engine
from bot.storage.models import Base

target_metadata = Base.metadata


def _url() -> str:
    url = context.config.attributes.get("url")
    return str(url) if url else get_settings().database_url


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = create_engine(_url())
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_configure_and_run)
            await connection.commit()
    finally:
        await engine.dispose()


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
    else:
        asyncio.run(_run_async())

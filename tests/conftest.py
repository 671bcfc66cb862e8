"""Shared fixtures: a real SQLite file per test, migrated by the app's own code."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from bot.study.runtime import Database


settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'studybot.db'}"


@pytest.fixture
async def database(db_url: str) -> AsyncIterator[Database]:
    from bot.study.runtime import open_database

    db = await open_database(db_url)
    try:
        yield db
    finally:
        await db.close()

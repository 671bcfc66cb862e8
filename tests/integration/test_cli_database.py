"""The real `studybot` process on a database it cannot use: one line, exit 1, no traceback.

A database migrated by a newer studybot (a rolled-back deploy), one the
process may not write, and a file that is not a database are dead ends an
operator fixes outside studybot; the line says which one and where.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.storage.engine import create_engine
from bot.storage.migrations import upgrade
from tests.conftest import postgres_query
from tests.integration.test_cli_config import one_line_each, studybot

DECK = """\
deck: mini
title: Mini deck
lang: en
cards:
  - id: b1
    type: basic
    front: What does IaaS stand for?
    back: Infrastructure as a Service
"""

COMMANDS = [["db", "upgrade"], ["db", "verify"], ["study"]]


def migrated(path: Path, revision: str = "head") -> Path:
    migrate_url(f"sqlite+aiosqlite:///{path}", revision)
    return path


def migrate_url(url: str, revision: str = "head") -> None:
    async def run() -> None:
        engine = create_engine(url)
        try:
            await upgrade(engine, revision)
        finally:
            await engine.dispose()

    with ThreadPoolExecutor(max_workers=1) as pool:  # callable from inside an event loop too
        pool.submit(asyncio.run, run()).result()


def newer(path: Path) -> Path:
    """A database a later studybot migrated: at a revision this code does not have."""
    migrated(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    return path


def read_only_url(path: Path) -> str:
    """The database opened read-only, as SQLite does for a file the process may not write
    (a URI, because these tests may run as root, whom file permissions do not stop)."""
    return f"sqlite+aiosqlite:///file:{path}?mode=ro&uri=true"


def run(tmp_path: Path, command: list[str], url: str) -> tuple[int, str]:
    decks = tmp_path / "decks"
    decks.mkdir(exist_ok=True)
    (decks / "mini.yaml").write_text(DECK, encoding="utf-8")
    result = studybot(tmp_path, *command, "--db", url,
                      env={"STUDYBOT_DECKS_DIR": str(decks)}, stdin="q\n")
    assert result.returncode == 1, result.stdout + result.stderr
    [line] = one_line_each(result, "studybot: ")
    return result.returncode, line


@pytest.mark.parametrize("command", COMMANDS)
def test_a_database_from_a_newer_studybot(tmp_path: Path, command: list[str]) -> None:
    path = newer(tmp_path / "new.db")
    schema = "SELECT name, sql FROM sqlite_master ORDER BY name"
    with sqlite3.connect(path) as conn:
        before = list(conn.execute(schema))
    _, line = run(tmp_path, command, f"sqlite+aiosqlite:///{path}")
    assert "newer studybot" in line and "0099_from_the_future" in line and str(path) in line
    with sqlite3.connect(path) as conn:
        assert list(conn.execute(schema)) == before
        assert list(conn.execute("SELECT count(*) FROM cards")) == [(0,)]
        assert list(conn.execute("SELECT version_num FROM alembic_version")) == [
            ("0099_from_the_future",)
        ]


@pytest.mark.parametrize("command", [["db", "verify"], ["study"]])
def test_a_newer_database_on_any_backend(tmp_path: Path, db_url: str, command: list[str]) -> None:
    """The same refusal on PostgreSQL (when the suite has one), where nothing is a file."""
    migrate_url(db_url)
    set_revision = "UPDATE alembic_version SET version_num = '0099_from_the_future'"
    if db_url.startswith("sqlite"):
        with sqlite3.connect(db_url.split("///", 1)[1]) as conn:
            conn.execute(set_revision)
    else:
        postgres_query(db_url, set_revision)
    _, line = run(tmp_path, command, db_url)
    assert "newer studybot" in line and "0099_from_the_future" in line
    password = make_url(db_url).password
    assert password is None or f":{password}@" not in line


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_database_file(tmp_path: Path, command: list[str], damage: str) -> None:
    path = tmp_path / "broken.db"
    if damage == "garbage":
        path.write_bytes(os.urandom(3000))
    else:
        whole = migrated(tmp_path / "whole.db").read_bytes()
        path.write_bytes(whole[:100] + bytes(len(whole) - 100))  # header kept, pages zeroed
    _, line = run(tmp_path, command, f"sqlite+aiosqlite:///{path}")
    assert "damaged" in line and str(path) in line


def test_migrating_a_read_only_database(tmp_path: Path) -> None:
    old = migrated(tmp_path / "old.db", "0002_study_groups")
    _, line = run(tmp_path, ["db", "upgrade"], read_only_url(old))
    assert "read-only" in line and str(old) in line


def test_studying_on_a_read_only_database(tmp_path: Path) -> None:
    current = migrated(tmp_path / "current.db")
    _, line = run(tmp_path, ["study"], read_only_url(current))
    assert "read-only" in line


def test_verify_reads_a_read_only_database_that_needs_no_migration(tmp_path: Path) -> None:
    current = migrated(tmp_path / "current.db")
    result = studybot(tmp_path, "db", "verify", "--db", read_only_url(current))
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes files whatever their permissions")
def test_a_database_file_the_process_may_not_write(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    old = migrated(folder / "old.db", "0002_study_groups")
    old.chmod(0o444)
    folder.chmod(0o555)
    try:
        _, line = run(tmp_path, ["db", "upgrade"], f"sqlite+aiosqlite:///{old}")
    finally:
        folder.chmod(0o755)
    assert "read-only" in line or "cannot open" in line


def test_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "studybot.db"
    _, line = run(tmp_path, ["db", "upgrade"], f"sqlite+aiosqlite:///{missing}")
    assert "cannot open" in line and str(missing) in line

"""Why a database cannot be used at all, so a command can say it in one line.

A database that was migrated by a newer studybot, one the process may not
write, or a file that is not a database (damaged, or something else at that
path) stops every command the same way: there is nothing to retry and nothing
in a traceback the operator needs.  `unusable` recognises these among the
exceptions SQLAlchemy, the drivers and Alembic raise; anything it does not
recognise is a bug and keeps its traceback.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

# SQLite's primary result codes (an extended code keeps the primary one in its low byte).
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26
# PostgreSQL: "cannot execute … in a read-only transaction" (a replica, or read-only mode).
_PG_READ_ONLY = "25006"


class Unusable(Enum):
    NEWER_SCHEMA = "newer_schema"
    READ_ONLY = "read_only"
    DAMAGED = "damaged"
    CANNOT_OPEN = "cannot_open"


_SQLITE_KINDS = {
    _SQLITE_READONLY: Unusable.READ_ONLY,
    _SQLITE_CORRUPT: Unusable.DAMAGED,
    _SQLITE_NOTADB: Unusable.DAMAGED,
    _SQLITE_CANTOPEN: Unusable.CANNOT_OPEN,
}


class NewerSchemaError(Exception):
    """The database is at a migration this studybot does not know: a newer one made it."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"the database is at revision {revision}, unknown to this studybot")
        self.revision = revision


@dataclass(frozen=True, slots=True)
class DatabaseProblem:
    kind: Unusable
    revision: str = ""  # the unknown revision, for NEWER_SCHEMA


class MissingFolderError(Exception):
    """The folder an SQLite database file should be in does not exist.

    Found before connecting: aiosqlite's failed connect leaves a worker thread
    that reports to the event loop after it closed, a traceback after our line.
    """


def check_sqlite_folder(url: str) -> None:
    """Raise `MissingFolderError` when ``url`` is an SQLite file in a folder that is not there."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return
    name = parsed.database
    if parsed.query.get("uri") == "true":
        if not name.startswith("file:"):
            return
        name = name.removeprefix("file:").split("?", 1)[0]
    if name == ":memory:" or name.startswith("file::memory:"):
        return
    if not Path(name).parent.is_dir():
        raise MissingFolderError(name)


def unusable(error: BaseException) -> DatabaseProblem | None:
    """Which of the known dead ends ``error`` (or an exception it wraps) is, if any."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        found = _kind(current)
        if found is not None:
            return found
        pending += [getattr(current, "orig", None), current.__cause__, current.__context__]
    return None


def _kind(error: BaseException) -> DatabaseProblem | None:
    if isinstance(error, NewerSchemaError):
        return DatabaseProblem(Unusable.NEWER_SCHEMA, error.revision)
    if isinstance(error, MissingFolderError):
        return DatabaseProblem(Unusable.CANNOT_OPEN)
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        kind = _SQLITE_KINDS.get(code & 0xFF) if isinstance(code, int) else None
        return DatabaseProblem(kind) if kind is not None else None
    if getattr(error, "sqlstate", None) == _PG_READ_ONLY:
        return DatabaseProblem(Unusable.READ_ONLY)
    return None


def shown_url(url: str) -> str:
    """The database as an operator recognises it, without its password."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return "?"
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)

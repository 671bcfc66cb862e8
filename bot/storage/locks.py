"""Locks that give PostgreSQL the one-writer-at-a-time guarantees SQLite has by construction.

On SQLite every write transaction begins IMMEDIATE, so read-then-write code
never races another process.  PostgreSQL runs transactions side by side
(READ COMMITTED): two processes that both find "no such row" both insert it,
and one fails.  Where that matters (every process migrating and loading the
decks at start-up, one learner's answers), the transaction first takes a lock
here; on SQLite these functions do nothing.
"""

from __future__ import annotations

from enum import IntEnum

from sqlalchemy import bindparam, select, text
from sqlalchemy.engine import Connection

from bot.storage.models import User


class Exclusive(IntEnum):
    """Keys of transaction-scoped PostgreSQL advisory locks (any 64-bit value; ours are fixed)."""

    MIGRATIONS = 0x5354_5544_5901  # "STUDY" + 1
    DECK_SYNC = 0x5354_5544_5902
    GROUP_SETUP = 0x5354_5544_5903  # admins' create-or-replace of per-channel/guild rows


_ADVISORY = text("SELECT pg_advisory_xact_lock(:key)")
_LEARNER = select(User.id).where(User.id == bindparam("lock_user")).with_for_update()


def _shared_server(conn: Connection) -> bool:
    return conn.dialect.name != "sqlite"


def hold_exclusive(conn: Connection, key: Exclusive) -> None:
    """Wait until no other transaction holds ``key``; it is released at commit or rollback."""
    if _shared_server(conn):
        conn.execute(_ADVISORY, {"key": int(key)})


def lock_learner(conn: Connection, user_id: int) -> None:
    """Hold the learner's row until commit, so their concurrent transactions run in turn.

    Call it in a statement of its own, before reading what the lock protects:
    under READ COMMITTED the next statement's snapshot is taken once the lock
    is held, so it sees what the previous holder committed.
    """
    if _shared_server(conn):
        conn.execute(_LEARNER, {"lock_user": user_id})

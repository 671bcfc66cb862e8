"""Check that every review state equals the state rebuilt from its log.

review_log is the source of truth; review_states is a cache of it.  A
mismatch means an answer was lost or doubled, so this is the check to run
after a crash (`studybot db verify`).  It also flags a face with two
scheduling reviews on one study day: the state may well match such a log,
but SM-2 reviews a face at most once a day (a second answer is a drill).

It is safe on a live database: it only reads, in one read-only transaction
(one snapshot of states and log together, no write lock on SQLite, READ ONLY
REPEATABLE READ on PostgreSQL), and it never migrates the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection

from bot.srs.sm2 import Sm2State, review
from bot.storage.engine import create_engine
from bot.storage.failures import NewerSchemaError
from bot.storage.migrations import current_revision, head_revision, is_known_revision
from bot.storage.review_log import scheduling_log, stored_states
from bot.storage.transactions import AsyncBridgeRunner, TransactionRunner

StateKey = tuple[int, int, int]  # (user, card pk, face)


@dataclass(slots=True)
class VerifyReport:
    states_checked: int = 0
    log_rows: int = 0
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


@dataclass(slots=True)
class _Replay:
    """One face's scheduling log replayed: the state it gives, and what looked wrong."""

    state: Sm2State = field(default_factory=Sm2State.new)
    rows: int = 0
    days: set[date] = field(default_factory=set)
    twice: list[date] = field(default_factory=list)  # study days with a second review

    def add(self, quality: int, day: date) -> None:
        if day in self.days and day not in self.twice:
            self.twice.append(day)
        self.days.add(day)
        self.state = review(self.state, quality, day)
        self.rows += 1


def _replayed(conn: Connection) -> Iterator[tuple[StateKey, _Replay]]:
    """(key, replay) per face, streaming the log in (user, face, id) order."""
    current: StateKey | None = None
    replay = _Replay()
    for user_id, card_pk, face, quality, day in scheduling_log(conn):
        key = (user_id, card_pk, face)
        if key != current:
            if current is not None:
                yield current, replay
            current, replay = key, _Replay()
        replay.add(quality, day)
    if current is not None:
        yield current, replay


def _where(key: StateKey) -> str:
    return f"user {key[0]} card {key[1]} face {key[2]}"


def _verify(conn: Connection) -> VerifyReport:
    report = VerifyReport()
    stored: dict[StateKey, Sm2State] = {
        (user_id, card_pk, face): Sm2State.from_cents(ease, reps, interval, due)
        for user_id, card_pk, face, ease, reps, interval, due in stored_states(conn)
    }
    report.states_checked = len(stored)
    for key, replay in _replayed(conn):
        report.log_rows += replay.rows
        rebuilt = replay.state
        for day in replay.twice:
            report.mismatches.append(
                f"{_where(key)}: two scheduling reviews on study day {day.isoformat()}"
            )
        state = stored.pop(key, None)
        if state is None:
            report.mismatches.append(f"{_where(key)}: the log has reviews but no state")
        elif state != rebuilt:
            report.mismatches.append(f"{_where(key)}: stored {state}, log gives {rebuilt}")
    for key in stored:
        report.mismatches.append(f"{_where(key)}: a state without any review in the log")
    return report


async def verify_states(runner: TransactionRunner) -> VerifyReport:
    """Replay the log against the states, in one read-only snapshot of both."""
    return await runner.run(_verify, read_only=True)


class SchemaNotCurrent(Exception):
    """The database's schema is not the one this studybot is written for."""

    def __init__(self, current: str | None, expected: str | None) -> None:
        self.current = current
        self.expected = expected
        found = f"schema {current}" if current else "no studybot schema"
        super().__init__(
            f"the database has {found} and this studybot expects {expected}; verify never "
            "changes a database, so run the studybot version that matches it, or upgrade it "
            "first with `studybot db upgrade` (see docs/deploying.md)"
        )


async def verify_database(url: str) -> VerifyReport:
    """`verify_states` on the database at ``url``, as it is: never migrated, never locked."""
    engine = create_engine(url)
    try:
        current, expected = await current_revision(engine), head_revision()
        if current is not None and not is_known_revision(current):
            raise NewerSchemaError(current)  # one line, exit 1, like every other command
        if current != expected:
            raise SchemaNotCurrent(current, expected)
        # The async engine's bridge: a one-off read needs no runner threads of its own.
        return await verify_states(AsyncBridgeRunner(engine))
    finally:
        await engine.dispose()

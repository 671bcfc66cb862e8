"""Check that every review state equals the state rebuilt from its log.

review_log is the source of truth; review_states is a cache of it.  A
mismatch means an answer was lost or doubled, so this is the check to run
after a crash (`studybot db verify`).  Each state is replayed under the
scheduler it is held in (SM-2, or FSRS with its learner's retention), with
the face's own random source and the exam date each answer logged, exactly
as bot.study.scheduling rebuilds it.  It also flags a face with two
scheduling reviews on one study day: the state may well match such a log,
but a face is reviewed at most once a day (a second answer is a drill).

It is safe on a live database: it only reads, in one read-only transaction
(one snapshot of states and log together, no write lock on SQLite, READ ONLY
REPEATABLE READ on PostgreSQL), and it never migrates the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from bot.srs.scheduler import ReviewState
from bot.storage.engine import create_engine
from bot.storage.failures import NewerSchemaError
from bot.storage.migrations import current_revision, head_revision, is_known_revision
from bot.storage.review_log import scheduling_log, stored_states
from bot.storage.transactions import AsyncBridgeRunner, TransactionRunner
from bot.study.scheduling import kind_of, replay_face, scheduling_for, state_of_row

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
    """One face's scheduling log, and what looked wrong in it."""

    log: list[Any] = field(default_factory=list)
    days: set[date] = field(default_factory=set)
    twice: list[date] = field(default_factory=list)  # study days with a second review

    def add(self, row: Any) -> None:
        day = row.study_date
        if day in self.days and day not in self.twice:
            self.twice.append(day)
        self.days.add(day)
        self.log.append(row)


def _replayed(conn: Connection) -> Iterator[tuple[StateKey, _Replay]]:
    """(key, the face's log) per face, streaming the log in (user, face, id) order."""
    current: StateKey | None = None
    replay = _Replay()
    for row in scheduling_log(conn):
        key = (row.user_id, row.card_pk, row.face)
        if key != current:
            if current is not None:
                yield current, replay
            current, replay = key, _Replay()
        replay.add(row)
    if current is not None:
        yield current, replay


def _where(key: StateKey) -> str:
    return f"user {key[0]} card {key[1]} face {key[2]}"


def _verify(conn: Connection) -> VerifyReport:
    report = VerifyReport()
    stored: dict[StateKey, tuple[ReviewState | None, float]] = {
        (row.user_id, row.card_pk, row.face): (
            state_of_row(row),
            row.desired_retention,
        )
        for row in stored_states(conn)
    }
    report.states_checked = len(stored)
    for key, replay in _replayed(conn):
        report.log_rows += len(replay.log)
        for day in replay.twice:
            report.mismatches.append(
                f"{_where(key)}: two scheduling reviews on study day {day.isoformat()}"
            )
        state, retention = stored.pop(key, (None, 0.0))
        if state is None:
            report.mismatches.append(f"{_where(key)}: the log has reviews but no state")
            continue
        # Replayed under the scheduler the state is held in (its learner's choice, or its
        # deck's default when it was last reviewed): the log decides the values, not which.
        scheduling = scheduling_for(kind_of(state).value, None, retention)
        rebuilt = replay_face(key[0], key[1], key[2], replay.log, scheduling)
        if state != rebuilt:
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

"""Revision 0006 adds FSRS, exam dates and the logged exam; going down gives SM-2 back.

Every state before 0006 is SM-2 and stays exactly as it was.  Going down, a
face held under FSRS is rebuilt through SM-2 from its log, so the older
schema's NOT NULL ease and repetitions hold and nothing the learner did is lost.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from bot.srs.sm2 import Sm2State, review
from bot.storage import migrations
from bot.storage.engine import create_engine

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)
DAYS = (date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 8))
QUALITIES = (4, 5, 3)


def _columns(connection: Connection, table: str) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns(table)}


async def _seed(connection: sa.ext.asyncio.AsyncConnection) -> None:
    """A learner, a deck, one card face and its log of three SM-2 reviews (schema 0005)."""
    await connection.execute(sa.text(
        "INSERT INTO users (id, timezone, new_per_day, reviews_per_day, rollover_hour, "
        "created_at) VALUES (7, 'Asia/Seoul', 20, 200, 4, :now)"), {"now": NOW})
    await connection.execute(sa.text(
        "INSERT INTO decks (id, title, lang, path, content_hash, loaded_at) "
        "VALUES ('d', 'D', 'ko', 'd.yaml', 'h', :now)"), {"now": NOW})
    await connection.execute(sa.text(
        "INSERT INTO cards (pk, deck_id, card_id, type, position, content, faces, updated_at) "
        "VALUES (1, 'd', 'c1', 'basic', 0, '{}', '[0]', :now)"), {"now": NOW})
    state = Sm2State.new()
    for index, (quality, day) in enumerate(zip(QUALITIES, DAYS, strict=True)):
        state = review(state, quality, day)
        await connection.execute(sa.text(
            "INSERT INTO review_log (user_id, card_pk, face, kind, quality, reviewed_at, "
            "study_date, ease_cents, repetitions, interval, due) VALUES (7, 1, 0, :kind, :q, "
            ":at, :day, :ease, :reps, :interval, :due)"),
            {"kind": "new" if index == 0 else "review", "q": quality, "at": NOW, "day": day,
             "ease": state.ease_cents, "reps": state.repetitions, "interval": state.interval,
             "due": state.due})
    await connection.execute(sa.text(
        "INSERT INTO review_states (user_id, card_pk, face, ease_cents, repetitions, interval, "
        "due, lapses) VALUES (7, 1, 0, :ease, :reps, :interval, :due, 0)"),
        {"ease": state.ease_cents, "reps": state.repetitions, "interval": state.interval,
         "due": state.due})


def _expected() -> Sm2State:
    state = Sm2State.new()
    for quality, day in zip(QUALITIES, DAYS, strict=True):
        state = review(state, quality, day)
    return state


async def test_0006_keeps_sm2_states_and_going_down_rebuilds_fsrs_faces_through_sm2(
    db_url: str,
) -> None:
    engine = create_engine(db_url)
    try:
        await migrations.upgrade(engine)
        await migrations.downgrade(engine, "0005_kept_study_day")
        async with engine.begin() as connection:
            assert "scheduler" not in await connection.run_sync(_columns, "review_states")
            await _seed(connection)
        await migrations.upgrade(engine)
        expected = _expected()
        async with engine.begin() as connection:
            assert {"scheduler", "stability", "difficulty", "last_review"} <= (
                await connection.run_sync(_columns, "review_states"))
            assert "exam_date" in await connection.run_sync(_columns, "review_log")
            assert "exam_date" in await connection.run_sync(_columns, "daily_configs")
            assert "exam_dates" in await connection.run_sync(
                lambda c: set(inspect(c).get_table_names()))
            row = (await connection.execute(sa.text(
                "SELECT scheduler, ease_cents, repetitions, interval, due FROM review_states"
            ))).one()
            assert (row[0], row[1], row[2], row[3]) == (
                "sm2", expected.ease_cents, expected.repetitions, expected.interval)
            user = (await connection.execute(sa.text(
                "SELECT scheduler, desired_retention FROM users"))).one()
            assert (user[0], float(user[1])) == (None, 0.9)
            # The learner switches to FSRS: the state and a new log row hold no SM-2 values.
            await connection.execute(sa.text(
                "UPDATE review_states SET scheduler = 'fsrs', ease_cents = NULL, "
                "repetitions = NULL, stability = 12.5, difficulty = 4.2, "
                "last_review = :day, interval = 13, due = :due"),
                {"day": DAYS[-1], "due": date(2026, 11, 21)})
            await connection.execute(sa.text(
                "UPDATE review_log SET ease_cents = NULL, repetitions = NULL WHERE kind = 'review'"
            ))
        await migrations.downgrade(engine, "0005_kept_study_day")
        async with engine.connect() as connection:
            assert "scheduler" not in await connection.run_sync(_columns, "review_states")
            assert "exam_dates" not in await connection.run_sync(
                lambda c: set(inspect(c).get_table_names()))
            row = (await connection.execute(sa.text(
                "SELECT ease_cents, repetitions, interval, due FROM review_states"))).one()
            logged = (await connection.execute(sa.text(
                "SELECT ease_cents, repetitions FROM review_log ORDER BY id"))).all()
        assert (row[0], row[1], row[2], date.fromisoformat(str(row[3]))) == (
            expected.ease_cents, expected.repetitions, expected.interval, expected.due)
        snapshots, state = [], Sm2State.new()
        for quality, day in zip(QUALITIES, DAYS, strict=True):
            state = review(state, quality, day)
            snapshots.append((state.ease_cents, state.repetitions))
        assert [tuple(r) for r in logged] == snapshots
    finally:
        await engine.dispose()

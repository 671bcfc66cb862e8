"""Revision 0007: cards get a sibling key and sessions a mode; rows stay; it goes back down.

Down, the rows that hang off cards and sessions stay too: a table copied and
dropped on SQLite (batch mode) would empty them through ON DELETE CASCADE.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Date, Integer, String, column, insert, inspect, select, table
from sqlalchemy.engine import Connection

from bot.storage import migrations
from bot.storage.engine import create_engine
from bot.storage.models import Card, Deck, Prompt, ReviewState, StudySession, User

BEFORE = "0006_scheduling"
NOW = datetime(2026, 11, 27, tzinfo=UTC)
#: study_sessions as revision 0006 left it (the model's own table would insert a mode).
_OLD_SESSIONS = table(
    "study_sessions", column("id", Integer), column("user_id", Integer),
    column("deck_id", String), column("front_end", String), column("study_date", Date),
    column("started_at", StudySession.started_at.type),
    column("ended_at", StudySession.ended_at.type),
)


def _columns(connection: Connection, table: str) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns(table)}


async def test_0007_adds_sibling_and_mode_and_goes_back_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await migrations.upgrade(engine)
        await migrations.downgrade(engine, BEFORE)
        async with engine.begin() as connection:
            assert "sibling" not in await connection.run_sync(_columns, "cards")
            assert "mode" not in await connection.run_sync(_columns, "study_sessions")
            await connection.execute(insert(User.__table__).values(
                id=7, timezone="Asia/Seoul", locale=None, new_per_day=20, reviews_per_day=200,
                rollover_hour=4, created_at=NOW))
            await connection.execute(insert(Deck.__table__).values(
                id="d", title="D", lang="ko", path="d.yaml", content_hash="0", loaded_at=NOW))
            await connection.execute(insert(Card.__table__).values(
                pk=1, deck_id="d", card_id="a", type="basic", position=0, line=None,
                content={"front": "q", "back": "a"}, faces=[1], retired_at=None,
                updated_at=NOW))
            await connection.execute(insert(_OLD_SESSIONS).values(
                id=3, user_id=7, deck_id="d", front_end="discord",
                study_date=date(2026, 11, 27), started_at=NOW, ended_at=None))
            await connection.execute(insert(Prompt.__table__).values(
                id=5, session_id=3, user_id=7, card_pk=1, face=1, shown_at=NOW))
            await connection.execute(insert(ReviewState.__table__).values(
                user_id=7, card_pk=1, face=1, scheduler="sm2", ease_cents=250, repetitions=1,
                interval=1, due=date(2026, 11, 28), lapses=0))
        await migrations.upgrade(engine)
        async with engine.connect() as connection:
            card = (await connection.execute(select(Card.card_id, Card.sibling))).one()
            session = (await connection.execute(select(StudySession.id, StudySession.mode))).one()
        # No key until the next deck sync (the app syncs at start); an older session reviewed.
        assert tuple(card) == ("a", None)
        assert tuple(session) == (3, "review")
        await migrations.downgrade(engine, BEFORE)
        async with engine.connect() as connection:
            assert "sibling" not in await connection.run_sync(_columns, "cards")
            assert "mode" not in await connection.run_sync(_columns, "study_sessions")
            assert (await connection.execute(select(StudySession.id))).scalars().all() == [3]
            assert (await connection.execute(select(Prompt.id))).scalars().all() == [5]
            assert (await connection.execute(select(ReviewState.due))).scalars().all() == [
                date(2026, 11, 28)]
    finally:
        await engine.dispose()

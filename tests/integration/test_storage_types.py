"""What the schema promises about values, on SQLite and on PostgreSQL alike.

Instants come back aware and in UTC whatever offset they were written with;
Discord snowflakes use the whole 64-bit range; JSON columns keep nested
values, Korean text and the order of lists; a naive datetime is refused, not guessed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from bot.storage.models import MAX_ROW_ID, Card, Deck, User
from bot.study import daily
from bot.study.daily import DailyStatus, PickAnswer
from bot.study.learners import LearnerDefaults
from bot.study.prompt_context import prompt_context
from bot.study.runtime import Database
from bot.study.session import AnswerStatus, SelfGrade, StudyService
from tests.integration.storage_helpers import sessions_of

SNOWFLAKE_MAX = 2**63 - 1

instants = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(9998, 12, 30), timezones=st.just(UTC)
)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)
_ids = iter(range(1, 10**9))


def _user(user_id: int, created_at: datetime) -> User:
    return User(id=user_id, timezone="Asia/Seoul", locale="ko", new_per_day=20,
                reviews_per_day=200, rollover_hour=4, created_at=created_at)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(instant=instants, offset=offsets)
async def test_an_instant_comes_back_the_same_and_in_utc(
    database: Database, instant: datetime, offset: timezone
) -> None:
    user_id = next(_ids)
    async with sessions_of(database).begin() as session:
        session.add(_user(user_id, instant.astimezone(offset)))
    async with sessions_of(database)() as session:
        stored = await session.scalar(select(User.created_at).where(User.id == user_id))
    assert stored == instant
    assert stored is not None and stored.utcoffset() == timedelta(0)


async def test_a_naive_datetime_is_refused(database: Database) -> None:
    with pytest.raises(StatementError):
        async with sessions_of(database).begin() as session:
            session.add(_user(next(_ids), datetime(2026, 11, 25, 9, 0)))


async def test_snowflakes_use_the_whole_64_bit_range(database: Database) -> None:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    async with sessions_of(database).begin() as session:
        session.add(_user(SNOWFLAKE_MAX, now))
    async with sessions_of(database)() as session:
        assert await session.scalar(select(User.id).where(User.id == SNOWFLAKE_MAX)) == (
            SNOWFLAKE_MAX
        )


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(content=st.dictionaries(st.text(max_size=8), json_values, max_size=5),
       faces=st.lists(st.integers(1, 30), max_size=6))
async def test_json_columns_round_trip(
    database: Database, content: dict[str, object], faces: list[int]
) -> None:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    deck_id = f"d{next(_ids)}"
    content = {**content, "front": "포트 번호 80은 무엇인가?"}
    async with sessions_of(database).begin() as session:
        session.add(Deck(id=deck_id, title="t", lang="ko", path="p", content_hash="h",
                         loaded_at=now))
        await session.flush()
        session.add(Card(deck_id=deck_id, card_id="c1", type="basic", position=0, line=None,
                         content=content, faces=faces, retired_at=None, updated_at=now))
    async with sessions_of(database)() as session:
        row = (await session.execute(
            select(Card.content, Card.faces).where(Card.deck_id == deck_id))).one()
    assert (row.content, row.faces) == (content, faces)


async def test_forged_row_ids_beyond_the_columns_are_unknown_not_errors(
    database: Database,
) -> None:
    """Ids from custom_ids are INTEGER columns: 32-bit on PostgreSQL, where asyncpg would raise."""
    service = StudyService(database.runner, LearnerDefaults())
    now = datetime(2026, 11, 25, tzinfo=UTC)
    for forged in (MAX_ROW_ID + 1, 2**40, 2**63 - 1):
        assert (await service.answer(forged, 1, SelfGrade(4), now)).status is (
            AnswerStatus.UNKNOWN
        )
        assert await service.skip(forged, 1) is False
        assert await prompt_context(database.runner, forged) is None
        outcome = await daily.answer(database.runner, forged, 1, PickAnswer(0), now)
        assert outcome.status is DailyStatus.UNKNOWN

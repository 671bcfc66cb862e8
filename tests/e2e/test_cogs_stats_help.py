"""/stats and /help with the real bot: numbers that match the database, a real PNG chart,
and a guide in the learner's language."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.e2e.support_bot import (
    MINI_DAY,
    BotProcess,
    Learner,
    card_text,
    query,
    start_bot,
    write_deck,
)
from tests.emulator import Emulator, Guild, SimUser

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        emulator.add_guild("스터디 모임", locale="ko")
        yield emulator


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(emu: Emulator, tmp_path_factory: pytest.TempPathFactory
              ) -> AsyncIterator[BotProcess]:
    workdir = tmp_path_factory.mktemp("stats-bot")
    write_deck(workdir / "decks")
    process = await start_bot(emu, workdir)
    yield process
    assert await process.stop() == 0
    assert "Traceback" not in process.stderr()


def _guild(emu: Emulator) -> Guild:
    return next(iter(emu.world.guilds.values()))


def _fields(embed: dict[str, object]) -> dict[str, str]:
    fields = embed.get("fields") or []
    assert isinstance(fields, list)
    return {f["name"]: f["value"] for f in fields}


async def _join_mini(emu: Emulator, user: SimUser) -> None:
    listing = await (await emu.slash(user, "decks")).response()
    await (await emu.click(user, listing, label="Join: Mini deck")).response()


def _log(bot: BotProcess, user: SimUser) -> list[int]:
    return [q for (q,) in query(bot.db_path, "SELECT quality FROM review_log WHERE user_id = ?",
                                user.id)]


async def test_stats_after_a_session_match_the_review_log(emu: Emulator, bot: BotProcess) -> None:
    hal = emu.add_user("hal")
    await _join_mini(emu, hal)
    card = await (await emu.slash(hal, "study")).response()
    await Learner(emu, hal, wrong_once={"phone book"}).finish(card)
    qualities = _log(bot, hal)
    assert len(qualities) > MINI_DAY  # the missed card came back once as a drill

    handle = await emu.slash(hal, "stats")
    assert (await handle.ack()).type == 5  # deferred: the chart is drawn meanwhile
    reply = await handle.response(within=15)
    embed = reply.embeds[0]
    fields = _fields(embed)
    correct = sum(1 for q in qualities if q >= 3)
    rate = round(100 * correct / len(qualities))
    assert fields["Reviews (30 days)"] == f"{len(qualities)} · {rate}% correct"
    assert fields["Study streak"] == "1 day"
    assert fields["Daily-question streak"] == "none yet"  # a different streak, never mixed up
    assert fields["Cards seen"] == str(MINI_DAY)
    assert fields["Left today"] == "0 cards"  # everything was just reviewed (a sibling waits)
    assert fields["Due in the next 7 days"] == str(MINI_DAY)  # intervals of 1 or 6 days
    [chart] = reply.attachments
    assert chart.filename == "stats.png"
    assert chart.data.startswith(PNG_SIGNATURE) and len(chart.data) > 5000
    assert embed["image"]["url"] == "attachment://stats.png"
    assert emu.missed_deadlines() == []


async def test_stats_of_a_newcomer_point_to_decks(emu: Emulator, bot: BotProcess) -> None:
    guild = _guild(emu)
    ivy = emu.add_user("ivy", guild=guild, locale="en-GB")
    reply = await (await emu.slash(ivy, "stats", guild=guild)).response(within=15)
    assert reply.ephemeral
    assert "Join one with `/decks`" in card_text(reply)
    assert _fields(reply.embeds[0])["Reviews (30 days)"] == "0 · - correct"
    assert [a.filename for a in reply.attachments] == ["stats.png"]


async def test_help_in_korean_for_a_korean_client(emu: Emulator, bot: BotProcess) -> None:
    guild = _guild(emu)
    jun = emu.add_user("jun", guild=guild, locale="ko")
    reply = await (await emu.slash(jun, "help", guild=guild)).response()
    assert reply.ephemeral
    body = card_text(reply)
    assert reply.embeds[0]["title"] == "studybot 사용법"
    for korean in ("공부하는 방법", "**다시**", "**어려움**", "**좋음**", "**쉬움**", "SM-2",
                   "`/덱`에서", "`/학습` 명령", "**정답 보기**", "04:00"):
        assert korean in body
    assert "Grade buttons" not in body


async def test_help_in_english_for_other_clients(emu: Emulator, bot: BotProcess) -> None:
    kim = emu.add_user("kim", locale="fr")
    reply = await (await emu.slash(kim, "help")).response()
    body = card_text(reply)
    assert reply.embeds[0]["title"] == "How studybot works"
    assert "**Again**" in body and "**Easy**" in body

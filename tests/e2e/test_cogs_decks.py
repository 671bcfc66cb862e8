"""/decks with the real bot: list the decks, join and leave with the buttons.

One bot process serves the whole module; each test uses its own learners.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.support_bot import BotProcess, card_text, labels, query, start_bot, write_deck
from tests.emulator import Emulator, Guild, SimUser

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

SECOND_DECK = """\
deck: second
title: Second deck
lang: ko
cards:
  - id: s0000001
    type: basic
    front: 두 번째 덱의 질문
    back: 답
"""


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        emulator.add_guild("Study Group")
        yield emulator


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(emu: Emulator, tmp_path_factory: pytest.TempPathFactory
              ) -> AsyncIterator[BotProcess]:
    workdir = tmp_path_factory.mktemp("decks-bot")
    write_deck(workdir / "decks")
    write_deck(workdir / "decks", SECOND_DECK, "second.yaml")
    process = await start_bot(emu, workdir)
    yield process
    assert await process.stop() == 0
    assert "Traceback" not in process.stderr()


def _guild(emu: Emulator) -> Guild:
    return next(iter(emu.world.guilds.values()))


def _enrolled(bot: BotProcess, user: SimUser) -> list[str]:
    rows = query(bot.db_path, "SELECT deck_id FROM enrollments WHERE user_id = ? ORDER BY 1",
                 user.id)
    return [r[0] for r in rows]


async def test_list_then_join_and_leave_with_buttons(emu: Emulator, bot: BotProcess) -> None:
    guild = _guild(emu)
    ana = emu.add_user("ana", guild=guild)
    listing = await (await emu.slash(ana, "decks", guild=guild)).response()
    assert listing.ephemeral  # in a server, only the learner sees their list
    shown = card_text(listing)
    assert "Mini deck" in shown and "`mini`" in shown and "4 cards" in shown
    assert "5 items to review" in shown  # the cloze card counts twice
    assert "Second deck" in shown and "Not joined" in shown
    assert sorted(labels(listing)) == ["Join: Mini deck", "Join: Second deck"]

    joined = await (await emu.click(ana, listing, label="Join: Mini deck")).response()
    assert "You joined **Mini deck**" in joined.content
    assert "Leave: Mini deck" in labels(joined) and "Join: Second deck" in labels(joined)
    assert _enrolled(bot, ana) == ["mini"]

    left = await (await emu.click(ana, joined, label="Leave: Mini deck")).response()
    assert "You left **Mini deck**" in left.content
    assert "Join: Mini deck" in labels(left)
    assert _enrolled(bot, ana) == []


async def test_joined_deck_is_what_study_draws_from(emu: Emulator, bot: BotProcess) -> None:
    bo = emu.add_user("bo")
    listing = await (await emu.slash(bo, "decks")).response()  # in DMs
    assert not listing.ephemeral
    await (await emu.click(bo, listing, label="Join: Second deck")).response()
    card = await (await emu.slash(bo, "study")).response()
    assert "두 번째 덱의 질문" in card_text(card)


async def test_a_stale_list_joins_once(emu: Emulator, bot: BotProcess) -> None:
    cy = emu.add_user("cy")
    first_list = await (await emu.slash(cy, "decks")).response()
    second_list = await (await emu.slash(cy, "decks")).response()
    joined = await (await emu.click(cy, first_list, label="Join: Mini deck")).response()
    assert "You joined" in joined.content
    # The second list still offers Join: pressing it changes nothing and says so.
    again = await (await emu.click(cy, second_list, label="Join: Mini deck")).response()
    assert "You already study **Mini deck**" in again.content
    assert "Leave: Mini deck" in labels(again)
    assert _enrolled(bot, cy) == ["mini"]


async def test_someone_elses_list_is_private_and_its_buttons_refused(
    emu: Emulator, bot: BotProcess
) -> None:
    guild = _guild(emu)
    owner = emu.add_user("owner-d", guild=guild)
    other = emu.add_user("other-d", guild=guild)
    listing = await (await emu.slash(owner, "decks", guild=guild)).response()
    with pytest.raises(PermissionError):  # ephemeral: nobody else even sees the buttons
        await emu.click(other, listing, label="Join: Mini deck")
    # A list sent where others could reach it (a crafted click on a DM list) is still refused.
    dm_listing = await (await emu.slash(owner, "decks")).response()
    refused = await (await emu.click(other, dm_listing, label="Join: Mini deck")).response()
    assert refused.ephemeral
    assert "someone else" in refused.content
    assert _enrolled(bot, owner) == [] and _enrolled(bot, other) == []
    assert emu.missed_deadlines() == []


async def test_a_korean_client_gets_the_list_in_korean(emu: Emulator, bot: BotProcess) -> None:
    min_ = emu.add_user("min", locale="ko")
    listing = await (await emu.slash(min_, "decks")).response()
    assert listing.embeds[0]["title"] == "덱 목록"
    assert "카드 4장 · 복습 항목 5개" in card_text(listing)
    joined = await (await emu.click(min_, listing, label="참여: Second deck")).response()
    assert joined.content == "**Second deck** 덱에 참여했어요. `/학습` 명령으로 바로 시작해 보세요!"
    assert "나가기: Second deck" in labels(joined)


async def test_a_list_opened_before_a_restart_still_joins(tmp_path: Path) -> None:
    async with Emulator() as fresh:
        lee = fresh.add_user("lee")
        write_deck(tmp_path / "decks")
        first = await start_bot(fresh, tmp_path, tag="before")
        try:
            listing = await (await fresh.slash(lee, "decks")).response()
        finally:
            assert await first.stop() == 0
        second = await start_bot(fresh, tmp_path, tag="after")
        try:
            joined = await (await fresh.click(lee, listing, label="Join: Mini deck")).response()
            assert "You joined **Mini deck**" in joined.content
            assert _enrolled(second, lee) == ["mini"]
        finally:
            assert await second.stop() == 0

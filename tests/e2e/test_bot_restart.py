"""Buttons carry only keys: they keep working across a restart of the bot process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.support_bot import (
    MINI_DAY,
    MINI_DECK,
    Learner,
    by_kind,
    card_text,
    question,
    review_log,
    start_bot,
    write_deck,
)
from tests.emulator import Emulator

# bot_database (tests/conftest.py): every test here on SQLite, then on PostgreSQL.
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot_database")]


async def test_restart_mid_session_and_continue_with_the_old_buttons(tmp_path: Path) -> None:
    write_deck(tmp_path / "decks")
    async with Emulator() as emu:
        guild = emu.add_guild("Study Group")
        ana = emu.add_user("ana", guild=guild)
        bot = await start_bot(emu, tmp_path, tag="first")
        await (await emu.slash(ana, "study", guild=guild)).response()
        await emu.wait_for(lambda: emu.dm_messages(ana))
        learner = Learner(emu, ana)
        card = await learner.step(emu.dm_messages(ana)[0])
        card = await learner.step(card)
        assert await bot.stop() == 0
        assert len(review_log(bot.db_path, ana)) == 2

        again = await start_bot(emu, tmp_path, tag="second")
        try:
            done = await learner.finish(card)  # the message posted by the first process
        finally:
            assert await again.stop() == 0
        assert "You answered 4 cards and got 4 right (100%)." in card_text(done)
        assert len(review_log(again.db_path, ana)) == MINI_DAY
        for process in (bot, again):
            assert "Traceback" not in process.stderr()
            assert emu.token not in process.stderr() + process.stdout()


async def test_a_card_removed_from_its_deck_gets_a_polite_message(tmp_path: Path) -> None:
    write_deck(tmp_path / "decks")
    async with Emulator() as emu:
        guild = emu.add_guild("Study Group")
        ben = emu.add_user("ben", guild=guild)
        bot = await start_bot(emu, tmp_path, tag="first")
        await (await emu.slash(ben, "study", guild=guild)).response()
        await emu.wait_for(lambda: emu.dm_messages(ben))
        [card] = emu.dm_messages(ben)
        assert "IaaS stand for" in question(card)
        assert await bot.stop() == 0

        # A maintainer deletes the basic card while the learner looks at it.
        without_basic = MINI_DECK.replace(
            "  - id: b0000001\n    type: basic\n    front: What does IaaS stand for?\n"
            "    back: Infrastructure as a Service\n", "")
        write_deck(tmp_path / "decks", without_basic)
        again = await start_bot(emu, tmp_path, tag="second")
        try:
            [show] = by_kind(card, "show")
            after = await (await emu.click(ben, card, custom_id=show)).response()
        finally:
            assert await again.stop() == 0
        assert "IaaS stand for" not in card_text(after)
        assert "removed from its deck" in card_text(after)
        assert f"{MINI_DAY - 1} left today" in card_text(after)
        assert review_log(again.db_path, ben) == []

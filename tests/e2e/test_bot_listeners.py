"""One `on_interaction` per interaction: the cogs' modal handlers are called from the bot's.

discord.py starts a task for every listener of every event; a cog listening to
``on_interaction`` for its modals cost every click (200 learners at once) two
tasks that only returned.  The cogs hand their handlers to the bot instead
(``StudyBot.modal_handlers``), added when a cog loads and gone when it unloads.
The typed answers themselves are exercised end to end in test_bot_study.py
and test_daily_group.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.discord.client import StudyBot
from bot.settings import Settings
from tests.e2e.conftest import running
from tests.e2e.support_bot import write_deck
from tests.emulator import Emulator

pytestmark = pytest.mark.e2e


async def test_an_interaction_has_one_listener_and_the_cogs_modals_are_the_bots(
        emu: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the answer journal is kept beside the working directory
    write_deck(tmp_path / "decks")
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
                        decks_dir=tmp_path / "decks", guild_ready_timeout=0.05)
    bot = StudyBot(settings)
    async with running(bot, emu, ready_within=20.0):
        assert bot.extra_events.get("on_interaction", []) == []
        study, daily = bot.get_cog("Study"), bot.get_cog("Daily")
        assert study is not None and daily is not None
        assert len(bot.modal_handlers) == 2
        await bot.remove_cog("Study")
        assert len(bot.modal_handlers) == 1  # the daily question's typed answers remain
        await bot.remove_cog("Daily")
        assert bot.modal_handlers == []

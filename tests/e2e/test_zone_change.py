"""A learner who moves east late in the evening keeps the study day they just spent.

At 23:30 in Seoul it is already 04:30 tomorrow in Kiritimati (UTC+14), past
the 04:00 rollover.  Switching zones then must not start tomorrow at once:
the faces just reviewed are due tomorrow, and today's new cards are spent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.jobs.clock import ENV_VAR, write_instant
from tests.e2e.support_bot import (
    MINI_DAY,
    Learner,
    card_text,
    is_summary,
    review_log,
    start_bot,
    write_deck,
)
from tests.emulator import Emulator

# bot_database (tests/conftest.py): every test here on SQLite, then on PostgreSQL.
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot_database")]

#: 23:00 in Seoul on 2026-11-25.
SEOUL_11PM = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


async def test_moving_east_at_night_does_not_start_tomorrow_at_once(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("Study Group")
    ana = emu.add_user("ana", guild=guild)
    write_deck(tmp_path / "decks")
    clock = tmp_path / "clock.txt"
    write_instant(clock, SEOUL_11PM)
    bot = await start_bot(emu, tmp_path, extra={ENV_VAR: str(clock)})
    try:
        await (await emu.slash(ana, "study", guild=guild)).response()
        await emu.wait_for(lambda: emu.dm_messages(ana))
        done = await Learner(emu, ana).finish(emu.dm_messages(ana)[-1])
        assert is_summary(done)
        assert len(review_log(bot.db_path, ana)) == MINI_DAY

        write_instant(clock, SEOUL_11PM + timedelta(minutes=30))
        options = {"timezone": "Pacific/Kiritimati"}
        changed = await (await emu.slash(ana, "settings", options, guild=guild)).response()
        assert "Pacific/Kiritimati" in card_text(changed)

        write_instant(clock, SEOUL_11PM + timedelta(minutes=35))
        before = len(emu.dm_messages(ana))
        again = await (await emu.slash(ana, "study", guild=guild)).response()
        assert "Nothing to review today" in card_text(again), card_text(again)
        assert len(emu.dm_messages(ana)) == before
        assert len(review_log(bot.db_path, ana)) == MINI_DAY

        # Once Seoul's day would have ended (04:00), Kiritimati's next day has begun:
        # the faces are due and the study day is a new one.
        write_instant(clock, SEOUL_11PM + timedelta(hours=5, minutes=1))
        await (await emu.slash(ana, "study", guild=guild)).response()
        await emu.wait_for(lambda: len(emu.dm_messages(ana)) > before)
        assert f"{MINI_DAY} left today" in card_text(emu.dm_messages(ana)[-1])
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()

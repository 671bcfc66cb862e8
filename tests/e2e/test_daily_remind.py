"""/remind with the real bot: a reminder DM at the learner's local time, and a closed DM."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.e2e.daily_support import SEOUL_8AM, embed_text, set_clock, start_group_bot
from tests.e2e.support_bot import query, write_deck
from tests.emulator import Emulator

pytestmark = pytest.mark.e2e

SEVEN_PM = SEOUL_8AM + timedelta(hours=11)
#: A second deck, so a learner who studies none is asked which one.
OTHER_DECK = """\
deck: other
title: Other deck
lang: en
cards:
  - id: o0000001
    type: basic
    front: What does CDN stand for?
    back: Content Delivery Network
"""


async def test_reminder_dm_study_now_and_a_closed_dm(emu: Emulator, tmp_path: Path) -> None:
    guild = emu.add_guild("Study Group")
    ana = emu.add_user("ana", guild=guild)
    bob = emu.add_user("bob", guild=guild, dm_open=False)
    write_deck(tmp_path / "decks", OTHER_DECK, "other.yaml")
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        await (await emu.slash(ana, "study", {"deck": "group"})).response()  # in DMs
        on = await (await emu.slash(ana, "remind on", {"time": "19:00"})).response()
        assert "once a day at 19:00 (Asia/Seoul)" in embed_text(on)
        assert "Next: 2026-11-25 19:00 (Asia/Seoul)" in embed_text(on)
        # DMs closed: in place.
        await (await emu.slash(bob, "study", {"deck": "group"}, guild=guild)).response()
        await (await emu.slash(bob, "remind on", {"time": "19:00"}, guild=guild)).response()
        dms_before = len(emu.dm_messages(ana))

        set_clock(tmp_path, SEVEN_PM - timedelta(minutes=1))
        set_clock(tmp_path, SEVEN_PM)
        reminder = await emu.wait_for(
            lambda: next((m for m in emu.dm_messages(ana)[dms_before:]
                          if "Time to review" in embed_text(m)), None))
        # New cards are counted as new, not as reviews.
        assert "2 cards are waiting for you today (2 new)." in embed_text(reminder)
        # Ana has left her deck since: "Study now" asks which one, as a first /study does.
        query(bot.db_path, "DELETE FROM enrollments WHERE user_id = ?", ana.id)
        asked = await (await emu.click(ana, reminder, label="Study now")).response()
        assert "Which deck would you like to study?" in embed_text(asked)
        assert query(bot.db_path, "SELECT deck_id FROM enrollments WHERE user_id = ?",
                     ana.id) == []
        card = await (await emu.select(ana, asked, ["group"])).response()
        assert card.content == "You're now studying 'Group deck'. `/decks` adds other decks."
        assert "phone book" in embed_text(card) or "empty room" in embed_text(card)

        # Bob's DM bounced (50007): reminders off, and he hears it at his next command.
        await emu.wait_for(lambda: query(
            bot.db_path, "SELECT enabled, disabled_reason FROM reminders WHERE user_id = ?",
            bob.id) == [(0, "dms_closed")])
        handle = await emu.slash(bob, "streak", guild=guild)
        await handle.response()
        notice = (await handle.followups(1))[0]
        assert notice.ephemeral and "Your DMs are closed" in notice.content
        again = await emu.slash(bob, "streak", guild=guild)
        await again.response()
        with pytest.raises(TimeoutError):  # told once only
            await again.followups(1, within=0.5)

        # One reminder a day: later the same evening, nothing more.
        set_clock(tmp_path, SEVEN_PM + timedelta(hours=2))
        await (await emu.slash(ana, "streak")).response()
        reminders = [m for m in emu.dm_messages(ana) if "Time to review" in embed_text(m)]
        assert len(reminders) == 1
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()

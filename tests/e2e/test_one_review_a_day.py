"""One face, two places at once: a DM screen and the group's daily question show it.

The member answers the daily question first (it counts as their review of
the face), then the card still waiting in their DMs.  SM-2 reviews a face at
most once a study day: the second answer is logged as a drill and the new
face stays at its first interval, and `studybot db verify` agrees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.daily_support import (
    SEOUL_8AM,
    daily_posts,
    embed_text,
    option_ids,
    start_group_bot,
)
from tests.e2e.support_bot import by_kind, card_text, review_log, review_states, write_deck
from tests.e2e.test_crash_support import db_verify
from tests.emulator import Emulator

# bot_database (tests/conftest.py): every test here on SQLite, then on PostgreSQL.
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot_database")]

ONE_CARD = """\
deck: one
title: One card
lang: en
cards:
  - id: o0000001
    type: choice
    front: Which model gives you an empty room to install node.js yourself?
    choices: [IaaS, PaaS, SaaS]
    answer: IaaS
"""


async def test_the_daily_question_and_a_dm_screen_review_a_face_once(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("Study Group")
    channel = emu.general(guild)
    admin = emu.add_user("admin", guild=guild, admin=True)
    ana = emu.add_user("ana", guild=guild)
    write_deck(tmp_path / "decks", ONE_CARD, "one.yaml")
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        options = {"channel": str(channel.id), "deck": "one", "time": "21:00"}
        await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
        # Ana opens her DMs on the deck: the new face is on her screen.
        await (await emu.slash(ana, "study", {"deck": "one"}, guild=guild)).response()
        await emu.wait_for(lambda: any(by_kind(m, "pick") for m in emu.dm_messages(ana)))
        screen = emu.dm_messages(ana)[-1]
        # The group's question of the day is the same face; she answers it there first.
        await (await emu.slash(admin, "daily post-now", guild=guild, channel=channel)).response()
        [post] = daily_posts(emu, channel)
        reply = await (await emu.click(ana, post, custom_id=option_ids(post)["IaaS"])).response()
        assert "Right! +13 points" in embed_text(reply)
        assert review_states(bot.db_path, ana) == {("o0000001", 1): (250, 1, 1)}

        pick = next(str(b["custom_id"]) for b in screen.buttons() if b.get("label") == "IaaS")
        after = await (await emu.click(ana, screen, custom_id=pick)).response()
        assert "Right!" in card_text(after)
        assert [kind for _, _, kind, _ in review_log(bot.db_path, ana)] == ["new", "drill"]
        assert review_states(bot.db_path, ana) == {("o0000001", 1): (250, 1, 1)}
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()
    verified = db_verify(tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr

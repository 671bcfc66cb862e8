"""A maintainer edits a choice card while learners, and the group's daily post, show it.

Buttons carry the index of an option in the order shown.  The edit here adds
an option and moves the right answer to the end, so read against the new
list every shown position names a wrong option: a right click must still be
graded right, in DMs and on the daily post, and the reveal shows the answer
the post asked for.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.e2e.daily_support import (
    GROUP_DECK,
    SEOUL_8AM,
    daily_posts,
    embed_text,
    option_ids,
    right_answer,
    set_clock,
    start_group_bot,
)
from tests.e2e.support_bot import by_kind, card_text, query, review_log, write_deck
from tests.emulator import Emulator, StoredMessage

# bot_database (tests/conftest.py): every test here on SQLite, then on PostgreSQL.
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot_database")]

#: Every card gains an option and its answer moves to the end.
EDITED_DECK = GROUP_DECK.replace("[IaaS, PaaS, SaaS]", "[PaaS, SaaS, FaaS, IaaS]").replace(
    "[DNS, CDN, VPN]", "[CDN, VPN, NAT, DNS]"
)
RIGHT_BY_QUESTION = {"empty room": "IaaS", "phone book": "DNS"}


def reloads(db: Path) -> int:
    [(count,)] = query(db, "SELECT count(*) FROM deck_reloads WHERE ok = ?", True)
    return int(count)


def dm_right_option(message: StoredMessage) -> str:
    """custom_id of the DM button labelled with the right answer."""
    text = card_text(message)
    right = next(answer for fragment, answer in RIGHT_BY_QUESTION.items() if fragment in text)
    return next(str(b["custom_id"]) for b in message.buttons()
                if str(b.get("label")) == right and str(b["custom_id"]).startswith("sb:pick:"))


async def test_a_right_click_stays_right_after_the_options_change(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("Study Group")
    channel = emu.general(guild)
    admin = emu.add_user("admin", guild=guild, admin=True)
    ana, ben = emu.add_user("ana", guild=guild), emu.add_user("ben", guild=guild)
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        options = {"channel": str(channel.id), "deck": "group", "time": "21:00"}
        await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
        await (await emu.slash(admin, "daily post-now", guild=guild, channel=channel)).response()
        [post] = daily_posts(emu, channel)
        await (await emu.slash(ana, "study", guild=guild)).response()
        await emu.wait_for(lambda: any(by_kind(m, "pick") for m in emu.dm_messages(ana)))
        card = emu.dm_messages(ana)[-1]
        before = reloads(bot.db_path)

        # The maintainer saves the edit; the running bot reloads the deck.
        write_deck(tmp_path / "decks", EDITED_DECK, "group.yaml")
        await emu.wait_for(lambda: reloads(bot.db_path) > before, within=10)

        graded = await (await emu.click(ana, card, custom_id=dm_right_option(card))).response()
        assert "Right!" in card_text(graded), card_text(graded)
        assert [q for _, _, _, q in review_log(bot.db_path, ana)] == [4]

        right = right_answer(post)
        clicked = await (await emu.click(ben, post, custom_id=option_ids(post)[right])).response()
        assert "Right! +13 points" in embed_text(clicked), embed_text(clicked)

        set_clock(tmp_path, SEOUL_8AM + timedelta(hours=8, minutes=1))
        revealed = await emu.wait_for(
            lambda: next((m for m in daily_posts(emu, channel)
                          if "answer" in str(m.embeds[0].get("title"))), None))
        assert f"Answer\n{right}" in embed_text(revealed)
        assert "1 answered, 100% right." in embed_text(revealed)
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()

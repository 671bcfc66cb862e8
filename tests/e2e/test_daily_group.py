"""A study group's daily question with the real bot: set-up, post, answers, reveal, standings.

The bot runs as ``studybot run`` against the emulator with its clock in a
file (STUDYBOT_CLOCK_FILE): the test moves time forward instead of sleeping.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from tests.e2e.daily_support import (
    SEOUL_8AM,
    daily_posts,
    embed_text,
    option_ids,
    right_answer,
    set_clock,
    start_group_bot,
    wrong_answer,
)
from tests.e2e.support_bot import query, write_deck
from tests.emulator import Channel, Emulator, SimUser, StoredMessage

# bot_database (tests/conftest.py): every test here on SQLite, then on PostgreSQL.
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot_database")]

NINE = SEOUL_8AM + timedelta(hours=1)


async def test_setup_post_answers_reveal_and_standings(emu: Emulator, tmp_path: Path) -> None:
    guild = emu.add_guild("Study Group")
    channel = emu.general(guild)
    admin = emu.add_user("admin", guild=guild, admin=True)
    ana, ben, cho = (emu.add_user(n, guild=guild) for n in ("ana", "ben", "cho"))
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        # A member without Manage Server does not even see the command; forced, it is refused.
        with pytest.raises(PermissionError):
            await emu.slash(ana, "daily status", guild=guild)
        refused = await (await emu.slash(ana, "daily status", guild=guild, force=True)).response()
        assert refused.ephemeral and "Manage Server" in refused.content
        options = {"channel": str(channel.id), "deck": "group", "time": "09:00",
                   "timezone": "Asia/Seoul", "reveal_after": "8h"}
        done = await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
        assert "Every day at 09:00 (Asia/Seoul)" in embed_text(done)
        assert "2026-11-25 09:00 (Asia/Seoul)" in embed_text(done)
        status = await (await emu.slash(admin, "daily status", guild=guild)).response()
        assert "Next question: 2026-11-25 09:00 (Asia/Seoul)" in embed_text(status)
        assert "Next reveal: 2026-11-25 17:00 (Asia/Seoul)" in embed_text(status)

        assert daily_posts(emu, channel) == []
        set_clock(tmp_path, NINE)
        post = await emu.wait_for(lambda: nth_post(emu, channel, 0))
        ids = option_ids(post)
        right, wrong = right_answer(post), wrong_answer(post)

        async def click(user: SimUser, option: str) -> str:
            handle = await emu.click(user, post, custom_id=ids[option])
            reply = await handle.response()
            assert reply.ephemeral
            return embed_text(reply)

        assert "Right! +13 points" in await click(ana, right)
        assert "Not this time" in await click(ben, wrong)
        assert "Right! +12 points" in await click(cho, right)
        second = await click(cho, wrong)
        assert "already answered (right)" in second and "changes nothing" in second
        rows = query(bot.db_path, "SELECT user_id, correct, points FROM daily_answers "
                                  "ORDER BY id")
        assert rows == [(ana.id, 1, 13), (ben.id, 0, 0), (cho.id, 1, 12)]

        set_clock(tmp_path, NINE + timedelta(hours=8))
        revealed = await emu.wait_for(
            lambda: next((m for m in daily_posts(emu, channel) if "answer" in
                          str(m.embeds[0].get("title"))), None))
        shown = embed_text(revealed)
        assert f"Answer\n{right}" in shown
        assert "3 answered, 67% right." in shown
        assert f"<@{ana.id}>, <@{cho.id}>" in shown
        late = await (await emu.click(ben, revealed, custom_id=ids[right])).response()
        assert "already answered (wrong)" in embed_text(late) and right in embed_text(late)
        dan = emu.add_user("dan", guild=guild)
        late = await (await emu.click(dan, revealed, custom_id=ids[right])).response()
        assert f"Answer: {right} (no points now)" in embed_text(late)

        # Two more days: Ana right both days, Ben right on the last, Cho away.
        for day in (1, 2):
            set_clock(tmp_path, NINE + timedelta(days=day))
            post = await emu.wait_for(lambda n=day: nth_post(emu, channel, n))  # type: ignore[misc]
            ids = option_ids(post)
            await (await emu.click(ana, post, custom_id=ids[right_answer(post)])).response()
            if day == 2:
                await (await emu.click(ben, post, custom_id=ids[right_answer(post)])).response()
        assert len(daily_posts(emu, channel)) == 3

        board = await (await emu.slash(ana, "leaderboard", {"period": "all"},
                                       guild=guild)).response()
        lines = embed_text(board).splitlines()
        ranked = [line for line in lines if line.startswith("**")]
        assert ranked[0].startswith(f"**1.** <@{ana.id}> — 39 pts · 100% right (3/3)")
        assert ranked[0].endswith("3-day streak")
        assert ranked[1].startswith(f"**2.** <@{cho.id}> — 12 pts")
        assert ranked[1].endswith("0-day streak")
        assert ranked[2].startswith(f"**3.** <@{ben.id}> — 12 pts · 50% right (1/2)")
        assert ranked[2].endswith("1-day streak")
        streak = embed_text(await (await emu.slash(ana, "streak", guild=guild)).response())
        # /streak says which streak it counts, and where the other one is.
        assert "Your daily-question streak" in streak
        assert "Days in a row with a right daily answer: 3 (best: 3)" in streak
        assert "Your study streak (days in a row you reviewed cards) is in /stats." in streak
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()


TYPED_DECK = """\
deck: typed
title: 타이핑 덱
lang: ko
cards:
  - id: t0000001
    type: typed
    front: 인터넷의 전화번호부에 비유되는 시스템은?
    back: DNS
    accept: [Domain Name System]
"""


async def test_post_now_typed_answers_in_a_modal_in_korean(emu: Emulator, tmp_path: Path) -> None:
    guild = emu.add_guild("스터디", locale="ko")
    channel = emu.add_text_channel(guild, "quiz")
    admin = emu.add_user("admin", guild=guild, admin=True, locale="ko")
    ana, ben = (emu.add_user(n, guild=guild, locale="ko") for n in ("ana", "ben"))
    write_deck(tmp_path / "decks", TYPED_DECK, "typed.yaml")
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        options = {"channel": str(channel.id), "deck": "typed", "time": "21:00"}
        done = await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
        assert "매일 21:00(Asia/Seoul)" in embed_text(done)
        now = await (await emu.slash(admin, "daily post-now", guild=guild,
                                     channel=channel)).response()
        assert "오늘의 문제를 올렸어요" in embed_text(now)
        again = await (await emu.slash(admin, "daily post-now", guild=guild,
                                       channel=channel)).response()
        assert "이미 올라왔어요" in embed_text(again)
        post = daily_posts_ko(emu, channel)[0]
        assert "전화번호부" in embed_text(post)
        assert [b["label"] for b in post.buttons()] == ["답하기"]

        async def typed(user: SimUser, answer: str) -> str:
            opened = await emu.click(user, post, label="답하기")
            modal = await opened.modal()
            handle = await emu.submit_modal(user, modal, {"sb:daily:answer": answer})
            reply = await handle.response()
            assert reply.ephemeral
            return embed_text(reply)

        assert "정답이에요! +13점" in await typed(ana, "domain name system")
        assert "틀렸어요" in await typed(ben, "CDN")
        # A second click on [답하기] says so at once instead of opening the box again.
        again = await (await emu.click(ana, post, label="답하기")).response()
        assert again.ephemeral and "이미 답한 문제예요 (정답)" in embed_text(again)
        rows = query(bot.db_path, "SELECT user_id, response, correct FROM daily_answers "
                                  "ORDER BY id")
        assert rows == [(ana.id, "domain name system", 1), (ben.id, "CDN", 0)]
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()


def nth_post(emu: Emulator, channel: Channel, n: int) -> StoredMessage | None:
    posts = daily_posts(emu, channel)
    return posts[n] if len(posts) > n else None


def daily_posts_ko(emu: Emulator, channel: Channel) -> list[StoredMessage]:
    return [m for m in emu.channel_messages(channel)
            if m.embeds and "오늘의 문제" in str(m.embeds[0].get("title"))]


async def test_twenty_members_at_once_share_one_first_bonus_of_each(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("Big Group")
    channel = emu.general(guild)
    admin = emu.add_user("admin", guild=guild, admin=True)
    members = [emu.add_user(f"m{i}", guild=guild) for i in range(20)]
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        options = {"channel": str(channel.id), "deck": "group", "time": "21:00"}
        await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
        await (await emu.slash(admin, "daily post-now", guild=guild, channel=channel)).response()
        [post] = daily_posts(emu, channel)
        right = option_ids(post)[right_answer(post)]
        handles = await asyncio.gather(*(emu.click(m, post, custom_id=right) for m in members))
        replies = [embed_text(await h.response()) for h in handles]
        assert all("Right!" in r for r in replies), replies
        points = [p for (p,) in query(bot.db_path, "SELECT points FROM daily_answers")]
        assert sorted(points, reverse=True) == [13, 12, 11] + [10] * 17
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()

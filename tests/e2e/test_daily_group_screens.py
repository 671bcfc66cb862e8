"""What a study group sees with the real bot: fair questions, the answer button once it is
too late, the reveal named alike everywhere, times as people type them, and /leaderboard
asked in the wrong channel.

The bot runs as ``studybot run`` against the emulator on a file clock (see
tests/e2e/daily_support.py): the test moves time instead of sleeping.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.e2e.daily_support import SEOUL_8AM, embed_text, set_clock, start_group_bot
from tests.e2e.support_bot import query, write_deck
from tests.emulator import Channel, Emulator, Guild, SimUser, StoredMessage

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot_database")]

TYPED_DECK = """\
deck: typed
title: 타이핑 덱
lang: ko
cards:
  - id: t0000001
    type: typed
    front: 인터넷의 전화번호부에 비유되는 시스템은?
    back: DNS
"""


def posts_in(emu: Emulator, channel: Channel) -> list[StoredMessage]:
    return [m for m in emu.channel_messages(channel)
            if m.embeds and "오늘의 문제 ·" in str(m.embeds[0].get("title"))]


def field(message: StoredMessage, name: str) -> str:
    return next(str(f["value"]) for f in message.embeds[0].get("fields") or []
                if f.get("name") == name)


async def test_the_answer_button_says_at_once_when_answered_or_revealed(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("스터디", locale="ko")
    channel = emu.add_text_channel(guild, "quiz")
    admin = emu.add_user("admin", guild=guild, admin=True, locale="ko")
    ana, ben = (emu.add_user(n, guild=guild, locale="ko") for n in ("ana", "ben"))
    write_deck(tmp_path / "decks", TYPED_DECK, "typed.yaml")
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        options = {"channel": str(channel.id), "deck": "typed", "time": "21:00"}
        await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
        await (await emu.slash(admin, "daily post-now", guild=guild, channel=channel)).response()
        [post] = posts_in(emu, channel)

        async def open_box(user: SimUser) -> str | None:
            """The answer box's title, or None when the bot answered with a message."""
            handle = await emu.click(user, post, label="답하기")
            if (await handle.ack()).type == 9:
                return (await handle.modal()).title
            reply = await handle.response()
            assert reply.ephemeral
            return None

        handle = await emu.click(ana, post, label="답하기")
        modal = await handle.modal()
        answered = await emu.submit_modal(ana, modal, {"sb:daily:answer": "DNS"})
        assert "정답이에요!" in embed_text(await answered.response())
        # Answered already: told at once, not after typing into a box.
        again = await emu.click(ana, post, label="답하기")
        assert (await again.ack()).type != 9
        assert "이미 답한 문제예요 (정답)" in embed_text(await again.response())
        assert await open_box(ben) == "오늘의 문제 답하기"  # Ben may still answer

        set_clock(tmp_path, SEOUL_8AM + timedelta(hours=8, minutes=1))
        await emu.wait_for(lambda: "정답 공개" in str(
            posts_in(emu, channel)[0].embeds[0].get("title")) or None)
        late = await emu.click(ben, post, label="답하기")
        assert (await late.ack()).type != 9
        assert "이미 정답이 공개된 문제예요. 정답: DNS" in embed_text(await late.response())
        rows = query(bot.db_path, "SELECT user_id FROM daily_answers")
        assert rows == [(ana.id,)]
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()


async def test_leaderboard_elsewhere_points_to_the_daily_channel(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("Study Group")
    quiz = emu.add_text_channel(guild, "quiz")
    admin = emu.add_user("admin", guild=guild, admin=True)
    ana = emu.add_user("ana", guild=guild)
    other = emu.add_guild("Book Club")
    bea = emu.add_user("bea", guild=other)
    write_deck(tmp_path / "decks", TYPED_DECK, "typed.yaml")
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        options = {"channel": str(quiz.id), "deck": "typed", "time": "21:00"}
        await (await emu.slash(admin, "daily setup", options, guild=guild)).response()

        async def board(user: SimUser, server: Guild, where: Channel) -> str:
            handle = await emu.slash(user, "leaderboard", guild=server, channel=where)
            return embed_text(await handle.response())

        # In #general: not "nobody answered", but where the daily question is.
        elsewhere = await board(ana, guild, emu.general(guild))
        assert "This channel has no daily question" in elsewhere
        assert f"<#{quiz.id}>" in elsewhere and "/leaderboard" in elsewhere
        # In the daily channel itself, before anyone answered: the period is empty.
        assert "Nobody answered this channel's daily question" in await board(ana, guild, quiz)
        # A server without any daily question says how to start one.
        assert "/daily setup" in await board(bea, other, emu.general(other))
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()

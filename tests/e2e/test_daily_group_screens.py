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

#: Four basic cards asking the same kind of question (a definition), and one that is not.
DEFINITIONS_DECK = """\
deck: defs
title: 가상화 용어
lang: ko
cards:
  - id: d0000001
    type: basic
    front: 하이퍼바이저란?
    back: 한 서버에서 가상머신 여러 개를 돌리게 해 주는 중간 계층.
  - id: d0000002
    type: basic
    front: 가상머신이란?
    back: 물리 서버 하나를 여러 독립된 서버처럼 쓰게 해 주는 환경.
  - id: d0000003
    type: basic
    front: 컨테이너란?
    back: 앱과 실행 환경을 묶어 격리해서 실행하는 단위.
  - id: d0000004
    type: basic
    front: 도커란?
    back: 컨테이너를 만들고 실행하는 도구.
  - id: d0000005
    type: basic
    front: 전통적 배포방식의 문제점은?
    back: 한 프로그램이 다른 앱에 영향을 준다.
"""
ANSWERS = {
    "하이퍼바이저란?": "한 서버에서 가상머신 여러 개를 돌리게 해 주는 중간 계층.",
    "가상머신이란?": "물리 서버 하나를 여러 독립된 서버처럼 쓰게 해 주는 환경.",
    "컨테이너란?": "앱과 실행 환경을 묶어 격리해서 실행하는 단위.",
    "도커란?": "컨테이너를 만들고 실행하는 도구.",
}

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


async def test_korean_times_a_basic_card_as_options_and_one_reveal_time_everywhere(
    emu: Emulator, tmp_path: Path
) -> None:
    guild = emu.add_guild("스터디", locale="ko")
    channel = emu.add_text_channel(guild, "quiz")
    admin = emu.add_user("admin", guild=guild, admin=True, locale="ko")
    ana = emu.add_user("ana", guild=guild, locale="ko")
    write_deck(tmp_path / "decks", DEFINITIONS_DECK, "defs.yaml")
    bot = await start_group_bot(emu, tmp_path, SEOUL_8AM)
    try:
        async def setup(at: str) -> str:
            options = {"channel": str(channel.id), "deck": "defs", "time": at}
            return embed_text(await (await emu.slash(admin, "daily setup", options,
                                                     guild=guild)).response())

        # Times as Korean admins say them (and as English ones write them).
        assert "매일 09:00(Asia/Seoul)" in await setup("오전 9시")
        assert "매일 09:30(Asia/Seoul)" in await setup("9시 30분")
        assert "매일 19:00(Asia/Seoul)" in await setup("7pm")
        refused = await setup("아홉시쯤")
        assert "시각으로 읽을 수 없어요" in refused and "`저녁 7시 반`" in refused
        assert "매일 19:00(Asia/Seoul)" in await setup("저녁 7시")

        # Posted now at 08:00, revealed 8 h later: the reply, the post and /daily status
        # all name the same instant the same way.
        done = embed_text(await (await emu.slash(admin, "daily post-now", guild=guild,
                                                 channel=channel)).response())
        reveal = "2026-11-25 16:00 (Asia/Seoul)"
        assert f"정답 공개: {reveal}" in done
        [post] = posts_in(emu, channel)
        assert field(post, "정답 공개").startswith(reveal)
        status = embed_text(await (await emu.slash(admin, "daily status",
                                                   guild=guild)).response())
        assert f"다음 공개: {reveal}" in status
        assert field(post, "정답 공개") in status

        # A basic card is asked as a choice among the deck's other definitions; the one
        # "문제점" question, with nothing of its kind beside it, is never asked.
        question = str(post.embeds[0].get("description")).split("\n")[0]
        assert question in ANSWERS
        labels = [str(b["label"]) for b in post.buttons()]
        assert [label.split(". ", 1)[1] for label in labels] == [
            line.split(". ", 1)[1] for line in str(post.embeds[0].get("description"))
            .split("\n\n", 1)[1].splitlines()]
        assert {label.split(". ", 1)[1] for label in labels} == set(ANSWERS.values())
        right = next(label for label in labels if label.endswith(ANSWERS[question]))
        reply = await (await emu.click(ana, post, label=right)).response()
        assert reply.ephemeral and "정답이에요! +13점" in embed_text(reply)
    finally:
        assert await bot.stop() == 0
    assert "Traceback" not in bot.stderr()


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

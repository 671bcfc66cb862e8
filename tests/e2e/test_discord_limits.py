"""Every screen at the deck format's own limits, and with more decks than a list can show.

Deck text may be 10,000 characters a field (bot.decks.limits); Discord refuses
a message whose embeds hold more than 6,000 in all (400, code 50035), and the
emulator refuses it the same way (tests/emulator/validation.py).  The real bot
serves a deck whose every text is as long as the format allows and 30 more
decks with the longest titles, and a learner, a maintainer and a server admin
go through every screen: nothing Discord would refuse is ever sent.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from bot.decks.limits import MAX_CHOICES, MAX_TEXT_CHARS, MAX_TITLE_CHARS
from bot.jobs.clock import ENV_VAR
from tests.e2e.daily_support import SEOUL_8AM, clock_path, set_clock
from tests.e2e.support_bot import BotProcess, by_kind, card_text, start_bot, write_deck
from tests.emulator import Channel, Emulator, Guild, SimUser, StoredMessage

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

#: More decks than a message can list (25 fields, 25 buttons, 25 choices).
EXTRA_DECKS = 30
#: More daily channels than an embed has fields.
DAILY_CHANNELS = 26
TITLE = ("클라우드와 가상화 기초 " * 20)[: MAX_TITLE_CHARS - 1] + "끝"


def words(seed: str, length: int = MAX_TEXT_CHARS) -> str:
    """Text of exactly ``length`` characters, in words, as a long note would be."""
    body = (seed + " ") * (length // (len(seed) + 1) + 1)
    return body[: length - 1] + "."


def longest_deck() -> str:
    cloze = (words("가상머신은 하드웨어를 나눠 쓰는", 4000) + " {{c1::"
             + words("하이퍼바이저", 2000) + "}} " + words("위에서 돌아가요", 3000)
             + " {{c2::" + words("게스트", 900) + "}}")
    assert len(cloze) <= MAX_TEXT_CHARS
    choices = [f"{i}번 " + words("보기 설명", MAX_TEXT_CHARS - 4) for i in range(MAX_CHOICES)]
    cards = [
        {"id": "basic001", "type": "basic", "front": words("하이퍼바이저란 무엇인가요"),
         "back": words("가상머신을 만들고 돌리는 소프트웨어 계층")},
        {"id": "choice01", "type": "choice", "front": words("다음 중 맞는 것은"),
         "choices": choices, "answer": choices[7], "back": words("해설")},
        {"id": "cloze001", "type": "cloze", "text": cloze, "back": words("참고 설명")},
        {"id": "typed001", "type": "typed", "front": words("전화번호부에 비유되는 시스템은"),
         "back": words("도메인 이름 시스템"), "accept": [words("디엔에스")]},
    ]
    lines = ["deck: longest", f"title: {json.dumps(TITLE, ensure_ascii=False)}", "lang: ko",
             "cards:"]
    for card in cards:
        first = True
        for key, value in card.items():
            lines.append(("  - " if first else "    ") + f"{key}: "
                         + json.dumps(value, ensure_ascii=False))
            first = False
    return "\n".join(lines) + "\n"


def small_deck(index: int) -> str:
    title = (f"{index:02d}번 덱 " + "아주 긴 제목 " * 40)[:MAX_TITLE_CHARS]
    return (f"deck: deck-{index:02d}\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"lang: ko\ncards:\n  - id: q{index:07d}\n    type: basic\n"
            f"    front: {index}번 질문\n    back: {index}번 답\n")


@dataclass
class Stage:
    emu: Emulator
    guild: Guild
    bot: BotProcess
    workdir: Path
    maya: SimUser  # a maintainer (owner) and server admin

    def refused(self) -> list[str]:
        """Every request Discord would have refused with 400 (too long, too many, ...)."""
        return [f"{r.method} {r.path}: {r.status}" for r in self.emu.requests()
                if r.status == 400]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stage(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stage]:
    workdir = tmp_path_factory.mktemp("limits")
    decks = workdir / "decks"
    write_deck(decks, longest_deck(), "longest.yaml")
    for index in range(EXTRA_DECKS):
        write_deck(decks, small_deck(index), f"deck-{index:02d}.yaml")
    set_clock(workdir, SEOUL_8AM)
    async with Emulator() as emu:
        guild = emu.add_guild("Limits", locale="ko")
        maya = emu.add_user("maya", guild=guild, admin=True, locale="ko")
        bot = await start_bot(emu, workdir, within=60.0, extra={
            "STUDYBOT_OWNER_IDS": f"[{maya.id}]", "STUDYBOT_NEW_PER_DAY": "50",
            ENV_VAR: str(clock_path(workdir))})
        try:
            yield Stage(emu, guild, bot, workdir, maya)
        finally:
            code = await bot.stop()
        assert code == 0, bot.stderr()
        assert "Traceback" not in bot.stderr(), bot.stderr()
        assert emu.missed_deadlines() == []


def embed_total(message: StoredMessage) -> int:
    total = 0
    for embed in message.embeds:
        total += len(embed.get("title") or "") + len(embed.get("description") or "")
        total += len((embed.get("footer") or {}).get("text") or "")
        total += sum(len(f.get("name") or "") + len(f.get("value") or "")
                     for f in embed.get("fields") or [])
    return total


async def test_a_whole_session_of_the_longest_cards(stage: Stage) -> None:
    emu = stage.emu
    ana = emu.add_user("ana", guild=stage.guild, locale="ko")
    await (await emu.slash(ana, "study", {"deck": "longest"})).response(within=10)
    card = emu.dm_messages(ana)[-1]
    seen: set[str] = set()
    for _ in range(12):
        assert stage.refused() == []
        assert card.embeds and embed_total(card) <= 6000
        # Item 7: the card is headed by its deck's title, not "longest · 기본".
        assert (card.embeds[-1].get("title") or "").startswith("클라우드와 가상화 기초")
        if by_kind(card, "show"):
            handle = await emu.click(ana, card, custom_id=by_kind(card, "show")[0])
            revealed = await handle.response()
            assert stage.refused() == [], "revealing a card at the limits was refused"
            assert len(revealed.embeds[-1].get("fields") or []) >= 1
            seen.add("show")
            good = next(c for c in by_kind(revealed, "grade") if c.endswith(":4"))
            card = await (await emu.click(ana, revealed, custom_id=good)).response()
        elif by_kind(card, "type"):
            opened = await emu.click(ana, card, custom_id=by_kind(card, "type")[0])
            modal = await opened.modal()
            card = await (await emu.submit_modal(ana, modal, {"sb:answer": "모르겠어요"})
                          ).response()
            assert "모르겠어요" in card_text(card)  # the result above the next card
            seen.add("type")
        elif by_kind(card, "pick"):
            assert len(by_kind(card, "pick")) == MAX_CHOICES
            card = await (await emu.click(ana, card, custom_id=by_kind(card, "pick")[0])
                          ).response()
            seen.add("pick")
        else:
            break
        if seen == {"show", "type", "pick"}:
            break
    assert seen == {"show", "type", "pick"}
    assert stage.refused() == []
    assert embed_total(card) <= 6000
    done = await (await emu.click(ana, card, custom_id=by_kind(card, "stop")[0])).response()
    assert done.embeds and stage.refused() == []


async def test_lists_of_more_decks_than_a_message_holds(stage: Stage) -> None:
    emu, maya, guild = stage.emu, stage.maya, stage.guild
    listing = await (await emu.slash(maya, "decks")).response()
    assert len(listing.buttons()) <= 25 and embed_total(listing) <= 6000
    info = await (await emu.slash(maya, "deck info", guild=guild)).response(within=10)
    assert stage.refused() == [], "/deck info over 31 decks was refused"
    shown = len(info.embeds[0].get("fields") or [])
    assert 0 < shown <= 25
    assert f"덱 {EXTRA_DECKS + 1 - shown}개가 더 있어요" in card_text(info)
    assert "basic" not in card_text(info) and "기본" not in card_text(info)  # summaries
    one = await (await emu.slash(maya, "deck info", {"deck": "longest"}, guild=guild)
                 ).response()
    assert "기본 1장 · 객관식 1장 · 빈칸 1장 · 주관식 1장" in card_text(one)
    leeches = await (await emu.slash(maya, "deck leeches", guild=guild)).response(within=10)
    assert leeches.embeds and stage.refused() == []
    choices = await emu.autocomplete(maya, "deck info", {"deck": "덱"}, "deck", guild=guild)
    assert len(choices) == 25
    log = emu.add_text_channel(guild, "deck-log")
    await (await emu.slash(maya, "deck log-channel", {"channel": str(log.id)}, guild=guild)
           ).response()
    reloaded = await (await emu.slash(maya, "deck reload", guild=guild)).response(within=20)
    assert "longest: 추가 0" in card_text(reloaded)
    await emu.wait_for(lambda: emu.channel_messages(log), within=10)
    assert stage.refused() == []


async def test_daily_questions_of_the_longest_cards_in_many_channels(stage: Stage) -> None:
    emu, maya, guild = stage.emu, stage.maya, stage.guild
    channels: list[Channel] = [emu.add_text_channel(guild, f"daily-{i:02d}")
                               for i in range(DAILY_CHANNELS)]
    await emu.announce_guild(guild)
    for channel in channels:
        options = {"channel": str(channel.id), "deck": "longest", "time": "21:00",
                   "timezone": "Asia/Seoul", "reveal_after": "1h"}
        done = await (await emu.slash(maya, "daily setup", options, guild=guild)).response()
        assert "21:00" in card_text(done), card_text(done)
    status = await (await emu.slash(maya, "daily status", guild=guild)).response()
    assert stage.refused() == [], "/daily status over 26 channels was refused"
    shown = len(status.embeds[0].get("fields") or [])
    assert f"채널 {DAILY_CHANNELS - shown}개가 더 있어요" in card_text(status)
    first = channels[0]
    await (await emu.slash(maya, "daily post-now", guild=guild, channel=first)).response()
    [post] = [m for m in emu.channel_messages(first) if m.embeds]
    assert embed_total(post) <= 6000
    set_clock(stage.workdir, SEOUL_8AM + timedelta(hours=1, minutes=1))
    revealed = await emu.wait_for(lambda: post if len(post.history) > 0 else None, within=15)
    assert embed_total(revealed) <= 6000 and stage.refused() == []

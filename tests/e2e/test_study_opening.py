"""A first /study with many decks loaded, and the mistakes review, with the real bot.

A learner who studies no deck yet is asked which one (a select menu within
Discord's limits, decks in their language first) instead of being enrolled in
every deck; choosing starts that deck.  `/study mode: 틀린 카드` goes over the
cards missed lately without moving their schedule.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.support_bot import (
    BotProcess,
    Learner,
    card_text,
    query,
    review_log,
    review_states,
    start_bot,
    write_deck,
)
from tests.emulator import Emulator, Guild, SimUser, StoredMessage

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

KO_DECK = """\
deck: cloud-ko
title: 클라우드 기초
lang: ko
cards:
  - id: k0000001
    type: basic
    front: IaaS란?
    back: 인프라만 빌려 쓰는 클라우드 서비스
"""
#: Fillers: with the two decks above, more decks than a select menu's 25 options.
FILLERS = 27
LONG_TITLE = "Very long title " * 10  # 160 characters: over a select option's 100


def filler(number: int) -> str:
    title = LONG_TITLE.strip() if number == 0 else f"Zeta filler {number:02d}"
    return (f"deck: filler-{number:02d}\ntitle: {title}\nlang: en\ncards:\n"
            f"  - id: f{number:07d}\n    type: basic\n    front: Question {number}?\n"
            f"    back: Answer {number}\n")


class Stage:
    def __init__(self, emu: Emulator, guild: Guild, bot: BotProcess) -> None:
        self.emu, self.guild, self.bot = emu, guild, bot

    def enrolled(self, user: SimUser) -> list[str]:
        return [d for (d,) in query(self.bot.db_path,
                                    "SELECT deck_id FROM enrollments WHERE user_id = ?", user.id)]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stage(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stage]:
    workdir: Path = tmp_path_factory.mktemp("opening")
    decks = workdir / "decks"
    write_deck(decks)
    write_deck(decks, KO_DECK, "cloud-ko.yaml")
    for number in range(FILLERS):
        write_deck(decks, filler(number), f"filler-{number:02d}.yaml")
    async with Emulator() as emu:
        guild = emu.add_guild("Study Group")
        bot = await start_bot(emu, workdir)
        try:
            yield Stage(emu, guild, bot)
        finally:
            code = await bot.stop()
        assert code == 0, bot.stderr()
        assert "Traceback" not in bot.stderr(), bot.stderr()
        assert emu.missed_deadlines() == []


def menu_options(message: StoredMessage) -> list[dict[str, str]]:
    [menu] = [c for c in message.buttons() if c.get("type") == 3]
    return list(menu["options"])


async def test_several_decks_ask_which_one_in_the_learners_language_first(stage: Stage) -> None:
    emu = stage.emu
    min_ = emu.add_user("min", guild=stage.guild, locale="ko")
    asked = await (await emu.slash(min_, "study", guild=stage.guild)).response()
    assert asked.ephemeral
    assert asked.embeds[0]["title"] == "어떤 덱을 공부할까요?"
    assert "덱 29개 중 25개만 보여요. 나머지는 `/덱`에서 고를 수 있어요." in card_text(asked)
    options = menu_options(asked)
    assert len(options) == 25  # Discord's limit; the emulator refuses more, and long labels
    first = options[0]
    assert (first["label"], first["value"], first["description"]) == (
        "클라우드 기초", "cloud-ko", "한국어 · 1장")
    assert [o["value"] for o in options[1:3]] == ["mini", "filler-00"]  # then by title
    assert all(len(o["label"]) <= 100 for o in options)
    assert any(o["label"].startswith("Very long title") and o["label"].endswith("…")
               for o in options)
    # Asking is not joining: nothing was written for this learner.
    assert stage.enrolled(min_) == [] and emu.dm_messages(min_) == []

    chosen = await (await emu.select(min_, asked, ["cloud-ko"])).response()
    assert chosen.content == ("이제 '클라우드 기초' 덱을 공부해요. 다른 덱은 `/덱`에서 더할 수 "
                              "있어요.\nDM으로 카드를 보냈어요. DM을 확인해 주세요!")
    await emu.wait_for(lambda: emu.dm_messages(min_))
    [card] = emu.dm_messages(min_)
    assert card.content.startswith("이제 '클라우드 기초' 덱을 공부해요.")
    assert card.embeds[-1]["title"] == "클라우드 기초"
    assert "IaaS란?" in card_text(card)
    assert stage.enrolled(min_) == ["cloud-ko"]
    # From now on /study goes straight to the learner's deck.
    again = await (await emu.slash(min_, "study", guild=stage.guild)).response()
    assert again.content == "DM으로 카드를 보냈어요. DM을 확인해 주세요!"


async def test_an_english_learner_sees_english_decks_first_and_only_the_owner_picks(
    stage: Stage,
) -> None:
    emu = stage.emu
    ann = emu.add_user("ann", guild=stage.guild)
    other = emu.add_user("oli", guild=stage.guild)
    asked = await (await emu.slash(ann, "study")).response()  # in DMs this time
    assert asked.embeds[0]["title"] == "Which deck would you like to study?"
    options = menu_options(asked)
    assert (options[0]["value"], options[0]["description"]) == ("mini", "English · 5 cards")
    assert "cloud-ko" not in [o["value"] for o in options]  # the last: past the 25 shown
    refused = await (await emu.select(other, asked, ["mini"], force=True)).response()
    assert refused.ephemeral and "someone else" in card_text(refused)
    assert stage.enrolled(other) == [] and stage.enrolled(ann) == []
    card = await (await emu.select(ann, asked, ["mini"])).response()
    assert card.content == "You're now studying 'Mini deck'. `/decks` adds other decks."
    assert card.embeds[-1]["title"] == "Mini deck"
    assert stage.enrolled(ann) == ["mini"]


async def test_the_mistakes_review_goes_over_missed_cards_without_rescheduling(
    stage: Stage,
) -> None:
    emu = stage.emu
    kai = emu.add_user("kai", guild=stage.guild)
    nothing = await (await emu.slash(kai, "study", {"deck": "mini", "mode": "mistakes"})
                     ).response()
    assert nothing.content == "You haven't missed a card in the last 7 days: nothing to go over."
    card = await (await emu.slash(kai, "study", {"deck": "mini"})).response()
    await Learner(emu, kai, wrong_once={"empty room", "phone book"}).finish(card)
    states = review_states(stage.bot.db_path, kai)
    logged = len(review_log(stage.bot.db_path, kai))

    card = await (await emu.slash(kai, "study", {"mode": "mistakes"})).response()
    assert card.embeds[-1]["footer"]["text"] == "2 missed cards left"
    learner = Learner(emu, kai, wrong_once={"phone book"})  # missed again: shown once all the same
    done = await learner.finish(card, limit=3)
    lines = str(done.embeds[-1]["description"]).split("\n")
    assert done.embeds[-1]["title"] == "This session"
    assert lines[:2] == ["You went over 2 cards you had missed and got 1 right (50%).",
                         "A mistakes review never changes when cards come back."]
    assert "Nothing left for today." in lines
    assert review_states(stage.bot.db_path, kai) == states
    kinds = [kind for _, _, kind, _ in review_log(stage.bot.db_path, kai)[logged:]]
    assert kinds == ["drill", "drill"]


async def test_the_mistakes_review_reads_korean(stage: Stage) -> None:
    emu = stage.emu
    yun = emu.add_user("yun", guild=stage.guild, locale="ko")
    reply = await (await emu.slash(yun, "study", {"deck": "cloud-ko", "mode": "mistakes"})
                   ).response()
    assert reply.content == "최근 7일 동안 틀린 카드가 없어요. 다시 풀어 볼 카드가 없네요!"

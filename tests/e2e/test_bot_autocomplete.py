"""The real bot's autocompletes while a learner types: /settings timezone and /study deck.

Discord asks the bot on every keystroke and shows nothing unless it answers
within 3 s with at most 25 valid choices; the emulator checks all of that, so
these tests assert what the learner sees in the list and that picking an
entry works.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import pytest
import pytest_asyncio

from tests.e2e.support_bot import REPO, BotProcess, query, start_bot, write_deck
from tests.emulator import Emulator, Guild

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

SHIPPED_DECK = "cloud-basics"
SHIPPED_TITLE = "클라우드와 가상화 기초"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        emulator.add_guild("Study Group")
        yield emulator
        assert emulator.missed_deadlines() == []


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(emu: Emulator, tmp_path_factory: pytest.TempPathFactory
              ) -> AsyncIterator[BotProcess]:
    workdir = tmp_path_factory.mktemp("autocomplete-bot")
    shutil.copytree(REPO / "decks", workdir / "decks")  # the deck shipped with the bot
    write_deck(workdir / "decks")                       # and the tests' mini deck
    process = await start_bot(emu, workdir)
    yield process
    assert await process.stop() == 0
    assert "Traceback" not in process.stderr(), process.stderr()


def _guild(emu: Emulator) -> Guild:
    return next(iter(emu.world.guilds.values()))


def _values(choices: list[dict[str, Any]]) -> list[Any]:
    return [c["value"] for c in choices]


def _seoul_clock_between(start: datetime, end: datetime) -> set[str]:
    """Every HH:MM Seoul showed while the bot was answering (a minute may turn)."""
    seoul = ZoneInfo("Asia/Seoul")
    shown, moment = set(), start
    while moment <= end + timedelta(minutes=1):
        shown.add(moment.astimezone(seoul).strftime("%H:%M"))
        moment += timedelta(minutes=1)
    return shown


async def test_seoul_typed_in_english_offers_asia_seoul_first_with_its_clock(
    emu: Emulator, bot: BotProcess
) -> None:
    guild = _guild(emu)
    ann = emu.add_user("ann", guild=guild)
    before = datetime.now(UTC)
    choices = await emu.autocomplete(ann, "settings", {"timezone": "seoul"}, "timezone",
                                     guild=guild)
    after = datetime.now(UTC)
    assert _values(choices)[0] == "Asia/Seoul"
    name = choices[0]["name"]
    assert name.startswith("Asia/Seoul (")
    assert name[len("Asia/Seoul ("):-1] in _seoul_clock_between(before, after)
    assert all("seoul" in v.casefold() for v in _values(choices))  # nothing unrelated


async def test_seoul_typed_in_korean_offers_asia_seoul(emu: Emulator, bot: BotProcess) -> None:
    bora = emu.add_user("bora", locale="ko")
    choices = await emu.autocomplete(bora, "settings", {"timezone": "서울"}, "timezone")
    assert _values(choices)[0] == "Asia/Seoul"
    partly = await emu.autocomplete(bora, "settings", {"timezone": "서"}, "timezone")
    assert "Asia/Seoul" in _values(partly)  # while still typing the first syllable


async def test_a_korean_client_with_nothing_typed_sees_asia_seoul_first(
    emu: Emulator, bot: BotProcess
) -> None:
    guild = _guild(emu)
    chul = emu.add_user("chul", locale="ko", guild=guild)
    choices = await emu.autocomplete(chul, "settings", focused="timezone", guild=guild)
    assert _values(choices)[0] == "Asia/Seoul"
    assert len(choices) == 25  # a full list to scroll, not just one entry


@pytest.mark.parametrize("typed", ["a", "", "america", "Europe/", "e"])
async def test_broad_text_is_cut_to_discords_25_distinct_real_zones(
    emu: Emulator, bot: BotProcess, typed: str
) -> None:
    dan = emu.add_user(f"dan-{typed or 'empty'}")
    choices = await emu.autocomplete(dan, "settings", {"timezone": typed}, "timezone")
    values = _values(choices)
    assert len(values) == 25
    assert len(set(values)) == 25
    assert set(values) <= available_timezones()


@pytest.mark.parametrize("typed", [
    "   ", "🙂", "%", "a" * 100, "seol", "new_york", "NEW YORK", "etc/gmt+9", "ㅅ", "/",
])
async def test_odd_text_still_gets_a_valid_answer_in_time(
    emu: Emulator, bot: BotProcess, typed: str
) -> None:
    eun = emu.add_user("eun", locale="ko")
    choices = await emu.autocomplete(eun, "settings", {"timezone": typed}, "timezone")
    assert len(choices) <= 25
    assert set(_values(choices)) <= available_timezones()
    if typed == "seol":  # a typo still finds the city
        assert "Asia/Seoul" in _values(choices)
    if typed.casefold().replace("_", " ") == "new york":
        assert _values(choices)[0] == "America/New_York"


async def test_picking_an_offered_zone_saves_it(emu: Emulator, bot: BotProcess) -> None:
    fin = emu.add_user("fin")
    choices = await emu.autocomplete(fin, "settings", {"timezone": "new yo"}, "timezone")
    picked = choices[0]["value"]
    assert picked == "America/New_York"
    saved = await (await emu.slash(fin, "settings", {"timezone": picked})).response()
    assert saved.embeds[0]["title"] == "Settings saved"
    assert query(bot.db_path, "SELECT timezone FROM users WHERE id = ?", fin.id) == [
        ("America/New_York",)]


async def test_study_deck_lists_the_loaded_decks(emu: Emulator, bot: BotProcess) -> None:
    guild = _guild(emu)
    gil = emu.add_user("gil", guild=guild)
    everything = await emu.autocomplete(gil, "study", focused="deck", guild=guild)
    assert set(_values(everything)) == {SHIPPED_DECK, "mini"}
    names = {c["value"]: c["name"] for c in everything}
    assert names[SHIPPED_DECK] == f"{SHIPPED_TITLE} ({SHIPPED_DECK})"
    assert names["mini"] == "Mini deck (mini)"
    for typed in ("cloud", "CLOUD", "클라우드", "가상화"):  # by id or by title
        found = await emu.autocomplete(gil, "study", {"deck": typed}, guild=guild)
        assert _values(found) == [SHIPPED_DECK], typed
    assert _values(await emu.autocomplete(gil, "study", {"deck": "mini"}, guild=guild)) == [
        "mini"]
    assert await emu.autocomplete(gil, "study", {"deck": "kubernetes"}, guild=guild) == []


async def test_the_offered_deck_starts_a_session_on_it(emu: Emulator, bot: BotProcess) -> None:
    hana = emu.add_user("hana", locale="ko")
    picked = (await emu.autocomplete(hana, "study", {"deck": "클라우드"}))[0]["value"]
    card = await (await emu.slash(hana, "study", {"deck": picked})).response()
    assert card.buttons(), card.content  # a card to answer, not "unknown deck"
    shown = card.embeds[-1]
    assert picked == SHIPPED_DECK and shown["title"] == SHIPPED_TITLE  # headed by its title
    assert shown["description"] in (REPO / "decks" / f"{SHIPPED_DECK}.yaml").read_text()


@pytest.mark.parametrize(("typed", "locale"), [
    ("korea", "en-US"),
    ("KST", "en-US"),
    ("서울시", "ko"),
    ("서울특별시", "ko"),
])
async def test_how_learners_name_korean_time_finds_asia_seoul(
    emu: Emulator, bot: BotProcess, typed: str, locale: str
) -> None:
    ivy = emu.add_user(f"ivy-{locale}", locale=locale)
    choices = await emu.autocomplete(ivy, "settings", {"timezone": typed}, "timezone")
    assert "Asia/Seoul" in _values(choices)

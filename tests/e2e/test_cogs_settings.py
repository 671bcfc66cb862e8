"""/settings with the real bot: show, change, refuse; and Korean command names."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import pytest_asyncio

from bot.srs import SchedulerKind, Scheduling, fuzz_source, next_reviews, study_date
from bot.srs.fsrs_review import FsrsConfig, FsrsState
from bot.srs.grades import Grade
from tests.e2e.support_bot import BotProcess, card_text, query, start_bot, write_deck
from tests.emulator import Emulator, Guild, SimUser

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        emulator.add_guild("Study Group")
        yield emulator


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(emu: Emulator, tmp_path_factory: pytest.TempPathFactory
              ) -> AsyncIterator[BotProcess]:
    workdir = tmp_path_factory.mktemp("settings-bot")
    write_deck(workdir / "decks")
    process = await start_bot(emu, workdir)
    yield process
    assert await process.stop() == 0
    assert "Traceback" not in process.stderr()


def _guild(emu: Emulator) -> Guild:
    return next(iter(emu.world.guilds.values()))


def _stored(bot: BotProcess, user: SimUser) -> tuple[object, ...] | None:
    rows = query(bot.db_path, "SELECT timezone, locale, new_per_day, reviews_per_day, "
                 "rollover_hour FROM users WHERE id = ?", user.id)
    return rows[0] if rows else None


def _fields(embed: dict[str, object]) -> dict[str, str]:
    fields = embed.get("fields") or []
    assert isinstance(fields, list)
    return {f["name"]: f["value"] for f in fields}


async def test_settings_command_is_localized_for_korean_clients(
    emu: Emulator, bot: BotProcess
) -> None:
    commands = {c["name"]: c for c in emu.commands()}
    assert {"decks", "settings", "stats", "help"} <= set(commands)
    settings = commands["settings"]
    assert settings["name_localizations"]["ko"] == "설정"
    assert settings["description_localizations"]["ko"].startswith("시간대")
    options = {o["name"]: o for o in settings["options"]}
    assert options["timezone"]["autocomplete"] is True
    assert options["timezone"]["name_localizations"]["ko"] == "시간대"
    assert (options["new_per_day"]["min_value"], options["new_per_day"]["max_value"]) == (0, 1000)
    assert {c["value"]: c["name_localizations"]["ko"] for c in options["language"]["choices"]}[
        "ko"
    ] == "한국어"
    for name in ("decks", "stats", "help"):
        assert commands[name]["name_localizations"]["ko"]
        assert commands[name]["description_localizations"]["ko"]


async def test_show_then_change_several_settings(emu: Emulator, bot: BotProcess) -> None:
    guild = _guild(emu)
    dee = emu.add_user("dee", guild=guild)
    shown = await (await emu.slash(dee, "settings", guild=guild)).response()
    assert shown.ephemeral
    fields = _fields(shown.embeds[0])
    assert fields["Time zone"].startswith("Asia/Seoul")
    assert fields["New cards per day"] == "20"
    handle = await emu.slash(dee, "settings", {"timezone": "america/new york",
                                               "new_per_day": 5, "rollover_hour": 6},
                             guild=guild)
    saved = await handle.response()
    assert saved.embeds[0]["title"] == "Settings saved"
    fields = _fields(saved.embeds[0])
    assert fields["Time zone"].startswith("America/New_York (now ")
    assert fields["New cards per day"] == "5"
    assert fields["Study day starts at"] == "06:00"
    assert _stored(bot, dee) == ("America/New_York", None, 5, 200, 6)


async def test_a_bad_zone_is_refused_with_suggestions_and_nothing_saved(
    emu: Emulator, bot: BotProcess
) -> None:
    eve = emu.add_user("eve")
    handle = await emu.slash(eve, "settings", {"timezone": "Asia/Seol", "new_per_day": 7})
    refused = await handle.response()
    body = card_text(refused)
    assert "Nothing was saved" in body
    assert "`Asia/Seol` is not a time zone I know" in body
    assert "`Asia/Seoul`" in body  # the closest match is offered
    stored = _stored(bot, eve)
    assert stored is None or stored[2] == 20


async def test_out_of_range_numbers_are_refused_in_korean(emu: Emulator, bot: BotProcess) -> None:
    # Discord's client enforces min/max, but a crafted request must still be refused.
    fay = emu.add_user("fay", locale="ko")
    refused = await (await emu.slash(fay, "settings", {"rollover_hour": 24})).response()
    body = card_text(refused)
    assert "설정을 저장하지 못했어요" in body
    assert "하루 시작 시각: 0부터 23까지의 값만 쓸 수 있어요. (입력한 값: 24)" in body
    stored = _stored(bot, fay)
    assert stored is None or stored[4] == 4


async def test_choosing_a_language_answers_in_it_at_once(emu: Emulator, bot: BotProcess) -> None:
    gus = emu.add_user("gus", locale="en-US")
    saved = await (await emu.slash(gus, "settings", {"language": "ko"})).response()
    assert saved.embeds[0]["title"] == "설정을 저장했어요"
    assert _stored(bot, gus) == ("Asia/Seoul", "ko", 20, 200, 4)
    helped = await (await emu.slash(gus, "help")).response()
    assert helped.embeds[0]["title"] == "studybot 사용법"  # the saved choice beats the client
    back = await (await emu.slash(gus, "settings", {"language": "auto"})).response()
    assert back.embeds[0]["title"] == "Settings saved"
    assert _stored(bot, gus) == ("Asia/Seoul", None, 20, 200, 4)


async def test_choosing_fsrs_rebuilds_and_the_buttons_show_fsrs_intervals(
    emu: Emulator, bot: BotProcess
) -> None:
    """/settings scheduler:fsrs, then /study in DMs: each grade button shows the day FSRS
    (with its fuzz, from the face's own random source) schedules, and pressing it keeps it."""
    guild = _guild(emu)
    hal = emu.add_user("hal", guild=guild)
    saved = await (await emu.slash(hal, "settings", {"scheduler": "fsrs",
                                                     "desired_retention": 0.85},
                                   guild=guild)).response()
    fields = _fields(saved.embeds[0])
    assert fields["Scheduler"] == "FSRS (memory model)"
    assert fields["Desired retention (FSRS)"] == "0.85 (85%)"  # typed as 0.85, so shown so
    assert "worked out again from your review history" in saved.embeds[0]["description"]
    assert query(bot.db_path, "SELECT scheduler, desired_retention FROM users WHERE id = ?",
                 hal.id) == [("fsrs", 0.85)]

    await (await emu.slash(hal, "study", guild=guild)).response()
    await emu.wait_for(lambda: emu.dm_messages(hal))
    card = emu.dm_messages(hal)[-1]
    show = next(str(b["custom_id"]) for b in card.buttons()
                if str(b["custom_id"]).startswith("sb:show:"))
    shown = await (await emu.click(hal, card, custom_id=show)).response()
    [(card_pk,)] = query(bot.db_path, "SELECT pk FROM cards WHERE card_id = 'b0000001'")
    today = study_date(datetime.now(UTC), "Asia/Seoul", 4)
    scheduling = Scheduling(SchedulerKind.FSRS, FsrsConfig(desired_retention=0.85))
    expected = next_reviews(FsrsState.new(), today, scheduling,
                            fuzz_source(f"{hal.id}:{card_pk}:1", today))
    grades = [b for b in shown.buttons() if str(b["custom_id"]).startswith("sb:grade:")]
    assert [b["label"] for b in grades] == [
        f"{name} · {expected[grade].days}d"
        for name, grade in (("Again", Grade.AGAIN), ("Hard", Grade.HARD), ("Good", Grade.GOOD),
                            ("Easy", Grade.EASY))
    ]
    assert expected[Grade.EASY].days > expected[Grade.GOOD].days  # FSRS: Easy goes further
    easy = next(str(b["custom_id"]) for b in grades if str(b["custom_id"]).endswith(":5"))
    await (await emu.click(hal, shown, custom_id=easy)).response()
    [(scheduler, due)] = query(
        bot.db_path, "SELECT scheduler, due FROM review_states WHERE user_id = ? AND "
        "card_pk = ?", hal.id, card_pk)
    assert (scheduler, str(due)) == ("fsrs", expected[Grade.EASY].due.isoformat())


async def test_a_retention_out_of_range_is_refused_in_korean(
    emu: Emulator, bot: BotProcess
) -> None:
    ivy = emu.add_user("ivy", locale="ko")
    refused = await (await emu.slash(ivy, "settings", {"desired_retention": 0.5,
                                                       "scheduler": "fsrs"})).response()
    body = card_text(refused)
    assert "목표 기억률 (FSRS): 0.7부터 0.97까지의 값만 쓸 수 있어요. (입력한 값: 0.5)" in body
    stored = query(bot.db_path, "SELECT scheduler FROM users WHERE id = ?", ivy.id)
    assert stored in ([], [(None,)])  # nothing saved, not even the scheduler

"""/exam, an exam in /stats and /daily setup, and a backlog told at /study, with the real bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
import pytest_asyncio

from bot.srs import study_date
from tests.e2e.support_bot import (
    BotProcess,
    Learner,
    card_text,
    query,
    start_bot,
    write_deck,
)
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
    workdir = tmp_path_factory.mktemp("exam-bot")
    write_deck(workdir / "decks")
    process = await start_bot(emu, workdir)
    yield process
    assert await process.stop() == 0
    assert "Traceback" not in process.stderr()


def _guild(emu: Emulator) -> Guild:
    return next(iter(emu.world.guilds.values()))


def _today() -> date:
    return study_date(datetime.now(UTC), "Asia/Seoul", 4)


async def _finish_deck(emu: Emulator, user: SimUser, guild: Guild) -> None:
    await (await emu.slash(user, "study", guild=guild)).response()
    await emu.wait_for(lambda: emu.dm_messages(user))
    done = await Learner(emu, user).finish(emu.dm_messages(user)[-1])
    assert "Done for now" in card_text(done)


async def test_an_exam_is_set_shown_in_stats_and_cleared(emu: Emulator, bot: BotProcess) -> None:
    guild = _guild(emu)
    ana = emu.add_user("ana", guild=guild)
    exam = _today() + timedelta(days=20)
    refused = await (await emu.slash(ana, "exam set", {"date": exam.isoformat()},
                                     guild=guild)).response()
    assert "You do not study any deck yet" in card_text(refused)
    bad = await (await emu.slash(ana, "exam set", {"date": "someday", "deck": "mini"},
                                 guild=guild)).response()
    assert "I could not read `someday` as a date" in card_text(bad)
    past = await (await emu.slash(ana, "exam set", {"date": _today().isoformat(),
                                                    "deck": "mini"}, guild=guild)).response()
    assert "must be tomorrow or later" in card_text(past)
    assert query(bot.db_path, "SELECT * FROM exam_dates") == []

    done = await (await emu.slash(ana, "exam set", {"date": exam.isoformat(), "deck": "mini"},
                                  guild=guild)).response()
    assert done.embeds[0]["title"] == "Exam date set"
    body = card_text(done)
    assert "Mini deck" in body and "20 days left" in body
    assert ("Your daily limit of new cards (20) is enough to see all 5 unseen cards twice"
            in body)
    assert query(bot.db_path, "SELECT deck_id, exam_date FROM exam_dates WHERE user_id = ?",
                 ana.id) == [("mini", exam.isoformat())]
    shown = await (await emu.slash(ana, "exam show", guild=guild)).response()
    assert "20 days left" in card_text(shown)
    stats = await (await emu.slash(ana, "stats", guild=guild)).response()
    assert "📅 Exam: Mini deck" in card_text(stats)
    assert "20 days left · 5 unseen · 20 new today" in card_text(stats)

    cleared = await (await emu.slash(ana, "exam clear", guild=guild)).response()
    assert "Exam date cleared" in card_text(cleared)
    again = await (await emu.slash(ana, "exam show", guild=guild)).response()
    assert "You have no exam date" in card_text(again)


async def test_an_exam_in_korean(emu: Emulator, bot: BotProcess) -> None:
    guild = _guild(emu)
    min_ = emu.add_user("min", guild=guild, locale="ko")
    exam = _today() + timedelta(days=40)
    commands = {c["name"]: c for c in emu.commands()}
    assert commands["exam"]["name_localizations"]["ko"] == "시험"
    done = await (await emu.slash(min_, "exam set",
                                  {"date": f"{exam.month}월 {exam.day}일", "deck": "mini"},
                                  guild=guild)).response()
    body = card_text(done)
    assert done.embeds[0]["title"] == "시험 날짜를 정했어요"
    assert "D-40" in body
    assert "시험까지 40일 남았어요. 지금처럼 하루에 새 카드 20장이면 아직 안 본 카드 5장을" in body


async def test_a_backlog_is_told_above_the_first_card(emu: Emulator, bot: BotProcess) -> None:
    guild = _guild(emu)
    cho = emu.add_user("cho", guild=guild)
    await _finish_deck(emu, cho, guild)
    await (await emu.slash(cho, "settings", {"reviews_per_day": 2}, guild=guild)).response()
    overdue = (_today() - timedelta(days=30)).isoformat()
    query(bot.db_path, "UPDATE review_states SET due = ? WHERE user_id = ?", overdue, cho.id)
    before = len(emu.dm_messages(cho))
    await (await emu.slash(cho, "study", guild=guild)).response()
    await emu.wait_for(lambda: len(emu.dm_messages(cho)) > before)
    first = emu.dm_messages(cho)[-1]
    # The first day held 4 faces (the cloze's second waits as the first's sibling).
    assert ("You have 4 reviews waiting. You get the most overdue first, 2 a day, and catch "
            "up in 2 days.") in card_text(first)
    # The day's share is the cap, counted as every screen counts it (the new sibling waits).
    assert card_text(first).endswith("2 left today")


async def test_a_study_group_names_its_exam_in_daily_setup(
    emu: Emulator, bot: BotProcess
) -> None:
    guild = _guild(emu)
    admin = emu.add_user("boss", guild=guild, admin=True)
    channel = emu.general(guild)
    options = {"channel": str(channel.id), "deck": "mini", "time": "09:00",
               "timezone": "Asia/Seoul", "exam_date": "soon"}
    refused = await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
    assert "is not an exam date I can use" in card_text(refused)
    assert query(bot.db_path, "SELECT count(*) FROM daily_configs") == [(0,)]
    local_today = datetime.now(UTC).astimezone().date()
    exam = local_today + timedelta(days=30)
    options["exam_date"] = exam.isoformat()
    done = await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
    assert "Every day at 09:00" in card_text(done)
    assert ("Members studying this deck get new cards paced so they can see every card at "
            "least twice") in card_text(done)
    assert query(bot.db_path, "SELECT exam_date FROM daily_configs") == [(exam.isoformat(),)]
    options["exam_date"] = "none"
    cleared = await (await emu.slash(admin, "daily setup", options, guild=guild)).response()
    assert "The group's exam date is cleared" in card_text(cleared)
    assert query(bot.db_path, "SELECT exam_date FROM daily_configs") == [(None,)]


async def test_help_tells_what_easy_does_and_the_schedulers(
    emu: Emulator, bot: BotProcess
) -> None:
    kim = emu.add_user("kim")
    body = card_text(await (await emu.slash(kim, "help")).response())
    assert "Under SM-2 the first two gaps (1 day, 6 days) are the same as Good's" in body
    assert "Each button shows how long until the next review if you press it" in body
    assert "Choose FSRS in `/settings`" in body
    assert "Set an exam date with `/exam set`" in body
    assert "most overdue for their gap first" in body
    assert "pushed further out" not in body  # what /help used to claim of every Easy

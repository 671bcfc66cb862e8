"""Personal study on Discord with the real bot process: DMs, buttons, modals, faults."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio

from bot.srs.day import study_date
from tests.e2e.support_bot import (
    MINI_DAY,
    BotProcess,
    Learner,
    by_kind,
    card_text,
    is_summary,
    labels,
    query,
    review_log,
    review_states,
    start_bot,
    write_deck,
)
from tests.emulator import Emulator, Guild, SimUser, StoredMessage

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]


class Stage:
    def __init__(self, emu: Emulator, guild: Guild, bot: BotProcess) -> None:
        self.emu, self.guild, self.bot = emu, guild, bot

    def user(self, name: str, **kwargs: object) -> SimUser:
        return self.emu.add_user(name, guild=self.guild, **kwargs)  # type: ignore[arg-type]

    async def study_in_dms(self, user: SimUser) -> StoredMessage:
        """/study in the server: a "check your DMs" reply, and the first card by DM."""
        before = len(self.emu.dm_messages(user))
        reply = await (await self.emu.slash(user, "study", guild=self.guild)).response()
        assert reply.ephemeral
        await self.emu.wait_for(lambda: len(self.emu.dm_messages(user)) > before)
        return self.emu.dm_messages(user)[-1]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stage(
    tmp_path_factory: pytest.TempPathFactory, bot_database: str
) -> AsyncIterator[Stage]:
    """One bot for the module; ``bot_database`` runs the module on SQLite, then PostgreSQL."""
    workdir = tmp_path_factory.mktemp("studybot")
    write_deck(workdir / "decks")
    async with Emulator() as emu:
        guild = emu.add_guild("Study Group")
        bot = await start_bot(emu, workdir)
        try:
            yield Stage(emu, guild, bot)
        finally:
            code = await bot.stop()
        assert code == 0, bot.stderr()
        assert "Traceback" not in bot.stderr(), bot.stderr()
        assert emu.token not in bot.stdout() + bot.stderr()
        assert emu.missed_deadlines() == []


async def test_a_session_of_every_card_type_in_dms(stage: Stage) -> None:
    """A first /study with one deck loaded joins it and says so beside the first card; the
    summary counts cards, not answers (a repeat is not a second card), as the terminal does."""
    ana = stage.user("ana")
    reply = await (await stage.emu.slash(ana, "study", guild=stage.guild)).response()
    assert reply.ephemeral
    assert reply.content == (
        "You're now studying 'Mini deck'. `/decks` adds other decks.\n"
        "I sent your cards by DM. Check your DMs!")
    await stage.emu.wait_for(lambda: stage.emu.dm_messages(ana))
    [first] = stage.emu.dm_messages(ana)
    assert first.content == "You're now studying 'Mini deck'. `/decks` adds other decks."
    assert f"{MINI_DAY} left today" in card_text(first)
    assert query(stage.bot.db_path, "SELECT deck_id FROM enrollments WHERE user_id = ?",
                 ana.id) == [("mini",)]
    learner = Learner(stage.emu, ana, wrong_once={"empty room"})
    done = await learner.finish(first)
    summary = done.embeds[-1]
    assert summary["title"] == "Done for now!"
    lines = str(summary["description"]).split("\n")
    assert lines[:3] == ["You answered 4 cards and got 3 right (75%).", "4 new · 1 repeated",
                         "Nothing left for today."]
    # The next review as a Discord timestamp: noon of tomorrow in the learner's zone.
    stamp = re.fullmatch(r"Next review: <t:(\d+):D>, 4 cards", lines[3])
    assert stamp is not None, lines[3]
    noon = datetime.fromtimestamp(int(stamp[1]), ZoneInfo("Asia/Seoul"))
    assert (noon.date(), noon.hour) == (study_date(datetime.now(UTC), "Asia/Seoul", 4)
                                        + timedelta(days=1), 12)
    assert lines[4:] == ["Study streak: 1 day."]
    assert "Left for today" not in card_text(done) and "0 cards" not in card_text(done)

    log = review_log(stage.bot.db_path, ana)
    assert sorted((card, face) for card, face, kind, _ in log if kind != "drill") == [
        ("b0000001", 1), ("c0000001", 1), ("t0000001", 1), ("z0000001", 1)]
    # The missed choice was drilled until right: logged, but the schedule is the lapse's.
    assert [(card, kind, q) for card, _, kind, q in log if card == "c0000001"] == [
        ("c0000001", "new", 1), ("c0000001", "drill", 4)]
    states = review_states(stage.bot.db_path, ana)
    assert states[("c0000001", 1)] == (196, 0, 1)  # EF 2.5 - 0.54 after q=1
    assert states[("b0000001", 1)] == (250, 1, 1)  # Good: EF unchanged, first interval
    assert states[("t0000001", 1)] == (250, 1, 1)
    assert len(states) == MINI_DAY


async def test_wrong_pick_shows_the_right_answer_and_typed_feedback(stage: Stage) -> None:
    cho = stage.user("cho")
    message = await stage.study_in_dms(cho)
    learner = Learner(stage.emu, cho, wrong_once={"empty room", "phone book"})
    seen: list[str] = []
    while not is_summary(message):
        message = await learner.step(message)
        seen.append(card_text(message))
    wrong_pick = next(s for s in seen if "Not quite" in s and "IaaS" in s)
    assert "Answer\nIaaS" in wrong_pick
    assert "You install everything above the operating system." in wrong_pick  # extra
    wrong_typed = next(s for s in seen if "Your answer\nno idea" in s)
    assert "Answer\nDNS" in wrong_typed


async def test_double_click_records_one_review(stage: Stage) -> None:
    ben = stage.user("ben")
    first = await stage.study_in_dms(ben)
    shown = await (await stage.emu.click(ben, first, label=labels(first)[0])).response()
    one = await stage.emu.click(ben, shown, label="Good · 1d")
    two = await stage.emu.click(ben, shown, label="Good · 1d")
    await one.response()
    await two.response()
    assert len(review_log(stage.bot.db_path, ben)) == 1
    after = stage.emu.dm_messages(ben)[-1]
    assert f"{MINI_DAY - 1} left today" in card_text(after)


async def test_each_grade_button_shows_the_interval_it_schedules(stage: Stage) -> None:
    """SM-2 exact: a new card comes back tomorrow whatever the grade; Easy does not
    lengthen SM-2's first two intervals; in Korean the label reads "좋음 · 1일"."""
    lia = stage.user("lia")
    first = await stage.study_in_dms(lia)
    shown = await (await stage.emu.click(lia, first, custom_id=by_kind(first, "show")[0])
                   ).response()
    assert labels(shown)[:4] == ["Again · 1d", "Hard · 1d", "Good · 1d", "Easy · 1d"]
    await (await stage.emu.click(lia, shown, label="Easy · 1d")).response()
    assert review_states(stage.bot.db_path, lia)[("b0000001", 1)] == (260, 1, 1)
    ko = stage.user("mina", locale="ko")
    card = await stage.study_in_dms(ko)
    shown = await (await stage.emu.click(ko, card, custom_id=by_kind(card, "show")[0])
                   ).response()
    assert labels(shown)[:4] == ["다시 · 1일", "어려움 · 1일", "좋음 · 1일", "쉬움 · 1일"]


async def test_foreign_click_is_refused_and_changes_nothing(stage: Stage) -> None:
    owner, intruder = stage.user("dana"), stage.user("eve")
    card = await stage.study_in_dms(owner)
    versions = len(card.history)
    refused = await stage.emu.click(intruder, card, label=labels(card)[0])
    reply = await refused.response()
    assert reply.ephemeral
    assert "someone else" in reply.content
    assert len(card.history) == versions  # the owner's card was not touched
    assert query(stage.bot.db_path, "SELECT count(*) FROM users WHERE id = ?", intruder.id) == [
        (0,)]
    assert review_log(stage.bot.db_path, owner) == []


async def test_dms_closed_runs_the_session_ephemerally_in_the_server(stage: Stage) -> None:
    fay = stage.user("fay", dm_open=False)
    reply = await (await stage.emu.slash(fay, "study", guild=stage.guild)).response()
    assert reply.ephemeral
    assert "can't DM you" in reply.content
    assert stage.emu.dm_messages(fay) == []
    done = await Learner(stage.emu, fay).finish(reply)
    assert done.ephemeral
    assert len(review_log(stage.bot.db_path, fay)) == MINI_DAY


async def test_korean_locale_sees_korean(stage: Stage) -> None:
    gyu = stage.user("gyu", locale="ko")
    reply = await (await stage.emu.slash(gyu, "study", guild=stage.guild)).response()
    assert "DM을 확인해 주세요" in reply.content
    await stage.emu.wait_for(lambda: stage.emu.dm_messages(gyu))
    [card] = stage.emu.dm_messages(gyu)
    assert f"오늘 {MINI_DAY}장 남음" in card_text(card)
    assert "그만하기" in labels(card)
    done = await Learner(stage.emu, gyu).finish(card)
    assert "오늘 학습 끝!" in card_text(done)


async def test_429_and_502_during_a_session_lose_nothing(stage: Stage) -> None:
    hana = stage.user("hana")
    card = await stage.study_in_dms(hana)
    learner = Learner(stage.emu, hana)
    stage.emu.faults.rate_limit("POST /interactions/*/*/callback", retry_after=0.2)
    card = await learner.step(card)
    stage.emu.faults.server_error("POST /interactions/*/*/callback", status=502)
    card = await learner.step(card)
    done = await learner.finish(card)
    assert is_summary(done)
    assert len(review_log(stage.bot.db_path, hana)) == MINI_DAY
    statuses = {r.status for r in stage.emu.requests("POST /interactions/*/*/callback")}
    assert {429, 502} <= statuses


async def test_stop_at_once_just_closes_and_after_answers_sums_up(stage: Stage) -> None:
    ivy = stage.user("ivy")
    card = await stage.study_in_dms(ivy)
    stopped = await (await stage.emu.click(ivy, card, label="Stop")).response()
    # Nothing answered: no "you answered 0 and got 0 right", the card just closes.
    assert (stopped.content, stopped.embeds, stopped.buttons()) == (
        "Closed. `/study` starts again whenever you like.", [], [])
    card = await stage.study_in_dms(ivy)
    card = await Learner(stage.emu, ivy).step(card)
    skipped = await (await stage.emu.click(ivy, card, label="Skip")).response()
    stopped = await (await stage.emu.click(ivy, skipped, label="Stop")).response()
    assert is_summary(stopped)
    lines = str(stopped.embeds[-1]["description"]).split("\n")
    assert stopped.embeds[-1]["title"] == "This session"
    assert lines[:4] == [
        "You answered 1 card and got 1 right (100%).",
        "1 new · 0 repeated",
        "Skipped: 1 card. They come back next session.",
        f"Left today: {MINI_DAY - 1} cards ({MINI_DAY - 1} new)",
    ]
    assert lines[-2:] == ["Study streak: 1 day.", "`/study` picks up where you stopped."]


async def test_skip_puts_a_card_aside_for_this_session(stage: Stage) -> None:
    jun = stage.user("jun")
    card = await stage.study_in_dms(jun)
    skipped = card_text(card).split("\n")[2]
    after = await (await stage.emu.click(jun, card, label="Skip")).response()
    assert "Skipped" in card_text(after)
    assert skipped not in card_text(after).split("Skipped")[1]
    # Still left today, only not in this session: one count everywhere (issue 14.5).
    assert f"{MINI_DAY} left today (1 skipped)" in card_text(after)
    assert review_log(stage.bot.db_path, jun) == []


async def test_a_button_of_a_finished_session_gets_a_polite_message(stage: Stage) -> None:
    kim = stage.user("kim")
    older = await stage.study_in_dms(kim)
    newer = await stage.study_in_dms(kim)  # /study again resumes: same card, second message
    assert older.content.startswith("You're now studying") and not newer.content
    assert older.embeds == newer.embeds
    await (await stage.emu.click(kim, newer, label="Stop")).response()
    late = await (await stage.emu.click(kim, older, label="Show answer")).response()
    assert "already ended" in late.content
    assert late.buttons() == []
    assert review_log(stage.bot.db_path, kim) == []


async def test_an_unknown_deck_is_named_in_the_reply(stage: Stage) -> None:
    lee = stage.user("lee")
    reply = await (await stage.emu.slash(lee, "study", {"deck": "nope"},
                                         guild=stage.guild)).response()
    assert reply.ephemeral
    assert "no deck called 'nope'" in reply.content
    assert stage.emu.dm_messages(lee) == []


async def test_the_language_chosen_in_settings_beats_the_discord_client(stage: Stage) -> None:
    # Both run an English Discord client and chose Korean in /settings.
    mia, noa = stage.user("mia"), stage.user("noa")
    for user in (mia, noa):
        saved = await (await stage.emu.slash(user, "settings", {"language": "ko"},
                                             guild=stage.guild)).response()
        assert "설정을 저장했어요" in card_text(saved)
    card = await stage.study_in_dms(mia)
    learner = Learner(stage.emu, mia)
    while not by_kind(card, "type"):
        card = await learner.step(card)
    modal = await (await stage.emu.click(mia, card, custom_id=by_kind(card, "type")[0])).modal()
    assert modal.title == "답 입력"
    assert list(modal.fields().values()) == ["정답을 입력하세요"]
    # Noa presses one of Mia's buttons: refused, in the language Noa chose.
    refused = await (await stage.emu.click(noa, card, label=labels(card)[-1])).response()
    assert refused.ephemeral
    assert refused.content == (
        "다른 사람의 카드라서 누를 수 없어요. 내 카드는 `/학습`으로 공부할 수 있어요.")

"""Maintainers edit a deck while the real bot runs and a learner is mid-session.

Edit a card's text, delete a card, restore it, break the YAML, fix it: each
time the learner's screen and the database (review_log, review_states) are
checked, and the maintainers hear about it in their log channel.
"""

from __future__ import annotations

import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.support_bot import (
    BotProcess,
    by_kind,
    card_text,
    query,
    review_log,
    review_states,
    start_bot,
    write_deck,
)
from tests.emulator import Channel, Emulator, Guild, SimUser, StoredMessage

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

CARDS = {"k1": "Capital of France?", "k2": "Capital of Japan?", "k3": "Capital of Korea?"}


def deck_body(cards: dict[str, str]) -> str:
    lines = ["deck: live", "title: Live deck", "lang: en", "cards:"]
    for card_id, front in cards.items():
        lines += [f"  - id: {card_id}", "    type: basic", f"    front: {front}",
                  f"    back: answer to {card_id}"]
    return "\n".join(lines) + "\n"


@dataclass
class Stage:
    emu: Emulator
    guild: Guild
    log: Channel
    bot: BotProcess
    decks: Path
    maya: SimUser  # the maintainer (an owner id in the settings)
    min: SimUser  # a maintainer whose Discord speaks Korean
    ana: SimUser  # a learner
    bob: SimUser  # neither

    def reloads(self) -> list[tuple[str, int, str]]:
        return [(r[0], r[1], r[2]) for r in query(
            self.bot.db_path, "SELECT deck_id, ok, trigger FROM deck_reloads ORDER BY id")]

    async def save(self, body: str) -> list[tuple[str, int, str]]:
        """Write the deck file as an editor would and wait for the watcher's reload."""
        before = len(self.reloads())
        (self.decks / "live.yaml").write_text(body, encoding="utf-8")
        await self.emu.wait_for(lambda: len(self.reloads()) > before, within=10)
        return self.reloads()[before:]

    def log_posts(self) -> list[str]:
        return [m.content or "" for m in self.emu.channel_messages(self.log)]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stage(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stage]:
    workdir = tmp_path_factory.mktemp("studybot")
    decks = workdir / "decks"
    write_deck(decks, deck_body(CARDS), name="live.yaml")
    (decks / "sources").mkdir()
    async with Emulator() as emu:
        guild = emu.add_guild("Maintainers")
        log = emu.add_text_channel(guild, "deck-log")
        maya = emu.add_user("maya", guild=guild)
        ana = emu.add_user("ana", guild=guild)
        bob = emu.add_user("bob", guild=guild)
        min_ = emu.add_user("min", guild=guild, locale="ko")
        bot = await start_bot(emu, workdir,
                              extra={"STUDYBOT_OWNER_IDS": f"[{maya.id}, {min_.id}]"})
        try:
            yield Stage(emu, guild, log, bot, decks, maya, min_, ana, bob)
        finally:
            code = await bot.stop()
        assert code == 0, bot.stderr()
        assert "Traceback" not in bot.stderr(), bot.stderr()
        assert emu.missed_deadlines() == []


async def test_only_maintainers_may_reload_in_a_server_or_in_dms(stage: Stage) -> None:
    emu = stage.emu
    refused = await (await emu.slash(stage.bob, "deck reload", guild=stage.guild)).response()
    assert refused.ephemeral
    assert "Only the bot's owners" in (refused.content or "")
    in_dm = await (await emu.slash(stage.bob, "deck info")).response()
    assert "Only the bot's owners" in (in_dm.content or "")
    assert [r for r in stage.reloads() if r[2] == "command"] == []


async def test_log_channel_then_reload_on_command(stage: Stage) -> None:
    emu = stage.emu
    done = await (await emu.slash(stage.maya, "deck log-channel", {"channel": str(stage.log.id)},
                                  guild=stage.guild)).response()
    assert done.ephemeral and f"<#{stage.log.id}>" in card_text(done)
    reply = await (await emu.slash(stage.maya, "deck reload", {"deck": "live"},
                                   guild=stage.guild)).response()
    assert "live: 0 added, 0 changed (history kept), 0 retired, 0 restored" in card_text(reply)
    assert stage.reloads()[-1] == ("live", 1, "command")
    await emu.wait_for(lambda: any("live: 0 added" in p for p in stage.log_posts()))
    assert f"<@{stage.maya.id}>" in stage.log_posts()[-1]


async def show_and_grade(emu: Emulator, user: SimUser, card: StoredMessage) -> StoredMessage:
    shown = await (await emu.click(user, card, custom_id=by_kind(card, "show")[0])).response()
    good = next(c for c in by_kind(shown, "grade") if c.endswith(":4"))
    return await (await emu.click(user, shown, custom_id=good)).response()


def card_id_of(message: StoredMessage) -> str:
    text = card_text(message)
    for card_id, front in CARDS.items():
        country = front.split()[-1]  # edits change "Capital", never the country
        if country in text:
            return card_id
    raise AssertionError(f"no known card on the screen:\n{text}")


async def test_edit_delete_restore_break_and_fix_while_a_learner_studies(stage: Stage) -> None:
    emu, ana, db = stage.emu, stage.ana, stage.bot.db_path
    await (await emu.slash(ana, "study")).response()
    await emu.wait_for(lambda: any(by_kind(m, "show") for m in emu.dm_messages(ana)))
    first = emu.dm_messages(ana)[-1]
    current = card_id_of(first)
    second = await show_and_grade(emu, ana, first)
    log_after_one = review_log(db, ana)
    states_after_one = review_states(db, ana)
    assert [row[0] for row in log_after_one] == [current]

    # 1. Edit the text of the card on the learner's screen: the old button shows the new text.
    on_screen = card_id_of(second)
    edited = dict(CARDS, **{on_screen: CARDS[on_screen].replace("Capital", "Main city")})
    (change,) = await stage.save(deck_body(edited))
    assert change == ("live", 1, "watch")
    shown = await (await emu.click(ana, second, custom_id=by_kind(second, "show")[0])).response()
    assert "Main city" in card_text(shown)
    assert (review_log(db, ana), review_states(db, ana)) == (log_after_one, states_after_one)
    await emu.wait_for(lambda: any("live: 0 added, 1 changed (history kept)" in p
                                   for p in stage.log_posts()))
    # Nobody ran it: the watcher did, and the log channel says so (not "by studybot").
    watched = next(p for p in stage.log_posts() if "1 changed (history kept)" in p)
    assert "automatic: a deck file changed" in watched.splitlines()[0]
    assert "studybot" not in watched

    # 2. Delete the card the learner is looking at: the answer is refused politely, moving on.
    gone = {k: v for k, v in edited.items() if k != on_screen}
    await stage.save(deck_body(gone))
    good = next(c for c in by_kind(shown, "grade") if c.endswith(":4"))
    after = await (await emu.click(ana, shown, custom_id=good)).response()
    assert "This card was removed from its deck" in card_text(after)
    assert on_screen not in card_text(after)
    assert (review_log(db, ana), review_states(db, ana)) == (log_after_one, states_after_one)
    assert query(db, "SELECT retired_at IS NOT NULL FROM cards WHERE card_id = ?",
                 on_screen) == [(1,)]

    # 3. Restore it: the same row comes back, the learner's first card keeps its state.
    (restored,) = await stage.save(deck_body(edited))
    assert restored == ("live", 1, "watch")
    assert query(db, "SELECT retired_at FROM cards WHERE card_id = ?", on_screen) == [(None,)]
    await emu.wait_for(lambda: any("0 retired, 1 restored" in p for p in stage.log_posts()))
    assert review_states(db, ana) == states_after_one

    # 4. Break the YAML: refused with file:line:col, and the deck keeps serving.
    broken = deck_body(edited).replace("  - id: k3\n    type: basic",
                                       "  - id: k3\n    type: basic\n   oops: [")
    (refused,) = await stage.save(broken)
    assert refused == ("live", 0, "watch")
    await emu.wait_for(lambda: any("decks/live.yaml:" in p for p in stage.log_posts()))
    post = stage.log_posts()[-1]
    assert "not loaded because of the problems below" in post
    problem = next(line for line in post.splitlines() if line.startswith("decks/live.yaml:"))
    line_no, col = problem.split(":")[1:3]
    assert line_no.isdigit() and col.isdigit()
    asked = await (await emu.slash(stage.maya, "deck reload", guild=stage.guild)).response()
    assert asked.ephemeral and problem in card_text(asked)
    assert query(db, "SELECT COUNT(*) FROM cards WHERE deck_id = 'live' AND retired_at IS NULL"
                 ) == [(3,)]
    # The learner carries on with the previous version.
    nxt = after
    for _ in range(6):
        if not by_kind(nxt, "show"):
            break
        nxt = await show_and_grade(emu, ana, nxt)
    # The restored card was put aside in that session: still left today (one count of what is
    # left, everywhere), and the next session brings it back.
    assert "This session" in card_text(nxt)
    assert "Left today: 1 card (1 new)" in card_text(nxt)
    before = len(emu.dm_messages(ana))
    await (await emu.slash(ana, "study")).response()
    await emu.wait_for(lambda: len(emu.dm_messages(ana)) > before)
    again = next(m for m in reversed(emu.dm_messages(ana)) if by_kind(m, "show"))
    assert card_id_of(again) == on_screen and "Main city" in card_text(again)
    await show_and_grade(emu, ana, again)
    log_now = review_log(db, ana)
    assert log_now[: len(log_after_one)] == log_after_one
    assert {row[0] for row in log_now} == set(CARDS)

    # 5. Fix it: loads again; nothing changed since the last good version, history intact.
    (fixed,) = await stage.save(deck_body(edited) + "# fixed\n")
    assert fixed == ("live", 1, "watch")
    assert review_log(db, ana) == log_now
    await emu.wait_for(lambda: any("live: 0 added, 0 changed" in p
                                   for p in stage.log_posts()[-1:]))


async def test_editor_temp_files_reload_nothing_and_sighup_reloads_all(stage: Stage) -> None:
    before = len(stage.reloads())
    (stage.decks / ".live.yaml.swp").write_text("junk", encoding="utf-8")
    (stage.decks / "live.yaml~").write_text("junk", encoding="utf-8")
    (stage.decks / "sources" / "note.yaml").write_text("junk", encoding="utf-8")
    # The watcher sees changes in the order they happen: once a real save after the
    # junk has reloaded, the junk was seen first, and the save is the only reload.
    body = (stage.decks / "live.yaml").read_text(encoding="utf-8")
    assert await stage.save(body + "# saved after the editor's temp files\n") == [
        ("live", 1, "watch")]
    assert len(stage.reloads()) == before + 1
    before = len(stage.reloads())
    stage.bot.proc.send_signal(signal.SIGHUP)
    await stage.emu.wait_for(lambda: len(stage.reloads()) > before, within=10)
    assert stage.reloads()[-1] == ("live", 1, "signal")
    assert stage.bot.proc.poll() is None


async def test_info_and_leeches(stage: Stage) -> None:
    emu = stage.emu
    info = await (await emu.slash(stage.maya, "deck info", {"deck": "live"},
                                  guild=stage.guild)).response()
    text = card_text(info)
    assert "3 basic" in text and "Learners" in text and "Last reload" in text
    leeches = await (await emu.slash(stage.maya, "deck leeches", {"deck": "live"},
                                     guild=stage.guild)).response()
    assert "No leeches yet." in card_text(leeches)


async def test_a_second_file_with_the_same_deck_id_is_refused(stage: Stage) -> None:
    before = len(stage.reloads())
    (stage.decks / "copy.yaml").write_text(deck_body({"z9": "Another?"}), encoding="utf-8")
    await stage.emu.wait_for(lambda: len(stage.reloads()) > before, within=10)
    assert stage.reloads()[-1] == ("copy", 0, "watch")
    await stage.emu.wait_for(lambda: any("already used by" in p for p in stage.log_posts()))
    assert query(stage.bot.db_path, "SELECT COUNT(*) FROM cards WHERE card_id = 'z9'") == [(0,)]


async def test_a_korean_maintainer_reads_the_problems_in_korean_at_the_same_place(
    stage: Stage,
) -> None:
    broken = ("deck: korean\ntitle: 한국어 덱\ncards:\n  - id: h1\n    type: basic\n"
              "    front: 123\n    back: 답\n")
    before = len(stage.reloads())
    (stage.decks / "korean.yaml").write_text(broken, encoding="utf-8")
    await stage.emu.wait_for(lambda: len(stage.reloads()) > before, within=10)
    reply = await (await stage.emu.slash(stage.min, "deck reload", guild=stage.guild)).response()
    said = card_text(reply)
    assert "korean: 문제가 있어 반영하지 않았어요" in said
    assert ("decks/korean.yaml:6:12: `front`는 숫자가 아니라 글이어야 해요. 따옴표로 감싸 주세요"
            in said)
    english = await (await stage.emu.slash(stage.maya, "deck reload", guild=stage.guild)
                     ).response()
    assert ("decks/korean.yaml:6:12: `front` must be text, not a number; put it in quotes"
            in card_text(english))
    (stage.decks / "korean.yaml").unlink()

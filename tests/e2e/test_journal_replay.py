"""The answer journal replays, at the next start, only clicks acknowledged and never written.

A click refused ("This card was removed…") or one that failed ("Something
went wrong") was dealt with while the learner watched; recording it after a
restart would give them a review they were told did not happen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import POSTGRESQL, SQLITE
from tests.e2e.support_bot import (
    MINI_DECK,
    by_kind,
    card_text,
    query,
    question,
    review_log,
    start_bot,
    write_deck,
)
from tests.emulator import Emulator, SimUser, StoredMessage

pytestmark = pytest.mark.e2e

WITHOUT_BASIC = MINI_DECK.replace(
    "  - id: b0000001\n    type: basic\n    front: What does IaaS stand for?\n"
    "    back: Infrastructure as a Service\n", "")

#: A write the database refuses, as a full disk would: every answer fails.
FAIL_ANSWERS = {
    SQLITE: ["CREATE TRIGGER fail_answers BEFORE INSERT ON review_log "
               "BEGIN SELECT RAISE(ABORT, 'disk full'); END"],
    POSTGRESQL: ["CREATE FUNCTION fail_answers() RETURNS trigger LANGUAGE plpgsql AS "
                 "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$",
                 "CREATE TRIGGER fail_answers BEFORE INSERT ON review_log "
                 "FOR EACH ROW EXECUTE FUNCTION fail_answers()"],
}
HEAL = {SQLITE: ["DROP TRIGGER fail_answers"],
        POSTGRESQL: ["DROP TRIGGER fail_answers ON review_log", "DROP FUNCTION fail_answers()"]}


async def first_card(emu: Emulator, user: SimUser) -> StoredMessage:
    await (await emu.slash(user, "study")).response()
    await emu.wait_for(lambda: any(by_kind(m, "show") for m in emu.dm_messages(user)))
    card = emu.dm_messages(user)[-1]
    assert "IaaS stand for" in question(card)
    return card


def reloads(db: Path) -> int:
    [(count,)] = query(db, "SELECT count(*) FROM deck_reloads WHERE ok = ?", True)
    return int(count)


async def test_a_grade_refused_on_a_retired_card_is_not_recorded_after_a_restart(
    emu: Emulator, tmp_path: Path, bot_database: str
) -> None:
    write_deck(tmp_path / "decks")
    ana = emu.add_user("ana", guild=emu.add_guild("Study Group"))
    bot = await start_bot(emu, tmp_path, tag="first")
    try:
        card = await first_card(emu, ana)
        shown = await (await emu.click(ana, card, custom_id=by_kind(card, "show")[0])).response()
        # The maintainer deletes the card on screen; the grade is refused.
        before = reloads(bot.db_path)
        write_deck(tmp_path / "decks", WITHOUT_BASIC)
        await emu.wait_for(lambda: reloads(bot.db_path) > before, within=10)
        good = next(c for c in by_kind(shown, "grade") if c.endswith(":4"))
        after = await (await emu.click(ana, shown, custom_id=good)).response()
        assert "removed from its deck" in card_text(after)
        # ... and restores it.
        before = reloads(bot.db_path)
        write_deck(tmp_path / "decks", MINI_DECK)
        await emu.wait_for(lambda: reloads(bot.db_path) > before, within=10)
    finally:
        assert await bot.stop() == 0
    assert review_log(bot.db_path, ana) == []

    again = await start_bot(emu, tmp_path, tag="second")
    assert await again.stop() == 0
    assert "recovered" not in again.stderr()
    assert review_log(again.db_path, ana) == []
    for process in (bot, again):
        assert "Traceback" not in process.stderr()


async def test_a_click_that_went_wrong_is_not_recorded_after_a_restart(
    emu: Emulator, tmp_path: Path, bot_database: str
) -> None:
    write_deck(tmp_path / "decks")
    ben = emu.add_user("ben", guild=emu.add_guild("Study Group"))
    bot = await start_bot(emu, tmp_path, tag="first")
    try:
        card = await first_card(emu, ben)
        for sql in FAIL_ANSWERS[bot_database]:
            query(bot.db_path, sql)
        shown = await (await emu.click(ben, card, custom_id=by_kind(card, "show")[0])).response()
        good = next(c for c in by_kind(shown, "grade") if c.endswith(":4"))
        failed = await (await emu.click(ben, shown, custom_id=good)).response()
        assert "Something went wrong" in card_text(failed)
        for sql in HEAL[bot_database]:
            query(bot.db_path, sql)
    finally:
        assert await bot.stop() == 0
    assert review_log(bot.db_path, ben) == []

    again = await start_bot(emu, tmp_path, tag="second")
    try:
        assert review_log(again.db_path, ben) == []  # told it failed: not recorded behind his back
        # The card is still on his screen, and grading it now works.
        after = await (await emu.click(ben, shown, custom_id=good)).response()
        assert "IaaS stand for" not in question(after)
    finally:
        assert await again.stop() == 0
    assert [kind for _, _, kind, _ in review_log(again.db_path, ben)] == ["new"]
    assert "Traceback" not in again.stderr()

"""A deck value the database cannot hold stops neither the bot nor the other decks.

A cloze number past 64 bits crashed the start-up (every deck loaded in one
transaction), and a folder reload stopped at such a file with a traceback,
skipping the decks after it; on PostgreSQL a 201-character title or a cloze
number past SMALLINT did the same.  Now each is refused at its line and column,
like any broken file, and every other deck loads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.support_bot import card_text, query, start_bot
from tests.emulator import Emulator

# bot_database (tests/conftest.py): every test here on SQLite, then on PostgreSQL.
pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot_database")]


def basic(deck: str, front: str, *, title: str = "A deck") -> str:
    return (f"deck: {deck}\ntitle: {title}\nlang: en\ncards:\n"
            f"  - id: k1\n    type: basic\n    front: {front}\n    back: yes\n")


def cloze(deck: str, number: str) -> str:
    return (f"deck: {deck}\ntitle: Clozes\nlang: en\ncards:\n"
            f'  - id: z1\n    type: cloze\n    text: "Docker {{{{c{number}::builds}}}} images"\n')


def fronts(db_path: Path) -> dict[str, str]:
    rows = query(db_path, "SELECT deck_id, content FROM cards ORDER BY deck_id")
    return {deck: str(content) for deck, content in rows}


async def test_bad_values_are_refused_at_their_place_at_start_up_and_on_reload(
    tmp_path: Path,
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "a.yaml").write_text(basic("alpha", "First?"), encoding="utf-8")
    (decks / "b.yaml").write_text(cloze("bravo", "99999999999999999999"), encoding="utf-8")
    (decks / "c.yaml").write_text(basic("charlie", "Long?", title="T" * 201), encoding="utf-8")
    (decks / "d.yaml").write_text(cloze("delta", "40000"), encoding="utf-8")
    (decks / "e.yaml").write_text(basic("echo", "Last?"), encoding="utf-8")
    async with Emulator() as emu:
        guild = emu.add_guild("Maintainers")
        maya = emu.add_user("maya", guild=guild)
        bot = await start_bot(emu, tmp_path, extra={"STUDYBOT_OWNER_IDS": f"[{maya.id}]"})
        try:
            db = bot.db_path
            assert sorted(r[0] for r in query(db, "SELECT id FROM decks")) == ["alpha", "echo"]
            start = bot.stderr()
            assert f"{decks / 'b.yaml'}:7:19: cloze numbers go up to 32767" in start
            assert f"{decks / 'c.yaml'}:2:8: `title` is longer than 200 characters" in start
            assert f"{decks / 'd.yaml'}:7:19: cloze numbers go up to 32767" in start

            # A reload of the whole folder: the good decks after a bad one still load.
            (decks / "a.yaml").write_text(basic("alpha", "First, edited?"), encoding="utf-8")
            (decks / "b.yaml").write_text(cloze("bravo", "32768"), encoding="utf-8")
            (decks / "e.yaml").write_text(basic("echo", "Last, edited?"), encoding="utf-8")
            reply = await (await emu.slash(maya, "deck reload", guild=guild)).response()
            said = card_text(reply)
            assert "decks/b.yaml:7:19: cloze numbers go up to 32767" in said
            assert "decks/c.yaml:2:8: `title` is longer than 200 characters" in said
            assert "decks/d.yaml:7:19" in said
            contents = fronts(db)
            assert "First, edited?" in contents["alpha"] and "Last, edited?" in contents["echo"]
            assert sorted(r[0] for r in query(db, "SELECT id FROM decks")) == ["alpha", "echo"]
        finally:
            assert await bot.stop() == 0
        assert "Traceback" not in bot.stderr(), bot.stderr()

"""Text a modified client can send and Discord's own never does: the bot answers and stays up.

A lone surrogate escape (``\\ud800``) is valid JSON. orjson, which discord.py
uses when it is installed, refuses it, and the failed event used to end the
gateway connection and the whole bot; without orjson the text reached SQLite
and the answer journal, which refuse it. Both set-ups are run: the second with
orjson hidden from the bot, as in an environment installed without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.support_bot import REPO, by_kind, card_text, query, start_bot, write_deck
from tests.emulator import Emulator

pytestmark = [pytest.mark.e2e]

TYPED_DECK = """\
deck: typed
title: Typed only
lang: en
cards:
  - id: t1
    type: typed
    front: Which system is the phone book of the internet?
    back: DNS
"""


def without_orjson(tmp_path: Path) -> dict[str, str]:
    """Environment in which ``import orjson`` fails as it does where it is not installed."""
    stub = tmp_path / "hide" / "orjson"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'orjson'\", name='orjson')\n",
        encoding="utf-8",
    )
    return {"PYTHONPATH": f"{tmp_path / 'hide'}:{REPO}"}


@pytest.mark.parametrize("orjson", ["installed", "missing"])
async def test_lone_surrogates_in_a_typed_answer_and_an_option(tmp_path: Path, orjson: str) -> None:
    write_deck(tmp_path / "decks", TYPED_DECK, "typed.yaml")
    extra = without_orjson(tmp_path) if orjson == "missing" else {}
    async with Emulator() as emu:
        guild = emu.add_guild("Study Group")
        ana = emu.add_user("ana", guild=guild)
        bot = await start_bot(emu, tmp_path, extra=extra)
        try:
            # An option: the deck name is read and refused like any unknown deck.
            reply = await (await emu.slash(ana, "study", {"deck": "\udc00typed\ud800"},
                                           guild=guild)).response()
            assert "\ufffdtyped\ufffd" in card_text(reply), card_text(reply)
            # A typed answer: graded (wrong) and shown with the replacement character.
            await (await emu.slash(ana, "study", guild=guild)).response()
            await emu.wait_for(lambda: emu.dm_messages(ana))
            card = emu.dm_messages(ana)[-1]
            opened = await emu.click(ana, card, custom_id=by_kind(card, "type")[0])
            handle = await emu.submit_modal(ana, await opened.modal(), {"sb:answer": "\ud800DNS"})
            graded = card_text(await handle.response(within=5))
            assert "Not quite" in graded and "\ufffdDNS" in graded, graded
            # Still connected: the drill of the same card takes the right answer.
            card = emu.dm_messages(ana)[-1]
            opened = await emu.click(ana, card, custom_id=by_kind(card, "type")[0])
            handle = await emu.submit_modal(ana, await opened.modal(), {"sb:answer": "DNS"})
            assert "Right!" in card_text(await handle.response(within=5))
        finally:
            code = await bot.stop()
        assert code == 0, bot.stderr()[-3000:]
        assert "Traceback" not in bot.stderr()
        rows = query(bot.db_path, "SELECT quality FROM review_log WHERE user_id = ? ORDER BY id",
                     ana.id)
        assert rows == [(1,), (4,)]

"""The real bot's deck watcher against what a decks folder may hold or go through.

A FIFO named `*.yaml` hung the watcher (no later edit reloaded, SIGTERM never
finished), a link to /dev/zero grew the process by gigabytes, and a deploy that
replaced the folder (`rm -rf decks && mkdir decks`) left it watching nothing,
silently.  The folder's watcher is SQLite-or-PostgreSQL agnostic: SQLite only.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.support_bot import BotProcess, query, start_bot
from tests.emulator import Emulator

pytestmark = [pytest.mark.e2e]

#: The bot's resident memory may grow by this much while it meets the odd files (it
#: needs a few MiB); reading /dev/zero to its end grows it by gigabytes in seconds.
GROWTH_LIMIT = 256 * 1024 * 1024


def deck(front: str) -> str:
    return ("deck: live\ntitle: Live\nlang: en\ncards:\n"
            f"  - id: k1\n    type: basic\n    front: {front}\n    back: yes\n")


def resident(bot: BotProcess) -> int:
    for line in Path(f"/proc/{bot.proc.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS for the bot")


def watch_reloads(bot: BotProcess) -> list[str]:
    return [str(r[0]) for r in query(
        bot.db_path, "SELECT path FROM deck_reloads WHERE trigger = 'watch' ORDER BY id")]


def front(bot: BotProcess) -> str:
    [(content,)] = query(bot.db_path, "SELECT content FROM cards WHERE card_id = 'k1'")
    return str(content)


async def test_fifos_devices_and_a_replaced_folder_never_blind_or_hang_the_watcher(
    tmp_path: Path,
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "live.yaml").write_text(deck("First?"), encoding="utf-8")
    fifo = decks / "pipe.yaml"
    async with Emulator() as emu:
        bot = await start_bot(emu, tmp_path)
        try:
            before = resident(bot)

            def bounded() -> None:
                grown = resident(bot) - before
                if grown > GROWTH_LIMIT:
                    bot.proc.kill()
                    raise AssertionError(f"the bot grew by {grown // 2**20} MiB")

            def said(text: str) -> bool:
                bounded()
                return text in bot.stderr()

            # 1. A link to a device and a FIFO: never read, and said so.
            (decks / "zero.yaml").symlink_to("/dev/zero")
            await emu.wait_for(lambda: said(f"{decks / 'zero.yaml'} is not a regular file"),
                               within=10)
            os.mkfifo(fifo)
            await emu.wait_for(lambda: said(f"{fifo} is not a regular file"), within=10)

            # 2. A later edit still reloads.
            (decks / "live.yaml").write_text(deck("Second?"), encoding="utf-8")
            await emu.wait_for(lambda: bounded() or "Second?" in front(bot), within=10)
            assert len(watch_reloads(bot)) == 1

            # 3. The folder replaced as a deploy does: said, followed, reloaded.
            shutil.rmtree(decks)
            decks.mkdir()
            (decks / "live.yaml").write_text(deck("Third?"), encoding="utf-8")
            await emu.wait_for(lambda: "Third?" in front(bot), within=10)
            assert f"decks folder {decks} was removed or replaced" in bot.stderr()
            assert f"decks folder {decks} is a new folder: watching it now" in bot.stderr()
            (decks / "live.yaml").write_text(deck("Fourth?"), encoding="utf-8")
            await emu.wait_for(lambda: "Fourth?" in front(bot), within=10)
            assert len(watch_reloads(bot)) == 3
        finally:
            with contextlib.suppress(OSError):  # a reader stuck in open() of the FIFO
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            # 4. SIGTERM ends it cleanly and in time (it waits at most 20 s, then kills).
            code = await bot.stop()
        assert code == 0, bot.stderr()
        assert "Traceback" not in bot.stderr(), bot.stderr()

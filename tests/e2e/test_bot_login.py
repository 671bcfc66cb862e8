"""Starting the real bot: login and sync, and the failures an operator can cause."""

from __future__ import annotations

import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.support_bot import launch, start_bot, write_deck
from tests.emulator import Emulator
from tests.integration.test_cli_database import newer

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        emulator.add_guild("Study Group", locale="ko")
        yield emulator


def _one_clear_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


async def test_login_syncs_commands_with_korean_localizations(
        emu: Emulator, tmp_path: Path) -> None:
    write_deck(tmp_path / "decks")
    bot = await start_bot(emu, tmp_path, extra={"STUDYBOT_LOG_LEVEL": "DEBUG"})
    try:
        study = next(c for c in emu.commands() if c["name"] == "study")
        assert study["name_localizations"]["ko"] == "학습"
        assert study["description_localizations"]["ko"].startswith("오늘 복습할 카드")
        deck, mode = study["options"]
        assert deck["name"] == "deck"
        assert deck["name_localizations"]["ko"] == "덱"
        assert deck["autocomplete"] is True
        assert (mode["name"], mode["name_localizations"]["ko"]) == ("mode", "모드")
        assert [(c["value"], c["name_localizations"]["ko"]) for c in mode["choices"]] == [
            ("review", "오늘 할 카드"), ("mistakes", "틀린 카드 (최근 7일)")]
        for command in emu.commands():  # every Korean name is one Discord accepts
            for name in (command.get("name_localizations") or {}).values():
                assert name == name.lower()
                assert " " not in name
                assert 1 <= len(name) <= 32
    finally:
        code = await bot.stop()
    assert code == 0
    output = bot.stdout() + bot.stderr()
    assert "Traceback" not in output
    assert "synced" in output  # DEBUG logging was on, so the token had chances to leak
    assert emu.token not in output


async def test_missing_token_is_one_line_and_exit_2(emu: Emulator, tmp_path: Path) -> None:
    bot = launch(emu, tmp_path, token="")
    assert await bot.wait() == 2
    assert "STUDYBOT_DISCORD_TOKEN" in _one_clear_line(bot.stderr())


async def test_rejected_token_is_one_line_and_exit_2(emu: Emulator, tmp_path: Path) -> None:
    write_deck(tmp_path / "decks")
    wrong = "wrong-token-" + "x" * 40
    bot = launch(emu, tmp_path, token=wrong)
    assert await bot.wait() == 2
    line = _one_clear_line(bot.stderr())
    assert "rejected" in line
    assert wrong not in bot.stderr() + bot.stdout()


async def test_sigint_stops_cleanly(emu: Emulator, tmp_path: Path) -> None:
    write_deck(tmp_path / "decks")
    bot = await start_bot(emu, tmp_path)
    bot.proc.send_signal(signal.SIGINT)
    assert await bot.wait() == 0
    assert "Traceback" not in bot.stderr()
    assert "stopped" in bot.stderr()


async def test_unreachable_discord_is_one_line_and_exit_1(emu: Emulator, tmp_path: Path) -> None:
    write_deck(tmp_path / "decks")
    closed = "http://127.0.0.1:9/api/v10"  # the discard port: nothing listens there
    bot = launch(emu, tmp_path, extra={"STUDYBOT_DISCORD_API_BASE": closed})
    assert await bot.wait() == 1
    line = _one_clear_line(bot.stderr())
    assert "cannot reach Discord" in line
    assert closed in line


@pytest.mark.parametrize("state", ["newer", "damaged"])
async def test_an_unusable_database_is_one_line_and_exit_1(
        emu: Emulator, tmp_path: Path, state: str) -> None:
    write_deck(tmp_path / "decks")
    path = tmp_path / "studybot.db"
    if state == "newer":
        newer(path)
    else:
        path.write_bytes(b"not a database " * 300)
    bot = launch(emu, tmp_path)
    assert await bot.wait() == 1
    output = bot.stdout() + bot.stderr()
    assert "Traceback" not in output, output
    last = bot.stderr().strip().splitlines()[-1]
    assert last.startswith("studybot: ") and str(path) in last
    assert ("newer studybot" if state == "newer" else "damaged") in last

"""The deck watcher reloads on real saves and SIGHUP, never on temp files or unchanged bytes."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from bot.jobs.deck_watch import TRIGGER_SIGNAL, TRIGGER_WATCH, DeckWatcher, is_deck_file

Call = tuple[tuple[str, ...] | None, str]


@pytest.mark.parametrize(
    ("name", "wanted"),
    [
        ("cloud.yaml", True),
        (".cloud.yaml.swp", False),
        ("cloud.yaml.swp", False),
        ("cloud.yaml~", False),
        (".#cloud.yaml", False),
        ("notes.md", False),
        ("sources/cloud.yaml", False),
        ("cloud.yml.tmp", False),
    ],
)
def test_only_deck_files_of_the_directory_itself_count(
    tmp_path: Path, name: str, wanted: bool
) -> None:
    assert is_deck_file(tmp_path, tmp_path / name) is wanted


@pytest.fixture
async def watched(tmp_path: Path) -> AsyncIterator[tuple[DeckWatcher, list[Call]]]:
    (tmp_path / "sources").mkdir()
    (tmp_path / "old.yaml").write_text("deck: old\n", encoding="utf-8")
    calls: list[Call] = []

    async def reload(paths: Sequence[Path] | None, trigger: str) -> None:
        calls.append((None if paths is None else tuple(p.name for p in paths), trigger))

    watcher = DeckWatcher(tmp_path, reload, debounce_ms=100)
    await watcher.start()
    await asyncio.sleep(0.3)  # let the OS watch settle
    try:
        yield watcher, calls
    finally:
        await watcher.stop()


async def wait_for_calls(calls: list[Call], n: int, within: float = 5.0) -> None:
    for _ in range(int(within / 0.05)):
        if len(calls) >= n:
            return
        await asyncio.sleep(0.05)


async def test_a_save_reloads_that_file_once(
    watched: tuple[DeckWatcher, list[Call]], tmp_path: Path
) -> None:
    _, calls = watched
    path = tmp_path / "new.yaml"
    # An editor writing in several steps within the debounce window: one reload.
    path.write_text("deck: new\n", encoding="utf-8")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("title: New\n")
    await wait_for_calls(calls, 1)
    await asyncio.sleep(0.4)
    assert calls == [(("new.yaml",), TRIGGER_WATCH)]


async def test_temp_files_notes_and_unchanged_bytes_reload_nothing(
    watched: tuple[DeckWatcher, list[Call]], tmp_path: Path
) -> None:
    _, calls = watched
    (tmp_path / ".old.yaml.swp").write_text("x", encoding="utf-8")
    (tmp_path / "old.yaml~").write_text("x", encoding="utf-8")
    (tmp_path / "sources" / "note.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "old.yaml").write_text("deck: old\n", encoding="utf-8")  # same bytes
    os.utime(tmp_path / "old.yaml")
    await asyncio.sleep(1.0)
    assert calls == []
    (tmp_path / "old.yaml").write_text("deck: old\ntitle: Edited\n", encoding="utf-8")
    await wait_for_calls(calls, 1)
    assert calls == [(("old.yaml",), TRIGGER_WATCH)]


async def test_sighup_reloads_every_deck(watched: tuple[DeckWatcher, list[Call]]) -> None:
    _, calls = watched
    os.kill(os.getpid(), signal.SIGHUP)
    await wait_for_calls(calls, 1)
    assert calls == [(None, TRIGGER_SIGNAL)]


async def test_a_failing_reload_does_not_stop_the_watcher(tmp_path: Path) -> None:
    seen: list[str] = []

    async def reload(paths: Sequence[Path] | None, trigger: str) -> None:
        seen.append(trigger)
        raise RuntimeError("database is gone")

    watcher = DeckWatcher(tmp_path, reload, debounce_ms=100, handle_sighup=False)
    await watcher.start()
    try:
        await asyncio.sleep(0.3)
        (tmp_path / "a.yaml").write_text("a", encoding="utf-8")
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.05)
        (tmp_path / "b.yaml").write_text("b", encoding="utf-8")
        for _ in range(100):
            if len(seen) == 2:
                break
            await asyncio.sleep(0.05)
    finally:
        await watcher.stop()
    assert seen == [TRIGGER_WATCH, TRIGGER_WATCH]

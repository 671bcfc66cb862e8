"""The deck watcher reloads on real saves and SIGHUP, never on temp files or unchanged bytes."""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path

import pytest

from bot.decks.limits import MAX_FILE_BYTES
from bot.jobs.deck_watch import (
    TRIGGER_SIGNAL,
    TRIGGER_WATCH,
    DeckWatcher,
    file_hash,
    is_deck_file,
)
from tests.e2e.support_bot import REPO

Call = tuple[tuple[str, ...] | None, str]

#: Short rounds, so `caught_up` (two quiet rounds) returns within a fraction of a second.
ROUND_MS = 100
#: Longest any wait below may take before the test fails instead of hanging.
WITHIN = 10.0


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

    watcher = DeckWatcher(tmp_path, reload, debounce_ms=100, folder_check_ms=ROUND_MS)
    await watcher.start()
    await caught_up(watcher)  # the OS watch is in place
    try:
        yield watcher, calls
    finally:
        await watcher.stop()


async def caught_up(watcher: DeckWatcher) -> None:
    """Every change made so far has been seen (and reloaded, if it needed to be)."""
    await asyncio.wait_for(watcher.caught_up(), WITHIN)


async def eventually(seen: Callable[[], bool]) -> None:
    """Wait until ``seen()`` holds (checked every 10 ms), failing after `WITHIN` seconds."""
    for _ in range(int(WITHIN / 0.01)):
        if seen():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"still not seen after {WITHIN} s")


async def wait_for_calls(calls: list[Call], n: int) -> None:
    await eventually(lambda: len(calls) >= n)


async def test_a_save_reloads_that_file_once(
    watched: tuple[DeckWatcher, list[Call]], tmp_path: Path
) -> None:
    watcher, calls = watched
    path = tmp_path / "new.yaml"
    # An editor writing in several steps within the debounce window: one reload.
    path.write_text("deck: new\n", encoding="utf-8")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("title: New\n")
    await wait_for_calls(calls, 1)
    await caught_up(watcher)
    assert calls == [(("new.yaml",), TRIGGER_WATCH)]


async def test_temp_files_notes_and_unchanged_bytes_reload_nothing(
    watched: tuple[DeckWatcher, list[Call]], tmp_path: Path
) -> None:
    watcher, calls = watched
    (tmp_path / ".old.yaml.swp").write_text("x", encoding="utf-8")
    (tmp_path / "old.yaml~").write_text("x", encoding="utf-8")
    (tmp_path / "sources" / "note.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "old.yaml").write_text("deck: old\n", encoding="utf-8")  # same bytes
    os.utime(tmp_path / "old.yaml")
    await caught_up(watcher)
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

    watcher = DeckWatcher(tmp_path, reload, debounce_ms=100, handle_sighup=False,
                          folder_check_ms=ROUND_MS)
    await watcher.start()
    try:
        await caught_up(watcher)
        (tmp_path / "a.yaml").write_text("a", encoding="utf-8")
        await eventually(lambda: len(seen) == 1)
        (tmp_path / "b.yaml").write_text("b", encoding="utf-8")
        await eventually(lambda: len(seen) == 2)
    finally:
        await watcher.stop()
    assert seen == [TRIGGER_WATCH, TRIGGER_WATCH]


#: Address space a child process may use to hash one file: far more than a 5 MiB deck
#: needs, far less than reading /dev/zero to its (missing) end takes.
HASH_MEMORY = 512 * 1024 * 1024


def hash_in_a_child(path: Path) -> subprocess.CompletedProcess[str]:
    """``file_hash(path)`` in a child with bounded memory and time, whatever it does."""

    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (HASH_MEMORY, HASH_MEMORY))

    code = ("import sys; from pathlib import Path; from bot.jobs.deck_watch import file_hash; "
            "print(file_hash(Path(sys.argv[1])))")
    try:
        return subprocess.run(
            [sys.executable, "-c", code, str(path)], cwd=REPO, capture_output=True, text=True,
            timeout=20, preexec_fn=bounded, check=False)
    finally:
        with contextlib.suppress(OSError):  # a reader stuck in open() of a FIFO: let it go
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_the_watcher_hashes_only_regular_files(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "odd.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    done = hash_in_a_child(path)
    assert (done.returncode, done.stdout.strip()) == (0, "None"), done.stderr[-2000:]


def test_the_watcher_never_reads_past_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    first = file_hash(path)
    assert first is not None and first.startswith("too-big:")
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 2))
    assert file_hash(path) != first  # a new version of a too-big file still reloads (refused)


async def test_a_fifo_in_the_folder_never_blocks_later_reloads(tmp_path: Path) -> None:
    calls: list[Call] = []

    async def reload(paths: Sequence[Path] | None, trigger: str) -> None:
        calls.append((None if paths is None else tuple(p.name for p in paths), trigger))

    watcher = DeckWatcher(tmp_path, reload, debounce_ms=100, handle_sighup=False,
                          folder_check_ms=ROUND_MS)
    await watcher.start()
    fifo = tmp_path / "pipe.yaml"
    try:
        await caught_up(watcher)
        os.mkfifo(fifo)  # (a link to /dev/zero is hashed above, in a child with bounded memory)
        await caught_up(watcher)  # the FIFO was looked at, and left alone
        (tmp_path / "deck.yaml").write_text("deck: d\n", encoding="utf-8")
        await wait_for_calls(calls, 1)
    finally:
        with contextlib.suppress(OSError):  # unblock a reader stuck in open(), if any
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        await asyncio.wait_for(watcher.stop(), 5)
    assert calls == [(("deck.yaml",), TRIGGER_WATCH)]


def recorder() -> tuple[list[Call], Callable[[Sequence[Path] | None, str], Awaitable[None]]]:
    calls: list[Call] = []

    async def reload(paths: Sequence[Path] | None, trigger: str) -> None:
        calls.append((None if paths is None else tuple(sorted(p.name for p in paths)), trigger))

    return calls, reload


async def test_a_folder_removed_and_made_again_is_watched_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "old.yaml").write_text("deck: old\n", encoding="utf-8")
    calls, reload = recorder()
    watcher = DeckWatcher(decks, reload, debounce_ms=100, handle_sighup=False,
                          folder_check_ms=ROUND_MS)
    await watcher.start()
    try:
        await caught_up(watcher)
        shutil.rmtree(decks)  # what `rm -rf decks && mkdir decks` in a deploy does
        decks.mkdir()
        (decks / "new.yaml").write_text("deck: new\n", encoding="utf-8")
        await wait_for_calls(calls, 1)
        (decks / "new.yaml").write_text("deck: new\ntitle: Edited\n", encoding="utf-8")
        await wait_for_calls(calls, 2)
    finally:
        await watcher.stop()
    assert calls == [(("new.yaml",), TRIGGER_WATCH), (("new.yaml",), TRIGGER_WATCH)]
    said = caplog.text
    assert "was removed or replaced" in said and "is a new folder: watching it now" in said
    assert "old.yaml was removed; its deck keeps serving" in said


async def test_a_folder_swapped_by_rename_is_followed(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    for name in ("same.yaml", "edited.yaml"):
        (decks / name).write_text(f"deck: {name}\n", encoding="utf-8")
    calls, reload = recorder()
    watcher = DeckWatcher(decks, reload, debounce_ms=100, handle_sighup=False,
                          folder_check_ms=ROUND_MS)
    await watcher.start()
    try:
        await caught_up(watcher)
        staged = tmp_path / "decks.new"  # rsync --delay-updates, a release symlink, git worktrees
        staged.mkdir()
        (staged / "same.yaml").write_text("deck: same.yaml\n", encoding="utf-8")
        (staged / "edited.yaml").write_text("deck: edited.yaml\ntitle: New\n", encoding="utf-8")
        (staged / "added.yaml").write_text("deck: added\n", encoding="utf-8")
        decks.rename(tmp_path / "decks.old")
        staged.rename(decks)
        await wait_for_calls(calls, 1)
        (decks / "same.yaml").write_text("deck: same.yaml\ntitle: Later\n", encoding="utf-8")
        await wait_for_calls(calls, 2)
    finally:
        await watcher.stop()
    assert calls == [(("added.yaml", "edited.yaml"), TRIGGER_WATCH),
                     (("same.yaml",), TRIGGER_WATCH)]


async def test_a_folder_made_after_start_is_watched_once_it_exists(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    decks = tmp_path / "decks"
    calls, reload = recorder()
    watcher = DeckWatcher(decks, reload, debounce_ms=100, handle_sighup=False,
                          folder_check_ms=ROUND_MS)
    await watcher.start()
    try:
        await eventually(lambda: "cannot be watched (No such file or directory)" in caplog.text)
        decks.mkdir()
        (decks / "first.yaml").write_text("deck: first\n", encoding="utf-8")
        await wait_for_calls(calls, 1)
    finally:
        await watcher.stop()
    assert calls == [(("first.yaml",), TRIGGER_WATCH)]


async def test_a_save_while_a_new_folder_is_being_watched_is_not_lost(tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "live.yaml").write_text("deck: live\n", encoding="utf-8")
    calls: list[Call] = []

    async def reload(paths: Sequence[Path] | None, trigger: str) -> None:
        calls.append((None if paths is None else tuple(p.name for p in paths), trigger))
        if len(calls) == 1:  # a maintainer saves again while the new folder is reloaded
            (decks / "live.yaml").write_text("deck: live\ntitle: Again\n", encoding="utf-8")

    watcher = DeckWatcher(decks, reload, debounce_ms=100, handle_sighup=False,
                          folder_check_ms=ROUND_MS)
    await watcher.start()
    try:
        await caught_up(watcher)
        shutil.rmtree(decks)  # a deploy: the folder replaced, the deck edited
        decks.mkdir()
        (decks / "live.yaml").write_text("deck: live\ntitle: New\n", encoding="utf-8")
        await wait_for_calls(calls, 2)
    finally:
        await watcher.stop()
    assert calls == [(("live.yaml",), TRIGGER_WATCH), (("live.yaml",), TRIGGER_WATCH)]


async def test_a_save_right_after_start_is_not_lost(tmp_path: Path) -> None:
    (tmp_path / "live.yaml").write_text("deck: live\n", encoding="utf-8")
    calls, reload = recorder()
    watcher = DeckWatcher(tmp_path, reload, debounce_ms=100, handle_sighup=False,
                          folder_check_ms=ROUND_MS)
    await watcher.start()  # the OS watch is set up after this returns, in the watch task
    try:
        (tmp_path / "live.yaml").write_text("deck: live\ntitle: Saved\n", encoding="utf-8")
        await wait_for_calls(calls, 1)
        await caught_up(watcher)
    finally:
        await watcher.stop()
    assert calls == [(("live.yaml",), TRIGGER_WATCH)]

"""Reload decks when maintainers save them, or when the process gets SIGHUP.

Both paths call the one reload function the caller gives (the deck admin cog),
one at a time.  The watcher reacts only to deck files of the directory itself:
editor temp files (dotfiles, ``*~``, ``*.swp``), the ``sources/`` notes and
anything that is not ``*.yaml`` are ignored, and a save that leaves a file's
bytes as they were (a touch, the bot's own rewrite of the same content, an
editor's save-without-change) reloads nothing.  Changes are debounced, so an
editor that writes a file in several steps causes one reload.

The operating system watches one folder, not a path: a deploy that replaces
the folder (``rm -rf decks && mkdir decks``, rsync, a git checkout, ``mv``)
would leave the watch on the old one and the bot blind.  So the watcher checks
every second that the path still names the folder it watches; when it does
not, it says so in the log, waits for the folder if it is gone, watches the
new one and reloads the deck files that differ from what it last saw.  A save
made while a watch is being set up (at start, or during that reload) is not
reported by the new watch, so once the watch is in place (its first round has
ended) the files are compared with what was last seen once more.

`DeckWatcher.caught_up` says when every change made so far has been dealt
with: the watcher counts the rounds in which the operating system reported
nothing, and two such rounds after a save mean the save was seen before them.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import signal
import stat
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Final

from watchfiles import Change, awatch

from bot.decks.limits import MAX_FILE_BYTES
from bot.decks.loader import FileTooBig, NotARegularFile, read_regular_file

log = logging.getLogger(__name__)

TRIGGER_WATCH: Final = "watch"
TRIGGER_SIGNAL: Final = "signal"
DEBOUNCE_MS: Final = 500
#: How often the watcher makes sure its path still names the folder it watches.
FOLDER_CHECK_MS: Final = 1000

#: ``reload(paths, trigger)``: ``paths`` None means every deck file.
Reload = Callable[[Sequence[Path] | None, str], Awaitable[object]]


def is_deck_file(directory: Path, path: Path) -> bool:
    """A file a maintainer edits as a deck, not a temp file or a note."""
    name = path.name
    if path.parent.resolve() != directory.resolve():
        return False  # sources/ and any other sub-folder
    if name.startswith(".") or name.endswith("~") or name.endswith((".swp", ".swx", ".tmp")):
        return False
    return name.endswith(".yaml")


FolderId = tuple[int, int]  # (st_dev, st_ino)


def folder_id(directory: Path) -> FolderId | None:
    """Which folder ``directory`` names now (None: none), to notice it being replaced."""
    try:
        info = directory.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else None


def _key(path: Path) -> Path:
    """One spelling per file: the OS reports absolute paths, the settings may be relative."""
    return Path(os.path.abspath(path))


def file_hash(path: Path) -> str | None:
    """A fingerprint of a deck file's bytes; None when there is no regular file to read.

    Read as the loader reads (non-blocking open, regular files only, never past
    the size cap): a FIFO named ``*.yaml`` would block the read for ever, and a
    link to /dev/zero would fill the memory.  A file past the cap is told from
    its next version by size and time (the reload then says it is too big).
    """
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except FileTooBig as big:
        return f"too-big:{big.size}:{big.mtime_ns}"
    except (OSError, NotARegularFile):
        return None
    return hashlib.sha256(data).hexdigest()


class DeckWatcher:
    """Watches ``directory`` and listens for SIGHUP; both end in ``reload``."""

    def __init__(
        self,
        directory: Path,
        reload: Reload,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        handle_sighup: bool = True,
        folder_check_ms: int = FOLDER_CHECK_MS,
    ) -> None:
        self.directory = directory
        self._reload = reload
        self._debounce_ms = debounce_ms
        self._handle_sighup = handle_sighup
        self._folder_check_ms = folder_check_ms
        #: rounds of `folder_check_ms` in which the operating system reported no change
        self._quiet_rounds = 0
        self._round_ended = asyncio.Condition()
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._signal_installed = False
        self._pending: set[asyncio.Task[object]] = set()
        #: bytes last seen per deck file, so a save without change reloads nothing
        self._hashes: dict[Path, str | None] = {}
        self.reloads = 0

    async def start(self) -> None:
        self._hashes = await asyncio.to_thread(self._hash_all)
        self._stop.clear()
        self._task = asyncio.create_task(self._watch(), name="deck-watch")
        if self._handle_sighup and hasattr(signal, "SIGHUP"):
            try:
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._on_sighup)
                self._signal_installed = True
            except (NotImplementedError, RuntimeError, ValueError):
                log.info("SIGHUP cannot be handled here; use /deck reload")

    async def stop(self) -> None:
        self._stop.set()
        if self._signal_installed:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            self._signal_installed = False
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for task in list(self._pending):
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await task

    async def caught_up(self) -> None:
        """Return once every change made before the call has been seen and, if it needs
        one, reloaded: two quiet rounds from now, so the one running cannot count.

        Waits for as long as the folder cannot be watched; callers bound the wait.
        """
        target = self._quiet_rounds + 2
        async with self._round_ended:
            await self._round_ended.wait_for(lambda: self._quiet_rounds >= target)

    async def _quiet_round(self) -> None:
        async with self._round_ended:
            self._quiet_rounds += 1
            self._round_ended.notify_all()

    def _hash_all(self) -> dict[Path, str | None]:
        return {_key(p): file_hash(p) for p in self._deck_paths()}

    def _deck_paths(self) -> list[Path]:
        try:
            entries = list(self.directory.iterdir())
        except OSError:
            return []
        return [p for p in entries if p.is_file() and is_deck_file(self.directory, p)]

    def _on_sighup(self) -> None:
        log.info("SIGHUP: reloading every deck")
        task = asyncio.ensure_future(self._run(None, TRIGGER_SIGNAL))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _run(self, paths: Sequence[Path] | None, trigger: str) -> object:
        self.reloads += 1
        try:
            return await self._reload(paths, trigger)
        except Exception:
            log.exception("deck reload (%s) failed", trigger)
            return None

    def changed_files(self, changes: set[tuple[Change, str]]) -> list[Path]:
        """The deck files whose bytes differ from the last time we looked (blocking: a thread)."""
        changed: list[Path] = []
        for path in sorted({_key(Path(p)) for _, p in changes}):
            if not is_deck_file(self.directory, path):
                continue
            digest = file_hash(path)
            if path in self._hashes and self._hashes[path] == digest:
                continue
            self._hashes[path] = digest
            if digest is None:
                if path.exists():
                    log.warning("%s is not a regular file: not read, its deck is not reloaded",
                                path)
                else:
                    log.warning("deck file %s was removed; its deck keeps serving", path)
                continue
            changed.append(path)
        return changed

    def _changed_since_last_look(self) -> list[Path]:
        """After the folder was replaced: every deck file that is new, edited or gone."""
        seen = {_key(p) for p in self._deck_paths()} | set(self._hashes)
        return self.changed_files({(Change.modified, str(p)) for p in seen})

    async def _watch(self) -> None:
        """Watch the folder the path names; when it is replaced or removed, say so and re-arm."""
        directory = self.directory
        armed_before = False
        trouble: str | None = None  # what was last said about the folder, said once
        while not self._stop.is_set():
            try:
                # Held open while watched: a folder removed and made again at once would
                # otherwise get the same inode number back, and look like the same folder.
                held = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
            except OSError as error:
                said = error.strerror or str(error)
                if said != trouble:
                    log.warning("decks folder %s cannot be watched (%s): deck files are not "
                                "watched until it can", directory, said)
                    trouble = said
                await self._pause()
                continue
            if armed_before or trouble is not None:
                log.warning("decks folder %s is a new folder: watching it now and reloading "
                            "the deck files that changed", directory)
                paths = await asyncio.to_thread(self._changed_since_last_look)
                if paths:
                    await self._run(paths, TRIGGER_WATCH)
            armed_before, trouble = True, None
            try:
                info = os.fstat(held)
                await self._watch_folder((info.st_dev, info.st_ino))
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("watching %s failed; trying again", directory)
                await self._pause()
                continue
            finally:
                os.close(held)
            if not self._stop.is_set():
                log.warning("decks folder %s was removed or replaced: the watch on it ended",
                            directory)

    async def _pause(self) -> None:
        """Wait one folder check, or less when the watcher is stopped."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), self._folder_check_ms / 1000)

    async def _watch_folder(self, watched: FolderId) -> None:
        """Reload on changes until the path no longer names the folder ``watched`` (or stop)."""
        directory = self.directory
        itself = _key(directory)

        armed = False  # the first round proves the OS watch exists

        def wanted(_change: Change, path: str) -> bool:
            return is_deck_file(directory, Path(path)) or _key(Path(path)) == itself

        async for changes in awatch(
            directory, watch_filter=wanted, debounce=self._debounce_ms, step=50,
            stop_event=self._stop, recursive=False, rust_timeout=self._folder_check_ms,
            yield_on_timeout=True,
        ):
            if folder_id(directory) != watched:
                return
            if not armed:
                armed = True
                missed = await asyncio.to_thread(self._changed_since_last_look)
                if missed:
                    log.info("deck files changed while the watch was set up: %s",
                             ", ".join(p.name for p in missed))
                    await self._run(missed, TRIGGER_WATCH)
            if not changes:
                await self._quiet_round()
                continue
            paths = await asyncio.to_thread(self.changed_files, changes)
            if paths:
                log.info("deck files changed: %s", ", ".join(p.name for p in paths))
                await self._run(paths, TRIGGER_WATCH)


class LoopLagMonitor:
    """Measures how late the event loop wakes a sleeping task: its longest stall.

    A diagnostic for benchmarks (a reload must never stall the loop long
    enough to delay an acknowledgement); off unless someone starts it.
    """

    def __init__(self, interval: float = 0.01) -> None:
        self._interval = interval
        self._task: asyncio.Task[None] | None = None
        self.window_max = 0.0
        self.overall_max = 0.0

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="loop-lag")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def new_window(self) -> None:
        self.window_max = 0.0

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(self._interval)
            lag = max(0.0, loop.time() - before - self._interval)
            self.window_max = max(self.window_max, lag)
            self.overall_max = max(self.overall_max, lag)

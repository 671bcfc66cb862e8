"""Reload decks when maintainers save them, or when the process gets SIGHUP.

Both paths call the one reload function the caller gives (the deck admin cog),
one at a time.  The watcher reacts only to deck files of the directory itself:
editor temp files (dotfiles, ``*~``, ``*.swp``), the ``sources/`` notes and
anything that is not ``*.yaml`` are ignored, and a save that leaves a file's
bytes as they were (a touch, the bot's own rewrite of the same content, an
editor's save-without-change) reloads nothing.  Changes are debounced, so an
editor that writes a file in several steps causes one reload.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import signal
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Final

from watchfiles import Change, awatch

log = logging.getLogger(__name__)

TRIGGER_WATCH: Final = "watch"
TRIGGER_SIGNAL: Final = "signal"
DEBOUNCE_MS: Final = 500

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


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class DeckWatcher:
    """Watches ``directory`` and listens for SIGHUP; both end in ``reload``."""

    def __init__(
        self,
        directory: Path,
        reload: Reload,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        handle_sighup: bool = True,
    ) -> None:
        self.directory = directory
        self._reload = reload
        self._debounce_ms = debounce_ms
        self._handle_sighup = handle_sighup
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
        if self.directory.is_dir():
            self._task = asyncio.create_task(self._watch(), name="deck-watch")
        else:
            log.warning("decks directory %s does not exist: not watching it", self.directory)
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

    def _hash_all(self) -> dict[Path, str | None]:
        if not self.directory.is_dir():
            return {}
        return {p: file_hash(p) for p in self.directory.iterdir()
                if p.is_file() and is_deck_file(self.directory, p)}

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
        for path in sorted({Path(p) for _, p in changes}):
            if not is_deck_file(self.directory, path):
                continue
            digest = file_hash(path)
            if path in self._hashes and self._hashes[path] == digest:
                continue
            self._hashes[path] = digest
            if digest is None:
                log.warning("deck file %s was removed; its deck keeps serving", path)
                continue
            changed.append(path)
        return changed

    async def _watch(self) -> None:
        directory = self.directory

        def wanted(_change: Change, path: str) -> bool:
            return is_deck_file(directory, Path(path))

        try:
            async for changes in awatch(
                directory, watch_filter=wanted, debounce=self._debounce_ms, step=50,
                stop_event=self._stop, recursive=False,
            ):
                paths = await asyncio.to_thread(self.changed_files, changes)
                if paths:
                    log.info("deck files changed: %s", ", ".join(p.name for p in paths))
                    await self._run(paths, TRIGGER_WATCH)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("watching %s stopped", directory)


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

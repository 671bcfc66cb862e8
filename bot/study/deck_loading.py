"""Bring deck files into the database: parse off the event loop, then sync.

A file that fails validation is reported and skipped, so the version already
in the database stays live: a broken edit never takes a deck down.  Each deck
is stored in a transaction of its own, so a deck the database refuses anyway
(a value `deck check` should have bounded) is reported like a broken file and
never takes the other decks down with it, at start-up or on a reload.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from bot.decks.cloze import cloze_faces
from bot.decks.errors import DeckError, Phrase, Problem
from bot.decks.limits import MAX_FILE_BYTES, MAX_ID_CHARS
from bot.decks.loader import FileTooBig, LoadedDeck, NotARegularFile, load_deck, read_regular_file
from bot.storage.deck_sync import (
    CardSnapshot,
    DeckSnapshot,
    SyncResult,
    deck_paths,
    record_reload,
    stored_version,
    sync_deck,
)
from bot.storage.transactions import TransactionRunner

log = logging.getLogger(__name__)


@dataclass(slots=True)
class LoadReport:
    synced: dict[str, SyncResult] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def snapshot_of(loaded: LoadedDeck) -> DeckSnapshot:
    deck = loaded.deck
    return DeckSnapshot(
        deck_id=deck.deck,
        title=deck.display_title,
        lang=deck.lang,
        path=loaded.path,
        content_hash=loaded.content_hash,
        scheduler=deck.scheduler,
        cards=[
            CardSnapshot(
                card_id=card.id,
                type=card.type,
                content=card.content(),
                faces=_faces(card.type, card.content()),
                line=loaded.card_lines.get(card.id),
            )
            for card in deck.served_cards
        ],
    )


def _faces(card_type: str, content: dict[str, object]) -> tuple[int, ...]:
    """A cloze card has one face per deletion number (as in Anki); others have one."""
    if card_type == "cloze":
        return tuple(cloze_faces(str(content["text"])))
    return (1,)


def deck_files(directory: Path) -> list[Path]:
    """The deck files of a directory (its sources/ folder holds notes, not decks)."""
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


async def load_deck_files(
    runner: TransactionRunner, paths: Sequence[Path], now: datetime
) -> LoadReport:
    """Parse ``paths`` in a worker thread, then sync each valid deck in its own transaction.

    The same identity rules as a reload apply (a changed deck id or an id two
    files share is refused), and each file's result is recorded as a
    ``start`` reload, so ``/deck info`` has something to show from the start.
    """
    known = await runner.run(deck_paths, read_only=True)
    parsed = await asyncio.to_thread(_parse_checked, paths, known)
    report = LoadReport()
    for item in parsed:
        outcome = await _load_one(runner, item, now)
        if outcome.result is not None:
            report.synced[outcome.deck_id] = outcome.result
        report.problems.extend(outcome.problems)
    return report


async def _load_one(runner: TransactionRunner, item: _Parsed, now: datetime) -> DeckOutcome:
    outcome = DeckOutcome(item.deck_id, str(item.path), None, tuple(item.problems))
    snapshot = item.snapshot
    if snapshot is not None:
        try:
            return await runner.run(functools.partial(
                _apply, snapshot=snapshot, now=now, trigger=TRIGGER_START, by_user=None,
                always=True))
        except Exception as error:  # one deck's refusal must not stop the others
            outcome = refused_by_storage(item.path, item.deck_id, error)
    await runner.run(functools.partial(
        _record, outcome=outcome, now=now, trigger=TRIGGER_START, by_user=None))
    return outcome


_OUTAGES = (OperationalError, InterfaceError, DisconnectionError, PoolTimeoutError)
"""Errors that say the database is unavailable (locked past its timeout, gone, full),
not that one deck's values are wrong: those stop the load instead of being blamed on a deck."""


def refused_by_storage(path: Path, deck_id: str, error: Exception) -> DeckOutcome:
    """The outcome of a deck the database refused although it validated; re-raise outages.

    Every value of a deck is bounded by what its column holds (``deck check``
    says so at the value's line and column), so this is the safety net for a
    bound still missing: the deck is refused like a broken file, its previous
    version keeps serving, the other decks load, and the log has the traceback.
    """
    if isinstance(error, _OUTAGES):
        raise error
    log.error("the database refused deck file %s", path, exc_info=error)
    cause = getattr(error, "orig", None) or error
    detail = (str(cause).strip().splitlines() or [""])[0][:200]
    problem = Problem.of(str(path), 1, 1, Phrase.of(
        "deck_file.storage_refused", detail=f"{type(cause).__name__}: {detail}"))
    return DeckOutcome(deck_id, str(path), None, (problem,))


# -- reloading a running bot's decks ------------------------------------------------------------
#
# Maintainers edit files while learners answer.  A reload therefore parses in a
# worker thread and applies each deck through the transaction runner (a plain
# function of a Connection: on SQLite it runs on the writer thread, so the event
# loop never executes the 10,000-row diff).  A file that is broken, changes its
# deck id, or claims an id another file holds is refused: nothing in the
# database changes and the previous version keeps serving.

TRIGGER_START = "start"
TRIGGER_WATCH = "watch"
TRIGGER_COMMAND = "command"
TRIGGER_SIGNAL = "signal"

_DECK_KEY = re.compile(r"^(?:deck|\"deck\"|'deck')[ \t]*:", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class DeckOutcome:
    """What one reload did to one deck file."""

    deck_id: str
    path: str
    result: SyncResult | None  # None: refused, the previous version is still live
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.result is not None

    def summary_line(self) -> str:
        """``cloud-basics: 2 added, 3 changed (history kept), 1 retired, 0 restored``."""
        if self.result is None:
            n = len(self.problems)
            plural = "s" if n != 1 else ""
            return f"{self.deck_id}: refused, {n} problem{plural}; previous version kept"
        r = self.result
        return (
            f"{self.deck_id}: {len(r.added)} added, {len(r.changed)} changed (history kept), "
            f"{len(r.retired)} retired, {len(r.restored)} restored"
        )


@dataclass(slots=True)
class ReloadReport:
    outcomes: list[DeckOutcome] = field(default_factory=list)
    #: a deck asked for by id that has no file in the decks directory
    unknown: str | None = None

    @property
    def problems(self) -> list[Problem]:
        return [p for o in self.outcomes for p in o.problems]

    @property
    def ok(self) -> bool:
        return self.unknown is None and all(o.ok for o in self.outcomes)


@dataclass(slots=True)
class _Parsed:
    path: Path
    deck_id: str
    loaded: LoadedDeck | None
    problems: list[Problem]
    snapshot: DeckSnapshot | None = None


def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def deck_key_position(path: Path) -> tuple[int, int]:
    """Line and column of the top-level ``deck:`` key (1:1 when the id comes from the name)."""
    try:
        text = read_regular_file(path, MAX_FILE_BYTES).decode("utf-8-sig")
    except (OSError, NotARegularFile, FileTooBig, UnicodeDecodeError):
        return 1, 1
    match = _DECK_KEY.search(text)
    if match is None:
        return 1, 1
    return text.count("\n", 0, match.start()) + 1, 1


def _check_identity(parsed: list[_Parsed], known: dict[str, str]) -> None:
    """Refuse (in place) a file whose deck id changed, or whose id another file holds.

    ``known`` is the database's deck id -> path.  The deck id is the key of
    every learner's history, so a changed id would silently start the deck over.
    """
    by_path = {os.path.realpath(p): deck for deck, p in known.items()}
    first: dict[str, str] = {}
    for item in parsed:
        if item.loaded is None:
            continue
        new_id = item.loaded.deck.deck
        old_id = by_path.get(os.path.realpath(item.path))
        line, col = deck_key_position(item.path)
        if old_id is not None and old_id != new_id:
            item.deck_id = old_id
            item.problems.append(Problem.of(str(item.path), line, col, Phrase.of(
                "deck_file.deck_id_changed", old=old_id, new=new_id)))
        elif new_id in first:
            item.deck_id = old_id or item.path.stem  # not the deck it tried to take over
            item.problems.append(Problem.of(str(item.path), line, col, Phrase.of(
                "deck_file.deck_id_in_use", deck=new_id, path=first[new_id])))
        elif (
            new_id in known
            and not _same_file(known[new_id], str(item.path))
            and Path(known[new_id]).is_file()
            and all(not _same_file(known[new_id], str(o.path)) for o in parsed)
        ):
            item.deck_id = old_id or item.path.stem
            item.problems.append(Problem.of(str(item.path), line, col, Phrase.of(
                "deck_file.deck_id_in_use", deck=new_id, path=known[new_id])))
        if item.problems:
            item.loaded = None
        else:
            first[new_id] = str(item.path)


def _parse_checked(paths: Sequence[Path], known: dict[str, str]) -> list[_Parsed]:
    """Everything CPU-heavy of a reload: parse, validate, check identity, build snapshots."""
    by_path = {os.path.realpath(p): deck for deck, p in known.items()}
    parsed: list[_Parsed] = []
    for path in paths:
        fallback = by_path.get(os.path.realpath(path), path.stem)
        try:
            loaded = load_deck(path)
        except DeckError as error:
            parsed.append(_Parsed(path, fallback, None, list(error.problems)))
            continue
        parsed.append(_Parsed(path, loaded.deck.deck, loaded, []))
    _check_identity(parsed, known)
    for item in parsed:
        if item.loaded is not None:
            item.snapshot = snapshot_of(item.loaded)
    return parsed


def _record_values(
    outcome: DeckOutcome, now: datetime, trigger: str, by_user: int | None
) -> dict[str, Any]:
    r = outcome.result
    summary: dict[str, Any] = (
        {"added": r.added, "changed": r.changed, "retired": r.retired, "restored": r.restored,
         "unchanged": r.unchanged}
        if r is not None else {}
    )
    return {
        "deck_id": outcome.deck_id[:MAX_ID_CHARS], "path": _storable(outcome.path), "at": now,
        "ok": outcome.ok, "summary": summary,
        "problems": [_storable(str(p)) for p in outcome.problems],
        "trigger": trigger, "by_user": by_user,
    }


def _storable(text: str) -> str:
    """``text`` as UTF-8 can hold it: a file name that is not UTF-8 comes back from the
    file system with lone surrogates, which no database text column accepts."""
    return text.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace")


def _record(
    connection: Connection, outcome: DeckOutcome, now: datetime, trigger: str, by_user: int | None
) -> None:
    record_reload(connection, _record_values(outcome, now, trigger, by_user))


def _targets(directory: Path, known: dict[str, str], deck_id: str | None) -> list[Path] | None:
    """The files a reload reads: all deck files, or the one file of ``deck_id`` (None: no file)."""
    files = deck_files(directory)
    if deck_id is None:
        return files
    path = known.get(deck_id)
    if path is not None:
        match = [f for f in files if _same_file(str(f), path)]
        if match:
            return match
    named = [f for f in files if f.stem == deck_id]
    return named or None


async def reload_decks(
    runner: TransactionRunner,
    directory: Path,
    now: datetime,
    *,
    deck_id: str | None = None,
    paths: Sequence[Path] | None = None,
    trigger: str = TRIGGER_COMMAND,
    by_user: int | None = None,
) -> ReloadReport:
    """Reload every deck file of ``directory``, only ``deck_id``'s file, or only ``paths``.

    Each valid deck is synced and its result recorded in one transaction; a
    refused file records its problems and changes nothing else.
    """
    known = await runner.run(deck_paths, read_only=True)
    if paths is not None:
        targets: list[Path] | None = [p for p in paths if p.is_file()]
    else:
        targets = _targets(directory, known, deck_id)
    if targets is None:
        return ReloadReport(unknown=deck_id)
    parsed = await asyncio.to_thread(_parse_checked, targets, known)
    report = ReloadReport()
    for item in parsed:
        snapshot = item.snapshot
        if snapshot is None:
            outcome = DeckOutcome(item.deck_id, str(item.path), None, tuple(item.problems))
            await runner.run(functools.partial(_record, outcome=outcome, now=now,
                                               trigger=trigger, by_user=by_user))
        else:
            try:
                outcome = await runner.run(functools.partial(
                    _apply, snapshot=snapshot, now=now, trigger=trigger, by_user=by_user))
            except Exception as error:  # one deck's refusal must not skip the decks after it
                outcome = refused_by_storage(item.path, item.deck_id, error)
                await runner.run(functools.partial(_record, outcome=outcome, now=now,
                                                   trigger=trigger, by_user=by_user))
        report.outcomes.append(outcome)
    return report


def _apply(
    connection: Connection, snapshot: DeckSnapshot, now: datetime, trigger: str,
    by_user: int | None, always: bool = False,
) -> DeckOutcome:
    """Sync one deck and record the reload, in one transaction.

    A reload skips the diff when the database holds the very bytes already;
    loading at start (``always``) diffs every deck.
    """
    current = None if always else stored_version(connection, snapshot.deck_id)
    if current == (snapshot.content_hash, snapshot.path):
        # The very bytes the database already holds: nothing to diff, the write lock
        # is held for one row instead of 10,000 (a "reload everything" after one edit).
        result = SyncResult(unchanged=len(snapshot.cards))
    else:
        result = sync_deck(connection, snapshot, now)
    outcome = DeckOutcome(snapshot.deck_id, snapshot.path, result)
    _record(connection, outcome, now, trigger, by_user)
    return outcome

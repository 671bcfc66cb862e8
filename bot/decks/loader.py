"""Load a deck file: bytes -> validated `Deck`, or every problem with its line and column.

The pipeline is linear so a 10,000-card deck loads in one pass: decode, parse the YAML
into values plus a position tree (`yamltree`), validate the values once with pydantic,
then translate each validation error's location back to a position in the file
(`locate`). Cross-card checks (duplicate ids) run on the raw values so they are reported
even when other cards are broken.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from bot.decks.errors import DeckError, Phrase, Problem
from bot.decks.limits import MAX_FILE_BYTES
from bot.decks.locate import Locator
from bot.decks.messages import describe_error
from bot.decks.model import Deck
from bot.decks.yamltree import LineIndex, MapNode, RawProblem, ScalarNode, SeqNode, read_yaml

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class LoadedDeck:
    """A validated deck plus what the bot needs to report on it and notice edits."""

    deck: Deck
    path: str
    card_lines: dict[str, int]  # card id -> 1-based line of its `- id:` item
    content_hash: str  # sha256 hex of the file's bytes


def load_deck(path: Path) -> LoadedDeck:
    """Read and validate a deck file; raise DeckError listing every problem found."""
    name = str(path)
    if not _utf8(name):
        shown = os.fsencode(path).decode("utf-8", errors="replace")
        raise DeckError([Problem.of(shown, 1, 1, Phrase.of("deck_file.name_not_utf8"))])
    try:
        data = _read_bounded(path, name)
    except OSError as error:
        raise DeckError([Problem.of(name, 1, 1, Phrase.of("deck_file.unreadable",
                                                          reason=str(error.strerror)))]) from None
    return parse_deck(data, name)


def _utf8(text: str) -> bool:
    """False for a name with bytes the file system gave as lone surrogates (not UTF-8):
    no database column, log channel or terminal can hold it as it is."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read_bounded(path: Path, name: str) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES, or a DeckError."""
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except NotARegularFile:
        raise DeckError(
            [Problem.of(name, 1, 1, Phrase.of("deck_file.not_regular"))]
        ) from None
    except FileTooBig as big:
        raise DeckError([_too_big(name, big.size)]) from None


class NotARegularFile(Exception):
    """A FIFO, a device, a socket or a folder where a deck file was expected."""


class FileTooBig(Exception):
    """A regular file past the limit; ``size`` and ``mtime_ns`` tell one such file from its
    next version without reading it."""

    def __init__(self, size: int, mtime_ns: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size
        self.mtime_ns = mtime_ns


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``: NotARegularFile, FileTooBig past ``limit``, or an OSError.

    Opened non-blocking and checked with fstat, and never read past the limit,
    so a FIFO, a device or a file growing behind the name can neither hang the
    reader nor fill the memory.  Everything that reads the decks folder (the
    loader, the reload, the watcher) reads through here.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(str(path))
        if info.st_size > limit:
            raise FileTooBig(info.st_size, info.st_mtime_ns)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileTooBig(len(data), info.st_mtime_ns)
    return data


def parse_deck(data: bytes, path: str) -> LoadedDeck:
    """Validate deck bytes; `path` names the file in problems and gives the default deck id."""
    if len(data) > MAX_FILE_BYTES:
        raise DeckError([_too_big(path, len(data))])
    content_hash = hashlib.sha256(data).hexdigest()
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DeckError([_not_utf8(path, body, error)]) from None
    lines = LineIndex(text)

    def problem(raw: RawProblem) -> Problem:
        line, col = lines.position(raw.offset)
        return Problem.of(path, line, col, raw.phrase)

    if not text.strip():
        raise DeckError(
            [Problem.of(path, 1, 1, Phrase.of("deck_file.empty_file"))]
        )
    result = read_yaml(text, lines)
    root = result.root
    if root is None and not result.problems:
        raise DeckError([Problem.of(path, 1, 1, Phrase.of("deck_file.only_comments"))])
    if root is None:
        raise DeckError(_sorted(problem(raw) for raw in result.problems))
    raws = list(result.problems)
    if not isinstance(root, MapNode):
        raws.append(
            RawProblem(root.start, Phrase.of("deck_file.top_level"))
        )
        raise DeckError(_sorted(problem(raw) for raw in raws))

    assert isinstance(root.value, dict)
    values: dict[str, Any] = dict(root.value)
    default_id = PurePath(path).stem
    if "deck" not in values:
        values["deck"] = default_id
    # A value the YAML layer already complained about (a tag, a bad alias) would only
    # produce a confusing second message on the same line.
    yaml_lines = {lines.line_of(raw.offset) for raw in raws}
    raws.extend(_duplicate_ids(root, lines))
    deck: Deck | None = None
    try:
        deck = Deck.model_validate(values)
    except ValidationError as error:
        locator = Locator(root, text)
        for detail in error.errors(include_url=False):
            raw = _translate(detail, locator, values, default_id, "deck" in root.entries)
            if raw is not None and lines.line_of(raw.offset) not in yaml_lines:
                raws.append(raw)
    if raws or deck is None:
        raise DeckError(_sorted(problem(raw) for raw in raws))

    cards = root.entries["cards"].node
    assert isinstance(cards, SeqNode)
    card_lines = {
        card.id: lines.line_of(item.start)
        for card, item in zip(deck.cards, cards.items, strict=True)
    }
    return LoadedDeck(deck, path, card_lines, content_hash)


def _translate(
    detail: ErrorDetails, locator: Locator, values: Mapping[str, Any], default_id: str, has_id: bool
) -> RawProblem | None:
    """One pydantic error -> one located problem (None when reported elsewhere)."""
    if detail["type"] == "duplicate_id":
        return None  # reported with both lines by _duplicate_ids
    loc = tuple(detail["loc"])
    if loc == ("deck",) and not has_id:
        return RawProblem(0, Phrase.of("deck_file.bad_file_name_id", name=default_id))
    return describe_error(detail, loc, locator, values)


def _duplicate_ids(root: MapNode, lines: LineIndex) -> list[RawProblem]:
    entry = root.entries.get("cards")
    if entry is None or not isinstance(entry.node, SeqNode):
        return []
    first_seen: dict[str, int] = {}
    found: list[RawProblem] = []
    for item in entry.node.items:
        if not isinstance(item, MapNode):
            continue
        id_entry = item.entries.get("id")
        if id_entry is None or not isinstance(id_entry.node, ScalarNode):
            continue
        card_id = id_entry.node.value
        if not isinstance(card_id, str):
            continue
        if card_id in first_seen:
            line = lines.line_of(first_seen[card_id])
            found.append(
                RawProblem(id_entry.node.start,
                           Phrase.of("deck_file.duplicate_card_id", id=card_id, line=line))
            )
        else:
            first_seen[card_id] = id_entry.node.start
    return found


def _sorted(problems: Any) -> list[Problem]:
    unique = {(p.line, p.col, p.message): p for p in problems}
    return [unique[key] for key in sorted(unique)]


def _too_big(path: str, size: int) -> Problem:
    return Problem.of(path, 1, 1, Phrase.of("deck_file.too_big", size=size / 1_048_576,
                                            limit=MAX_FILE_BYTES // 1_048_576))


def _not_utf8(path: str, body: bytes, error: UnicodeDecodeError) -> Problem:
    line_start = body.rfind(b"\n", 0, error.start) + 1
    line = body.count(b"\n", 0, error.start) + 1
    col = len(body[line_start : error.start].decode("utf-8", errors="replace")) + 1
    bad = body[error.start]
    return Problem.of(path, line, col, Phrase.of("deck_file.not_utf8", byte=bad))

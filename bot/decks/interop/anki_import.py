"""Read notes from an Anki package (`.apkg`): a zip holding an SQLite collection.

Which collection file holds the notes depends on the Anki that wrote it:
- `collection.anki2` alone: genanki, and Anki before 2.1.28;
- `collection.anki21` (schema 11) beside a placeholder `collection.anki2`: Anki's
  "support older Anki versions" export;
- `collection.anki21b` (zstd-compressed, schema 18) beside a placeholder
  `collection.anki2`: Anki 2.1.50 and later by default.
The placeholder holds one note asking to update Anki, so it is never read when a
newer file is present.  `.anki21b` is decompressed with the `zstandard` package.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO, Any

import zstandard

from bot.decks.interop.html import html_to_text
from bot.decks.interop.notes import ImportedNote, NoteData, NoteKind

#: Largest collection a package may unpack to. A deck file holds at most 5 MiB of
#: cards; an Anki collection with the notes of such a deck is a few tens of MiB.
MAX_COLLECTION_BYTES = 256 * 2**20
_CHUNK = 2**20
_SQLITE_MAGIC = b"SQLite format 3\x00"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_FIELD_SEPARATOR = "\x1f"


class ApkgError(ValueError):
    """The file cannot be read as an Anki package; the message says why and what to do."""


def read_apkg_notes(path: Path) -> list[ImportedNote]:
    """Every note of the package, in Anki's note id order (the order they were added)."""
    with _collection_file(path) as database, closing(sqlite3.connect(database)) as db:
        try:
            kinds = _note_kinds(db)
            decks = _deck_names(db)
            rows = db.execute(
                "SELECT n.id, n.guid, n.mid, n.flds, n.tags, "
                "(SELECT c.did FROM cards c WHERE c.nid = n.id ORDER BY c.ord LIMIT 1) "
                "FROM notes n ORDER BY n.id"
            ).fetchall()
        except sqlite3.DatabaseError as error:
            raise ApkgError(f"the collection inside is not an Anki collection ({error})") from None
    notes: list[ImportedNote] = []
    for _, guid, model_id, flds, tags, deck_id in rows:
        kind = kinds.get(int(model_id), "basic")
        fields = tuple(html_to_text(value) for value in str(flds).split(_FIELD_SEPARATOR))
        notes.append(
            ImportedNote(
                f"anki:{guid}",
                NoteData(kind, fields, tuple(str(tags).split())),
                decks.get(int(deck_id)) if deck_id is not None else None,
            )
        )
    return notes


@contextmanager
def _collection_file(path: Path) -> Iterator[str]:
    """The path of a temporary copy of the package's collection, as plain SQLite.

    The collection is streamed to disk and counted as it unpacks: a package is
    small and its collection may unpack to anything (a 37 KB file to a gigabyte),
    so neither the zip's stated sizes nor the whole collection in memory are
    trusted. More than MAX_COLLECTION_BYTES is refused.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ApkgError(f"not an Anki package (not a zip file: {error})") from None
    with archive, tempfile.TemporaryDirectory(prefix="studybot-apkg-") as directory:
        names = set(archive.namelist())
        for name in ("collection.anki21b", "collection.anki21", "collection.anki2"):
            if name in names:
                break
        else:
            raise ApkgError("not an Anki package (no collection.anki2/.anki21/.anki21b inside)")
        if archive.getinfo(name).file_size > MAX_COLLECTION_BYTES:
            raise _too_big()
        target = Path(directory) / "collection.sqlite"
        try:
            _unpack(archive, name, target)
        except (zipfile.BadZipFile, EOFError, OSError) as error:
            raise ApkgError(f"the package is damaged ({error})") from None
        with target.open("rb") as copy:
            if copy.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                raise ApkgError("the collection inside the package is not an SQLite database")
        yield str(target)


def _unpack(archive: zipfile.ZipFile, name: str, target: Path) -> None:
    """Copy one member to ``target``, zstd-decompressed if it is, at most the cap."""
    with archive.open(name) as member, target.open("wb") as out:
        assert isinstance(member, zipfile.ZipExtFile)  # what open() gives for reading
        source: IO[bytes] = member
        if member.peek(len(_ZSTD_MAGIC))[: len(_ZSTD_MAGIC)] == _ZSTD_MAGIC:
            source = zstandard.ZstdDecompressor().stream_reader(member)
        written = 0
        try:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > MAX_COLLECTION_BYTES:
                    raise _too_big()
                out.write(chunk)
        except zstandard.ZstdError as error:
            raise ApkgError(f"the package's compressed collection is damaged ({error})") from None


def _too_big() -> ApkgError:
    return ApkgError(
        f"the collection inside unpacks to more than {MAX_COLLECTION_BYTES // 2**20} MiB; "
        "export fewer notes from Anki (one deck, without scheduling or media)"
    )


def _note_kinds(db: sqlite3.Connection) -> dict[int, NoteKind]:
    """Note type id -> what its notes become: cloze, typed (a `{{type:` template) or basic."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    kinds: dict[int, NoteKind] = {}
    if "notetypes" in tables:  # schema 18: note types in their own tables, protobuf configs
        for ntid, config in db.execute("SELECT id, config FROM notetypes"):
            # NotetypeConfig field 1 is `kind`; CLOZE = 1 (proto3 leaves out the default 0).
            kinds[int(ntid)] = "cloze" if bytes(config or b"").startswith(b"\x08\x01") else "basic"
        for ntid, config in db.execute("SELECT ntid, config FROM templates"):
            blob = bytes(config or b"")
            if b"{{cloze:" in blob:
                kinds[int(ntid)] = "cloze"
            elif b"{{type:" in blob and kinds.get(int(ntid)) != "cloze":
                kinds[int(ntid)] = "typed"
        return kinds
    (models_json,) = db.execute("SELECT models FROM col").fetchone()
    models: dict[str, Any] = json.loads(models_json or "{}")
    for model_id, model in models.items():
        templates = " ".join(str(t.get("qfmt", "")) for t in model.get("tmpls", []))
        if model.get("type") == 1 or "{{cloze:" in templates:
            kinds[int(model_id)] = "cloze"
        elif "{{type:" in templates:
            kinds[int(model_id)] = "typed"
        else:
            kinds[int(model_id)] = "basic"
    return kinds


def _deck_names(db: sqlite3.Connection) -> dict[int, str]:
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "decks" in tables:
        return {int(i): str(n).replace(_FIELD_SEPARATOR, "::") for i, n in
                db.execute("SELECT id, name FROM decks")}
    (decks_json,) = db.execute("SELECT decks FROM col").fetchone()
    decks: dict[str, Any] = json.loads(decks_json or "{}")
    return {int(i): str(d.get("name", "")) for i, d in decks.items()}

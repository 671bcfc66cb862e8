"""Read notes from a CSV file: Anki's plain-text export, or a plain front/back sheet.

Anki's export starts with `#key:value` lines (`#separator:tab`, `#html:true`,
`#guid column:1`, `#notetype column:2`, `#deck column:3`, `#tags column:6`); they are
honoured when present.  A file without them is read as two columns, front and back,
with the separator guessed from the first line and an optional `front,back` heading.
Without a guid column a note is found again by its front, so re-importing the same
sheet updates backs; editing a front makes a new card.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field

from bot.decks.cloze import ClozeSyntaxError, cloze_faces
from bot.decks.interop.html import html_to_text
from bot.decks.interop.notes import ImportedNote, NoteData, NoteKind

_SEPARATORS = {
    "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":",
}
_HEADER = re.compile(r"#([a-z ]+):(.*)")
_HEADING_ROW = {"front", "back", "question", "answer", "앞면", "뒷면", "질문", "답"}


class CsvFormatError(ValueError):
    """The file is not a CSV this reader understands; the message says why."""


@dataclass
class _Header:
    separator: str | None = None
    html: bool = False
    columns: dict[str, int] = field(default_factory=dict)  # "guid"/"notetype"/... -> 0-based
    lines: int = 0


def _read_header(lines: list[str]) -> _Header:
    header = _Header()
    for line in lines:
        match = _HEADER.fullmatch(line.rstrip("\r\n"))
        if match is None:
            break
        header.lines += 1
        key, value = match.group(1).strip(), match.group(2).strip()
        if key == "separator":
            header.separator = _SEPARATORS.get(value.lower(), value[:1] or None)
        elif key == "html":
            header.html = value.lower() == "true"
        elif key.endswith(" column"):
            try:
                header.columns[key.removesuffix(" column")] = int(value) - 1
            except ValueError:
                raise CsvFormatError(f"`#{key}:` needs a column number, not {value!r}") from None
    return header


def _guess_separator(line: str) -> str:
    counts = {sep: line.count(sep) for sep in ("\t", ";", ",", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else "\t"


def _kind(notetype: str | None, first_field: str) -> NoteKind:
    if notetype is not None:
        name = notetype.casefold()
        if "cloze" in name:
            return "cloze"
        if "type" in name and "answer" in name:
            return "typed"
        return "basic"
    try:
        cloze_faces(first_field)
    except ClozeSyntaxError:
        return "basic"
    return "cloze"


def read_csv_notes(text: str) -> list[ImportedNote]:
    """Every note of a CSV file, in file order; raise CsvFormatError if it has none."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    header = _read_header(lines)
    body = "".join(lines[header.lines:])
    first = next((line for line in lines[header.lines:] if line.strip()), "")
    separator = header.separator or _guess_separator(first)
    rows = [row for row in csv.reader(io.StringIO(body), delimiter=separator) if any(row)]
    columns = header.columns
    if not header.lines and rows and {c.strip().casefold() for c in rows[0][:2]} <= _HEADING_ROW:
        rows = rows[1:]
    reserved = {columns[k] for k in ("guid", "notetype", "deck", "tags") if k in columns}
    notes: list[ImportedNote] = []
    for row in rows:
        def cell(name: str, row: list[str] = row) -> str | None:
            index = columns.get(name)
            return row[index] if index is not None and index < len(row) else None

        raw_fields = [value for i, value in enumerate(row) if i not in reserved]
        fields = [html_to_text(v) if header.html else v.strip() for v in raw_fields]
        while len(fields) > 2 and not fields[-1]:
            fields.pop()
        if len(fields) < 2:
            fields += [""] * (2 - len(fields))
        guid = cell("guid")
        anchor = f"anki:{guid}" if guid else _front_anchor(fields[0])
        tags = tuple((cell("tags") or "").split())
        kind = _kind(cell("notetype"), fields[0])
        notes.append(ImportedNote(anchor, NoteData(kind, tuple(fields), tags), cell("deck")))
    if not notes:
        raise CsvFormatError("no rows with cards")
    return notes


def _front_anchor(front: str) -> str:
    key = " ".join(front.split()).casefold()
    return "csv:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]

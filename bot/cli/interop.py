"""`studybot deck export DECK --format apkg|csv [-o FILE]` and
`studybot deck import FILE.csv|FILE.apkg -o DECK.yaml [--deck ID]`.

Both fail with a clear message and exit 2 on bad input, and never leave a half
written file: output goes to a temporary file first, and an import whose result
would not load as a deck leaves the deck file as it was.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.cli.output import say, ui_language
from bot.decks.card_ids import new_card_ids
from bot.decks.errors import DeckError
from bot.decks.generator import writer
from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.merge import DeckFileError
from bot.decks.interop.anki_export import write_apkg
from bot.decks.interop.anki_import import ApkgError, read_apkg_notes
from bot.decks.interop.csv_export import deck_to_csv
from bot.decks.interop.csv_import import CsvFormatError, read_csv_notes
from bot.decks.interop.merge import ImportSummary, merge_imported
from bot.decks.interop.notes import ImportedNote, note_to_card
from bot.decks.limits import fit_title
from bot.decks.loader import load_deck, parse_deck

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NOTHING = 3
FORMATS = ("apkg", "csv")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def export_command(
    deck_path: Path,
    fmt: str,
    output: Path | None,
    *,
    now: datetime | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    lang: str | None = None,
) -> int:
    """Export a deck file; `output` defaults to `<deck id>.<fmt>` in the current folder."""
    stdout, stderr, ui = stdout or sys.stdout, stderr or sys.stderr, ui_language(lang)
    if fmt not in FORMATS:
        say(stderr, "interop.bad_format", ui, fmt=fmt)
        return EXIT_BAD_INPUT
    try:
        deck = load_deck(deck_path).deck
    except DeckError as error:
        for problem in error.problems:
            print(problem.line_in(ui), file=stderr)
        return EXIT_BAD_INPUT
    target = output if output is not None else Path(f"{deck.deck}.{fmt}")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    if fmt == "apkg":
        write_apkg(deck, temporary, now or datetime.now(UTC))
    else:
        temporary.write_text(deck_to_csv(deck), encoding="utf-8")
    temporary.replace(target)
    cards = sum(card.face_count for card in deck.served_cards)
    say(stdout, "interop.exported", ui, path=target, notes=len(deck.served_cards), cards=cards)
    return EXIT_OK


def import_command(
    source: Path,
    output: Path,
    deck_id: str | None,
    *,
    rng: random.Random | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    lang: str | None = None,
) -> int:
    """Import the notes of an Anki package or CSV file into a deck file (new or existing)."""
    stdout, stderr, ui = stdout or sys.stdout, stderr or sys.stderr, ui_language(lang)
    if not source.is_file():
        say(stderr, "interop.missing", ui, path=source)
        return EXIT_BAD_INPUT
    suffix = source.suffix.lower()
    try:
        if suffix in (".apkg", ".colpkg"):
            notes = read_apkg_notes(source)
        elif suffix in (".csv", ".tsv", ".txt"):
            notes = read_csv_notes(source.read_bytes().decode("utf-8-sig"))
        else:
            say(stderr, "interop.unknown_kind", ui, path=source)
            return EXIT_BAD_INPUT
    except (ApkgError, CsvFormatError) as error:
        say(stderr, "interop.unreadable", ui, path=source, reason=error)
        return EXIT_BAD_INPUT
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 text (byte 0x{error.object[error.start]:02x})"
        say(stderr, "interop.unreadable", ui, path=source, reason=reason)
        return EXIT_BAD_INPUT

    existing: str | None = None
    if output.exists():
        try:
            existing = output.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            say(stderr, "interop.unreadable", ui, path=output, reason=error)
            return EXIT_BAD_INPUT
    known = _deck_header(existing)
    resolved_id = str(known.get("deck") or deck_id or output.stem)
    cards: list[GeneratedCard] = []
    skipped: list[tuple[str, str]] = []
    for note in notes:
        made = note_to_card(note, resolved_id)
        if isinstance(made, str):
            skipped.append((note.anchor, made))
        else:
            cards.append(made)
    if not cards:
        say(stderr, "interop.nothing", ui, path=source)
        return EXIT_NOTHING
    try:
        text, summary = merge_imported(
            existing,
            cards,
            deck_id=resolved_id,
            title=str(known.get("title") or fit_title(_title(notes, output))),
            lang=str(known.get("lang") or _language(cards)),
            new_id=new_card_ids(rng or random.Random()),
        )
    except DeckFileError as error:
        say(stderr, "interop.bad_deck", ui, path=output, reason=error)
        return EXIT_BAD_INPUT
    summary.skipped[:0] = skipped
    try:
        parse_deck(text.encode("utf-8"), str(output))
    except DeckError as error:
        say(stderr, "interop.invalid_result", ui, path=output)
        for problem in error.problems:
            print(f"  {problem.line_in(ui)}", file=stderr)
        return EXIT_BAD_INPUT
    if text != existing:
        output.parent.mkdir(parents=True, exist_ok=True)
        temporary = output.with_name(f".{output.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(output)
    _print_summary(summary, output, stdout, ui)
    return EXIT_OK


def _deck_header(existing: str | None) -> dict[str, object]:
    """`deck`, `title` and `lang` of an existing deck file (empty when there is none)."""
    if existing is None or not existing.strip():
        return {}
    try:
        data = writer.load(existing)
    except Exception:  # reported with the file's name when merging
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: data[key] for key in ("deck", "title", "lang") if data.get(key)}


def _title(notes: list[ImportedNote], output: Path) -> str:
    names = Counter(n.deck_name for n in notes if n.deck_name and n.deck_name != "Default")
    if names:
        return names.most_common(1)[0][0].split("::")[-1]
    return output.stem.replace("-", " ").replace("_", " ").strip().capitalize() or output.stem


def _language(cards: list[GeneratedCard]) -> str:
    return "ko" if any(_HANGUL.search(card.all_text()) for card in cards) else "en"


def _print_summary(summary: ImportSummary, output: Path, out: TextIO, ui: str) -> None:
    say(out, "interop.imported", ui, path=output, total=summary.total)
    say(out, "interop.counts", ui, new=len(summary.new), updated=len(summary.updated),
        unchanged=len(summary.unchanged), kept=len(summary.kept), skipped=len(summary.skipped))
    for card_id, anchor in summary.kept:
        say(out, "interop.kept_item", ui, id=card_id, anchor=anchor)
    for anchor, reason in summary.skipped:
        say(out, "interop.skipped_item", ui, anchor=anchor, reason=reason)

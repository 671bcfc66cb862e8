"""`studybot deck generate NOTE.md|NOTES_DIR [-o DECK.yaml|DECKS_DIR] [--deck ID] [--lang ko|en]`.

Bad input (missing file, bytes that are not UTF-8, an empty note, a note with
nothing to extract, a deck file that cannot be read) gets a clear message and a
non-zero exit, and an existing deck is never replaced by an empty one.  Given a
folder, every Markdown note in it becomes (or refreshes) one deck of the same name
in the output folder; one bad note is reported and the others still go through.
"""

from __future__ import annotations

import gc
import os
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from bot.cli.output import say, ui_language
from bot.decks.card_ids import new_card_ids
from bot.decks.generator.generate import detect_lang, generate
from bot.decks.generator.merge import DeckFileError, MergeSummary, merge_into_deck
from bot.decks.generator.naming import deck_id_for, deck_stem
from bot.decks.generator.sentences import normalise
from bot.decks.limits import MAX_ID_CHARS, fit_title, is_valid_id
from bot.i18n import t

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NOTHING = 3


def _decode(data: bytes) -> tuple[str | None, int, int]:
    try:
        return data.decode("utf-8-sig"), 0, 0
    except UnicodeDecodeError as exc:
        return None, data[exc.start], data.count(b"\n", 0, exc.start) + 1


def _print_summary(summary: MergeSummary, out: TextIO, ui: str, target: Path) -> None:
    say(out, "generate.counts", ui, new=len(summary.new), refreshed=len(summary.refreshed),
        kept=len(summary.kept), stale=len(summary.stale), unchanged=len(summary.unchanged),
        hand=summary.hand_written)
    for key in ("new", "refreshed", "kept", "stale"):
        items: list[tuple[str, ...]] = getattr(summary, key)
        if items:
            types = ", ".join(f"{t} {n}" for t, n in summary.by_type(items).items())
            say(out, "generate.by_type", ui, label=t(f"generate.label.{key}", ui), types=types)
    if summary.drafts:
        say(out, "generate.drafts", ui, n=len(summary.drafts), path=target)
    if summary.dropped:
        say(out, "generate.dropped", ui, n=summary.dropped)
    for card_id, _, anchor in summary.kept:
        say(out, "generate.kept_item", ui, id=card_id, anchor=anchor)
    for card_id, _, anchor in summary.stale:
        say(out, "generate.stale_item", ui, id=card_id, anchor=anchor)



@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic collector off while one note is read and its deck written.

    Reading a note allocates hundreds of thousands of small objects that all die by
    reference count; the collector would walk them again and again to find the few
    cycles (a section and its parent), about a tenth of the time on a 1 MB note,
    while the process's peak memory is the same without it.  It is back on (and
    collects whatever cycles were left) before the next note."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_NOTE_SUFFIXES = (".md", ".markdown")


def _notes_in(folder: Path) -> list[Path]:
    """Markdown notes in a folder and its subfolders, hidden ones left out."""
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in _NOTE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def generate_folder(
    folder: Path,
    out: Path | None,
    lang: str | None,
    *,
    rng: random.Random | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    ui_lang: str | None = None,
) -> int:
    """One deck per note: NOTES_DIR/os.ko.md -> DECKS_DIR/os.yaml.  Every note is
    tried; the exit code is the worst of theirs."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    ui = ui_language(ui_lang)
    target_dir = out if out is not None else Path("decks")
    if target_dir.exists() and not target_dir.is_dir():
        say(stderr, "generate.out_is_file", ui, path=target_dir)
        return EXIT_BAD_INPUT
    notes = _notes_in(folder)
    if not notes:
        say(stderr, "generate.no_notes", ui, path=folder)
        return EXIT_NOTHING
    rng = rng or random.Random()
    claimed: dict[str, Path] = {}
    worst = EXIT_OK
    for note in notes:
        stem, _ = deck_stem(note.name)
        deck_id = deck_id_for(stem)  # "a b.md" and "a-b.md" would share it
        if deck_id in claimed:
            say(stderr, "generate.clash", ui, path=claimed[deck_id], other=note, deck=deck_id)
            worst = max(worst, EXIT_BAD_INPUT)
            continue
        claimed[deck_id] = note
        code = generate_command(note, target_dir / f"{stem}.yaml", None, lang, rng=rng,
                                stdout=stdout, stderr=stderr, ui_lang=ui)
        worst = max(worst, code)
    return worst


def generate_command(
    note: Path,
    out: Path | None,
    deck_id: str | None,
    lang: str | None,
    *,
    rng: random.Random | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    ui_lang: str | None = None,
) -> int:
    """Generate or update a deck from a note; prints a summary and returns the exit code."""
    with _collector_paused():
        return _generate_one(note, out, deck_id, lang, rng=rng, stdout=stdout or sys.stdout,
                             stderr=stderr or sys.stderr, ui=ui_language(ui_lang))


def _generate_one(
    note: Path,
    out: Path | None,
    deck_id: str | None,
    lang: str | None,
    *,
    rng: random.Random | None,
    stdout: TextIO,
    stderr: TextIO,
    ui: str,
) -> int:
    if lang is not None and lang not in ("ko", "en"):
        say(stderr, "generate.bad_lang", ui, lang=lang)
        return EXIT_BAD_INPUT
    if deck_id is not None and not is_valid_id(deck_id):
        say(stderr, "generate.bad_deck_id", ui, deck=deck_id, limit=MAX_ID_CHARS)
        return EXIT_BAD_INPUT
    if not note.exists():
        say(stderr, "generate.missing", ui, path=note)
        return EXIT_BAD_INPUT
    if not note.is_file():
        say(stderr, "generate.not_file", ui, path=note)
        return EXIT_BAD_INPUT
    text, byte, line = _decode(note.read_bytes())
    if text is None:
        say(stderr, "generate.encoding", ui, path=note, byte=byte, line=line)
        return EXIT_BAD_INPUT
    if not text.strip():
        say(stderr, "generate.empty", ui, path=note)
        return EXIT_NOTHING
    stem, stem_lang = deck_stem(note.name)
    language = lang or stem_lang or detect_lang(text)
    target = out if out is not None else Path("decks") / f"{stem}.yaml"
    result = generate(text, language)
    cards = result.cards
    if not cards:
        say(stderr, "generate.nothing", ui, path=note)
        return EXIT_NOTHING
    existing: str | None = None
    if target.exists():
        raw, byte, line = _decode(target.read_bytes())
        if raw is None:
            reason = f"not UTF-8 (byte 0x{byte:02x} at line {line})"
            say(stderr, "generate.unreadable_deck", ui, path=target, reason=reason)
            return EXIT_BAD_INPUT
        existing = raw
    source = Path(os.path.relpath(note.resolve(), target.resolve().parent)).as_posix()
    deck_id = deck_id or deck_id_for(target.stem)
    title = normalise(result.title) if result.title else None
    if title is None and deck_id != target.stem:
        title = target.stem  # learners would otherwise see the made-up id
    try:
        new_text, summary = merge_into_deck(
            existing, cards, deck_id=deck_id, title=fit_title(title) if title else None,
            lang=language, source=source, new_id=new_card_ids(rng or random.Random()))
    except DeckFileError as exc:
        say(stderr, "generate.bad_deck", ui, path=target, reason=exc)
        return EXIT_BAD_INPUT
    total = len(summary.new) + len(summary.refreshed) + len(summary.unchanged) + len(summary.kept)
    if new_text == existing:
        say(stdout, "generate.unchanged_file", ui, path=target, total=total)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_text(new_text, encoding="utf-8")
        temporary.replace(target)
        say(stdout, "generate.written", ui, path=target, total=total)
    _print_summary(summary, stdout, ui, target)
    return EXIT_OK

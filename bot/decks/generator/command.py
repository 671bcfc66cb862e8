"""`studybot deck generate NOTE.md|NOTES_DIR [-o DECK.yaml|DECKS_DIR] [--deck ID] [--lang ko|en]`.

Bad input (missing file, bytes that are not UTF-8, an empty note, a note with
nothing to extract, a deck file that cannot be read) gets a clear message and a
non-zero exit, and an existing deck is never replaced by an empty one.  Given a
folder, every Markdown note in it becomes (or refreshes) one deck of the same name
in the output folder; one bad note is reported and the others still go through.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import sys
from pathlib import Path
from typing import TextIO

from bot.decks.generator.generate import detect_lang, generate
from bot.decks.generator.merge import DeckFileError, MergeSummary, merge_into_deck, random_ids
from bot.decks.generator.sentences import normalise
from bot.decks.limits import MAX_ID_CHARS, fit_title
from bot.decks.model import is_valid_id
from bot.i18n import SUPPORTED, t

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NOTHING = 3

class _Say:
    """The ``generate.*`` messages of bot.i18n (bot/i18n/messages/cli.py) in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, /, **values: object) -> str:
        return t(f"generate.{key}", self.lang, **values)


def _ui_lang() -> str:
    lang = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG", "")
    return "ko" if lang.lower().startswith("ko") else "en"


def deck_stem(note: Path) -> tuple[str, str | None]:
    """"cloud-basics.ko.md" -> ("cloud-basics", "ko")."""
    stem = note.name
    if stem.lower().endswith((".md", ".markdown", ".txt")):
        stem = stem.rsplit(".", 1)[0]
    match = re.match(r"^(?P<s>.+)\.(?P<l>ko|en)$", stem)
    if match:
        return match.group("s"), match.group("l")
    return stem, None


_SEPARATORS = re.compile(r"[\s.]+")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


def deck_id_for(stem: str) -> str:
    """The id of a deck named after a note: the name itself when it is a valid id.

    Ids are plain ASCII because they key every learner's history and are typed in
    commands, but notes are called "네트워크 기초.md" or "My notes.md", and a deck
    whose id is its file name would be refused by the loader.  Spaces and dots
    become `-`; when anything else had to go (Hangul, other punctuation, a name too
    long) a short hash of the whole name is added, so two such notes never share an
    id and every run derives the same one."""
    if is_valid_id(stem):
        return stem
    slug = _SEPARATORS.sub("-", stem.strip())
    if is_valid_id(slug):
        return slug
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    base = _NOT_ID.sub("-", stem)[: MAX_ID_CHARS - len(digest) - 1].strip("-")
    return f"{base}-{digest}" if base else f"deck-{digest}"


def _decode(data: bytes) -> tuple[str | None, int, int]:
    try:
        return data.decode("utf-8-sig"), 0, 0
    except UnicodeDecodeError as exc:
        return None, data[exc.start], data.count(b"\n", 0, exc.start) + 1


def _print_summary(summary: MergeSummary, out: TextIO, ui: str, target: Path) -> None:
    msg = _Say(ui)
    print(msg("counts", new=len(summary.new), refreshed=len(summary.refreshed),
                               kept=len(summary.kept), stale=len(summary.stale),
                               unchanged=len(summary.unchanged), hand=summary.hand_written),
          file=out)
    for key in ("new", "refreshed", "kept", "stale"):
        items: list[tuple[str, ...]] = getattr(summary, key)
        if items:
            types = ", ".join(f"{kind} {n}" for kind, n in summary.by_type(items).items())
            print(msg("by_type", label=t(f"generate.label.{key}", ui), types=types), file=out)
    if summary.drafts:
        print(msg("drafts", n=len(summary.drafts), path=target), file=out)
    if summary.dropped:
        print(msg("dropped", n=summary.dropped), file=out)
    for card_id, _, anchor in summary.kept:
        print(msg("kept_item", id=card_id, anchor=anchor), file=out)
    for card_id, _, anchor in summary.stale:
        print(msg("stale_item", id=card_id, anchor=anchor), file=out)


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
    ui = ui_lang if ui_lang in SUPPORTED else _ui_lang()
    msg = _Say(ui)
    target_dir = out if out is not None else Path("decks")
    if target_dir.exists() and not target_dir.is_dir():
        print(msg("out_is_file", path=target_dir), file=stderr)
        return EXIT_BAD_INPUT
    notes = _notes_in(folder)
    if not notes:
        print(msg("no_notes", path=folder), file=stderr)
        return EXIT_NOTHING
    rng = rng or random.Random()
    claimed: dict[str, Path] = {}
    worst = EXIT_OK
    for note in notes:
        stem, _ = deck_stem(note)
        deck_id = deck_id_for(stem)  # "a b.md" and "a-b.md" would share it
        if deck_id in claimed:
            print(msg("clash", path=claimed[deck_id], other=note, deck=deck_id),
                  file=stderr)
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
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    ui = ui_lang if ui_lang in SUPPORTED else _ui_lang()
    msg = _Say(ui)
    if lang is not None and lang not in ("ko", "en"):
        print(msg("bad_lang", lang=lang), file=stderr)
        return EXIT_BAD_INPUT
    if deck_id is not None and not is_valid_id(deck_id):
        print(msg("bad_deck_id", deck=deck_id, limit=MAX_ID_CHARS), file=stderr)
        return EXIT_BAD_INPUT
    if not note.exists():
        print(msg("missing", path=note), file=stderr)
        return EXIT_BAD_INPUT
    if not note.is_file():
        print(msg("not_file", path=note), file=stderr)
        return EXIT_BAD_INPUT
    text, byte, line = _decode(note.read_bytes())
    if text is None:
        print(msg("encoding", path=note, byte=byte, line=line), file=stderr)
        return EXIT_BAD_INPUT
    if not text.strip():
        print(msg("empty", path=note), file=stderr)
        return EXIT_NOTHING
    stem, stem_lang = deck_stem(note)
    language = lang or stem_lang or detect_lang(text)
    target = out if out is not None else Path("decks") / f"{stem}.yaml"
    result = generate(text, language)
    cards = result.cards
    if not cards:
        print(msg("nothing", path=note), file=stderr)
        return EXIT_NOTHING
    existing: str | None = None
    if target.exists():
        raw, byte, line = _decode(target.read_bytes())
        if raw is None:
            reason = f"not UTF-8 (byte 0x{byte:02x} at line {line})"
            print(msg("unreadable_deck", path=target, reason=reason), file=stderr)
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
            lang=language, source=source, new_id=random_ids(rng or random.Random()))
    except DeckFileError as exc:
        print(msg("bad_deck", path=target, reason=exc), file=stderr)
        return EXIT_BAD_INPUT
    total = len(summary.new) + len(summary.refreshed) + len(summary.unchanged) + len(summary.kept)
    if new_text == existing:
        print(msg("unchanged_file", path=target, total=total), file=stdout)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_text(new_text, encoding="utf-8")
        temporary.replace(target)
        print(msg("written", path=target, total=total), file=stdout)
    _print_summary(summary, stdout, ui, target)
    return EXIT_OK

"""`studybot deck check PATH...`: lint deck files the way a compiler reports errors.

Every problem of every file is listed as `path:line:col: message` so an editor or CI log
can jump to it; a valid deck gets a one-line summary so the maintainer sees what the
bot will serve. The CLI only prints `lines` and exits with `exit_code`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.decks.errors import DeckError, Problem
from bot.decks.loader import LoadedDeck, load_deck
from bot.decks.model import CARD_TYPES

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2  # a path that does not exist or holds no deck


@dataclass(frozen=True, slots=True)
class CheckReport:
    lines: list[str] = field(default_factory=list)
    exit_code: int = EXIT_OK
    problems: list[Problem] = field(default_factory=list)
    decks: list[LoadedDeck] = field(default_factory=list)


def summary(loaded: LoadedDeck) -> str:
    """`decks/x.yaml: ok — 42 cards (basic 20, choice 12, cloze 6, typed 4), 50 faces`.

    Cards and faces count what the bot serves; stale cards and drafts are added at
    the end so a maintainer sees what is waiting for a decision."""
    deck = loaded.deck
    served = deck.served_cards
    counts: Counter[str] = Counter(card.type for card in served)
    by_type = ", ".join(f"{kind} {counts[kind]}" for kind in CARD_TYPES if counts[kind])
    cards = f"{len(served)} card" + ("" if len(served) == 1 else "s")
    faces = f"{deck.face_count} face" + ("" if deck.face_count == 1 else "s")
    stale = sum(card.stale for card in deck.cards)
    drafts = sum(card.draft for card in deck.cards)
    tail = f", {stale} stale" if stale else ""
    if drafts:
        tail += f", {drafts} draft{'' if drafts == 1 else 's'} (not served until accepted)"
    kinds = f" ({by_type})" if by_type else ""  # a new deck may hold drafts only
    return f"{loaded.path}: ok — {cards}{kinds}, {faces}{tail}"


def _expand(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    missing: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.yaml") if p.is_file())
            if not found:
                missing.append(f"{path}: no *.yaml deck files in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(f"{path}: no such file or directory")
    return files, missing


def check_paths(paths: Sequence[Path]) -> CheckReport:
    """Load every deck named (directories: their *.yaml files) and report on each."""
    files, missing = _expand(paths)
    lines = list(missing)
    problems: list[Problem] = []
    decks: list[LoadedDeck] = []
    owners: dict[str, str] = {}
    seen: set[Path] = set()
    for path in files:
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        try:
            loaded = load_deck(path)
        except DeckError as error:
            problems.extend(error.problems)
            lines.extend(str(problem) for problem in error.problems)
            continue
        first = owners.setdefault(loaded.deck.deck, loaded.path)
        if first != loaded.path:
            clash = Problem(
                loaded.path, 1, 1, f"deck id `{loaded.deck.deck}` is already used by {first}"
            )
            problems.append(clash)
            lines.append(str(clash))
            continue
        decks.append(loaded)
        lines.append(summary(loaded))
    if missing:
        code = EXIT_USAGE
    elif problems:
        code = EXIT_PROBLEMS
    else:
        code = EXIT_OK
    return CheckReport(lines, code, problems, decks)

"""`studybot deck check PATH...`: lint deck files the way a compiler reports errors.

Every problem of every file is listed as `path:line:col: message` so an editor or CI log
can jump to it; a valid deck gets a one-line summary so the maintainer sees what the
bot will serve. The CLI only prints `lines` and exits with `exit_code`.  The lines are
English by default (CI logs and scripts read them) and in Korean with ``--lang ko``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.decks.errors import DeckError, Phrase, Problem
from bot.decks.loader import LoadedDeck, load_deck
from bot.decks.model import CARD_TYPES
from bot.i18n.catalogue import FALLBACK, t, tn

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2  # a path that does not exist or holds no deck


@dataclass(frozen=True, slots=True)
class CheckReport:
    lines: list[str] = field(default_factory=list)
    exit_code: int = EXIT_OK
    problems: list[Problem] = field(default_factory=list)
    decks: list[LoadedDeck] = field(default_factory=list)


def summary(loaded: LoadedDeck, lang: str = FALLBACK) -> str:
    """`decks/x.yaml: ok — 42 cards (basic 20, choice 12, cloze 6, typed 4), 50 faces`.

    Cards and faces count what the bot serves; stale cards and drafts are added at
    the end so a maintainer sees what is waiting for a decision."""
    deck = loaded.deck
    served = deck.served_cards
    counts: Counter[str] = Counter(card.type for card in served)
    by_type = ", ".join(t("deck_check.kind", lang, kind=t(f"deck_check.type.{kind}", lang),
                          n=counts[kind]) for kind in CARD_TYPES if counts[kind])
    stale = sum(card.stale for card in deck.cards)
    drafts = sum(card.draft for card in deck.cards)
    # A new deck may hold drafts only: no types to list.
    kinds = t("deck_check.kinds", lang, kinds=by_type) if by_type else ""
    parts = [tn("deck_check.cards", lang, len(served)) + kinds,
             tn("deck_check.faces", lang, deck.face_count)]
    if stale:
        parts.append(tn("deck_check.stale", lang, stale))
    if drafts:
        parts.append(tn("deck_check.drafts", lang, drafts))
    return t("deck_check.summary", lang, path=loaded.path, parts=", ".join(parts))


def _expand(paths: Sequence[Path], lang: str) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    missing: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.yaml") if p.is_file())
            if not found:
                missing.append(t("deck_check.no_decks_in_dir", lang, path=str(path)))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(t("deck_check.no_such_path", lang, path=str(path)))
    return files, missing


def check_paths(paths: Sequence[Path], lang: str = FALLBACK) -> CheckReport:
    """Load every deck named (directories: their *.yaml files) and report on each.

    The lines are in ``lang``: English unless the maintainer asks for another
    language; the `path:line:col:` prefix of a problem is the same in every one.
    """
    files, missing = _expand(paths, lang)
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
            lines.extend(problem.line_in(lang) for problem in error.problems)
            continue
        first = owners.setdefault(loaded.deck.deck, loaded.path)
        if first != loaded.path:
            clash = Problem.of(loaded.path, 1, 1, Phrase.of(
                "deck_file.deck_id_taken", deck=loaded.deck.deck, path=first))
            problems.append(clash)
            lines.append(clash.line_in(lang))
            continue
        decks.append(loaded)
        lines.append(summary(loaded, lang))
    if missing:
        code = EXIT_USAGE
    elif problems:
        code = EXIT_PROBLEMS
    else:
        code = EXIT_OK
    return CheckReport(lines, code, problems, decks)

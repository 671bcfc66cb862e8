"""Deck files: model, loader with `file:line:col` problems, cloze, answer matching, lint.

The names below are imported from their modules when first used (PEP 562), so a
command that needs one part, such as `studybot deck generate`, does not load the
loader and the checker too.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.decks.check import CheckReport, check_paths
    from bot.decks.cloze import ClozePrompt, ClozeSyntaxError, cloze_faces, render_cloze
    from bot.decks.errors import DeckError, Problem
    from bot.decks.loader import LoadedDeck, load_deck, parse_deck
    from bot.decks.matching import Verdict, match_answer
    from bot.decks.model import (
        AnyCard,
        BasicCard,
        Card,
        ChoiceCard,
        ClozeCard,
        Deck,
        SrcRef,
        TypedCard,
    )

_HOME = {
    "CheckReport": "check", "check_paths": "check",
    "ClozePrompt": "cloze", "ClozeSyntaxError": "cloze", "cloze_faces": "cloze",
    "render_cloze": "cloze",
    "DeckError": "errors", "Problem": "errors",
    "LoadedDeck": "loader", "load_deck": "loader", "parse_deck": "loader",
    "Verdict": "matching", "match_answer": "matching",
    "AnyCard": "model", "BasicCard": "model", "Card": "model", "ChoiceCard": "model",
    "ClozeCard": "model", "Deck": "model", "SrcRef": "model", "TypedCard": "model",
}

__all__ = [
    "AnyCard",
    "BasicCard",
    "Card",
    "CheckReport",
    "ChoiceCard",
    "ClozeCard",
    "ClozePrompt",
    "ClozeSyntaxError",
    "Deck",
    "DeckError",
    "LoadedDeck",
    "Problem",
    "SrcRef",
    "TypedCard",
    "Verdict",
    "check_paths",
    "cloze_faces",
    "load_deck",
    "match_answer",
    "parse_deck",
    "render_cloze",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value

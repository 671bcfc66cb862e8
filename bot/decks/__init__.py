"""Deck files: model, loader with `file:line:col` problems, cloze, answer matching, lint."""

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

"""Deck generator: Markdown study notes -> deck YAML, by rules, offline.

Public API: `generate_cards` (note text -> cards) and `merge_into_deck` (cards +
existing deck text -> new deck text).  The command line is bot.cli.generate.
"""

from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.generate import generate_cards
from bot.decks.generator.merge import MergeSummary, merge_into_deck

__all__ = ["GeneratedCard", "MergeSummary", "generate_cards", "merge_into_deck"]

"""Deck generator: Markdown study notes -> deck YAML, by rules, offline.

Public API: `generate_command` (the CLI entry), `generate_cards` (note text ->
cards) and `merge_into_deck` (cards + existing deck text -> new deck text).
"""

from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.command import generate_command
from bot.decks.generator.generate import generate_cards
from bot.decks.generator.merge import MergeSummary, merge_into_deck, random_ids

__all__ = ["GeneratedCard", "MergeSummary", "generate_cards", "generate_command",
           "merge_into_deck", "random_ids"]

"""Bounds on what a deck file may contain, so a hostile or broken file fails fast and clearly.

A deck is hand-edited text of a few hundred kilobytes; these bounds sit far above any
real deck and far below what would stall the bot's event loop or exhaust memory.
"""

from __future__ import annotations

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest deck file accepted (5 MiB); a 10,000-card deck is about 2 MiB."""

MAX_TEXT_CHARS = 10_000
"""Longest text field (front, back, cloze text, ...), in characters."""

MAX_ALIAS_NODES = 100_000
"""Most values that YAML aliases (`*name`) may add once expanded (stops billion laughs)."""

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings; a deck needs four levels."""

MAX_ID_CHARS = 64
"""Longest card or deck id."""

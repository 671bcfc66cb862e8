"""Bounds on what a deck file may contain, so a hostile or broken file fails fast and clearly.

A deck is hand-edited text of a few hundred kilobytes; these bounds sit far above any
real deck and far below what would stall the bot's event loop or exhaust memory.
"""

from __future__ import annotations

import re

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest deck file accepted (5 MiB); a 10,000-card deck is about 2 MiB."""

MAX_TEXT_CHARS = 10_000
"""Longest text field (front, back, cloze text, ...), in characters."""

MAX_ALIAS_NODES = 100_000
"""Most values that YAML aliases (`*name`) may add once expanded (stops billion laughs)."""

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings; a deck needs four levels."""

MAX_CHOICES = 20
"""Most choices a choice card may offer: a Discord message holds 25 buttons (five rows of
five), four rows go to the choices and the last one to Skip and Stop.  A card with more
could shuffle its answer off the buttons, so `deck check` refuses it."""

MAX_ID_CHARS = 64
"""Longest card or deck id."""

_ID = re.compile(rf"[A-Za-z0-9_-]{{1,{MAX_ID_CHARS}}}")


def is_valid_id(value: str) -> bool:
    """Whether `value` may be a deck or card id: what `deck check` accepts.  Here rather
    than in bot.decks.model so that `deck generate` checks an id without loading pydantic."""
    return _ID.fullmatch(value) is not None

MAX_TITLE_CHARS = 200
"""Longest deck title: the database keeps it in a VARCHAR(200) column (``decks.title``)."""

MAX_CLOZE_NUMBER = 2**15 - 1
"""Highest cloze number (`{{c32767::…}}`): each number is a face, and every face column
(``card_faces``, ``review_states``, ``review_log``, ``prompts``, ``daily_posts``) is a
SMALLINT; PostgreSQL refuses more, SQLite refuses anything past 64 bits."""


def fit_title(title: str) -> str:
    """``title`` cut to MAX_TITLE_CHARS (ending in "…"), for titles taken from a note's
    heading or an Anki deck name, so a written deck never fails `deck check` for it."""
    if len(title) <= MAX_TITLE_CHARS:
        return title
    return title[: MAX_TITLE_CHARS - 1].rstrip() + "…"

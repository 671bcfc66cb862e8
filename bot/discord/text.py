"""Cutting deck text to Discord's length limits without mangling it.

Discord rejects a whole message (400, code 50035) when one field is a single
character too long, so every piece of deck text we send goes through `cut`.
A cut prefers a word boundary near the end, never splits a combining mark
from its base letter, and always ends in an ellipsis so the learner can see
that something is missing.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

ELLIPSIS: Final = "…"

# Discord's documented limits (characters).
EMBED_TITLE: Final = 256
EMBED_DESCRIPTION: Final = 4096
EMBED_FIELD_NAME: Final = 256
EMBED_FIELD_VALUE: Final = 1024
EMBED_FOOTER: Final = 2048
EMBED_AUTHOR: Final = 256
EMBED_TOTAL: Final = 6000
MESSAGE_CONTENT: Final = 2000
BUTTON_LABEL: Final = 80
MODAL_TITLE: Final = 45
MODAL_LABEL: Final = 45
TEXT_INPUT_PLACEHOLDER: Final = 100
CUSTOM_ID: Final = 100
CHOICE_NAME: Final = 100
COMMAND_DESCRIPTION: Final = 100
COMMAND_NAME: Final = 32

#: How far back from the limit a word boundary may be to be preferred over a hard cut.
_WORD_WINDOW: Final = 20

_COMMAND_NAME_ALLOWED = re.compile(r"[^\w-]")


def cut(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else a clean prefix ending in "…"."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if len(text) <= limit:
        return text
    if limit == 1:
        return ELLIPSIS
    end = limit - len(ELLIPSIS)
    # Never leave a combining mark without the letter it belongs to.
    while end > 0 and unicodedata.combining(text[end]):
        end -= 1
    head = text[:end]
    space = max(head.rfind(" "), head.rfind("\n"))
    if space > 0 and end - space <= _WORD_WINDOW:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def one_line(text: str) -> str:
    """Collapse whitespace runs (newlines included): labels and titles are one line."""
    return " ".join(text.split())


def label(text: str, limit: int = BUTTON_LABEL) -> str:
    """A button or modal label: one line, cut to ``limit``, never empty (Discord refuses "")."""
    flat = one_line(text)
    return cut(flat, limit) if flat else "-"


def command_name(text: str) -> str | None:
    """A valid slash-command or option name from a translation, or None if nothing is left.

    Discord wants 1-32 lowercase letters (any script, Korean included), digits,
    ``-`` or ``_``; a translation that breaks the rule would make the whole
    command sync fail, so it is repaired or dropped rather than sent.
    """
    name = "-".join(text.lower().split())
    name = _COMMAND_NAME_ALLOWED.sub("", name)[:COMMAND_NAME]
    return name or None

"""Which cards of a deck are siblings: the faces of one card, and the cards of one source unit.

Siblings give each other away ("하이퍼바이저란?" answers the next card's
"…중간 계층은?"), so the queue never shows two of them on one study day
(bot.srs.siblings).  What makes cards siblings is written in the deck file:

- the faces of one card (a cloze card's c1..cN) always are;
- generated cards carry ``src.anchor``.  The generator names a knowledge unit
  ``<heading path>#<kind>[:<key>]`` and every card it makes from that unit
  shares it, up to a ``|<variant>`` suffix (a reverse card) and a ``~<n>``
  suffix (a second card whose anchor would otherwise repeat); the key holds
  neither ``#`` nor ``|``, so the unit is what the anchor says before them.
  Any other anchor (an imported note's ``anki:<guid>``) names one note, whose
  cards are siblings as Anki's are;
- generated cards taken from the same lines of the note (overlapping
  ``src.lines``) are siblings too, though the generator read them as two
  units: a definition and the cloze of the same sentence, a question and the
  list item that answers it, give each other away just as much.

Each card gets a key its siblings share: a short digest of the deck and of
the group's smallest member, so it is one fixed-width column, it does not
depend on the order of the file, and equal keys mean siblings in any deck.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

#: Characters of a stored key (hex of a 64-bit digest).
KEY_LENGTH = 16

_DUPLICATE = re.compile(r"~\d+$")


def source_unit(anchor: str) -> str:
    """The source unit an anchor belongs to: the anchor without its variant and duplicate marks."""
    unit = _DUPLICATE.sub("", anchor)
    kind_at = unit.rfind("#")
    if kind_at >= 0:  # the generator's "<headings>#<kind>:<key>|<variant>"
        bar = unit.find("|", kind_at)
        if bar >= 0:
            unit = unit[:bar]
    return unit


def _src(content: Mapping[str, Any]) -> Mapping[str, Any]:
    src = content.get("src")
    return src if isinstance(src, Mapping) else {}


def anchor_of(content: Mapping[str, Any]) -> str | None:
    """A stored card's ``src.anchor``, if the deck file gives one."""
    anchor = _src(content).get("anchor")
    return anchor if isinstance(anchor, str) and anchor.strip() else None


def lines_of(content: Mapping[str, Any]) -> tuple[int, int] | None:
    """A stored card's ``src.lines`` (first, last), if the deck file gives them."""
    lines = _src(content).get("lines")
    if (isinstance(lines, Sequence) and len(lines) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in lines)
            and 1 <= lines[0] <= lines[1]):
        return int(lines[0]), int(lines[1])
    return None


def _own_group(card_id: str, content: Mapping[str, Any]) -> str:
    anchor = anchor_of(content)
    return f"src\0{source_unit(anchor)}" if anchor is not None else f"card\0{card_id}"


class _Groups:
    """Union-find over group names; a group's name is its smallest member's."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        root = self.parent.setdefault(name, name)
        while root != self.parent[root]:
            root = self.parent[root]
        while name != root:  # path compression
            self.parent[name], name = root, self.parent[name]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low


def sibling_keys(deck_id: str, cards: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[str, str]:
    """Card id -> the key it shares with its siblings, for every (card id, content) of a deck."""
    groups = _Groups()
    own = {card_id: _own_group(card_id, content) for card_id, content in cards}
    spans = sorted(
        (lines, own[card_id])
        for card_id, content in cards
        if (lines := lines_of(content)) is not None
    )
    previous: str | None = None
    end = 0
    for (first, last), group in spans:  # a sweep: each span joins the run it overlaps
        if previous is not None and first <= end:
            groups.join(previous, group)
            end = max(end, last)
        else:
            end = last
        previous = group
    return {card_id: _digest(deck_id, groups.find(group)) for card_id, group in own.items()}


def _digest(deck_id: str, group: str) -> str:
    digest = hashlib.blake2b(f"{deck_id}\0{group}".encode(), digest_size=KEY_LENGTH // 2)
    return digest.hexdigest()

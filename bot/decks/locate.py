"""Find where in the file a validation error's location (`('cards', 3, 'front')`) points.

Pydantic reports errors by path through the values; the position tree built while
parsing mirrors those values, so each lookup walks a few dictionary and list steps
instead of searching the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.decks.model import CARD_TYPES
from bot.decks.yamltree import MapNode, Node, ScalarNode, SeqNode


@dataclass(frozen=True, slots=True)
class Target:
    node: Node | None  # the value at the path, None if the path leads to a missing key
    key_start: int | None  # offset of the key naming that value, when reached by a key
    container: Node  # the deepest value that exists along the path


def strip_card_type(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Drop the card type pydantic inserts after `('cards', i)` for discriminated unions."""
    if len(loc) >= 3 and loc[0] == "cards" and isinstance(loc[1], int) and loc[2] in CARD_TYPES:
        return loc[:2] + loc[3:]
    return loc


class Locator:
    def __init__(self, root: Node, text: str) -> None:
        self.root = root
        self.text = text

    def find(self, loc: tuple[int | str, ...]) -> Target:
        node: Node = self.root
        key_start: int | None = None
        for step in loc:
            if isinstance(node, MapNode) and isinstance(step, str) and step in node.entries:
                entry = node.entries[step]
                node, key_start = entry.node, entry.key_start
            elif isinstance(node, SeqNode) and isinstance(step, int) and step < len(node.items):
                node, key_start = node.items[step], None
            else:
                return Target(None, None, node)
        return Target(node, key_start, node)

    def value_offset(self, target: Target) -> int:
        """Where to point for a bad value: the value itself, or its key if it is blank."""
        node = target.node
        if node is None:
            return target.container.start
        if isinstance(node, ScalarNode) and node.start == node.end and target.key_start is not None:
            return target.key_start
        return node.start

    def starts_with(self, node: Node, prefix: str) -> bool:
        return self.text.startswith(prefix, node.start)

    def offset_in_string(self, node: Node, value: str, offset: int) -> int:
        """Offset in the file of character `offset` of a string value written at `node`."""
        if not isinstance(node, ScalarNode) or not 0 <= offset < len(value):
            return node.start
        source = self.text[node.start : node.end]
        one_line = "\n" not in source
        if one_line and node.style is None:
            return node.start + offset
        if one_line and node.style == "'" and "''" not in source:
            return node.start + 1 + offset
        if one_line and node.style == '"' and "\\" not in source:
            return node.start + 1 + offset
        # Escapes, folding or indentation make offsets differ: find the same characters.
        snippet = value[offset : offset + 8].split("\n", 1)[0] or value[offset]
        nth = 0
        at = value.find(snippet)
        while -1 < at < offset:
            nth += 1
            at = value.find(snippet, at + 1)
        at = source.find(snippet)
        while at != -1 and nth > 0:
            nth -= 1
            at = source.find(snippet, at + 1)
        return node.start + at if at != -1 else node.start

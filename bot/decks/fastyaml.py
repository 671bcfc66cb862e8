"""A fast reader for the plain, regular YAML that deck files are made of; ruamel for the rest.

ruamel.yaml's pure-Python scanner reads about 1 MB a second, so a 10,000-card deck
(about 2 MB) would take longer than the two seconds a reload may take. Deck files,
whether written by the generator or by hand, use a small corner of YAML: block mappings
with name keys, `- id:` lists, one-line plain or quoted values, one-line `[a, b]` and
`{k: v}` and `|` blocks. This module reads exactly that corner line by line, producing
the same values and the same positions as the ruamel path (a differential test holds it
to that), and gives up -- returning None -- on anything else: anchors, tags, folded or
multi-line values, tabs, lone CRs, duplicate keys, empty values, or anything that
might be a mistake. Errors are therefore always found and phrased by the ruamel path.
"""

from __future__ import annotations

import bisect
import re

from bot.decks.limits import MAX_DEPTH
from bot.decks.yamltree import Entry, MapNode, Node, PlainResolver, ScalarNode, SeqNode

# Anything ruamel would reject, treat as a line break, or count specially: let it decide.
_UNUSUAL = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?= |$)")
_FLOW_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*): ")
_NOT_PLAIN_START = frozenset("[]{},#&*!|>'\"%@`?:")
_FLOW_STOP = re.compile(r"[,\[\]{}]|:[ ,\[\]{}]|:$| #")
_BLOCK_HEADER = re.compile(r"\|([-+]?)(?: +#.*)? *$")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


class _GiveUp(Exception):
    """Not in the simple subset: the caller falls back to the full parser."""


def read_simple(text: str) -> Node | None:
    """The document's root node, or None when the text needs the full YAML parser."""
    original = text
    crlf = "\r" in text
    if crlf:
        # Windows line ends: read the text with plain '\n' and shift every offset back by
        # the '\r's before it. A lone '\r' is a line break of its own: not simple.
        unix = text.replace("\r\n", "\n")
        if "\r" in unix:
            return None
        text = unix
    if not text or _UNUSUAL.search(text) is not None:
        return None
    try:
        root = _Reader(text).document()
    except (_GiveUp, IndexError, ValueError, RecursionError):
        return None
    if crlf:
        _shift_for_crlf(root, original)
    return root


def _shift_for_crlf(root: Node, original: str) -> None:
    # Where, in the '\n'-only text, each removed '\r' stood (a file may mix line ends).
    removed: list[int] = []
    at = original.find("\r\n")
    while at != -1:
        removed.append(at - len(removed))
        at = original.find("\r\n", at + 2)

    def shift(offset: int) -> int:
        return offset + bisect.bisect_left(removed, offset)

    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node.start, node.end = shift(node.start), shift(node.end)
        if isinstance(node, SeqNode):
            stack.extend(node.items)
        elif isinstance(node, MapNode):
            for entry in node.entries.values():
                entry.key_start = shift(entry.key_start)
                stack.append(entry.node)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        offsets = [0] * len(self.lines)
        at = 0
        for number, line in enumerate(self.lines):
            offsets[number] = at
            at += len(line) + 1
        self.offsets = offsets
        self.count = len(self.lines)
        self.row = 0
        self.plain = PlainResolver()
        self.depth = 0

    # -- lines ---------------------------------------------------------------------------

    def _skip(self, row: int) -> int:
        """First row at or after `row` that holds content (not blank, not a comment)."""
        lines = self.lines
        while row < self.count:
            stripped = lines[row].lstrip(" ")
            if stripped and stripped[0] != "#":
                return row
            row += 1
        return row

    def _indent(self, row: int) -> int:
        line = self.lines[row]
        return len(line) - len(line.lstrip(" "))

    def _end_of_line(self, row: int, col: int) -> None:
        """After a value only spaces and a ` #` comment may follow."""
        rest = self.lines[row][col:]
        stripped = rest.lstrip(" ")
        if stripped and not (stripped[0] == "#" and len(stripped) < len(rest)):
            raise _GiveUp

    # -- document and blocks ---------------------------------------------------------------

    def document(self) -> Node:
        row = self._skip(0)
        if row >= self.count or self._indent(row) != 0:
            raise _GiveUp
        line = self.lines[row]
        if line.startswith(("---", "...", "%")):
            raise _GiveUp
        self.row = row
        root = self._block(0, row, 0, indentless=False)
        if self._skip(self.row) < self.count:
            raise _GiveUp
        return root

    def _block(self, indent: int, row: int, col: int, indentless: bool) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _GiveUp
        line = self.lines[row]
        if line.startswith("-", col) and line[col + 1 : col + 2] in ("", " "):
            node: Node = self._sequence(indent, indentless)
        else:
            node = self._mapping(indent, row, col)
        self.depth -= 1
        return node

    def _sequence(self, indent: int, indentless: bool) -> SeqNode:
        row = self.row
        seq = SeqNode(self.offsets[row] + indent, 0, [], 1)
        values: list[object] = []
        seq.value = values
        while True:
            row = self._skip(self.row)
            if row >= self.count:
                break
            here = self._indent(row)
            line = self.lines[row]
            if here < indent:
                break
            if here > indent:
                raise _GiveUp
            if not line.startswith("- ", indent):
                if indentless:
                    break
                raise _GiveUp
            col = indent + 2
            while col < len(line) and line[col] == " ":
                col += 1
            rest = line[col:]
            if not rest or rest[0] in "-#|>":
                raise _GiveUp
            if _KEY.match(rest):
                self.row = row
                self.depth += 1
                if self.depth > MAX_DEPTH:
                    raise _GiveUp
                item: Node = self._mapping(col, row, col)
                self.depth -= 1
            else:
                item, end = self._inline(row, col)
                self._end_of_line(row, end)
                self._no_continuation(row + 1, indent)
                self.row = row + 1
            seq.items.append(item)
            values.append(item.value)
            seq.size += item.size
        return seq

    def _mapping(self, indent: int, row: int, col: int) -> MapNode:
        mapping = MapNode(self.offsets[row] + col, 0, {}, 1)
        values: dict[str, object] = {}
        mapping.value = values
        first = True
        while True:
            if first:
                key_col = col
                first = False
            else:
                row = self._skip(self.row)
                if row >= self.count:
                    break
                here = self._indent(row)
                if here < indent:
                    break
                if here > indent:
                    raise _GiveUp
                key_col = indent
            line = self.lines[row]
            match = _KEY.match(line, key_col)
            if match is None:
                if line.startswith("- ", key_col):
                    break  # the next item of an indentless list this mapping belongs to
                raise _GiveUp
            key = match.group(1)
            if key in values:
                raise _GiveUp
            key_start = self.offsets[row] + key_col
            value = self._value(row, match.end(), indent)
            mapping.entries[key] = Entry(key_start, value)
            values[key] = value.value
            mapping.size += value.size
        return mapping

    def _value(self, row: int, col: int, indent: int) -> Node:
        """The value after `key:` on `row`; leaves self.row on the row after it."""
        line = self.lines[row]
        start = col
        while start < len(line) and line[start] == " ":
            start += 1
        rest = line[start:]
        if not rest or rest[0] == "#":
            if rest and start == col:
                raise _GiveUp
            below = self._skip(row + 1)
            if below >= self.count:
                raise _GiveUp  # an empty value: let the full parser place it
            here = self._indent(below)
            nested = self.lines[below]
            if here > indent or (here == indent and nested.startswith("- ", indent)):
                self.row = below
                return self._block(here, below, here, indentless=here == indent)
            raise _GiveUp
        if rest[0] == "|":
            return self._literal(row, start, indent)
        node, end = self._inline(row, start)
        self._end_of_line(row, end)
        self._no_continuation(row + 1, indent)
        self.row = row + 1
        return node

    def _no_continuation(self, row: int, indent: int) -> None:
        """A more indented line after a one-line value would continue it: not simple."""
        row = self._skip(row)
        if row < self.count and self._indent(row) > indent:
            raise _GiveUp

    # -- scalars and flow collections ------------------------------------------------------

    def _inline(self, row: int, col: int) -> tuple[Node, int]:
        line = self.lines[row]
        first = line[col]
        if first == '"':
            return self._double(row, col)
        if first == "'":
            return self._single(row, col)
        if first == "[":
            return self._flow_seq(row, col)
        if first == "{":
            return self._flow_map(row, col)
        if first in _NOT_PLAIN_START or (first == "-" and line[col + 1 : col + 2] in ("", " ")):
            raise _GiveUp
        end = line.find(" #", col)
        raw = (line[col:] if end == -1 else line[col:end]).rstrip(" ")
        if ": " in raw or raw.endswith(":"):
            raise _GiveUp
        start = self.offsets[row] + col
        stop = col + len(raw)
        return ScalarNode(start, start + len(raw), self.plain(raw), 1, None), stop

    def _double(self, row: int, col: int) -> tuple[ScalarNode, int]:
        line = self.lines[row]
        out: list[str] = []
        at = col + 1
        while True:
            close = line.find('"', at)
            slash = line.find("\\", at)
            if close == -1:
                raise _GiveUp  # continues on the next line
            if slash == -1 or close < slash:
                out.append(line[at:close])
                at = close + 1
                break
            out.append(line[at:slash])
            code = line[slash + 1 : slash + 2]
            if code in _ESCAPES:
                out.append(_ESCAPES[code])
                at = slash + 2
            elif code in _HEX_ESCAPES:
                width = _HEX_ESCAPES[code]
                digits = line[slash + 2 : slash + 2 + width]
                if len(digits) != width or not all(c in "0123456789abcdefABCDEF" for c in digits):
                    raise _GiveUp
                out.append(chr(int(digits, 16)))
                at = slash + 2 + width
            else:
                raise _GiveUp
        start = self.offsets[row] + col
        return ScalarNode(start, self.offsets[row] + at, "".join(out), 1, '"'), at

    def _single(self, row: int, col: int) -> tuple[ScalarNode, int]:
        line = self.lines[row]
        out: list[str] = []
        at = col + 1
        while True:
            close = line.find("'", at)
            if close == -1:
                raise _GiveUp
            out.append(line[at:close])
            if line.startswith("'", close + 1):
                out.append("'")
                at = close + 2
                continue
            at = close + 1
            break
        start = self.offsets[row] + col
        return ScalarNode(start, self.offsets[row] + at, "".join(out), 1, "'"), at

    def _flow_item(self, row: int, col: int) -> tuple[ScalarNode, int]:
        line = self.lines[row]
        first = line[col]
        if first == '"':
            return self._double(row, col)
        if first == "'":
            return self._single(row, col)
        if first in _NOT_PLAIN_START or (first == "-" and line[col + 1 : col + 2] in ("", " ")):
            raise _GiveUp
        stop = _FLOW_STOP.search(line, col)
        if stop is None or line[stop.start()] not in ",]}":
            raise _GiveUp
        raw = line[col : stop.start()].rstrip(" ")
        start = self.offsets[row] + col
        return ScalarNode(start, start + len(raw), self.plain(raw), 1, None), col + len(raw)

    def _spaces(self, line: str, at: int) -> int:
        while at < len(line) and line[at] == " ":
            at += 1
        return at

    def _flow_seq(self, row: int, col: int) -> tuple[SeqNode, int]:
        line = self.lines[row]
        seq = SeqNode(self.offsets[row] + col, 0, [], 1)
        values: list[object] = []
        seq.value = values
        at = self._spaces(line, col + 1)
        while line[at] != "]":
            item, at = self._flow_item(row, at)
            seq.items.append(item)
            values.append(item.value)
            seq.size += 1
            at = self._spaces(line, at)
            if line[at] == ",":
                at = self._spaces(line, at + 1)
            elif line[at] != "]":
                raise _GiveUp
        seq.end = self.offsets[row] + at + 1
        return seq, at + 1

    def _flow_map(self, row: int, col: int) -> tuple[MapNode, int]:
        line = self.lines[row]
        mapping = MapNode(self.offsets[row] + col, 0, {}, 1)
        values: dict[str, object] = {}
        mapping.value = values
        at = self._spaces(line, col + 1)
        while line[at] != "}":
            match = _FLOW_KEY.match(line, at)
            if match is None or match.group(1) in values:
                raise _GiveUp
            key_start = self.offsets[row] + at
            at = self._spaces(line, match.end())
            item: Node
            if line[at] == "[":  # `lines: [12, 14]` inside `src: {...}`
                item, at = self._flow_seq(row, at)
            else:
                item, at = self._flow_item(row, at)
            mapping.entries[match.group(1)] = Entry(key_start, item)
            values[match.group(1)] = item.value
            mapping.size += item.size
            at = self._spaces(line, at)
            if line[at] == ",":
                at = self._spaces(line, at + 1)
            elif line[at] != "}":
                raise _GiveUp
        mapping.end = self.offsets[row] + at + 1
        return mapping, at + 1

    def _literal(self, row: int, col: int, indent: int) -> ScalarNode:
        """A `|`, `|-` or `|+` block: lines kept as written, trailing breaks by the chomp."""
        header = _BLOCK_HEADER.fullmatch(self.lines[row], col)
        if header is None:
            raise _GiveUp
        chomp = header.group(1)
        lines = self.lines
        first = content = row + 1
        if content >= self.count or not lines[content].strip(" "):
            raise _GiveUp  # leading blank lines: ruamel has its own rules for those
        width = self._indent(content)
        if width <= indent:
            raise _GiveUp
        last = content  # last row holding text
        end = content + 1
        while end < self.count:
            line = lines[end]
            if line.strip(" "):
                if self._indent(end) < width:
                    break
                last = end
            elif len(line) > width:
                last = end  # spaces beyond the indentation are text
            end += 1
        if end >= self.count and not self.text.endswith("\n"):
            raise _GiveUp
        body = "\n".join(line[width:] for line in lines[first : last + 1])
        if chomp == "-":
            value = body
        elif chomp == "+":
            value = body + "\n" * (end - last if end < self.count else end - last - 1)
        else:
            value = body + "\n"
        start = self.offsets[row] + col
        stop = self.offsets[end] if end < self.count else len(self.text)
        self.row = end
        return ScalarNode(start, stop, value, 1, "|")

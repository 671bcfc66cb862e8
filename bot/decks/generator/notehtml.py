"""Raw HTML in a note -> the Markdown it stands for, with a map back to source lines.

Real notes mix HTML into Markdown: interview Q&As in ``<details><summary>``, answers
written as ``<p>`` and ``<ul><li>``, ``<br>`` spacers, ``<sup>`` footnote marks,
``<img>`` banners.  markdown-it either swallows the lines after such a tag into an
HTML block or, with HTML off, keeps the tag as text, so the tags are rewritten
first: block tags become the line breaks and list markers they mean, inline tags
their Markdown marks, and ``<details>``/``<summary>`` become two marker lines that
the tree builder turns into a question and its answer.  Rewriting may add or remove
lines, so every output line remembers the source line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Marker lines for ``<summary>…</summary>`` and ``</details>`` (private-use
#: characters, which no note contains).
SUMMARY_MARK = "\ue000"
DETAILS_END = "\ue001"

_TAG = re.compile(
    r"<!--[\s\S]{0,20000}?-->"
    r"|<(?P<raw>script|style)\b[^>]*>[\s\S]{0,20000}?</(?P=raw)\s*>"
    r"|<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s[^<>]*?)?)\s*(?P<self>/)?>",
    re.I,
)
_CODE_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)([^`\n]+?)\1")

_INLINE_MARKS = {"b": "**", "strong": "**", "em": "*", "i": "*", "code": "`", "kbd": "`",
                 "tt": "`", "samp": "`"}
_DROP_WITH_CONTENT = frozenset({"sup"})  # footnote marks: "<sup>[1](#fn1)</sup>"
_PARAGRAPH = frozenset({"p", "div", "center", "section", "article", "header", "footer",
                        "table", "thead", "tbody", "tr", "figure", "figcaption", "pre",
                        "blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
_HEADING = re.compile(r"h([1-6])")
_LISTS = frozenset({"ul", "ol"})
_CELLS = frozenset({"td", "th", "dt", "dd"})


@dataclass
class Rewritten:
    text: str
    line_of: list[int]  # output line index (0-based) -> source line (1-based)
    image_lines: set[int]  # source lines that held an image tag


class _Writer:
    """Accumulates output text and, per output line, the source line it came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line_of: list[int] = [1]
        self.source_line = 1
        self.at_line_start = True
        self.indent = ""  # the indentation of the source line the writer is on

    def text(self, chunk: str) -> None:
        """Copy source text, keeping its line breaks in step with the source."""
        pieces = chunk.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                self.source_line += 1
                self._newline()
                self.indent = piece[: len(piece) - len(piece.lstrip(" \t"))]
            if piece:
                self.parts.append(piece)
                if piece.strip():
                    self.at_line_start = False

    def skip(self, chunk: str) -> None:
        """Drop source text (a comment, a script) but keep counting its lines."""
        self.source_line += chunk.count("\n")

    def _newline(self) -> None:
        self.parts.append("\n")
        self.line_of.append(self.source_line)
        self.at_line_start = True

    def drop_trailing_blanks(self) -> None:
        """Whitespace written since the last line break belongs to an indentation that
        preceded a block tag; the block starts at the left margin instead."""
        while self.parts and self.parts[-1] != "\n" and not self.parts[-1].strip():
            self.parts.pop()

    def block_break(self, lines: int = 2) -> None:
        self.drop_trailing_blanks()
        for _ in range(lines):
            self._newline()

    def emit(self, text: str) -> None:
        self.parts.append(text)
        self.at_line_start = False

    def result(self) -> tuple[str, list[int]]:
        return "".join(self.parts), self.line_of


def _protect_code(source: str) -> str:
    """"<script>" written as code is text about a tag, not a tag."""
    return _CODE_SPAN.sub(
        lambda m: m.group(0).replace("<", "\ue002").replace(">", "\ue003")
        if "<" in m.group(2) else m.group(0), source)


def _fenced_ranges(source: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks, whose tags are code, not markup."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    start = 0
    for line in source.split("\n"):
        match = _CODE_FENCE.match(line)
        if fence is None and match:
            fence, start = match.group(1), offset
        elif fence is not None and match and match.group(1)[0] == fence[0] \
                and len(match.group(1)) >= len(fence) and not line.strip()[len(match.group(1)):]:
            ranges.append((start, offset + len(line)))
            fence = None
        offset += len(line) + 1
    if fence is not None:
        ranges.append((start, len(source)))
    return ranges


def rewrite_html(source: str) -> Rewritten:
    """Rewrite the HTML in `source` (see the module docstring)."""
    images: set[int] = set()
    if "<" not in source:
        lines = source.count("\n") + 1
        return Rewritten(source, list(range(1, lines + 1)), images)
    source = _protect_code(source)
    fences = _fenced_ranges(source)
    out = _Writer()
    lists: list[str] = []
    dropping = 0  # inside <sup>…</sup>
    summary_open = False
    position = 0
    fence_index = 0
    for match in _TAG.finditer(source):
        while fence_index < len(fences) and fences[fence_index][1] <= match.start():
            fence_index += 1
        if fence_index < len(fences) and fences[fence_index][0] <= match.start():
            continue  # a tag inside a code block stays as written
        before = source[position : match.start()]
        if dropping:
            out.skip(before)
        else:
            out.text(before)
        position = match.end()
        whole = match.group(0)
        name = (match.group("name") or "").lower()
        closing = bool(match.group("close"))
        if whole.startswith("<!--") or match.group("raw"):
            out.skip(whole)
            continue
        out.skip(whole)  # a tag spread over several lines still moves the line count on
        if name == "img":
            images.add(out.source_line)
            continue
        if name in _DROP_WITH_CONTENT:
            dropping = max(0, dropping + (-1 if closing else 1))
            continue
        if dropping:
            continue
        if name == "details":
            if closing:
                out.block_break()
                out.emit(DETAILS_END)
                out.block_break()
            continue
        if name == "summary":
            if not closing:
                out.block_break()
                out.emit(SUMMARY_MARK)
                summary_open = True
            else:
                summary_open = False
                out.block_break()
            continue
        if name == "br":
            if summary_open:
                out.emit(" ")
            elif out.at_line_start:
                out.block_break(1)
            else:
                out.block_break(1)
            continue
        if name in _LISTS:
            if closing:
                if lists:
                    lists.pop()
            else:
                lists.append(name)
            out.block_break(1 if lists else 2)
            continue
        if name == "li":
            if not closing:
                out.block_break(1)
                depth = max(len(lists), 1)
                marker = "1. " if lists and lists[-1] == "ol" else "- "
                out.emit("   " * (depth - 1) + marker)
            continue
        heading = _HEADING.fullmatch(name)
        if heading and not closing and not lists:
            out.block_break()
            out.emit("#" * int(heading.group(1)) + " ")
            continue
        if name in _PARAGRAPH:
            if lists:
                out.emit(" ")
            else:
                out.block_break()
            continue
        if name in _CELLS:
            out.emit(" ")
            continue
        mark = _INLINE_MARKS.get(name)
        if mark:
            out.emit(mark)
            continue
        # Any other tag (a, span, font, u, sub…) is dropped and its text kept.
    rest = source[position:]
    if dropping:
        out.skip(rest)
    else:
        out.text(rest)
    text, line_of = out.result()
    text = text.replace("\ue002", "<").replace("\ue003", ">")
    return Rewritten(text, line_of, images)

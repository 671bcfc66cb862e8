"""Markdown note -> sections of plain-text blocks that remember their source lines.

HTML is removed from the raw text *before* parsing, keeping every newline, because
markdown-it either swallows the lines after a raw ``<img>`` into an HTML block (a
definition vanishes) or, with HTML off, keeps the tag as literal text (it leaks
into cards).  Images, URLs and entities are dropped while rendering inline text,
so nothing produced later can contain them.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Bounded so that an unclosed "<script>" or "<!--" cannot make the scan quadratic.
_COMMENT = re.compile(r"<!--[\s\S]{0,20000}?-->")
_RAW_ELEMENT = re.compile(r"<(script|style)\b[^>\n]*>[\s\S]{0,20000}?</\1\s*>", re.I)
_CODE_SPAN = re.compile(r"(`+)([^`\n]+?)\1")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.S)
_IMG_TAG = re.compile(r"<img\b", re.I)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i",
     "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
     "tt", "u", "var"}
)
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s)\]>]*", re.I)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_EMPTY_PARENS = re.compile(r"\(\s*\)|\[\s*\]")

_RISKY = ("://", "www.", "WWW.", "&", "<", ">", "(", "[")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>", re.I)
_IMAGE_MD = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK_MD = re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"(`+)(.+?)\1")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_FOOTNOTE = re.compile(r"\[\^[^\]\n]*\]:?")
_HIGHLIGHT = re.compile(r"==(?=\S)(.+?)(?<=\S)==")
_WIKILINK = re.compile(r"\[\[([^\]|\n]*\|)?([^\]\n]*)\]\]")
_HASHTAG = re.compile(r"(?<!\S)#[A-Za-z가-힣][\w/-]*")
_INLINE_MARKS = ("*", "_", "~", "`", "[", "\\", "==", "#")
# HTML was already removed from the text, so markdown-it need not look for it; inline
# markup is rendered here by a few regexes, much faster than markdown-it's inline pass
# (a 1 MB note must take under 2 s).
_md = MarkdownIt("commonmark", {"html": False}).enable("table").disable("inline")


@dataclass
class Para:
    """Plain text of a paragraph, list item or table cell; `lines[i]` is the 1-based
    source line of character i, so any sentence cut from it knows where it came from."""

    text: str
    lines: list[int]

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        stop = len(self.text) if end is None else end
        if not self.lines:
            return (0, 0)
        lo = min(max(start, 0), len(self.lines) - 1)
        hi = min(max(stop - 1, lo), len(self.lines) - 1)
        return (self.lines[lo], self.lines[hi])

    def joined(self, other: Para) -> Para:
        gap_line = self.lines[-1] if self.lines else (other.lines[0] if other.lines else 0)
        return Para(self.text + " " + other.text, [*self.lines, gap_line, *other.lines])


@dataclass
class ListBlock:
    ordered: bool
    items: list[Para]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    row_lines: list[int]


Block = Para | ListBlock | Table


@dataclass
class Section:
    title: str
    level: int
    path: tuple[str, ...]
    line: int
    blocks: list[Block] = field(default_factory=list)
    had_image: bool = False

    @property
    def anchor_path(self) -> str:
        return " / ".join(self.path)


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_CALLOUT = re.compile(r"^(\s*>+\s*)\[![A-Za-z-]+\][+-]?[^\n]*$", re.M)
_CHECKBOX = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)\[[ xX]\]\s+", re.M)


def strip_front_matter(source: str) -> str:
    """YAML front matter (Obsidian, Jekyll) is metadata, not notes; keep its lines blank."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return source
    return "\n" * match.group(0).count("\n") + source[match.end() :]


def strip_note_syntax(source: str) -> str:
    """Obsidian-style callout titles ("> [!note] Summary") and task boxes ("- [x] ")."""
    source = _CALLOUT.sub(r"\1", source)
    return _CHECKBOX.sub(r"\1", source)


def strip_html(source: str) -> tuple[str, set[int]]:
    """Remove comments and tags, keeping line numbers; return the lines that held an image."""
    image_lines: set[int] = set()
    if "<" not in source:
        return source, image_lines
    # "<script>" written as code is text about a tag, not a tag: keep it, harmlessly.
    source = _CODE_SPAN.sub(
        lambda m: m.group(0).replace("<", "＜").replace(">", "＞") if "<" in m.group(2)
        else m.group(0), source)

    def blank(match: re.Match[str]) -> str:
        chunk = match.group(0)
        lines = chunk.count("\n")
        if lines:
            return "\n" * lines
        name = _TAG_NAME.match(chunk)
        # "<b>포트</b>는" must stay one word; "독립<br>(Code…)" needs a space.
        return "" if name and name.group(1).lower() in _INLINE_TAGS else " "

    text = _COMMENT.sub(blank, source)
    text = _AUTOLINK.sub("", text)
    text = _RAW_ELEMENT.sub(blank, text)
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    for match in _IMG_TAG.finditer(text):
        image_lines.add(bisect.bisect_right(starts, match.start()))
    text = _TAG.sub(blank, text)
    return text, image_lines


def clean_inline(text: str) -> str:
    """Plain text safe for a card: no URL, entity or angle bracket survives."""
    if not any(mark in text for mark in _RISKY):
        return text
    text = _URL.sub("", text)
    text = html.unescape(text)
    text = _ENTITY.sub("", text)
    text = text.replace("<", "＜").replace(">", "＞")
    return _EMPTY_PARENS.sub("", text)


def render_markup(text: str) -> tuple[str, bool]:
    """One line of Markdown inline markup -> plain text; also whether it had an image."""
    saw_image = False
    if "![" in text:
        text, count = _IMAGE_MD.subn("", text)
        saw_image = count > 0
    if any(mark in text for mark in _INLINE_MARKS):
        text = _CODE.sub(lambda m: m.group(2).strip(), text)
        text = _FOOTNOTE.sub("", text)
        text = _WIKILINK.sub(r"\2", text)
        text = _LINK_MD.sub(r"\1", text)
        text = _HIGHLIGHT.sub(r"\1", text)
        text = _HASHTAG.sub("", text)
        text = _STRONG.sub(r"\2", text)
        text = _EMPH.sub(r"\2", text)
        text = _ESCAPE.sub(r"\1", text)
    return clean_inline(text), saw_image


def _render_inline(token: Token, first_line: int) -> tuple[Para, bool]:
    """Inline token -> Para (line by line, so every character keeps its source line);
    also reports whether it contained an image."""
    texts: list[str] = []
    lines: list[int] = []
    saw_image = False
    for offset, raw in enumerate(token.content.split("\n")):
        text, image = render_markup(raw.rstrip("\\").strip())
        saw_image = saw_image or image
        if texts:
            texts.append("\n")
            lines.append(first_line + offset)
        texts.append(text)
        lines.extend([first_line + offset] * len(text))
    return Para("".join(texts), lines), saw_image


def _first_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def parse_note(source: str) -> list[Section]:
    """Split a note into sections (one per heading, plus a leading untitled one)."""
    text = strip_note_syntax(strip_front_matter(source.replace("\r\n", "\n").replace("\r", "\n")))
    text, image_lines = strip_html(text)
    tokens = _md.parse(text)
    root = Section(title="", level=0, path=(), line=1)
    sections = [root]
    stack: list[Section] = []
    current = root
    list_stack: list[ListBlock] = []
    table: Table | None = None
    row: list[str] | None = None
    row_line = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            inline = tokens[i + 1]
            para, _ = _render_inline(inline, _first_line(tok))
            level = int(tok.tag[1:])
            title = " ".join(para.text.split())
            while stack and stack[-1].level >= level:
                stack.pop()
            path = (*[s.title for s in stack], title)
            current = Section(title=title, level=level, path=path, line=_first_line(tok))
            sections.append(current)
            stack.append(current)
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            block = ListBlock(ordered=kind == "ordered_list_open", items=[])
            list_stack.append(block)
            current.blocks.append(block)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "table_open":
            table = Table(header=[], rows=[], row_lines=[])
            current.blocks.append(table)
        elif kind == "table_close":
            table = None
        elif kind == "tr_open":
            row = []
            row_line = _first_line(tok)
        elif kind == "tr_close" and table is not None and row is not None:
            if not table.header:
                table.header = row
            else:
                table.rows.append(row)
                table.row_lines.append(row_line)
            row = None
        elif kind == "inline":
            para, saw_image = _render_inline(tok, _first_line(tokens[i - 1]) or row_line)
            current.had_image = current.had_image or saw_image
            if row is not None:
                row.append(" ".join(para.text.split()))
            elif list_stack:
                items = list_stack[-1].items
                parent = tokens[i - 1]
                # A second paragraph inside the same list item continues that item.
                if items and parent.type == "paragraph_open" and _continues_item(tokens, i):
                    items[-1] = items[-1].joined(para)
                else:
                    items.append(para)
            elif para.text.strip():
                current.blocks.append(para)
        i += 1
    _mark_images(sections, image_lines)
    return sections


def _continues_item(tokens: list[Token], index: int) -> bool:
    """True when the paragraph at `index` is not the first block of its list item."""
    j = index - 2
    while j >= 0:
        kind = tokens[j].type
        if kind == "list_item_open":
            return False
        if kind == "paragraph_close":
            return True
        if kind in ("bullet_list_close", "ordered_list_close"):
            return False
        j -= 1
    return False


def _mark_images(sections: list[Section], image_lines: set[int]) -> None:
    starts = [s.line for s in sections]
    for line in image_lines:
        index = max(bisect.bisect_right(starts, line) - 1, 0)
        sections[index].had_image = True

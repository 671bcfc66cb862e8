"""Markdown inline markup -> plain text that remembers where each character came
from and which words the author marked (bold, code).

Cards must never show markup, URLs or images, yet the marks carry meaning: a bold
or backticked word at the start of a bullet is usually the term the bullet is
about.  So the marks are removed here and kept as spans.  A few regexes do this
much faster than markdown-it's inline pass (a 1 MB note must stay under 3 s).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_IMAGE = re.compile(
    r"!\[[^\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)|!\[[^\]\n]*\]\[[^\]\n]*\]|!\[[^\]\n]*\]"
)
_CODE = re.compile(r"(`+)(.+?)\1")
_FOOTNOTE = re.compile(r"\[\^[^\]\n]*\]:?")
_WIKILINK = re.compile(r"\[\[([^\]|\n]*\|)?([^\]\n]*)\]\]")
_LINK = re.compile(r"\[([^\]\n]*)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])")
_HIGHLIGHT = re.compile(r"==(?=\S)(.+?)(?<=\S)==")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
# A Korean particle follows "*" emphasis without a space ("*선택*을", as CommonMark
# allows); "_" and Latin words do not ("snake_case_name", "O(n*m) vs O(n*k)").
_EMPH = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![A-Za-z0-9_*])"
                   r"(?!(?<=_)\w)")
_STRAY_MARKS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MATH = re.compile(r"\${1,2}([^$\n]+?)\${1,2}")
_EMOJI = re.compile(r"(?<![\w:]):[a-z0-9_+-]{2,30}:(?![\w:])")
_HASHTAG = re.compile(r"(?<!\S)#[A-Za-z가-힣][\w/-]*")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>", re.I)
_URL_IN_BRACKETS = re.compile(r"\(\s*(?:https?://|ftp://|www\.)[^\s()]*\s*\)", re.I)
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s)\]>]*", re.I)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_TAG_LIKE = re.compile(r"<[A-Za-z/!?]")
# (not a call's: "Math.random()")
_EMPTY_PARENS = re.compile(r"(?<![\w.])\(\s*[:,;]?\s*\)|\[\s*\]")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+(?=[,.;:!?)](?:\s|$))")
_SPACES = re.compile(r"[ \t\u00a0\u3000]{2,}")

# Sentinels for span bookkeeping (private-use characters no note contains).
_STRONG_OPEN, _STRONG_CLOSE = "\ue010", "\ue011"
_CODE_OPEN, _CODE_CLOSE = "\ue012", "\ue013"
_LINK_OPEN, _LINK_CLOSE = "\ue014", "\ue015"
_SLOT_OPEN, _SLOT_CLOSE = "\ue020", "\ue021"
_HAS_SENTINEL = re.compile("[\ue010-\ue015]")
_CLOSER = {_STRONG_CLOSE: _STRONG_OPEN, _CODE_CLOSE: _CODE_OPEN, _LINK_CLOSE: _LINK_OPEN}
_MARKS = ("*", "_", "~", "`", "[", "\\", "==", "#", "!", "$", ":", "<", "&", "http", "www.")


@dataclass
class InlineText:
    """Plain text; `lines[i]` is the 1-based source line of character i; `strong` and
    `code` are the (start, end) spans the author marked; `lossy` says a URL, image or
    footnote was removed from it (the sentence may point at something now gone)."""

    text: str
    lines: list[int]
    strong: list[tuple[int, int]] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)
    lossy: bool = False
    links: list[tuple[int, int]] = field(default_factory=list)

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        if not self.lines:
            return (0, 0)
        stop = len(self.text) if end is None else end
        lo = min(max(start, 0), len(self.lines) - 1)
        hi = min(max(stop - 1, lo), len(self.lines) - 1)
        return (self.lines[lo], self.lines[hi])

    def marked(self) -> list[tuple[int, int]]:
        """Spans the author emphasised, in text order."""
        return sorted(self.strong + self.code)

    def slice(self, start: int, end: int) -> InlineText:
        return InlineText(
            self.text[start:end], self.lines[start:end],
            [(max(a, start) - start, min(b, end) - start) for a, b in self.strong
             if a < end and b > start],
            [(max(a, start) - start, min(b, end) - start) for a, b in self.code
             if a < end and b > start],
            self.lossy,
            [(max(a, start) - start, min(b, end) - start) for a, b in self.links
             if a < end and b > start],
        )

    def joined(self, other: InlineText, separator: str = " ") -> InlineText:
        offset = len(self.text) + len(separator)
        gap = self.lines[-1] if self.lines else (other.lines[0] if other.lines else 0)
        return InlineText(
            self.text + separator + other.text,
            [*self.lines, *([gap] * len(separator)), *other.lines],
            [*self.strong, *((a + offset, b + offset) for a, b in other.strong)],
            [*self.code, *((a + offset, b + offset) for a, b in other.code)],
            self.lossy or other.lossy,
            [*self.links, *((a + offset, b + offset) for a, b in other.links)],
        )


def _plain(raw: str) -> tuple[str, bool]:
    """One line of inline Markdown -> text with span sentinels; also whether it lost
    something (URL, image, footnote)."""
    if not any(mark in raw for mark in _MARKS):
        return raw, False
    lossy = False
    slots: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        slots.append(match.group(2).strip())
        return f"{_SLOT_OPEN}{len(slots) - 1}{_SLOT_CLOSE}"

    text = _CODE.sub(keep_code, raw) if "`" in raw else raw
    if "![" in text:
        text, images = _IMAGE.subn("", text)
        lossy = lossy or images > 0
    if "[^" in text:
        text, notes = _FOOTNOTE.subn("", text)
        lossy = lossy or notes > 0
    if "<" in text:
        text = _AUTOLINK.sub("", text)
    if "[[" in text:
        text = _WIKILINK.sub(r"\2", text)
    if "](" in text or "][" in text:
        text = _LINK.sub(lambda m: f"{_LINK_OPEN}{m.group(1)}{_LINK_CLOSE}" if m.group(1).strip()
                         else "", text)
    if "://" in text or "www." in text or "WWW." in text:
        text = _URL_IN_BRACKETS.sub("", text)  # "RFC 768(https://…)": the brackets go too
        text, urls = _URL.subn("", text)
        lossy = lossy or urls > 0
    if "==" in text:
        text = _HIGHLIGHT.sub(r"\1", text)
    if "$" in text:
        text = _MATH.sub(r"\1", text)
    if "#" in text:
        text = _HASHTAG.sub("", text)
    if ":" in text:
        text = _EMOJI.sub("", text)
    if "*" in text or "_" in text:
        for _ in range(2):  # "***x***", "_**x**_"
            text = _STRONG.sub(rf"{_STRONG_OPEN}\2{_STRONG_CLOSE}", text)
            text = _EMPH.sub(r"\2", text)
        text = _STRAY_MARKS.sub("", text)
    if "~~" in text:
        text = _STRIKE.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        text = _ENTITY.sub("", text)
    if "<" in text:
        text = _TAG_LIKE.sub(lambda m: "＜" + m.group(0)[1:], text)  # "a < b" stays as written
    if "(" in text or "[" in text:
        text = _EMPTY_PARENS.sub("", text)  # before code returns: "useState(() => …)" keeps "()"
    if slots:
        text = re.sub(f"{_SLOT_OPEN}(\\d+){_SLOT_CLOSE}",
                      lambda m: f"{_CODE_OPEN}{slots[int(m.group(1))]}{_CODE_CLOSE}", text)
    return text, lossy


def render(raw_lines: list[str], source_lines: list[int]) -> InlineText:
    """Render the lines of one inline run (a paragraph, a heading, a table cell)."""
    pieces: list[str] = []
    length = 0  # of the text in `pieces`
    lines: list[int] = []
    strong: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    links: list[tuple[int, int]] = []
    spans = {_STRONG_CLOSE: strong, _CODE_CLOSE: code, _LINK_CLOSE: links}
    lossy = False
    open_at: dict[str, int] = {}
    for raw, line in zip(raw_lines, source_lines, strict=False):
        text, lost = _plain(raw.rstrip("\\").strip())
        lossy = lossy or lost
        if "  " in text or "\t" in text or "\u00a0" in text or "\u3000" in text:
            text = _SPACES.sub(" ", text)  # (a run of two blanks holds one of these)
        text = _SPACE_BEFORE_PUNCT.sub("", text).strip()
        if not text:
            continue
        if length:
            pieces.append("\n")  # soft breaks stay: "TERM : definition" lines are units
            lines.append(line)
            length += 1
        # Text between the span sentinels is taken whole; a sentinel only records
        # where its span starts or ends.
        start = 0
        for match in _HAS_SENTINEL.finditer(text):
            mark = match.start()
            if mark > start:
                pieces.append(text[start:mark])
                lines.extend([line] * (mark - start))
                length += mark - start
            start = mark + 1
            ch = text[mark]
            if ch in _CLOSER:
                opened = open_at.pop(_CLOSER[ch], None)
                if opened is not None and opened < length:
                    spans[ch].append((opened, length))
            else:
                open_at[ch] = length
        if start < len(text):
            pieces.append(text[start:])
            lines.extend([line] * (len(text) - start))
            length += len(text) - start
    return InlineText("".join(pieces), lines, strong, code, lossy, links)


def render_one(raw: str, line: int) -> InlineText:
    return render(raw.split("\n"), [line + i for i in range(raw.count("\n") + 1)])

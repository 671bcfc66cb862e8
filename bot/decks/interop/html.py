"""Anki field HTML -> the plain text a deck card holds.

Anki stores every field as HTML written by its editor (`<div>`, `<br>`, `&nbsp;`,
inline styling).  A deck card is plain text shown in Discord and a terminal, so
markup must go but the line structure must stay: `<br>` and the end of a block
become newlines.  Cloze syntax (`{{c1::…}}`) is plain text to an HTML parser and
passes through untouched.  Escaped markup (`&lt;b&gt;`) is content the author
typed, so it comes out as the literal characters `<b>`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose start or end is a line break in what a reader sees.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
})
# Elements whose content is never text for a reader.
_HIDDEN = frozenset({"script", "style", "head", "title", "template"})
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def _block_edge(self) -> None:
        # Anki's editor wraps every line in its own <div>: the edge between two blocks
        # is one line break, not one per tag.
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self._block_edge()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self._block_edge()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCKS:
            self._block_edge()

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth and data:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an Anki field: tags removed, breaks kept, entities decoded, trimmed."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = _SOUND.sub("", "".join(collector.parts))
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def text_to_html(text: str) -> str:
    """An Anki field showing `text` exactly: markup characters escaped, newlines as `<br>`."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")

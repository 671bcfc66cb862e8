"""A Markdown note as a tree: sections (by heading), and inside them paragraphs,
lists with their nesting, blockquotes, tables, code and ``<details>`` Q&As.

Knowledge in real notes lives in structure more than in sentences: a bold term
with a nested explanation, a question whose answer is the list under it, a table
that compares.  Reading the tree, rather than a flat run of sentences, is what
lets the unit recognisers tell a definition from a sub-point.  Every node knows
its source lines, so cards can point back at the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.decks.generator.inline import InlineText, render
from bot.decks.generator.notehtml import DETAILS_END, SUMMARY_MARK, rewrite_html
from bot.decks.generator.sentences import is_unfinished

# HTML was rewritten before parsing, and inline markup is rendered by inline.py.
_md = MarkdownIt("commonmark", {"html": False}).enable("table").disable("inline")

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_TITLE = re.compile(r"^title\s*:\s*(?P<v>.+?)\s*$", re.M)
_CALLOUT = re.compile(r"^(\s*>+\s*)\[![A-Za-z-]+\][+-]?[^\n]*$", re.M)
_CHECKBOX = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)\[[ xX]\]\s+", re.M)
_MDX = re.compile(r"^(?:import|export)\s[^\n]*$", re.M)
_FENCE_LINE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass
class Para:
    text: InlineText

    @cached_property
    def lines(self) -> tuple[int, int]:
        return self.text.span()


@dataclass
class Heading:
    """A heading inside a list item ("1. ##### Term"): the item's title."""

    text: InlineText
    level: int

    @property
    def lines(self) -> tuple[int, int]:
        return self.text.span()


@dataclass
class Item:
    number: int | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def head(self) -> InlineText | None:
        """The item's first line of text (its paragraph or heading), if it starts with one."""
        if self.blocks and isinstance(self.blocks[0], (Para, Heading)):
            return self.blocks[0].text
        return None

    @property
    def body(self) -> list[Block]:
        return self.blocks[1:] if self.head is not None else self.blocks

    @cached_property
    def lines(self) -> tuple[int, int]:
        return block_lines(self.blocks)


@dataclass
class ListBlock:
    ordered: bool
    items: list[Item] = field(default_factory=list)

    @cached_property
    def lines(self) -> tuple[int, int]:
        return block_lines([b for item in self.items for b in item.blocks])


@dataclass
class Quote:
    blocks: list[Block] = field(default_factory=list)

    @property
    def lines(self) -> tuple[int, int]:
        return block_lines(self.blocks)


@dataclass
class Code:
    info: str
    text: str
    first_line: int
    prose: list[Block] = field(default_factory=list)  # when the "code" is really prose

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first_line, self.first_line + max(self.text.count("\n"), 0))


@dataclass
class Table:
    header: list[InlineText]
    rows: list[list[InlineText]]
    row_lines: list[int]
    first_line: int

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first_line, self.row_lines[-1] if self.row_lines else self.first_line)


@dataclass
class Details:
    summary: InlineText
    blocks: list[Block] = field(default_factory=list)

    @property
    def lines(self) -> tuple[int, int]:
        first = self.summary.span()[0]
        return (first, max(first, block_lines(self.blocks)[1]))


Block = Para | Heading | ListBlock | Quote | Code | Table | Details


def block_lines(blocks: list[Block]) -> tuple[int, int]:
    spans = [b.lines for b in blocks if b.lines != (0, 0)]
    if not spans:
        return (0, 0)
    return (min(s[0] for s in spans), max(s[1] for s in spans))


@dataclass
class Section:
    title: InlineText | None
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)

    @property
    def title_text(self) -> str:
        return self.title.text if self.title is not None else ""

    @property
    def path(self) -> tuple[str, ...]:
        names: list[str] = []
        node: Section | None = self
        while node is not None:
            if node.title is not None:
                names.append(node.title.text)
            node = node.parent
        return tuple(reversed(names))

    def walk(self) -> list[Section]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class Note:
    title: str | None  # front matter's title, else the one H1
    root: Section
    image_lines: set[int] = field(default_factory=set)

    def sections(self) -> list[Section]:
        return self.root.walk()


def _front_matter(source: str) -> tuple[str, str | None]:
    match = _FRONT_MATTER.match(source)
    if not match:
        return source, None
    title_match = _FM_TITLE.search(match.group(1))
    title = None
    if title_match:
        title = title_match.group("v").strip().strip("\"'").strip() or None
    return "\n" * match.group(0).count("\n") + source[match.end():], title


def _blank_outside_fences(pattern: re.Pattern[str], text: str) -> str:
    """Blank MDX import/export lines, but not lines inside a code fence."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE_LINE.match(line)
        if match:
            mark = match.group(1)[0]
            fence = None if fence == mark else (fence or mark)
        if fence is None and not match and pattern.match(line):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


class _Builder:
    def __init__(self, tokens: list[Token], line_of: list[int]) -> None:
        self.tokens = tokens
        self.line_of = line_of
        self.i = 0

    def src_line(self, out_line: int) -> int:
        if 0 <= out_line < len(self.line_of):
            return self.line_of[out_line]
        return self.line_of[-1] if self.line_of else out_line + 1

    def inline(self, token: Token, first_out_line: int) -> InlineText:
        raw = token.content.split("\n")
        return render(raw, [self.src_line(first_out_line + k) for k in range(len(raw))])

    def blocks_until(self, closing: str | None) -> list[Block]:
        """Parse blocks until the token type `closing` (consumed) or the end."""
        out: list[Block] = []
        while self.i < len(self.tokens):
            tok = self.tokens[self.i]
            kind = tok.type
            if closing is not None and kind == closing:
                self.i += 1
                return out
            if kind == "paragraph_open":
                inline = self.tokens[self.i + 1]
                text = self.inline(inline, tok.map[0] if tok.map else 0)
                self.i += 3
                if text.text.strip():
                    out.append(Para(text))
            elif kind == "heading_open":
                inline = self.tokens[self.i + 1]
                out.append(Heading(self.inline(inline, tok.map[0] if tok.map else 0),
                                   int(tok.tag[1:])))
                self.i += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.i += 1
                out.append(self.list_block(kind == "ordered_list_open",
                                           kind.replace("_open", "_close")))
            elif kind == "blockquote_open":
                self.i += 1
                out.append(Quote(self.blocks_until("blockquote_close")))
            elif kind in ("fence", "code_block"):
                first = self.src_line(tok.map[0] + (1 if kind == "fence" else 0)) \
                    if tok.map else 0
                out.append(Code(tok.info.strip(), tok.content, first))
                self.i += 1
            elif kind == "table_open":
                self.i += 1
                out.append(self.table(self.src_line(tok.map[0]) if tok.map else 0))
            else:
                self.i += 1  # hr, html leftovers
        return out

    def list_block(self, ordered: bool, closing: str) -> ListBlock:
        block = ListBlock(ordered)
        while self.i < len(self.tokens):
            tok = self.tokens[self.i]
            if tok.type == closing:
                self.i += 1
                break
            if tok.type == "list_item_open":
                self.i += 1
                number = int(tok.info) if ordered and tok.info.isdigit() else None
                block.items.append(Item(number, self.blocks_until("list_item_close")))
            else:
                self.i += 1
        return block

    def table(self, first_line: int) -> Table:
        header: list[InlineText] = []
        rows: list[list[InlineText]] = []
        row_lines: list[int] = []
        row: list[InlineText] | None = None
        row_line = first_line
        in_head = False
        while self.i < len(self.tokens):
            tok = self.tokens[self.i]
            self.i += 1
            if tok.type == "table_close":
                break
            if tok.type == "thead_open":
                in_head = True
            elif tok.type == "thead_close":
                in_head = False
            elif tok.type == "tr_open":
                row = []
                row_line = self.src_line(tok.map[0]) if tok.map else row_line
            elif tok.type == "tr_close" and row is not None:
                if in_head and not header:
                    header = row
                else:
                    rows.append(row)
                    row_lines.append(row_line)
                row = None
            elif tok.type == "inline" and row is not None:
                cell = render([tok.content], [row_line])
                row.append(cell)
        return Table(header, rows, row_lines, first_line)


def _group_details(blocks: list[Block]) -> list[Block]:
    """Turn the marker paragraphs left by notehtml into Details nodes, at any depth."""
    out: list[Block] = []
    stack: list[Details] = []
    for block in blocks:
        _regroup_children(block)
        if isinstance(block, Para) and block.text.text.startswith(SUMMARY_MARK):
            summary = block.text.slice(1, len(block.text.text))
            details = Details(_strip(summary))
            (stack[-1].blocks if stack else out).append(details)
            stack.append(details)
            continue
        if isinstance(block, Para) and DETAILS_END in block.text.text:
            rest = block.text.text.replace(DETAILS_END, "").strip()
            if rest:
                (stack[-1].blocks if stack else out).append(
                    Para(_strip(block.text.slice(0, block.text.text.index(DETAILS_END)))))
            if stack:
                stack.pop()
            continue
        (stack[-1].blocks if stack else out).append(block)
    return out


def join_broken(blocks: list[Block]) -> list[Block]:
    """"…소프트웨어를" / blank line / "말 한다.": a paragraph that stops mid-sentence
    continues in the next (short) one."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (isinstance(block, Para) and isinstance(prev, Para) and is_unfinished(prev.text.text)
                and len(block.text.text) < 400):
            out[-1] = Para(prev.text.joined(block.text))
        else:
            out.append(block)
    return out


def _strip(text: InlineText) -> InlineText:
    start = len(text.text) - len(text.text.lstrip())
    end = len(text.text.rstrip())
    return text.slice(start, end)


def _regroup_children(block: Block) -> None:
    if isinstance(block, ListBlock):
        for item in block.items:
            item.blocks = _group_details(item.blocks)
    elif isinstance(block, (Quote, Details)):
        block.blocks = _group_details(block.blocks)


def parse_note(source: str) -> Note:
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    text, fm_title = _front_matter(text)
    text = _CALLOUT.sub(r"\1", text)
    text = _CHECKBOX.sub(r"\1", text)
    if "import " in text or "export " in text:
        text = _blank_outside_fences(_MDX, text)
    rewritten = rewrite_html(text)
    tokens = _md.parse(rewritten.text)
    builder = _Builder(tokens, rewritten.line_of)
    root = Section(None, 0, 1)
    current = root
    h1_titles: list[str] = []
    pending: list[Block] = []

    def flush() -> None:
        current.blocks.extend(join_broken(_group_details(pending)))
        pending.clear()

    while builder.i < len(tokens):
        tok = tokens[builder.i]
        if tok.type == "heading_open":
            flush()
            inline = tokens[builder.i + 1]
            title = builder.inline(inline, tok.map[0] if tok.map else 0)
            level = int(tok.tag[1:])
            builder.i += 3
            if level == 1 and title.text.strip():
                h1_titles.append(title.text.strip())
            parent = current
            while parent.level >= level and parent.parent is not None:
                parent = parent.parent
            if parent.level >= level:
                parent = root
            section = Section(title, level, title.span()[0], parent=parent)
            parent.children.append(section)
            current = section
            continue
        before = builder.i
        blocks = _one_block(builder)
        if builder.i == before:
            builder.i += 1
        pending.extend(blocks)
    flush()
    for section in root.walk():
        _fill_prose(section.blocks)
    note_title = fm_title or (h1_titles[0] if len(h1_titles) == 1 else None)
    return Note(note_title, root, rewritten.image_lines)


_PROSE_INFO = frozenset({"", "text", "txt", "plain", "plaintext", "md", "markdown", "none"})
_CODE_SYNTAX = re.compile(r"[{};=<>$]|^\s*(?:#include|def |class |import |public |private |"
                          r"function |return |for \(|if \(|SELECT |INSERT |sudo |\$ )", re.M | re.I)
_NOT_PROSE_LINE = re.compile(r"^\s*(?:[-*_=]{3,}|\[?https?://\S*|\[[^\]]*\]\([^)]*\))\s*$")
_SENTENCE_END = re.compile(r"(?:[.!?]|[다요음됨함임]\.?)\s*$")


def looks_like_prose(code: Code) -> bool:
    """An indented or fenced block that holds sentences, not code: Notion exports indent
    answers four spaces, and some authors fence their definitions."""
    if code.info.split()[:1] and code.info.split()[0].lower() not in _PROSE_INFO:
        return False
    lines = [line for line in code.text.split("\n")
             if line.strip() and not _NOT_PROSE_LINE.match(line)]
    if not lines:
        return False
    syntax = sum(1 for line in lines if _CODE_SYNTAX.search(line))
    hangul = sum(1 for line in lines if re.search("[가-힣]{2,}", line))
    sentences = sum(1 for line in lines if _SENTENCE_END.search(line) and " " in line.strip())
    return syntax * 4 <= len(lines) and (hangul * 2 >= len(lines) or sentences * 2 >= len(lines))


def _prose(code: Code) -> list[Block]:
    lines = code.text.split("\n")
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    text = "\n".join(x[indent:] for x in lines)
    rewritten = rewrite_html(text)
    sub = _Builder(_md.parse(rewritten.text),
                   [code.first_line + n - 1 for n in rewritten.line_of])
    return _group_details(sub.blocks_until(None))


def _fill_prose(blocks: list[Block]) -> None:
    for block in blocks:
        if isinstance(block, Code) and looks_like_prose(block):
            block.prose = _prose(block)
        elif isinstance(block, ListBlock):
            for item in block.items:
                _fill_prose(item.blocks)
        elif isinstance(block, (Quote, Details)):
            _fill_prose(block.blocks)


def _one_block(builder: _Builder) -> list[Block]:
    """Parse exactly one top-level block (headings are handled by the caller)."""
    tok = builder.tokens[builder.i]
    if tok.type == "heading_open":
        return []
    start = builder.i
    depth = 0
    end = start
    while end < len(builder.tokens):
        depth += builder.tokens[end].nesting
        end += 1
        if depth <= 0:
            break
    sub = _Builder(builder.tokens[start:end], builder.line_of)
    blocks = sub.blocks_until(None)
    builder.i = end
    return blocks

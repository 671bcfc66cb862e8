"""Read one YAML 1.2 document into plain Python values plus a tree of source positions.

Why not `YAML().load()`: the round-trip loader builds commented containers (slow on a
10,000-card deck) and the safe constructor forgets where values came from. Deck errors
must point at the offending key or item, so this module consumes a parser's events
directly and builds, in one pass, both the values (dict/list/str/int/float/bool/None,
nothing else: no YAML tag can construct an object) and a `Node` tree that keeps the
character offset of every key and value.

Two parsers feed the same builder. libyaml (through PyYAML) reads a deck in linear time
in C; ruamel.yaml reads it again only when libyaml finds it broken or might read it
apart from ruamel (libyaml scans YAML 1.1, and places a few things elsewhere), so every
problem is found, placed and worded by ruamel as before, and a differential test holds
the two paths to the same values and positions. What a plain scalar means (YAML 1.2:
`yes` is text, `1e3` a number) is decided here, by `PlainResolver`, for both.

Hostile input is bounded here: alias expansion (billion laughs), nesting depth and
recursive aliases are errors, not hangs. File size and field length are bounded by the
callers (see `bot.decks.limits`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from bot.decks.errors import Phrase
from bot.decks.limits import MAX_ALIAS_NODES, MAX_DEPTH

#: PyYAML's binding of libyaml: its wheels include it; a build without libyaml lacks it,
#: and then ruamel reads every file.
_LIBYAML: Any = getattr(yaml, "CBaseLoader", None)

_CORE = "tag:yaml.org,2002:"
# First characters of every plain scalar that YAML 1.2 may resolve to something other
# than a string; any other plain scalar is a string without asking the resolver.
_MAYBE_NOT_STR = frozenset("tTfF-+0123456789.<~nN=!&*")
#: YAML reads a key without `?` only within this many characters of its line.
_MAX_KEY_CHARS = 1024
_BRACE_HINT = Phrase.of("deck_file.brace_value")


@dataclass(slots=True, eq=False)
class Node:
    """Where a value sits in the text: character offsets of its first and past-last char."""

    start: int
    end: int
    value: object
    size: int  # values in this subtree once aliases are expanded; bounds alias bombs


@dataclass(slots=True, eq=False)
class ScalarNode(Node):
    style: str | None  # None for plain, '"', "'", '|' or '>'


@dataclass(slots=True, eq=False)
class SeqNode(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Entry:
    key_start: int
    node: Node


@dataclass(slots=True, eq=False)
class MapNode(Node):
    entries: dict[str, Entry] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RawProblem:
    """A problem located by character offset; turned into line:col by `LineIndex`."""

    offset: int
    phrase: Phrase

    @property
    def message(self) -> str:
        """In English, as `deck check` prints it."""
        return self.phrase.render()


@dataclass(slots=True)
class ReadResult:
    root: Node | None  # None when the text holds no document or could not be parsed
    problems: list[RawProblem]


class LineIndex:
    """Maps character offsets to 1-based (line, column); lines end at '\\n' as in editors."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


class _Fatal(Exception):
    def __init__(self, offset: int, phrase: Phrase) -> None:
        super().__init__(phrase.render())
        self.problem = RawProblem(offset, phrase)


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _to_int(text: str) -> object:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    body = digits.lstrip("+-")
    try:
        if body[:2] in ("0x", "0X"):
            return sign * int(body[2:], 16)
        if body[:2] in ("0o", "0O"):
            return sign * int(body[2:], 8)
        if body[:2] in ("0b", "0B"):
            return sign * int(body[2:], 2)
        return sign * int(body, 10)
    except ValueError:
        return text


def _to_float(text: str) -> object:
    body = text.replace("_", "").lower()
    if body.endswith((".inf", ".nan")):
        body = body.replace(".inf", "inf").replace(".nan", "nan")
    try:
        return float(body)
    except ValueError:
        return text


class PlainResolver:
    """YAML 1.2 meaning of plain scalars, as ruamel.yaml reads and writes them.

    ruamel's own 1.2 rules decide the tag, so a string that ruamel's dumper wrote without
    quotes is read back as a string; the value is then built here, never by a constructor.
    The rules are taken from ruamel's resolver once and applied here directly (its
    `resolve` looks up the YAML version on every call, which dominated reading a
    10,000-card deck), and the meaning of a text is remembered: keys repeat on every card.
    """

    _MEMO_SIZE = 4096

    def __init__(self) -> None:
        table = VersionedResolver(version=(1, 2)).versioned_resolver
        anywhere = list(table.get(None, []))
        self._rules: dict[str, list[tuple[str, re.Pattern[str]]]] = {
            first: [*rules, *anywhere] for first, rules in table.items() if first is not None
        }
        self._anywhere = anywhere
        self._memo: dict[str, object] = {}

    def __call__(self, text: str) -> object:
        if text and text[0] not in _MAYBE_NOT_STR:
            return text
        try:
            return self._memo[text]
        except KeyError:
            pass
        value = self._meaning(text)
        if len(self._memo) < self._MEMO_SIZE:
            self._memo[text] = value
        return value

    def _tag(self, text: str) -> str:
        for tag, rule in self._rules.get(text[:1], self._anywhere):
            if rule.match(text):
                return str(tag)
        return _CORE + "str"

    def _meaning(self, text: str) -> object:
        resolved = self._tag(text)
        kind = resolved[len(_CORE) :] if resolved.startswith(_CORE) else "str"
        if kind == "null":
            return None
        if kind == "bool":
            return text.lower() == "true"
        if kind == "int":
            return _to_int(text)
        if kind == "float":
            return _to_float(text)
        return text  # str, timestamp (dates stay text), merge and value keys


class _Builder:
    """Turns the event stream of one document into values and `Node`s."""

    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text = text
        self.lines = lines
        self.problems: list[RawProblem] = []
        self.plain = PlainResolver()
        self.anchors: dict[str, Node] = {}
        self.open_anchors: set[str] = set()
        self.alias_values = 0
        # Each frame: (container node, anchor, pending key or None, key is unusable).
        self.stack: list[list[object]] = []
        self.root: Node | None = None
        self.last_scalar: ScalarNode | None = None

    # -- scalars -------------------------------------------------------------------------

    def scalar(self, event: ev.ScalarEvent) -> ScalarNode:
        start, end = event.start_mark.index, event.end_mark.index
        text: str = event.value
        tag = event.tag
        style = event.style or None  # PyYAML's plain style is "", ruamel's None
        value: object = text
        if tag is not None and tag != "!":
            if tag != _CORE + "str":
                self.problems.append(
                    RawProblem(start, Phrase.of("deck_file.yaml_tag", tag=_show_tag(tag)))
                )
        elif style is None:
            value = self.plain(text)
        node = ScalarNode(start, end, value, 1, style)
        self.last_scalar = node
        return node

    # -- tree building -------------------------------------------------------------------

    def open(self, node: MapNode | SeqNode, anchor: str | None, tag: str | None) -> None:
        expected = _CORE + ("map" if isinstance(node, MapNode) else "seq")
        if tag is not None and tag not in ("!", expected):
            self.problems.append(
                RawProblem(node.start, Phrase.of("deck_file.yaml_tag", tag=_show_tag(tag)))
            )
        if len(self.stack) >= MAX_DEPTH:
            raise _Fatal(node.start, Phrase.of("deck_file.too_deep", limit=MAX_DEPTH))
        if anchor is not None:
            self.open_anchors.add(anchor)
        self.stack.append([node, anchor, None, False])

    def close(self, end: int) -> None:
        node, anchor, _key, _bad = self.stack.pop()
        assert isinstance(node, MapNode | SeqNode)
        node.end = end
        if isinstance(anchor, str):
            self.open_anchors.discard(anchor)
            self.anchors[anchor] = node
        self.attach(node)

    def alias(self, event: ev.AliasEvent) -> None:
        name: str = event.anchor
        start = event.start_mark.index
        target = self.anchors.get(name)
        if target is None:
            if name in self.open_anchors:
                said = Phrase.of("deck_file.alias_loop", alias=f"*{name}")
            else:
                said = Phrase.of("deck_file.unknown_alias", alias=f"*{name}", anchor=f"&{name}")
            self.problems.append(RawProblem(start, said))
            self.attach(ScalarNode(start, event.end_mark.index, None, 1, None))
            return
        self.alias_values += target.size
        if self.alias_values > MAX_ALIAS_NODES:
            raise _Fatal(start, Phrase.of("deck_file.alias_bomb", limit=MAX_ALIAS_NODES))
        self.attach(target)

    def attach(self, node: Node, anchor: str | None = None) -> None:
        if anchor is not None:
            self.anchors[anchor] = node
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        parent = frame[0]
        if isinstance(parent, SeqNode):
            parent.items.append(node)
            assert isinstance(parent.value, list)
            parent.value.append(node.value)
            parent.size += node.size
            return
        assert isinstance(parent, MapNode)
        if frame[2] is None and not frame[3]:
            self._take_key(frame, node)
            return
        key, bad = frame[2], frame[3]
        frame[2], frame[3] = None, False
        if bad or not isinstance(key, Entry):
            return
        name = key.node.value
        assert isinstance(name, str)
        first = parent.entries.get(name)
        if first is not None:
            line = self.lines.line_of(first.key_start)
            self.problems.append(
                RawProblem(key.key_start, Phrase.of("deck_file.duplicate_key", key=name,
                                                    line=line))
            )
            return
        key.node = node
        parent.entries[name] = key
        assert isinstance(parent.value, dict)
        parent.value[name] = node.value
        parent.size += node.size

    def _take_key(self, frame: list[object], node: Node) -> None:
        if isinstance(node, ScalarNode):
            # Keys are names: whatever the scalar resolved to, use the text as written.
            if not isinstance(node.value, str):
                node = ScalarNode(node.start, node.end, self._source(node), 1, node.style)
            frame[2] = Entry(node.start, node)
            return
        said = Phrase.of("deck_file.key_not_name")
        if isinstance(node, MapNode) and "{{" in self.text[max(0, node.start - 1) : node.start + 2]:
            said = _BRACE_HINT
        self.problems.append(RawProblem(node.start, said))
        frame[3] = True

    def _source(self, node: ScalarNode) -> str:
        return self.text[node.start : node.end] if node.style is None else str(node.value)


def _syntax_problem(text: str, error: MarkedYAMLError) -> RawProblem:
    """Say where a syntax error starts, not where ruamel noticed it (often the file's end)."""
    problem = str(error.problem or "invalid YAML")
    context = str(error.context or "")
    problem_at = error.problem_mark.index if error.problem_mark is not None else 0
    context_at = error.context_mark.index if error.context_mark is not None else None
    at_end = problem_at >= len(text.rstrip())
    if "quoted scalar" in context and context_at is not None:
        quote = text[context_at : context_at + 1] or '"'
        return RawProblem(context_at, Phrase.of("deck_file.unclosed_quote", quote=quote))
    if "flow sequence" in context and context_at is not None:
        return RawProblem(context_at, Phrase.of("deck_file.unclosed_list"))
    if "flow mapping" in context and context_at is not None:
        return RawProblem(context_at, Phrase.of("deck_file.unclosed_mapping"))
    if "mapping values are not allowed" in problem:
        line_start = text.rfind("\n", 0, problem_at) + 1
        before = text[line_start:problem_at]
        if before.strip() and " " not in before.strip() and line_start > 0:
            # `key:` alone at the start of a line: the line was read as the previous
            # value's continuation because it is indented more than its siblings.
            return RawProblem(
                line_start + len(before) - len(before.lstrip(" ")),
                Phrase.of("deck_file.key_indented"),
            )
        return RawProblem(problem_at, Phrase.of("deck_file.colon_in_value"))
    if "'\\t'" in problem:
        return RawProblem(problem_at, Phrase.of("deck_file.tab"))
    line_start = text.rfind("\n", 0, problem_at) + 1
    line_end = text.find("\n", problem_at)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if ": {{" in line or "- {{" in line:
        return RawProblem(
            line.find("{{") + line_start,
            _BRACE_HINT,
        )
    if "could not find expected ':'" in problem and context_at is not None:
        colon = text.find(": ", context_at, line_end if line_end != -1 else len(text))
        if colon - context_at > _MAX_KEY_CHARS:
            return RawProblem(context_at, Phrase.of("deck_file.key_too_long",
                                                    limit=_MAX_KEY_CHARS))
        return RawProblem(context_at, Phrase.of("deck_file.no_colon"))
    if "cannot start any token" in problem:
        char = text[problem_at : problem_at + 1]
        return RawProblem(problem_at, Phrase.of("deck_file.bad_start", char=char))
    where = context_at if at_end and context_at is not None else problem_at
    detail = problem.replace("<block end>", "end of block").replace("'<", "'").replace(">'", "'")
    if "expected end of block" in detail or "block mapping start" in detail:
        if text[line_start:problem_at].strip():
            # Something follows a complete value on the same line: a stray quote or
            # bracket, or a value that needed quoting as a whole.
            return RawProblem(problem_at, Phrase.of("deck_file.text_after_value"))
        return RawProblem(where, Phrase.of("deck_file.bad_indentation"))
    return RawProblem(where, Phrase.of("deck_file.yaml_syntax", detail=detail))


def read_yaml(text: str, lines: LineIndex) -> ReadResult:
    """Parse `text` (already decoded, BOM removed) into a `ReadResult`; never raises.

    libyaml's parser reads any size of text in linear time; when it finds the text
    broken (or cannot be trusted to read it as ruamel would, see `_LIBYAML_DIFFERS`),
    ruamel's parser reads it again, so every problem is located and worded by one
    parser whichever path found it.
    """
    quick = read_libyaml(text, lines)
    return quick if quick is not None else read_full_yaml(text, lines)


#: Text on which libyaml (YAML 1.1) and ruamel (YAML 1.2) may read a text apart: NEL,
#: LS and PS end a line in 1.1 only, and so does a CR on its own for one of them; a tab
#: may start a token in 1.2 only; a BOM is a document marker in 1.1; ruamel rejects
#: more control characters.
_LIBYAML_DIFFERS = re.compile(
    "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\t\\u2028\\u2029\\ufeff]|\\r(?!\\n)"
)
#: A block scalar's header as both parsers read it: indicators, then only a comment.
_BLOCK_HEADER = re.compile(r"[|>](?:[+-]?[1-9]?|[1-9][+-])(?: +(?:#.*)?)?\r?")


def read_libyaml(text: str, lines: LineIndex) -> ReadResult | None:
    """The libyaml path: the same events as ruamel's, built by the same `_Builder`.

    None when libyaml is not installed, finds a syntax error, or the text holds a
    character on which the two parsers may disagree: the caller then asks ruamel.
    """
    if _LIBYAML is None or _LIBYAML_DIFFERS.search(text) is not None:
        return None
    try:
        return _build(text, lines, yaml.parse(text, Loader=_LIBYAML), _PYYAML_EVENTS)
    except (yaml.YAMLError, _Differs):
        return None


def read_full_yaml(text: str, lines: LineIndex) -> ReadResult:
    """The ruamel.yaml path: any YAML, every problem located."""
    builder = _Builder(text, lines)
    try:
        return _build(text, lines, YAML(typ="safe", pure=True).parse(text), _RUAMEL_EVENTS, builder)
    except MarkedYAMLError as error:
        syntax = _syntax_problem(text, error)
        quoted = builder.last_scalar
        if (
            quoted is not None
            and quoted.style in ('"', "'")
            and lines.line_of(quoted.start) < lines.line_of(quoted.end)
            and lines.line_of(quoted.end) == lines.line_of(syntax.offset)
        ):
            # A missing closing quote pairs with the next quote further down, and the
            # error surfaces there; the mistake is where that quoted text began.
            syntax = RawProblem(
                quoted.start, Phrase.of("deck_file.quote_runs_on", quote=quoted.style))
        line = lines.line_of(syntax.offset)
        earlier = [p for p in builder.problems if lines.line_of(p.offset) != line]
        return ReadResult(None, [*earlier, syntax])
    except ReaderError as error:
        char = error.character
        code = char if isinstance(char, int) else ord(char) if isinstance(char, str) else 0
        return ReadResult(
            None,
            [RawProblem(int(error.position), Phrase.of("deck_file.control_in_file", code=code))],
        )
    except YAMLError as error:  # anything else ruamel may raise: report, never crash
        return ReadResult(None, [RawProblem(0, Phrase.of("deck_file.yaml_error",
                                                         detail=str(error)))])


@dataclass(frozen=True, slots=True)
class _EventKinds:
    """One parser's event classes (PyYAML's and ruamel's have the same names and fields)."""

    scalar: type[Any]
    #: libyaml's: its scalars need `_as_ruamel_reads` (YAML 1.1 scanning, other marks).
    libyaml: bool
    mapping_start: type[Any]
    sequence_start: type[Any]
    collection_end: tuple[type[Any], ...]
    alias: type[Any]
    document_start: type[Any]


_RUAMEL_EVENTS = _EventKinds(
    ev.ScalarEvent, False, ev.MappingStartEvent, ev.SequenceStartEvent,
    (ev.MappingEndEvent, ev.SequenceEndEvent), ev.AliasEvent, ev.DocumentStartEvent,
)  # fmt: skip
_PYYAML_EVENTS = _EventKinds(
    yaml.ScalarEvent, True, yaml.MappingStartEvent, yaml.SequenceStartEvent,
    (yaml.MappingEndEvent, yaml.SequenceEndEvent), yaml.AliasEvent, yaml.DocumentStartEvent,
)  # fmt: skip


class _Differs(Exception):
    """libyaml read a text that ruamel would read otherwise: let ruamel read it."""


def _as_ruamel_reads(text: str, node: ScalarNode, event: Any, at_root: bool) -> None:
    """Raise `_Differs` for a scalar ruamel could read, place or judge otherwise than libyaml.

    Tags, anchors and aliases: libyaml scans fewer characters into their names. An
    empty value: libyaml places it right after its `:` or `-`, ruamel there or where
    the next token starts or ends, depending on what follows (a comment included).
    A block scalar at the top of the document, one whose header is followed by more
    than a comment, or whose first, blank line is indented less than a later one:
    each parser has its own rules. All are rare in a deck that is not broken anyway.
    """
    if event.tag is not None or event.anchor is not None:
        raise _Differs
    if node.value is None and event.value == "":
        raise _Differs
    if node.style in ("|", ">"):
        line_end = text.find("\n", node.start)
        header = text[node.start : line_end if line_end != -1 else len(text)]
        if (
            at_root
            or _BLOCK_HEADER.fullmatch(header) is None
            or _ruamel_refuses_block(text, node.start)
        ):
            raise _Differs


def _ruamel_refuses_block(text: str, start: int) -> bool:
    """ruamel's "more indented follow up line than first in a block scalar"."""
    line_end = text.find("\n", start)
    if line_end == -1:
        return False
    header = text[start:line_end].split("#", 1)[0]
    if any(char.isdigit() for char in header):
        return False  # an explicit indentation indicator: no auto-detection
    first_indent, max_indent, column = -1, 0, 0
    at = line_end + 1
    while at < len(text) and text[at] in " \r\n":
        if text[at] == " ":
            column += 1
            max_indent = max(max_indent, column)
        else:
            if first_indent < 0:
                first_indent = column
            column = 0
            if text.startswith("\r\n", at):
                at += 1
        at += 1
    return first_indent > 0 and max_indent > first_indent


def _build(
    text: str,
    lines: LineIndex,
    events: Iterable[Any],
    kinds: _EventKinds,
    builder: _Builder | None = None,
) -> ReadResult:
    """Feed one parser's events to a `_Builder`; the parser's own errors propagate."""
    builder = builder if builder is not None else _Builder(text, lines)
    scalar, mapping_start, sequence_start = kinds.scalar, kinds.mapping_start, kinds.sequence_start
    libyaml = kinds.libyaml
    documents = 0
    try:
        for event in events:
            kind = type(event)
            if kind is scalar:
                node = builder.scalar(event)
                if libyaml:
                    _as_ruamel_reads(text, node, event, not builder.stack)
                builder.attach(node, event.anchor)
            elif kind in kinds.collection_end:
                builder.close(event.end_mark.index)
            elif kind is mapping_start or kind is sequence_start:
                if libyaml and (event.anchor is not None or event.tag is not None):
                    raise _Differs  # see _as_ruamel_reads
                start = event.start_mark.index
                container: MapNode | SeqNode = (
                    MapNode(start, start, {}, 1)
                    if kind is mapping_start
                    else SeqNode(start, start, [], 1)
                )
                builder.open(container, event.anchor, event.tag)
            elif kind is kinds.alias:
                if libyaml:
                    raise _Differs  # see _as_ruamel_reads
                builder.alias(event)
            elif kind is kinds.document_start:
                documents += 1
                if documents > 1:
                    builder.problems.append(
                        RawProblem(event.start_mark.index, Phrase.of("deck_file.two_documents"))
                    )
                    break
    except _Fatal as fatal:
        return ReadResult(None, [*builder.problems, fatal.problem])
    return ReadResult(builder.root, builder.problems)

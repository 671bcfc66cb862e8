"""libyaml's parser and ruamel's read every text alike, or libyaml steps aside.

Deck files are read from libyaml's events (linear, in C) and re-read by ruamel only
when libyaml finds them broken. So whenever `read_libyaml` accepts a text, its values,
every recorded position and every problem it reports must be the ones the ruamel path
produces: libyaml scans YAML 1.1, ruamel 1.2, and where the two might read a text
apart libyaml must refuse it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from bot.decks.yamltree import (
    LineIndex,
    MapNode,
    Node,
    ReadResult,
    ScalarNode,
    SeqNode,
    read_full_yaml,
    read_libyaml,
    read_yaml,
)
from tests.unit.decks.strategies import decks

DATA = Path(__file__).parent / "data"


def same_value(a: object, b: object) -> bool:
    """Equal values of equal types all the way down (True is not 1, 1.0 is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return list(a) == list(b) and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


def same_tree(fast: Node, full: Node, path: str = "$") -> None:
    assert type(fast) is type(full), path
    assert fast.start == full.start, f"{path}: start {fast.start} != {full.start}"
    assert fast.size == full.size, path
    assert same_value(fast.value, full.value), f"{path}: {fast.value!r} != {full.value!r}"
    if isinstance(fast, ScalarNode):
        assert isinstance(full, ScalarNode)
        assert (fast.end, fast.style) == (full.end, full.style), path
    elif isinstance(fast, SeqNode):
        assert isinstance(full, SeqNode)
        assert len(fast.items) == len(full.items), path
        for index, (a, b) in enumerate(zip(fast.items, full.items, strict=True)):
            same_tree(a, b, f"{path}[{index}]")
    else:
        assert isinstance(fast, MapNode) and isinstance(full, MapNode)
        assert list(fast.entries) == list(full.entries), path
        for key, entry in fast.entries.items():
            other = full.entries[key]
            assert entry.key_start == other.key_start, f"{path}.{key}: key position"
            same_tree(entry.node, other.node, f"{path}.{key}")


def same_result(quick: ReadResult, full: ReadResult) -> None:
    """The same problems at the same offsets, and the same tree (or none)."""
    assert [(p.offset, p.message) for p in quick.problems] == [
        (p.offset, p.message) for p in full.problems
    ]
    if full.root is None:
        assert quick.root is None
    else:
        assert quick.root is not None
        same_tree(quick.root, full.root)


def agree(text: str) -> bool:
    """True when libyaml read the text (and then it must match the ruamel path exactly)."""
    lines = LineIndex(text)
    quick = read_libyaml(text, lines)
    if quick is None:
        return False
    same_result(quick, read_full_yaml(text, lines))
    return True


def dump(data: object, style: str) -> str:
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 1_000_000
    if style == "flow-leaves":
        yaml.default_flow_style = None
    elif style == "indented":
        yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def test_typical_deck_files_are_read_by_libyaml() -> None:
    assert agree((DATA / "seed.yaml").read_text(encoding="utf-8"))
    for shipped in sorted((Path(__file__).parents[3] / "decks").glob("*.yaml")):
        agree(shipped.read_text(encoding="utf-8"))  # same result whichever path reads it


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(decks(), st.sampled_from(["block", "flow-leaves", "indented"]))
def test_dumped_decks_agree(deck: object, style: str) -> None:
    from bot.decks import Deck

    assert isinstance(deck, Deck)
    agree(dump(deck.model_dump(mode="json", exclude_none=True), style))


_SCALARS = [
    "plain", "two words", "IaaS(Infra)란?", "a #not comment", "a # comment", "x#y", "C#",
    "a: b", "a:b", "a:", ":a", "?a", "-a", "-", "- a", "--- x", "...", "'q''s'", "'open",
    '"esc \\n \\t \\u00e9 \\x41 \\" \\\\"', '"bad \\q"', '"open', '"a" tail', "'a' # c",
    "[a, b]", "[a,b]", "[]", "[ a , 'b' , \"c\" ]", "[a, [b]]", "[a:, b]", "[a: b]",
    "[a, b", "[a, b,]", "{k: v}", "{k: [1, 2], m: x}", "{k: [a, {b: c}]}", "{k: {m: n}}",
    "{k: v, m: 'n'}", "{}", "{k:v}", "{k: v, k: w}",
    "{{c1::x}}", "{{c1::x}} y", "true", "True", "yes", "null", "~", "", "012", "0o17",
    "0x1F", "1_000", "1e3", ".5", ".inf", "-.inf", ".nan", "2024-01-01", "1.5", "-3",
    "<<", "=", "&a x", "*a", "!!str x", "!x y", "%x", "@x", "`x", "|", "|-", "|+", ">",
    "| # c", "|2", "가나다 라", "a\u3000b", "😀", "x ", "x  ", "{{c1::a}}, b", "a, b",
]  # fmt: skip
_KEYS = ["id", "type", "front", "back", "tags", "src", "a-b", "x_1", "true", "null", "1",
         "'q'", "? k", "가", "k k", "<<"]  # fmt: skip
_BLOCK_LINES = ["  line one", "  line two", "", "   ", "    deeper", "# c", "  # c", "x: y"]


@st.composite
def deckish(draw: st.DrawFn) -> str:
    """Deck-shaped YAML with tricky scalars, odd indentation and stray lines."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        indent = " " * draw(st.sampled_from([0, 0, 0, 2, 2, 4, 1, 3]))
        kind = draw(
            st.sampled_from(
                ["pair", "pair", "item", "item-pair", "empty-key", "comment", "blank", "block"]
            )
        )
        key = draw(st.sampled_from(_KEYS))
        value = draw(st.sampled_from(_SCALARS))
        if kind == "pair":
            lines.append(f"{indent}{key}: {value}")
        elif kind == "item":
            lines.append(f"{indent}- {value}")
        elif kind == "item-pair":
            lines.append(f"{indent}- {key}: {value}")
        elif kind == "empty-key":
            lines.append(f"{indent}{key}:")
        elif kind == "comment":
            lines.append(f"{indent}# {value}")
        elif kind == "blank":
            lines.append(indent)
        else:
            header = draw(st.sampled_from(["|", "|-", "|+", "| # c", "|2"]))
            lines.append(f"{indent}{key}: {header}")
            for _ in range(draw(st.integers(0, 4))):
                lines.append(indent + draw(st.sampled_from(_BLOCK_LINES)))
    ending = draw(st.sampled_from(["\n", "", "\n\n", "\n  \n"]))
    return "\n".join(lines) + ending


@st.composite
def nested(draw: st.DrawFn) -> str:
    """Well-indented mappings and lists (the shape of real decks) holding tricky values."""
    out: list[str] = []
    ids = st.sampled_from(["id", "type", "front", "back", "tags", "src", "x_1", "a-b", "true"])

    def extras(indent: str) -> None:
        for _ in range(draw(st.integers(0, 1))):
            out.append(draw(st.sampled_from(["", indent + "# note", "  ", "#"])))

    def mapping(indent: str, depth: int, first_prefix: str | None = None) -> None:
        keys = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
        for number, key in enumerate(keys):
            lead = first_prefix if number == 0 and first_prefix is not None else indent
            shape = draw(st.sampled_from(["scalar"] * 4 + ["map", "seq", "seq0", "block"]))
            if depth > 2 and shape in ("map", "seq", "seq0"):
                shape = "scalar"
            if shape == "scalar":
                tail = draw(st.sampled_from(["", "", " # c", "  #c"]))
                out.append(f"{lead}{key}: {draw(st.sampled_from(_SCALARS))}{tail}")
            elif shape == "map":
                out.append(f"{lead}{key}:")
                extras(indent)
                mapping(indent + "  ", depth + 1)
            elif shape in ("seq", "seq0"):
                out.append(f"{lead}{key}:")
                sequence(indent + ("  " if shape == "seq" else ""), depth + 1)
            else:
                header = draw(st.sampled_from(["|", "|-", "|+", "| # c"]))
                out.append(f"{lead}{key}: {header}")
                for _ in range(draw(st.integers(1, 4))):
                    line = draw(st.sampled_from(["one", "two #x", "", "   ", " deeper", "- x"]))
                    out.append(f"{indent}  {line}" if line.strip() else line)
            extras(indent)

    def sequence(indent: str, depth: int) -> None:
        for _ in range(draw(st.integers(1, 3))):
            if depth < 3 and draw(st.booleans()):
                mapping(indent + "  ", depth + 1, first_prefix=indent + "- ")
            else:
                out.append(f"{indent}- {draw(st.sampled_from(_SCALARS))}")
            extras(indent)

    if draw(st.booleans()):
        mapping("", 0)
    else:
        sequence("", 0)
    return "\n".join(out) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(nested(), st.sampled_from(["unix", "windows", "mixed"]))
def test_nested_documents_agree(text: str, line_ends: str) -> None:
    if line_ends == "windows":
        text = text.replace("\n", "\r\n")
    elif line_ends == "mixed":
        lines = text.split("\n")
        text = "".join(line + ("\r\n" if n % 2 else "\n") for n, line in enumerate(lines[:-1]))
        text += lines[-1]
    agree(text)


def test_windows_line_ends_are_read_by_libyaml() -> None:
    seed = (DATA / "seed.yaml").read_text(encoding="utf-8")
    assert agree(seed.replace("\n", "\r\n"))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    nested(),
    st.lists(
        st.tuples(
            st.integers(0, 500), st.integers(0, 2), st.sampled_from(list(" -:#\n\"'[]{},|a가"))
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_near_miss_documents_agree(text: str, edits: list[tuple[int, int, str]]) -> None:
    for at, cut, char in edits:
        at %= len(text) + 1
        text = text[:at] + char + text[at + cut :]
    agree(text)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(deckish())
@example("a: |\n  one\n\n  two\n\nb: x\n")
@example("a: |+\n  one\n\n\nb: x\n")
@example("a: |+\n  one\n\n")
@example("a: |-\n  one\n   \n")
@example("cards:\n- id: a\n  tags:\n  - x\n  - y\n  type: b\n- id: c\n")
def test_deck_shaped_text_agrees(text: str) -> None:
    agree(text)


def test_libyaml_reads_what_the_old_line_reader_left_to_ruamel() -> None:
    for text in [
        "a: b\n  c\n",
        "a: 'x\n  y'\n",
        "a: \"x\\\n  y\"\n",
        "a: >\n  folded\n  text\n",
        "a: 1\na: 2\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: {b: [c, d]}\n",
    ]:
        assert agree(text), text


@pytest.mark.parametrize("text", [
    "a: b\tc\n",  # a tab may start a token in YAML 1.2 only
    "a: b\x85c\n",  # NEL, LS and PS end a line in YAML 1.1 only
    "a: b\u2028c\n",
    "a: b\u2029c\n",
    "a: b\rc: d\n",  # a CR on its own
    "a: \ufeffb\n",  # a BOM inside the text
    "a: b\x07\n",  # control characters: ruamel names the character
    "a: &x 1\nb: *x\n",  # anchor names: libyaml allows fewer characters
    "x: !a,b y\n",  # tags likewise
    "a: !!str 1\n",
    "a:\n",  # an empty value: ruamel places it by what follows
    "- a:\n  # c\n  b: x\n",
    "a: |\n   \n    one\n",  # ruamel only: a blank first line indented less than the next
    "a: >#\n  x\n",  # a header followed by more than a comment
    "|\n#",  # a block scalar at the top
    "a: [b\n",  # broken: ruamel words the problem
    "a: 'b\n",
    "- a\nb: c\n",
])  # fmt: skip
def test_libyaml_steps_aside_where_the_parsers_may_differ(text: str) -> None:
    lines = LineIndex(text)
    assert read_libyaml(text, lines) is None
    same_result(read_yaml(text, lines), read_full_yaml(text, lines))


#: Everything that changes how YAML is scanned, and a few letters to escape with.
_PUNCTUATION = list(" -:#\n\"'[]{},|>?&*!%a\\\r~0.nxu/NLP_e9\u00e9\U0001f600")


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.sampled_from(_PUNCTUATION), max_size=40))
@example("a: [!a,b]\n")
@example("x: !a:! y\n")
@example("!a:!\n\n")
def test_short_texts_of_yaml_punctuation_agree(text: str) -> None:
    agree(text)


"""Mutated deck files: whatever a broken editor, a bad merge or an attacker produces.

Starting from real decks (the seed deck and one card of every type), hypothesis
mutates bytes and splices YAML tokens in. Every outcome must be a deck or a
`DeckError` with in-file positions, within a deadline (see `bounded`).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.decks import BasicCard, DeckError, LoadedDeck
from tests.unit.hostile.bounded import load

REPO = Path(__file__).resolve().parents[3]
SEED = (REPO / "decks" / "cloud-basics.yaml").read_bytes()
# The seed deck's first cards: mutations land in a few hundred lines, not thousands.
SMALL_SEED = b"".join(SEED.splitlines(keepends=True)[:60])
EVERY_TYPE = """\
deck: every-type
title: "Every type: 모든 유형"
lang: en
cards:
  - id: b1
    type: basic
    tags: [vm, "a, b"]
    front: What is a VM?
    back: |
      A machine
      emulated in software.
  - id: c1
    type: choice
    front: 'Pick the odd one'
    choices: [IaaS, PaaS, SaaS]
    answer: IaaS
  - id: z1
    type: cloze
    text: "A {{c1::container}} shares the {{c2::kernel}}."
  - id: t1
    type: typed
    front: Phone book of the internet?
    back: DNS
    accept: [Domain Name System]
    src: {anchor: dns, lines: [3, 4]}
""".encode()
SEEDS = st.sampled_from([SMALL_SEED, EVERY_TYPE])

# Pieces of YAML (and of non-YAML) that change how everything after them is read.
TOKENS = [
    b"&a ", b"*a", b"*nope", b"<<: *a\n", b"!!python/object/apply:os.system [\"true\"] ",
    b"!!python/name:builtins.print ", b"!custom ", b"!!binary ", b"!!set ", b"!<tag:x> ",
    b"{", b"}", b"[", b"]", b"\"", b"'", b"|", b"|-\n", b">", b"? ", b": ", b"- ", b"#",
    b"\t", b"\r", b"\r\n", b"\x00", b"\x1b", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\xed\xa0\x80",
    b"%YAML 1.1\n", b"%TAG !x! tag:x,2000:\n", b"---\n", b"...\n", b"\\ud800", b"\"\\ud800\"",
    b"\xe2\x80\xae", b"\xcc\x81\xcc\x81", b"\xe2\x80\xa8", b"\xc2\x85", b"  ", b"\n", b"~",
    b"0x1F", b"1e999", b".nan", b"yes", b"null", b"@everyone", b"{{c1::", b"::", b"}}",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["token", "byte", "delete", "duplicate", "swap"]))
        if kind == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif kind == "byte" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            data[at : at + draw(st.integers(1, 40))] = b""
        elif kind == "duplicate":
            # Repeat a stretch of lines: duplicate keys, ids and over-indented blocks.
            end = data.find(b"\n", at + draw(st.integers(0, 120)))
            data[at:at] = data[at : end if end != -1 else len(data)]
        else:
            lines = bytes(data).split(b"\n")
            i, j = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
@example(EVERY_TYPE.replace(b"  - id: c1", b"  - &a\n    id: c1").replace(b"  - id: z1", b"  - *a"))
@example(EVERY_TYPE.replace(b"    back: DNS\n", b"    <<: {back: DNS}\n"))
def test_any_mutation_gives_a_deck_or_located_problems(data: bytes) -> None:
    outcome = load(data)
    assert isinstance(outcome, LoadedDeck | DeckError)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_deck_or_located_problems(data: bytes) -> None:
    load(data)


_ANY_CHAR = st.characters(codec="utf-8")  # every code point UTF-8 can carry


@settings(max_examples=300, deadline=None)
@given(
    st.text(_ANY_CHAR, max_size=60),
    st.sampled_from(["plain", "double", "single", "block", "key"]),
)
def test_any_unicode_in_a_field_gives_a_deck_or_located_problems(value: str, style: str) -> None:
    quoted = {
        "plain": value,
        "double": '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"',
        "single": "'" + value.replace("'", "''") + "'",
        "block": "|\n      " + value.replace("\n", "\n      "),
    }
    if style == "key":
        text = EVERY_TYPE.decode().replace("    back: DNS", f"    {value}: DNS")
    else:
        text = EVERY_TYPE.decode().replace("What is a VM?", quoted[style])
    outcome = load(text.encode("utf-8"))
    breaks = ("\n", "\r", "\x85", "\u2028", "\u2029")  # YAML folds raw line breaks
    if (
        isinstance(outcome, LoadedDeck)
        and style in ("double", "single")
        and value.strip()
        and not any(b in value for b in breaks)
    ):
        # Quoted text comes back exactly as written: nothing decoded, evaluated or dropped.
        card = outcome.deck.cards[0]
        assert isinstance(card, BasicCard)
        assert card.front == value


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from([b"\r\n", b"\r", b"\n"]),
    st.booleans(),
    st.sampled_from([b"  ", b"\t", b" \t", b"    "]),
)
def test_line_ends_boms_and_tabs_in_indentation(end: bytes, bom: bool, indent: bytes) -> None:
    body = EVERY_TYPE.replace(b"\n", end).replace(b"    front", indent + b"  front")
    outcome = load((b"\xef\xbb\xbf" if bom else b"") + body)
    if end == b"\r\n" and indent in (b"  ", b"    ") and indent == b"  ":
        assert isinstance(outcome, LoadedDeck), outcome

"""A new deck file written directly, byte for byte as ruamel's round-trip dump
would write it.

A fresh deck has a fixed shape (four header keys, then cards whose keys, flow
lists and `src` mapping are always the same), so the only decision left is how
each scalar is written: plain, 'single' or "double" quoted.  Making that decision
here, with a few string tests per scalar, costs a small fraction of what ruamel's
representer, serializer and emitter cost on a 1 MB note (most of the generator's
time budget).  Regeneration, which must keep a maintainer's comments and layout,
still goes through ruamel; so does any deck this module does not promise to
write identically (`fresh_deck_text` returns None): a line long enough that
ruamel would fold it, an empty text, or a line separator other than "\\n".
tests/unit/generator/test_gen_freshdeck.py holds it to ruamel's output.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.writer import is_risky, make_yaml

# ruamel folds a line once it passes its width (4096, writer.make_yaml); a deck
# with a line near that is left to ruamel.
_LONGEST_LINE = 4000

# Line breaks other than "\n" (ruamel writes them raw, as real line breaks) and
# lone surrogates (not writable as UTF-8): such a text is left to ruamel.
_UNSUPPORTED = re.compile("[\x85\u2028\u2029\ud800-\udfff]")
# Characters that only a double-quoted scalar can hold (escaped): what YAML does not
# print raw (controls but "\n", surrogates, U+FFFE, U+FFFF) and the byte order mark.
# Written as the ranges themselves: a negated class over all of Unicode takes re 10 ms
# to compile, a noticeable part of the command's start-up.
_SPECIAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
# Characters escaped inside double quotes: those, "\n", the quote and the backslash.
_ESCAPED = re.compile('[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff"\\\\]')
_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v",
            "\x0c": "f", "\r": "r", "\x1b": "e", '"': '"', "\\": "\\"}
_SPACE = "\0 \t\r\n"  # what counts as whitespace around an indicator
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
# After the first character: a flow indicator, or ": " / ":" at the end, or " #".
_INNER_FLOW = re.compile(r"[,\[\]{}]")
_INNER_BOTH = re.compile(r":(?:[\0 \t\r\n]|\Z)|[\0 \t\r\n]#")


@cache
def _implicit_tags() -> tuple[frozenset[str], Callable[[str], bool]]:
    """ruamel's own resolver (YAML 1.2): a text it would read back as a number, a
    boolean, null, a date... is not written plain."""
    from ruamel.yaml.nodes import ScalarNode

    resolver = make_yaml().resolver
    starts = frozenset(k for k in resolver.versioned_resolver if k is not None)

    def is_str(value: str) -> bool:
        tag = resolver.resolve(ScalarNode, value, (True, False))
        return bool(tag.suffix == "tag:yaml.org,2002:str")

    return starts, is_str


def _reads_back_as_text(value: str) -> bool:
    starts, is_str = _implicit_tags()
    return value[0] not in starts or is_str(value)


def _plain_allowed(value: str, flow: bool) -> bool:
    """Whether ruamel writes `value` plain, in a flow collection or in block context."""
    if (value[0] in " \n" or value[-1] in " \n" or "\n" in value or _SPECIAL.search(value)):
        return False
    first = value[0]
    if value.startswith(("---", "...")) or first in _FIRST_INDICATORS:
        return False
    # "- x", "? x", ": x" (and a lone "-", "?", ":") would read as YAML syntax.
    if first in "-?:" and (len(value) == 1 or value[1] in _SPACE):
        return False
    if _INNER_BOTH.search(value, 1):
        return False
    if flow and _INNER_FLOW.search(value, 1):
        return False
    return _reads_back_as_text(value)


def _double(value: str) -> str:
    return '"' + _ESCAPED.sub(_escape, value) + '"'


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _ESCAPES:
        return "\\" + _ESCAPES[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def scalar(value: str, *, flow: bool = False, double: bool = False) -> str | None:
    """`value` as ruamel writes it (None when this module does not know): `flow` inside
    `[...]`/`{...}`, `double` for a DoubleQuotedScalarString."""
    if not value or _UNSUPPORTED.search(value):
        return None
    if double:
        return _double(value)
    if _plain_allowed(value, flow):
        return value
    if "'" in value or "\n" in value:
        return _double(value)
    if " \n" in value or "\n " in value or _SPECIAL.search(value):
        return _double(value)  # single quotes cannot hold it
    return "'" + value + "'"


def _item(item: str | int) -> str | None:
    if isinstance(item, int):
        return str(item)
    return scalar(item, flow=True, double=is_risky(item))


def _flow_seq(items: Sequence[str | int]) -> str | None:
    written = [_item(item) for item in items]
    if None in written:
        return None
    return "[" + ", ".join(written) + "]"  # type: ignore[arg-type]


def _card_lines(card_id: str, card: GeneratedCard) -> list[str] | None:
    id_text = scalar(card_id)
    tags = _flow_seq(list(card.tags))
    anchor = _item(card.anchor)
    lines = _flow_seq(card.line_range)
    gen = scalar(card.gen, flow=True)
    if id_text is None or tags is None or anchor is None or lines is None or gen is None:
        return None
    type_text = scalar(card.type)
    if type_text is None:
        return None
    out = [f"  - id: {id_text}", f"    type: {type_text}"]
    if card.draft:
        out.append("    draft: true")
    out.append(f"    tags: {tags}")
    for key, value in card.fields().items():
        text = _flow_seq(value) if isinstance(value, list) else scalar(value)
        if text is None:
            return None
        out.append(f"    {key}: {text}")
    out.append(f"    src: {{anchor: {anchor}, lines: {lines}, gen: {gen}}}")
    return out


def fresh_deck_text(deck_id: str, title: str | None, lang: str, source: str,
                    cards: Sequence[tuple[str, GeneratedCard]]) -> str | None:
    """The deck file `writer.dump(merge's new deck)` would write, or None when this
    module cannot promise the same bytes (the caller then asks ruamel)."""
    if not cards:
        return None  # "cards: []": rare enough to leave to ruamel
    head = [("deck", deck_id)] + ([("title", title)] if title else []) + [
        ("lang", lang), ("source", source)]
    out: list[str] = []
    for key, value in head:
        text = scalar(value)
        if text is None:
            return None
        out.append(f"{key}: {text}")
    out.append("cards:")
    for card_id, card in cards:
        lines = _card_lines(card_id, card)
        if lines is None:
            return None
        out.extend(lines)
    if any(len(line) > _LONGEST_LINE for line in out):
        return None
    return "\n".join(out) + "\n"

"""ruamel.yaml set up for round-trips that keep comments, key order and quoting,
and that write a file the same way every time (so a second run is byte-identical)."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.decks.generator.cards import GeneratedCard


def make_yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.width = 4096  # never fold a long question over two lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    return yaml


def load(text: str) -> Any:
    return make_yaml().load(text)


# Reading the text back costs more than writing it (pure-Python parser); decks of
# ordinary size are checked, huge generated ones rely on the quoting in `_safe`.
_VERIFY_UP_TO = 200_000


def dump(data: Any) -> str:
    """Serialise, then read the text back: a deck file that does not parse is never
    returned (and so never written)."""
    buffer = io.StringIO()
    make_yaml().dump(data, buffer)
    text = buffer.getvalue()
    if len(text) <= _VERIFY_UP_TO:
        YAML(typ="safe").load(text)
    return text


_RISKY_START = tuple("-?:,[]{}#&*!|>'\"%@`~")


def _safe(item: str | int) -> str | int:
    """ruamel may emit a plain ": x" inside a flow sequence, which no parser reads back;
    quote any item that starts with an indicator or holds ": " / " #"."""
    if isinstance(item, str) and (
        item.startswith(_RISKY_START) or ": " in item or " #" in item or item.endswith(":")
    ):
        quoted: str = DoubleQuotedScalarString(item)
        return quoted
    return item


def flow_seq(items: list[str] | list[int]) -> CommentedSeq:
    seq = CommentedSeq([_safe(item) for item in items])
    seq.fa.set_flow_style()
    return seq


def append_key(mapping: CommentedMap, key: str, value: Any) -> None:
    """Add `key` as the mapping's last key.  ruamel hangs the comment lines that
    follow a card (the next section's "# 도커" heading) on its last key; a key added
    after it would be written below that comment, so the comment moves to the new key."""
    if key in mapping:
        mapping[key] = value
        return
    last = next(reversed(mapping), None) if mapping else None
    mapping[key] = value
    if last is None:
        return
    entry = mapping.ca.items.get(last)
    token = entry[2] if entry and len(entry) > 2 else None
    if token is None or not str(token.value).startswith("\n"):
        return  # nothing after the value, or a same-line comment that belongs to it
    entry[2] = None
    if not any(entry):
        del mapping.ca.items[last]
    mapping.ca.items[key] = [None, None, token, None]


def src_map(card: GeneratedCard) -> CommentedMap:
    src = CommentedMap()
    src["anchor"] = _safe(card.anchor)
    src["lines"] = flow_seq(card.line_range)
    src["gen"] = card.gen
    src.fa.set_flow_style()
    return src


def field_value(value: str | list[str]) -> str | CommentedSeq:
    return flow_seq(value) if isinstance(value, list) else value


def card_map(card_id: str, card: GeneratedCard) -> CommentedMap:
    data = CommentedMap()
    data["id"] = card_id
    data["type"] = card.type
    if card.draft:
        data["draft"] = True
    data["tags"] = flow_seq(list(card.tags))
    for key, value in card.fields().items():
        data[key] = field_value(value)
    data["src"] = src_map(card)
    return data


def new_deck(deck_id: str, title: str | None, lang: str, source: str) -> CommentedMap:
    data = CommentedMap()
    data["deck"] = deck_id
    if title:
        data["title"] = title
    data["lang"] = lang
    data["source"] = source
    data["cards"] = CommentedSeq()
    return data

"""ruamel.yaml set up for round-trips that keep comments, key order and quoting,
and that write a file the same way every time (so a second run is byte-identical)."""

from __future__ import annotations

import copy
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
    return verified(buffer.getvalue())


def verified(text: str) -> str:
    """`text`, once it reads back as YAML (a deck file that does not is never written)."""
    if len(text) <= _VERIFY_UP_TO:
        YAML(typ="safe").load(text)
    return text


_RISKY_START = tuple("-?:,[]{}#&*!|>'\"%@`~")


def is_risky(item: str) -> bool:
    """ruamel may emit a plain ": x" inside a flow sequence, which no parser reads back:
    an item that starts with an indicator or holds ": " / " #" is double-quoted."""
    return item.startswith(_RISKY_START) or ": " in item or " #" in item or item.endswith(":")


def _safe(item: str | int) -> str | int:
    if isinstance(item, str) and is_risky(item):
        quoted: str = DoubleQuotedScalarString(item)
        return quoted
    return item


def flow_seq(items: list[str] | list[int]) -> CommentedSeq:
    seq = CommentedSeq([_safe(item) for item in items])
    seq.fa.set_flow_style()
    return seq


def _last(node: CommentedMap | CommentedSeq) -> Any:
    return next(reversed(node)) if isinstance(node, CommentedMap) else len(node) - 1


def _tail(container: CommentedMap | CommentedSeq, key: Any) -> tuple[Any, Any]:
    """Where ruamel keeps the comments that follow `container[key]`: on the deepest
    last entry of a block value (a flow value, `[a, b]`, keeps them itself)."""
    value = container[key]
    while isinstance(value, CommentedMap | CommentedSeq) and value \
            and not value.fa.flow_style():
        container, key = value, _last(value)
        value = container[key]
    return container, key


def _slot(container: CommentedMap | CommentedSeq) -> int:
    return 2 if isinstance(container, CommentedMap) else 0  # ruamel's post-comment slot


def take_comment_after(container: CommentedMap | CommentedSeq, key: Any) -> Any:
    """Detach the comment lines (and blank lines) written after `container[key]` and
    return them as a token for `hang_comment_after`; a comment on the value's own
    line stays.  Those lines usually head what comes next (the next card's section,
    "# 도커"), so whoever removes or reorders entries moves them rather than losing them."""
    where, last = _tail(container, key)
    entry = where.ca.items.get(last)
    slot = _slot(where)
    token = entry[slot] if entry and len(entry) > slot else None
    if token is None:
        return None
    text = str(token.value)
    same_line, newline, following = text.partition("\n") if text.startswith("#") \
        else ("", "\n", text[1:] if text.startswith("\n") else text)
    if not following:
        return None
    moved = copy.copy(token)
    moved.value = newline + following
    if same_line:
        token.value = same_line + newline
    else:
        entry[slot] = None
        if not any(entry):
            del where.ca.items[last]
    return moved


def take_trailing(node: CommentedMap | CommentedSeq) -> Any:
    """`take_comment_after` for the comment lines after the whole of `node`."""
    return take_comment_after(node, _last(node)) if node else None


def hang_comment_after(container: CommentedMap | CommentedSeq, key: Any, token: Any) -> None:
    """Write `token` (from `take_comment_after`) after `container[key]`, below a
    comment already there."""
    if token is None:
        return
    where, last = _tail(container, key)
    slot = _slot(where)
    entry = where.ca.items.setdefault(last, [None, None, None, None])
    existing = entry[slot]
    if existing is None:
        entry[slot] = token
    else:
        existing.value = str(existing.value) + str(token.value)[1:]


def hang_trailing(node: CommentedMap | CommentedSeq, token: Any) -> None:
    """`hang_comment_after` the last entry of `node` (an empty `node` drops nothing:
    the caller hangs the token on the key that holds it)."""
    if node:
        hang_comment_after(node, _last(node), token)


def append_key(mapping: CommentedMap, key: str, value: Any) -> None:
    """Add `key` as the mapping's last key.  ruamel hangs the comment lines that
    follow a card (the next section's "# 도커" heading) on its last key; a key added
    after it would be written below that comment, so the comment moves to the new key."""
    if key in mapping:
        mapping[key] = value
        return
    following = take_trailing(mapping)
    mapping[key] = value
    hang_trailing(mapping, following)


def append_item(seq: CommentedSeq, value: Any) -> None:
    """`append_key` for a list: the comment lines after it stay after it."""
    following = take_trailing(seq)
    seq.append(value)
    hang_trailing(seq, following)


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

"""Discord's embed limits for a whole message, not one text at a time.

Discord refuses a message (400, code 50035) whose embeds hold more than 6,000
characters in all (titles, descriptions, field names and values, footers and
author names of every embed together), even when each text is within its own
limit: a revealed card with a long question, answer and note is 6,144
characters of texts that each fit.  The learner would only see "This
interaction failed".

`fit` is the one way out for every screen: each text is first cut to its own
limit, then, if the message is still too long, the longest texts are cut to a
common length (the shortest texts stay whole) until everything fits; every cut
ends in "…" (bot.discord.text.cut).  A screen that lists things (decks,
channels) uses `add_fields` to show whole entries and say how many it left
out, rather than cut every entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import discord

from bot.discord import text

#: Most embeds one message may carry.
MAX_EMBEDS: Final = 10
#: Most fields one embed may carry.
MAX_FIELDS: Final = 25
#: Length of a field that must not be empty (Discord refuses "" as a name or value).
_BLANK: Final = "\u200b"

Piece = tuple[str, ...]


def _pieces(data: dict[str, Any]) -> list[tuple[Piece, int]]:
    """(where, limit) of every text of one embed that counts towards the 6,000."""
    found: list[tuple[Piece, int]] = []
    if data.get("title"):
        found.append((("title",), text.EMBED_TITLE))
    if data.get("description"):
        found.append((("description",), text.EMBED_DESCRIPTION))
    for index, _ in enumerate(data.get("fields") or []):
        found.append((("fields", str(index), "name"), text.EMBED_FIELD_NAME))
        found.append((("fields", str(index), "value"), text.EMBED_FIELD_VALUE))
    if (data.get("footer") or {}).get("text"):
        found.append((("footer", "text"), text.EMBED_FOOTER))
    if (data.get("author") or {}).get("name"):
        found.append((("author", "name"), text.EMBED_AUTHOR))
    return found


def _get(data: dict[str, Any], where: Piece) -> str:
    node: Any = data
    for step in where:
        node = node[int(step)] if isinstance(node, list) else node[step]
    return str(node)


def _set(data: dict[str, Any], where: Piece, value: str) -> None:
    node: Any = data
    for step in where[:-1]:
        node = node[int(step)] if isinstance(node, list) else node[step]
    node[where[-1]] = value


def common_length(lengths: Sequence[int], total: int) -> int | None:
    """The longest length ``c`` with ``sum(min(n, c)) <= total``; None when all fit already.

    Cutting every text longer than ``c`` to ``c`` then fits: the short texts
    stay whole and the long ones share what is left equally.
    """
    if sum(lengths) <= total:
        return None
    low, high = 1, max(lengths)
    while low < high:
        mid = (low + high + 1) // 2
        if sum(min(n, mid) for n in lengths) <= total:
            low = mid
        else:
            high = mid - 1
    return low


def total_length(embeds: Iterable[discord.Embed]) -> int:
    """What Discord counts towards the 6,000 characters of one message."""
    return sum(len(embed) for embed in embeds)


def fit(embeds: Sequence[discord.Embed], total: int = text.EMBED_TOTAL) -> list[discord.Embed]:
    """Copies of ``embeds`` that Discord accepts in one message (see the module docstring).

    At most `MAX_EMBEDS` embeds of at most `MAX_FIELDS` fields each; the rest
    is dropped, which a screen should never leave to this function.
    """
    datas: list[dict[str, Any]] = [dict(embed.to_dict()) for embed in embeds[:MAX_EMBEDS]]
    every: list[tuple[dict[str, Any], Piece, int]] = []
    for data in datas:
        if "fields" in data:
            data["fields"] = data["fields"][:MAX_FIELDS]
        for where, limit in _pieces(data):
            current = _get(data, where)
            if len(current) > limit:
                _set(data, where, text.cut(current, limit))
            every.append((data, where, limit))
    cap = common_length([len(_get(d, w)) for d, w, _ in every], total)
    if cap is not None:
        for data, where, _ in every:
            current = _get(data, where)
            if len(current) > cap:
                _set(data, where, text.cut(current, cap))
    return [discord.Embed.from_dict(data) for data in datas]


def add_fields(
    embed: discord.Embed,
    entries: Sequence[tuple[str, str]],
    more: Callable[[int], str],
    *,
    total: int = text.EMBED_TOTAL,
    inline: bool = False,
) -> int:
    """Add whole ``(name, value)`` fields while the embed stays within ``total``.

    Each name and value is cut to its own limit; the entries that do not fit
    (in length, or past `MAX_FIELDS`) are left out and counted in the footer
    with ``more(n)``, room for which is kept.  Returns how many were shown.
    """
    room = total - len(embed) - len(more(len(entries))) - 1
    shown = 0
    for name, value in entries:
        name = text.cut(text.one_line(name) or _BLANK, text.EMBED_FIELD_NAME)
        value = text.cut(value or _BLANK, text.EMBED_FIELD_VALUE)
        if shown == MAX_FIELDS or len(name) + len(value) > room:
            break
        embed.add_field(name=name, value=value, inline=inline)
        room -= len(name) + len(value)
        shown += 1
    if shown < len(entries):
        footer = embed.footer.text
        note = more(len(entries) - shown)
        embed.set_footer(text=f"{footer}\n{note}" if footer else note)
    return shown

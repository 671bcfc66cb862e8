"""One JSON decoder for everything Discord sends (and the encoder of what the bot sends
itself), whichever JSON library is installed.

discord.py decodes gateway events and REST replies with orjson when it is
installed (studybot depends on it: it is the faster decoder, and the tests run
with it) and with the standard json module otherwise.  JSON text may carry a
lone surrogate escape (``"\\ud800"``), and any client can put one in a typed
answer or a command option.  orjson refuses such text, and discord.py lets
that error end the gateway connection and the bot; json accepts it but hands
on a string that SQLite, the answer journal and orjson's encoder all refuse.

`loads` keeps the fast decoder for every payload without a surrogate escape
(all of Discord's own: it sends UTF-8, not escapes) and decodes the rest with
json, replacing each lone surrogate by U+FFFD as a UTF-8 decoder replaces
bytes it cannot read.  Surrogate pairs stay the characters they encode.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import discord

_fast: Callable[[str | bytes], Any]
_fast_dumps: Callable[[Any], bytes | str]
try:
    import orjson
except ModuleNotFoundError:  # a set-up without it still works, with json's speed
    _fast, _fast_dumps = json.loads, json.dumps
else:
    _fast, _fast_dumps = orjson.loads, orjson.dumps

#: A ``\uD800``..``\uDFFF`` escape; a decoded string can hold a lone surrogate only through one.
_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_ESCAPE_BYTES = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
#: After json has joined the pairs, every surrogate left is a lone one.
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def loads(data: str | bytes) -> Any:
    """Decode a JSON payload; lone surrogates become U+FFFD instead of an error."""
    escape = _ESCAPE_BYTES if isinstance(data, bytes) else _ESCAPE
    if escape.search(data) is None:  # type: ignore[arg-type]  # matched to the data's type
        return _fast(data)
    return _clean(json.loads(data))


def dumps(payload: Any) -> bytes | str:
    """Encode a payload for Discord: orjson's text where it can (as discord.py encodes its
    own requests), json's where orjson refuses (a lone surrogate, which json escapes, as a
    deck file's "\\ud800" escape can hold; an int beyond 64 bits)."""
    try:
        return _fast_dumps(payload)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(payload)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub(REPLACEMENT, value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {_clean(key): _clean(item) for key, item in value.items()}
    return value


def install() -> None:
    """Make discord.py decode gateway events and REST replies with `loads`."""
    # Typed after orjson.loads, which also takes buffers; discord.py only passes text.
    discord.utils._from_json = loads  # type: ignore[assignment]

"""`wire_json.loads`: Discord's JSON as json reads it, with lone surrogates made U+FFFD."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.discord import wire_json
from bot.discord.wire_json import REPLACEMENT, loads

#: Text with lone surrogates and split pairs, which json.dumps writes as \\uXXXX escapes.
TEXT = st.text(st.characters() | st.integers(0xD800, 0xDFFF).map(chr), max_size=8)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


def as_utf16_reads_it(value: object) -> object:
    """Adjacent high and low surrogates joined, every other surrogate replaced."""
    if isinstance(value, str):
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if isinstance(value, list):
        return [as_utf16_reads_it(item) for item in value]
    if isinstance(value, dict):
        return {as_utf16_reads_it(k): as_utf16_reads_it(v) for k, v in value.items()}
    return value


@given(JSON_VALUES)
def test_every_payload_reads_as_json_reads_it_with_lone_surrogates_replaced(
        value: object) -> None:
    text = json.dumps(value)  # ASCII, as the test emulator sends; surrogates as escapes
    expected = as_utf16_reads_it(value)
    assert loads(text) == expected
    assert loads(text.encode()) == expected


@pytest.mark.parametrize(("text", "value"), [
    ('{"a": "\\ud800x"}', {"a": f"{REPLACEMENT}x"}),
    ('{"a": "x\\udfff"}', {"a": f"x{REPLACEMENT}"}),
    ('{"a": "\\udc00\\ud800"}', {"a": REPLACEMENT * 2}),  # a pair in the wrong order
    ('{"a": "\\ud83d\\ude00"}', {"a": "😀"}),  # a pair is the character it encodes
    ('{"\\ud800": ["\\uDBFF"]}', {REPLACEMENT: [REPLACEMENT]}),
    ('{"a": "\\\\ud800"}', {"a": "\\ud800"}),  # an escaped backslash, not an escape
    ('{"d": {"components": [{"value": "\\ud800DNS"}]}}',
     {"d": {"components": [{"value": f"{REPLACEMENT}DNS"}]}}),
])  # fmt: skip
def test_lone_surrogates_become_the_replacement_character(text: str, value: object) -> None:
    assert loads(text) == value
    assert loads(text.encode()) == value


def test_install_makes_discord_py_decode_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import discord

    monkeypatch.setattr(discord.utils, "_from_json", discord.utils._from_json)
    wire_json.install()
    assert discord.utils._from_json('{"t": "\\ud800"}') == {"t": REPLACEMENT}


def test_what_the_bot_sends_is_the_same_json_even_where_orjson_refuses() -> None:
    for payload in ({"content": "한국어 é", "n": 2**63}, {"content": "lone \ud800"},
                    {"big": 2**70}):
        encoded = wire_json.dumps(payload)
        text = encoded.decode() if isinstance(encoded, bytes) else encoded
        assert json.loads(text) == payload

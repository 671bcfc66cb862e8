"""Properties over generated decks: YAML round-trips, and garbage never crashes the loader."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.decks import Deck, DeckError, parse_deck
from tests.unit.decks.strategies import decks, dump


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(decks())
def test_valid_decks_round_trip_through_yaml(deck: Deck) -> None:
    data = dump(deck)
    loaded = parse_deck(data, "decks/generated.yaml")
    assert loaded.deck == deck
    assert set(loaded.card_lines) == {card.id for card in deck.cards}


def _check_positions(data: bytes) -> None:
    try:
        parse_deck(data, "decks/garbage.yaml")
        return
    except DeckError as error:
        problems = error.problems
    assert problems
    last_line = data.count(b"\n") + 1
    for problem in problems:
        assert 1 <= problem.line <= last_line + 1, str(problem)
        assert problem.col >= 1, str(problem)
        assert problem.message


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    decks(),
    st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=3)), max_size=4),
    st.integers(0, 3),
)
def test_mutated_decks_only_ever_raise_deck_error(
    deck: Deck, edits: list[tuple[int, bytes]], cut: int
) -> None:
    data = bytearray(dump(deck))
    for at, replacement in edits:
        at %= len(data) + 1
        data[at : at + cut] = replacement
    _check_positions(bytes(data))


_yamlish = st.sampled_from(
    [
        b"\n",
        b"  ",
        b"- ",
        b": ",
        b"{",
        b"}",
        b"[",
        b"]",
        b",",
        b'"',
        b"'",
        b"|",
        b">",
        b"#",
        b"&a ",
        b"*a",
        b"!!str ",
        b"!x ",
        b"---\n",
        b"...",
        b"\t",
        b"id",
        b"cards",
        b"title",
        b"type",
        b"{{c1::",
        b"}}",
        "가".encode(),
        b"\xff",
        b"\xc3",
        b"\x00",
        b"%YAML 1.2\n",
        b"? ",
    ]
)


@settings(max_examples=300)
@given(st.lists(st.one_of(_yamlish, st.binary(max_size=4)), max_size=30))
def test_garbage_only_ever_raises_deck_error(pieces: list[bytes]) -> None:
    _check_positions(b"".join(pieces))

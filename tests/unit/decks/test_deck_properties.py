"""Properties over generated decks: YAML round-trips, and garbage never crashes the loader."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from bot.decks import (
    BasicCard,
    ChoiceCard,
    ClozeCard,
    Deck,
    DeckError,
    SrcRef,
    TypedCard,
    parse_deck,
)

# Text a maintainer could type: any printable character (Korean, emoji, quotes, `#`, `:`),
# line breaks included, but not control characters, which deck files refuse.
_chars = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
    exclude_characters="\ufeff\x85",
)
texts = st.text(alphabet=st.one_of(_chars, st.just("\n")), min_size=1, max_size=40).filter(
    lambda s: s.strip() != ""
)
plain = st.text(
    alphabet=st.characters(
        exclude_characters="{}:\n",
        codec="utf-8",
        exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
    ),
    min_size=1,
    max_size=15,
).filter(lambda s: s.strip() != "" and "\ufeff" not in s and "\x85" not in s)
ids = st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True)
srcs = st.one_of(
    st.none(),
    st.builds(
        lambda anchor, first, extra, gen: SrcRef(
            anchor=anchor, lines=None if first is None else [first, first + extra], gen=gen
        ),
        texts,
        st.one_of(st.none(), st.integers(1, 10_000)),
        st.integers(0, 50),
        st.one_of(st.none(), st.from_regex(r"[0-9a-f]{8}", fullmatch=True)),
    ),
)
common: dict[str, Any] = {
    "tags": st.lists(texts, max_size=3),
    "src": srcs,
    "stale": st.booleans(),
}


@st.composite
def choice_cards(draw: st.DrawFn, card_id: str) -> ChoiceCard:
    choices = draw(st.lists(texts, min_size=2, max_size=5, unique=True))
    return ChoiceCard(
        id=card_id,
        front=draw(texts),
        choices=choices,
        answer=draw(st.sampled_from(choices)),
        back=draw(st.one_of(st.none(), texts)),
        **{k: draw(v) for k, v in common.items()},
    )


@st.composite
def cloze_cards(draw: st.DrawFn, card_id: str) -> ClozeCard:
    parts = draw(st.lists(st.tuples(plain, st.integers(1, 4), plain), min_size=1, max_size=4))
    text = "".join(f"{lit} {{{{c{n}::{answer}}}}}" for lit, n, answer in parts)
    return ClozeCard(
        id=card_id,
        text=text + draw(plain),
        back=draw(st.one_of(st.none(), texts)),
        **{k: draw(v) for k, v in common.items()},
    )


@st.composite
def cards(draw: st.DrawFn, card_id: str) -> Any:
    kind = draw(st.sampled_from(["basic", "choice", "cloze", "typed"]))
    rest = {k: draw(v) for k, v in common.items()}
    if kind == "basic":
        return BasicCard(id=card_id, front=draw(texts), back=draw(texts), **rest)
    if kind == "typed":
        return TypedCard(
            id=card_id,
            front=draw(texts),
            back=draw(texts),
            accept=draw(st.lists(texts, max_size=3)),
            **rest,
        )
    if kind == "choice":
        return draw(choice_cards(card_id))
    return draw(cloze_cards(card_id))


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    card_ids = draw(st.lists(ids, max_size=6, unique=True))
    return Deck(
        deck=draw(ids),
        title=draw(texts),
        lang=draw(st.sampled_from(["ko", "en"])),
        source=draw(st.one_of(st.none(), texts)),
        cards=[draw(cards(card_id)) for card_id in card_ids],
    )


def dump(deck: Deck) -> bytes:
    yaml = YAML()  # round-trip dumper, as the generator and maintainers' tools write decks
    yaml.allow_unicode = True
    # ruamel.yaml 0.19 may fold a long plain scalar where it has two spaces, which YAML
    # then reads back with one: a dumper bug, avoided by never folding.
    yaml.width = 1_000_000
    out = io.StringIO()
    yaml.dump(deck.model_dump(mode="json", exclude_none=True), out)
    return out.getvalue().encode("utf-8")


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

"""Hypothesis strategies for valid decks, shared by the deck property tests."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML

from bot.decks import BasicCard, ChoiceCard, ClozeCard, Deck, SrcRef, TypedCard

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

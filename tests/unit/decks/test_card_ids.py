"""New card ids: text to YAML, drawn from the given randomness, never from content."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from bot.decks.card_ids import new_card_ids
from bot.decks.loader import parse_deck


@given(st.integers(0, 2**64))
def test_new_ids_are_text_to_yaml(seed: int) -> None:
    make = new_card_ids(random.Random(seed))
    for _ in range(5):
        card_id = make()
        assert re.fullmatch(r"[0-9a-f]{8}", card_id)
        assert set(card_id) & set("abcdf")
        deck = parse_deck(
            f"title: t\ncards:\n  - id: {card_id}\n    type: basic\n    front: q\n    back: a\n"
            .encode(), "t.yaml",
        ).deck
        assert deck.cards[0].id == card_id


def test_ids_never_come_from_content() -> None:
    assert new_card_ids(random.Random(4))() == new_card_ids(random.Random(4))()
    assert new_card_ids(random.Random(4))() != new_card_ids(random.Random(5))()

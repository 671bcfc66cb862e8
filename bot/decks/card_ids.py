"""New card ids: the one factory the generator and the importers draw from.

An id is assigned once and keys all of a card's review history, so it never
comes from the card's content (a card keeps its id when its text changes).
"""

from __future__ import annotations

import random
from collections.abc import Callable

#: Hex letters other than ``e``: an id holding one always reads back as text.
_LETTERS = frozenset("abcdf")


def new_card_ids(rng: random.Random) -> Callable[[], str]:
    """Id factory: 8 lowercase hex digits from ``rng``, with at least one of a, b, c, d, f.

    An id of digits only (``68191601``) or digits around one ``e`` (``1234e567``)
    is a number to YAML; such draws are skipped, so every id reads back as text
    whether the deck file quotes it or a maintainer's edit dropped the quotes.
    """

    def make() -> str:
        while True:
            candidate = f"{rng.getrandbits(32):08x}"
            if _LETTERS.intersection(candidate):
                return candidate

    return make

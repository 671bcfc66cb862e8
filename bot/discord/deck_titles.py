"""The titles cards are headed by: "클라우드와 가상화 기초", not "cloud-basics".

A card names only its deck's id (bot.study's `PromptView`), and every click
redraws a card, so the titles are kept here rather than read on every click:
read once, read again after each reload this process runs, when a card names
a deck not seen yet, and after `MAX_AGE` seconds (another process may have
reloaded a deck).  A deck nobody can find keeps its id as its title.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Final

from bot.study.prompt_context import DeckInfo

log = logging.getLogger(__name__)

#: Seconds after which the titles are read again at the next card.
MAX_AGE: Final = 300.0


class DeckTitles:
    """Deck id -> title, refreshed by `refresh` and whenever a card names an unknown deck."""

    def __init__(self, read: Callable[[], Awaitable[Iterable[DeckInfo]]],
                 clock: Callable[[], float] | None = None) -> None:
        self._read = read
        self._clock = clock
        self._titles: dict[str, str] = {}
        self._read_at: float | None = None

    def _now(self) -> float:
        return self._clock() if self._clock is not None else asyncio.get_running_loop().time()

    async def refresh(self) -> None:
        """Read every loaded deck's title again (a failed read keeps the old titles)."""
        try:
            decks = list(await self._read())
        except Exception as exc:
            log.warning("could not read the deck titles: %r", exc)
            return
        self._titles = {deck.id: deck.title for deck in decks}
        self._read_at = self._now()

    async def title(self, deck_id: str) -> str:
        """The title of ``deck_id``, or the id itself when no deck has it."""
        stale = self._read_at is None or self._now() - self._read_at > MAX_AGE
        if stale or deck_id not in self._titles:
            await self.refresh()
        return self._titles.get(deck_id) or deck_id

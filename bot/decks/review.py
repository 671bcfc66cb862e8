"""Accepting, editing and dropping generated cards in a deck file, in place.

The file is edited through ruamel's round-trip model, so the maintainer's
comments, key order, quoting and every id stay as they were; only the card
being decided changes.  A dropped card's anchor goes into the deck's `dropped`
list, so the next `deck generate` does not bring it back.  Every edit is checked
by the deck loader before it is accepted: a review never writes a broken deck.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.decks.errors import DeckError
from bot.decks.generator import writer
from bot.decks.generator.merge import DeckFileError
from bot.decks.loader import parse_deck

_CARD_KEYS = ("front", "back", "choices", "answer", "text", "accept", "tags", "type")


@dataclass(frozen=True)
class CardView:
    index: int
    card_id: str
    card_type: str
    draft: bool
    fields: dict[str, Any]
    lines: tuple[int, int] | None


class DeckReview:
    """One deck file under review; `text()` is the file as it stands now."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        try:
            data = writer.load(text)
        except Exception as exc:  # ruamel raises many unrelated types
            raise DeckFileError(f"not valid YAML: {exc}") from exc
        if not isinstance(data, CommentedMap) or not isinstance(data.get("cards"), CommentedSeq):
            raise DeckFileError("the file is not a deck (no `cards` list)")
        self.data = data

    @property
    def cards(self) -> CommentedSeq:
        cards: CommentedSeq = self.data["cards"]
        return cards

    def pending(self, *, every_generated: bool = False) -> list[str]:
        """Ids of the cards to walk through: the drafts, or with `every_generated` every
        card the generator made (has `src`) and nobody edited since."""
        out: list[str] = []
        for card in self.cards:
            if not isinstance(card, CommentedMap):
                continue
            if card.get("draft") is True or (every_generated and isinstance(card.get("src"),
                                                                                dict)):
                out.append(str(card.get("id")))
        return out

    def _find(self, card_id: str) -> tuple[int, CommentedMap]:
        for index, card in enumerate(self.cards):
            if isinstance(card, CommentedMap) and str(card.get("id")) == card_id:
                return index, card
        raise KeyError(card_id)

    def view(self, card_id: str) -> CardView:
        index, card = self._find(card_id)
        fields = {k: _plain(card[k]) for k in _CARD_KEYS if k in card and k not in ("type",)}
        src = card.get("src")
        lines = None
        if isinstance(src, dict) and isinstance(src.get("lines"), list) and len(src["lines"]) == 2:
            lines = (int(src["lines"][0]), int(src["lines"][1]))
        return CardView(index, card_id, str(card.get("type")), card.get("draft") is True,
                        fields, lines)

    def keep(self, card_id: str) -> None:
        """Accept the card: it is served from the next reload on."""
        _, card = self._find(card_id)
        if "draft" in card:
            del card["draft"]

    def drop(self, card_id: str) -> None:
        """Remove the card; a generated one is remembered so regeneration skips it."""
        index, card = self._find(card_id)
        src = card.get("src")
        del self.cards[index]
        if isinstance(src, dict) and src.get("anchor"):
            dropped = self.data.get("dropped")
            if not isinstance(dropped, CommentedSeq):
                dropped = CommentedSeq()
                self.data.insert(list(self.data.keys()).index("cards"), "dropped", dropped)
            if str(src["anchor"]) not in dropped:
                dropped.append(str(src["anchor"]))

    def card_yaml(self, card_id: str) -> str:
        """The card as YAML text, for the maintainer's editor."""
        _, card = self._find(card_id)
        buffer = io.StringIO()
        writer.make_yaml().dump(CommentedSeq([card]), buffer)
        return buffer.getvalue()

    def replace_card(self, card_id: str, edited: str) -> list[str]:
        """Replace the card with the maintainer's edit (which also accepts it).  Returns
        the problems found; the card is unchanged unless there are none."""
        try:
            loaded = writer.load(edited)
        except Exception as exc:  # ruamel raises many unrelated types
            return [f"not valid YAML: {exc}"]
        if isinstance(loaded, CommentedSeq) and len(loaded) == 1:
            loaded = loaded[0]
        if not isinstance(loaded, CommentedMap):
            return ["the edit must be one card (a mapping with `id` and `type`)"]
        if str(loaded.get("id")) != card_id:
            return [f"the card's id must stay {card_id}: it keys every learner's history"]
        index, old = self._find(card_id)
        if "draft" in loaded:
            del loaded["draft"]
        self.cards[index] = loaded
        problems = self.problems()
        if problems:
            self.cards[index] = old
        return problems

    def problems(self) -> list[str]:
        """The deck loader's verdict on the file as it would be written."""
        try:
            parse_deck(self.text().encode("utf-8"), self.path)
        except DeckError as error:
            return [str(p) for p in error.problems]
        return []

    def text(self) -> str:
        return writer.dump(self.data)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value)

"""Accepting, editing and dropping generated cards in a deck file, in place.

The file is edited through ruamel's round-trip model, so the maintainer's
comments, key order, quoting and every id stay as they were; only the card
being decided changes.  ruamel hangs the comment lines below a card (the next
section's heading) on that card's last key, so every change moves them along
instead of deleting them with the key or the card.  A dropped card's anchor
goes into the deck's `dropped` list, so the next `deck generate` does not bring
it back.  Every edit is checked by the deck loader before it is accepted: a
review never writes a broken deck.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from bot.decks.errors import DeckError
from bot.decks.generator import writer
from bot.decks.generator.merge import DeckFileError
from bot.decks.loader import parse_deck
from bot.i18n.catalogue import FALLBACK, t

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
        card the generator made (has `src`), edited or not."""
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
        _without_draft(card)

    def drop(self, card_id: str) -> None:
        """Remove the card; a generated one is remembered so regeneration skips it."""
        index, card = self._find(card_id)
        src = card.get("src")
        following = writer.take_trailing(card)
        del self.cards[index]
        if index > 0:
            writer.hang_trailing(self.cards[index - 1], following)
        elif self.cards:
            _comment_before_first(self.cards, following)
        else:
            self.cards.fa.set_flow_style()  # `cards: []`, the comment after it
            writer.hang_comment_after(self.data, "cards", following)
        if isinstance(src, dict) and src.get("anchor"):
            self._remember_dropped(str(src["anchor"]))

    def _remember_dropped(self, anchor: str) -> None:
        dropped = self.data.get("dropped")
        if isinstance(dropped, CommentedSeq):
            if anchor not in dropped:
                writer.append_item(dropped, anchor)
            return
        dropped = CommentedSeq([anchor])
        if "dropped" in self.data:  # empty (`dropped:`): fill it in place
            self.data["dropped"] = dropped
            return
        keys = list(self.data.keys())
        at = keys.index("cards")
        # A comment above `cards:` hangs on the key before it; it belongs to the cards.
        above = writer.take_comment_after(self.data, keys[at - 1]) if at else None
        self.data.insert(at, "dropped", dropped)
        writer.hang_trailing(dropped, above)

    def card_yaml(self, card_id: str) -> str:
        """The card as YAML text, for the maintainer's editor."""
        _, card = self._find(card_id)
        following = writer.take_trailing(card)  # the next section's heading is not the card's
        buffer = io.StringIO()
        try:
            writer.make_yaml().dump(CommentedSeq([card]), buffer)
        finally:
            writer.hang_trailing(card, following)
        return buffer.getvalue()

    def replace_card(self, card_id: str, edited: str, lang: str = FALLBACK) -> list[str]:
        """Replace the card with the maintainer's edit (which also accepts it).  Returns
        the problems found, in ``lang``; the card is unchanged unless there are none."""
        try:
            loaded = writer.load(edited)
        except Exception as exc:  # ruamel raises many unrelated types
            return [t("deck_file.edit_not_yaml", lang, detail=str(exc))]
        if isinstance(loaded, CommentedSeq) and len(loaded) == 1:
            loaded = loaded[0]
        if not isinstance(loaded, CommentedMap):
            return [t("deck_file.edit_not_one_card", lang)]
        if str(loaded.get("id")) != card_id:
            return [t("deck_file.edit_id_changed", lang, id=card_id)]
        index, old = self._find(card_id)
        _without_draft(loaded)
        following = writer.take_trailing(old)
        self.cards[index] = loaded
        writer.hang_trailing(loaded, following)
        problems = self.problems(lang)
        if problems:
            writer.take_trailing(loaded)
            self.cards[index] = old
            writer.hang_trailing(old, following)
        return problems

    def problems(self, lang: str = FALLBACK) -> list[str]:
        """The deck loader's verdict on the file as it would be written, in ``lang``."""
        try:
            parse_deck(self.text().encode("utf-8"), self.path)
        except DeckError as error:
            return [p.line_in(lang) for p in error.problems]
        return []

    def text(self) -> str:
        return writer.dump(self.data)


def _without_draft(card: CommentedMap) -> None:
    if "draft" in card:
        following = writer.take_trailing(card)
        del card["draft"]
        writer.hang_trailing(card, following)


def _comment_before_first(cards: CommentedSeq, token: Any) -> None:
    """Put the comment lines of `token` above the first card (the card they followed
    is gone), as ruamel keeps a comment written there."""
    if token is None:
        return
    lines = str(token.value).split("\n")[1:-1]
    tokens = [CommentToken(line.strip() + "\n" if line.strip() else "\n",
                           CommentMark(len(line) - len(line.lstrip())))
              for line in lines]
    entry = cards.ca.items.setdefault(0, [None, None, None, None])
    entry[1] = tokens + list(entry[1] or [])


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value)

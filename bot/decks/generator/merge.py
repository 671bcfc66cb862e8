"""Regeneration: fold freshly generated cards into an existing deck file.

A card is matched to its source by `src.anchor`.  If its text still hashes to
`src.gen` nobody touched it and it is refreshed; otherwise a maintainer edited it
and it is kept as is.  A card whose anchor no longer appears is marked stale (its
review history must survive), cards without `src` are hand-written and never
touched, and ids are never changed.  An anchor in the deck's `dropped` list is
never written again; a card of such an anchor still in the file is the
maintainer's and is left alone (its source did not vanish: it is not stale).
A card's `draft` flag is the maintainer's too: only new cards get one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.decks.generator import writer
from bot.decks.generator.cards import TEXT_FIELDS, GeneratedCard, gen_hash
from bot.decks.generator.freshdeck import fresh_deck_text


class DeckFileError(ValueError):
    """The existing deck file cannot be merged into (not YAML, or not a deck)."""


@dataclass
class MergeSummary:
    new: list[tuple[str, str]] = field(default_factory=list)  # (id, type)
    drafts: list[str] = field(default_factory=list)  # ids of the new cards written as drafts
    dropped: int = 0  # generated cards not written because a maintainer dropped them
    refreshed: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    kept: list[tuple[str, str, str]] = field(default_factory=list)  # (id, type, anchor)
    stale: list[tuple[str, str, str]] = field(default_factory=list)
    hand_written: int = 0

    def by_type(self, items: list[Any]) -> dict[str, int]:
        return dict(sorted(Counter(item[1] for item in items).items()))


def _text_fields(card: CommentedMap) -> dict[str, str | list[str]]:
    out: dict[str, str | list[str]] = {}
    for key in TEXT_FIELDS:
        if key not in card:
            continue
        value = card[key]
        if isinstance(value, list):
            out[key] = [str(v) for v in value]
        elif value is not None:
            out[key] = str(value)
    return out


def set_fields(card: CommentedMap, generated: GeneratedCard) -> None:
    """Replace the text fields in place, keeping the maintainer's key order."""
    card["type"] = generated.type
    fields = generated.fields()
    for key in TEXT_FIELDS:
        if key in card and key not in fields:
            del card[key]
    for key, value in fields.items():
        if key in card:
            card[key] = writer.field_value(value)
        else:
            position = list(card.keys()).index("src") if "src" in card else len(card)
            card.insert(position, key, writer.field_value(value))


def _fresh_deck(
    generated: list[GeneratedCard],
    *,
    deck_id: str,
    title: str | None,
    lang: str,
    source: str,
    new_id: Callable[[], str],
) -> tuple[str, MergeSummary] | None:
    """A new deck written without ruamel (freshdeck), with the ids and summary the
    general path below would give; None when freshdeck cannot promise its bytes."""
    summary = MergeSummary()
    used_ids: set[str] = set()
    numbered: list[tuple[str, GeneratedCard]] = []
    for card in generated:
        card_id = new_id()
        while card_id in used_ids:
            card_id = new_id()
        used_ids.add(card_id)
        numbered.append((card_id, card))
        summary.new.append((card_id, card.type))
        if card.draft:
            summary.drafts.append(card_id)
    text = fresh_deck_text(deck_id, title, lang, source, numbered)
    if text is None:
        return None
    try:
        return writer.verified(text), summary
    except Exception as exc:  # a YAML error of our own making: refuse to write it
        raise DeckFileError(f"could not produce valid YAML ({exc})") from exc


def merge_into_deck(
    existing_yaml_text: str | None,
    generated: list[GeneratedCard],
    *,
    deck_id: str,
    title: str | None,
    lang: str,
    source: str,
    new_id: Callable[[], str],
) -> tuple[str, MergeSummary]:
    if existing_yaml_text is None and generated:
        drawn: list[str] = []

        def drawing() -> str:
            drawn.append(new_id())
            return drawn[-1]

        written = _fresh_deck(generated, deck_id=deck_id, title=title, lang=lang,
                              source=source, new_id=drawing)
        if written is not None:
            return written
        new_id = chain(drawn, iter(new_id, "")).__next__  # the same ids again, then more
    summary = MergeSummary()
    touched = False
    if existing_yaml_text is None or not existing_yaml_text.strip():
        data: Any = writer.new_deck(deck_id, title, lang, source)
    else:
        try:
            data = writer.load(existing_yaml_text)
        except Exception as exc:  # ruamel raises many unrelated types
            raise DeckFileError(f"not valid YAML: {exc}") from exc
        if not isinstance(data, CommentedMap):
            raise DeckFileError("the file is not a deck (no top-level mapping)")
        if data.get("cards") is None:
            data["cards"] = CommentedSeq()
            touched = True
        if not isinstance(data["cards"], CommentedSeq):
            raise DeckFileError("'cards' is not a list")
        for key, value in (("deck", deck_id), ("title", title), ("lang", lang),
                           ("source", source)):
            if key not in data and value:
                data.insert(len(data) - 1, key, value)
                touched = True
    cards: CommentedSeq = data["cards"]
    dropped = {str(a) for a in data.get("dropped") or [] if isinstance(a, str)}
    in_file = {str(c["src"].get("anchor")) for c in cards
               if isinstance(c, CommentedMap) and isinstance(c.get("src"), dict)}
    summary.dropped = sum(card.anchor in dropped and card.anchor not in in_file
                          for card in generated)
    generated = [card for card in generated if card.anchor not in dropped]
    by_anchor = {card.anchor: card for card in generated}
    used_ids = {str(c.get("id")) for c in cards if isinstance(c, CommentedMap)}
    matched: set[str] = set()
    for card in cards:
        if not isinstance(card, CommentedMap):
            continue
        src = card.get("src")
        if not isinstance(src, dict) or "anchor" not in src:
            summary.hand_written += 1
            continue
        card_id, card_type, anchor = str(card.get("id")), str(card.get("type")), str(src["anchor"])
        if anchor in dropped:
            summary.hand_written += 1  # no longer the generator's: never refreshed or stale
            continue
        fresh = by_anchor.get(anchor)
        if fresh is None or anchor in matched:
            if not card.get("stale"):
                writer.append_key(card, "stale", True)
                touched = True
            summary.stale.append((card_id, card_type, anchor))
            continue
        matched.add(anchor)
        if card.get("stale"):
            del card["stale"]
            touched = True
        if gen_hash(card_type, _text_fields(card)) != str(src.get("gen")):
            summary.kept.append((card_id, card_type, anchor))
            continue
        if fresh.gen == str(src.get("gen")) and fresh.type == card_type:
            summary.unchanged.append((card_id, card_type))
        else:
            set_fields(card, fresh)
            src["gen"] = fresh.gen
            touched = True
            summary.refreshed.append((card_id, fresh.type))
        old_lines = src.get("lines")
        if not isinstance(old_lines, list) or [*old_lines] != fresh.line_range:
            src["lines"] = writer.flow_seq(fresh.line_range)
            touched = True
    for fresh in generated:
        if fresh.anchor in matched:
            continue
        card_id = new_id()
        while card_id in used_ids:
            card_id = new_id()
        used_ids.add(card_id)
        cards.append(writer.card_map(card_id, fresh))
        summary.new.append((card_id, fresh.type))
        if fresh.draft:
            summary.drafts.append(card_id)
        touched = True
    if existing_yaml_text is not None and not touched:
        return existing_yaml_text, summary  # nothing to change: the file stays byte for byte
    try:
        return writer.dump(data), summary
    except Exception as exc:  # a YAML error of our own making: refuse to write it
        raise DeckFileError(f"could not produce valid YAML ({exc})") from exc

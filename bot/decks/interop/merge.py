"""Fold imported notes into a deck file, keeping its comments, key order and card ids.

An imported card remembers its note in `src.anchor` (`anki:<guid>`) and the hash of
the text it was given in `src.gen`, exactly as generated cards do.  Importing the
same file again therefore finds each card by its anchor: a card nobody edited since
the last import takes the note's new text; a card a maintainer edited is kept and
reported; a note seen for the first time gets a new random id.  Cards that came
from anywhere else (hand-written, generated) are never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.decks.generator import writer
from bot.decks.generator.cards import GeneratedCard, gen_hash
from bot.decks.generator.merge import DeckFileError, set_fields


@dataclass
class ImportSummary:
    new: list[str] = field(default_factory=list)  # card ids
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (card id, anchor)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (anchor, reason)

    @property
    def total(self) -> int:
        return len(self.new) + len(self.updated) + len(self.unchanged) + len(self.kept)


def _src(anchor: str, gen: str) -> CommentedMap:
    src = CommentedMap()
    src["anchor"] = anchor
    src["gen"] = gen
    src.fa.set_flow_style()
    return src


def _card_map(card_id: str, card: GeneratedCard) -> CommentedMap:
    data = CommentedMap()
    data["id"] = card_id
    data["type"] = card.type
    if card.tags:
        data["tags"] = writer.flow_seq(list(card.tags))
    for key, value in card.fields().items():
        data[key] = writer.field_value(value)
    data["src"] = _src(card.anchor, card.gen)
    return data


def _current_fields(card: CommentedMap) -> dict[str, str | list[str]]:
    out: dict[str, str | list[str]] = {}
    for key in ("front", "back", "choices", "answer", "text", "accept"):
        value = card.get(key)
        if isinstance(value, list):
            out[key] = [str(v) for v in value]
        elif value is not None:
            out[key] = str(value)
    return out


def _set_tags(card: CommentedMap, tags: tuple[str, ...]) -> None:
    if tags:
        if "tags" in card:
            card["tags"] = writer.flow_seq(list(tags))
        else:
            card.insert(min(2, len(card)), "tags", writer.flow_seq(list(tags)))
    elif "tags" in card:
        del card["tags"]


def _load(existing: str | None, deck_id: str, title: str, lang: str) -> Any:
    if existing is None or not existing.strip():
        data = CommentedMap()
        data["deck"] = deck_id
        data["title"] = title
        data["lang"] = lang
        data["cards"] = CommentedSeq()
        return data
    try:
        data = writer.load(existing)
    except Exception as error:  # ruamel raises many unrelated types
        raise DeckFileError(f"not valid YAML: {error}") from error
    if not isinstance(data, CommentedMap):
        raise DeckFileError("the file is not a deck (no top-level mapping)")
    if data.get("cards") is None:
        data["cards"] = CommentedSeq()
    if not isinstance(data["cards"], CommentedSeq):
        raise DeckFileError("`cards` is not a list")
    return data


def merge_imported(
    existing: str | None,
    cards: list[GeneratedCard],
    *,
    deck_id: str,
    title: str,
    lang: str,
    new_id: Callable[[], str],
) -> tuple[str, ImportSummary]:
    """The deck file's new text with `cards` folded in, and what happened to each."""
    summary = ImportSummary()
    data = _load(existing, deck_id, title, lang)
    deck_cards: CommentedSeq = data["cards"]
    by_anchor: dict[str, CommentedMap] = {}
    used_ids: set[str] = set()
    for item in deck_cards:
        if not isinstance(item, CommentedMap):
            continue
        used_ids.add(str(item.get("id")))
        src = item.get("src")
        if isinstance(src, dict) and "anchor" in src:
            by_anchor.setdefault(str(src["anchor"]), item)
    seen: set[str] = set()
    for card in cards:
        if card.anchor in seen:
            summary.skipped.append((card.anchor, "the same note appears twice in the file"))
            continue
        seen.add(card.anchor)
        target = by_anchor.get(card.anchor)
        if target is None:
            card_id = new_id()
            while card_id in used_ids:
                card_id = new_id()
            used_ids.add(card_id)
            deck_cards.append(_card_map(card_id, card))
            summary.new.append(card_id)
            continue
        card_id, src = str(target.get("id")), target["src"]
        current = gen_hash(str(target.get("type")), _current_fields(target))
        if current != str(src.get("gen")):
            summary.kept.append((card_id, card.anchor))
        elif card.gen == current and list(target.get("tags") or []) == list(card.tags):
            summary.unchanged.append(card_id)
        else:
            set_fields(target, card)
            _set_tags(target, card.tags)
            src["gen"] = card.gen
            summary.updated.append(card_id)
    return writer.dump(data), summary

"""Carry the ids of hand-written cards over to generated ones.

A deck written by hand before the generator existed has review history under its
ids.  When the generator later produces a card asking the same fact, that card must
take the existing id, or every learner loses their history of it.  Cards are paired
by the similarity of their question + answer (rapidfuzz token-set ratio, one-to-one,
best pairs first, above a threshold); a paired hand card gets the generated card's
`src`, so later runs recognise it.  Unpaired hand cards stay hand-written (no `src`,
never touched); unpaired generated cards are then added by `merge_into_deck`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from ruamel.yaml.comments import CommentedMap

from bot.decks.generator import writer
from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.merge import DeckFileError, set_fields

_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}", re.S)
DEFAULT_THRESHOLD = 60.0


@dataclass(frozen=True)
class Adoption:
    card_id: str
    anchor: str
    score: float
    hand_text: str
    generated_text: str


def _hand_text(card: CommentedMap) -> str:
    if card.get("type") == "cloze":
        return _CLOZE.sub(r"\1", str(card.get("text", "")))
    answer = card.get("answer") if card.get("type") == "choice" else card.get("back")
    return f"{card.get('front', '')} {answer or ''}"


def _generated_text(card: GeneratedCard) -> str:
    if card.type == "cloze":
        return _CLOZE.sub(r"\1", card.text)
    return f"{card.front} {card.answer if card.type == 'choice' else card.back}"


def _load(existing_yaml_text: str) -> Any:
    try:
        data = writer.load(existing_yaml_text)
    except Exception as exc:  # ruamel raises many unrelated types
        raise DeckFileError(f"not valid YAML: {exc}") from exc
    if not isinstance(data, CommentedMap) or not isinstance(data.get("cards"), list):
        raise DeckFileError("the file is not a deck (no `cards` list)")
    return data


def _pair(data: Any, generated: list[GeneratedCard], threshold: float) -> list[Adoption]:
    taken = {str(c["src"]["anchor"]) for c in data["cards"]
             if isinstance(c, CommentedMap) and isinstance(c.get("src"), dict)
             and "anchor" in c["src"]}
    hand = [c for c in data["cards"] if isinstance(c, CommentedMap) and "src" not in c]
    fresh = [g for g in generated if g.anchor not in taken]
    scored: list[tuple[float, int, int]] = []
    hand_texts = [_hand_text(c) for c in hand]
    fresh_texts = [_generated_text(g) for g in fresh]
    for i, text in enumerate(hand_texts):
        for j, other in enumerate(fresh_texts):
            score = fuzz.token_set_ratio(text, other)
            if score >= threshold:
                scored.append((score, i, j))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_hand: set[int] = set()
    used_fresh: set[int] = set()
    adoptions: list[Adoption] = []
    for score, i, j in scored:
        if i in used_hand or j in used_fresh:
            continue
        used_hand.add(i)
        used_fresh.add(j)
        adoptions.append(Adoption(str(hand[i]["id"]), fresh[j].anchor, round(score, 1),
                                  hand_texts[i], fresh_texts[j]))
    return adoptions


def match_hand_written(existing_yaml_text: str, generated: list[GeneratedCard], *,
                       threshold: float = DEFAULT_THRESHOLD) -> list[Adoption]:
    """Which hand-written card (by id) asks the fact of which generated card."""
    return _pair(_load(existing_yaml_text), generated, threshold)


def adopt_ids(existing_yaml_text: str, generated: list[GeneratedCard], *,
              threshold: float = DEFAULT_THRESHOLD, keep_text: bool = True
              ) -> tuple[str, list[Adoption]]:
    """Link paired hand cards to their generated source.

    keep_text=True keeps the maintainer's wording: the card gets the generated
    card's `src` (anchor and the hash of the *generated* text), so it reads as a
    generated card the maintainer edited — kept as is and listed on every run.
    keep_text=False replaces the wording with the generated one under the old id.
    """
    data = _load(existing_yaml_text)
    adoptions = _pair(data, generated, threshold)
    by_anchor = {g.anchor: g for g in generated}
    by_id = {str(c["id"]): c for c in data["cards"] if isinstance(c, CommentedMap)}
    for adoption in adoptions:
        card = by_id[adoption.card_id]
        fresh = by_anchor[adoption.anchor]
        writer.append_key(card, "src", writer.src_map(fresh))
        if not keep_text:
            set_fields(card, fresh)
            if "tags" not in card:
                card.insert(2, "tags", writer.flow_seq(list(fresh.tags)))
    return writer.dump(data), adoptions


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.decks.generator.adopt NOTE DECK -o OUT`: write DECK with its
    hand-written ids carried over to the cards generated from NOTE, and print the pairs.
    Writes only OUT, so the deck can be reviewed before it replaces the original."""
    import argparse
    import random
    from pathlib import Path

    from bot.decks.card_ids import new_card_ids
    from bot.decks.generator.generate import generate_cards
    from bot.decks.generator.merge import merge_into_deck

    parser = argparse.ArgumentParser(prog="python -m bot.decks.generator.adopt")
    parser.add_argument("note", type=Path)
    parser.add_argument("deck", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--lang", choices=["ko", "en"], default=None)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--generated-text", action="store_true",
                        help="replace the hand wording of paired cards with the generated one")
    args = parser.parse_args(argv)
    existing = args.deck.read_text(encoding="utf-8")
    generated = generate_cards(args.note.read_text(encoding="utf-8"), args.note.name, args.lang)
    adopted, adoptions = adopt_ids(existing, generated, threshold=args.threshold,
                                   keep_text=not args.generated_text)
    data = writer.load(adopted)
    text, summary = merge_into_deck(
        adopted, generated, deck_id=str(data.get("deck", args.deck.stem)),
        title=str(data.get("title", args.deck.stem)), lang=str(data.get("lang", "ko")),
        source=str(data.get("source", args.note.name)), new_id=new_card_ids(random.Random()))
    args.out.write_text(text, encoding="utf-8")
    for adoption in sorted(adoptions, key=lambda a: -a.score):
        print(f"{adoption.score:5.1f}  {adoption.card_id}  <- {adoption.anchor}")
    print(f"{len(adoptions)} paired, {len(summary.new)} new generated cards, "
          f"{summary.hand_written} hand-written cards left as they are -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

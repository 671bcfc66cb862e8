"""The decks we ship: every one loads, and the first deck still asks every key fact
of the note it was made from (facts written by hand, each as keywords a card must
show together on its question and answer sides)."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from bot.decks.loader import load_deck

ROOT = Path(__file__).resolve().parents[3]
FACTS = Path(__file__).parent / "data" / "cloud-basics.facts.yaml"
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def test_every_shipped_deck_loads() -> None:
    for path in sorted((ROOT / "decks").glob("*.yaml")):
        assert load_deck(path).deck.served_cards


def test_the_cloud_basics_deck_asks_every_fact_of_its_note() -> None:
    deck = load_deck(ROOT / "decks" / "cloud-basics.yaml").deck
    texts = []
    for card in deck.served_cards:
        data = card.content()
        shown = [data.get("front", ""), data.get("back", ""), data.get("answer", ""),
                 _CLOZE.sub(r"\1", str(data.get("text", "")))]
        texts.append(_squash(" ".join(str(x) for x in shown)))
    facts = YAML(typ="safe").load(FACTS.read_text(encoding="utf-8"))["facts"]
    missed = [fact["id"] for fact in facts
              if not any(all(_squash(str(k)) in text for k in fact["keywords"])
                         for text in texts)]
    assert missed == []

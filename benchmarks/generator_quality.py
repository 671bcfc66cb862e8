"""Deck generator quality: recall of hand-written facts, cards matching no fact,
the hard zeros, and the time to generate from a ~1 MB note.

Usage: python benchmarks/generator_quality.py [FACTS.yaml ...]
(default: every benchmarks/notes/*.facts.yaml).  A card covers a fact when its
question + answer + back contain every keyword of the fact (case-insensitive,
spaces ignored).  Prints figures; asserts nothing.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from ruamel.yaml import YAML

from bot.decks.generator.cards import GeneratedCard, normalise_key, problems
from bot.decks.generator.generate import generate_cards
from bot.decks.generator.merge import merge_into_deck, random_ids

NOTES = Path(__file__).parent / "notes"
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")
_TARGET_BYTES = 1_000_000


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def card_text(card: GeneratedCard) -> str:
    """What a learner sees as the card's fact: question, right answer, back (not the
    wrong choices, which would make a card look like it covers their facts too)."""
    if card.type == "cloze":
        return _CLOZE.sub(r"\1", card.text) + " " + card.back
    answer = card.answer if card.type == "choice" else ""
    return f"{card.front} {answer} {card.back}"


def covers(card: GeneratedCard, keywords: list[str]) -> bool:
    text = _squash(card_text(card))
    return all(_squash(str(k)) in text for k in keywords)


def hard_zeros(cards: list[GeneratedCard], note_text: str, lang: str) -> dict[str, int]:
    from bot.decks.generator.markdown import parse_note

    empty_heading_lines = {s.line for s in parse_note(note_text) if s.title and not s.blocks}
    counts = {"markup/url": 0, "empty answer": 0, "answer in question": 0, "duplicate": 0,
              "from empty heading": 0, "ids changed on rerun": 0}
    seen: set[str] = set()
    for card in cards:
        found = problems(card)
        counts["markup/url"] += "markup or URL" in found
        counts["empty answer"] += "empty answer" in found
        counts["answer in question"] += "answer inside question" in found
        key = normalise_key(card.question())
        counts["duplicate"] += key in seen
        seen.add(key)
        counts["from empty heading"] += card.lines[0] in empty_heading_lines
    counts["ids changed on rerun"] = _id_drift(note_text, lang)
    return counts


def _id_drift(note_text: str, lang: str) -> int:
    """Generate twice into the same deck: how many ids differ (must be 0)."""
    first, _ = merge_into_deck(None, generate_cards(note_text, "", lang), deck_id="d",
                               title="t", lang=lang, source="n.md",
                               new_id=random_ids(random.Random(1)))
    second, _ = merge_into_deck(first, generate_cards(note_text, "", lang), deck_id="d",
                                title="t", lang=lang, source="n.md",
                                new_id=random_ids(random.Random(2)))
    ids_a = re.findall(r"^\s*- id: (\S+)", first, re.M)
    ids_b = re.findall(r"^\s*- id: (\S+)", second, re.M)
    return sum(a != b for a, b in zip(ids_a, ids_b, strict=False)) + abs(len(ids_a) - len(ids_b))


def evaluate(facts_path: Path) -> tuple[float, list[str]]:
    spec = YAML(typ="safe").load(facts_path.read_text(encoding="utf-8"))
    note_path = (facts_path.parent / spec["note"]).resolve()
    note_text = note_path.read_text(encoding="utf-8")
    lang = spec.get("lang")
    cards = generate_cards(note_text, note_path.name, lang)
    facts = spec["facts"]
    missed = [f["id"] for f in facts if not any(covers(c, f["keywords"]) for c in cards)]
    unmatched = [c for c in cards if not any(covers(c, f["keywords"]) for f in facts)]
    recall = (len(facts) - len(missed)) / len(facts)
    print(f"== {note_path.name} ({lang}): {len(cards)} cards")
    print(f"   recall {len(facts) - len(missed)}/{len(facts)} = {recall:.2f}")
    if missed:
        print(f"   missed facts: {', '.join(missed)}")
    print(f"   cards matching no fact: {len(unmatched)}")
    for card in unmatched:
        print(f"     - [{card.rule}] {card.question()[:90]}")
    zeros = hard_zeros(cards, note_text, lang)
    print("   hard zeros: " + ", ".join(f"{k} {v}" for k, v in zeros.items()))
    return recall, [note_text]


def big_note(texts: list[str]) -> str:
    """~1 MB of notes, each copy under its own heading so every section is distinct."""
    parts: list[str] = []
    size = 0
    n = 0
    while size < _TARGET_BYTES:
        for text in texts:
            n += 1
            chunk = re.sub(r"^(#+) +(.+)$", lambda m, k=n: f"{m.group(1)} {m.group(2)} {k}",
                           text, flags=re.M)
            parts.append(f"# Part {n}\n\n{chunk}\n")
            size += len(parts[-1].encode("utf-8"))
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(NOTES.glob("*.facts.yaml"))
    texts: list[str] = []
    recalls: list[float] = []
    for path in paths:
        recall, note_texts = evaluate(path)
        recalls.append(recall)
        texts.extend(note_texts)
    if recalls:
        print(f"== minimum recall {min(recalls):.2f}")
    for lang in ("ko", "en"):
        note = big_note(texts)
        times: list[float] = []
        cpu: list[float] = []
        for _ in range(3):
            start, start_cpu = time.perf_counter(), time.process_time()
            cards = generate_cards(note, "big.md", lang)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        size = len(note.encode("utf-8")) / 1_000_000
        # CPU time too: on a busy machine the wall clock also counts other processes.
        print(f"== {size:.2f} MB note as {lang}: {len(cards)} cards in {min(times):.2f} s "
              f"wall (best of 3; worst {max(times):.2f} s), {min(cpu):.2f} s CPU")
    # End to end for information: writing thousands of cards through ruamel's
    # round-trip emitter costs more than generating them.
    note = big_note(texts)
    start_cpu = time.process_time()
    text, _ = merge_into_deck(None, generate_cards(note, "big.md", "ko"), deck_id="big",
                              title="big", lang="ko", source="big.md",
                              new_id=random_ids(random.Random(1)))
    print(f"== generate + write a new deck from it: {len(text) / 1_000_000:.2f} MB of YAML in "
          f"{time.process_time() - start_cpu:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

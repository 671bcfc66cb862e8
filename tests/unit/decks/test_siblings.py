"""Which cards are siblings: faces of one card, cards of one source unit or one passage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.decks.generator.generate import generate
from bot.decks.loader import load_deck
from bot.decks.siblings import KEY_LENGTH, sibling_keys, source_unit

REPO = Path(__file__).resolve().parents[3]


def _src(anchor: str, lines: tuple[int, int] | None = None) -> dict[str, Any]:
    src: dict[str, Any] = {"anchor": anchor}
    if lines is not None:
        src["lines"] = list(lines)
    return {"front": "q", "back": "a", "src": src}


def test_a_unit_is_the_anchor_without_its_variant_and_duplicate_marks() -> None:
    assert source_unit("도커#command:docker run|reverse") == "도커#command:docker run"
    assert source_unit("도커#command:docker run|reverse~2") == "도커#command:docker run"
    assert source_unit("Clustered#cloze:클러스터 형~3") == "Clustered#cloze:클러스터 형"
    assert source_unit("C# basics#definition:LINQ") == "C# basics#definition:LINQ"
    # A heading may hold a bar; only the part after the kind carries a variant.
    assert source_unit("A | B#definition:x|reverse") == "A | B#definition:x"
    assert source_unit("anki:1a2b|c") == "anki:1a2b|c"  # not the generator's: one note


def test_cards_of_one_unit_share_a_key_and_other_units_do_not() -> None:
    keys = sibling_keys("d", [
        ("def", _src("S#definition:hypervisor")),
        ("rev", _src("S#definition:hypervisor|reverse")),
        ("dup", _src("S#definition:hypervisor~2")),
        ("other", _src("S#definition:vm")),
        ("hand", {"front": "q", "back": "a"}),
        ("hand2", {"front": "q", "back": "a"}),
    ])
    assert keys["def"] == keys["rev"] == keys["dup"]
    assert len({keys["def"], keys["other"], keys["hand"], keys["hand2"]}) == 4
    assert all(len(k) == KEY_LENGTH for k in keys.values())


def test_cards_taken_from_overlapping_lines_are_siblings_by_chains() -> None:
    keys = sibling_keys("d", [
        ("list", _src("S#members:x", (10, 14))),
        ("item", _src("S#definition:y", (12, 12))),
        ("tail", _src("S#definition:z", (14, 18))),
        ("chained", _src("S#definition:w", (18, 18))),
        ("apart", _src("S#definition:v", (19, 20))),
        ("no_lines", _src("S#definition:u")),
    ])
    assert keys["list"] == keys["item"] == keys["tail"] == keys["chained"]
    assert len({keys["list"], keys["apart"], keys["no_lines"]}) == 3


def test_the_same_group_in_two_decks_has_two_keys() -> None:
    card = [("a", _src("S#definition:x"))]
    assert sibling_keys("one", card) != sibling_keys("two", card)


def test_the_shipped_deck_groups_the_definition_with_the_cloze_of_its_sentence() -> None:
    """The issue's case: 하이퍼바이저란? and the cloze blanking 하이퍼바이저 come from line 24."""
    loaded = load_deck(REPO / "decks" / "cloud-basics.yaml")
    keys = sibling_keys("cloud-basics", [(c.id, c.content()) for c in loaded.deck.cards])
    assert keys["46d31bfd"] == keys["e618fdd8"]
    assert keys["46d31bfd"] != keys["cd65303a"]  # another fact of the same section


NOTE = """\
# 깃

### git stash - 작업 내용 임시 저장

```sh
git stash
```

## 가상머신

가상머신이란 하나의 물리 서버를 여러 개의 독립된 서버처럼 사용하는 기술을 말한다.
"""


def test_every_generated_card_is_grouped_with_the_cards_of_its_unit() -> None:
    cards = generate(NOTE, "ko").cards
    keys = sibling_keys("d", [(str(i), _src(c.anchor, c.lines)) for i, c in enumerate(cards)])
    by_unit: dict[str, set[str]] = {}
    for i, card in enumerate(cards):
        assert source_unit(card.anchor) == card.unit
        by_unit.setdefault(card.unit, set()).add(keys[str(i)])
    assert any(len([c for c in cards if c.unit == u]) > 1 for u in by_unit)  # a reverse card
    assert all(len(k) == 1 for k in by_unit.values())


@given(st.permutations(range(6)), st.lists(st.integers(1, 30), min_size=6, max_size=6))
def test_keys_do_not_depend_on_the_order_of_the_file(order: list[int], starts: list[int]) -> None:
    cards = [(f"c{i}", _src(f"S#k:{i % 4}", (s, s + i % 3))) for i, s in enumerate(starts)]
    assert sibling_keys("d", cards) == sibling_keys("d", [cards[i] for i in order])

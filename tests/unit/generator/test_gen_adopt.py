"""Carrying the ids of a hand-written deck over to generated cards."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from bot.decks.card_ids import new_card_ids
from bot.decks.generator.adopt import adopt_ids, match_hand_written
from bot.decks.generator.merge import merge_into_deck
from bot.decks.loader import parse_deck
from tests.unit.generator.helpers import cards_of

NOTE = (
    "# 포트\n포트란 프로그램을 구분하는 번호를 말한다.\n\n"
    "# DNS\nDNS(Domain Name System)는 이름을 주소로 바꾸는 시스템이다.\n"
)
HAND = (
    "deck: net\ntitle: 네트워크\nlang: ko\ncards:\n"
    "  # 포트\n"
    "  - id: aaaa0001\n    type: basic\n    front: 포트란?\n"
    "    back: 프로그램을 구분하는 번호.\n"
    "  - id: aaaa0002\n    type: typed\n    front: DNS는 무엇의 약자인가?\n"
    "    back: Domain Name System\n"
    "  - id: aaaa0003\n    type: basic\n    front: 80번 포트를 쓰는 프로토콜은?\n    back: HTTP\n"
)


def _cards(text: str) -> dict[str, dict[str, object]]:
    return {str(c["id"]): c for c in YAML(typ="safe").load(text)["cards"]}


def test_pairs_cards_asking_the_same_fact() -> None:
    pairs = {a.card_id: a.anchor for a in match_hand_written(HAND, cards_of(NOTE, "ko"))}
    assert pairs == {"aaaa0001": "포트#definition:포트", "aaaa0002": "DNS#alias:DNS"}


def test_adopted_cards_keep_ids_and_wording_and_are_not_duplicated() -> None:
    generated = cards_of(NOTE, "ko")
    adopted, _ = adopt_ids(HAND, generated)
    text, summary = merge_into_deck(adopted, generated, deck_id="net", title="네트워크",
                                    lang="ko", source="net.ko.md",
                                    new_id=new_card_ids(random.Random(3)))
    parse_deck(text.encode("utf-8"), "net.yaml")
    cards = _cards(text)
    assert cards["aaaa0001"]["back"] == "프로그램을 구분하는 번호."
    assert cards["aaaa0001"]["src"]["anchor"] == "포트#definition:포트"  # type: ignore[index]
    assert "src" not in cards["aaaa0003"]
    # The DNS card already reads exactly as generated (a typed card); the 포트 card was
    # worded by hand, so it is kept and listed as edited.
    assert [k for _, _, k in summary.kept] == ["포트#definition:포트"]
    assert ("aaaa0002", "typed") in summary.unchanged
    assert [c["front"] for c in cards.values()].count("포트란?") == 1
    assert {i for i, _ in summary.new} == set(cards) - {"aaaa0001", "aaaa0002", "aaaa0003"}
    assert "  # 포트\n" in text
    again, _ = merge_into_deck(text, generated, deck_id="net", title="네트워크", lang="ko",
                               source="net.ko.md", new_id=new_card_ids(random.Random(4)))
    assert again == text


def test_adopting_with_generated_wording_makes_cards_refreshable() -> None:
    generated = cards_of(NOTE, "ko")
    adopted, _ = adopt_ids(HAND, generated, keep_text=False)
    card = _cards(adopted)["aaaa0002"]
    assert (card["type"], card["back"]) == ("typed", "Domain Name System")
    changed = NOTE.replace("Domain Name System", "Domain Name Service")
    text, summary = merge_into_deck(adopted, cards_of(changed, "ko"), deck_id="net",
                                    title="네트워크", lang="ko", source="net.ko.md",
                                    new_id=new_card_ids(random.Random(5)))
    assert _cards(text)["aaaa0002"]["back"] == "Domain Name Service"
    assert "aaaa0002" in {i for i, _ in summary.refreshed}


def test_command_writes_only_the_output_file(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from bot.decks.generator.adopt import main

    note, deck, out = tmp_path / "net.ko.md", tmp_path / "net.yaml", tmp_path / "out.yaml"
    note.write_text(NOTE, encoding="utf-8")
    deck.write_text(HAND, encoding="utf-8")
    assert main([str(note), str(deck), "-o", str(out)]) == 0
    assert deck.read_text(encoding="utf-8") == HAND
    cards = _cards(out.read_text(encoding="utf-8"))
    assert {"aaaa0001", "aaaa0002", "aaaa0003"} <= set(cards)
    assert "2 paired" in capsys.readouterr().out


def test_section_comments_stay_above_the_card_they_introduce() -> None:
    # The "# DNS" heading comment follows the 포트 card in the file; the 포트 card gets
    # a `src` key, which must not be written below that comment (the comment would
    # then sit inside the 포트 card and no longer head the DNS cards).
    hand = HAND.replace("  - id: aaaa0002", "\n  # DNS\n  - id: aaaa0002")
    adopted, _ = adopt_ids(hand, cards_of(NOTE, "ko"))
    lines = adopted.splitlines()
    comment = lines.index("  # DNS")
    assert lines[comment + 1] == "  - id: aaaa0002"
    assert lines[comment - 2].startswith("    src: {anchor: 포트#definition:포트")
    parse_deck(adopted.encode("utf-8"), "net.yaml")


def test_a_stale_mark_keeps_the_next_section_comment_in_place() -> None:
    generated = cards_of(NOTE, "ko")
    hand = HAND.replace("  - id: aaaa0002", "\n  # DNS\n  - id: aaaa0002")
    adopted, _ = adopt_ids(hand, generated)
    gone = [c for c in generated if not c.anchor.startswith("포트")]
    text, summary = merge_into_deck(adopted, gone, deck_id="net", title="네트워크", lang="ko",
                                    source="net.ko.md", new_id=new_card_ids(random.Random(6)))
    assert [i for i, _, _ in summary.stale] == ["aaaa0001"]
    lines = text.splitlines()
    comment = lines.index("  # DNS")
    assert lines[comment + 1] == "  - id: aaaa0002"
    assert lines[comment - 2] == "    stale: true"

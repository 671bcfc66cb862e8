"""A valid deck loads into the model the rest of the bot relies on."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.decks import (
    BasicCard,
    ChoiceCard,
    ClozeCard,
    TypedCard,
    load_deck,
    parse_deck,
)

DATA = Path(__file__).parent / "data"


def test_seed_deck_loads_with_every_card_type() -> None:
    loaded = load_deck(DATA / "seed.yaml")
    deck = loaded.deck
    assert (deck.deck, deck.title, deck.lang) == ("cloud-basics", "클라우드와 가상화 기초", "ko")
    assert deck.source == "sources/cloud-basics.ko.md"
    assert [type(card) for card in deck.cards] == [
        BasicCard,
        ChoiceCard,
        ChoiceCard,
        ClozeCard,
        TypedCard,
    ]
    basic, choice, _, cloze, typed = deck.cards
    assert basic.tags == ["service-model"]
    assert basic.src is not None and basic.src.anchor == "IaaS/definition"
    assert basic.src.gen == "3b1f0c2a"
    assert choice.choices == ["IaaS", "PaaS", "SaaS"] and choice.answer == "IaaS"
    assert cloze.src is not None and cloze.src.lines == [40, 42]
    assert typed.accept == ["Domain Name System"] and typed.stale
    assert not basic.stale


def test_faces_count_cloze_numbers() -> None:
    deck = load_deck(DATA / "seed.yaml").deck
    assert [card.face_count for card in deck.cards] == [1, 1, 1, 2, 1]
    assert deck.face_count == 6


def test_card_lines_point_at_each_item_and_hash_covers_the_bytes() -> None:
    path = DATA / "seed.yaml"
    loaded = load_deck(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert set(loaded.card_lines) == {card.id for card in loaded.deck.cards}
    for card_id, line in loaded.card_lines.items():
        assert lines[line - 1].strip() == f"- id: {card_id}"
    assert loaded.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loaded.path == str(path)


def test_deck_id_defaults_to_the_file_stem_and_lang_to_korean() -> None:
    loaded = parse_deck(b"title: t\ncards: []\n", "decks/network-basics.yaml")
    assert loaded.deck.deck == "network-basics"
    assert loaded.deck.lang == "ko"
    assert loaded.deck.cards == []


def test_a_deck_names_a_default_scheduler_or_leaves_it_to_sm2() -> None:
    assert parse_deck(b"scheduler: fsrs\ncards: []\n", "decks/a.yaml").deck.scheduler == "fsrs"
    assert parse_deck(b"scheduler: sm2\ncards: []\n", "decks/a.yaml").deck.scheduler == "sm2"
    assert parse_deck(b"cards: []\n", "decks/a.yaml").deck.scheduler is None


def test_a_deck_without_title_loads_and_shows_its_id_as_title() -> None:
    loaded = parse_deck(b"deck: os-basics\ncards: []\n", "decks/whatever.yaml")
    assert loaded.deck.title is None
    assert loaded.deck.display_title == "os-basics"
    by_name = parse_deck(b"cards: []\n", "decks/network-basics.yaml").deck
    assert by_name.display_title == "network-basics"
    titled = parse_deck("title: 네트워크 기초\ncards: []\n".encode(), "decks/n.yaml").deck
    assert titled.display_title == "네트워크 기초"


def test_drafts_are_valid_but_not_served_and_dropped_anchors_are_kept() -> None:
    text = (
        "dropped: [\"포트#example:포트\"]\ncards:\n"
        "  - id: a\n    type: basic\n    front: f\n    back: b\n"
        "  - id: b\n    type: cloze\n    draft: true\n    text: \"{{c1::x}} {{c2::y}}\"\n"
        "  - id: c\n    type: basic\n    front: g\n    back: c\n    draft: false\n"
    )
    deck = parse_deck(text.encode("utf-8"), "decks/d.yaml").deck
    assert [card.draft for card in deck.cards] == [False, True, False]
    assert [card.id for card in deck.served_cards] == ["a", "c"]
    assert deck.face_count == 2  # the draft's two cloze faces are not scheduled
    assert deck.dropped == ["포트#example:포트"]


def test_content_is_plain_json_data_for_the_database() -> None:
    deck = load_deck(DATA / "seed.yaml").deck
    cloze = deck.cards[3]
    assert cloze.content() == {
        "id": "0d9e66f3",
        "type": "cloze",
        "text": (
            "도커파일을 {{c1::빌드}}하면 도커이미지가 되고, "
            "이미지를 {{c2::실행}}하면 도커컨테이너가 된다."
        ),
        "tags": [],
        "src": {"anchor": "docker/process", "lines": [40, 42]},
        "stale": False,
    }


def test_database_content_is_the_same_whether_or_not_the_file_says_draft_false() -> None:
    plain = parse_deck(b"cards:\n  - id: a\n    type: basic\n    front: f\n    back: b\n", "d.yaml")
    flagged = parse_deck(
        b"cards:\n  - id: a\n    type: basic\n    front: f\n    back: b\n    draft: false\n",
        "d.yaml",
    )
    expected = {"id": "a", "type": "basic", "front": "f", "back": "b", "tags": [],
                "stale": False}
    assert plain.deck.cards[0].content() == expected
    assert flagged.deck.cards[0].content() == expected


def test_bom_crlf_and_block_scalars_are_accepted() -> None:
    text = (
        "\ufefftitle: t\r\ncards:\r\n  - id: a\r\n    type: basic\r\n"
        "    front: |\r\n      두 줄\r\n      질문\r\n    back: >\r\n      접힌\r\n      답\r\n"
    )
    loaded = parse_deck(text.encode("utf-8"), "x.yaml")
    card = loaded.deck.cards[0]
    assert isinstance(card, BasicCard)
    assert card.front == "두 줄\n질문\n"
    assert card.back == "접힌 답\n"
    assert loaded.card_lines == {"a": 3}


def test_aliases_within_limits_are_expanded() -> None:
    text = (
        "title: t\ncards:\n"
        "  - id: a\n    type: basic\n    tags: &net [network, basics]\n    front: f\n    back: b\n"
        "  - id: b\n    type: basic\n    tags: *net\n    front: g\n    back: c\n"
    )
    deck = parse_deck(text.encode(), "x.yaml").deck
    assert [card.tags for card in deck.cards] == [["network", "basics"]] * 2

"""Deciding on generated cards in place: only the decided card changes, byte for byte.

Each expected file is the original text with exactly the change a maintainer asked
for, so a lost comment, a reordered key or a requoted value anywhere shows up.
"""

from __future__ import annotations

import pytest

from bot.decks.generator.merge import DeckFileError
from bot.decks.loader import parse_deck
from bot.decks.review import DeckReview

DECK = """\
# 네트워크 덱: 손으로 다듬는 중
deck: net
title: '네트워크: 기초'
lang: ko
source: ../notes/net.ko.md
# 카드는 노트 순서대로
cards:
  # 포트
  - id: a1
    front: 포트란?
    type: basic
    tags: [definition]
    back: |
      프로그램을 구분하는 번호
    src: {anchor: "포트#definition:포트", lines: [2, 3], gen: 1a2b3c4d}
  - id: b2
    type: basic
    draft: true
    tags: [cause]
    front: "UDP가 빠른 이유는?"
    back: 연결을 맺지 않기 때문  # 짧게 줄였음
    src: {anchor: "포트#cause:UDP", lines: [5, 5], gen: 2b3c4d5e}
  - id: c3
    type: cloze
    text: "{{c1::DNS}}는 이름을 주소로 바꾼다"
    src: {anchor: "DNS#cloze:1", lines: [8, 8], gen: 3c4d5e6f}
    draft: true
  # 캐시 (이 주석은 다음 절의 제목)
  - id: d4
    type: typed
    front: 캐시를 한 단어로?
    back: 캐시
  - id: e5
    type: basic
    draft: true
    front: 캐시가 빠른 이유는?
    back: CPU 가까이 있기 때문
# 파일 끝
"""


def review(text: str = DECK) -> DeckReview:
    return DeckReview(text, "decks/net.yaml")


def valid(text: str) -> None:
    parse_deck(text.encode("utf-8"), "decks/net.yaml")


def test_the_drafts_are_pending_and_all_generated_cards_with_all() -> None:
    deck = review()
    assert deck.pending() == ["b2", "c3", "e5"]
    assert deck.pending(every_generated=True) == ["a1", "b2", "c3", "e5"]  # d4 is by hand


def test_keep_removes_only_the_draft_line() -> None:
    deck = review()
    deck.keep("b2")
    assert deck.text() == DECK.replace(
        "    type: basic\n    draft: true\n    tags: [cause]\n",
        "    type: basic\n    tags: [cause]\n",
    )
    valid(deck.text())


def test_keep_of_a_card_whose_draft_flag_is_last_keeps_the_next_sections_heading() -> None:
    deck = review()
    deck.keep("c3")
    expected = DECK.replace("gen: 3c4d5e6f}\n    draft: true\n", "gen: 3c4d5e6f}\n")
    assert deck.text() == expected
    assert "  # 캐시 (이 주석은 다음 절의 제목)\n  - id: d4" in deck.text()


def test_keeping_an_accepted_card_changes_nothing() -> None:
    deck = review()
    deck.keep("a1")
    assert deck.text() == DECK


def test_drop_removes_the_card_and_remembers_its_anchor_above_the_cards() -> None:
    deck = review()
    deck.drop("c3")
    card = (
        '  - id: c3\n    type: cloze\n    text: "{{c1::DNS}}는 이름을 주소로 바꾼다"\n'
        '    src: {anchor: "DNS#cloze:1", lines: [8, 8], gen: 3c4d5e6f}\n    draft: true\n'
    )
    expected = DECK.replace(card, "").replace(
        "source: ../notes/net.ko.md\n# 카드는 노트 순서대로\ncards:\n",
        "source: ../notes/net.ko.md\ndropped:\n  - DNS#cloze:1\n# 카드는 노트 순서대로\ncards:\n",
    )
    assert deck.text() == expected
    valid(deck.text())
    assert parse_deck(deck.text().encode(), "net.yaml").deck.dropped == ["DNS#cloze:1"]


def test_a_second_drop_joins_the_list_below_its_last_anchor() -> None:
    deck = review()
    deck.drop("c3")
    deck.drop("b2")
    assert "dropped:\n  - DNS#cloze:1\n  - 포트#cause:UDP\n# 카드는 노트 순서대로\ncards:\n" in (
        deck.text()
    )
    flow = review(DECK.replace("cards:\n", 'dropped: ["옛#example:1"]  # 버린 카드\ncards:\n', 1))
    flow.drop("b2")
    line = next(line for line in flow.text().splitlines() if line.startswith("dropped:"))
    assert line.startswith('dropped: ["옛#example:1", 포트#cause:UDP]')
    assert line.endswith("# 버린 카드")
    assert parse_deck(flow.text().encode(), "net.yaml").deck.dropped == [
        "옛#example:1", "포트#cause:UDP"]


def test_dropping_the_same_anchor_twice_lists_it_once() -> None:
    text = DECK.replace("cards:\n", 'dropped:\n  - "포트#cause:UDP"\ncards:\n', 1)
    deck = review(text)
    deck.drop("b2")
    assert deck.text().count("포트#cause:UDP") == 1


def test_dropping_a_hand_written_card_lists_no_anchor() -> None:
    deck = review()
    deck.drop("e5")  # a draft without `src`
    assert "dropped" not in deck.text()
    assert deck.text() == DECK.replace(
        "  - id: e5\n    type: basic\n    draft: true\n    front: 캐시가 빠른 이유는?\n"
        "    back: CPU 가까이 있기 때문\n", ""
    )
    assert deck.text().endswith("    back: 캐시\n# 파일 끝\n")


def test_dropping_the_card_before_a_heading_keeps_the_heading() -> None:
    deck = review()
    deck.drop("c3")
    assert "gen: 2b3c4d5e}\n  # 캐시 (이 주석은 다음 절의 제목)\n  - id: d4" in deck.text()


def test_dropping_the_first_card_keeps_the_comment_that_followed_it() -> None:
    text = (
        "deck: net\ncards:\n"
        "  - id: a1\n    type: basic\n    front: 포트란?\n    back: 번호\n"
        "    src: {anchor: 포트, gen: 1a2b3c4d}\n    draft: true\n\n"
        "  # 둘째 절\n  - id: b2\n    type: basic\n    front: 캐시란?\n    back: 저장소\n"
    )
    deck = review(text)
    deck.drop("a1")
    assert deck.text() == (
        "deck: net\ndropped:\n  - 포트\ncards:\n\n"
        "  # 둘째 절\n  - id: b2\n    type: basic\n    front: 캐시란?\n    back: 저장소\n"
    )


def test_dropping_the_only_card_leaves_an_empty_valid_deck_with_its_comments() -> None:
    text = (
        "deck: net\ncards:\n  - id: a1\n    type: basic\n    front: 포트란?\n    back: 번호\n"
        "    src: {anchor: 포트, gen: 1a2b3c4d}\n    draft: true\n# 파일 끝\n"
    )
    deck = review(text)
    deck.drop("a1")
    assert deck.text() == "deck: net\ndropped:\n  - 포트\ncards: []\n# 파일 끝\n"
    valid(deck.text())


def test_the_editor_gets_the_card_alone() -> None:
    shown = review().card_yaml("c3")
    assert shown == (
        '  - id: c3\n    type: cloze\n    text: "{{c1::DNS}}는 이름을 주소로 바꾼다"\n'
        '    src: {anchor: "DNS#cloze:1", lines: [8, 8], gen: 3c4d5e6f}\n    draft: true\n'
    )


def test_an_edit_replaces_only_that_card_and_accepts_it() -> None:
    deck = review()
    edited = deck.card_yaml("c3").replace("이름을 주소로", "도메인 이름을 IP 주소로")
    assert deck.replace_card("c3", edited) == []
    assert deck.text() == DECK.replace(
        '"{{c1::DNS}}는 이름을 주소로 바꾼다"\n    src: {anchor: "DNS#cloze:1", lines: [8, 8], '
        "gen: 3c4d5e6f}\n    draft: true\n",
        '"{{c1::DNS}}는 도메인 이름을 IP 주소로 바꾼다"\n    src: {anchor: "DNS#cloze:1", '
        "lines: [8, 8], gen: 3c4d5e6f}\n",
    )
    valid(deck.text())


def test_an_edit_written_as_a_bare_mapping_is_taken_too() -> None:
    deck = review()
    problems = deck.replace_card(
        "b2", "id: b2\ntype: typed\nfront: UDP가 TCP보다 빠른 까닭을 한 단어로?\nback: 비연결\n"
    )
    assert problems == []
    assert "  - id: b2\n    type: typed\n    front: UDP가 TCP보다 빠른 까닭을 한 단어로?\n" \
        "    back: 비연결\n  - id: c3\n" in deck.text()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ("  - id: zz9\n    type: basic\n    front: f\n    back: b\n",
         "the card's id must stay b2"),
        ("  - id: b2\n    type: basic\n    front: 빈 답\n", "this card is missing `back`"),
        ("  - id: b2\n    type: choice\n    front: q\n    choices: [a, b]\n    answer: c\n",
         "answer `c` is not one of the choices"),
        ('  - id: b2\n    front: "unclosed\n', "not valid YAML"),
        ("- id: b2\n  type: basic\n- id: b3\n  type: basic\n", "must be one card"),
        ("just text\n", "must be one card"),
    ],
)
def test_a_bad_edit_is_refused_and_the_file_stays_as_it_was(edit: str, message: str) -> None:
    deck = review()
    problems = deck.replace_card("b2", edit)
    assert problems and any(message in problem for problem in problems), problems
    assert deck.text() == DECK
    deck.keep("b2")  # the review goes on from the file as it was
    assert "draft: true\n    tags: [cause]" not in deck.text()


def test_a_file_that_is_not_a_deck_is_refused() -> None:
    with pytest.raises(DeckFileError, match="not valid YAML"):
        review("cards: [unclosed\n")
    with pytest.raises(DeckFileError, match="no `cards` list"):
        review("- a\n- b\n")

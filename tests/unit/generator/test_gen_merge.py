"""Regeneration into an existing deck: refresh, keep edits, mark stale, never touch
hand-written cards, keep comments, key order and ids; a second run changes nothing."""

from __future__ import annotations

import random

from ruamel.yaml import YAML

from bot.decks.card_ids import new_card_ids
from bot.decks.generator.cards import GeneratedCard
from bot.decks.generator.merge import MergeSummary, merge_into_deck
from bot.decks.loader import parse_deck
from tests.unit.generator.helpers import cards_of

NOTE = (
    "# 포트\n포트란 프로그램을 구분하는 번호를 말한다.\n\n"
    "# DNS\nDNS는 이름을 주소로 바꾸는 시스템이다.\n\nex) naver.com 조회\n"
)


def _merge(note: str, existing: str | None, seed: int = 1) -> tuple[str, MergeSummary]:
    text, summary = merge_into_deck(existing, cards_of(note, "ko"), deck_id="net",
                                    title="네트워크", lang="ko", source="net.ko.md",
                                    new_id=new_card_ids(random.Random(seed)))
    parse_deck(text.encode("utf-8"), "net.yaml")
    return text, summary


def _cards(text: str) -> list[dict[str, object]]:
    data = YAML(typ="safe").load(text)
    return list(data["cards"])


def _by_front(text: str, front: str) -> dict[str, object]:
    return next(c for c in _cards(text) if c.get("front") == front)


def test_new_deck_has_the_team_format() -> None:
    text, summary = _merge(NOTE, None)
    data = YAML(typ="safe").load(text)
    assert list(data) == ["deck", "title", "lang", "source", "cards"]
    card = _by_front(text, "포트란?")
    assert list(card) == ["id", "type", "tags", "front", "back", "src"]
    assert len(str(card["id"])) == 8
    int(str(card["id"]), 16)
    src = card["src"]
    assert isinstance(src, dict)
    assert src["anchor"] == "포트#definition:포트"
    assert src["lines"] == [2, 2]
    assert len(src["gen"]) == 8
    assert len(summary.new) == 3


def test_second_run_is_byte_identical_and_keeps_ids() -> None:
    first, _ = _merge(NOTE, None, seed=1)
    second, summary = _merge(NOTE, first, seed=99)
    assert second == first
    assert summary.new == [] and summary.refreshed == []


def test_unedited_card_is_refreshed_when_the_note_changes() -> None:
    first, _ = _merge(NOTE, None)
    old_id = _by_front(first, "포트란?")["id"]
    changed = NOTE.replace("프로그램을 구분하는 번호", "실행 중인 프로그램을 구분하는 번호")
    second, summary = _merge(changed, first, seed=2)
    card = _by_front(second, "포트란?")
    assert card["id"] == old_id
    assert card["back"] == "실행 중인 프로그램을 구분하는 번호"
    assert [i for i, _ in summary.refreshed] == [old_id]


def test_edited_card_is_kept_and_listed() -> None:
    first, _ = _merge(NOTE, None)
    edited = first.replace(
        "back: 프로그램을 구분하는 번호", "back: 프로그램을 가리키는 번호 (0~65535)"
    )
    changed = NOTE.replace("프로그램을 구분하는 번호", "실행 중인 프로그램을 구분하는 번호")
    second, summary = _merge(changed, edited, seed=2)
    card = _by_front(second, "포트란?")
    assert card["back"] == "프로그램을 가리키는 번호 (0~65535)"
    assert [anchor for _, _, anchor in summary.kept] == ["포트#definition:포트"]


def test_vanished_source_is_marked_stale_not_deleted_and_comes_back() -> None:
    first, _ = _merge(NOTE, None)
    without_example = NOTE.replace("ex) naver.com 조회\n", "")
    second, summary = _merge(without_example, first, seed=2)
    example = _by_front(second, "DNS의 예는?")
    assert example["stale"] is True
    assert len(summary.stale) == 1
    third, _ = _merge(NOTE, second, seed=3)
    assert "stale" not in _by_front(third, "DNS의 예는?")
    assert _by_front(third, "DNS의 예는?")["id"] == example["id"]


def test_hand_written_cards_comments_and_key_order_survive() -> None:
    first, _ = _merge(NOTE, None)
    hand = (
        "  # written by hand, keep\n"
        "  - id: abcdef01\n"
        "    front: 80번 포트는?\n"
        "    type: typed\n"
        "    back: HTTP\n"
        "    accept: [http]\n"
    )
    head, cards = first.split("cards:\n", 1)
    reordered = cards.replace("    type: basic\n    tags: [definition]\n    front: 포트란?\n",
                              "    front: 포트란?\n    type: basic\n    tags: [definition]\n", 1)
    existing = "# 네트워크 덱\n" + head + "cards:\n" + hand + reordered
    changed = NOTE.replace("프로그램을 구분하는 번호", "실행 중인 프로그램을 구분하는 번호")
    second, summary = _merge(changed, existing, seed=2)
    assert second.startswith("# 네트워크 덱\n")
    assert hand in second
    moved = "    front: 포트란?\n    type: basic\n    tags: [definition]\n    back: 실행 중인"
    assert moved in second
    assert summary.hand_written == 1
    third, _ = _merge(changed, second, seed=3)
    assert third == second


def test_new_ids_never_collide_with_existing_ones() -> None:
    first, _ = _merge(NOTE, None, seed=5)
    ids = {c["id"] for c in _cards(first)}
    more = NOTE + "\n# 라우터\n라우터는 패킷을 전달하는 장비이다.\n"
    second, summary = _merge(more, first, seed=5)  # the same seed draws the same ids again
    new_ids = {i for i, _ in summary.new}
    assert new_ids and not new_ids & ids
    assert len({c["id"] for c in _cards(second)}) == len(_cards(second))


def test_nothing_to_change_leaves_a_hand_formatted_file_byte_for_byte() -> None:
    first, _ = _merge(NOTE, None)
    restyled = first.replace("cards:\n", "cards:   # reviewed by hand\n", 1) + "\n\n"
    second, summary = _merge(NOTE, restyled, seed=8)
    assert second == restyled
    assert summary.new == [] and summary.refreshed == [] and summary.stale == []


# -- drafts and dropped cards: built by hand, so they do not depend on the rules --------------


def _card(anchor: str, front: str, back: str, *, draft: bool = False) -> GeneratedCard:
    return GeneratedCard(anchor=anchor, lines=(2, 2), type="basic", rule="definition",
                         front=front, back=back, tags=("definition",), draft=draft)


PORT = _card("포트#definition:포트", "포트란?", "프로그램을 구분하는 번호")
UDP = _card("이유#cause:UDP", "UDP가 빠른 이유는?", "연결을 맺지 않기 때문", draft=True)
CACHE = _card("캐시#definition:캐시", "캐시란?", "가까운 저장소", draft=True)


def _merge_cards(cards: list[GeneratedCard], existing: str | None,
                 seed: int = 1) -> tuple[str, MergeSummary]:
    text, summary = merge_into_deck(existing, cards, deck_id="net", title=None, lang="ko",
                                    source="net.ko.md", new_id=new_card_ids(random.Random(seed)))
    parse_deck(text.encode("utf-8"), "net.yaml")
    return text, summary


def test_new_cards_the_generator_is_unsure_of_are_written_as_drafts() -> None:
    text, summary = _merge_cards([PORT, UDP, CACHE], None)
    assert "title" not in YAML(typ="safe").load(text)  # no note title: the deck id shows
    port, udp, cache = _cards(text)
    assert "draft" not in port
    assert list(udp) == ["id", "type", "draft", "tags", "front", "back", "src"]
    assert udp["draft"] is True and cache["draft"] is True
    assert summary.drafts == [udp["id"], cache["id"]]
    deck = parse_deck(text.encode("utf-8"), "net.yaml").deck
    assert [card.id for card in deck.served_cards] == [port["id"]]
    again, summary = _merge_cards([PORT, UDP, CACHE], text, seed=9)
    assert again == text
    assert summary.drafts == [] and summary.new == []


def test_regeneration_never_makes_an_accepted_card_a_draft_again() -> None:
    first, _ = _merge_cards([PORT, UDP], None)
    accepted = first.replace("    draft: true\n", "")  # what `deck review`'s keep does
    second, summary = _merge_cards([PORT, UDP], accepted, seed=2)
    assert second == accepted  # unchanged, still accepted
    refreshed = _card(UDP.anchor, UDP.front, "연결 설정 없이 바로 보내기 때문", draft=True)
    third, summary = _merge_cards([PORT, refreshed], accepted, seed=3)
    udp = _by_front(third, "UDP가 빠른 이유는?")
    assert udp["back"] == "연결 설정 없이 바로 보내기 때문"
    assert "draft" not in udp
    assert [i for i, _ in summary.refreshed] == [udp["id"]] and summary.drafts == []


def test_regeneration_never_accepts_a_draft_by_itself() -> None:
    first, _ = _merge_cards([PORT, UDP], None)
    confident = _card(UDP.anchor, UDP.front, "연결을 맺지 않고 바로 보내기 때문")
    second, _ = _merge_cards([PORT, confident], first, seed=2)
    udp = _by_front(second, "UDP가 빠른 이유는?")
    assert udp["back"] == "연결을 맺지 않고 바로 보내기 때문"
    assert udp["draft"] is True


def test_dropped_anchors_are_never_written_again() -> None:
    first, _ = _merge_cards([PORT], None)
    existing = first.replace("cards:\n", f'dropped:\n  - "{UDP.anchor}"\ncards:\n', 1)
    second, summary = _merge_cards([PORT, UDP, CACHE], existing, seed=2)
    assert [c["front"] for c in _cards(second)] == ["포트란?", "캐시란?"]
    assert summary.dropped == 1
    assert [i for i, _ in summary.new] == [_by_front(second, "캐시란?")["id"]]
    third, summary = _merge_cards([PORT, UDP, CACHE], second, seed=3)
    assert third == second
    assert summary.dropped == 1 and summary.new == []


def test_a_dropped_card_that_was_already_written_is_left_as_it_is() -> None:
    """Only generation skips a dropped anchor; a card still in the file is the maintainer's
    to remove, so regeneration neither deletes it nor brings it back as new."""
    first, _ = _merge_cards([PORT, CACHE], None)
    existing = first.replace("cards:\n", f'dropped: ["{CACHE.anchor}"]\ncards:\n', 1)
    changed = _card(CACHE.anchor, CACHE.front, "CPU 가까이 두는 작은 저장소", draft=True)
    second, summary = _merge_cards([PORT, changed], existing, seed=2)
    assert second == existing  # not refreshed, not marked stale, not added again
    assert summary.new == [] and summary.stale == [] and summary.refreshed == []
    assert summary.dropped == 0  # nothing was left out: the card is still there


def test_marking_a_card_stale_keeps_the_next_sections_heading_below_it() -> None:
    first, _ = _merge_cards([PORT, UDP], None)
    port_src = next(line for line in first.splitlines() if "포트#definition" in line)
    # A same-line comment on the port card, then the next section's heading.
    commented = first.replace(port_src, f"{port_src}  # 확인함\n  # 이유 (다음 절)", 1)
    second, summary = _merge_cards([UDP], commented, seed=2)
    assert len(summary.stale) == 1
    assert f"{port_src}  # 확인함\n    stale: true\n  # 이유 (다음 절)\n  - id: " in second

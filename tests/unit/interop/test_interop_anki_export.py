"""A deck exported to `.apkg` and opened by Anki itself: every note and card as expected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from anki.collection import Collection

from bot.cli.interop import export_command
from bot.decks.interop.anki_export import note_guid, write_apkg
from bot.decks.interop.html import text_to_html
from bot.decks.loader import load_deck, parse_deck
from bot.decks.model import BasicCard, ChoiceCard, ClozeCard, Deck, TypedCard
from bot.settings import SHIPPED_DECKS_DIR
from tests.unit.interop.anki_open import import_into, notes_of, open_package

NOW = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)

MIXED = b"""\
deck: mixed
title: Every card type
lang: en
cards:
  - id: b1a
    type: basic
    tags: [net, two words]
    front: What does DNS stand for?
    back: "Domain Name System\\n(the phone book of the internet)"
  - id: c1a
    type: choice
    front: Which is <not> a cloud service model?
    choices: [IaaS, PaaS, LAN]
    answer: LAN
    back: LAN is a kind of network & not a service model.
  - id: c2a
    type: choice
    front: Portability of PaaS?
    choices: [high, low]
    answer: low
  - id: t1a
    type: typed
    tags: [vm]
    front: What runs many virtual machines on one host?
    back: hypervisor
    accept: [VMM, virtual machine monitor]
  - id: t2a
    type: typed
    front: Port of HTTPS?
    back: "443"
  - id: z1a
    type: cloze
    tags: [docker]
    text: "A {{c1::Dockerfile}} is built into an {{c2::image::thing}},
      run as a {{c3::container}}; {{c1::build}} first."
    back: Docker's three stages
  - id: z2a
    type: cloze
    text: "{{c2::Only}} the second number"
"""


def _mixed() -> Deck:
    return parse_deck(MIXED, "mixed.yaml").deck


def _expected_fields(card: BasicCard | ChoiceCard | ClozeCard | TypedCard) -> dict[str, str]:
    if isinstance(card, ClozeCard):
        return {"Text": text_to_html(card.text), "Back Extra": text_to_html(card.back or "")}
    if isinstance(card, TypedCard):
        return {
            "Front": text_to_html(card.front),
            "Back": text_to_html(card.back),
            "Also accepted": "<br>".join(text_to_html(a) for a in card.accept),
        }
    if isinstance(card, ChoiceCard):
        letters = "ABCDEFGH"
        options = "<br>".join(
            f"{letters[i]}. {text_to_html(c)}" for i, c in enumerate(card.choices)
        )
        right = letters[card.choices.index(card.answer)]
        back = f"{right}. {text_to_html(card.answer)}"
        if card.back:
            back += "<br><br>" + text_to_html(card.back)
        return {"Front": f"{text_to_html(card.front)}<br><br>{options}", "Back": back}
    return {"Front": text_to_html(card.front), "Back": text_to_html(card.back)}


def _note_type(card: BasicCard | ChoiceCard | ClozeCard | TypedCard) -> str:
    if isinstance(card, ClozeCard):
        return "Cloze (studybot)"
    if isinstance(card, TypedCard):
        return "Basic (type in the answer) (studybot)"
    return "Basic (studybot)"


def _check_every_note(deck: Deck, package: Path, workdir: Path) -> None:
    notes = open_package(package, workdir)
    assert len(notes) == len(deck.cards)
    for card in deck.cards:
        note = notes[note_guid(deck.deck, card.id)]
        assert note.note_type == _note_type(card), card.id
        assert note.fields == _expected_fields(card), card.id
        expected_tags = {t.replace(" ", "_") for t in card.tags} | {deck.deck}
        assert note.tags == sorted(expected_tags), card.id
        assert note.card_ords == [face - 1 for face in card.faces], card.id
        assert note.decks == {deck.title}


def test_every_card_type_opens_in_anki_as_the_right_note(tmp_path: Path) -> None:
    deck = _mixed()
    package = tmp_path / "mixed.apkg"
    assert write_apkg(deck, package, NOW) == len(deck.cards)
    _check_every_note(deck, package, tmp_path / "anki")


def test_cloze_note_has_one_card_per_deletion_number(tmp_path: Path) -> None:
    deck = _mixed()
    write_apkg(deck, tmp_path / "mixed.apkg", NOW)
    notes = open_package(tmp_path / "mixed.apkg", tmp_path / "anki")
    assert notes[note_guid("mixed", "z1a")].card_ords == [0, 1, 2]  # c1 twice is one card
    assert notes[note_guid("mixed", "z2a")].card_ords == [1]  # only c2: Anki's card 2


def test_shipped_deck_opens_in_anki_with_every_note_and_card(tmp_path: Path) -> None:
    loaded = load_deck(SHIPPED_DECKS_DIR / "cloud-basics.yaml")
    package = tmp_path / "cloud-basics.apkg"
    write_apkg(loaded.deck, package, NOW)
    _check_every_note(loaded.deck, package, tmp_path / "anki")
    collection = Collection(str(tmp_path / "count.anki2"))
    try:
        import_into(collection, package)
        assert collection.card_count() == loaded.deck.face_count
    finally:
        collection.close()


def test_guids_are_the_same_in_two_exports(tmp_path: Path) -> None:
    deck = _mixed()
    write_apkg(deck, tmp_path / "one.apkg", NOW)
    write_apkg(deck, tmp_path / "two.apkg", NOW + timedelta(days=3))
    first = open_package(tmp_path / "one.apkg", tmp_path / "a")
    second = open_package(tmp_path / "two.apkg", tmp_path / "b")
    assert set(first) == set(second) == {note_guid(deck.deck, c.id) for c in deck.cards}


def test_importing_an_updated_export_updates_the_notes_in_anki(tmp_path: Path) -> None:
    deck = _mixed()
    write_apkg(deck, tmp_path / "v1.apkg", NOW)
    edited = MIXED.replace(b"back: hypervisor", b"back: a hypervisor")
    write_apkg(parse_deck(edited, "mixed.yaml").deck, tmp_path / "v2.apkg", NOW + timedelta(1))
    collection = Collection(str(tmp_path / "learner.anki2"))
    try:
        import_into(collection, tmp_path / "v1.apkg")
        import_into(collection, tmp_path / "v2.apkg")
        notes = notes_of(collection)
    finally:
        collection.close()
    assert len(notes) == len(deck.cards)
    assert notes[note_guid("mixed", "t1a")].fields["Back"] == "a hypervisor"


def test_the_same_card_id_in_two_decks_gets_two_guids() -> None:
    assert note_guid("deck-a", "abc") != note_guid("deck-b", "abc")


def test_export_command_writes_the_package_and_reports_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "mixed.yaml"
    source.write_bytes(MIXED)
    target = tmp_path / "out" / "mixed.apkg"
    assert export_command(source, "apkg", target, now=NOW, lang="en") == 0
    assert "7 notes, 9 Anki cards" in capsys.readouterr().out
    assert len(open_package(target, tmp_path / "anki")) == 7


def test_export_command_refuses_a_broken_deck_or_unknown_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: x\ncards:\n  - id: a\n    type: basic\n    front: q\n")
    assert export_command(broken, "apkg", tmp_path / "x.apkg", now=NOW, lang="en") == 2
    assert "broken.yaml:3" in capsys.readouterr().err
    assert not (tmp_path / "x.apkg").exists()
    good = tmp_path / "mixed.yaml"
    good.write_bytes(MIXED)
    assert export_command(good, "docx", None, now=NOW, lang="en") == 2
    assert "apkg or csv" in capsys.readouterr().err


def test_drafts_stay_out_of_the_package_and_an_untitled_deck_is_named_by_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MIXED.replace(b"title: Every card type\n", b"").replace(
        b"    type: typed\n    tags: [vm]\n", b"    type: typed\n    draft: true\n    tags: [vm]\n")
    source = tmp_path / "mixed.yaml"
    source.write_bytes(text)
    target = tmp_path / "mixed.apkg"
    assert export_command(source, "apkg", target, now=NOW, lang="en") == 0
    assert "6 notes, 8 Anki cards" in capsys.readouterr().out
    notes = open_package(target, tmp_path / "anki")
    assert note_guid("mixed", "t1a") not in notes
    assert len(notes) == 6
    assert {name for note in notes.values() for name in note.decks} == {"mixed"}

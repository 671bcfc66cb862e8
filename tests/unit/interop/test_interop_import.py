"""Importing Anki packages and re-importing them into deck files."""

from __future__ import annotations

import random
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

from bot.cli.interop import import_command
from bot.decks.interop.anki_export import note_guid, write_apkg
from bot.decks.interop.anki_import import ApkgError, read_apkg_notes
from bot.decks.loader import load_deck, parse_deck
from bot.decks.model import BasicCard, ChoiceCard, ClozeCard, TypedCard
from tests.unit.interop.test_interop_anki_export import MIXED, NOW


def _anki_collection(path: Path) -> tuple[Collection, int, dict[str, str]]:
    """A collection made with Anki's own API: one note of each stock note type."""
    path.parent.mkdir(parents=True, exist_ok=True)
    collection = Collection(str(path))
    deck_id = collection.decks.id("Networking::Basics")
    assert deck_id is not None
    guids: dict[str, str] = {}

    def add(note_type: str, tags: list[str], **fields: str) -> None:
        model = collection.models.by_name(note_type)
        assert model is not None
        note = collection.new_note(model)
        for name, value in fields.items():
            note[name.replace("_", " ")] = value
        note.tags = tags
        collection.add_note(note, deck_id)
        guids[note_type] = note.guid

    add("Basic", ["net", "dns"], Front="<b>DNS</b>&nbsp;stands for?",
        Back="Domain<br>Name<div>System</div>")
    add("Basic (type in the answer)", [], Front="Port of HTTPS?", Back="443")
    add("Cloze", ["docker"], Text="A {{c1::<i>Dockerfile</i>}} builds an {{c2::image}}",
        Back_Extra="docker build")
    add("Basic (and reversed card)", [], Front="TCP", Back="Transmission Control Protocol")
    return collection, deck_id, guids


def _export(collection: Collection, deck_id: int, path: Path, *, legacy: bool) -> Path:
    collection.export_anki_package(
        out_path=str(path),
        options=ExportAnkiPackageOptions(with_scheduling=False, with_media=False, legacy=legacy),
        limit=DeckIdLimit(deck_id),
    )
    return path


def _check_anki_notes(deck_path: Path, guids: dict[str, str]) -> None:
    cards = {card.src.anchor: card for card in load_deck(deck_path).deck.cards if card.src}
    basic = cards[f"anki:{guids['Basic']}"]
    assert isinstance(basic, BasicCard)
    assert (basic.front, basic.back, basic.tags) == (
        "DNS stands for?", "Domain\nName\nSystem", ["dns", "net"],
    )
    typed = cards[f"anki:{guids['Basic (type in the answer)']}"]
    assert isinstance(typed, TypedCard)
    assert (typed.front, typed.back, typed.accept) == ("Port of HTTPS?", "443", [])
    cloze = cards[f"anki:{guids['Cloze']}"]
    assert isinstance(cloze, ClozeCard)
    assert (cloze.text, cloze.back, cloze.faces) == (
        "A {{c1::Dockerfile}} builds an {{c2::image}}", "docker build", [1, 2],
    )
    reversed_card = cards[f"anki:{guids['Basic (and reversed card)']}"]
    assert isinstance(reversed_card, BasicCard)
    assert reversed_card.back == "Transmission Control Protocol"


def test_package_exported_by_anki_for_older_versions_is_imported(tmp_path: Path) -> None:
    collection, deck_id, guids = _anki_collection(tmp_path / "anki" / "collection.anki2")
    try:
        package = _export(collection, deck_id, tmp_path / "anki.apkg", legacy=True)
    finally:
        collection.close()
    assert "collection.anki21" in zipfile.ZipFile(package).namelist()
    target = tmp_path / "networking.yaml"
    assert import_command(package, target, None, rng=random.Random(5), lang="en") == 0
    deck = load_deck(target).deck
    assert (deck.deck, deck.title, deck.lang) == ("networking", "Basics", "en")
    assert len(deck.cards) == 4
    _check_anki_notes(target, guids)


def test_package_in_anki_current_format(tmp_path: Path) -> None:
    collection, deck_id, guids = _anki_collection(tmp_path / "anki" / "collection.anki2")
    try:
        package = _export(collection, deck_id, tmp_path / "anki.apkg", legacy=False)
    finally:
        collection.close()
    assert "collection.anki21b" in zipfile.ZipFile(package).namelist()
    target = tmp_path / "networking.yaml"
    assert import_command(package, target, None, rng=random.Random(5), lang="en") == 0
    _check_anki_notes(target, guids)


def test_schema_18_collection_as_anki_keeps_it(tmp_path: Path) -> None:
    """The newest schema (separate notetypes/fields/templates tables), read from a
    collection Anki wrote, packed the way a decompressed `.anki21b` reads."""
    collection, _, guids = _anki_collection(tmp_path / "anki" / "collection.anki2")
    collection.close()
    package = tmp_path / "v18.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.write(tmp_path / "anki" / "collection.anki2", "collection.anki21b")
        archive.writestr("collection.anki2", b"placeholder, never read")
    notes = {n.anchor: n for n in read_apkg_notes(package)}
    assert notes[f"anki:{guids['Cloze']}"].note.kind == "cloze"
    assert notes[f"anki:{guids['Basic (type in the answer)']}"].note.kind == "typed"
    assert notes[f"anki:{guids['Basic']}"].note.kind == "basic"
    assert notes[f"anki:{guids['Basic']}"].deck_name == "Networking::Basics"


def test_genanki_package_imports_to_the_same_cards(tmp_path: Path) -> None:
    original = parse_deck(MIXED, "mixed.yaml").deck
    write_apkg(original, tmp_path / "mixed.apkg", NOW)
    target = tmp_path / "copy" / "mixed.yaml"
    assert import_command(tmp_path / "mixed.apkg", target, None, rng=random.Random(1)) == 0
    imported = load_deck(target).deck
    assert imported.title == original.title
    for before, after in zip(original.cards, imported.cards, strict=True):
        assert type(after) is type(before)
        assert after.src is not None
        assert after.src.anchor == f"anki:{note_guid('mixed', before.id)}"
        assert after.model_dump(exclude={"id", "src", "tags"}) == before.model_dump(
            exclude={"id", "src", "tags"}
        )
    choice = imported.cards[1]
    assert isinstance(choice, ChoiceCard)
    assert (choice.choices, choice.answer) == (["IaaS", "PaaS", "LAN"], "LAN")
    assert choice.back == "LAN is a kind of network & not a service model."


def test_reimport_updates_keeps_ids_and_maintainer_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_apkg(parse_deck(MIXED, "mixed.yaml").deck, tmp_path / "v1.apkg", NOW)
    target = tmp_path / "imported.yaml"
    assert import_command(tmp_path / "v1.apkg", target, None, rng=random.Random(1)) == 0
    first = load_deck(target).deck
    ids = [card.id for card in first.cards]
    # A maintainer edits one imported card and comments the file.
    text = target.read_text(encoding="utf-8")
    text = text.replace("front: Port of HTTPS?", "front: Which port does HTTPS use?")
    text = text.replace("cards:\n", "cards:\n  # imported from Anki\n", 1)
    target.write_text(text, encoding="utf-8")
    # The Anki side changes one card, the edited one, and gains a card.
    changed = MIXED.replace(b"back: hypervisor", b"back: a hypervisor")
    changed = changed.replace(b'back: "443"', b'back: "443 (TCP)"')
    changed += b"  - id: n1a\n    type: basic\n    front: New?\n    back: Yes\n"
    write_apkg(parse_deck(changed, "mixed.yaml").deck, tmp_path / "v2.apkg",
               NOW + timedelta(days=1))
    capsys.readouterr()
    assert import_command(tmp_path / "v2.apkg", target, None, rng=random.Random(1),
                          lang="en") == 0
    report = capsys.readouterr().out
    assert "new 1, updated 1, unchanged 5, kept (edited) 1" in report
    second = load_deck(target).deck
    assert [card.id for card in second.cards][:7] == ids
    assert len(second.cards) == 8
    hypervisor = second.cards[3]
    assert isinstance(hypervisor, TypedCard) and hypervisor.back == "a hypervisor"
    edited = second.cards[4]
    assert isinstance(edited, TypedCard)
    assert (edited.front, edited.back) == ("Which port does HTTPS use?", "443")
    assert "# imported from Anki" in target.read_text(encoding="utf-8")
    # The same file a third time changes nothing.
    before = target.read_bytes()
    assert import_command(tmp_path / "v2.apkg", target, None, rng=random.Random(9)) == 0
    assert target.read_bytes() == before


def test_import_into_a_deck_leaves_its_other_cards_alone(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    original = (
        "deck: mine\ntitle: Mine\nlang: en\ncards:\n"
        "  # hand-written\n"
        "  - id: h1\n    type: basic\n    front: Mine?\n    back: Yes\n"
        "  - id: g1\n    type: basic\n    front: Generated?\n    back: Yes\n"
        "    src: {anchor: Heading/definition, lines: [3, 4], gen: 0a1b2c3d}\n"
    )
    target.write_text(original, encoding="utf-8")
    write_apkg(parse_deck(MIXED, "mixed.yaml").deck, tmp_path / "m.apkg", NOW)
    assert import_command(tmp_path / "m.apkg", target, None, rng=random.Random(2)) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith(original)
    deck = load_deck(target).deck
    assert (deck.deck, deck.title) == ("mine", "Mine")
    assert len(deck.cards) == 9


def test_notes_that_cannot_be_cards_are_skipped_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "anki.txt"
    sheet.write_text(
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n"
        "ok\tBasic\tFront\tBack\n"
        "blank\tBasic\t<br>\tBack\n"
        "bad\tCloze\t{{c1:oops}}\t\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.yaml"
    assert import_command(sheet, target, None, rng=random.Random(1), lang="en") == 0
    report = capsys.readouterr().out
    assert "skipped 2" in report
    assert "anki:blank: `front` is empty" in report
    assert "anki:bad: cloze text" in report
    assert len(load_deck(target).deck.cards) == 1


def test_unreadable_inputs_get_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.yaml"
    assert import_command(tmp_path / "missing.apkg", target, None, lang="en") == 2
    assert "not found" in capsys.readouterr().err
    (tmp_path / "notes.docx").write_bytes(b"x")
    assert import_command(tmp_path / "notes.docx", target, None, lang="en") == 2
    assert ".apkg and .csv" in capsys.readouterr().err
    (tmp_path / "fake.apkg").write_bytes(b"not a zip")
    assert import_command(tmp_path / "fake.apkg", target, None, lang="en") == 2
    assert "not a zip" in capsys.readouterr().err
    with zipfile.ZipFile(tmp_path / "empty.apkg", "w") as archive:
        archive.writestr("media", "{}")
    with pytest.raises(ApkgError, match="no collection"):
        read_apkg_notes(tmp_path / "empty.apkg")
    assert not target.exists()

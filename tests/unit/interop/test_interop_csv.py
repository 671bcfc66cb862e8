"""CSV in Anki's plain-text format: header lines, and a round trip through import."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest
from anki.collection import Collection, ImportCsvRequest

from bot.cli.interop import export_command, import_command
from bot.decks.interop.anki_export import note_guid
from bot.decks.interop.csv_export import deck_to_csv
from bot.decks.interop.csv_import import read_csv_notes
from bot.decks.loader import load_deck, parse_deck
from bot.decks.model import Deck
from bot.settings import SHIPPED_DECKS_DIR
from tests.unit.interop.test_interop_anki_export import MIXED


def _content(deck: Deck) -> list[dict[str, object]]:
    """What a learner sees of each card; Anki tags cannot hold spaces, so they become `_`."""
    content = []
    for card in deck.cards:
        data = card.model_dump(exclude={"id", "src", "stale"})
        data["tags"] = [tag.replace(" ", "_") for tag in card.tags]
        content.append(data)
    return content


def test_header_lines_name_every_special_column() -> None:
    text = deck_to_csv(parse_deck(MIXED, "mixed.yaml").deck)
    header = text.splitlines()[:6]
    assert header == [
        "#separator:tab",
        "#html:true",
        "#guid column:1",
        "#notetype column:2",
        "#deck column:3",
        "#tags column:7",
    ]
    rows = list(csv.reader(io.StringIO("\n".join(text.splitlines()[6:])), delimiter="\t"))
    assert len(rows) == 7
    assert all(len(row) == 7 for row in rows)
    first = rows[0]
    assert first[0] == note_guid("mixed", "b1a")
    assert first[1:5] == [
        "Basic (studybot)",
        "Every card type",
        "What does DNS stand for?",
        "Domain Name System<br>(the phone book of the internet)",
    ]
    assert first[6].split() == ["net", "two_words", "mixed"]


@pytest.mark.parametrize("deck_file", ["mixed", "shipped"])
def test_csv_round_trips_through_import(tmp_path: Path, deck_file: str) -> None:
    if deck_file == "shipped":
        source = SHIPPED_DECKS_DIR / "cloud-basics.yaml"
    else:
        source = tmp_path / "mixed.yaml"
        source.write_bytes(MIXED)
    original = load_deck(source).deck
    exported = tmp_path / "deck.csv"
    assert export_command(source, "csv", exported, lang="en") == 0
    target = tmp_path / "imported" / f"{original.deck}.yaml"
    assert import_command(exported, target, None, rng=random.Random(3), lang="en") == 0
    imported = load_deck(target).deck
    assert imported.deck == original.deck
    assert imported.title == original.title
    assert _content(imported) == _content(original)
    assert all(card.src is not None and card.src.anchor.startswith("anki:")
               for card in imported.cards)


def test_anki_itself_reads_our_csv_into_the_notes_of_our_package(tmp_path: Path) -> None:
    """Anki matches the CSV's guid column with the notes of the .apkg: no duplicates."""
    from bot.decks.interop.anki_export import write_apkg
    from tests.unit.interop.anki_open import import_into, notes_of
    from tests.unit.interop.test_interop_anki_export import NOW

    deck = parse_deck(MIXED, "mixed.yaml").deck
    write_apkg(deck, tmp_path / "mixed.apkg", NOW)
    edited = parse_deck(MIXED.replace(b"back: hypervisor", b"back: the hypervisor"), "m").deck
    (tmp_path / "mixed.csv").write_text(deck_to_csv(edited), encoding="utf-8")
    collection = Collection(str(tmp_path / "c.anki2"))
    try:
        import_into(collection, tmp_path / "mixed.apkg")
        metadata = collection.get_csv_metadata(str(tmp_path / "mixed.csv"), None)
        metadata.dupe_resolution = metadata.DupeResolution.UPDATE
        collection.import_csv(ImportCsvRequest(path=str(tmp_path / "mixed.csv"),
                                               metadata=metadata))
        notes = notes_of(collection)
    finally:
        collection.close()
    assert len(notes) == len(deck.cards)
    assert notes[note_guid("mixed", "t1a")].fields["Back"] == "the hypervisor"


def test_plain_two_column_sheet_with_a_heading_row() -> None:
    notes = read_csv_notes(
        "front,back\n"
        "What is DNS?,Domain Name System\n"
        '"Docker {{c1::image}}, built from a Dockerfile","from docker build"\n'
    )
    assert [(n.note.kind, n.note.fields) for n in notes] == [
        ("basic", ("What is DNS?", "Domain Name System")),
        ("cloze", ("Docker {{c1::image}}, built from a Dockerfile", "from docker build")),
    ]
    assert all(n.anchor.startswith("csv:") for n in notes)


def test_plain_sheet_separator_is_guessed() -> None:
    notes = read_csv_notes("질문;답\nIaaS란?;인프라형 클라우드 서비스\n")
    assert [n.note.fields for n in notes] == [("IaaS란?", "인프라형 클라우드 서비스")]


def test_anki_html_export_is_reduced_to_text() -> None:
    text = (
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#tags column:5\n"
        "g1\tBasic\t<b>Bold</b>&nbsp;front\tline<br>two<div>three</div>\tt1 t2\n"
        "g2\tCloze\t{{c1::<i>hidden</i>}} word\t\t\n"
        "g3\tBasic (type in the answer)\tPort?\t443\t\n"
    )
    notes = read_csv_notes(text)
    assert [(n.anchor, n.note.kind, n.note.fields, n.note.tags) for n in notes] == [
        ("anki:g1", "basic", ("Bold front", "line\ntwo\nthree"), ("t1", "t2")),
        ("anki:g2", "cloze", ("{{c1::hidden}} word", ""), ()),
        ("anki:g3", "typed", ("Port?", "443"), ()),
    ]


def test_reimporting_a_plain_sheet_updates_backs_and_keeps_ids(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    target = tmp_path / "sheet.yaml"
    sheet.write_text("What is DNS?,Domain Name System\nWhat is IP?,Internet Protocol\n")
    assert import_command(sheet, target, None, rng=random.Random(1), lang="en") == 0
    first = {c.front: c.id for c in load_deck(target).deck.cards}  # type: ignore[union-attr]
    sheet.write_text("What is DNS?,the Domain Name System\nWhat is IP?,Internet Protocol\n")
    assert import_command(sheet, target, None, rng=random.Random(2), lang="en") == 0
    cards = load_deck(target).deck.cards
    assert {c.front: c.id for c in cards} == first  # type: ignore[union-attr]
    assert [c.back for c in cards] == [  # type: ignore[union-attr]
        "the Domain Name System", "Internet Protocol",
    ]


def test_csv_without_rows_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("#separator:tab\n#html:true\n")
    assert import_command(empty, tmp_path / "x.yaml", None, lang="en") == 2
    assert "no rows" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_an_anki_deck_name_longer_than_a_title_may_be_is_shortened(tmp_path: Path) -> None:
    sheet = tmp_path / "named.csv"
    target = tmp_path / "named.yaml"
    name = "Networking " * 30  # 330 characters; a deck title holds 200
    sheet.write_text(f"#separator:tab\n#deck column:3\nWhat is DNS?\tDomain Name System\t{name}\n")
    assert import_command(sheet, target, None, rng=random.Random(1), lang="en") == 0
    title = load_deck(target).deck.title  # loads: `deck check` accepts what was written
    assert len(title) == 200 and title.endswith("…") and title.startswith("Networking")


def test_csv_leaves_drafts_out_and_names_an_untitled_deck_by_its_id() -> None:
    text = MIXED.replace(b"title: Every card type\n", b"").replace(
        b"  - id: c2a\n    type: choice\n", b"  - id: c2a\n    type: choice\n    draft: true\n")
    rows = list(csv.reader(io.StringIO("\n".join(
        deck_to_csv(parse_deck(text, "mixed.yaml").deck).splitlines()[6:])), delimiter="\t"))
    assert [row[0] for row in rows] == [
        note_guid("mixed", card_id) for card_id in ("b1a", "c1a", "t1a", "t2a", "z1a", "z2a")]
    assert {row[2] for row in rows} == {"mixed"}

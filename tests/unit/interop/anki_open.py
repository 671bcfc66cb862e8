"""Open packages with Anki's own code (the `anki` package), as a learner's Anki would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


@dataclass(frozen=True)
class AnkiNote:
    guid: str
    note_type: str
    fields: dict[str, str]
    tags: list[str]
    card_ords: list[int]  # template ordinal of each card (cloze: N-1 for cN)
    decks: set[str]


def import_into(collection: Collection, package: Path) -> None:
    collection.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions())
    )


def notes_of(collection: Collection) -> dict[str, AnkiNote]:
    """Every note of the collection by guid."""
    found: dict[str, AnkiNote] = {}
    for note_id in collection.find_notes(""):
        note = collection.get_note(note_id)
        cards = note.cards()
        found[note.guid] = AnkiNote(
            guid=note.guid,
            note_type=note.note_type()["name"],
            fields=dict(note.items()),
            tags=sorted(note.tags),
            card_ords=sorted(card.ord for card in cards),
            decks={collection.decks.name(card.did) for card in cards},
        )
    return found


def open_package(package: Path, workdir: Path) -> dict[str, AnkiNote]:
    """Import `package` into a fresh collection in `workdir` and read every note back."""
    workdir.mkdir(parents=True, exist_ok=True)
    collection = Collection(str(workdir / "collection.anki2"))
    try:
        import_into(collection, package)
        return notes_of(collection)
    finally:
        collection.close()

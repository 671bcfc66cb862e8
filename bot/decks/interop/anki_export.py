"""Write a deck as an Anki package (`.apkg`) with genanki.

Everything Anki uses to recognise what it imported is stable across exports: the
note guid comes from the deck and card ids (so re-importing an updated deck updates
notes instead of duplicating them), the Anki deck id from the deck id, and the note
type ids are fixed constants.  Note type names carry "(studybot)" because Anki gives
its own "Basic" a different id in every collection; reusing the bare name would make
Anki rename ours to "Basic-1a2b3" on import.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any

import genanki  # type: ignore[import-untyped]

from bot.decks.interop.html import text_to_html
from bot.decks.interop.notes import BASIC_FIELDS, CLOZE_FIELDS, TYPED_FIELDS, NoteKind, card_to_note
from bot.decks.model import Deck

BASIC_MODEL_ID = 1_607_392_311
CLOZE_MODEL_ID = 1_607_392_312
TYPED_MODEL_ID = 1_607_392_313

_CSS = (
    ".card {\n font-family: sans-serif;\n font-size: 20px;\n text-align: center;\n"
    " color: black;\n background-color: white;\n}\n"
)

NOTE_TYPE_NAMES: dict[NoteKind, str] = {
    "basic": "Basic (studybot)",
    "cloze": "Cloze (studybot)",
    "typed": "Basic (type in the answer) (studybot)",
}


def _fields(names: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"name": name} for name in names]


def _models() -> dict[NoteKind, Any]:
    basic = genanki.Model(
        BASIC_MODEL_ID,
        NOTE_TYPE_NAMES["basic"],
        fields=_fields(BASIC_FIELDS),
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
        }],
        css=_CSS,
    )
    cloze = genanki.Model(
        CLOZE_MODEL_ID,
        NOTE_TYPE_NAMES["cloze"],
        fields=_fields(CLOZE_FIELDS),
        templates=[{
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<br>\n{{Back Extra}}",
        }],
        css=_CSS,
        model_type=genanki.Model.CLOZE,
    )
    typed = genanki.Model(
        TYPED_MODEL_ID,
        NOTE_TYPE_NAMES["typed"],
        fields=_fields(TYPED_FIELDS),
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Front}}\n\n{{type:Back}}",
            "afmt": "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}"
            "{{#Also accepted}}<br><br>{{Also accepted}}{{/Also accepted}}",
        }],
        css=_CSS,
    )
    return {"basic": basic, "cloze": cloze, "typed": typed}


def anki_deck_id(deck_id: str) -> int:
    """A positive 63-bit Anki deck id that is the same for the same deck id every time."""
    digest = hashlib.sha256(f"studybot-deck:{deck_id}".encode()).digest()
    return (int.from_bytes(digest[:8], "big") >> 2) | (1 << 40)


def note_guid(deck_id: str, card_id: str) -> str:
    """The Anki guid of a card: Anki matches notes on it when a deck is imported again."""
    return str(genanki.guid_for("studybot", deck_id, card_id))


def write_apkg(deck: Deck, path: Path, now: datetime) -> int:
    """Write `deck` to `path`; returns the number of notes. `now` stamps the notes."""
    models = _models()
    package_deck = genanki.Deck(anki_deck_id(deck.deck), deck.display_title)
    for card in deck.served_cards:
        note = card_to_note(card, deck.deck)
        package_deck.add_note(
            genanki.Note(
                model=models[note.kind],
                fields=[text_to_html(value) for value in note.fields],
                tags=list(note.tags),
                guid=note_guid(deck.deck, card.id),
            )
        )
    genanki.Package(package_deck).write_to_file(str(path), timestamp=now.timestamp())
    return len(deck.served_cards)

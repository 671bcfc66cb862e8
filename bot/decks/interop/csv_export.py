"""Write a deck as Anki's "Notes in Plain Text" file: tab-separated, with `#` header lines.

The header lines tell Anki (2.1.55 and later) which column holds the guid, the note
type, the deck and the tags, so importing the file into Anki, or back into a deck file
with `deck import`, updates the same notes instead of adding copies.  Fields are HTML,
as in Anki's own export, so a line break inside a field stays a line break.
"""

from __future__ import annotations

import csv
import io

from bot.decks.interop.anki_export import NOTE_TYPE_NAMES, note_guid
from bot.decks.interop.html import text_to_html
from bot.decks.interop.notes import card_to_note
from bot.decks.model import Deck

_FIXED = ("guid", "notetype", "deck")


def deck_to_csv(deck: Deck) -> str:
    notes = [(card.id, card_to_note(card, deck.deck)) for card in deck.served_cards]
    width = max((len(note.fields) for _, note in notes), default=2)
    tags_column = len(_FIXED) + width + 1
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n")
    out.write("#guid column:1\n#notetype column:2\n#deck column:3\n")
    out.write(f"#tags column:{tags_column}\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for card_id, note in notes:
        fields = [text_to_html(value) for value in note.fields]
        fields += [""] * (width - len(fields))
        writer.writerow([
            note_guid(deck.deck, card_id),
            NOTE_TYPE_NAMES[note.kind],
            deck.display_title,
            *fields,
            " ".join(note.tags),
        ])
    return out.getvalue()

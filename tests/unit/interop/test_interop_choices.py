"""A note read back as a choice card only when the bot can offer every choice as a button."""

from __future__ import annotations

from bot.decks.interop.notes import ImportedNote, NoteData, note_to_card, option_label


def lettered(count: int) -> ImportedNote:
    options = "\n".join(f"{option_label(i)}. option {i}" for i in range(count))
    front = f"Which one?\n\n{options}"
    return ImportedNote("anki:x", NoteData("basic", (front, "B. option 1"), ()))


def test_a_lettered_note_becomes_a_choice_card_up_to_twenty_options() -> None:
    card = note_to_card(lettered(20), "d")
    assert not isinstance(card, str)
    assert card.type == "choice" and len(card.choices) == 20


def test_more_options_than_buttons_stay_a_basic_card() -> None:
    card = note_to_card(lettered(21), "d")
    assert not isinstance(card, str)
    assert card.type == "basic" and "option 20" in card.front

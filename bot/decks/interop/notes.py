"""Our cards as Anki notes and Anki notes as our cards: the one mapping both formats share.

Anki has no choice card, so a choice card becomes a Basic note whose front lists the
options (`A. …`) and whose back starts with the right one (`B. …`).  Reading a Basic
note looks for exactly that shape, so a choice card survives a round trip through
Anki or a spreadsheet.  A typed card becomes a type-in-the-answer note: Anki compares
what the learner types with `Back`, and shows our other accepted answers after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.decks.cloze import ClozeSyntaxError, cloze_faces
from bot.decks.generator.cards import GeneratedCard
from bot.decks.limits import MAX_CHOICES, MAX_TEXT_CHARS
from bot.decks.model import AnyCard, BasicCard, ChoiceCard, ClozeCard, TypedCard

NoteKind = Literal["basic", "cloze", "typed"]

BASIC_FIELDS = ("Front", "Back")
CLOZE_FIELDS = ("Text", "Back Extra")
TYPED_FIELDS = ("Front", "Back", "Also accepted")

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_OPTION = re.compile(r"([A-Z]|\d+)\. (.+)")
_TAG_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class NoteData:
    """One note, format-neutral: its kind, its fields as plain text, its tags."""

    kind: NoteKind
    fields: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportedNote:
    """A note read from a file, with the key that finds it again on the next import."""

    anchor: str  # "anki:<guid>" or, for a plain CSV without guids, "csv:<hash of front>"
    note: NoteData
    deck_name: str | None = None


def option_label(index: int) -> str:
    return _LETTERS[index] if index < len(_LETTERS) else str(index + 1)


def anki_tag(tag: str) -> str:
    """Anki separates tags with spaces, so a tag cannot hold one."""
    return _TAG_SPACE.sub("_", tag.strip())


def card_to_note(card: AnyCard, deck_id: str) -> NoteData:
    """How a card reads in Anki; the deck id is added as a tag so it can be filtered on."""
    tags = tuple(dict.fromkeys([*(anki_tag(t) for t in card.tags), deck_id]))
    if isinstance(card, ClozeCard):
        return NoteData("cloze", (card.text, card.back or ""), tags)
    if isinstance(card, TypedCard):
        return NoteData("typed", (card.front, card.back, "\n".join(card.accept)), tags)
    if isinstance(card, ChoiceCard):
        options = "\n".join(f"{option_label(i)}. {c}" for i, c in enumerate(card.choices))
        right = card.choices.index(card.answer)
        back = f"{option_label(right)}. {card.answer}"
        if card.back:
            back += f"\n\n{card.back}"
        return NoteData("basic", (f"{card.front}\n\n{options}", back), tags)
    assert isinstance(card, BasicCard)
    return NoteData("basic", (card.front, card.back), tags)


def note_to_card(imported: ImportedNote, deck_id: str) -> GeneratedCard | str:
    """The card a note becomes, or why it cannot become one (a message for the maintainer).

    The result is the generator's card record so that the deck writer which keeps
    comments and key order can place its fields.
    """
    note = imported.note
    fields = [*note.fields, "", "", ""]
    tags = tuple(t for t in dict.fromkeys(note.tags) if t.strip() and t != deck_id)

    def make(kind: str, **text: str | tuple[str, ...]) -> GeneratedCard:
        return GeneratedCard(imported.anchor, (1, 1), kind, "import", tags=tags, **text)  # type: ignore[arg-type]

    if note.kind == "cloze":
        card = make("cloze", text=fields[0], back=fields[1])
        try:
            cloze_faces(card.text)
        except ClozeSyntaxError as error:
            return f"cloze text: {error.message}"
    elif note.kind == "typed":
        accept = tuple(a.strip() for a in fields[2].split("\n") if a.strip())
        card = make("typed", front=fields[0], back=fields[1], accept=accept)
    else:
        extra = "\n\n".join(f for f in note.fields[2:] if f)
        back = f"{fields[1]}\n\n{extra}".strip() if extra else fields[1]
        choice = _as_choice(fields[0], back)
        if choice is None:
            card = make("basic", front=fields[0], back=back)
        else:
            question, choices, answer, explanation = choice
            card = make("choice", front=question, choices=choices, answer=answer,
                        back=explanation)
    return _check(card)


def _as_choice(front: str, back: str) -> tuple[str, tuple[str, ...], str, str] | None:
    """(question, choices, answer, explanation) of a Basic note in the shape that
    `card_to_note` gives a choice card, or None for any other note."""
    lines = front.split("\n")
    found: list[tuple[str, str]] = []
    while lines and (match := _OPTION.fullmatch(lines[-1].strip())):
        found.insert(0, (match.group(1), match.group(2).strip()))
        lines.pop()
    question = "\n".join(lines).strip()
    labels = [label for label, _ in found]
    choices = tuple(choice for _, choice in found)
    if (
        not 2 <= len(found) <= MAX_CHOICES  # more would not fit on the buttons: a basic card
        or not question
        or labels != [option_label(i) for i in range(len(found))]
        or len(set(choices)) != len(choices)
    ):
        return None
    head, _, rest = back.partition("\n")
    picked = _OPTION.fullmatch(head.strip())
    if picked is None or picked.group(1) not in labels:
        return None
    answer = choices[labels.index(picked.group(1))]
    if picked.group(2).strip() != answer:
        return None
    return question, choices, answer, rest.strip()


def _check(card: GeneratedCard) -> GeneratedCard | str:
    for name, value in card.fields().items():
        values = value if isinstance(value, list) else [value]
        if not values or any(not v.strip() for v in values):
            return f"`{name}` is empty"
        if any(len(v) > MAX_TEXT_CHARS for v in values):
            return f"`{name}` is longer than {MAX_TEXT_CHARS} characters"
    return card

"""The deck file's data model: what a valid deck is, independent of where it came from.

Format (see DESIGN.md "Deck files"):

- top level: `cards` (required list), `title` (optional: the deck id when absent), `deck`
  (id; defaults to the file name without `.yaml`), `lang` (`ko` or `en`, default `ko`),
  `source` (optional), `scheduler` (optional, `sm2` or `fsrs`: the scheduler of the deck's
  learners who chose none themselves; SM-2 when absent), `dropped` (optional list of
  generator anchors a maintainer dropped, so regenerating never brings those cards back);
- every card: `id` (required; letters, digits, `-`, `_`, at most 64; unique in the file),
  `type` (required: basic, choice, cloze or typed), `tags` (list of text), `src`
  (`{anchor: text, lines: [first, last], gen: text}`, anchor required), `stale` (bool),
  `draft` (bool: a generated card nobody accepted yet; never served);
- basic: `front`, `back`; choice: `front`, `choices` (2 to 20, distinct), `answer`
  (one of the choices), optional `back` (explanation); cloze: `text` with at least one
  `{{c1::answer}}` or `{{c1::answer::hint}}`, optional `back`; typed: `front`, `back`
  (the canonical answer), optional `accept` (other accepted answers).

Types are strict on purpose: YAML turns `front: 123` into a number and `choices: a, b`
into one string, and silently coercing either would hide a maintainer's mistake. A value
that YAML reads as a number or boolean where text is wanted is an error asking for quotes
(dates such as 2024-01-01 stay text). Unknown keys are errors too, so a typo (`frnot:`)
never drops a field. Text is kept exactly as written (a `|` block keeps its final line
break); it must not be blank and may hold at most 10,000 characters (a deck's
`title` at most 200, a cloze number at most 32,767: what the database's columns hold).

`src.lines` is a list of two line numbers, `[first, last]` (1-based, inclusive): YAML
reads it as two integers without quoting, and the generator writes it that way.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from bot.decks.cloze import ClozeSyntaxError, cloze_faces
from bot.decks.limits import (
    MAX_CHOICES,
    MAX_ID_CHARS,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    is_valid_id,
)

CARD_TYPES: tuple[str, ...] = ("basic", "choice", "cloze", "typed")
LANGS: tuple[str, ...] = ("ko", "en")
#: The schedulers a deck may name as its learners' default (bot.srs.SchedulerKind).
SCHEDULERS: tuple[str, ...] = ("sm2", "fsrs")

#: C0/C1 control characters other than tab and line breaks; an escape such as
#: "\\0" in a quoted value must not sneak in what the YAML reader refuses raw.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "is empty")
    control = _CONTROL.search(value)
    if control is not None:
        raise PydanticCustomError(
            "control_character",
            "contains the control character U+{code:04X}; remove it",
            {"code": ord(control.group())},
        )
    return value


def _valid_id(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "is empty")
    if not is_valid_id(value):
        raise PydanticCustomError(
            "bad_id",
            "may only contain letters, digits, `-` and `_` (at most {limit} characters)",
            {"limit": MAX_ID_CHARS},
        )
    return value


Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS), AfterValidator(_not_blank)]
"""Non-blank text of at most MAX_TEXT_CHARS characters; kept exactly as written."""

Id = Annotated[str, AfterValidator(_valid_id)]

Title = Annotated[str, Field(max_length=MAX_TITLE_CHARS), AfterValidator(_not_blank)]
"""A deck's title: non-blank, and no longer than the database's column for it."""


def _line_range(value: list[int]) -> list[int]:
    if len(value) != 2 or not 1 <= value[0] <= value[1]:
        raise PydanticCustomError("bad_lines", "must be `[first, last]` with 1 <= first <= last")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class SrcRef(_Strict):
    """Where the generator took a card from, so regeneration can find and refresh it."""

    anchor: Text
    lines: Annotated[list[StrictInt], AfterValidator(_line_range)] | None = None
    gen: Text | None = None


class _CardBase(_Strict):
    """Fields and behaviour shared by every card type."""

    id: Id

    @property
    def face_count(self) -> int:
        return len(self.faces)

    @property
    def faces(self) -> list[int]:
        """Face numbers scheduled separately: the cloze numbers, or [1] for other types."""
        return [1]

    def content(self) -> dict[str, Any]:
        """The card's fields as plain JSON-able data, in file order, for the database.

        `draft` is left out: only accepted cards reach the database, so it would always
        read false, and adding it would make every card of every deck loaded before
        drafts existed look edited on the next reload."""
        return self.model_dump(mode="json", exclude_none=True, exclude={"draft"})


class BasicCard(_CardBase):
    type: Literal["basic"] = "basic"
    front: Text
    back: Text
    tags: list[Text] = []
    src: SrcRef | None = None
    stale: bool = False
    draft: bool = False


def _distinct_choices(choices: list[str]) -> list[str]:
    seen: set[str] = set()
    for index, choice in enumerate(choices):
        if choice in seen:
            raise PydanticCustomError(
                "duplicate_choice",
                "choice `{choice}` appears twice",
                {"index": index, "choice": choice},
            )
        seen.add(choice)
    return choices


class ChoiceCard(_CardBase):
    type: Literal["choice"] = "choice"
    front: Text
    choices: Annotated[
        list[Text], Field(min_length=2, max_length=MAX_CHOICES), AfterValidator(_distinct_choices)
    ]
    answer: Text
    back: Text | None = None
    tags: list[Text] = []
    src: SrcRef | None = None
    stale: bool = False
    draft: bool = False

    # Field validators, not a model validator: they run even when another field
    # of the card is wrong, so `deck check` reports every problem at once.
    @field_validator("answer")
    @classmethod
    def _answer_among_choices(cls, answer: str, info: ValidationInfo) -> str:
        choices = info.data.get("choices")
        if choices is not None and answer not in choices:
            raise PydanticCustomError(
                "answer_not_in_choices",
                "answer `{answer}` is not one of the choices",
                {"answer": answer},
            )
        return answer


def _well_formed_cloze(text: str) -> str:
    try:
        cloze_faces(text)
    except ClozeSyntaxError as error:
        raise PydanticCustomError(
            "cloze", error.message, {"offset": error.offset, "phrase": error.phrase}
        ) from None
    return text


class ClozeCard(_CardBase):
    type: Literal["cloze"] = "cloze"
    text: Annotated[Text, AfterValidator(_well_formed_cloze)]
    back: Text | None = None
    tags: list[Text] = []
    src: SrcRef | None = None
    stale: bool = False
    draft: bool = False

    @property
    def faces(self) -> list[int]:
        return cloze_faces(self.text)


class TypedCard(_CardBase):
    type: Literal["typed"] = "typed"
    front: Text
    back: Text
    accept: list[Text] = []
    tags: list[Text] = []
    src: SrcRef | None = None
    stale: bool = False
    draft: bool = False


Card = Annotated[BasicCard | ChoiceCard | ClozeCard | TypedCard, Field(discriminator="type")]
AnyCard = BasicCard | ChoiceCard | ClozeCard | TypedCard


class Deck(_Strict):
    deck: Id
    title: Title | None = None
    lang: Literal["ko", "en"] = "ko"
    source: Text | None = None
    scheduler: Literal["sm2", "fsrs"] | None = None
    dropped: list[Text] = []
    cards: list[Card]

    @model_validator(mode="after")
    def _unique_ids(self) -> Deck:
        seen: set[str] = set()
        for card in self.cards:
            if card.id in seen:
                raise PydanticCustomError(
                    "duplicate_id", "card id `{id}` is used twice", {"id": card.id}
                )
            seen.add(card.id)
        return self

    @property
    def display_title(self) -> str:
        """What learners see: the title, or the deck id when the file gives none."""
        return self.title or self.deck

    @property
    def served_cards(self) -> list[AnyCard]:
        """The cards the bot shows: every card but drafts nobody accepted yet."""
        return [card for card in self.cards if not card.draft]

    @property
    def face_count(self) -> int:
        return sum(card.face_count for card in self.served_cards)


CARD_FIELDS: dict[str, frozenset[str]] = {
    model.model_fields["type"].default: frozenset(model.model_fields)
    for model in (BasicCard, ChoiceCard, ClozeCard, TypedCard)
}
DECK_FIELDS: frozenset[str] = frozenset(Deck.model_fields)
SRC_FIELDS: frozenset[str] = frozenset(SrcRef.model_fields)

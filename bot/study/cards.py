"""What a front end shows for one face of a card, built from the stored content.

Kept free of Discord and terminal types: the front ends only lay this out.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Literal

from bot.decks.cloze import render_cloze

CardType = Literal["basic", "choice", "cloze", "typed"]


@dataclass(frozen=True, slots=True)
class FaceText:
    """The question and answer of one face, in display form."""

    type: CardType
    question: str
    answer: str
    extra: str | None
    choices: tuple[str, ...]
    accept: tuple[str, ...]


def choice_order(content: dict[str, Any], rng: random.Random) -> list[int] | None:
    """A shuffled order of a choice card's options, fixed for one prompt."""
    choices = content.get("choices")
    if not isinstance(choices, list):
        return None
    order = list(range(len(choices)))
    rng.shuffle(order)
    return order


def shown_choice(text: FaceText) -> dict[str, Any] | None:
    """The options of a choice face as shown, kept with its prompt (or daily post).

    A button carries an index into the options as they were shown.  Read
    against the card as it is now, that index names another option once a
    maintainer adds or reorders one; so the options, in their shown order,
    and the answer are kept when the face is shown, and the click is graded
    (and the result and the reveal drawn) by them.  The question and the
    note still come from the card, so a reworded question shows at once.
    Other types need no copy: a self-grade or a typed answer means the same
    whatever the card says now.
    """
    if text.type != "choice":
        return None
    return {"choices": list(text.choices), "answer": text.answer}


def _shown_options(shown: dict[str, Any] | None) -> tuple[tuple[str, ...], str] | None:
    """(options, answer) of a stored `shown_choice`; None when there is none."""
    if shown is None:
        return None
    choices, answer = shown.get("choices"), shown.get("answer")
    if not isinstance(choices, list) or not isinstance(answer, str):
        return None
    return tuple(str(c) for c in choices), answer


def face_text(
    card_type: str,
    content: dict[str, Any],
    face: int,
    order: list[int] | None = None,
    shown: dict[str, Any] | None = None,
) -> FaceText:
    """Render ``face`` of a card as a prompt shows it.

    ``shown`` is the prompt's `shown_choice` copy: its options and answer win
    over the card's.  ``order`` is the choice order of a prompt stored before
    such copies were kept, read against the card's options as they are now.
    """
    extra = content.get("back") if card_type in ("choice", "cloze") else None
    if card_type == "cloze":
        prompt = render_cloze(str(content["text"]), face)
        return FaceText("cloze", prompt.question, " / ".join(prompt.answers), extra, (), ())
    if card_type == "choice":
        kept = _shown_options(shown)
        if kept is not None:
            return FaceText("choice", str(content["front"]), kept[1], extra, kept[0], ())
        options = [str(c) for c in content["choices"]]
        if order is not None and sorted(order) == list(range(len(options))):
            options = [options[i] for i in order]
        return FaceText(
            "choice", str(content["front"]), str(content["answer"]), extra, tuple(options), ()
        )
    if card_type == "typed":
        accept = tuple(str(a) for a in content.get("accept") or ())
        return FaceText("typed", str(content["front"]), str(content["back"]), None, (), accept)
    return FaceText("basic", str(content["front"]), str(content["back"]), None, (), ())

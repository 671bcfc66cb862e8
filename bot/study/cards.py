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


def face_text(
    card_type: str, content: dict[str, Any], face: int, order: list[int] | None = None
) -> FaceText:
    """Render ``face`` of a card; ``order`` is the prompt's fixed choice order."""
    extra = content.get("back") if card_type in ("choice", "cloze") else None
    if card_type == "cloze":
        prompt = render_cloze(str(content["text"]), face)
        return FaceText("cloze", prompt.question, " / ".join(prompt.answers), extra, (), ())
    if card_type == "choice":
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

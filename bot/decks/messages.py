"""Turn pydantic's generic validation errors into short, actionable deck messages.

Pydantic says "Input should be a valid string"; a maintainer needs "`front` must be
text, not a number; put the value in quotes" at the value's line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

from bot.decks.limits import MAX_CHOICES, MAX_TEXT_CHARS
from bot.decks.locate import Locator, strip_card_type
from bot.decks.model import CARD_FIELDS, CARD_TYPES, DECK_FIELDS, LANGS, SRC_FIELDS
from bot.decks.yamltree import RawProblem, SeqNode

_TYPES = ", ".join(CARD_TYPES)


def _kind(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _name(loc: tuple[int | str, ...]) -> str:
    """`front`, or `choices` item 2 for list elements."""
    names = [step for step in loc if isinstance(step, str)]
    field = names[-1] if names else "value"
    if loc and isinstance(loc[-1], int) and len(loc) >= 2 and names:
        return f"`{field}` item {loc[-1] + 1}"
    return f"`{field}`"


def _field_loc(loc: tuple[int | str, ...], field: str) -> tuple[int | str, ...]:
    """The location of ``field``: ``loc`` already names it for a field validator's error."""
    return loc if loc[-1:] == (field,) else (*loc, field)


def _card_of(values: Mapping[str, Any], loc: tuple[int | str, ...]) -> Mapping[str, Any] | None:
    cards = values.get("cards")
    if len(loc) < 2 or loc[0] != "cards" or not isinstance(loc[1], int):
        return None
    if isinstance(cards, list) and loc[1] < len(cards) and isinstance(cards[loc[1]], dict):
        card: Mapping[str, Any] = cards[loc[1]]
        return card
    return None


def _unknown_field(key: str, loc: tuple[int | str, ...], values: Mapping[str, Any]) -> str:
    if key == "<<":
        return "merge keys (`<<`) are not supported; write the fields out"
    parent = loc[:-1]
    if parent and parent[-1] == "src":
        fields, where = SRC_FIELDS, "`src`"
    elif len(parent) == 2 and parent[0] == "cards":
        card = _card_of(values, parent) or {}
        card_type = card.get("type")
        fields = (
            CARD_FIELDS.get(card_type, frozenset()) if isinstance(card_type, str) else frozenset()
        )
        where = f"a {card_type} card"
        owners = [t for t, names in CARD_FIELDS.items() if key in names]
        if owners:
            allowed = ", ".join(f"`{name}`" for name in sorted(fields - {"id", "type"}))
            return (
                f"`{key}` does not belong on {where}, only on {'/'.join(owners)} cards "
                f"(this card takes {allowed})"
            )
    else:
        fields, where = DECK_FIELDS, "a deck"
    guess = difflib.get_close_matches(key, sorted(fields), n=1, cutoff=0.6)
    hint = (
        f"; did you mean `{guess[0]}`?"
        if guess
        else f"; {where} takes " + ", ".join(f"`{name}`" for name in sorted(fields))
    )
    return f"unknown field `{key}`{hint}"


def _missing(loc: tuple[int | str, ...]) -> str:
    field = loc[-1]
    parent = loc[:-1]
    if not parent:
        return f"the deck is missing `{field}`"
    if parent[-1] == "src":
        return f"`src` is missing `{field}`"
    if len(parent) == 2 and parent[0] == "cards":
        return f"this card is missing `{field}`"
    return f"missing `{field}`"


def describe_error(
    detail: ErrorDetails,
    raw_loc: tuple[int | str, ...],
    locator: Locator,
    values: Mapping[str, Any],
) -> RawProblem | None:
    """Locate and phrase one pydantic error; None when it repeats a parse problem."""
    kind = detail["type"]
    loc = strip_card_type(raw_loc)
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    given = detail.get("input")
    target = locator.find(loc)
    at = locator.value_offset(target)
    name = _name(loc)

    if kind == "missing":
        return RawProblem(target.container.start, _missing(loc))
    if kind == "extra_forbidden":
        return RawProblem(
            target.key_start if target.key_start is not None else at,
            _unknown_field(str(loc[-1]), loc, values),
        )
    if kind == "union_tag_invalid":
        type_target = locator.find((*loc, "type"))
        card = _card_of(values, loc) or {}
        written = card.get("type")
        message = (
            f"this card's `type` is empty; use one of: {_TYPES}"
            if written is None
            else f"unknown card type `{written}`; use one of: {_TYPES}"
        )
        return RawProblem(locator.value_offset(type_target), message)
    if kind == "union_tag_not_found":
        return RawProblem(at, f"this card has no `type`; add `type:` with one of: {_TYPES}")
    if kind in ("model_attributes_type", "model_type", "dict_type"):
        if len(loc) == 2 and loc[0] == "cards":
            return RawProblem(at, "each card must be a mapping of fields, starting `- id: ...`")
        return RawProblem(
            at, f"{name} must be a mapping like `{{anchor: ...}}`, not {_kind(given)}"
        )
    if kind == "string_type":
        if given is None:
            return RawProblem(at, f"{name} is empty")
        if (
            isinstance(given, dict)
            and target.node is not None
            and locator.starts_with(target.node, "{{")
        ):
            return None  # the parser already said to quote the cloze text
        if isinstance(given, bool | int | float):
            return RawProblem(at, f"{name} must be text, not {_kind(given)}; put it in quotes")
        return RawProblem(at, f"{name} must be text, not {_kind(given)}")
    if kind == "list_type":
        if loc == ("cards",) and given is None:
            return RawProblem(at, "`cards` is empty; list cards as `- id: ...` items or write `[]`")
        if loc == ("cards",):
            return RawProblem(
                at, f"`cards` must be a list of `- id: ...` items, not {_kind(given)}"
            )
        return RawProblem(at, f"{name} must be a list like `[a, b]`, not {_kind(given)}")
    if kind == "bool_type":
        return RawProblem(at, f"{name} must be `true` or `false`, not {_kind(given)}")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return RawProblem(at, f"{name} must be a whole number, not {_kind(given)}")
    if kind == "literal_error":
        if loc == ("lang",):
            return RawProblem(at, f"`lang` must be one of: {', '.join(LANGS)}")
        return RawProblem(at, f"{name} must be one of: {ctx.get('expected')}")
    if kind == "string_too_long":
        limit = int(ctx.get("max_length", MAX_TEXT_CHARS))
        return RawProblem(at, f"{name} is longer than {limit:,} characters")
    if kind == "too_short" and loc[-1:] == ("choices",):
        return RawProblem(at, "a choice card needs at least 2 choices")
    if kind == "too_long" and loc[-1:] == ("choices",):
        node = target.node
        first_extra = (node.items[MAX_CHOICES].start
                       if isinstance(node, SeqNode) and len(node.items) > MAX_CHOICES else at)
        return RawProblem(
            first_extra,
            f"a choice card offers at most {MAX_CHOICES} choices (one button each); "
            "drop some or split the card",
        )
    if kind == "blank":
        return RawProblem(at, f"{name} is empty")
    if kind == "duplicate_choice":
        choices = locator.find(_field_loc(loc, "choices"))
        node = choices.node
        index = int(ctx.get("index", 0))
        if isinstance(node, SeqNode) and index < len(node.items):
            return RawProblem(node.items[index].start, detail["msg"])
        return RawProblem(locator.value_offset(choices), detail["msg"])
    if kind == "answer_not_in_choices":
        answer = locator.find(_field_loc(loc, "answer"))
        return RawProblem(locator.value_offset(answer), str(detail["msg"]))
    if kind == "cloze":
        text = locator.find(_field_loc(loc, "text"))
        card = _card_of(values, loc) or {}
        value = card.get("text")
        if text.node is not None and isinstance(value, str):
            offset = locator.offset_in_string(text.node, value, int(ctx.get("offset", 0)))
            return RawProblem(offset, detail["msg"])
        return RawProblem(locator.value_offset(text), detail["msg"])
    return RawProblem(
        at,
        f"{name} {detail['msg']}"
        if kind in ("bad_id", "bad_lines")
        else f"{name}: {detail['msg']}",
    )

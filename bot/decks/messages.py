"""Turn pydantic's generic validation errors into short, actionable deck messages.

Pydantic says "Input should be a valid string"; a maintainer needs "`front` must be
text, not a number; put the value in quotes" at the value's line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

from bot.decks.errors import Phrase
from bot.decks.limits import MAX_CHOICES, MAX_ID_CHARS, MAX_TEXT_CHARS
from bot.decks.locate import Locator, strip_card_type
from bot.decks.model import (
    CARD_FIELDS,
    CARD_TYPES,
    DECK_FIELDS,
    LANGS,
    SCHEDULERS,
    SRC_FIELDS,
)
from bot.decks.yamltree import RawProblem, SeqNode

_TYPES = ", ".join(CARD_TYPES)


def _kind(value: object) -> Phrase:
    if value is None:
        return Phrase.of("deck_file.kind.empty")
    if isinstance(value, bool):
        return Phrase.of("deck_file.kind.literal", value=str(value).lower())
    if isinstance(value, int | float):
        return Phrase.of("deck_file.kind.number")
    if isinstance(value, str):
        return Phrase.of("deck_file.kind.text")
    if isinstance(value, list):
        return Phrase.of("deck_file.kind.list")
    if isinstance(value, dict):
        return Phrase.of("deck_file.kind.mapping")
    return Phrase.of("deck_file.kind.other", value=type(value).__name__)


def _name(loc: tuple[int | str, ...]) -> Phrase:
    """`front`, or `choices` item 2 for list elements."""
    names = [step for step in loc if isinstance(step, str)]
    field = names[-1] if names else "value"
    if loc and isinstance(loc[-1], int) and len(loc) >= 2 and names:
        return Phrase.of("deck_file.field_item", field=field, n=loc[-1] + 1)
    return Phrase.of("deck_file.field", field=field)


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


def _listed(names: Any) -> str:
    return ", ".join(f"`{name}`" for name in sorted(names))


def _unknown_field(key: str, loc: tuple[int | str, ...], values: Mapping[str, Any]) -> Phrase:
    if key == "<<":
        return Phrase.of("deck_file.merge_key")
    parent = loc[:-1]
    if parent and parent[-1] == "src":
        fields, where = SRC_FIELDS, Phrase.of("deck_file.where.src")
    elif len(parent) == 2 and parent[0] == "cards":
        card = _card_of(values, parent) or {}
        card_type = card.get("type")
        fields = (
            CARD_FIELDS.get(card_type, frozenset()) if isinstance(card_type, str) else frozenset()
        )
        where = Phrase.of("deck_file.where.card", type=str(card_type))
        owners = [t for t, names in CARD_FIELDS.items() if key in names]
        if owners:
            return Phrase.of("deck_file.field_elsewhere", key=key, type=str(card_type),
                             owners="/".join(owners), allowed=_listed(fields - {"id", "type"}))
    else:
        fields, where = DECK_FIELDS, Phrase.of("deck_file.where.deck")
    guess = difflib.get_close_matches(key, sorted(fields), n=1, cutoff=0.6)
    if guess:
        return Phrase.of("deck_file.unknown_field_guess", key=key, guess=guess[0])
    return Phrase.of("deck_file.unknown_field", key=key, where=where, fields=_listed(fields))


def _missing(loc: tuple[int | str, ...]) -> Phrase:
    field = loc[-1]
    parent = loc[:-1]
    if not parent:
        return Phrase.of("deck_file.deck_missing", field=field)
    if parent[-1] == "src":
        return Phrase.of("deck_file.src_missing", field=field)
    if len(parent) == 2 and parent[0] == "cards":
        return Phrase.of("deck_file.card_missing", field=field)
    return Phrase.of("deck_file.missing", field=field)


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
        said = (
            Phrase.of("deck_file.type_empty", types=_TYPES)
            if written is None
            else Phrase.of("deck_file.unknown_type", type=written, types=_TYPES)
        )
        return RawProblem(locator.value_offset(type_target), said)
    if kind == "union_tag_not_found":
        return RawProblem(at, Phrase.of("deck_file.no_type", types=_TYPES))
    if kind in ("model_attributes_type", "model_type", "dict_type"):
        if len(loc) == 2 and loc[0] == "cards":
            return RawProblem(at, Phrase.of("deck_file.card_not_mapping"))
        return RawProblem(at, Phrase.of("deck_file.not_mapping", name=name, kind=_kind(given)))
    if kind == "string_type":
        if given is None:
            return RawProblem(at, Phrase.of("deck_file.empty", name=name))
        if (
            isinstance(given, dict)
            and target.node is not None
            and locator.starts_with(target.node, "{{")
        ):
            return None  # the parser already said to quote the cloze text
        if isinstance(given, bool | int | float):
            return RawProblem(at, Phrase.of("deck_file.not_text_quote", name=name,
                                            kind=_kind(given)))
        return RawProblem(at, Phrase.of("deck_file.not_text", name=name, kind=_kind(given)))
    if kind == "list_type":
        if loc == ("cards",) and given is None:
            return RawProblem(at, Phrase.of("deck_file.cards_empty"))
        if loc == ("cards",):
            return RawProblem(at, Phrase.of("deck_file.cards_not_list", kind=_kind(given)))
        return RawProblem(at, Phrase.of("deck_file.not_list", name=name, kind=_kind(given)))
    if kind == "bool_type":
        return RawProblem(at, Phrase.of("deck_file.not_bool", name=name, kind=_kind(given)))
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return RawProblem(at, Phrase.of("deck_file.not_whole_number", name=name,
                                        kind=_kind(given)))
    if kind == "literal_error":
        if loc == ("lang",):
            return RawProblem(at, Phrase.of("deck_file.bad_lang", langs=", ".join(LANGS)))
        if loc == ("scheduler",):
            return RawProblem(
                at, Phrase.of("deck_file.bad_scheduler", schedulers=", ".join(SCHEDULERS))
            )
        return RawProblem(at, Phrase.of("deck_file.not_one_of", name=name,
                                        expected=str(ctx.get("expected"))))
    if kind == "string_too_long":
        limit = int(ctx.get("max_length", MAX_TEXT_CHARS))
        return RawProblem(at, Phrase.of("deck_file.too_long", name=name, limit=limit))
    if kind == "too_short" and loc[-1:] == ("choices",):
        return RawProblem(at, Phrase.of("deck_file.too_few_choices"))
    if kind == "too_long" and loc[-1:] == ("choices",):
        node = target.node
        first_extra = (node.items[MAX_CHOICES].start
                       if isinstance(node, SeqNode) and len(node.items) > MAX_CHOICES else at)
        return RawProblem(first_extra, Phrase.of("deck_file.too_many_choices", limit=MAX_CHOICES))
    if kind == "blank":
        return RawProblem(at, Phrase.of("deck_file.empty", name=name))
    if kind == "duplicate_choice":
        choices = locator.find(_field_loc(loc, "choices"))
        node = choices.node
        index = int(ctx.get("index", 0))
        said = Phrase.of("deck_file.duplicate_choice", choice=str(ctx.get("choice")))
        if isinstance(node, SeqNode) and index < len(node.items):
            return RawProblem(node.items[index].start, said)
        return RawProblem(locator.value_offset(choices), said)
    if kind == "answer_not_in_choices":
        answer = locator.find(_field_loc(loc, "answer"))
        said = Phrase.of("deck_file.answer_not_a_choice", answer=str(ctx.get("answer")))
        return RawProblem(locator.value_offset(answer), said)
    if kind == "cloze":
        text = locator.find(_field_loc(loc, "text"))
        card = _card_of(values, loc) or {}
        value = card.get("text")
        phrase = ctx.get("phrase")
        said = phrase if isinstance(phrase, Phrase) else Phrase.of(
            "deck_file.other", name=name, detail=detail["msg"])
        if text.node is not None and isinstance(value, str):
            offset = locator.offset_in_string(text.node, value, int(ctx.get("offset", 0)))
            return RawProblem(offset, said)
        return RawProblem(locator.value_offset(text), said)
    if kind == "control_character":
        return RawProblem(at, Phrase.of("deck_file.control_character", name=name,
                                        code=int(ctx.get("code", 0))))
    if kind == "bad_id":
        return RawProblem(at, Phrase.of("deck_file.bad_id", name=name,
                                        limit=int(ctx.get("limit", MAX_ID_CHARS))))
    if kind == "bad_lines":
        return RawProblem(at, Phrase.of("deck_file.bad_lines", name=name))
    return RawProblem(at, Phrase.of("deck_file.other", name=name, detail=detail["msg"]))

"""Numbered processes: a card per step and a card for the order."""

from __future__ import annotations

import hashlib

from bot.decks.generator import questions
from bot.decks.generator.extract.context import Ctx
from bot.decks.generator.extract.definitions import colon_definition
from bot.decks.generator.markdown import ListBlock
from bot.decks.generator.sentences import normalise


def _defines(desc: str) -> bool:
    """A step described by what it *is* ("…기록한 파일이다") reads best as "X란?"."""
    first = desc.split(". ")[0].rstrip(".")
    return first.endswith(("이다", "입니다", "것", "불변한다")) or bool(
        first and first.split()[-1].endswith(("이며", "이고"))
    )


def extract(ctx: Ctx, block: ListBlock, title: str) -> bool:
    """Returns False when the list is not a process (fewer than two steps)."""
    items = [(normalise(p.text), p.span()) for p in block.items if normalise(p.text)]
    if len(items) < 2:
        return False
    labelled = [colon_definition(text) for text, _ in items]
    first = items[0][1][0]
    last = items[-1][1][1]
    if all(labelled):
        labels: list[str] = []
        for (_, span), pair in zip(items, labelled, strict=True):
            assert pair is not None
            label, desc = pair
            labels.append(label)
            if ctx.lang == "ko" and _defines(desc):
                front = questions.definition(label, ctx.lang)
            else:
                front = questions.step_by_label(title, label, ctx.lang)
            ctx.basic("step", label, span, front, desc)
        deletions = " → ".join(f"{{{{c{n}::{label}}}}}" for n, label in enumerate(labels, 1))
        ctx.cloze("order", "", (first, last), f"{questions.order_heading(title, ctx.lang)} "
                  f"{deletions}")
        return True
    steps: list[str] = []
    for number, (text, span) in enumerate(items, 1):
        steps.append(text.rstrip("."))
        ctx.basic("step", str(number), span, questions.step_by_number(title, number, ctx.lang),
                  text)
    _order_choice(ctx, title, steps, (first, last))
    return True


def _sequence(steps: list[str]) -> str:
    return " → ".join(steps)


def _order_choice(ctx: Ctx, title: str, steps: list[str], lines: tuple[int, int]) -> None:
    """"Which is the right order?" with the true order and two others; the options are
    sorted by a hash so the right one is not always first, yet every run is the same."""
    right = _sequence(steps)
    wrong = [
        _sequence([*steps[1:], steps[0]]),
        _sequence(steps[::-1]),
        _sequence([steps[1], steps[0], *steps[2:]]),
    ]
    options = list(dict.fromkeys([right, *[w for w in wrong if w != right]]))[:3]
    if len(options) < 2:
        return
    options.sort(key=lambda o: hashlib.sha256(o.encode("utf-8")).hexdigest())
    ctx.choice("order", "", lines, questions.order_question(title, ctx.lang), options, right)

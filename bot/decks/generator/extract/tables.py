"""Comparison tables: a choice card for every row x column cell, the choices taken
from that row, the parenthesised explanation on the back."""

from __future__ import annotations

import re

from bot.decks.generator import questions
from bot.decks.generator.cards import normalise_key
from bot.decks.generator.extract.context import Ctx
from bot.decks.generator.markdown import Table

_PAREN = re.compile(r"\s*\(([^()]*)\)")


def _split_cell(cell: str) -> tuple[str, str]:
    explanation = "; ".join(p.strip() for p in _PAREN.findall(cell) if p.strip())
    main = _PAREN.sub("", cell).strip().strip("*_` ")
    return (main or cell.strip()), explanation


def extract(ctx: Ctx, table: Table, title: str) -> None:
    header = [h.strip().strip("*_` ") for h in table.header]
    if len(header) < 2:
        return
    for row, line in zip(table.rows, table.row_lines, strict=False):
        if len(row) < 2:
            continue
        label = row[0].strip().strip("*_` ")
        if not label:
            continue
        cells = [_split_cell(c) for c in row[1 : len(header)]]
        mains: list[str] = []
        for main, _ in cells:
            if main and normalise_key(main) not in {normalise_key(m) for m in mains}:
                mains.append(main)
        for column, (main, explanation) in zip(header[1:], cells, strict=False):
            if not main or not column or not normalise_key(main):
                continue
            front = questions.table_cell(title, label, column, ctx.lang)
            key = f"{label}/{column}"
            if len(header) > 2 and len(mains) >= 2:
                ctx.choice("table", key, (line, line), front, mains, main, explanation)
            else:
                back = f"{main} ({explanation})" if explanation else main
                ctx.basic("table", key, (line, line), front, back)

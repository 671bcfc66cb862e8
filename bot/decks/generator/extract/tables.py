"""Comparison tables: a choice card for every row x column cell, the choices taken
from that row, the parenthesised explanation on the back."""

from __future__ import annotations

import re

from bot.decks.generator import questions
from bot.decks.generator.cards import normalise_key
from bot.decks.generator.extract.context import Ctx
from bot.decks.generator.markdown import Table

_PAREN = re.compile(r"\s*\(([^()]*)\)")


_ASIDE = re.compile(r"\s+\(([^()]*)\)")


def _split_cell(cell: str) -> tuple[str, str]:
    """"높음 (유연하며 …)" -> ("높음", "유연하며 …"); "O(1)" and "TP / (TP + FP)" stay whole:
    only an aside after a space, leaving a value that does not end in an operator."""
    cell = cell.strip().strip("*_` ")
    asides = [p.strip() for p in _ASIDE.findall(cell) if p.strip()]
    main = _ASIDE.sub("", cell).strip()
    if not asides or not main or (not main[-1].isalnum() and main[-1] not in ")]%"):
        return cell, ""
    return main, "; ".join(asides)


_ROW_LABEL_HEADERS = frozenset(
    {"", "구분", "항목", "비교", "기준", "비교 항목", "특성", "aspect", "feature", "features",
     "criteria", "criterion", "category", "property", "attribute", "comparison", "-"}
)


def _row_wise(header: list[str]) -> bool:
    """Whether the columns are the things compared (구분 | IaaS | PaaS), so a row's
    cells are alternatives of one another; otherwise each row is a thing and a
    column's cells are the alternatives (알고리즘 | 선점 여부 | 특징)."""
    return header[0].strip().lower() in _ROW_LABEL_HEADERS


def _distinct(values: list[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        if value and normalise_key(value) and normalise_key(value) not in {
            normalise_key(v) for v in out
        }:
            out.append(value)
    return out


def extract(ctx: Ctx, table: Table, title: str) -> None:
    header = [h.strip().strip("*_` ") for h in table.header]
    if len(header) < 2:
        return
    width = len(header)
    grid = [[_split_cell(c) for c in row[1:width]] for row in table.rows]
    by_row = _row_wise(header)
    for r, (row, line) in enumerate(zip(table.rows, table.row_lines, strict=False)):
        if len(row) < 2:
            continue
        label = row[0].strip().strip("*_` ")
        if not label:
            continue
        for c, (column, (main, explanation)) in enumerate(zip(header[1:], grid[r], strict=False)):
            if not main or not column or not normalise_key(main):
                continue
            front = questions.table_cell(title, label, column, ctx.lang)
            key = f"{label}/{column}"
            if by_row:
                choices = _distinct([m for m, _ in grid[r]])
            else:
                choices = _distinct([g[c][0] for g in grid if c < len(g)])
            if len(choices) >= 2 and len(choices) <= 6 and all(len(x) <= 60 for x in choices):
                ctx.choice("table", key, (line, line), front, choices, main, explanation)
            else:
                back = f"{main} ({explanation})" if explanation else main
                ctx.basic("table", key, (line, line), front, back)

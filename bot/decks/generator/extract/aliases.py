"""Aliases in parentheses: "IaaS(Infrastructure-as-a-Service)", "컨테이너(container)"."""

from __future__ import annotations

import re

from bot.decks.generator import questions
from bot.decks.generator.extract.context import Ctx
from bot.decks.generator.korean import hangul_ratio


def is_expansion(term: str, alias: str) -> bool:
    """Whether `alias` spells out the acronym `term` (DNS = Domain Name System)."""
    letters = re.sub(r"[^A-Za-z]", "", term)
    if len(letters) < 2 or sum(c.isupper() for c in letters) < 2:
        return False
    parts = [p for p in re.split(r"[\s,\-/]+", alias) if p and p[0].isalpha()]
    initials = "".join(p[0] for p in parts)
    if initials.lower() == letters.lower():
        return True
    capitals = "".join(p[0] for p in parts if p[0].isupper())
    if capitals.lower() == letters.lower():
        return True
    # REST = REpresentational State Transfer: every word's initial, in order, in the acronym.
    rest = letters.lower()
    if not initials or initials[0].lower() != rest[0]:
        return False
    position = 0
    for initial in initials.lower():
        position = rest.find(initial, position)
        if position < 0:
            return False
        position += 1
    return len(parts) >= 2


def _is_acronym(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text)
    return 2 <= len(letters) <= 8 and " " not in text.strip() and (
        sum(c.isupper() for c in letters) >= max(2, len(letters) - 2)
    )


def extract(ctx: Ctx, term: str, alias: str, lines: tuple[int, int]) -> None:
    term, alias = term.strip(), alias.strip()
    if not term or not alias or term == alias or len(alias) > 80:
        return
    if is_expansion(term, alias):
        ctx.basic("alias", term, lines, questions.stands_for(term, ctx.lang), alias)
        return
    if _is_acronym(alias) and not _is_acronym(term):
        if hangul_ratio(term) > 0.5:
            # "이진 탐색 트리(BST)": the acronym spells the English name, not the Korean one.
            ctx.basic("alias", term, lines, questions.acronym_of(term, ctx.lang), alias)
        else:
            # "Cross-site scripting (XSS)": ask what the short form stands for.
            ctx.basic("alias", alias, lines, questions.stands_for(alias, ctx.lang), term)
        return
    term_korean = hangul_ratio(term) > 0.5
    alias_korean = hangul_ratio(alias) > 0.5
    if term_korean == alias_korean:
        if ctx.lang == "en" or not term_korean:
            ctx.basic("alias", term, lines, questions.same_script_name(term, ctx.lang), alias)
        return
    ctx.basic("alias", term, lines, questions.other_name(term, not alias_korean, ctx.lang), alias)

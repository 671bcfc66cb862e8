"""Note text -> generated cards: parse, find sibling terms, run the rules, and drop
every card that breaks one of the generator's promises (no markup, no empty or
self-revealing answer, no question asked twice)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from bot.decks.generator.cards import GeneratedCard, normalise_key, problems, question_key
from bot.decks.generator.extract import Ctx, run_section
from bot.decks.generator.korean import hangul_ratio
from bot.decks.generator.markdown import Para, Section, parse_note
from bot.decks.generator.terms import heading_members, heading_term


def detect_lang(text: str) -> str:
    return "ko" if hangul_ratio(text) >= 0.2 else "en"


def _families(sections: list[Section]) -> dict[int, list[str]]:
    """Sibling terms per section index, used as the choices of "which concept" cards.

    Three sources, strongest first: an empty group heading naming its members
    ("IaaS와 PaaS와 SaaS" followed by # IaaS, # PaaS, # SaaS), headings under the same
    parent, and neighbouring headings sharing a last word (전통적/가상화 배포방식).
    """
    terms = {i: heading_term(s.title) for i, s in enumerate(sections)}
    family: dict[int, list[str]] = {}
    for i, section in enumerate(sections):
        if section.blocks:
            continue
        members = heading_members(section.title)
        if not members:
            continue
        group: list[int] = []
        for j in range(i + 1, len(sections)):
            other = sections[j]
            if other.level < section.level:
                break
            found = terms[j]
            title = re.sub(r"\([^()]*\)", "", other.title).strip()
            if found and any(title.startswith(re.sub(r"\([^()]*\)", "", m).strip())
                             for m in members):
                group.append(j)
            elif other.level == section.level:
                break
        names = [t[0] for j in group if (t := terms[j])]
        if len(names) >= 2:
            for j in group:
                family[j] = names
    by_parent: dict[tuple[tuple[str, ...], int], list[int]] = {}
    for i, section in enumerate(sections):
        if terms[i] and section.level > 1:
            by_parent.setdefault((section.path[:-1], section.level), []).append(i)
    for members_idx in by_parent.values():
        names = [t[0] for j in members_idx if (t := terms[j])]
        if 2 <= len(names) <= 6:
            for j in members_idx:
                family.setdefault(j, names)
    by_last_word: dict[tuple[int, str], list[int]] = {}
    for i, section in enumerate(sections):
        found = terms[i]
        if found and " " in found[0]:
            by_last_word.setdefault((section.level, found[0].split()[-1]), []).append(i)
    for members_idx in by_last_word.values():
        names = [t[0] for j in members_idx if (t := terms[j])]
        if 2 <= len(names) <= 6:
            for j in members_idx:
                family.setdefault(j, names)
    return family


def _as_written(term: str, section: Section) -> str:
    """A title-cased heading ("Indexes") is asked the way the body writes it
    ("indexes"), while names the body capitalises ("Docker") stay as they are."""
    lowered = term.lower()
    if term == lowered or term.isupper() or any(c.isupper() for c in term[1:]):
        return term
    for block in section.blocks:
        if isinstance(block, Para) and re.search(rf"\b{re.escape(lowered)}\b", block.text):
            return lowered
    return term


def finalize(cards: Iterable[GeneratedCard]) -> list[GeneratedCard]:
    """Keep only cards that keep every promise; the first of two equal questions wins."""
    kept: list[GeneratedCard] = []
    seen: set[str] = set()
    for card in cards:
        if problems(card):
            continue
        key = question_key(card)
        if key in seen:
            continue
        seen.add(key)
        kept.append(card)
    return kept


def generate_cards(note_text: str, note_name: str = "", lang: str | None = None
                   ) -> list[GeneratedCard]:
    """All cards for a note, in note order.  `note_name` is only used for messages."""
    del note_name
    language = lang or detect_lang(note_text)
    sections = parse_note(note_text)
    families = _families(sections)
    cards: list[GeneratedCard] = []
    known: set[str] = set()
    anchors: set[str] = set()
    glossary = list(dict.fromkeys(t[0] for s in sections if (t := heading_term(s.title))))
    glossary_index = set(glossary)
    for i, section in enumerate(sections):
        if not section.blocks:
            continue
        found = heading_term(section.title) if section.title else None
        term = found[0] if found else None
        if term and language == "en":
            term = _as_written(term, section)
        ctx = Ctx(section=section, lang=language, term=term,
                  alias=found[1] if found else None, family=families.get(i, []), cards=cards,
                  anchors=anchors, known=known, glossary=glossary,
                  glossary_index=glossary_index)
        run_section(ctx)
    return finalize(as_typed(cards))


_TYPED_RULES = ("reverse", "alias")


def as_typed(cards: list[GeneratedCard]) -> list[GeneratedCard]:
    """Cards whose answer is a name (a term asked back from its meaning, an acronym's
    expansion) are typed in, accepting the other names the note gives for it
    ("온프레미스" or "on-premise")."""
    names: dict[str, set[str]] = {}
    for card in cards:
        if card.rule == "alias" and "#alias:" in card.anchor:
            term = card.anchor.split("#alias:", 1)[1].split("~", 1)[0]
            for name in (term, card.back):
                names.setdefault(normalise_key(name), set()).update({term, card.back})
    out: list[GeneratedCard] = []
    for card in cards:
        if card.type != "basic" or card.rule not in _TYPED_RULES or len(card.back) > 60:
            out.append(card)
            continue
        others: tuple[str, ...] = ()
        if card.rule == "reverse":  # any name of the term is right; an alias card wants one
            asked = normalise_key(card.front)
            others = tuple(sorted(n for n in names.get(normalise_key(card.back), set())
                                  if normalise_key(n) != normalise_key(card.back)
                                  and normalise_key(n) not in asked))  # never give it away
        out.append(dataclasses.replace(card, type="typed", accept=others))
    return out

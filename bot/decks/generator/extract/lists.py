"""Lists that are not processes: "발생 조건 4가지" followed by four short items is
one card asking for the whole enumeration, not four step cards."""

from __future__ import annotations

import re

from bot.decks.generator.extract.definitions import colon_definition
from bot.decks.generator.markdown import ListBlock
from bot.decks.generator.sentences import normalise

_VERB_END = re.compile(r"(?:다|요|음|함|됨|임|니다|는다|한다)[.!]?$|[.!?]$")
_PROCESS_CUE = re.compile(
    r"순서|과정|단계|절차|흐름|방법|진행|동작|처리|process|steps?|order|flow|procedure|how|"
    r"lifecycle|pipeline|workflow|sequence",
    re.I,
)


def is_fragment(text: str) -> bool:
    """A short noun phrase, not a sentence: "상호 배제", "simple to enable"."""
    words = text.split()
    return 0 < len(words) <= 5 and not _VERB_END.search(text.strip())


def intro_label(sentence: str) -> str | None:
    """The text introducing a list: "발생 조건 4가지", "Common causes:"."""
    text = sentence.strip()
    if text.endswith((":", "：")):
        return text.rstrip(":： ").strip() or None
    return text if is_fragment(text) and len(text.split()) <= 6 else None


def items(block: ListBlock) -> list[str]:
    return [normalise(p.text) for p in block.items if normalise(p.text)]


def is_enumeration(block: ListBlock) -> bool:
    texts = items(block)
    return len(texts) >= 2 and all(is_fragment(t) and colon_definition(t) is None for t in texts)


def is_process(block: ListBlock, intro: str | None, title: str) -> bool:
    """Numbered items are steps when they are labelled or read as actions, or when the
    heading or introduction says they are steps; otherwise they are an enumeration."""
    if not block.ordered:
        return False
    if not is_enumeration(block):
        return True
    return bool(_PROCESS_CUE.search(intro or "") or _PROCESS_CUE.search(title))

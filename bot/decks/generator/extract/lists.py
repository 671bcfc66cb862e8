"""Lists that are not processes: "발생 조건 4가지" followed by four short items is
one card asking for the whole enumeration, not four step cards."""

from __future__ import annotations

import re

from bot.decks.generator.extract.definitions import colon_definition
from bot.decks.generator.markdown import ListBlock, Para
from bot.decks.generator.sentences import normalise

_VERB_END = re.compile(r"(?:다|요|음|함|됨|임|니다|는다|한다)[.!]?$|[.!?]$")
_PROCESS_CUE = re.compile(
    r"순서|과정|단계|절차|흐름|진행|그 후|그 다음|이후|\bprocess|\bsteps?\b|\border\b|"
    r"\bflow\b|procedure|lifecycle|pipeline|workflow|sequence|\bthen\b",
    re.I,
)


_KINDS_CUE = re.compile(
    r"특징|종류|유형|장점|단점|원칙|구성|요소|특성|\btypes?\b|\bkinds?\b|\bfeatures?\b|"
    r"principles?|components?|properties|characteristics",
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


def relabel(para: Para) -> Para:
    """"Stateless\n작업을 위한 …" (a short title line, then its description) reads as
    "Stateless: 작업을 위한 …", so the title becomes the label."""
    cut = para.text.find("\n")
    if cut <= 0:
        return para
    head, rest = para.text[:cut].strip(), para.text[cut + 1 :].strip()
    if not rest or not is_fragment(head) or head.endswith((":", "：")) or ":" in head:
        return para
    lines = [*para.lines[:cut], para.lines[cut], *para.lines[cut:]]
    return Para(para.text[:cut] + ": " + para.text[cut + 1 :], lines)


def is_process(block: ListBlock, context: str) -> bool:
    """Numbered items are steps when the text around them says so ("절차", "in order",
    "과정"), or when they read as actions; labelled items ("Stateless: …") and short
    noun phrases without such a cue are features or an enumeration, not steps."""
    if not block.ordered:
        return False
    if _PROCESS_CUE.search(context):
        return True
    if _KINDS_CUE.search(context):
        return False
    return not is_enumeration(block)

"""Note text -> generated cards: read the note as a tree, recognise its knowledge
units, word each through a template, and drop every card that breaks one of the
generator's promises (no markup, no empty or self-revealing answer, no question
asked twice)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bot.decks.generator.cards import GeneratedCard, problems, question_key
from bot.decks.generator.korean import hangul_ratio
from bot.decks.generator.notetree import parse_note
from bot.decks.generator.templates import cards_for
from bot.decks.generator.units.reader import read_units

# A word the note writes in lower case: a common noun, not a name.
_LOWER_WORD = re.compile(r"\b([a-z][a-z-]+)\b")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_NOT_PROSE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]*`|\]\([^)\s]*\)|https?://\S+|"
                        r"\b[\w-]+(?:\.[\w-]+)+/?\S*", re.S | re.M)
# A word the note capitalises after a lower-case word: a name ("… runs Docker on …").
# The name is taken in a lookahead, so the next match may start right after it; two
# lookbehinds tried at every character made this twice as slow on a 1 MB note.
_NAME_MID_SENTENCE = re.compile(r"[a-z],? (?=([A-Z][a-z]+)\b)")
#: A name the note also writes in the plural ("ReplicaSets", "ACLs"): one of many, so a
#: question says "a ReplicaSet".
#: (A capitalised word's plural mid-sentence is one of the names above.)
_PLURAL_NAME = re.compile(r"\b([A-Z][a-z]*[A-Z][A-Za-z]*[a-z]s|[A-Z]{2,}s)\b")


@dataclass(frozen=True)
class Generated:
    cards: list[GeneratedCard]
    title: str | None  # the note's front-matter title or its one H1


#: Units whose English question names their subject as a noun phrase, with its article.
_NAMES_SUBJECT = frozenset({"definition", "pros", "cons", "features", "example", "attribute"})
_NEARBY = 60  # lines either side of a unit searched for how the note writes its term
_ENDS_PHRASE = (r"(?=\s*[.,;:!?)\]]|\s*$|\s+(?:is|are|was|were|has|have|can|will|does|"
                r"that|which|and|or|of|in|on|for|to|with|from|by|as)\b)")


def article_in_text(term: str, text: str) -> str | None:
    """The article the note itself puts before a term most of the times it writes it
    ("a Dockerfile", "the Docker Host", "an ACL"), or None when it mostly writes the
    term bare ("Docker", "TCP") or never with one."""
    if not term or len(term) > 60 or not re.search(
            r"\b(?:an?|the)\s+" + re.escape(term.split()[0]), text, re.I):
        return None  # never written after an article: no need to count
    # Only where the term is a noun phrase of its own, not a modifier ("a CSRF token").
    found = re.findall(r"(?:\b(an?|the)\s+)?(?<![\w-])" + re.escape(term) + _ENDS_PHRASE,
                       text, re.I)
    with_article: list[str] = [str(a).lower() for a in found if a]
    if not with_article or len(with_article) * 2 < len(found):
        return None
    # The most frequent; a tie goes to the one the note writes first (a set's order
    # changes from one run to the next with Python's string hashing).
    chosen: str = max(dict.fromkeys(with_article), key=with_article.count)
    return chosen


_NEGATED_PROPERTY = re.compile(r"(?:doesn't|does not|don't|can't|cannot|won't|never|isn't)\s")


def _predicate(term: str, text: str) -> bool:
    """"**safe** = …" in a note that says "PUT is idempotent", "GET is safe": one word
    the note uses after "is", an adjective: asked what it means, not "What is a safe?"."""
    return bool(re.fullmatch(r"[A-Za-z][a-z-]{2,}", term)) and bool(re.search(
        r"\b(?:is|are|be|being|been|not|isn't|aren't)\s+(?:\w+ly\s+)?" + re.escape(term)
        + r"(?=\s*[.,;:!?)]|\s*$|\s+(?:by|when|if|and|or|but|because|so|as)\b)",
        text, re.I | re.M))


def _attributive(term: str, text: str, meaning: str) -> bool:
    """"**idempotent** = processing the same message twice has the same effect" in a
    note that writes "idempotent consumers": one lower-case word set before nouns and
    explained by what doing something is like, an adjective."""
    return bool(re.fullmatch(r"[a-z]{4,}", term)) \
        and not re.search(r"(?:ing|tion|sion|ment|ness|ity|er|or|ism)$", term) \
        and bool(re.match(r"[a-z]+ing\b", meaning)) \
        and bool(re.search(r"\b" + re.escape(term) + r" [a-z]+s\b", text))


def detect_lang(text: str) -> str:
    return "ko" if hangul_ratio(text) >= 0.2 else "en"


def finalize(cards: Iterable[GeneratedCard]) -> list[GeneratedCard]:
    """Keep only cards that keep every promise; the first of two equal questions wins;
    anchors made unique in note order (so a rerun finds the same card again)."""
    kept: list[GeneratedCard] = []
    seen: set[str] = set()
    anchors: set[str] = set()
    for card in cards:
        if problems(card):
            continue
        key = question_key(card)
        if key in seen:
            continue
        seen.add(key)
        anchor = card.anchor
        n = 2
        while anchor in anchors:
            anchor = f"{card.anchor}~{n}"
            n += 1
        anchors.add(anchor)
        kept.append(card if anchor == card.anchor else replace(card, anchor=anchor))
    return kept


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def _counted_titles(body: str) -> frozenset[str]:
    """Capitalised words the note also writes in the plural ("Deployments" beside
    "Deployment"): a kind of thing one has many of, asked "What is a Deployment?"."""
    words = frozenset(_TITLE_WORD.findall(body))
    return frozenset(w for w in words if w.endswith("s") and w[:-1] in words)


def generate(note_text: str, lang: str | None = None) -> Generated:
    language = lang or detect_lang(note_text)
    note = parse_note(note_text)
    # The words as sentences write them: front matter's tags, code and addresses
    # ("kubernetes", `kubectl get pods`, kubernetes.io) are not prose.
    body = _NOT_PROSE.sub(" ", _FRONT_MATTER.sub("", note_text, count=1))
    vocabulary = frozenset(_LOWER_WORD.findall(body)) | frozenset(
        _NAME_MID_SENTENCE.findall(body)) | frozenset(_PLURAL_NAME.findall(body)) \
        | _counted_titles(body) if language == "en" else frozenset()
    cards: list[GeneratedCard] = []
    lines = note_text.split("\n") if language == "en" else []
    for unit in read_units(note, language):
        if language == "en" and unit.kind in _NAMES_SUBJECT and unit.article is None:
            # The article is looked up near the unit: its own passage says how the note
            # writes the term, and a 1 MB note is not searched once per term.
            first, last = unit.lines
            nearby = "\n".join(lines[max(first - 1 - _NEARBY, 0):last + _NEARBY])
            article = article_in_text(unit.subject, nearby)
            if article is None and unit.kind == "definition" and (
                    _predicate(unit.subject, nearby) or (_NEGATED_PROPERTY.match(unit.answer)
                                                         and re.fullmatch(r"[a-z][a-z-]+",
                                                                          unit.subject))):
                article = "adjective"  # "**safe** = doesn't change server state"
            elif article is None and unit.kind == "definition" \
                    and _attributive(unit.subject, nearby, unit.answer):
                article = "adjective"  # "**idempotent** = processing it twice …"
            unit = replace(unit, article=article)
        cards.extend(cards_for(unit, language, vocabulary))
    return Generated(finalize(cards), note.title)


def generate_cards(note_text: str, note_name: str = "", lang: str | None = None
                   ) -> list[GeneratedCard]:
    """All cards for a note, in note order.  `note_name` is only used for messages."""
    del note_name
    return generate(note_text, lang).cards

"""Sentences no specific rule claimed: each still states a fact worth a card.

The card asks for the sentence's subject (a cloze on it), or, when the sentence
is about the section's term without naming it, "which concept is described".
"""

from __future__ import annotations

import re

from bot.decks.generator import questions
from bot.decks.generator.extract import aliases
from bot.decks.generator.extract.context import Ctx, short_hash
from bot.decks.generator.terms import (
    EN_VERBS,
    GENERIC_TERMS,
    Topic,
    find_subject_en,
    find_topic_ko,
    strip_connectives,
)

# Particles that may follow a term before the word ends, longest first.
_KO_PARTICLES = sorted(
    (
        "은", "는", "이", "가", "을", "를", "의", "에", "에서",
        "에게", "로", "으로", "와", "과", "도", "만", "이나", "나",
        "란", "이란", "이라", "라", "이다", "다", "부터", "까지", "보다",
        "처럼", "로부터", "으로부터", "이며", "며", "인", "이고", "고", "라는",
        "이라는", "에는", "에도", "으로는", "로는", "이라고", "라고", "들", "들은",
        "들이", "들을", "들의", "끼리", "끼리는", "끼리도", "에서는", "에서도", "에서의",
        "에게는", "으로서", "로서", "로써", "와는", "과는", "까지는", "부터는", "만큼", "보다는",
        "으로의", "로의", "에의", "이라는", "라는", "이라도", "라도",
    ),
    key=len,
    reverse=True,
)
_BOUNDARY = set(" \t.,;:!?)(/'\"’”[]-—~")
_CONTRAST = re.compile(r"지만|반면|다면 |는데 |\bwhereas\b|\bwhile\b|\bbut\b|\bunlike\b", re.I)
_KO_STATEMENT_END = re.compile(r"(?:다|요|음|함|됨|임|니다)[.!]?$")
_META = re.compile(r"^(?:see |참고|자세한|출처|source)", re.I)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _ends_word(text: str, end: int, lang: str) -> int | None:
    """Where the word that starts with a match ending at `end` ends, if the match is
    a whole word: followed by a boundary, by a Korean particle then a boundary, or
    (English) by a plural ending."""
    if end >= len(text) or text[end] in _BOUNDARY:
        return end
    if lang == "ko":
        for part in _KO_PARTICLES:
            stop = end + len(part)
            if text.startswith(part, end) and (stop >= len(text) or text[stop] in _BOUNDARY):
                return end
        return None
    for plural in ("es", "s"):
        stop = end + len(plural)
        if text.startswith(plural, end) and (stop >= len(text) or not _word_char(text[stop])):
            return stop
    return None


def find_term(sentence: str, term: str, lang: str) -> list[tuple[int, int]]:
    """Spans of whole-word occurrences of `term` (spaces inside the term optional,
    case-insensitive in English, an English plural included)."""
    squashed = term.replace(" ", "")
    if not squashed:
        return []
    hay = sentence if lang == "ko" else sentence.lower()
    needle = squashed if lang == "ko" else squashed.lower()
    singular = needle[:-2] if needle.endswith("es") and lang != "ko" else (
        needle[:-1] if needle.endswith("s") and lang != "ko" else "")
    # Map positions in the space-free text back to the sentence.
    index = [i for i, ch in enumerate(hay) if ch != " "]
    flat = "".join(hay[i] for i in index)
    spans: list[tuple[int, int]] = []
    for candidate in (needle, singular) if len(singular) > 2 else (needle,):
        start = flat.find(candidate)
        while start >= 0:
            first = index[start]
            last = index[start + len(candidate) - 1] + 1
            before = hay[first - 1] if first > 0 else " "
            stop = _ends_word(hay, last, lang) if not _word_char(before) else None
            if stop is not None and not any(a < stop and first < b for a, b in spans):
                spans.append((first, stop))
            start = flat.find(candidate, start + 1)
    return sorted(spans)


def cloze_all(sentence: str, term: str, lang: str) -> str | None:
    """Blank every whole-word occurrence of `term`; None when it also hides inside
    another word (the answer would show through)."""
    spans = find_term(sentence, term, lang)
    if not spans:
        return None
    pieces: list[str] = []
    cursor = 0
    for first, stop in spans:
        pieces.append(sentence[cursor:first])
        pieces.append("{{c1::" + sentence[first:stop] + "}}")
        cursor = stop
    pieces.append(sentence[cursor:])
    text = "".join(pieces)
    rest = "".join(sentence[a:b] for a, b in zip([0] + [s for _, s in spans],
                                                 [f for f, _ in spans] + [len(sentence)],
                                                 strict=True))
    if term.replace(" ", "").lower() in rest.replace(" ", "").lower():
        return None
    return text


def topic_of(sentence: str, lang: str) -> Topic | None:
    topic = find_topic_ko(sentence) if lang == "ko" else find_subject_en(sentence)
    if topic is None or topic.term in GENERIC_TERMS or len(topic.term) < 2:
        return None
    compound = r"(?:[가-힣)](?:와|과)\s)|\s(?:and|or|that|which|who|where)\s|,"
    if re.search(compound, topic.term + " "):
        return None
    return topic


def usable(sentence: str, lang: str = "ko") -> bool:
    """A statement worth asking: not a question, a label, a reference or a fragment."""
    text = sentence.strip()
    if len(text) < 8 or len(text) > 400 or text.endswith(("?", ":", "：")):
        return False
    if len(text.split()) < 4 and not _KO_STATEMENT_END.search(text):
        return False
    if lang == "en" and not _has_verb(re.sub(r"\([^()]*\)", "", text)):
        return False  # "canary releases (needs extra tooling)" is a fragment
    return not _META.match(text)


def _has_verb(text: str) -> bool:
    words = [w.strip(",.;:!?").lower() for w in text.split()]
    return any(w in EN_VERBS or (i > 0 and (w.endswith("ed") or w.endswith("s")) and len(w) > 3
                                 and not w.endswith("ss"))
               for i, w in enumerate(words))


def _opening_glossary_term(ctx: Ctx, sentence: str) -> str | None:
    """A term of the note that opens the sentence (with its particle), if any."""
    first = sentence.split(" ", 1)[0]
    known = ctx.glossary_index
    for end in range(len(first), 1, -1):  # longest prefix first
        term = first[:end]
        if term in known and find_term(first, term, ctx.lang):
            return term
    return None


def _glossary_cloze(ctx: Ctx, sentence: str, key: str, lines: tuple[int, int]) -> None:
    """Under a heading that names no term ("개요", "IaaS와 PaaS 비교"), a sentence is
    still asked when it names a term the note defines or heads a section with."""
    flat = sentence.replace(" ", "").lower()
    candidates = [t for t in ctx.glossary if len(t) >= 2 and t.replace(" ", "").lower() in flat]
    for term in sorted(candidates, key=len, reverse=True):
        text = cloze_all(sentence, term, ctx.lang)
        if text is not None:
            ctx.cloze("fact", key, lines, text)
            return


_BLANK = re.compile(r"\{\{c\d+::.*?\}\}", re.S)


def _aliases_of(ctx: Ctx, term: str) -> list[str]:
    """The other names the section gives `term` so far: the heading's ("컨테이너(container)")
    and those of the section's alias cards.  Only this section's cards are read (they
    are the last ones made): reading the whole note's for every sentence is quadratic."""
    names = [ctx.alias] if ctx.alias and term == ctx.term else []
    own = f"{ctx.section.anchor_path}#"
    for card in reversed(ctx.cards):
        if not card.anchor.startswith(own):
            break
        if card.rule == "alias" and "#alias:" in card.anchor:
            named = card.anchor.split("#alias:", 1)[1].split("~", 1)[0]
            if named == term:
                names.append(card.back)
    return [n for n in names if len(n.replace(" ", "")) >= 2]


def _blank(ctx: Ctx, sentence: str, term: str) -> str | None:
    """`cloze_all`, but a blank must not be undone by the term's other name standing
    next to it: "{{c1::컨테이너}}로 포장된 앱(containerized application)" shows the
    answer.  A parenthesis holding that name is left out; if the name shows anywhere
    else, the sentence cannot blank this term."""
    text = cloze_all(sentence, term, ctx.lang)
    names = [n.replace(" ", "").lower() for n in _aliases_of(ctx, term)]
    if text is None or not names:
        return text

    def shows(candidate: str) -> bool:
        visible = _BLANK.sub("", candidate).replace(" ", "").lower()
        return any(name in visible for name in names)

    if not shows(text):
        return text

    def drop(match: re.Match[str]) -> str:
        inside = match.group(1).replace(" ", "").lower()
        return "" if any(name in inside for name in names) else match.group(0)

    text = cloze_all(re.sub(r"\s*\(([^()]*)\)", drop, sentence), term, ctx.lang)
    return None if text is None or shows(text) else text


def extract(ctx: Ctx, sentence: str, lines: tuple[int, int],
            subject: str | None = None) -> None:
    if not usable(sentence, ctx.lang):
        return
    key = short_hash(sentence)
    sentence = strip_connectives(sentence, ctx.lang)
    about = subject or ctx.term
    topic = topic_of(sentence, ctx.lang) if subject is None else None
    if topic is not None and topic.alias:
        aliases.extract(ctx, topic.term, topic.alias, lines)
    if topic is not None and about is not None and about in topic.term and about != topic.term:
        about = None  # "도커 파일은 …" is about 도커 파일, not 도커
    # The sentence's own subject first, unless it contrasts it with the section's
    # term ("가상화 배포방식은 …했지만 컨테이너 배포방식은 …" under 컨테이너).
    if topic is not None and about is not None and not _CONTRAST.search(sentence):
        text = _blank(ctx, sentence, topic.term)
        if text is not None:
            ctx.cloze("fact", key, lines, text)
            return
    if about is not None:
        text = _blank(ctx, sentence, about)
        if text is not None:
            ctx.cloze("fact", key, lines, text)
            return
    if topic is not None:
        text = _blank(ctx, sentence, topic.term)
        if text is not None:
            ctx.cloze("fact", key, lines, text)
            if not ctx.term:
                ctx.topic = topic.term
            return
    about = subject or ctx.term
    if about is None:
        _glossary_cloze(ctx, sentence, key, lines)
        return
    # A sentence naming a sibling heading's term ("이미지로부터 여러 개의 컨테이너를 …"
    # under 도커, next to 컨테이너) is about that term more than about its own heading.
    for near in sorted(ctx.family if subject is None else [], key=len, reverse=True):
        if near == about or len(near) < 2:
            continue
        text = _blank(ctx, sentence, near)
        if text is not None:
            ctx.cloze("fact", key, lines, text)
            return
    opening = _opening_glossary_term(ctx, sentence)
    if opening is not None:
        text = _blank(ctx, sentence, opening)
        if text is not None:  # "정규화를 너무 많이 하면 …" is about 정규화
            ctx.cloze("fact", key, lines, text)
            return
    if ctx.lang == "ko" and about.replace(" ", "") in sentence.replace(" ", ""):
        # The term shows inside longer words ("도커파일", "도커이미지"): blank those words.
        text = cloze_words(sentence, about)
        if text is not None:
            ctx.cloze("fact", key, lines, text)
        return
    ctx.ask_term("fact", key, lines, questions.describe(sentence, ctx.lang), about)


def cloze_words(sentence: str, term: str) -> str | None:
    """Blank every word that contains `term` (its particle left visible), numbering
    distinct words c1, c2, … in order: "{{c1::도커파일}}에 작성하고 … {{c2::도커이미지}}가"."""
    spans: list[tuple[int, int]] = []
    start = sentence.find(term)
    while start >= 0:
        first = start
        while first > 0 and _word_char(sentence[first - 1]):
            first -= 1
        stop = start + len(term)
        while stop < len(sentence) and _word_char(sentence[stop]):
            stop += 1
        stripped = True
        while stripped:  # "브랜치에서는" -> "브랜치": particles can stack
            stripped = False
            word = sentence[first:stop]
            for part in _KO_PARTICLES:
                if word.endswith(part) and len(word) - len(part) >= len(term) + (first < start):
                    stop -= len(part)
                    stripped = True
                    break
        if not spans or spans[-1][1] <= first:
            spans.append((first, stop))
        start = sentence.find(term, stop)
    if not spans:
        return None
    numbers: dict[str, int] = {}
    pieces: list[str] = []
    cursor = 0
    for first, stop in spans:
        word = sentence[first:stop]
        number = numbers.setdefault(word, len(numbers) + 1)
        pieces.append(sentence[cursor:first] + f"{{{{c{number}::{word}}}}}")
        cursor = stop
    pieces.append(sentence[cursor:])
    gaps = zip([s for _, s in spans], [*[f for f, _ in spans[1:]], len(sentence)], strict=True)
    rest = sentence[: spans[0][0]] + "".join(sentence[a:b] for a, b in gaps)
    if term in rest:
        return None
    return "".join(pieces)

"""Sentence-level knowledge: definitions, examples, analogies, pros and cons
labels, "A와 B의 차이는 …", causes, acronyms spelt out.

Only sentences that say what something *is* (or name an example, an analogy, a
reason) become units; a sentence that merely states something about a topic is
left alone, because no template turns it into a card a learner can answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import bot.decks.generator.units.definitions as definitions
import bot.decks.generator.units.labels as labels
from bot.decks.generator.korean import hangul_ratio, is_hangul, particle
from bot.decks.generator.units.terms import (
    clean_term,
    is_generic,
    is_term_like,
    singular,
    split_alias,
)
from bot.decks.generator.units.topics import find_subject_en, find_topic_ko

_CAUSE_KO = re.compile(
    r"^(?P<effect>.+?)(?:는|은)\s+(?P<cause>.+?)\s*때문(?:이다|입니다|이에요|임)[.]?$")
_CAUSE_KO_REASON = re.compile(r"^(?P<effect>.+?)(?:하는|된|되는|한|인)\s*이유는\s+(?P<cause>.+?)"
                              r"(?:때문이다|때문입니다|이기 때문이다|이다|입니다)[.]?$")
_CAUSE_EN = re.compile(r"^(?P<effect>[A-Z][^,]{10,120}?)\s+because\s+(?P<cause>.{10,200}?)[.]?$")
_DIFF_KO = re.compile(
    r"^(?P<a>[^\s,]{1,30}?)(?:와|과)\s+(?P<b>[^\s,]{1,30}?)의\s+(?:가장\s+큰\s+|주된\s+|핵심\s+|주요\s+)?"
    r"차이(?:점)?(?:은|는)\s+(?P<d>.{8,})$"
)
_DIFF_EN = re.compile(
    r"^the\s+(?:main\s+|key\s+|biggest\s+)?difference\s+between\s+(?P<a>[^,]{1,40}?)\s+and\s+"
    r"(?P<b>[^,]{1,40}?)\s+is\s+(?:that\s+)?(?P<d>.{8,})$",
    re.I,
)
_FOLLOW_ON = re.compile(r"^(?:즉|다시 말해|다시 말하면|쉽게 말해|In other words|i\.e\.|That is|"
                        r"This means)\b",
                        re.I)


def is_expansion(term: str, alias: str) -> bool:
    """Whether `alias` spells out the acronym `term` (DNS = Domain Name System)."""
    letters = re.sub(r"[^A-Za-z]", "", term)
    if len(letters) < 2 or sum(c.isupper() for c in letters) < 2 or re.search("[가-힣]", term):
        return False  # "CPU 이용률" (CPU Utilization) is a translation, not an acronym
    if re.search(r"[a-z]{3}", letters):
        return False  # "Write-Back" (Write-Behind) is a word, not an acronym of another name
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


@dataclass(frozen=True)
class Found:
    kind: str  # definition | example | pros | cons | analogy | alias | difference | cause | label
    subject: str = ""
    answer: str = ""
    alias: str | None = None
    article: str | None = None
    items: tuple[str, ...] = ()
    confident: bool = True
    pending: bool = False  # a label whose values are in the list that follows ("장점:")
    label: str = ""


def _good_meaning(meaning: str) -> bool:
    text = meaning.strip()
    return len(text) >= 6 and bool(re.search(r"[A-Za-z가-힣]{2}", text))


def _spells_out(acronym: str, expansion: str) -> bool:
    """"SQLi" (SQL Injection), "HTTPS" (HTTP Secure): the long form repeats the acronym's
    own letters, so asking for it asks almost nothing."""
    shortest = re.sub(r"[^A-Za-z]", "", acronym)
    return not any(len(w) >= 2 and w.isupper() and shortest.startswith(w)
                   for w in re.findall(r"[A-Za-z]+", expansion))


def alias_of(term: str, alias: str) -> Found | None:
    """"CSRF(Cross-Site Request Forgery)" spells out an acronym: a card worth having.
    A translation ("원자성(Atomicity)") is a weaker one: a draft.  Anything else in
    parentheses ("(단계 2)", "(ex. RR)") is an aside, not a name."""
    term, alias = term.strip(), alias.strip()
    if not term or not alias or term == alias or len(alias) > 80:
        return None
    if re.search(r"\d", alias) and not re.search(r"[A-Za-z]{3}", alias):
        return None
    if re.match(r"^(?:ex|e\.g|eg|예|예시|참고|즉|cf|note)\b", alias, re.I):
        return None
    if is_expansion(term, alias) and _spells_out(term, alias):
        return Found("alias", term, alias, label="expansion")
    if is_expansion(alias, term) and _spells_out(alias, term):
        return Found("alias", alias, term, label="expansion")
    ko_term, ko_alias = hangul_ratio(term) > 0.5, hangul_ratio(alias) > 0.5
    # A one-word translation ("원자성(Atomicity)") is not worth a card of its own.
    del ko_term, ko_alias  # a translation ("운영체제(Operating System)") is not a card
    return None


_KO_IS_NAMED = re.compile(
    r"^(?P<m>.{8,}?(?:것|방법|방식|상태|현상|기법|과정|구조|개념|기술|프로토콜|알고리즘))이\s+"
    r"(?P<t>[^\s,]+?(?:\s[^\s,]+?){0,3}?)(?:이다|입니다|이에요|예요|다)[.]?$"
)
_EN_KNOWN_AS = re.compile(r"^(?:this|that|it|such a (?:state|situation))\s+is\s+(?:known as|called|"
                          r"referred to as|termed)\s+(?:an?\s+|the\s+)?(?P<t>[^,.]{2,40})[.]?$",
                          re.I)
_KO_KNOWN_AS = re.compile(r"^(?:이를|이것을|이러한\s?\S+을|이런\s?\S+을|이\s?\S+을)\s+"
                          r"(?P<t>[^\s,]+(?:\s[^\s,]+){0,2}?)(?:이라고|라고|이라|라)\s?"
                          r"(?:한다|합니다|부른다|부릅니다|함)[.]?$")


_VERBAL_STEMS = ("있", "없", "좋", "같", "되", "하", "않", "많", "적", "크", "작", "쉽", "어렵",
                 "빠르", "느리", "중요하", "필요하", "아니", "한", "된", "는", "던", "낸", "른",
                 "인",
                 "할", "될", "운", "은")


def named_by_previous(text: str) -> str | None:
    """"This is known as deadlock." / "이를 교착 상태라고 한다.": the sentences before it
    define the term it names."""
    match = _EN_KNOWN_AS.match(text) or _KO_KNOWN_AS.match(text)
    if not match:
        return None
    term = clean_term(match.group("t"))
    return term or None


_KO_IF_NAMED = re.compile(
    r"^(?P<m>.{20,}?(?:다면|으면|면))\s+(?P<t>[A-Za-z][\w/-]*(?:[ -][A-Za-z][\w/-]*){0,2}|"
    r"[가-힣]{2,8})(?:이다|입니다|이에요|예요|다)[.]?$")


def named_by_condition(text: str) -> str | None:
    """"호출된 함수가 바로 리턴하면 NonBlocking이다.": the condition before the name is
    its definition (the Korean way of saying "it is X when …")."""
    match = _KO_IF_NAMED.match(text.strip())
    if not match or match.group("t").endswith(("니", "겠", "했", "였", "었", "았")):
        return None  # "…되었으면 좋겠습니다": a wish, no name
    term = match.group("t")
    if term.endswith("이") and len(term) > 2 and is_hangul(term[-1]):
        term = term[:-1]
    return clean_term(term) or None


def definition(text: str, lang: str) -> Found | None:
    if lang == "ko":
        named = _KO_IS_NAMED.match(text)
        if named:
            term = clean_term(named.group("t"))
            meaning = named.group("m").strip()
            bare = term[:-1] if term.endswith("다") else term
            if bare.endswith("이") and len(bare) > 1 and (
                    not is_hangul(bare[-2]) or (ord(bare[-2]) - 0xAC00) % 28 != 0):
                bare = bare[:-1]  # "Deadlock avoidance이다": the copula, not the name
            if len(bare) >= 2 and not bare.endswith(_VERBAL_STEMS) \
                    and is_term_like(bare, lang) and _good_meaning(meaning) \
                    and find_topic_ko(meaning) is None:
                return Found("definition", bare, meaning)
    found = definitions.parse(text, lang)
    if found is None:
        return None
    term, alias = split_alias(found.term)
    term = clean_term(term)
    alias = found.alias or alias
    if not is_term_like(term, lang):
        return None
    if found.stands_for:
        return Found("alias", term, found.meaning, label="expansion")
    meaning = found.meaning.strip().rstrip(".")
    if not _good_meaning(meaning):
        return None
    return Found("definition", term, meaning, alias=alias, article=found.article)


_EXPLICIT_KO = re.compile(r"(?:을|를)\s?(?:말한다|의미한다|뜻한다|가리킨다|일컫는다|말합니다|"
                          r"의미합니다|뜻합니다|가리킵니다)[.]?$|"
                          r"(?:이라고|라고)\s?(?:한다|합니다|부른다|부릅니다)[.]?$|"
                          r"^\S.{0,40}?(?:이란|란|이라\s?함은|라\s?함은)\s")
_EXPLICIT_EN = re.compile(r"\b(?:is defined as|refers to|is called|is known as|stands for|"
                          r"means that|is a term for)\b", re.I)
_DEFINING_NOUN_KO = re.compile(
    r"(?:것|상태|방법|방식|기법|기술|구조|과정|개념|단위|공간|영역|프로그램|알고리즘|프로토콜|자료\s?구조|"
    r"시스템|서비스|모델|계층|집합|장치|도구|함수|명령|파일|현상|성질|속성|조건|기능|정책|규약|표준|"
    r"언어|형식|기억\s?장치|메모리|데이터베이스|작업|흐름|단계|공격|엔진|플랫폼|환경|인터페이스)$")
# "a program that …", and "Starvation is when a process never …": what a thing is.
_DEFINING_NOUN_EN = re.compile(r"^(?:a|an|the|one|when)\s", re.I)


def explicit_definition(text: str, lang: str) -> bool:
    """"…을 말한다", "X란 …", "X refers to …": the sentence says it is a definition."""
    return bool((_EXPLICIT_KO if lang == "ko" else _EXPLICIT_EN).search(text.strip()))


def defining_noun(meaning: str, lang: str) -> bool:
    """"…를 전달하는 장비", "a program that …": the meaning is a kind of thing."""
    text = meaning.strip().rstrip(".")
    if lang == "ko":
        return bool(_DEFINING_NOUN_KO.search(text))
    return bool(_DEFINING_NOUN_EN.match(text))


def colon_definition(text: str, lang: str) -> Found | None:
    """"도커파일 : 이미지를 만드는 설정 파일" — a term and its description."""
    pair = definitions.colon_definition(text)
    if pair is None:
        return None
    label, desc = pair
    term, alias = split_alias(label)
    term = clean_term(term)
    if definitions.is_attribute_label(term):
        return Found("label", label=term, answer=desc)
    if not is_term_like(term, lang, max_words=4) or not _good_meaning(desc):
        return None
    return Found("definition", term, desc.rstrip("."), alias=alias)


_OPENS_ELSEWHERE = re.compile(
    r"^(?:이|그|저|이것|그것|이는|이를|이런|그런|또한|하지만|그러나|그래서|따라서|반면|먼저|우선|"
    r"this|that|these|those|they|however|also|but|so|then|first|here|in this)\b", re.I)
_EN_IT = re.compile(r"^it\s+(?=(?:is|provides|allows|lets|makes|uses|keeps|stores|runs|"
                    r"creates|handles|manages|refers|means|describes|sends|checks)\b)", re.I)


_LEAD_IN = re.compile(r"(?:다음|아래)(?:과|와)\s*같(?:다|습니다|아요|음)[.:]?$|[:：]$|"
                      r"\b(?:as follows|the following)\b", re.I)


#: Names of a rule whose statement is its meaning: "Open/Closed Principle", "Amdahl's
#: law", "단일 책임 원칙", "CAP 정리".
_STATED_RULE = re.compile(r"(?:\b(?:principle|law|theorem|axiom|razor|maxim)|원칙|법칙|정리)$",
                          re.I)


#: Verbs that say what a thing is or holds: "A covering index contains every column …".
_EN_DEFINING_VERB = re.compile(r"(?:means|refers|stores|contains|holds|keeps|says|states|"
                               r"describes|represents|records|plays|maps|lets|allows|"
                               r"provides|guarantees|ensures|tracks|points)\b")


def _names_itself(body: str, term: str) -> Found | None:
    """"## Covering indexes" then "A covering index contains every column a query
    needs, …" (or "Definition: The CAP theorem … says that …"): the opening sentence
    names the heading's term as its subject and says what it holds or does.

    Compared word by word, not with a pattern built per term: a 1 MB note has
    thousands of headings, and so many patterns would flush re's cache of compiled ones.
    """
    body = _DEFINITION_LABEL.sub("", body)
    if body.endswith((":", "：")):
        return None  # "… cannot provide all three of:": the list it leads to is the answer
    words = term.lower().split()
    said = body.split()
    if not words or len(words) > 4 or len(said) < len(words) + 2:
        return None
    start = 1 if said[0].lower() in ("a", "an", "the") else 0
    named = said[start:start + len(words)]
    one = singular(words[-1])
    if [w.lower() for w in named[:-1]] != words[:-1] \
            or singular(named[-1].lower().rstrip(",")) != one:
        return None
    at = start + len(words)
    if at < len(said) and said[at].lower() in ("object", "type", "value"):
        named = [*named, said[at]]
        at += 1
    if at < len(said) and said[at].startswith("("):
        while at < len(said) and not said[at].endswith((")", "),")):
            at += 1
        at += 1
    verb = said[at].lower() if at < len(said) else ""
    if not _THIRD_PERSON.fullmatch(verb) or verb in ("is", "was", "has", "does"):
        return None
    return Found("definition", " ".join(named).rstrip(","), body.rstrip("."),
                 confident=bool(_EN_DEFINING_VERB.match(verb)))


_DEFINITION_LABEL = re.compile(r"^(?:definition|def)\s*[:：]\s*", re.I)
_THIRD_PERSON = re.compile(r"[a-z]+s")


def heading_definition(text: str, term: str, lang: str) -> Found | None:
    """The first sentence under a term heading, with no subject of its own, says what
    the term is or does: "가상머신을 기반으로 배포하는 것을 말한다.", "접속 클라이언트 수가
    가장 적은 서버를 선택한다.", "It provides resizable compute capacity."."""
    if lang == "en" and (said := _names_itself(text.strip(), term)) is not None:
        return said
    if _LEAD_IN.search(text) or definitions.colon_definition(text) is not None:
        return None  # a list's lead-in, or a line naming its own term ("L4: …")
    meaning = definitions.heading_definition(text, lang)
    if meaning is not None and _good_meaning(meaning):
        return Found("definition", term, meaning)
    body = text.strip()
    if len(body) < 15 or len(body) > 300 or _OPENS_ELSEWHERE.match(body):
        return None
    if _STATED_RULE.search(term) and "?" not in body:
        # "Single Responsibility Principle" then "A class should have one reason to
        # change.": a principle is what it states.
        return Found("definition", term, body.rstrip("."))
    if lang == "ko":
        if find_topic_ko(body) is not None or not re.search(r"(?:다|요|음|함|됨|니다)\.?$", body):
            return None
        # "…서버를 선택한다": what it does — right more often than not, but worth a look.
        return Found("definition", term, body.rstrip("."), confident=False)
    if _EN_IT.match(body):
        rest = _EN_IT.sub("", body).rstrip(".")
        return Found("definition", term, rest[0].upper() + rest[1:] if rest else rest)
    phrase = re.match(r"(?:A|An)\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+(?=(?:that|which|who|where|used|"
                      r"for|of|in|with)\b)", body)
    if phrase and not re.search(r"\b(?:is|are|was|were|has|have|can|will)\b", phrase.group(0)) \
            and not re.search(r"\b(?:I|you|we|my)\b", body):
        # "### Hash" then "A structure that maps each key to a bucket.": what it is
        return Found("definition", term, body.rstrip("."))
    if re.match(r"[A-Z][a-z]+s\s+(?:each|every|all|the|a|an|its|data|keys?|values?|requests?)\b",
                body):
        # "Maps each key through a hash function …": what it does, worth a look first
        return Found("definition", term, body.rstrip("."), confident=False)
    return None


def label(text: str) -> Found | None:
    """Examples and pros/cons written as labels ("ex) AWS", "장점: 빠르다", "단점:")."""
    value = labels.example(text)
    if value is not None:
        return Found("example", answer=value, pending=not value)
    pc = labels.pro_con(text)
    if pc is not None:
        positive, value, named = pc
        return Found("pros" if positive else "cons", named or "", value, pending=not value)
    return None


def analogy(text: str) -> tuple[str, str] | None:
    """(the sentence without it, the analogy) for "… (…라 생각하면 됨)", or the whole
    sentence when it is only the analogy."""
    alone = labels.standalone_analogy(text)
    if alone is not None:
        return "", alone
    trailing = labels.trailing_analogy(text)
    if trailing is not None:
        return trailing
    return None


def difference(text: str) -> Found | None:
    match = _DIFF_KO.match(text) or _DIFF_EN.match(text)
    if not match:
        return None
    a, b = clean_term(match.group("a")), clean_term(match.group("b"))
    if not a or not b:
        return None
    return Found("difference", items=(a, b), answer=match.group("d").rstrip("."))


def cause(text: str, lang: str) -> Found | None:
    """"A는 B 때문이다" -> why A?  B.  Rephrasing a Korean predicate is error-prone, so
    these are drafts."""
    match = (_CAUSE_KO.match(text) or _CAUSE_KO_REASON.match(text)) if lang == "ko" \
        else _CAUSE_EN.match(text)
    if not match:
        return None
    effect, reason = match.group("effect").strip(), match.group("cause").strip()
    if len(effect) < 4 or len(reason) < 4:
        return None
    return Found("cause", label=effect, answer=reason, confident=False)


def follows_on(text: str) -> bool:
    """A sentence that restates the one before ("즉, …", "In other words, …")."""
    return bool(_FOLLOW_ON.match(text))


def topic_ko(text: str) -> str | None:
    topic = find_topic_ko(text)
    return clean_term(topic.term) if topic else None


def topic_en(text: str) -> str | None:
    topic = find_subject_en(text)
    return clean_term(topic.term) if topic else None


_VERBAL_SPAN_END = re.compile(
    r"(?:다|요|니다|한다|된다|않는다|있다|없다|함|됨|음|하고|하며|하여|해서)[.!]?$")
_CLOZE_OPENER = re.compile(
    r"^(?:이|그|저|이것|그것|이는|이를|이런|그런|이러한|그러한|여기서|위|아래|"
    r"this|that|these|those|it|they|here|above|below|"
    # advice with no subject: "Use … for shared mutable state."
    r"use|prefer|avoid|keep|make sure|don't|do not|never|always|try|remember|"
    # "The value lives in …": the value of what was said before
    r"the (?:value|result|data|function|method|state|output|input|object|list|array|same|"
    r"other|first|second|latter|former))\b", re.I)


_REFERS_AWAY = re.compile(
    r"(?:^|\s)(?:이|그|저|위|아래|이런|그런|이러한|그러한|해당|앞의|위의)\s+[가-힣]|"
    r"\b(?:this|that|these|those|it|they|them|its|their|above|below|following)\b",
    re.I)
# "{{c1::오손 읽기}}(Dirty Read)": the name in brackets gives the blank away.
_TRANSLATED = re.compile(r"\}\}\s*\([^()]{2,40}\)|\([^()]{2,40}\)\s*\{\{c\d")
_EXAMPLE_SLOT = re.compile(r"(?:e\.g\.|eg\.|예:|예\)|ex\)|such as|like|\()\s*\{\{c\d", re.I)


#: A connective that ties a sentence to the one before it ("즉,", "또", "However,"): on a
#: card of its own it points at nothing, and the sentence reads whole without it.
_CONNECTIVE = re.compile(
    r"^(?:즉|또|또한|그리고|그래서|따라서|그러므로|하지만|그러나|반면|반면에|결국|특히|이렇게 보면|"
    r"그렇지 않고|그렇지 않으면|"
    r"다시 말해|예를 들어|so|also|thus|hence|however|therefore|in short|in other words|"
    r"moreover|furthermore|besides)\s*,?\s+", re.I)
#: A particle set apart from its word ("증명서 를"): a typo in the note that a blank
#: makes glaring ("… 를").
_SPACED_PARTICLE = re.compile(r"(?<=[^\s(\[])\s+(은|는|을|를|와|과|에서|으로)(?=[\s.,!?)]|$)")
#: A blank that is the stem of a 하다 verb ("… 하게 된다"): the learner is asked for
#: half a verb.
_VERB_STEM_BLANK = re.compile(r"\}\}\s?하(?:게|는|고|여|며|지|기|면|다|ㄴ|였|였다|도록|는데)")


#: A particle after a Korean word and its bracketed aside ("연결 설정(connection
#: establishment)는"): it agrees with the word, the aside is not read aloud before it.
_PARTICLE_AFTER_ASIDE = re.compile(
    r"([가-힣]\([^()]{1,40}\))(은|는|이|가|을|를|와|과)(?=[\s,.]|$)")


def tidy_sentence_ko(text: str) -> str:
    text = _SPACED_PARTICLE.sub(r"\1", text)
    # The particle is read against everything before it ("별도의 공간(약 10%)이"), so
    # a short word is not mistaken for notation like "f(x)".
    return _PARTICLE_AFTER_ASIDE.sub(
        lambda m: m.group(1) + particle(m.string[:m.end(1)], m.group(2)), text)


def standalone(sentence: str) -> str:
    """The sentence as a card shows it alone: without the connective that tied it to the
    one before, and with Korean particles against their words."""
    text = sentence.strip()
    stripped = _CONNECTIVE.sub("", text)
    if stripped != text and stripped:
        # "So the cache …" -> "The cache …", but "So `useCallback(fn)` …" keeps its code.
        plain_word = re.match(r"[a-z]+[ ,]", stripped) is not None
        text = stripped[0].upper() + stripped[1:] if plain_word and text[0].isupper() \
            else stripped
    if re.search("[가-힣]", text):
        text = tidy_sentence_ko(text)
    return text


@dataclass(frozen=True, slots=True)
class EmphasisCloze:
    """A sentence with the author's marked words blanked."""

    text: str
    terms: tuple[str, ...]
    #: The sentence stands on its own and names what it is about besides the blank.
    confident: bool
    #: The one blank opens an English sentence that goes on to say what it does ("**NAT**
    #: operates on a router, …"): the sentence is about the term, so it stands alone
    #: even inside an answer, whose question it then does not lean on.
    names_subject: bool


_COMMAND_LINE = re.compile(r"^[a-z][\w.-]*\s+.*(?:\s--?\w|\.\w|/)")
#: What still points away from a sentence that opens on its own subject: a pronoun
#: there ("it", "its") is the subject itself, but "also" and demonstratives are not.
_POINTS_AWAY = re.compile(r"\b(?:also|this|these|those|such|above|below|following|"
                          r"same|other|previous)\b", re.I)
#: How an English sentence about its subject goes on: a verb in the present.
_PRESENT_VERB = re.compile(r"^\s(?:is|are|was|has|have|can|allows?|provides?|enables?|"
                           r"lets?|makes?|uses?|runs?|operates?|stores?|sends?|begins?|"
                           r"[a-z]{3,}(?<!ss)s)\b(?!\s*[-:])")


#: How a sentence about a plural subject goes on ("Load balancers look at …"): a word
#: that is no preposition, article or conjunction.
_PLURAL_VERB = re.compile(r"^\s(?!(?:of|in|on|at|for|to|with|and|or|the|an?|that|which|who|"
                          r"from|by|as|like|than|such|also|only|often|usually)\b)[a-z]{3,}\b")


def subject_cloze(sentence: str, term: str) -> str | None:
    """"### Layer 4 load balancing" opened by "Layer 4 load balancers look at …": an
    English sentence about the heading's term, said by what it does, with the term (as
    the sentence writes it) blanked; None when the sentence opens on something else."""
    text = standalone(sentence)
    if not 40 <= len(text) <= 220 or text.endswith(("?", ":")) or _POINTS_AWAY.search(text):
        return None
    stem = re.sub(r"^(?:the|an?)\s+", "", term.strip(), flags=re.I)
    forms = [stem]
    if stem.endswith("ing"):
        forms += [stem[:-3] + "ers", stem[:-3] + "er"]  # balancing -> balancers
    forms += [stem + "es", stem + "s"]
    article = re.match(r"^(?:the|an?)\s+", text, re.I)
    start = article.end() if article else 0
    lead = next((text[start:start + len(f)] for f in sorted(forms, key=len, reverse=True)
                 if text[start:start + len(f)].casefold() == f.casefold()
                 and not text[start + len(f):start + len(f) + 1].isalnum()), None)
    if lead is None:
        return None
    rest = text[start + len(lead):]
    verb = _PRESENT_VERB.match(rest) or (lead.endswith("s") and _PLURAL_VERB.match(rest))
    if not verb or len(re.sub(r"[\W_]+", "", rest)) < 25:
        return None
    return f"{text[:start]}{{{{c1::{lead}}}}}{rest}"


def _inside_blank(cloze: str, position: int) -> bool:
    return cloze.rfind("{{c", 0, position) > cloze.rfind("}}", 0, position)


def emphasis_cloze(sentence: str, marked: list[str]) -> EmphasisCloze | None:
    """The words the author set in bold or code, blanked in their sentence: the author's
    own choice of key term."""
    text = standalone(sentence)
    if not 15 <= len(text) <= 250:
        return None
    terms: list[str] = []
    korean = bool(re.search("[가-힣]", text))
    for term in marked:
        term = term.strip().rstrip(".,:;").lstrip(",:;")  # ".git" keeps its dot
        if korean:
            term = tidy_sentence_ko(term)
        if not 2 <= len(term) <= 40 or term in terms or _VERBAL_SPAN_END.search(term):
            continue
        if is_generic(term):
            continue  # "**Author**: …", "**Note**"
        if not re.search(r"[A-Za-z가-힣]", term) or term not in text:
            continue
        if re.fullmatch(r"&#?\w+;?", term):
            return None  # "`&lt;`": an HTML entity the note spells out, no term to recall
        terms.append(term)
    if not terms or len(terms) > 3:
        return None
    rest = text
    for term in terms:
        rest = rest.replace(term, "", 1)
    clue = len(re.sub(r"[\W_]+", "", rest))
    if clue < 8:
        return None  # hardly anything left to recall the term from
    cloze = text
    blanked: list[str] = []
    for term in terms:
        # "fn" inside "{{c1::useMemo(fn, deps)}}": a blank is never put inside another.
        position = next((m.start() for m in re.finditer(re.escape(term), cloze)
                         if not _inside_blank(cloze, m.start())), -1)
        if position < 0:
            continue
        blanked.append(term)
        number = len(blanked)
        cloze = f"{cloze[:position]}{{{{c{number}::{term}}}}}{cloze[position + len(term):]}"
    terms = blanked
    if not terms:
        return None
    # Served only when the sentence stands on its own and names what it is about besides
    # the blank; anything else is a draft: half of all such clozes need an editor.
    # A dozen letters of clue at least: "… 인덱스의 구조이다" is a figure's caption.
    # "`git stash -u`", "`kubectl explain deployment.spec`": a command line is recalled
    # word for word only by the one who typed it last.
    command = any(_COMMAND_LINE.match(term) for term in terms)
    # "Using the … for new SPAs": a point of a list (mistakes, tips), its subject left out.
    gerund_point = bool(re.match(r"[A-Z][a-z]+ing\s", text)) and not text.startswith(terms[0])
    confident = (len(terms) == 1 and len(text) <= 160 and clue >= 12 and not command
                 and not gerund_point
                 and not _CLOZE_OPENER.match(text)
                 and not text.endswith(("?", ":")) and not _REFERS_AWAY.search(text)
                 and not _EXAMPLE_SLOT.search(cloze) and not _TRANSLATED.search(cloze)
                 and not _VERB_STEM_BLANK.search(cloze))
    names_subject = (len(terms) == 1 and not korean and 40 <= len(text) <= 250 and not command
                     and text.startswith(terms[0]) and clue >= 25
                     and bool(_PRESENT_VERB.match(text[len(terms[0]):]))
                     and not _POINTS_AWAY.search(text) and not text.endswith(("?", ":")))
    return EmphasisCloze(cloze, tuple(terms), confident, names_subject)

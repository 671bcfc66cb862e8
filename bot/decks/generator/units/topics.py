"""Finding what a sentence or heading is about, in Korean and English.

Korean: a word-by-word scan of the first few words for a topic particle that
agrees with the final consonant (포트는, IaaS란, 가상머신은), stopping as soon as a
subject or object particle shows a clause has begun, so "PaaS는 플랫폼을 제공하"
can never become a term.  English: the noun phrase before the first verb.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.decks.generator.korean import is_hangul, particle_agrees

WORD = re.compile(r"(?:[^\s(]|\([^()]*\))+")
ALIAS = re.compile(r"^(?P<term>.+?)\s*\((?P<alias>[^()]+)\)$")

KO_CONNECTIVES = (
    "이처럼", "이렇듯", "이와 같이", "여기서", "이때", "결론적으로", "요약하면", "정리하면",
    "이와는 반대로", "이와 반대로", "이와는 달리", "이와 달리", "반대로", "반면에", "반면",
    "즉,", "즉", "또한", "그리고", "하지만", "그러나", "따라서", "그래서", "한편", "특히",
    "결국", "참고로", "먼저", "다음으로", "마지막으로", "그렇기때문에", "그렇기 때문에",
    "그러므로", "게다가", "물론", "보통", "일반적으로", "주로", "그 후", "그후", "이후",
    "그 다음", "그다음",
)
EN_CONNECTIVES = (
    "However,", "Also,", "In short,", "In other words,", "Basically,", "Therefore,", "Thus,",
    "So,", "Moreover,", "In practice,", "Finally,", "First,", "Then,", "Note that",
)
_NOT_TOPIC_WORDS = frozenset(
    {"또는", "혹은", "그리고", "하지만", "그러나", "이는", "이것은", "그것은", "이건", "그건",
     "이를", "이때", "여기서", "이런", "그런", "이와는",
     "이러한", "그러한", "우리는", "나는", "저는", "내가", "이", "그", "저"}
)
GENERIC_TERMS = frozenset(
    {"장점", "단점", "특징", "차이", "차이점", "목적", "이유", "원리", "역할", "문제", "문제점",
     "결과", "핵심", "방법", "방식", "예", "예시", "종류", "구성", "구조", "것", "이것", "그것",
     "점", "경우", "때", "개념", "정의", "의미", "단계", "과정", "내용", "이점", "한계"}
)
_ADJECTIVE_STEMS = ("같", "많", "높", "낮", "작", "좋", "적", "넓", "깊", "짧", "얇", "않", "괜찮")
_VERB_STEMS = ("하", "되", "시키", "했", "됐")
_CLAUSE_PARTICLES = ("을", "를", "이", "가", "에게", "께서")
_MODIFIER_ENDINGS = (
    "에", "의", "에서", "인", "한", "된", "는", "은", "적", "로", "으로", "할", "될",
)

EN_ARTICLES = ("a ", "an ", "the ")
EN_PRONOUNS = frozenset(
    {"it", "this", "that", "these", "those", "they", "there", "here", "he", "she", "we", "you",
     "i", "one", "each", "every", "some", "many", "all", "what", "which", "who", "when", "if",
     "before", "after", "while", "because", "since", "although", "though", "once", "until",
     "unless", "during", "without", "like", "unlike", "instead",
     "see", "for", "in", "on", "at", "with", "by", "to", "from", "as", "of", "and", "or", "but",
     "most", "any", "its", "their", "our", "your", "my", "both", "such", "so", "then", "also"}
)
EN_VERBS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "can", "will", "may", "must", "should",
     "does", "do", "did", "means", "refers", "stands", "describes", "stores", "keeps", "lets",
     "allows", "provides", "uses", "contains", "holds", "gives", "makes", "runs", "reads",
     "writes", "sends", "returns", "takes", "names", "represents", "defines", "helps",
     "enables", "ensures", "guarantees", "creates", "manages", "maps", "converts",
     "translates", "handles", "controls", "works", "splits", "combines", "reduces",
     "increases", "improves", "requires", "needs", "supports", "becomes", "build", "builds",
     "store", "use", "need", "make", "get", "gets", "chooses", "checks", "serves", "only",
     "always", "never", "often", "usually", "cannot", "could", "would", "might", "shares",
     "share", "depends", "consists", "includes", "receives", "connects", "breaks", "tracks",
     "happens", "occurs", "appears", "starts", "ends", "fails", "waits", "lives"}
)
_EN_LINKS = frozenset(
    {"when", "if", "because", "in", "on", "with", "by", "from", "at", "as", "into", "over",
     "up", "out", "down", "well", "poorly", "about", "through", "across", "after", "before"}
)
_EN_FUNCTION = frozenset(
    {"a", "an", "the", "each", "every", "all", "its", "their", "to", "that", "only", "it",
     "them", "data", "one", "two", "three", "four", "five", "several", "many", "no", "any",
     "some", "both", "more", "less"}
)


@dataclass(frozen=True)
class Topic:
    term: str
    alias: str | None
    rest: str  # the sentence after the topic particle / verb
    start: int  # offset of the term in the (connective-stripped) sentence
    particle: str


def _leads(words: tuple[str, ...]) -> re.Pattern[str]:
    """A connective followed by a space or comma (or itself ending in a comma)."""
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(
        re.escape(w) + ("[ ,]*" if w.endswith(",") else "(?:[ ,]+)") for w in ordered
    )
    return re.compile(f"(?:{alternatives})")


_KO_LEADS = _leads(KO_CONNECTIVES)
_EN_LEADS = _leads(EN_CONNECTIVES)


def strip_connectives(sentence: str, lang: str) -> str:
    """Drop leading discourse words ("즉", "이와는 반대로", "However,") before scanning."""
    text = sentence.strip()
    pattern = _KO_LEADS if lang == "ko" else _EN_LEADS
    stripped = False
    while True:
        match = pattern.match(text)
        if match is None or match.end() >= len(text):
            break
        text = text[match.end() :]
        stripped = True
    if stripped and lang != "ko" and text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


def split_alias(word: str) -> tuple[str, str | None]:
    match = ALIAS.match(word.strip())
    if not match:
        return word.strip(), None
    return match.group("term").strip(), match.group("alias").strip()


def _is_plain_noun(word: str) -> bool:
    """A word with no particle or ending, so it can be part of a compound term."""
    bare, _ = split_alias(word)
    if not bare or any(ch in bare for ch in ",.:;!?\"'"):
        return False
    if not is_hangul(bare[-1]):
        return bare[-1].isalnum()
    return not bare.endswith(("을", "를", "이", "가", "에", "의", "로", "와", "과", "도", "만",
                              "은", "는", "인", "한", "된", "고", "며", "서", "면", "게", "지"))


def _topic_stem(word: str) -> tuple[str, str] | None:
    for used in ("이란", "란", "은", "는"):
        if word.endswith(used) and len(word) > len(used):
            stem = word[: -len(used)]
            base, _ = split_alias(stem)
            if not base:
                return None
            if not particle_agrees(base, used):
                continue
            if is_hangul(base[-1]) and base.endswith(_VERB_STEMS + _ADJECTIVE_STEMS):
                return None
            return stem, used
    return None


_BARE_PARTICLES = frozenset({"로", "으로", "에", "에서", "와", "과", "도", "만", "의", "를", "을",
                             "이", "가", "에게", "께", "한테", "보다", "처럼"})
_DETERMINERS = frozenset(
    {"각", "모든", "여러", "이", "그", "저", "한", "두", "몇", "어떤", "다른", "각각의", "대부분의"}
)
_ADVERBIAL_STEMS = ("에서", "에게", "에선", "으로", "로서", "로써", "까지", "부터", "마다",
                    "보다", "처럼", "에")


def _drop_plural(stem: str) -> str:
    """"스레드끼리" / "프로세스들" -> the noun itself."""
    for suffix in ("끼리", "들"):
        if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
            return stem[: -len(suffix)]
    return stem


def used_as_modifier(next_word: str) -> bool:
    """"선까는 것", "하는 데": the 는 was a verb ending, not a topic particle."""
    bound_nouns = {"데", "데에", "데는", "데도", "중", "중에", "중인", "동안", "바", "수", "듯",
                   "듯이", "때", "때는", "때문에", "경우", "경우에"}
    return next_word.startswith("것") or next_word.rstrip(",.") in bound_nouns


def find_topic_ko(sentence: str, max_words: int = 4) -> Topic | None:
    text = strip_connectives(sentence, "ko")
    words = list(itertools.islice(WORD.finditer(text), max_words + 2))
    for index, match in enumerate(words[:max_words]):
        word = match.group(0)
        if word in _NOT_TOPIC_WORDS:
            return None
        found = _topic_stem(word)
        if (found is None and index + 1 < len(words) and words[index + 1].group(0) == "함은"
                and word.endswith(("이라", "라"))):
                found = (word[: -2] if word.endswith("이라") else word[:-1], "이라 함은")
        nxt = words[index + 1].group(0) if index + 1 < len(words) else ""
        if found is not None and used_as_modifier(nxt):
            return None
        if found is not None and found[0].endswith(_ADVERBIAL_STEMS):
            continue  # "서버에서는": where, not what
        if found is not None and found[0] in _BARE_PARTICLES:
            return None  # "UDP 로는": a particle written apart, not a noun
        if found is not None:
            stem, used = found
            first = index
            while first > 0 and _is_plain_noun(words[first - 1].group(0)):
                first -= 1
            while first < index and words[first].group(0) in _DETERMINERS:
                first += 1
            pieces = [w.group(0) for w in words[first:index]] + [_drop_plural(stem)]
            term_text, alias = split_alias(" ".join(pieces))
            if term_text in GENERIC_TERMS or len(term_text) > 40:
                return None
            end = match.end() + (3 if used == "이라 함은" else 0)
            return Topic(term_text, alias, text[end:].strip(), words[first].start(), used)
        bare = split_alias(word)[0]
        if bare.endswith(_CLAUSE_PARTICLES) and not _is_plain_noun(word):
            return None
        if not _is_plain_noun(word) and not bare.endswith(_MODIFIER_ENDINGS):
            return None
    return None


def find_subject_en(sentence: str) -> Topic | None:
    """The noun phrase before the first verb: "A relational database stores …"."""
    text = strip_connectives(sentence, "en")
    words = list(itertools.islice(WORD.finditer(text), 8))
    if not words:
        return None
    first = words[0].group(0).lower()
    start_index = 1 if first in ("a", "an", "the") else 0
    if start_index == 0 and first in EN_PRONOUNS:
        return None
    for index in range(start_index, min(len(words), start_index + 6)):
        low = words[index].group(0).lower().strip(",")
        nxt = words[index + 1].group(0).lower() if index + 1 < len(words) else ""
        after_alias = index > start_index and words[index - 1].group(0).startswith("(")
        is_verb = low in EN_VERBS or after_alias or (
            index > start_index and low.endswith("s") and not low.endswith("ss")
            and (nxt in _EN_FUNCTION or nxt in _EN_LINKS or nxt.isdigit())
        )
        if is_verb and index > start_index:
            phrase = text[words[start_index].start() : words[index - 1].end()]
            bare_phrase = re.sub(r"\([^()]*\)", "", phrase)
            if "," in bare_phrase or bare_phrase.strip().lower() in EN_PRONOUNS:
                return None
            term, alias = split_alias(phrase)
            return Topic(term, alias, text[words[index].start() :], words[start_index].start(),
                         low)
        if words[index].group(0).endswith((",", ";", ":")):
            return None
    return None


_HEADING_NUMBER = re.compile(r"^\s*(?:제?\d+(?:\.\d+)*[.)장절]?|[IVX]+\.|[A-Z]\.)\s+")
_NON_TERM_HEADING = re.compile(
    r"(비교|차이|정리|개요|요약|소개|예제|실습|참고|목차|기초|정리본|특징|장단점|장점|단점|종류|"
    r"구성\s?요소|원리|역할|유형|\bfeatures\b|\btypes of\b|\bpros\b|\bcons\b|\badvantages\b|"
    r"\boverview\b|\bintroduction\b|\bsummary\b|\bcomparison\b|\bnotes?\b|\breferences?\b|"
    r"\bconclusion\b|\bbasics\b|\bvs\.?\b|\bversus\b|\bexamples?\b)",
    re.I,
)
_CONJUNCTION = re.compile(
    r"[가-힣)](?:와|과)\s|\s(?:및|and|or|&)\s|/|,|\?|^(?:how|why|what|when)\b|^(?:왜|어떻게)", re.I
)


def clean_title(title: str) -> str:
    """A heading without its numbering: "2. 스케줄링" -> "스케줄링"."""
    text = _LEADING_SYMBOLS.sub("", title)
    return _HEADING_NUMBER.sub("", text).strip()


_LEADING_SYMBOLS = re.compile(r"^[^\w(]+", re.U)


_ASKED_KO = re.compile(
    r"^(?P<t>.+?)(?:(?:이란|란|은|는)\s*(?:무엇인가|무엇일까|뭘까|뭐야)?\s*\?|(?<=[가-힣A-Za-z0-9])이?란)$"
)
_ASKED_EN = re.compile(r"^what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<t>.+?)\s*\?$", re.I)


_HEADING_GENERIC = frozenset(
    {"과정", "단계", "방법", "내용", "개념", "예시", "예제", "종류", "특징", "구조", "원리", "구성",
     "절차", "흐름", "동작", "영역", "요소"}
)


def heading_term(title: str) -> tuple[str, str | None] | None:
    """The term a heading names, or None for group/overview headings ("IaaS와 PaaS 비교")."""
    text = clean_title(title).rstrip(":")
    asked = _ASKED_KO.match(text) or _ASKED_EN.match(text)
    if asked and (text.endswith("?") or particle_agrees(asked.group("t"), text[-2:]
                                                        if text.endswith("이란") else "란")):
        text = asked.group("t").strip()  # "REST API란?", "정규화란", "What is DNS?"
    text = re.sub(r"[^\w)]+$", "", text).strip()
    if not text or _CONJUNCTION.search(text) or _NON_TERM_HEADING.search(text):
        return None
    aliases = re.findall(r"\(([^()]+)\)", text)
    bare = " ".join(re.sub(r"\([^()]*\)", " ", text).split())
    bare = re.sub(r"^(?:the|a|an)\s+(?=\S)", "", bare, flags=re.I)  # "The TLB" -> "TLB"
    if not bare or len(bare.split()) > 5 or len(bare) > 40:
        return None
    words = bare.split()
    if len(words) > 1 and (words[-1] in _HEADING_GENERIC
                           or any(w.endswith("의") for w in words[:-1])):
        return None  # "커밋 과정", "저장소의 세 영역": about something, not a term
    return bare, (aliases[0].strip() if aliases else None)


def heading_members(title: str) -> list[str]:
    """Members named by a group heading: "IaaS와 PaaS와 SaaS" -> [IaaS, PaaS, SaaS]."""
    text = _HEADING_NUMBER.sub("", title).strip()
    parts = re.split(
        r"(?<=[가-힣)A-Za-z0-9])(?:와|과)\s+|\s+(?:및|and|vs\.?|versus|&)\s+|\s*[,/]\s*", text
    )
    members = [re.sub(r"\([^()]*\)", "", p).strip() for p in parts]
    members = [m for m in members if m]
    return members if len(members) >= 2 else []

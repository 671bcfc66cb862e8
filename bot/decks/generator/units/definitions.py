"""Definitions: "X는 …이다", "X란 …을 말한다", "X is a …", "X refers to …",
a section's first sentence defining its heading ("…하는 방식."), and "X : …" lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.decks.generator.korean import is_hangul
from bot.decks.generator.units.topics import (
    EN_PRONOUNS,
    EN_VERBS,
    GENERIC_TERMS,
    find_topic_ko,
    split_alias,
    strip_connectives,
)

_KO_SAYS = (
    r"(?:말한다|의미한다|뜻한다|가리킨다|일컫는다|칭한다|"
    r"말합니다|의미합니다|뜻합니다|가리킵니다|말함|의미함|뜻함|가리킴|의미)"
)
_KO_ENDS = (
    re.compile(rf"^(?P<m>.+?)\s?(?:을|를)\s?{_KO_SAYS}$"),
    re.compile(r"^(?P<m>.+?)(?:이라고|라고)\s?(?:한다|합니다|부른다|부릅니다)$"),
    re.compile(r"^(?P<m>.+?)(?:이라고|라고)\s?(?:할|볼)\s?수\s?(?:있다|있습니다|있으며|있고)$"),
    re.compile(r"^(?P<m>.+?)(?:이다|입니다|이에요|예요|이었다)$"),
)
_KO_MID = re.compile(
    r"^(?P<m>.+?)\s?(?:을|를)\s?(?:의미하며|말하며|뜻하며|의미하고|말하고|가리키며),?\s+(?P<x>.+)$"
)
#: "쿠키란 …에 저장되는 작은 데이터 조각으로, 서버가 …": what it is, then what it does.
_KO_AS_NOUN = re.compile(
    r"^(?P<m>.+?(?:는|은|된|한|할|인|던|의)\s(?:\S+\s){0,2}\S*?"
    r"(?:조각|집합|구조|자료\s?구조|기술|방식|방법|기법|객체|값|공간|영역|단위|프로그램|알고리즘|"
    r"프로토콜|시스템|서비스|모델|계층|장치|도구|함수|명령어?|파일|현상|규약|표준|형식|흐름|"
    r"데이터|문자열|식별자|번호|주소|프로세스|스레드|메모리|저장소|인터페이스|기능|것))"
    r"(?:으로|로)(?:서|써)?,?\s+(?P<x>.+)$")
_KO_PLAIN_COPULA = re.compile(r"^(?P<m>.+[가-힣])다$")
# Syllables before a bare "다" that make it a verb or adjective, not "noun + 다".
_VERBAL_BEFORE_DA = frozenset("하되지리기가나보주오르치시키히추우두비쁘크트프뜨쓰이니는")
_CONTRAST = ("지만", "반면", "는데 ", "다면 ", "했고", "고 있다")
_TRAILING_PAREN = re.compile(r"\s*\((?P<p>[^()]*)\)\s*$")

_EN_DEF = re.compile(
    # (an aside may hold a call: "An unbuffered channel (make(chan T)) is …")
    r"^(?:(?P<art>A|An|The)\s+)?(?P<t>[^,;:()]{1,60}?)(?:\s*\((?P<a>(?:[^()]|\([^()]*\))+)\))?"
    r"(?:,\s*(?:also known as|also called|aka)\s+(?P<aka>[^,]+),)?"
    r"\s+(?P<v>is defined as|refers to|happens when|occurs when|is when|is|are|means|stands for|"
    r"denotes)\s+(?P<m>.+)$"
)
_EN_DETERMINER = re.compile(r"^(?:a|an|the|one|any|each|how|when|where|what|used to)\b", re.I)
_EN_LIKE_TAIL = re.compile(r"(?:,\s*|\s*\(\s*)(?:like|similar to|much like)\s+(?P<a>[^)]+)\)?$",
                           re.I)
_EN_EXAMPLE_TAIL = re.compile(
    r"(?:,\s*|\s*\(\s*)(?:e\.g\.|for example|such as)\s*,?\s*(?P<e>[^)]*)\)?$", re.I
)


@dataclass(frozen=True)
class Definition:
    term: str
    alias: str | None
    meaning: str
    extra: str | None = None  # what the same sentence says next ("…를 의미하며 이 위에 …")
    example: str | None = None
    analogy: str | None = None
    stands_for: bool = False  # "CSRF stands for …": an alias, not a definition
    front: str | None = None  # a question other than "X란?" (labels that are not terms)
    article: str | None = None  # the author's "a"/"an" before the term, reused in questions


def _split_tail(rest: str) -> tuple[str, str | None]:
    rest = rest.strip()
    tail = None
    match = _TRAILING_PAREN.search(rest)
    if match and match.start() > 0:
        body = rest[: match.start()].rstrip()
        if body.endswith((".", "다", "다.")) or body.endswith("。"):
            tail = match.group("p").strip()
            rest = body
    return rest.rstrip(".。!").strip(), tail


def _meaning_ok(meaning: str) -> bool:
    if len(meaning) < 3 or any(mark in meaning for mark in _CONTRAST):
        return False
    return not meaning.endswith(("적", "적인", "것이 아니", "아니"))


# Endings of verbs, adjectives and particles: a phrase ending in one is not a bare noun.
_NOT_NOUN_FINAL = tuple("다요음함됨지고며서게면니까나데도만을를이가에의와과은는로")


def _noun_final(text: str) -> bool:
    """"실행 중인 프로그램", "…하는 것": a noun phrase with no verb at the end."""
    words = text.split()
    if len(words) < 2:
        return False
    last = words[-1]
    return is_hangul(last[-1]) and not last.endswith(_NOT_NOUN_FINAL)


_KO_CALLED = re.compile(
    r"^(?P<m>.+?)(?:을|를)\s+(?P<t>[^\s,]+?)(?:이라고|라고|이라|라)\s*(?:한다|합니다|부른다|부릅니다|함)$"
)


def _called_ko(sentence: str) -> Definition | None:
    """"일부러 중복을 허용하는 것을 반정규화라고 한다": the term comes last."""
    text = strip_connectives(sentence, "ko").rstrip(".。!")
    match = _KO_CALLED.match(text)
    if not match:
        return None
    term, meaning = match.group("t"), match.group("m").strip()
    # "…구할 수 없어야 하며 이를 단방향성이라고 한다": "이를" points back at the clause
    # before it, which reads as a statement once its connective is closed.
    pointed = re.sub(r"\s+(?:이|이것|그것|그|이러한 것)$", "", meaning)
    if pointed != meaning:
        meaning = re.sub(r"하며$", "함", re.sub(r"이며$", "임", pointed))
    if term in GENERIC_TERMS or len(meaning) < 4 or find_topic_ko(text) is not None:
        return None
    return Definition(term, None, meaning)


def parse_ko(sentence: str) -> Definition | None:
    called = _called_ko(sentence)
    if called is not None:
        return called
    topic = find_topic_ko(sentence)
    if topic is None or topic.term in GENERIC_TERMS:
        return None
    if re.search(r"[가-힣)](?:와|과)\s", topic.term + " "):
        return None  # "이미지와 컨테이너는 …" compares, it does not define
    rest, tail = _split_tail(topic.rest)
    meaning: str | None = None
    extra: str | None = None
    for pattern in _KO_ENDS:
        match = pattern.match(rest)
        if match:
            meaning = match.group("m")
            break
    if meaning is None:
        match = _KO_MID.match(rest) or _KO_AS_NOUN.match(rest)
        if match:
            meaning, extra = match.group("m"), match.group("x")
    if meaning is None and rest.endswith("임") and len(rest) > 2:
        meaning = rest[:-1]
    if meaning is None and _noun_final(rest):
        meaning = rest
    if meaning is None:
        match = _KO_PLAIN_COPULA.match(rest)
        if match and match.group("m")[-1] not in _VERBAL_BEFORE_DA:
            last = match.group("m")[-1]
            if (ord(last) - 0xAC00) % 28 == 0:  # 서비스다: a vowel-final noun + 다
                meaning = match.group("m")
    if meaning is None:
        return None
    meaning = meaning.strip().rstrip(",")
    if not _meaning_ok(meaning):
        return None
    if tail:
        meaning = f"{meaning} ({tail})"
    return Definition(topic.term, topic.alias, meaning, extra)


def parse_en(sentence: str) -> Definition | None:
    text = strip_connectives(sentence, "en").rstrip(".!")
    match = _EN_DEF.match(text)
    if not match:
        return None
    term = match.group("t").strip()
    words = term.split()
    if not words or len(words) > 5 or words[0].lower() in EN_PRONOUNS:
        return None
    verb = match.group("v")
    meaning = match.group("m").strip()
    alias = match.group("a") or match.group("aka")
    if verb in ("is", "are") and meaning.lower().startswith("called "):
        named = re.sub(r"^(?:a|an|the)\s+", "", meaning[7:].strip(), flags=re.I)
        if 0 < len(named.split()) <= 5:
            full = text[: match.start("v")].strip()
            return Definition(named, None, full[0].lower() + full[1:])
        return None
    if any(w.lower() in EN_VERBS or w.lower() in ("that", "which", "who") for w in words):
        return None
    if verb in ("is", "are") and not _EN_DETERMINER.match(meaning):
        return None
    if verb.endswith(" when"):
        meaning = "when " + meaning
    if verb == "stands for":
        return Definition(term, meaning, meaning, stands_for=True)
    if verb == "means" and meaning.lower().startswith("that "):
        meaning = meaning[5:]
    analogy = None
    like = _EN_LIKE_TAIL.search(meaning)
    if like and like.start() > 0:
        analogy = like.group("a").strip(" .")
        meaning = meaning[: like.start()].rstrip(" ,")
    example = None
    ex = _EN_EXAMPLE_TAIL.search(meaning)
    if ex and ex.start() > 0:
        example = ex.group("e").strip(" .")
        meaning = meaning[: ex.start()].rstrip(" ,")
    if len(meaning) < 3:
        return None
    article = (match.group("art") or "").lower()
    return Definition(term, alias.strip() if alias else None, meaning, None, example or None,
                      analogy or None, article=article)


def parse(sentence: str, lang: str) -> Definition | None:
    return parse_ko(sentence) if lang == "ko" else parse_en(sentence)


_HEAD_SAYS = re.compile(rf"^(?P<m>.+?)\s?(?:을|를)\s?{_KO_SAYS}$")
_VERB_FINAL = ("다", "요", "음", "됨", "함", "니다", "임", "고", "며", "서", "면", "지")
_PARTICLE_FINAL = ("을", "를", "이", "가", "에", "의", "와", "과", "도", "는", "은")


def heading_definition(sentence: str, lang: str) -> str | None:
    """The first sentence of a section, with no subject, defining the heading:
    "물리적인 컴퓨터 한 대에 … 설치하는 방식." or "가상머신을 기반으로 배포하는 것을 말한다."."""
    if lang != "ko":
        return None
    text = strip_connectives(sentence, "ko")
    body, tail = _split_tail(text)
    if find_topic_ko(body) is not None:
        return None
    match = _HEAD_SAYS.match(body)
    if match:
        meaning = match.group("m").strip()
    else:
        last = body.split()[-1] if body.split() else ""
        if (len(body) < 10 or not last or not is_hangul(last[-1])
                or last.endswith(_VERB_FINAL) or last.endswith(_PARTICLE_FINAL)):
            return None
        meaning = body
    if not _meaning_ok(meaning):
        return None
    return f"{meaning} ({tail})" if tail else meaning


_COLON = re.compile(
    r"^(?P<l>[^:：]{1,40}?)(?:\s*[:：]\s*|\s+[-–—]\s+|\s*(?:→|=>|->)\s*)(?P<d>.{3,})$"
)
_LABEL_WORDS = re.compile(
    r"^(?:ex|예|예시|예를 들어|참고|주의|note|notes|tip|see|source|출처|장점|단점|이점|한계|특징|"
    r"pros?|cons?|advantages?|disadvantages?|downsides?|drawbacks?|benefits?|limitations?|"
    r"examples?|e\.g\.|warning|todo|q|a)$",
    re.I,
)


_RELATIVE = frozenset({"that", "which", "who", "where", "whose", "used", "for", "of", "in", "with"})


def defines(desc: str, lang: str) -> bool:
    """Whether a label's description says what the label *is* (so "What is X?" fits:
    "a one-way function", "an attack where …") rather than what happens or what to do
    ("the script comes from the request", "escape output")."""
    if lang == "ko":
        return True
    words = [w.strip(",.;") for w in desc.lower().split()]
    if not words or words[0] not in ("a", "an", "the", "one", "any", "some"):
        return False
    for word in words[1:]:
        if word in _RELATIVE:
            return True
        if word in EN_VERBS:
            return False
    return len(words) <= 5


_ATTRIBUTE_HEADS = frozenset(
    {
        "연산", "예시", "예", "활용", "용도", "특징", "장점", "단점", "원리",
        "종류", "구성", "복잡도", "시간복잡도", "공간복잡도", "사용처", "목적", "역할", "방법",
        "조건", "원인", "결과", "해결책", "해결", "단계", "의미", "주의점", "차이",
        "차이점", "기능", "구조", "성질", "특성", "한계", "문제점", "operations", "uses",
        "examples", "example", "purpose", "role", "complexity", "features", "causes", "cause",
        "symptoms", "solution", "solutions", "steps", "types", "goal", "goals", "cost", "costs",
        "benefits", "drawbacks", "properties", "usage", "limitations", "prevention",
        "mitigation", "mitigations", "defense", "defence", "impact", "예방", "방어", "대응", "영향",
        "trade-offs", "tradeoffs", "trade-off", "problem", "problems", "why", "필요성",
        "intent", "의도", "typical", "typically", "use", "fix", "fixes", "workaround",
    }
)


def is_attribute_label(label: str) -> bool:
    """"주요 연산", "활용 예시", "Time complexity": a property of the section's subject,
    not a term of its own."""
    words = label.lower().split()
    return bool(words) and words[-1] in _ATTRIBUTE_HEADS


def colon_definition(sentence: str) -> tuple[str, str] | None:
    """"도커파일 : 패키지 … 기록한 파일이다." -> (도커파일, 패키지 … 기록한 파일이다)."""
    match = _COLON.match(sentence.strip())
    if not match:
        return None
    label = match.group("l").strip().strip("*_`")
    desc = match.group("d").strip()
    if re.match(r"\s+[-–—]\s+[a-z]", sentence.strip()[len(match.group("l")):]) \
            and re.search("[가-힣]", desc) and re.fullmatch(r"[A-Za-z]+", label):
        return None  # "Page - fault rate을 …": a compound broken by spaces, in Korean text
    if not label or _LABEL_WORDS.match(label) or len(label.split()) > 4:
        return None
    if label.count("(") > label.count(")"):
        return None  # "분할 정복(예: 병합 정렬)은 …": the colon is inside an aside
    if re.match(r"\d{1,2}:\d{2}\b", desc):
        return None  # "jonas — 10:42 ok dumb question": a chat message's header
    if label[:1] in "\"'“" or (re.search(r"[A-Za-z]$", label) and re.match(
            r"[:：][A-Za-z]", sentence.strip()[len(match.group("l")):])):
        # '"Action": "*"', "aws:MultiFactorAuthPresent": a key of code, not a term
        return None
    base, _ = split_alias(label)
    if base in GENERIC_TERMS or base.lower() in EN_PRONOUNS:
        return None
    words = base.split()
    if re.search(r"\s-{1,2}[A-Za-z]", base):
        return None  # "netstat -atn": a command with its flags, not a term
    if is_hangul(base[-1]) and base.endswith(("다", "요", "고", "며", "을", "를")):
        return None
    if any(w.lower() in EN_VERBS for w in words):
        return None
    return label, desc.rstrip(".")

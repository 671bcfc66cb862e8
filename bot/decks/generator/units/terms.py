"""Is this a term?  Names a card can ask about, as opposed to labels ("Problem",
"장점"), pronouns, clauses and fragments."""

from __future__ import annotations

import re

from bot.decks.generator.korean import is_hangul, particle_agrees

ALIAS = re.compile(r"^(?P<term>.+?)\s*\((?P<alias>[^()]+)\)$")

GENERIC_KO = frozenset(
    {"장점", "단점", "특징", "차이", "차이점", "목적", "이유", "원리", "역할", "문제", "문제점",
     # a TIL's own sections: what the author did, no term ("배운 거란?")
     "배운 거", "배운 것", "배운 점", "오늘 배운 것", "오늘 배운 거", "느낀 점",
     "아이디어", "핵심 아이디어", "실무 이슈", "해결책들", "포인트", "핵심 포인트",
     "헷갈린 거", "헷갈린 것", "헷갈린 점",
     "결과", "핵심", "방법", "방식", "예", "예시", "종류", "구성", "구조", "것", "이것", "그것",
     "점", "경우", "때", "개념", "정의", "의미", "단계", "과정", "내용", "이점", "한계", "해결",
     "해결책", "해결 방법", "해결법", "해결법들", "방법들", "참고", "주의", "요약", "정리", "결론",
     "설명", "질문", "답", "답변",
     "예제", "실습", "코드", "그림", "사진", "표", "출처", "링크", "목차", "작성자", "소개", "개요",
     "배경", "기타", "추가", "비교", "사용법", "문법", "활용", "용도", "특성", "성질", "기능",
     "동작", "원인", "결과적으로", "이후", "이전", "다음", "처음", "마지막", "첫째", "둘째", "셋째"}
)
#: Generic alone ("링크": a list of links), a name after a word ("하드 링크", "심볼릭 링크").
_KO_NAMING_HEADS = frozenset({"링크"})
GENERIC_EN = frozenset(
    {"problem", "problems", "note", "notes", "example", "examples", "summary", "solution",
     "solutions", "idea", "result", "results", "approach", "definition", "question", "answer",
     "explanation", "overview", "introduction", "conclusion", "purpose", "reason", "reasons",
     "issue", "issues", "pros", "cons", "advantage", "advantages", "disadvantage",
     "disadvantages", "benefit", "benefits", "drawback", "drawbacks", "feature", "features",
     "usage", "use", "uses", "method", "methods", "way", "ways", "step", "steps", "case",
     "cases", "thing", "things", "part", "parts", "type", "types", "kind", "kinds", "other",
     "others", "misc", "tip", "tips", "warning", "important", "basics", "background",
     "details", "detail", "more", "key", "goal", "goals", "cost", "costs", "example usage",
     "output", "input", "code", "image", "figure", "table", "link", "links", "source",
     "resources", "references", "todo", "context", "motivation", "implementation", "yes", "no",
     "one", "ones", "mistake", "mistakes", "pitfall", "pitfalls", "gotcha", "gotchas",
     "takeaway", "takeaways", "caveat", "caveats", "difference", "differences", "similarity",
     "similarities"}
)
_PRONOUN_START = re.compile(
    r"^(?:이|그|저|위|아래|앞의|위의|앞서|이것|그것|이는|그는|이런|그런|이러한|그러한|여기|거기|우리|나|"
    r"그리고|그래서|그런데|근데|그럼|이때|이때는|또|또한|"
    r"저는|내가|"
    r"it|this|that|these|those|they|there|here|we|you|i|he|she|one|each|some|any|all|most|"
    r"my|our|your|"
    r"many|such|so|then|also|if|when|while|because|since|although)\b",
    re.I,
)
_EN_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|can|will|may|must|should|does|do|did|means|"
    r"refers|stands|uses|allows|provides|makes|gets|lets|helps|needs|requires)\b",
    re.I,
)
# Endings that make a word a predicate or a clause; nouns that merely end in these
# syllables ("서비스", "프로세스") do not, so only unmistakable endings are listed.
_KO_VERBAL_END = ("다", "요", "니다", "함", "됨", "는데", "니까", "도록", "려면", "으면",
                  # "String Pool을 쓸 수 있어서": a reason, no name
                  "어서", "아서", "해서", "므로", "려고")
_KO_ACTIVITY_END = ("하기", "보기", "살리기", "만들기", "익히기", "다루기", "쓰기")
_KO_PARTICLES = ("을", "를", "이", "가", "은", "는", "에", "의", "로", "으로", "와", "과", "도",
                 "만", "에서", "에게", "부터", "까지", "보다", "처럼")


_EN_BENEFIT = re.compile(r"^(?:increased|improved|better|reduced|faster|slower|higher|lower|more|"
                         r"less|greater|easier|simpler|enhanced)\s", re.I)
_EN_TRAILING_LINK = re.compile(r"\s(?:of|in|on|to|by|with|for|from|as|and|or|the|a|an)$", re.I)


def split_alias(text: str) -> tuple[str, str | None]:
    match = ALIAS.match(text.strip())
    if not match:
        return text.strip(), None
    return match.group("term").strip(), match.group("alias").strip()


_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.I)
_TERM_WORD = re.compile(r"^(?:term|concept|word|notion)\s+(?=[\"“'‘])", re.I)


#: A command-line option ("--soft", "-u", "--no-ff"): its dashes are part of its name.
_OPTION_FLAG = re.compile(r"--?[A-Za-z][\w-]*")


#: Emoji and pictographs ("🔥", "⚠️", "⭐"): the author's marks, never part of a name or
#: a heading's text.
EMOJI = re.compile("[\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]+")


def clean_term(text: str) -> str:
    """Quotes, marks and a trailing colon removed; inner spacing normalised."""
    text = " ".join(text.split())
    bare = text.strip(" \"'`*_:：")
    if _OPTION_FLAG.fullmatch(bare):
        return bare  # "--soft": an option keeps its dashes
    # ("핫스팟 🔥", "→ service()": the author's emoji and arrow are no part of a name)
    text = EMOJI.sub("", text).strip(" \"'`“”‘’*_:：-–—.,;→➜➡")
    # "(1) 단순 요청", "1) 체이닝": the note's count
    text = re.sub(r"^(?:\(\d{1,2}\)|\d{1,2}\))\s+", "", text)
    if text[:1] in "TtAa":
        text = _ARTICLE.sub("", text)
        text = _TERM_WORD.sub("", text)
    return text.strip("\"'`“”‘’ ")


def _ends_in_particle(word: str) -> bool:
    for particle in sorted(_KO_PARTICLES, key=len, reverse=True):
        if word.endswith(particle) and len(word) > len(particle):
            stem = word[: -len(particle)]
            if particle in ("이", "가", "은", "는", "을", "를", "와", "과", "로", "으로"):
                if particle_agrees(stem, particle) and is_hangul(stem[-1]):
                    return True
                continue
            return True
    return False


_NUMBERED_PART = re.compile(
    r"^(?:phase|step|stage|part|case|type|level|round|class|chapter|section|lecture|week|day|"
    r"단계|과정|파트|챕터|강|장|주차|예제|문제)\s*\d+[a-z]?$", re.I)
_METADATA = re.compile(r"^(?:author|authors|written by|date|updated|last updated|created|tags?|"
                       r"category|작성자|글쓴이|날짜|작성일|수정일|태그|카테고리|today|오늘)$",
                       re.I)


#: A group named only by its count: "Three levels", "Two messaging models", "세 가지 종류".
COUNTED_GROUP = re.compile(
    r"(?:(?:two|three|four|five|six|seven|[2-9])\s+(?:[a-z]+\s+)?[a-z]+s|"
    r"(?:두|세|네|다섯|여섯|[2-9])\s?가지(?:\s+\S+)?)", re.I)


def singular(word: str) -> str:
    """"policies" -> "policy", "indexes" -> "index", "branches" -> "branch", "caches" ->
    "cache", "tables" -> "table"; "class", "status", "analysis" stay."""
    low = word.lower()
    if low.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "xes", "zzes", "shes")) or re.search(r"[^aeiou]ches$", low):
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


_NAMING_HEADS = frozenset({"image", "code", "table", "input", "output", "context",
                           "implementation", "source", "link", "key", "method", "type"})
#: A word that qualifies rather than names: "better", "main", "possible", "technical".
_EN_ADJECTIVE = re.compile(
    r"a few|few|some|other|main|simple|basic|common|general|several|various|key|good|bad|"
    r"new|old|first|second|last|next|final|more|most|many|real|important|better|best|"
    r"[a-z]+(?:al|ive|ous|ful|ic|ible|able|ant|ent)")


def is_generic(term: str) -> bool:
    bare = split_alias(term)[0].strip().lower()
    if bare in GENERIC_KO or bare in GENERIC_EN or _NUMBERED_PART.match(bare) \
            or _METADATA.match(bare):
        return True
    words = bare.split()
    if len(words) > 1 and words[-1] in GENERIC_KO and words[-1] not in _KO_NAMING_HEADS:
        return True  # "익숙한 것", "보완 방법": about something, not a name ("하드 링크" is one)
    # "better solutions", "exam tips": a generic noun with a word before it is still
    # generic, but a few such nouns head technical names after a noun ("Docker image",
    # "hash table", "primary key", "source code").
    if not 0 < len(words) <= 2 or words[-1] == "use" or singular(words[-1]) not in GENERIC_EN:
        return False
    return len(words) == 1 or singular(words[-1]) not in _NAMING_HEADS \
        or bool(_EN_ADJECTIVE.fullmatch(words[0]))


_COURSE_PART = re.compile(r"\d+\s?(?:강|주차|차시|회차)\b|\b(?:lecture|week|lesson|chapter|ch\.)"
                          r"\s?\d+|\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b|^TIL\b", re.I)
_EN_PREPOSITION = re.compile(r"^(?:[Pp]er|[Ff]or|[Ii]n|[Oo]n|[Aa]t|[Bb]y|[Ww]ith|[Aa]fter|"
                             r"[Bb]efore|[Dd]uring|[Ff]rom|[Uu]pon|[Ww]ithout)\s"
                             # "over limit", "under load" (not "Above the fold", a name)
                             r"|^(?:over|under)\s+(?!(?:the|a|an)\b)")
#: "mainly on create: …", "optional: …", "retention 10 years: …": how much, how often or
#: whether, a note's shorthand for a requirement or a figure, not a name.
_EN_NOT_A_NAME = re.compile(
    r"^(?-i:[a-z]+ly)\s+(?:on|in|at|for|by|with|when|if|after|before|during|to)\b|"
    # (lower case: "Optional" and "Required" are Java's and TypeScript's types)
    r"^(?-i:optional|required|mandatory|recommended|nice[- ]to[- ]have|must[- ]have)$|"
    r"\b\d[\d,.]*\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|ms|bytes?|[KMGT]B|"
    r"times|percent|%)(?:\s|$)", re.I)
_EN_ACTIVITY = re.compile(r"^[A-Za-z]+ing\s+(?:a|an|the|your|my|our|it|them|this|that|"
                          r"these|those|with|to|for|up|out)\b", re.I)
def is_course_part(text: str) -> bool:
    """"7강", "Lecture 14", "Week 3": where the note sits in a course."""
    return bool(_COURSE_PART.search(text))


#: A heading made of nothing but words for a note's furniture ("Summary table",
#: "Core Concepts", "주요 키워드"): it tells no term apart from another.
_STRUCTURE_WORDS = re.compile(
    r"^(?:(?:summary|overview|table|tables|core|key|main|basic|basics|concepts?|terms?|"
    r"glossary|notes?|recap|cheat ?sheet|keywords?|comparison|quick|descriptions?|at a glance|"
    r"recall|review|reference|refresher|"
    r"정리|요약|핵심|주요|기본|개념|용어|키워드|비교|표|한눈에|보기)\s*)+$", re.I)


def is_structure(text: str) -> bool:
    """"Summary table", "Core Concepts", "주요 키워드": the note's furniture."""
    return bool(_STRUCTURE_WORDS.match(text.strip()))


def is_activity(text: str) -> bool:
    """"Choosing a tool", "Using the cache": what to do, not a name."""
    return bool(_EN_ACTIVITY.match(text))


#: "리눅스 명령어 치트시트", "Spring 면접 질문 정리": what kind of note this is, no concept.
_NOTE_GENRE = re.compile(r"(?:치트\s?시트|cheat\s?sheet|면접\s?질문|인터뷰|정리|노트|요약|스터디|"
                         r"모음|가이드|실습|\bnotes?|\bsummary|\bguide|\btutorial|\bFAQ|"
                         r"\binterview questions)$",
                         re.I)
_GENERIC_TYPE = re.compile(r"[A-Za-z_][\w.]*<[\w ,.?<>\[\]]+>(?:\[\])?")
_SAMPLE = re.compile(r"^(?:예시|예제|샘플|example|sample)\s", re.I)


_NUMBERED_LABEL = re.compile(
    r"(?:problem|option|case|step|example|question|approach|idea|symptom|scenario|rule|tip|"
    r"note|part|method|solution|way|fix|문제|방법|경우|단계|예시|예제|질문|해결책|해결법|해결|방안)"
    r"\s*#?\d+", re.I)


def is_term_like(term: str, lang: str, *, max_words: int = 5) -> bool:
    """A name a card can ask about: short, no clause, not a label or a pronoun."""
    del lang
    text = term.strip()
    bare = split_alias(text)[0]
    if not bare or len(bare) > 40 or len(bare.split()) > max_words:
        return False
    if is_generic(bare) or _PRONOUN_START.match(bare):
        return False
    if re.fullmatch(r"\[[^\]]*\]", bare) or bare.startswith("["):
        return False  # "[참고]", "[Note]", "[보완: …": a label set in brackets
    if re.match(r"(?:총|약|대략)(?:\s?약)?\s?\d", bare):
        return False  # "총 약 43억 개": a count the note gives, no name ("총 소유 비용" is)
    if re.match(r"(?i)(?:why|only|prevent|avoid|never|always|don.t|do not)\b", bare) \
            or "≠" in bare or bare.endswith("w/"):
        return False  # "why params work", "Prevent IDOR", "ORM ≠ safe": a point, no name
    if re.search(r"[가-힣](?:이|가|을|를)\s.*[가-힣](?:면|면서|니까|는데)\s", bare):
        # a clause ("클라가 ACK 보내면 ack"), not "평면 그래프": no name a card can ask about
        return False
    if re.search(r"(?:^|\s)(?:언제|뭘|뭐|무엇을|어떻게|왜|어디서?|어느)(?:\s|$)|뭐(?:냐|야|지|임)$",
                 bare):
        return False  # "그래서 언제 뭘 쓰나": a question without its mark, not a name
    if re.search(r"\s\S*(?:냐|니|까|는데|뭔데)$", bare):
        return False  # "WebSocket 뭔데 다들 쓰냐": the author asking, in a title
    if _NUMBERED_LABEL.fullmatch(bare):
        return False  # "Problem 2", "option 1", "방법 1": the note's numbering, no name
    if _EN_PREPOSITION.match(bare) or _EN_NOT_A_NAME.search(bare):
        return False  # "Per ACK", "After a timeout": a condition, not a name
    if _EN_ACTIVITY.match(bare):
        return False  # "Choosing a tool", "Using the cache": what to do, not a name
    if _COURSE_PART.search(bare) or _SAMPLE.match(bare) or _NOTE_GENRE.search(bare):
        return False  # "컴퓨터 네트워크 7강 - HTTP", "예시 테이블": the course, the example
    generic = _GENERIC_TYPE.fullmatch(bare)  # "Partial<T>", "Map<K, V>": a type's name
    if (any(mark in bare for mark in ",;?!。|=+<>") and not generic) or bare.endswith("."):
        return False
    if _EN_BENEFIT.match(bare):
        return False  # "Increased security": a benefit, not a name
    paired = bare if " / " in bare else bare.split()[-1]
    if "/" in paired and not all(len(part) <= 4 or part.isupper()
                                 for part in paired.split("/")):
        return False  # "Sync/Async", "Locking / coalescing" pair two terms; "TCP/IP",
        # "I/O", "Open/Closed Principle" (a pair that qualifies one noun) name one
    if not re.search(r"[A-Za-z가-힣]", bare):
        return False
    if re.fullmatch(r"[\d\s.]+[A-Za-z]?", bare):
        return False
    last = bare.split()[-1]
    if is_hangul(last[-1]):
        if len(last) > 1 and last.endswith(_KO_VERBAL_END):
            return False
        if len(last) > 2 and last.endswith(_KO_ACTIVITY_END):
            return False  # "비유로 이해하기", "실수했을 때 살리기": what to do, not a name
        if len(bare.split()) > 1 and _ends_in_particle(last):
            return False
        if any(_ends_in_particle(w) for w in bare.split()[:-1] if is_hangul(w[-1])
               and not w.endswith("의")):
            return False
    elif _EN_VERB.search(bare) or _EN_TRAILING_LINK.search(bare):
        return False
    return True

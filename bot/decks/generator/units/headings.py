"""What a heading says about the section under it.

A heading may name a term ("## Deadlock", "### git stash - 작업 내용 임시 저장"),
ask a question ("HTTPS란?", "Explain …"), name a property of its parent
("장점", "Strengths of Virtual Machines", "스케줄링의 목적"), compare ("A vs B",
"TCP와 UDP의 차이"), announce a process ("연결 과정"), or be furniture
("References", "작성자", "목차") whose content is never a card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.decks.generator.units.questions import as_question
from bot.decks.generator.units.terms import EMOJI, clean_term, is_term_like, split_alias

_NUMBERING = re.compile(
    r"^\s*(?:(?:제\s*)?\d+(?:[.-]\d+)*\s*[.):장절]?|\(\d{1,2}\)|[IVX]+[.)]|[A-Za-z][.)]|[①-⑳]|"
    r"(?:step|part|chapter|approach|단계|part)\s*\d+\s*[:.)-]?|"
    # "Day 2 — 스레드 풀", "3일차:": the day of a diary the author wrote it on, not what
    r"day\s*\d+\s*[:.)—–-]|\d+\s*일차\s*[:.)—–-]?)"
    r"\s+",
    re.I,
)
_LEADING_SYMBOLS = re.compile(r"^[^\w(\"'`]+", re.U)
#: "MVCC 잠깐", "번외: …": the author's mark of an aside, no part of the name.
_ASIDE_WORD = re.compile(
    r"\s+(?:잠깐|잠깐!|잠시|번외|짚고\s?가기|짚고\s?넘어가기)$|^(?:번외|잠깐)\s*[:：)]?\s+")
#: "S — Single Responsibility Principle": the letter of a mnemonic (SOLID, ACID) before
#: the name it stands for.
_MNEMONIC_LETTER = re.compile(r"^(?P<letter>[A-Z])\s*[—–-]\s+(?=(?P=letter)\w)")
_TRAILING = re.compile(r"[\s:：\-–—.]+$")
#: Pictographs an author decorates a heading with ("비유로 이해하기 ☕", "Tips 💡").
_CATEGORY_TAG = re.compile(r"^\[[^\]]{1,30}\]\s*(?=\S)")

_FURNITURE = re.compile(
    r"^(?:references?|resources?|sources?|links?|further reading|reading list|see also|"
    r"table of contents|contents|toc|credits?|authors?|acknowledge?ments?|footnotes?|"
    r"related|license|changelog|todo|(?:정리|요약|summary|notes?|메모)\s?/\s?todo|참고|참고\s?자료|참고\s?문헌|참고\s?링크|참조|출처|레퍼런스|"
    r"목차|작성자|저자|각주|더\s?읽을\s?거리|읽을\s?거리|관련\s?글|링크|글쓴이|"
    r"useful resources|"
    # The author's own diary: what they felt, what they will study next.
    r"(?:오늘\s?)?(?:느낀\s?점|회고|소감|후기)|잡담|다음\s?(?:목표|할\s?일|공부)|"
    r"(?:[가-힣A-Za-z]+\s)*(?:썰|삽질|경험담|삽질기)|"  # "요금 폭탄 썰": a story
    r"retrospective|reflections?|(?:my\s+)?thoughts|personal notes|next steps|"
    # what the author means to go over again: a to-do, whose points answer nothing
    r"(?:things\s+)?to\s+(?:review|revisit|re-?read)\b.*|review\s+(?:list|checklist)|"
    r"복습(?:\s?(?:체크|할\s?것|목록|리스트|거리))?|다시\s?볼\s?것)$",
    re.I,
)
_NOTE_ABOUT_ITSELF = re.compile(
    r"^(?:purpose|introduction|intro|overview|summary|conclusion|background|motivation|"
    r"(?:quick\s|final\s|my\s)?(?:summary|recap)(?:\sfor\s(?:myself|me|review|revision))?|"
    r"prerequisites?|before you start|들어가며|들어가기|개요|소개|요약|정리|결론|마치며|마무리|"
    r"서론|배경|용어|용어\s?정리|용어\s?(?:먼저|부터)|핵심\s?용어|키워드|핵심\s?개념|개념\s?정리|"
    r"glossary|terms|core\s(?:nouns|concepts|terms|ideas)|key\sconcepts|fundamentals|basics|"
    r"(?:the\s)?big\spicture|tl;?dr|"
    r"terminology|key\s?terms|keywords|vocabulary|"
    r"기타|추가|사전\s?지식|배경\s?지식|선수\s?지식|알아두기|짚고\s?넘어가기|"
    # the author's own odds and ends and self-tests: read, but no concept of their own
    r"misc\.?|miscellaneous|odds and ends|(?:quick\s)?self[-\s]?(?:check|test|quiz)|quiz|"
    r"(?:misc\.?\s)?things (?:to (?:not )?|not to )(?:forget|remember)|"
    r"메모|꼬리\s?질문(?:\s?메모)?|셀프\s?체크|확인\s?문제|연습\s?문제|"
    # a page's questions and answers: each asked on its own, the heading no concept
    r"q\s?&\s?a|faq|자주\s?묻는\s?질문|예상\s?질문|면접\s?질문|"
    # advice lists: what not to do is no concept ("## Don't:")
    r"don'?t|do'?s and don'?ts|dos and don'?ts|never|avoid|하지\s?말\s?것|금지)$",
    re.I,
)
_PROPERTY = (
    # "Pros/Cons of automatic GC", "캐시의 장단점": names the subject of the lists below,
    # each of which its lead-in ("Pros:", "단점") labels.
    ("pros-and-cons", re.compile(
        r"^(?:(?P<s1>.+?)의\s*)?(?:장단점|장\s?/\s?단점|장점과\s?단점)$|"
        r"^(?:pros\s*(?:/|and|&)\s*cons|advantages\s*(?:/|and|&)\s*disadvantages|"
        r"strengths\s*(?:/|and|&)\s*weaknesses)(?:\s+(?:of|for)\s+(?P<s2>.+))?$", re.I)),
    ("pros", re.compile(r"^(?:(?P<s1>.+?)의\s*)?(?:장점|이점|좋은\s?점)$|"
                        r"^(?:advantages?|pros|benefits?|strengths?|upsides?)"
                        r"(?:\s+(?:of|for)\s+(?P<s2>.+))?$", re.I)),
    ("cons", re.compile(r"^(?:(?P<s1>.+?)의\s*)?(?:단점|한계|한계점|문제점|약점)$|"
                        r"^(?:disadvantages?|cons|drawbacks?|downsides?|weakness(?:es)?|"
                        r"limitations?|problems?)(?:\s+(?:of|for|with)\s+(?P<s2>.+))?$", re.I)),
    ("features", re.compile(r"^(?:(?P<s1>.+?)의\s*)?(?:특징|특성|성질|기능)$|"
                            r"^(?:features?|characteristics|properties)"
                            r"(?:\s+(?:of|for)\s+(?P<s2>.+))?$", re.I)),
    ("members", re.compile(r"^(?:(?P<s1>.+?)의\s*)?(?:종류|유형|분류|구분|구성\s?요소|구성)$|"
                           r"^(?:types|kinds|categories|components)"
                           r"(?:\s+of\s+(?P<s2>.+))?$", re.I)),
    ("purpose", re.compile(r"^(?:(?P<s1>.+?)의\s*)?(?:목적|목표|용도|역할|필요성|이유)$|"
                           r"^(?:purpose|goals?|uses?|why)(?:\s+(?:of|for)\s+(?P<s2>.+))?$|"
                           r"^why\s+(?:use\s+)?(?P<s3>[A-Za-z][\w ./+-]{0,30})$", re.I)),
)
_DIFFERENCE = re.compile(
    r"^(?P<a>.+?)(?:\s*\b(?:vs\.?|versus)\s*|\s+대\s+)(?P<b>.+?)(?:\s*(?:의\s*)?(?:차이점?|비교))?$|"
    r"^(?P<c>.+?)(?:와|과)\s+(?P<d>.+?)(?:의)?\s*(?:차이점?|비교)(?:\s*(?:은|는)?\s*\??)?$|"
    r"^(?:differences?\s+between|comparing|comparison\s+of)\s+(?P<e>.+?)\s+(?:and|&|vs\.?)\s+"
    r"(?P<f>.+)$",
    re.I,
)
_PROCESS = re.compile(
    r"(?:과정|절차|순서|단계|흐름|동작\s?(?:방식|원리|과정)|작동\s?(?:방식|원리)|처리\s?과정|"
    r"\bprocess\b|\bsteps?\b|\bflow\b|\bprocedure\b|\bworkflow\b|\blifecycle\b|\bhow\b.+\bworks?\b|"
    r"handshake|핸드\s?셰이크|핸드\s?쉐이크)",
    re.I,
)
#: "# asyncio — interview prep Q&A", "# git — 정리 노트": what the note is, not what a
#: command does.
_NOTE_GENRE = re.compile(
    r"\b(?:q\s?&\s?a|faq|notes?|cheat\s?sheet|interview|prep|summary|guide|tutorial|til|"
    r"study|lecture|overview|basics)\b|노트|면접|스터디|개념\s?정리|공부\s?(?:기록|정리)|"
    r"(?:오늘의\s?)?핵심$", re.I)
#: "git reflog - I didn't actually lose that work": the author's story, not what it does.
_FIRST_PERSON = re.compile(r"(?:I|I'm|I've|I'd|my|we|our|저는|제가|내가|나는)\b", re.I)
_COMMAND = re.compile(r"^(?P<cmd>[a-z][\w.-]*(?:\s+[-\w.<>\[\]/=]+){0,4})\s+[-–—:]\s+(?P<what>.+)$")


@dataclass(frozen=True)
class HeadingInfo:
    # term | question | property | difference | process | furniture | about | topic | command
    kind: str
    text: str  # the heading, cleaned of numbering and marks
    term: str = ""  # the term it names (term, command)
    alias: str | None = None
    prop: str = ""  # pros | cons | pros-and-cons | features | members | purpose
    prop_subject: str = ""  # the subject a property heading names itself ("스케줄링의 목적")
    compared: tuple[str, ...] = ()
    question: str = ""
    purpose: str = ""  # a command heading's description


#: "운영체제 정리 - ", "TIL: ", "Week 3 notes — ": what the note is, before its subject.
_GENRE_PREFIX = re.compile(
    r"^[^-–—:]{0,30}?(?:정리|요약|노트|강의|공부|스터디|면접|주차|TIL|notes?|lecture|study|"
    r"week\s?\d+|cheat\s?sheet)\s*(?:\s[-–—]|:)\s+(?=\S)", re.I)


#: "OAuth 2.0 정리", "Docker 공부", "Kafka notes": what the note is, after its subject.
#: ("CAP 정리", "마스터 정리" are theorems: "정리" goes only with the note's own aside in
#: Korean or numbers, "OAuth 2.0 정리 (스터디 3주차)", see `drop_genre`.)
_GENRE_SUFFIX = re.compile(r"(?<=\S)\s+(?:요약|노트|공부|스터디|notes|cheat\s?sheet)$", re.I)
_SUMMED_UP = re.compile(r"^(?P<s>.*\S)\s+정리\s*\((?=[^()]*[가-힣0-9])[^()]*\)$")


def drop_genre(title: str) -> str:
    """"운영체제 정리 - 파일 시스템" -> "파일 시스템", "OAuth 2.0 정리" -> "OAuth 2.0": the
    subject of a note's title."""
    bare = _GENRE_PREFIX.sub("", title, count=1) or title
    summed = _SUMMED_UP.match(bare.strip())
    if summed:
        return summed["s"]
    return _GENRE_SUFFIX.sub("", bare.strip()) or bare


#: "## A", "## D–F", "## ㄱ", "## 0-9": a glossary's index letter, read but naming nothing.
#: (Not "## 큐": a one-syllable Korean name is a name.)
_INDEX_LETTER = re.compile(r"[A-Za-z](?:\s*[-–~]\s*[A-Za-z])?|[ㄱ-ㅎ](?:\s*[-–~]\s*[ㄱ-ㅎ])?|"
                           r"[가-힣]\s*[-–~]\s*[가-힣]|0\s*[-–~]\s*9|#|[0-9]")


def is_index_letter(title: str) -> bool:
    """"## D", "## ㄱ": perhaps a glossary's index letter; only its siblings tell ("## C"
    may be the language), see `index_headings`."""
    return bool(_INDEX_LETTER.fullmatch(title.strip()))


def clean_heading(title: str) -> str:
    # "[알고리즘 스터디] 동적 계획법": a blog's category tag before the title.
    text = _LEADING_SYMBOLS.sub("", _CATEGORY_TAG.sub("", EMOJI.sub(" ", title).strip()))
    previous = None
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text).strip()
    text = _MNEMONIC_LETTER.sub("", text)
    text = _ASIDE_WORD.sub("", text)
    return _TRAILING.sub("", text).strip()


def classify(title: str, lang: str) -> HeadingInfo:
    raw = " ".join(title.split())
    text = clean_heading(raw)
    if not text:
        return HeadingInfo("furniture", text)
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", text).strip()
    if _FURNITURE.match(bare) or _FURNITURE.match(text):
        return HeadingInfo("furniture", text)
    question = as_question(raw.strip(), lang) or as_question(text, lang)
    if question is not None:
        return HeadingInfo("question", text, question=question)
    if _NOTE_ABOUT_ITSELF.match(bare):
        return HeadingInfo("about", text)
    command = _COMMAND.match(text)
    if command and not re.search("[가-힣]", command.group("cmd")) \
            and not _NOTE_GENRE.search(command.group("what")) \
            and not _FIRST_PERSON.match(command.group("what")):
        return HeadingInfo("command", text, term=command.group("cmd").strip(),
                           purpose=command.group("what").strip())
    for prop, pattern in _PROPERTY:
        match = pattern.match(bare)
        if match:
            named = match.groupdict()
            subject = (named.get("s1") or named.get("s2") or named.get("s3") or "").strip()
            return HeadingInfo("property", text, prop=prop, prop_subject=clean_term(subject))
    diff = _DIFFERENCE.match(bare)
    if diff:
        pairs = [(diff.group(a), diff.group(b)) for a, b in (("a", "b"), ("c", "d"), ("e", "f"))]
        first, second = next((x, y) for x, y in pairs if x and y)
        # "구현 방식: 메모이제이션 vs 타뷸레이션": the label before a colon is no side.
        first = re.split(r"[:：]\s+", first)[-1]
        first, second = clean_term(first), clean_term(second)
        if first and second and len(first) <= 40 and len(second) <= 40:
            return HeadingInfo("difference", text, compared=(first, second))
    if _PROCESS.search(bare):
        return HeadingInfo("process", text)
    name_first = re.match(r"^([A-Z][A-Z0-9./+-]{1,15})\s+[—–]\s+(\S.{0,30})$", text)
    if name_first:  # "RIP — 거리 벡터": a name, then the kind it is
        return HeadingInfo("term", text, term=name_first.group(1),
                           alias=name_first.group(2).strip())
    term, alias = split_alias(text)
    term = clean_term(term)
    if term and is_term_like(term, lang):
        return HeadingInfo("term", text, term=term, alias=alias)
    # "멀티프로세싱(Multiprocessing), 다중 처리": a term followed by its other names.
    first = text.split(",")[0].strip()
    if first != text and first.count("(") == first.count(")"):  # (not "링크 (Symbolic Link")
        term, alias = split_alias(first)
        term = clean_term(term)
        if term and is_term_like(term, lang):
            return HeadingInfo("term", text, term=term, alias=alias)
    return HeadingInfo("topic", text)

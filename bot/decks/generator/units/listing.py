"""What a list is: questions with nested answers, terms with their explanations,
the members of a named group, pros and cons, or the steps of a process.

Numbered lists are not procedures by default: reasons, kinds and reading lists
are numbered too.  A list is a process only when its heading or lead-in says so
("과정", "순서", "steps"), and a group only when something names it ("4가지 조건",
"종류는 다음과 같다", "Types of …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.decks.generator.korean import is_hangul
from bot.decks.generator.notetree import (
    Block,
    Code,
    Details,
    Heading,
    Item,
    ListBlock,
    Para,
    Quote,
    Table,
)
from bot.decks.generator.sentences import normalise, split_sentences
from bot.decks.generator.units.definitions import colon_definition, is_attribute_label
from bot.decks.generator.units.headings import HeadingInfo
from bot.decks.generator.units.questions import as_question
from bot.decks.generator.units.render import (
    answer_text,
    block_lines_text,
    clean_sentence,
    drop_chatty_asides,
    links_only,
)
from bot.decks.generator.units.terms import clean_term, is_generic, is_term_like, split_alias

PROCESS_CUE = re.compile(
    r"순서|과정|단계|절차|흐름|진행\s?방식|동작\s?방식|작동\s?방식|처리\s?방식|\bprocess\b|\bsteps?\b|"
    r"\bin order\b|\bflow\b|procedure|lifecycle|pipeline|workflow|sequence|handshake|"
    r"핸드\s?[셰쉐]이크",
    re.I,
)
_PROS = re.compile(r"^(?:장점|이점|advantages?|pros|benefits?|strengths?|upsides?)$", re.I)
_CONS = re.compile(r"^(?:단점|한계|문제점|disadvantages?|cons|drawbacks?|downsides?|"
                   r"weakness(?:es)?|limitations?)$", re.I)
_FEATURES = re.compile(r"^(?:특징|특성|features?|characteristics|properties)$", re.I)

_KO_LEAD = (
    # "X의 종류는 다음과 같다", "X의 특징은 아래와 같다:"
    re.compile(r"^(?P<label>.+?)(?:은|는|이|가)\s*(?:다음|아래)(?:과|와)\s*같(?:다|습니다|아요|음)[.:]?$"),
    # "X에는 (다음과 같은) (N가지) Y가 있다"
    re.compile(r"^(?P<x>.+?)에는\s*(?:다음과\s*같은\s*|아래와\s*같은\s*|크게\s*)?(?P<n>\d+\s*가지\s*)?"
               r"(?P<y>[^\s]+?)(?:이|가)\s*있(?:다|습니다|어요|음)[.:]?$"),
    # "… (다음|아래)의 N가지 Y(을|를) …"
    re.compile(r"(?:다음|아래)의?\s*(?P<n>\d+\s*가지)\s*(?P<y>[^\s]+?)(?:을|를|이|가|은|는)\s"),
)
_EN_LEAD = (
    re.compile(r"^(?:the\s+)?(?P<n>\w+\s+)?(?P<label>[\w\s'-]{3,60}?)\s+(?:are|include|is)\s*:?$",
               re.I),
    re.compile(r"^there\s+are\s+(?P<n>\w+)\s+(?P<label>[\w\s'-]{3,60}?)\s*:?$", re.I),
    re.compile(r"^(?P<x>[\w\s'-]{2,40}?)\s+(?:has|have)\s+the\s+following\s+(?P<label>[\w\s'-]{3,40}?)"
               r"\s*:?$", re.I),
)
_GROUP_WORDS = re.compile(
    r"종류|유형|조건|요소|구성|원칙|특징|장점|단점|기능|방법|방식|기법|알고리즘|성질|속성|규칙|원인|"
    r"\btypes?\b|\bkinds?\b|\bconditions?\b|\bcomponents?\b|\bprinciples?\b|\bfeatures?\b|"
    r"\bproperties\b|\bmethods?\b|\btechniques?\b|\balgorithms?\b|\blevels?\b|\bcategories\b|"
    r"\brules?\b|\bcauses?\b|\bstates?\b|\bmodes?\b|\blayers?\b|"
    r"전략|정책|지표|패턴|모델|\bstrategies\b|\bapproaches\b|\bpatterns\b|\bmetrics\b|"
    r"\bparts\b|\bpolicies\b|\bmodels\b|\bways\b|\btechnologies\b",
    re.I,
)
_ATTRIBUTES = {
    "definition": re.compile(r"^(?:(?:formal\s+|informal\s+)?definition|정의|개념|뜻|의미|"
                             r"meaning)$",
                             re.I),
    "pros": re.compile(r"^(?:장점|이점|advantages?|pros?|benefits?|upsides?|strengths?)$", re.I),
    "cons": re.compile(r"^(?:단점|트레이드\s?오프|disadvantages?|cons?|drawbacks?|downsides?|"
                       r"weakness(?:es)?|trade-?offs?|tradeoffs?)$", re.I),
    # "Java: `Arrays.asList()` adapts …": a language's instance of the subject
    "example": re.compile(r"^(?:예|예시|예제|ex|e\.g|examples?|usage|사용\s?예|in (?:java|python)|"
                          r"java|python|go|golang|javascript|js|typescript|ts|kotlin|c\+\+|"
                          r"c#|rust|ruby|php|swift|scala)$", re.I),
    "problem": re.compile(r"^(?:문제|문제점|한계|한계점|problems?|issues?|limitations?|caveats?)$",
                          re.I),
    "purpose": re.compile(r"^(?:목적|목표|용도|역할|purpose|goals?|use|uses|role)$", re.I),
    "intent": re.compile(r"^(?:intent|의도)$", re.I),
    # "typical: wrapping a legacy library": when the subject is used
    "when": re.compile(r"^(?:typical(?:ly)?|typical use|common use|use when|when to use(?: it)?|"
                       r"사용하는\s?경우|언제 쓰나)$", re.I),
    "cause": re.compile(r"^(?:원인|이유|causes?|reasons?)$", re.I),
    # "**Why:** changing the PDF layout shouldn't break tax code": why the subject is
    # worth following, not what causes it
    "rationale": re.compile(r"^(?:why|why it matters|why bother|필요성|왜)$", re.I),
    "solution": re.compile(r"^(?:해결|해결책|해결\s?방법|대책|solutions?|fix|fixes)$", re.I),
    "prevention": re.compile(r"^(?:예방|예방\s?법|예방\s?방법|방어|방어\s?방법|방지|방지\s?방법|"
                             r"대응|대응\s?방법|대응\s?방안|보안\s?대책|preventions?|mitigations?|"
                             r"defen[cs]es?|countermeasures?|how to prevent)$", re.I),
    "impact": re.compile(r"^(?:영향|피해|impacts?|consequences?|effects?|risks?)$", re.I),
}
_SENTENCE_END = re.compile(r"(?:다|요|니다|음|함|됨|임|[.!?])\s*$")
_DEFINING_NOUN = re.compile(
    r"(?:것|상태|방법|방식|기법|기술|구조|과정|개념|단위|공간|영역|프로그램|알고리즘|프로토콜|"
    r"자료\s?구조|시스템|서비스|모델|계층|값|집합|장치|도구|함수|명령|파일|현상|문제|성질|속성|조건|"
    r"기능|역할|인스턴스|객체|규칙|정책)$"
)


@dataclass(frozen=True)
class Group:
    label: str
    prop: str = ""  # pros | cons | features | members


@dataclass
class TermItem:
    term: str
    alias: str | None
    description: str
    confident: bool
    lines: tuple[int, int]
    attribute: bool = False  # "Problem: …": a property of the enclosing subject
    rest: list[Block] = field(default_factory=list)  # nested blocks still to read
    article: str | None = None  # how an English question names it ("the ready state")


def attribute_kind(label: str) -> str:
    bare = label.strip().lower().rstrip(":")
    for kind, pattern in _ATTRIBUTES.items():
        if pattern.match(bare):
            return kind
    return ""


def _head_text(item: Item) -> str:
    head = item.head
    if head is None:
        return ""
    return normalise(" ".join(s.text for s in split_sentences(head)))


def item_texts(block: ListBlock) -> list[str]:
    """Each item's text as one line (nested items included as separate entries)."""
    out: list[str] = []
    for item in block.items:
        text = clean_sentence(_head_text(item)) if item.head is not None else None
        if text:
            out.append(text.rstrip("."))
    return out


def item_heads(block: ListBlock) -> list[str]:
    return item_texts(block)


def first_list_items(blocks: list[Block]) -> list[str]:
    for block in blocks:
        if isinstance(block, ListBlock):
            return item_texts(block)
        if isinstance(block, Code) and block.prose:
            found = first_list_items(block.prose)
            if found:
                return found
    return []


def step_texts(block: ListBlock) -> list[str]:
    steps: list[str] = []
    for item in block.items:
        text = _head_text(item)
        if not text:
            lines = block_lines_text(item.blocks)
            text = lines[0] if lines else ""
        text = clean_sentence(text) or ""
        if text:
            steps.append(text.rstrip("."))
    return steps


def short_items(block: ListBlock) -> bool:
    texts = item_texts(block)
    return 2 <= len(texts) <= 10 and all(len(t) <= 70 and not _SENTENCE_END.search(t)
                                         for t in texts)


#: "끊을 땐 왜 4번? → 서버가 …": a question and its answer set aside in a quote.
_ASKED_ASIDE = re.compile(r"\?\s*(?:→|->|=>)")


def asks_next(block: Block) -> bool:
    """Whether ``block`` asks the next question, ending the answer before it: a
    paragraph that is a question, or opens with one on a line of its own ("**꼬리질문:
    HTTP/3는 UDP 쓴다던데요?**⏎네, …"), or a quote that asks and answers ("> 끊을 땐 왜
    4번? → …")."""
    if isinstance(block, Para):
        text = normalise(block.text.text)
        first = block.text.text.split("\n")[0].strip()
        return as_question(text, "ko") is not None or (
            first != block.text.text.strip() and first.endswith("?") and len(first) <= 80
            and as_question(normalise(first), "ko") is not None)
    if isinstance(block, Quote):
        return any(isinstance(b, Para) and _ASKED_ASIDE.search(b.text.text)
                   for b in block.blocks)
    return False


def answer_blocks(rest: list[Block]) -> list[Block]:
    """The blocks after a question paragraph that answer it: up to the next question."""
    out: list[Block] = []
    for block in rest:
        if asks_next(block):
            break
        if isinstance(block, (Heading, Details)):
            break
        out.append(block)
    return out if answer_text(out)[0] else []


def question_items(block: ListBlock, lang: str) -> list[tuple[str, Item]] | None:
    """Items that are questions (at least half of them): "- Q. …?" with nested answers."""
    found: list[tuple[str, Item]] = []
    for item in block.items:
        head = item.head
        if head is None:
            continue
        question = as_question(normalise(head.text), lang)
        if question is not None:
            found.append((question, item))
    if not found or len(found) * 2 < len(block.items):
        return None
    return found


def same_kind(names: list[str], label: str) -> list[str]:
    """Members that share the group's head word ("선점 스케줄링", "비선점 스케줄링" under
    "스케줄링 알고리즘"), when most of them do: a glossary entry after them is not one."""
    heads = [n.split()[-1] for n in names if len(n.split()) > 1]
    if not heads:
        return names
    common = max(dict.fromkeys(heads), key=heads.count)  # ties: the first, not a hash order
    sharing = [n for n in names if n.split()[-1] == common and len(n.split()) > 1]
    if len(sharing) >= 2 and len(sharing) * 3 >= len(names) * 2 and common in label:
        return sharing
    return names


def group_label(lead: str, heading: HeadingInfo | None, lang: str, *,
                first: bool) -> Group | None:
    """What names the list: its lead-in sentence, else (for the first list of a section)
    the heading."""
    text = lead.strip()
    if text:
        bare = text.rstrip(":： ").strip()
        if _PROS.match(bare):
            return Group(bare, "pros")
        if _CONS.match(bare):
            return Group(bare, "cons")
        if _FEATURES.match(bare):
            return Group(bare, "features")
        label = _lead_label(text, lang)
        if label:
            return Group(_with_heading(label, heading), "members")
        return None
    if heading is None or not first:
        return None
    if heading.kind == "property" and heading.prop in ("pros", "cons", "features"):
        return Group(heading.text, heading.prop)
    if heading.kind in ("property", "topic", "process") and _GROUP_WORDS.search(heading.text):
        # "쿠키 속성 정리": the note's word for what it did, no part of the group's name
        return Group(_NOTE_WORD.sub("", heading.text).strip() or heading.text, "members")
    return None


_NOTE_WORD = re.compile(r"\s*(?:총?정리|요약|모음|메모|summary|notes|recap)$", re.I)


def _with_heading(label: str, heading: HeadingInfo | None) -> str:
    """"조건 4가지" under "## 데드락이 발생하는 조건" is "데드락이 발생하는 조건 4가지"."""
    if heading is None or heading.kind in ("furniture", "about"):
        return label
    words = label.split()
    noun = next((w for w in words if _GROUP_WORDS.search(w)), "")
    if noun and len(words) <= 2 and noun in heading.text and label not in heading.text:
        count = "".join(w for w in words if w != noun)
        return f"{heading.text} {count}".strip()
    return label


def _lead_label(text: str, lang: str) -> str:
    bare = text.strip()
    if lang == "ko" or re.search("[가-힣]", bare):
        for pattern in _KO_LEAD:
            match = pattern.search(bare)
            if not match:
                continue
            groups = match.groupdict()
            if groups.get("label"):
                label = groups["label"].strip()
            else:
                x = (groups.get("x") or "").strip()
                y = (groups.get("y") or "").strip()
                label = f"{x}의 {y}" if x else y
            count = (groups.get("n") or "").replace(" ", "")
            if count and label and count not in label:
                label = f"{label} {count}"
            if _GROUP_WORDS.search(label) and len(label) <= 40:
                return label
        if bare.endswith((":", "：")):
            label = bare.rstrip(":： ").strip()
            if _GROUP_WORDS.search(label) and len(label) <= 40 and not _SENTENCE_END.search(label):
                return label
        return ""
    for pattern in _EN_LEAD:
        match = pattern.match(bare)
        if not match:
            continue
        label = match.group("label").strip()
        x = match.groupdict().get("x")
        if x:
            label = f"{label} of {x.strip()}"
        if _GROUP_WORDS.search(label) and len(label.split()) <= 8:
            return label
    if bare.endswith(":"):
        label = re.sub(r"^there\s+(?:are|is|might be|may be|can be|could be|will be)\s+", "",
                       bare.rstrip(": ").strip(), flags=re.I)
        named = re.sub(r"\([^()]*\)", "", label)  # "(out of core algorithms)" is an aside
        if _GROUP_WORDS.search(named) and len(label.split()) <= 8 and not re.search(
                r"\b(?:is|are|was|were|be|been|can|will|might|may|should|must|have|has)\b",
                label, re.I):
            return label
    return ""


def is_process(block: ListBlock, lead: str, heading: HeadingInfo | None) -> bool:
    if not block.ordered or len(block.items) < 2:
        return False
    if lead and PROCESS_CUE.search(lead):
        return True
    return bool(not lead and heading is not None and heading.kind == "process")


def _split_head(text: str) -> tuple[str, str] | None:
    """"Term: description", "Term - description", "Term → description"."""
    pair = colon_definition(text)
    if pair is not None:
        return pair
    # "문제점: …", "장점 : …": a property label is no term, but still labels its value.
    labelled = re.match(r"^([^:：]{1,20}?)\s*[:：]\s*(.+)$", text.strip())
    if labelled and attribute_kind(labelled.group(1)):
        return labelled.group(1).strip(), labelled.group(2).strip().rstrip(".")
    return None


def _is_reference_or_command(item: Item) -> bool:
    """An item that opens with a link ("[Git error](…): …") lists reading, and one that
    opens with code holding a space or a flag ("`netstat -atn`") shows a command: neither
    names a concept to define."""
    head = item.head
    if head is None:
        return False
    if head.links and head.links[0][0] <= 1:
        return True
    if head.code and head.code[0][0] <= 1:
        start, end = head.code[0]
        code = head.text[start:end]
        return " " in code.strip() or code.strip().startswith("-")
    return False


#: The words after a marked word make it the modifier of another noun, the subject of
#: the sentence: "**Clustered** 인덱스는 …", "**Clustered** indexes are …".
_MARKED_MODIFIER = re.compile(
    r"^(?:[가-힣A-Za-z]*[가-힣](?:은|는|이|가)\s|(?:형|식|방식|형식)(?:은|는|이|가)?\s|"
    r"[a-z][\w-]*\s+(?:is|are|was|were)\b)")


def _strong_lead(item: Item) -> tuple[str, str] | None:
    """"**Term** description" or "`term` description": the marked words open the item."""
    head = item.head
    if head is None:
        return None
    marked = head.marked()
    if not marked or marked[0][0] > 1:
        return None
    start, end = marked[0]
    term = head.text[start:end].strip()
    rest = head.text[end:].strip()
    if _MARKED_MODIFIER.match(rest):
        return None  # "**Clustered** 인덱스는 …": a word stressed in a sentence about another
    if re.match(r"^(?:[,，、]\s*[^,，、]{1,30}[,，、]|[/&+]|and\b|or\b)", rest):
        return None  # "`setTimeout`, `setInterval` 등이 들어간다": the first of several names
    # "**Mutual exclusion** condition - …": a plain word finishing the marked term;
    # "**T**imely — …": the rest of a word whose first letter is marked (a mnemonic).
    joined = head.text[end:end + 1].isalnum()
    tail = re.match(r"^([a-z가-힣][\w가-힣]*(?:-[a-z가-힣]+)*)\s*[-–—:]\s+(.+)$", rest)
    if joined and tail is None:  # "**P**artition tolerance — …": the word runs on
        tail = re.match(r"^([a-z][\w-]*(?: [a-z][\w-]*){0,3})\s*[-–—:]\s+(.+)$", rest)
    if tail and (len(tail.group(1)) <= 12 or joined):
        term, rest = f"{term}{'' if joined else ' '}{tail.group(1)}", tail.group(2)
    aside = re.match(r"^\(([^()]{1,60})\)\s*", rest)
    if aside and re.match(r"^(?:[:：\-–—→=]|is\b|are\b|refers\b|means\b)", rest[aside.end():]):
        # "**cwnd** (congestion window) is defined as …": the name's other name, then what
        # it is.
        term, rest = f"{term} ({aside.group(1)})", rest[aside.end():]
    if _PREDICATE.match(rest):
        return None  # "`main` gets one tidy commit per PR": a sentence about the name
    rest = re.sub(r"^(?:->|=>|[:：\-–—→=]+|(?:is|are)\s+defined\s+as\s+|is\s+|are\s+|"
                  r"refers to\s+|means\s+)\s*", "", rest)
    rest = re.sub(r"^(?:이란|란|은|는|이라\s?함은)\s+", "", rest)
    return term, normalise(rest)


#: A verb right after the marked name, no separator between: the name is a sentence's
#: subject ("`main` gets …", "**Git** stores …"), not a term defined ("is", "means" are).
_PREDICATE = re.compile(r"(?!(?:is|are|means|refers|stands)\b)[a-z]{2,}(?:s|ed)\s+"
                        r"(?!of\b|and\b|or\b)\w")
#: A point that only lists names ("Cross-site request forgery, CSRF, XSRF, 사이트 간 요청 위조").
_NAME_LIST = re.compile(r"[^,.:]{1,30}(?:,\s*[^,.:]{1,30}){2,}")
_ADNOMINAL = re.compile(r"(?:인|는|은|한|된|할|될|의|적|던|운|른|난|진|있는|없는)$")


#: "Java: JVM frees objects …": a sentence with a subject of its own says something about
#: that subject, not what the label is.
#: (A name in capitals: a capitalised first word may as well be a verb, "Issue cookies".)
_OWN_SUBJECT = re.compile(r"^(?:[A-Z]{2,}\w*|[A-Z][a-z]+[A-Z]\w*)\s+"
                          r"(?:[a-z]{2,}s|can|will|must|may|is|are|has|have|does)\b")


#: "G1 — default since Java 9": its status in some version, not what it is.
_STATUS = re.compile(r"^(?:default|deprecated|introduced|added|removed|available|since|"
                     r"new in|recommended)\b", re.I)


def _describes(text: str) -> bool:
    """A full sentence or a noun phrase that says what something is ("프로그램을 메모리
    상에서 실행 중인 작업"), not a fragment that says what it does ("L1 영역에 저장")."""
    body = re.sub(r"\s*\([^()]*\)\s*$", "", text.strip()).rstrip(".")
    if len(body) < 8:
        return False
    if "," in body and _HAS_KINDS.search(body):
        return False  # "순서대로 CLB, ALB, NLB가 있음": its kinds, not what it is
    if _SENTENCE_END.search(text.strip()) or _DEFINING_NOUN.search(body):
        return True
    words = body.split()
    if body.count(",") >= 2 and all(len(part.strip()) <= 20 for part in body.split(",")):
        return False  # "누산기, 스택, 색인 레지스터": examples of it, not what it is
    if not is_hangul(body[-1]):
        return len(words) >= 3
    if words[-1] in ("등", "등등"):
        return True  # "전역 변수, 정적 변수, 배열 등": what it holds
    return len(words) >= 2 and not _PARTICLE_END.search(words[-1]) \
        and any(_adnominal(word) for word in words[:-1])


_HAS_KINDS = re.compile(r"(?:이|가)\s?있(?:음|다|습니다|어요)\.?$|^(?:there are|includes?)\b",
                        re.I)
_PARTICLE_END = re.compile(r"(?:을|를|이|가|은|는|에|에서|로|으로|와|과|도|만|의)$")


def _adnominal(word: str) -> bool:
    """"쌓이는", "멈춘", "할", "하나의": a word that modifies the noun after it."""
    if _ADNOMINAL.search(word):
        return True
    last = word[-1]
    if not is_hangul(last):
        return False
    final = (ord(last) - 0xAC00) % 28
    return final in (4, 8)  # ㄴ (만든, 멈춘), ㄹ (할, 쓸)


_EN_OWN_SUBJECT = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?[\w-]+(?:\s[\w-]+)?\s+(?:can|cannot|is|are|was|were|has|have|does|do|"
    r"will|should|must|may|might|need|needs)\b", re.I)


def _short_name(text: str) -> bool:
    """A bullet that only names something ("Hosted hypervisor"), ready for sub-points."""
    words = text.split()
    return 0 < len(words) <= 4 and not _SENTENCE_END.search(text) and ":" not in text


def _describes_head(text: str, lang: str) -> bool:
    if not _describes(text):
        return False
    if lang == "ko" or re.search("[가-힣]", text):
        from bot.decks.generator.units.topics import find_topic_ko

        return find_topic_ko(text) is None
    return not _EN_OWN_SUBJECT.match(text) and len(text.split()) >= 3


#: How much of a term's sub-points make its answer: a few lines a learner can recall.
MAX_FACETS = 4
MAX_FACETS_CHARS = 240


def facets(subs: list[Item], lang: str, term: str = "") -> list[str]:
    """The leading sub-points that each say what the term is or does.

    A lecture-style note describes a term by several short sub-points ("Layer on
    which Docker runs", "Lightweight runtime and tooling…", "Runs natively on
    Linux"); the first alone is a thin answer.  The run stops at the first
    sub-point that is about something else, names a term of its own ("X: …"), or
    would make the answer longer than a learner recalls at once."""
    found: list[str] = []
    for sub in subs[:MAX_FACETS]:
        if sub.head is not None and links_only(sub.head):
            break  # "(도서) [Title](…)": a reading list, not what the term is
        text = _head_text(sub).rstrip(".")
        if not text or not _describes_head(text, lang) or colon_definition(text) is not None:
            break
        if term and text.casefold().startswith(term.casefold()):
            break  # "연결 드레이닝 Connection Draining (CLB)": the name again, not what it is
        if found and re.match(r"^[^:：]{1,24}[:：]", text):
            break  # "문제점: …", "Total allocation: …": a labelled point of its own
        if found and (len(text) + sum(len(f) + 3 for f in found) > MAX_FACETS_CHARS
                      or _ASIDE.match(text)):
            break
        found.append(text)
        if sub.body:
            break  # a sub-point with points of its own: what follows is about them
    return found


#: A sub-point that is an aside or a condition, not a description: "Note: …",
#: "When building a container", "예) …".
_ASIDE = re.compile(
    r"^(?:note|n\.b\.|e\.g\.|i\.e\.|ex\)|example|for example|when|if|while|because|"
    r"although|since|unless|참고|주의|예\)|예시|예를 들어|단,|만약|다만)\b", re.I)


_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.I)


def _name_line_then_text(item: Item, lang: str) -> TermItem | None:
    """An item whose first line only names a term and whose next lines define it by
    name ("- ACL (Access Control List)⏎ACL is used to manage…"): the paragraph is
    the term's description, not a run-on bullet."""
    head = item.head
    if head is None or not head.lines or head.lines[0] == head.lines[-1]:
        return None
    cut = next(i for i, line in enumerate(head.lines) if line != head.lines[0])
    name = normalise(head.text[:cut])
    text = normalise(head.text[cut:])
    if not _short_name(name) or len(text) < 20:
        return None
    term, alias = split_alias(clean_term(name))
    term = clean_term(term)
    if not is_term_like(term, lang, max_words=5) or is_generic(term):
        return None
    opening = _ARTICLE.sub("", text).casefold()
    if not any(n and opening.startswith(n.casefold()) for n in (term, alias)):
        return None
    return TermItem(term, alias, text.rstrip("."), _describes(text), item.lines,
                    rest=item.body)


def defines(text: str, lang: str) -> bool:
    """A point that says what a thing is, by the noun it names it with ("…하는 기능",
    "a protocol that …"), not only what it does."""
    body = text.strip().rstrip(".")
    if lang == "ko" or re.search("[가-힣]", body):
        return bool(_DEFINING_NOUN.search(body))
    # "a protocol that …", "Emulation of a real computer", "Layer on which Docker runs",
    # "Configuration file of instructions to …": a noun named, then what sets it apart.
    return bool(re.match(r"^(?:an?|the|one)\s", body, re.I)
                or re.match(r"^[A-Za-z][a-z]+(?:\s[a-z]+)?\s(?:of|that|which|on which|"
                            r"in which|for|used to|used for)\s", body))


_PARTICLE_START = re.compile(r"^(?:와|과|는|은|을|를|의|로|으로|에|에서|이|가|도|만|하고)\s")
#: (Not a formula: "X → Y 이고 Y → Z".)
_ARROW_RECIPE = re.compile(r"^(?![A-Za-z]\s*(?:→|->))\S+(?:\s\S+){0,2}\s*(?:→|->|=>)")


_EXAMPLE_LEAD = re.compile(r"(?:예|예시|예제)\)\s+")


def term_items(block: ListBlock, lang: str) -> list[TermItem] | None:
    """The items as terms with descriptions, when most items are such."""
    found: list[TermItem] = []
    for item in block.items:
        parsed = term_item(item, lang)
        if parsed is not None:
            found.append(parsed)
    if not found or len(found) * 3 < len(block.items) * 2:
        return None
    return found


def term_item(item: Item, lang: str) -> TermItem | None:
    head = item.head
    if head is None or _is_reference_or_command(item):
        return None
    text = normalise(head.text)
    example = _EXAMPLE_LEAD.match(text)
    if example:  # "예) `{"op": …}` 같은 요청은 …": the example label, as "예: …" is
        return TermItem("예", None, text[example.end():].strip().rstrip("."), True,
                        item.lines, attribute=True, rest=item.body)
    lines = item.lines
    heading_item = isinstance(item.blocks[0], Heading)
    body = item.body
    named = _name_line_then_text(item, lang)
    if named is not None:
        return named
    # "Term: description" on the item's own line.
    pair = _strong_lead(item)
    if pair is None or not pair[1] or re.match(r"[,&]\s*\S", pair[1].lstrip()):
        # ("`Domain`, `Path` : 쿠키 보낼 범위": the marked word is one of the names the
        # line describes; the label runs to the colon)
        split = _split_head(text)
        if split is not None:
            pair = split
    if pair is not None and pair[1]:
        label, desc = pair
        term, alias = split_alias(clean_term(label))
        term = clean_term(term)
        # ("- `Effect`: Allow | Deny" names a field of a JSON document, no "effect" of it)
        coded = item.head is not None and any(a <= 1 for a, _ in item.head.code)
        if (is_attribute_label(term) or attribute_kind(term)) and not coded:
            return TermItem(term, None, desc.rstrip("."), True, lines, attribute=True, rest=body)
        desc = drop_chatty_asides(re.sub(r"^[,;:·–— ]*(?:->|=>|-)?\s*", "", desc)).rstrip(".")
        if _PARTICLE_START.match(desc):
            return None  # "**공개키** 와 **개인키** 한 쌍": a sentence past the bold word
        if desc.startswith(("+ ", "& ")):  # (not "+1 MSS per RTT")
            # "L3 — + hypermedia": one of a list of names, said by what it adds to the
            # one above: no meaning of its own, and no residue in an answer
            return TermItem(term, alias, desc.lstrip("+& "), False, lines, rest=body)
        if is_term_like(term, lang, max_words=5) and not is_generic(term) and desc:
            about_other = bool(_OWN_SUBJECT.match(desc) or _STATUS.match(desc)) \
                and not desc.casefold().startswith(term.casefold())
            # "insert: hash → append to the bucket": a few words and an arrow are steps
            # or a recipe, not what the term is.
            steps = bool(_ARROW_RECIPE.match(desc))
            return TermItem(term, alias, desc, _describes(desc) and not about_other
                            and not steps, lines, rest=body,
                            # "- `xmin` — …": a name in code, said as written ("What is xmin?")
                            article="code" if coded and term.islower() and " " not in term
                            else None)
        return None
    # A bare term (bold or not, or an item heading), explained by what is nested under it.
    label = pair[0] if pair is not None else text
    kind = attribute_kind(clean_term(label))
    if kind and body and isinstance(body[0], ListBlock):
        # "- Prevention:" or "- 개념" over its points: the subject's property, all of them.
        texts = item_texts(body[0])
        flat = len(texts) == len(body[0].items) and not any(i.body for i in body[0].items)
        # "Cross-site request forgery, CSRF, XSRF" under "개념" names it, says nothing of it.
        values = [v for v in texts if kind != "definition" or not _NAME_LIST.fullmatch(v)]
        if values and len(values) <= 6:
            described = values[0] if len(values) == 1 else "\n".join(f"• {v}" for v in values)
            sure = flat and len(values) <= (3 if kind == "definition" else 6)
            return TermItem(clean_term(label), None, described, sure, lines, attribute=True,
                            rest=body[1:])
    term, alias = split_alias(clean_term(label))
    term = clean_term(term)
    if not is_term_like(term, lang, max_words=5):
        return None
    if not body:
        return None
    first = body[0]
    if isinstance(first, (Para, Quote)):
        lines_text = block_lines_text([first])
        desc = " ".join(lines_text).strip()
        if desc:
            return TermItem(term, alias, desc.rstrip("."), _describes(desc), lines,
                            rest=body[1:])
    marked = heading_item or pair is not None
    if isinstance(first, ListBlock) and (marked or _short_name(text)):
        # Sub-points under a term: the first one describes it only when it says what the
        # term is or does, without a subject of its own ("Layer on which Docker runs",
        # "Runs on top of the host OS"), not a point about something else ("VMs can only
        # issue hypercalls"); the rest are read in the term's scope.
        points = facets(first.items, lang, term)
        if points:
            subs = first.items[len(points):]
            rest = [b for point in first.items[:len(points)] for b in point.body]
            rest += [ListBlock(first.ordered, subs), *body[1:]] if subs else body[1:]
            described = points[0] if len(points) == 1 else "\n".join(f"• {p}" for p in points)
            return TermItem(term, alias, described, marked, lines, rest=rest)
        return TermItem(term, alias, "", False, lines, rest=body)
    if isinstance(first, (Code, Table, Details)):
        return TermItem(term, alias, "", False, lines, rest=body)
    return None

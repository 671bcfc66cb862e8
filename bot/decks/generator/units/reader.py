"""Walk a note's tree and recognise its knowledge units.

The walk keeps a scope: what the text is about (the subject: a heading's term, a
question's topic, a bullet's bold term) and the group it belongs to (the
context, so "Consistency" under ACID is asked as ACID's).  Each block is read
with what comes right before it, because structure is the signal: a lead-in
sentence names the list below it, a bullet's nested paragraph defines the
bullet, a ``<details>`` titled "Explanation" answers the question above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

import bot.decks.generator.units.definitions as definitions
import bot.decks.generator.units.listing as listing
import bot.decks.generator.units.prose as prose
import bot.decks.generator.units.tables as tables
from bot.decks.generator.cards import normalise_key
from bot.decks.generator.inline import InlineText
from bot.decks.generator.notetree import (
    Block,
    Code,
    Details,
    Heading,
    Item,
    ListBlock,
    Note,
    Para,
    Quote,
    Section,
    Table,
)
from bot.decks.generator.sentences import Sentence, normalise, split_sentences
from bot.decks.generator.units.headings import (
    HeadingInfo,
    classify,
    clean_heading,
    drop_genre,
    is_index_letter,
)
from bot.decks.generator.units.labels import drop_figure_asides, strip_note_prefix
from bot.decks.generator.units.model import Unit
from bot.decks.generator.units.questions import (
    as_question,
    is_generic_summary,
    lacks_subject,
    topic_of,
    with_subject,
)
from bot.decks.generator.units.render import (
    answer_text,
    clean_sentence,
    follow_up_line,
    follow_ups,
    has_code,
    links_only,
    one_liner,
    spell_out_chat_yes_no,
    whole_blocks_text,
)
from bot.decks.generator.units.terms import (
    COUNTED_GROUP,
    clean_term,
    is_activity,
    is_course_part,
    is_generic,
    is_structure,
    is_term_like,
    singular,
    split_alias,
)

_SELF_REFERENCE = re.compile(
    r"(?:^|\s)(?:이|그|저|위|아래|이런|그런|이러한|그러한|해당)\s+\S|^(?:그럼|그러면|그래서|그리고|또|이것|그것|이건|그건)"
    # "각각 장단점은?": each of what the question before asked
    r"|^(?:각각|둘\s?다|둘\s?중|그\s?중)(?:\s|의|은|는|$)"
    r"|^(?:and|but|so|then|what about|how about)\b"
    r"|\b(?:this|that|these|those|it|they|them|above|below)\b",
    re.I,
)


_KO_NAMES_LIST = re.compile(r"^(?P<x>.+?)(?:은|는|이|가)\s*(?:다음|아래)(?:과|와)\s*같")
_YES_LEAD = re.compile(r"^(?:yes|yeah|sure|no|네|예|아니요)\s*[,.!]\s*", re.I)
#: A lead-in that only says a list follows ("a few are given below:", "few are here:"):
#: the list itself answers.
_FILLER_LEAD = re.compile(
    r"^(?:a\s+)?(?:few|some)(?:\s+of\s+them)?\s+(?:are|is)\s+(?:here|given below|listed below|"
    r"below|as follows)\s*:?\s*\n|"
    # "외울 것만 간단히:", "In short:": the author's way into the list, no part of it
    r"^[^\n]{0,12}(?:간단히|요약하면|정리하면|핵심만|in short|briefly|tl;?dr)[^\n]{0,6}[:：]\s*\n",
    re.I)
_YES_NO = re.compile(r"^(?:is|are|can|could|does|do|did|should|will|would|has|have|was|were)\s",
                     re.I)
_ASKS_FOR_MORE = re.compile(r"\b(?:explain|describe|brief|list|name|how|what|why|which|when|where|"
                            r"difference|compare)\b", re.I)



#: A line that only announces what follows: "크게 세 가지로 답하면 돼요.", "Three ways:".
_ANNOUNCES = re.compile(r"(?:두|세|네|다섯|\d)\s?가지|다음과\s?같|아래와\s?같|[:：]$|"
                        r"\b(?:two|three|four|five|\d+)\s+\w+|as follows|following", re.I)


_WHEN_TO_USE_LINE = re.compile(
    r"^(?:when to use(?: it)?|use (?:it )?when|사용하는\s?경우)\s*[:：]\s*(?P<v>\S.{8,})$", re.I)


_COMPARED_KINDS = re.compile(
    r"(?P<sides>.+?\s(?:vs\.?|versus|and|or)\s.+?)\s+(?P<heads>[a-z]{3,}s)", re.I)
_NOTE_TITLE = re.compile(r"\b(?:notes?|summary|cheat ?sheets?|guides?|study|lectures?)\b|[—–:]",
                         re.I)
_WORDS = re.compile(r"[^\w/.+-]+")


def _kind_of_compared(term: str, parent_title: str) -> str:
    """"### Hash" under "## B-tree vs hash indexes" is the hash index: one of the kinds
    its parent compares, named with their head noun."""
    compared = _COMPARED_KINDS.fullmatch(parent_title.strip())
    head = singular(compared["heads"].lower()) if compared is not None else ""
    if compared is None or " " in term or term.lower().endswith(head) \
            or _NOTE_TITLE.search(parent_title):
        return term  # ("HTTP/1.1 vs HTTP/2 — study notes" names the note, not a kind)
    if term.lower() not in _WORDS.split(compared["sides"].lower()):
        return term
    return f"{term} {head}"


def _only_other_names(term: str, answer: str) -> bool:
    """"Compulsory miss: (강제 미스, cold miss)": the term's other names in brackets, which
    share its words; "형식: (Name, Value, Type, TTL)" is a tuple, and an answer."""
    bracketed = re.fullmatch(r"\(([^()]*)\)", answer.strip())
    if bracketed is None:
        return False
    said = {w.lower() for w in re.findall(r"\w+", bracketed.group(1))}
    return bool(said & {w.lower() for w in re.findall(r"\w+", term)})


def _lower_heading(text: str) -> str:
    """"Delivery guarantees" inside a sentence: the heading's capital goes, a name's stays."""
    first = text.split()[0] if text.split() else ""
    return text[0].lower() + text[1:] if first[1:].islower() and first[:1].isupper() else text


def _yes_no(question: str) -> bool:
    """"Can you make AMI shareable?": the answer is yes or no, too little to learn."""
    return bool(_YES_NO.match(question)) and not _ASKS_FOR_MORE.search(question)


#: "Can you …?", "Do you have any idea …?": the interviewer's phrasing, asked of the
#: learner rather than of the subject.
_TO_YOU = re.compile(r"\byou\b", re.I)
#: "Can you explain AMI?", "Have you heard of …?": the learner asked to talk or to say
#: what they know, which no answer of the note's settles ("Can you have two event loops
#: in one thread?" asks about the subject: "you" is anyone).
_OF_THE_LEARNER = re.compile(
    r"\b(?:have|did|do)\s+you\b(?!\s+(?:need|have to|get)\b)"
    r"|\byou\s+(?:\w+\s+)?(?:explain|brief|define|describe|tell|name|list|guess|predict|give"
    r"|know|think|remember|recall|mention|walk|share|accept)\b", re.I)
def _first_sentence(text: str) -> str:
    """Up to the first sentence end outside brackets and past abbreviations ("(e.g.
    `WHERE amount > 100`)" does not end it)."""
    for match in re.finditer(r"(?<=[.!?])\s+", text):
        head = text[:match.start()]
        if head.count("(") == head.count(")") \
                and not re.search(r"\b(?:e\.g|i\.e|etc|vs|cf)\.$", head, re.I):
            return head
    return text


def _kind_word(term: str) -> str:
    """The head noun a name shares with the other names of its kind: "hypervisor" of
    "Hosted hypervisor"; nothing for one word or a phrase with "의" ("X의 효율성 감소" is an
    effect, not a kind)."""
    words = split_alias(term)[0].split()
    if len(words) < 2 or "의 " in term:
        return ""
    return words[-1].casefold()


def _bare_yes_no(question: str, answer: str) -> bool:
    """A yes/no question asked of the learner ("Can you explain …?"), or answered by
    little more than yes or no; "Does the GIL make my code thread-safe? → No! It protects
    …" teaches, as does "Can you have two event loops in one thread? → No. One thread has
    at most one running loop. That is why …": a "you" that is anyone, answered with its
    reason."""
    if not _yes_no(question):
        return False
    if _OF_THE_LEARNER.search(question) or len(answer) < 40:
        return True
    return bool(_TO_YOU.search(question)) and (len(answer) < 80
                                                or _first_sentence(answer) == answer)


_PURPOSE_PHRASE = re.compile(r"^(?:for|to|used for|used to|e\.g\.|i\.e\.)\s", re.I)


#: A Korean clause ending that leads on to more ("…하며", "…하고", "…지만"): an answer
#: that stops there was cut mid-thought.
_KO_CUT_CLAUSE = re.compile(r"[가-힣](?:며|고|서|는데|지만|으나|거나|면서)$")


_NEGATING_PREFIX = ("non-", "non", "un", "in", "im", "dis", "비", "논", "무", "반")


def _opposites(a: str, b: str) -> bool:
    """"동기"/"비동기", "Clustered"/"Non-Clustered", "stateful"/"stateless",
    "authentication"/"authorization": one word each, the one negating the other or
    both built on one stem with different endings."""
    x, y = (normalise_key(a).replace(" ", ""), normalise_key(b).replace(" ", ""))
    if not x or not y or x == y or len(a.split()) > 3 or len(b.split()) > 3:
        return False
    for p in _NEGATING_PREFIX:
        if x == p + y or y == p + x:
            return True
    stem = 0
    while stem < min(len(x), len(y)) and x[stem] == y[stem]:
        stem += 1
    latin = x.isascii() and y.isascii()
    # Both endings whole syllables ("-ful"/"-less"), not inflections ("cache"/"caching").
    return latin and " " not in a.strip() and " " not in b.strip() and stem >= 4 \
        and min(len(x), len(y)) - stem >= 3


#: A line that introduces the cases something is for: "When to use:", "사용하는 경우".
_WHEN_TO_USE = re.compile(
    r"^(?:when to use(?: it)?|use (?:it )?when|good use cases|"
    r"언제 쓰(?:나|나요|면 좋을까|는가)\??|언제 사용하(?:나|나요|는가)\??|"
    r"사용\s?시점|사용하는 경우|쓰면 좋은 경우|이럴 때 쓴다)\s*[:：]?$",
    re.I)


#: A heading that announces a comparison without naming its sides ("## 차이점").
_BARE_DIFFERENCE = re.compile(r"(?:주요\s?)?(?:차이점?|차이\s?비교|비교|둘의 차이|"
                              r"(?:key |main )?differences?|comparison)", re.I)


def _side_points(term: listing.TermItem) -> list[str]:
    """What a side of a comparison is said to be: its description's points, else the
    points nested under it."""
    if term.description:
        return [line.removeprefix("• ") for line in term.description.split("\n")]
    nested = term.rest[0] if term.rest and isinstance(term.rest[0], ListBlock) else None
    return listing.item_texts(nested) if nested is not None else []


#: "L0", "Level 2", "Phase 3": a name that only counts ("What are the levels? → L0, L1,
#: L2, L3" asks nothing).
_NUMBERED_NAME = re.compile(r"[A-Za-z가-힣]{0,6}\s?\d+")
#: A section of advice, mistakes or exercises, whose labelled points are no glossary.
_ADVICE_SECTION = re.compile(
    r"\b(?:pitfalls?|gotchas?|mistakes?|tips?|tricks?|problems|exercises?|practice|"
    r"do's and don'ts|dos and don'ts|checklist|caveats?|hurts?|common causes|when not to|"
    r"how to (?:fix|avoid|prevent)|anti-?patterns?)\b|"
    r"\bworked examples?\b|\bexample calculations?\b|"
    r"함정|실수|주의\s?사항|팁|연습\s?문제|문제\s?풀이|체크\s?리스트|예제|계산\s?예", re.I)
#: A label over a list of kinds ("Types:", "종류").
_KINDS_LABEL = re.compile(r"^(?:types|kinds|categories|variants|종류|유형)$", re.I)


#: A name (not a heading phrase): "Raft", "GitHub Flow", "API Gateway", "fork() and
#: exec()" is none.
_PROPER_NAME = re.compile(r"(?:[A-Z][\w.+#-]*)(?: [A-Z][\w.+#-]*){0,2}")


def _may_translate(name: str, blanks: tuple[str, ...] | list[str]) -> bool:
    """"… {{c1::클러스터 형}} 인덱스는 …" under "Clustered": a Korean blank may be the
    heading's name in other words, which naming it would give away."""
    return not re.search("[가-힣]", name) and any(re.search("[가-힣]", b) for b in blanks)


def _overlaps(name: str, blanks: tuple[str, ...] | list[str]) -> bool:
    """Whether a name shares a word (or most of one) with a blank ("GitHub Flow" and
    "GitHub"), so that naming it would give the blank away."""
    words = {normalise_key(w) for w in re.split(r"[\s/()-]+", name) if len(w) >= 2}
    for blank in blanks:
        key = normalise_key(blank)
        if any(w and (w in key or key in w) for w in words):
            return True
    return False


_CLOZE_BLANK = re.compile(r"\{\{c\d+::.*?\}\}")
#: A sentence that leans on the one before it: "여기까지 …", "이때 …", "This means …".
_POINTS_BACK = re.compile(r"^\W*(?:여기까지|여기서|이때|이렇게|이러면|그러면|그래서|this\b|that\b|"
                          r"these\b|it\b|here\b|"
                          # "The quick fix is …", "The catch:": the fix of what came before
                          r"the\s+(?:(?:quick|easy|simple|real|obvious|usual|common|main|actual|"
                          r"only|standard|other|better|best|proper|cheap|right)\s+)?"
                          r"(?:fix|solution|problem|issue|bug|catch|trick|culprit|workaround|cure|"
                          r"answer)\b)", re.I)
#: A blank that opens the sentence and ends at its colon: the point's label.
_LABEL_BLANK = re.compile(r"^\{\{c1::[^{}]+\}\}\s*[:：]")


def _one_head(a: str, b: str) -> bool:
    """"strong ETag"/"weak ETag", "Minor GC"/"Major GC", "짧은 TTL"/"긴 TTL": two kinds
    of one thing, told apart by the word before it (a pair, when they are all a list
    holds)."""
    x, y = a.split(), b.split()
    return 2 <= len(x) <= 3 and len(x) == len(y) and x[-1].lower() == y[-1].lower() \
        and x[:-1] != y[:-1] and len(x[-1]) >= 2


#: "A state is safe if:", "A schedule is serializable when:" (the conditions follow).
_EN_IS_IF = re.compile(
    r"^(?:an?|the)\s+(?P<noun>[a-z]+)\s+is\s+(?:said\s+to\s+be\s+|called\s+)?"
    r"(?P<adj>[a-z][a-z-]+)\s+(?:if|when|only if|if and only if)\s*:$", re.I)

#: A heading that only announces what the section above it is ("Overview", "개념").
_DEFINITION_HEADING = re.compile(
    r"(?:overview|definition|concept|what is it\??|개요|개념|정의|의미|뜻)", re.I)


def _translates(term: str, answer: str) -> bool:
    """"Time Slice Expired → CPU 사용 시간 만료": a few Korean words for an English name
    translate it; what it is, or why it matters, is left unsaid."""
    words = term.split()
    words = [w for w in words if not w.isdigit()]  # "404 Not Found"
    return len(words) >= 2 and bool(re.fullmatch(r"(?:\d+\s+)?[A-Za-z][A-Za-z .'-]+", term)) \
        and bool(re.search("[가-힣]", answer)) and len(answer) <= 15 \
        and not re.search(r"[다요]\.?$", answer)


#: A heading that names steps as such ("Flow", "login flow", "인증 과정"), not a name
#: that ends like one ("Git Flow").
_STEPS_HEADING = re.compile(r"(?:^(?:[Ff]low|[Ww]orkflow|[Pp]rocess|[Ss]teps|[Pp]rocedure)|"
                            r"(?:^|\s)(?:flow|workflow|process|steps|procedure)|"
                            r"과정|흐름|순서|절차)$")


def _bulleted_steps(block: ListBlock) -> bool:
    """Bullets under a "Flow" or "과정" heading written as steps: three or more plain
    clauses, none a labelled point ("Pros: …") or one with points of its own."""
    texts = listing.item_texts(block)
    return 3 <= len(block.items) == len(texts) <= 8 \
        and all(not item.body for item in block.items) \
        and all(len(t) <= 120 and definitions.colon_definition(t) is None for t in texts)


def _all_steps(steps: list[str], block: ListBlock) -> bool:
    """A process a card can ask whole: a few steps, none left out (a step that only
    pointed at a figure or a code block below would leave "2) Apply it" dangling)."""
    return len(steps) <= 8 and len(steps) == len(block.items)


#: A question that asks what a term is ("정규화란?", "What is a Pod?").
_TERM_ASK = re.compile(r"(?:이란|란)\s*(?:무엇인가요|무엇인가|뭔가요)?\??$|^what (?:is|are) ",
                       re.I)
#: "A process moves between these states:", "## 트랜잭션 상태": a list of states.
_STATES = re.compile(r"\bstates\b|\bstate (?:machine|diagram|transitions?)\b|"
                     r"상태(?:\s?(?:종류|전이|변화|목록|들))?(?:\s?\d+\s?(?:개|가지))?\s*[:：]?\s*$",
                     re.I)
#: A sentence told as the author's story: past tense in Korean ("…바꿨어요", "…했다",
#: "…하더라고요") or "I/we …ed" in English.
_TOLD_AS_STORY = re.compile(
    r"(?P<past>[가-힣])(?:어요|습니다|다|음|네요|죠)[.!]*(?:\s*\([^()]*\))?$"
    r"|^(?:I|we)\s+(?:\w+ed|had|was|were|got|went|did|"
    r"found|made|ran|wrote|saw|spent|took)\b", re.I)


def _subject_of(title: str) -> str:
    """"운영체제 정리 - 파일 시스템 (File System)" -> "파일 시스템": a title's name, without
    the kind of note it is or its other name."""
    # ("OAuth 2.0 정리 (스터디 3주차)": the aside goes first, then the kind of note)
    return clean_term(drop_genre(split_alias(drop_genre(title))[0]))


#: A field's possible values and nothing of what it is: "Allow | Deny".
_VALUES_ONLY = re.compile(r"[\w.-]+(?:\s*\|\s*[\w.-]+)+")


#: A point that opens on a word leaning on what came before: "everything starts as …",
#: "otherwise need an …", "using … for everyday work".
_GOES_ON = re.compile(r"(?:everything|everyone|otherwise|then|also|and|but|so|else|instead|plus|"
                      r"using|need|needs|must|should|always|never|only|just|still|same|both|"
                      r"either|neither)\b")


_DIARY = re.compile(r"(?:오늘|어제|이번\s?주|지난\s?주|today|yesterday|last week)\b", re.I)


#: The author speaking of themself: "I knew …", "For a long time I felt …", "my code".
#: ("The I in SOLID", "Type I error": a letter, not the author.)
_FIRST_PERSON = re.compile(
    r"(?<![\w/.&-])(?:(?<!\b[Tt]he )(?<!\b[Tt]ype )(?<!\b[Pp]hase )(?<!\b[Ll]evel )(?<!\b[Tt]ier )"
    r"(?<!\b[Cc]lass )(?<!\b[Ss]tage )(?<!\bRAID )I(?:['’](?:m|ve|d|ll))?(?=\s+[a-z])|[Mm]y|me)"
    r"(?![\w/&-])")


def _told_as_story(text: str) -> bool:
    """Whether `text` tells what happened: "…더라고요", "I switched …", or a Korean
    ending after a past-tense syllable (its final ㅆ: 바꿨어요, 했다, 가져왔어요)."""
    if re.search(r"더라(?:고요)?[.!]*$", text) or _DIARY.match(text):
        return True  # what the author heard said, what happened to them today
    if _FIRST_PERSON.search(re.sub(r'"[^"]*"|“[^”]*”', "", text)):
        # "For a long time I felt like using sync was cheating" (not a program's words
        # quoted: "mark the old tuple with my xmax")
        return True
    found = _TOLD_AS_STORY.search(text)
    if found is None:
        return False
    past = found.group("past")
    return past is None or (0xAC00 <= ord(past) <= 0xD7A3 and (ord(past) - 0xAC00) % 28 == 20
                            and past not in "있겠")  # ("제공하고 있다" is no story)
#: What a name does, right after it: "lets you keep …", "melds a commit into …" (not "is",
#: "has", a verb of being or happening, which say what it is or when it occurs).
_DOES = re.compile(r"\s+(?P<verb>(?!(?:is|has|was|does|gets|means|refers|stands|occurs|happens|"
                   r"arises|exists|appears|seems|becomes|remains|comes|goes|plus|vs|versus|as|"
                   r"less|across|always|thus|this|its|yes|us)\b)[a-z]{2,}(?:s|es))\s+(?P<rest>\S.+)$")
#: "ext4 has three journaling modes:": its points name modes ("`writeback` — …").
_MODES = re.compile(r"\bmodes\b|모드(?:\s?종류|들)?\s*[:：]?\s*$", re.I)
_POINTING = re.compile(r"\b(?:these|those|this|that|it|they|them)\b|^(?:이|그|저)\s", re.I)
#: "CS 3510", "CSE-101": a course's code.
_COURSE_CODE = re.compile(r"\b[A-Z]{2,5}[\s-]?\d{3,4}\b")
#: "Q. …⏎A. …", "**Q:** …⏎**A:** …": a question and its answer in one paragraph.
_FAQ_PAIR = re.compile(r"^\s*(?:\*\*)?Q(?:uestion)?\s*\d*\s*[.:)](?:\*\*)?\s*(?P<q>[^\n]+?)\s*\n"
                       r"(?P<a>\s*(?:\*\*)?A(?:nswer)?\s*[.:)](?:\*\*)?\s*\S)", re.I)
#: "꼬리질문: HTTP/3는 UDP 쓴다던데요?⏎네, HTTP/3는 …": a question on a line of its own,
#: answered on the next lines of the same paragraph.
_QUESTION_LINE_PAIR = re.compile(
    r"^\s*(?:(?:꼬리\s?질문|follow-?up|Q\d*)\s*[.:)]\s*)?(?P<q>[^\n]{4,80}\?)\s*\n"
    r"(?P<a>\s*\S)", re.I)
_ANSWER_LABEL = re.compile(r"^(?:\*\*)?(?:A(?:nswer)?|나|지원자|candidate)\s*[.:)](?:\*\*)?\s*",
                           re.I)
_DEFINITION_LIST = re.compile(
    r"^(?P<t>[^\n:]{1,60})\n[:：]\s+(?P<d>[^\n]+(?:\n(?![:：]\s)[^\n]+)*)$")
_GLOSSARY_ENTRY = re.compile(r"^(?P<t>[^\n:]{1,60})\n(?P<d>[^\n]+(?:\n[^\n]+)*)$")
_MARKED_QUESTION = re.compile(r"^\s*(?:\*\*)?(?:Q\d*|Question|질문)\s*\d*\s*[.:)]", re.I)
_VERSUS = re.compile(r"(.+?)\s+(?:vs\.?|versus|대)\s+(.+)", re.I)


def _contrasts_both(answer: str, compared: tuple[str, ...]) -> bool:
    """"A는 …이고, B는 …이다" / "A keeps …, while B routes …": one short paragraph whose
    first sentence names both sides says how they differ, not how the section opens."""
    if "\n" in answer or len(answer) > 300 or len(compared) != 2:
        return False
    first = re.split(r"(?<=[.!?다])\s+", answer, maxsplit=1)[0].casefold()
    return all(side.casefold() in first for side in compared)


def _echoes_term(term: str, answer: str) -> bool:
    """"Working Set Algorithm이란? → Working Set의 결정": a few words that open with the
    term's own words are a heading's fragment, not what the term is."""
    first = term.split()[0].casefold() if term.split() else ""
    words = answer.split()
    return bool(first) and len(words) <= 3 and answer.casefold().startswith(first) \
        and len(first) >= 2


#: The last word of a phrase that names an activity rather than a concept.
_ACTIVITY = re.compile(
    r"\s(?:관리|저장|사용|처리|설정|확인|유지|전송|생성|삭제|구현|적용|활용|방지)$")

#: A heading that names a process without saying whose ("과정", "Steps").
_BARE_PROCESS = re.compile(
    r"(?:진행\s?)?(?:과정|절차|순서|단계|흐름|동작\s?(?:방식|원리|과정)|작동\s?(?:방식|원리)|처리\s?과정)|"
    r"(?:the\s+)?(?:process|steps?|flow|procedure|workflow|lifecycle)", re.I)


def _restates(term: str, description: str) -> bool:
    """"Compression: compress responses": the answer only repeats the question."""
    key, desc = normalise_key(term), normalise_key(description)
    if bool(key) and (desc == key or (key in desc and len(desc) <= len(key) + 8)):
        return True
    # "Caching: return the response for cached requests", "Static content: serve static
    # content directly": a short answer built on the term's own words teaches nothing.
    stems = [w[:4].casefold() for w in re.findall(r"[A-Za-z]{4,}", term)]
    words = re.findall(r"[A-Za-z]+", description)
    if not stems or len(words) > len(term.split()) + 5 or re.search("[가-힣]", description) \
            or description.casefold().startswith(term.casefold() + " "):
        return False  # "Paging divides memory into pages" says something of its own
    said = [w.casefold() for w in words]
    return all(any(w.startswith(stem) for w in said) for stem in stems)


def _names(subject: str, term: str) -> bool:
    """Whether `term` is `subject` or its last word ("rebase" of "git rebase")."""
    words = subject.split()
    key = normalise_key(term)
    return bool(key) and bool(words) and key in (normalise_key(subject),
                                                 normalise_key(words[-1]))


#: A follow-up that leans on the question before it: "7번은 어떻게 됩니까?", "Spring Security는
#: 어느 쪽입니까?", "\"redirect:/members\"는?", "실제 핵심 로직은 어디에 있습니까?".
_LEANS_ON_PARENT = re.compile(r"\d+\s?번|어느\s?쪽|\bwhich (?:one|side)\b|\beither\b|"
                              r"^(?:실제|그럼|그러면|그래서|그건|이건|then|so)\b|"
                              r"^\S+(?:\s\S+)?(?:은|는|이면|면)\?$", re.I)
#: "삽질 기록", "War story": the author's own story, told under a label that names nothing.
_ANECDOTE = re.compile(r"삽질|썰$|에피소드|경험담|후기$|\bwar stor(?:y|ies)$|\banecdotes?$", re.I)
#: A lead-in naming a group of the subject's own parts ("- 주요 연산", "- Operations:",
#: "- 에러 상황"): its points are the subject's, asked with the subject's name.
_CATEGORY_LEAD = re.compile(
    r"(?:주요\s?|기본\s?|핵심\s?)?(?:연산|연산들|기능|메서드|메소드|함수|명령어?|"
    r"(?:에러|오류|예외|문제)\s?상황|상황|구성\s?요소)|"
    r"(?:main |basic |core |key )?(?:operations|methods|functions|commands|error cases|errors)",
    re.I)
#: "- 구현", "- Implementation:": ways to build the subject.
#: ("- 구현 방법" over "쿠키 기반: …" names ways of doing, each a term of its own.)
_IMPLEMENTATIONS = re.compile(r"(?:구현|implementations?)", re.I)

@dataclass(frozen=True)
class Scope:
    path: tuple[str, ...]
    subject: str = ""  # what the text is about
    context: str = ""  # the group it belongs to, to disambiguate a member
    skip: str = ""  # a term whose definition is already asked (by the section's question)
    heading: HeadingInfo | None = None
    comparing: bool = False  # inside "A vs B": labelled points compare, they do not define
    in_answer: bool = False  # inside the answer to a question: sub-points, not a glossary
    nested: bool = False  # inside a list item: the heading names the outer list, not this one


#: What a question names before "it" refers back to it: "a cache stampede", "TTL",
#: "run_in_executor", "`await`".
_ANTECEDENT = re.compile(r"`|\b(?:a|an|the)\s+[\w-]{3,}|\b[A-Z]{2,}\b|\w_\w|\w\(\)")


def self_contained(question: str) -> bool:
    """A question that makes sense on its own, without the paragraph around it.  "What
    is TTL and how do you choose it?" does: its "it" is what it named first."""
    for match in _SELF_REFERENCE.finditer(question):
        word = match.group().strip().casefold()
        if word not in ("it", "they", "them") \
                or not _ANTECEDENT.search(question[:match.start()]):
            return False
    return True


#: A heading over the author's recap of what the note said ("Summary for myself", "TL;DR",
#: "한 줄 정리"): its "- FCFS: simple, convoy effect" restates traits, it defines nothing.
_RECAP_HEADING = re.compile(r"(?i)\b(?:summary|recap|tl;?dr|wrap[- ]up)\b|요약|한\s?줄\s?정리")


def _recap(scope: Scope) -> bool:
    return scope.heading is not None and bool(_RECAP_HEADING.search(scope.heading.text))


def _traits(text: str) -> bool:
    """"simple, convoy effect": short traits in a row, no sentence that says what it is
    (unlike "managed by a library, kernel doesn't know about them")."""
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts)


_NOT_A_TOPIC_NAME = re.compile(
    r"(?i)\b(?:notes?|week|results?|summary|overview|practice|lab|retro|review|demo)\b|"
    r"주차|스터디|정리|기록|회고|결과|실습|비교|사용|적용|\s[-–—]\s")


def _topic_named(heading: HeadingInfo | None) -> str:
    """The subject a topic heading names for the properties under it: "### 2.1 장점" under
    "## 2. Master-Slave (Primary-Replica) 구조" are Master-Slave 구조's (an alias in
    brackets left out)."""
    if heading is None or heading.kind != "topic":
        return ""
    named = re.sub(r"\s*\([^()]*\)", "", heading.text).strip()
    if not re.search(r"[A-Za-z]{2,}", named) or _NOT_A_TOPIC_NAME.search(named):
        return ""  # "## 1. 적용 결과", "## Week 3 notes": the author's doings, no subject
    return named if len(named) <= 40 else ""


class Reader:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.units: list[Unit] = []
        self._defined: set[str] = set()
        self._asked: set[str] = set()
        self._pending_question: tuple[str, tuple[int, int], Scope] | None = None
        self._title = ""  # the note's own subject: shared by every card, so never a context
        self._note_title = ""  # the note's title as written, the deck's name
        self._heading_words: dict[str, str] = {}  # what names a summary table's short rows
        self._index: frozenset[str] = frozenset()  # a glossary's index-letter headings
        self._collected: dict[tuple[str, str, tuple[str, ...]],
                              list[tuple[str, tuple[int, int]]]] = {}

    # -- output -------------------------------------------------------------------

    def add(self, unit: Unit) -> None:
        if unit.context:
            # "(좋은 단위 테스트의 조건은?)": a question heading names a group, not a question
            context = unit.context
            if re.search(r"[?？]", context):
                context = re.sub(r"\s*(?:\([^()]*\)\s*)+$", "", context)
                context = re.sub(r"(?:은|는|이란|란)?\s*[?？]$", "", context).strip()
            unit = replace(unit, context=context if self._fair_context(context) else "")
        compared = _VERSUS.fullmatch(unit.subject) if unit.kind == "definition" else None
        if compared is not None:
            # "401 vs 403 is the one I got wrong: 401 means …": a difference, not a term
            sides = (clean_term(compared.group(1)), clean_term(compared.group(2)))
            unit = Unit("difference", unit.section, "/".join(sides), unit.lines,
                        unit.confident and all(sides) and _contrasts_both(unit.answer, sides),
                        items=sides, answer=unit.answer)
        if unit.kind in ("definition", "difference") and unit.section \
                and _ADVICE_SECTION.search(unit.section[-1]):
            # "- Python: lists aren't hashable → use a tuple" under "Interview pitfalls",
            # "- Two Sum: store value → index" under "Classic problems": advice and
            # recipes, not what the names mean
            unit = replace(unit, confident=False)
        if unit.kind == "definition":
            if _echoes_term(unit.subject, unit.answer) or _only_other_names(unit.subject,
                                                                            unit.answer):
                return
            key = normalise_key(unit.subject)
            if key in self._defined:
                return
            self._defined.add(key)
            if _KO_CUT_CLAUSE.search(unit.answer.rstrip(". ")):
                unit = replace(unit, confident=False)  # "…구할 수 없어야 하며": cut mid-thought
            elif _translates(unit.subject, unit.answer):
                unit = replace(unit, confident=False)
        if unit.kind == "attribute" and unit.label == "solution":
            unit = self._remedy(unit)
        if unit.kind == "qa":
            key = normalise_key(unit.question)
            if key in self._asked:
                return
            self._asked.add(key)
        self.units.append(unit)

    def _remedy(self, unit: Unit) -> Unit:
        """A section that opens on "Problem: …" and goes on to "Solution: …" names a
        remedy (a pattern, a technique): its problem is the one it solves and its
        solution is how it works, not a flaw of it and that flaw's fix."""
        first = next((u for u in self.units if u.section == unit.section), None)
        if first is None or first.kind != "attribute" or first.label != "problem" \
                or first.subject != unit.subject:
            return unit
        self.units[self.units.index(first)] = replace(first, label="solves")
        return replace(unit, label="works")

    def _collect(self, kind: str, subject: str, value: str, lines: tuple[int, int],
                 scope: Scope) -> None:
        """Examples and pros/cons of one subject are gathered into one unit per section."""
        self._collected.setdefault((kind, subject, scope.path), []).append((value, lines))

    def _fair_context(self, context: str) -> bool:
        """Whether a question may name `context` to tell its term apart: a name, not the
        note's own title ("CS 3510 – Computer Networks"), a course part ("Lecture 14: …")
        or an activity ("Choosing a tool")."""
        key = normalise_key(context)
        if key in (normalise_key(self._title), normalise_key(self._note_title)) \
                or key == normalise_key(re.sub(r"\s[-–—:]\s.*$", "", self._note_title)):
            return False  # ("# Kubernetes Basics" under "title: Kubernetes Basics - Study Guide")
        bare = re.sub(r"\s*\([^()]*\)", "", context).strip()
        return ":" not in bare and not _COURSE_CODE.search(bare) \
            and not is_course_part(bare) and not is_activity(bare) and not is_structure(bare) \
            and not _POINTING.search(bare)  # "(process moves between these)": a clause

    def _flush_collected(self) -> None:
        for (kind, subject, path), values in self._collected.items():
            texts = list(dict.fromkeys(v for v, _ in values if v))
            if not texts:
                continue
            first = min(lines[0] for _, lines in values)
            last = max(lines[1] for _, lines in values)
            # "Give an example of X" / "X의 예는?" has as many right answers as the
            # world has examples (judged open-ended two times in three): an editor
            # turns it into the question the example answers.  A heading such as
            # "Quick descriptions" owns no pros of its own.
            sure = kind != "example" and not is_structure(subject)
            self.add(Unit(kind, path, subject, (first, last), sure, subject=subject,
                          items=tuple(texts)))
        self._collected.clear()

    # -- the walk -------------------------------------------------------------------

    def read(self, note: Note) -> list[Unit]:
        self._note_title = note.title or ""
        self._heading_words = tables.heading_words(_heading_texts(note.root))
        self._index = _index_headings(note.root)
        self._section(note.root, Scope(path=()), note)
        self._flush_collected()
        purposes = [normalise_key(u.answer) for u in self.units if u.kind == "command"]
        return [replace(u, purpose_unique=False)
                if u.kind == "command" and sum(normalise_key(u.answer) in p for p in purposes) > 1
                else u for u in self.units]

    def _section(self, section: Section, parent: Scope, note: Note) -> None:
        if section.title is None:
            self._title = self._note_subject(note)
            scope = Scope(path=(), subject=self._title)
            self._blocks(section.blocks, scope)
            for child in section.children:
                self._section(child, scope, note)
            return
        info = classify(section.title_text, self.lang)
        if section.title_text in self._index:
            info = HeadingInfo("about", info.text)  # "## D" of a glossary: read, names nothing
        if info.kind == "furniture":
            return  # references, author, table of contents: never cards, nor their children
        path = section.path
        scope = Scope(path=path, subject=parent.subject, heading=info)
        lines = (section.line, section.line)
        owner = parent.subject if parent.subject and parent.subject != self._title else ""
        if owner and _DEFINITION_HEADING.fullmatch(section.title_text.strip()):
            # "## OAuth 2" then "### Overview" / "### 개념": what opens it defines OAuth 2.
            self._term_section(owner, section.blocks, replace(scope, context=parent.context))
            self._descend(section, scope, note)
            return
        if info.kind == "topic" and _BARE_DIFFERENCE.fullmatch(section.title_text.strip()) \
                and self._sides_section(section.blocks, scope):
            self._descend(section, scope, note)
            return
        if info.kind == "question":
            topic = topic_of(info.question)
            topic = clean_term(topic) if topic and is_term_like(clean_term(topic), self.lang) \
                else ""
            scope = replace(scope, subject=topic or parent.subject, skip=topic)
            question = info.question
            if not topic and parent.subject and lacks_subject(question):
                question = with_subject(question, parent.subject)
            # The heading's answer ends where the note asks its next "**Q:** …".
            # So does a follow-up asked on a line of its own after the answer began
            # ("**TIME_WAIT 은 왜 있어요?**"), or one set aside in a quote ("> 끊을 땐 왜
            # 4번? → …"): each is a card of its own, not more of this answer.
            # So does a labelled follow-up answered on its own line ("꼬리 질문: …? → …").
            asked = next((i for i, b in enumerate(section.blocks)
                          if (isinstance(b, Para) and _MARKED_QUESTION.match(b.text.text))
                          or (i > 0 and listing.asks_next(b))
                          or (i > 0 and isinstance(b, Para)
                              and follow_up_line(normalise(b.text.text)) is not None)),
                         len(section.blocks))
            blocks = section.blocks[:asked]  # none: "### When does it matter?" titles Q&As
            if topic and _TERM_ASK.search(question) and len(blocks) > 1 \
                    and isinstance(blocks[0], Para) \
                    and normalise_key(topic) in normalise_key(blocks[0].text.text):
                # "## 정규화란?" opened by the sentence that says what it is: that is the
                # answer, with the flat list of its traits that may follow; labelled points
                # (purposes, kinds) and other terms after it are cards of their own.
                flat = isinstance(blocks[1], ListBlock) \
                    and not any(item.body for item in blocks[1].items)
                blocks = blocks[:2] if flat else blocks[:1]
            if blocks:
                # The one level-1 heading is the note's title; several are its questions.
                titled = section.level == 1 and section.parent is not None and sum(
                    child.level == 1 for child in section.parent.children) == 1
                parts = [clean_heading(c.title_text) for c in section.children
                         if c.title_text] if 2 <= len(section.children) <= 8 else []
                self._qa(question, blocks, lines, scope, titled=titled, parts=parts)
        elif info.kind == "term":
            # The parent's term disambiguates ("Recovery" under "Deadlock handling"),
            # but not the note's own title, which every card shares.
            context = parent.subject if parent.subject != info.term and section.parent is not None \
                and section.parent.level >= 2 else ""
            term = _kind_of_compared(info.term, section.parent.title_text
                                     if section.parent is not None else "")
            if self._title and term != self._title \
                    and _subject_of(term) == self._title:
                term = self._title  # "# 운영체제 정리 - 파일 시스템" is about 파일 시스템
            scope = replace(scope, subject=term, context=context if term == info.term else "")
            if info.alias:
                self._alias(term, info.alias, lines, scope)
            self._term_section(term, section.blocks, scope)
            self._descend(section, scope, note)
            return
        elif info.kind == "command":
            scope = replace(scope, subject=info.term)
            self.add(Unit("command", path, info.term, lines, True, subject=info.term,
                          answer=info.purpose))
        elif info.kind == "property" and info.prop == "members":
            subject = info.prop_subject or parent.subject
            label = info.text if info.prop_subject or not subject else f"{subject}의 {info.text}" \
                if self.lang == "ko" else f"{info.text} of {subject}"
            scope = replace(scope, subject=subject, context=label)
        elif info.kind == "property":
            subject = info.prop_subject or parent.subject or _topic_named(parent.heading)
            scope = replace(scope, subject=subject)
            if subject and info.prop != "pros-and-cons" \
                    and self._property_section(info.prop, subject, section.blocks, scope):
                self._descend(section, scope, note)
                return
        elif info.kind == "difference":
            answer, complete = answer_text(section.blocks)
            if answer and len(answer) >= 10:
                # A section that compares is read best as a whole only when it is a short
                # list of points; prose around a comparison is usually its introduction.
                listed = sum(line.startswith(("•", "1)", "2)")) for line in answer.split("\n"))
                self.add(Unit("difference", path, "/".join(info.compared), lines,
                              complete and (
                                  (len(answer) <= 400
                                   and (listed >= 2 or _contrasts_both(answer, info.compared)))
                                  # a longer comparison that is points from its first line
                                  or (len(answer) <= 700 and answer.startswith("•")
                                      and listed >= 3)),
                              items=info.compared, answer=answer))
            scope = replace(scope, subject="", comparing=True)
        elif info.kind == "process" and self._process_section(info.text, section.blocks, scope):
            self._descend(section, scope, note)
            return
        self._blocks(section.blocks, scope)
        self._descend(section, scope, note)

    def _descend(self, section: Section, scope: Scope, note: Note) -> None:
        self._flush_collected()
        for child in section.children:
            self._section(child, scope, note)

    def _note_subject(self, note: Note) -> str:
        if note.title:
            # "운영체제 정리 - 파일 시스템", "TIL: git": what the note is, then its subject
            for term in dict.fromkeys((_subject_of(note.title),
                                       clean_term(split_alias(note.title)[0]))):
                if is_term_like(term, self.lang):
                    return term
        return ""

    # -- sections of a particular kind ----------------------------------------------

    def _term_section(self, term: str, blocks: list[Block], scope: Scope) -> None:
        """Under a term heading the first sentence, when it has no subject of its own,
        defines the term ("가상머신을 기반으로 배포하는 것을 말한다."); a list that opens
        the section describes it point by point ("### CSRF" then "- unauthorized actions
        on behalf of the user", "- mitigated with a CSRF token")."""
        opening = blocks[0] if blocks else None
        points = listing.facets(opening.items, self.lang, term) \
            if isinstance(opening, ListBlock) and not opening.ordered else []
        first = None if points else _first_text(blocks)
        if isinstance(opening, ListBlock) and points and ":" not in term \
                and normalise_key(term) != normalise_key(self._title):
            answer = points[0] if len(points) == 1 else "\n".join(f"• {p}" for p in points)
            sure = len(points) >= 2 or listing.defines(points[0], self.lang)
            self.add(Unit("definition", scope.path, term, opening.lines, sure,
                          subject=term, context=scope.context, answer=answer,
                          how="heading-points"))
        if first is not None:
            sentences = split_sentences(first)
            if sentences:
                text = self._clean(sentences[0].text)
                found = prose.heading_definition(text, term, self.lang) if text else None
                if found is not None:
                    answer = self._with_follow_on(found.answer, sentences[1:])
                    named = found.subject or term  # "A covering index contains …"
                    self.add(Unit("definition", scope.path, named, sentences[0].lines,
                                  found.confident,
                                  subject=named, context=scope.context, answer=answer,
                                  how="heading-first"))
                elif self.lang == "en" and text and not scope.in_answer \
                        and (cloze := prose.subject_cloze(text, term)) is not None:
                    self.add(Unit("cloze", scope.path, term, sentences[0].lines, True,
                                  subject=term, answer=cloze, items=(term,),
                                  how="heading-subject"))
        self._blocks(blocks, scope)

    def _property_section(self, prop: str, subject: str, blocks: list[Block],
                          scope: Scope) -> bool:
        """"## 장점" under a term: its list (or its sentences) are the term's pros."""
        items = listing.first_list_items(blocks)
        if not items:
            texts = [c for b in blocks if isinstance(b, Para)
                     for s in split_sentences(b.text)
                     if (c := clean_sentence(s.text))]
            items = texts[:6]
        if not items:
            return False
        first = blocks[0].lines[0] if blocks else 0
        last = blocks[-1].lines[1] if blocks else 0
        kind = prop if prop in ("pros", "cons", "features", "members") else "attribute"
        label = {"purpose": "purpose"}.get(prop, prop)
        self.add(Unit(kind, scope.path, f"{prop}:{subject}", (first, last),
                      len(items) <= 8, subject=subject, label=label, items=tuple(items)))
        # What follows the list is read as usual: a question or a note after the
        # section's points is not one of them.
        listed = next((i for i, b in enumerate(blocks) if isinstance(b, ListBlock)), None)
        if listed is not None and blocks[listed + 1:]:
            self._blocks(blocks[listed + 1:], scope)
        return True

    def _process_section(self, title: str, blocks: list[Block], scope: Scope) -> bool:
        for index, block in enumerate(blocks):
            if isinstance(block, ListBlock) \
                    and (block.ordered or (_STEPS_HEADING.search(title)
                                           and _bulleted_steps(block))) \
                    and len(block.items) >= 2:
                steps = listing.step_texts(block)
                title = self._whose_process(title, scope)
                if len(steps) >= 2 and title:
                    # "**Q: Walk me through the TLS handshake.**" above the steps asks for
                    # them: the question the note asks is the card's, and the rest of the
                    # section is read without it
                    asked, question = next(
                        ((i, q) for i in range(index - 1, max(index - 3, -1), -1)
                         if isinstance(b := blocks[i], Para)
                         and (q := as_question(normalise(b.text.text), self.lang))),
                        (None, None))
                    self.add(Unit("process", scope.path, title, block.lines,
                                  _all_steps(steps, block), subject=scope.subject, label=title,
                                  items=tuple(steps), question=question or ""))
                    skipped = {index} if question is None else {asked, index}
                    self._blocks([b for i, b in enumerate(blocks) if i not in skipped], scope)
                    return True
        return False

    # -- questions and answers ------------------------------------------------------

    def _qa(self, question: str, blocks: list[Block], lines: tuple[int, int],
            scope: Scope, *, titled: bool = False, parts: list[str] | None = None) -> None:
        """`titled`: the question is the note's own title ("# What's Actually Inside
        .git?"), whose section is an introduction more often than an answer.  `parts`:
        the headings of the section's own sections, which answer it when what opens it
        only announces them ("## TCP는 신뢰성을 어떻게 보장하나요?" then "크게 세 가지로
        답하면 돼요." and "### 흐름 제어", "### 혼잡 제어", "### 오류 제어")."""
        question = self._with_scope_subject(question, scope)  # "**Q:** What are the types?"
        answer, complete = answer_text(blocks)
        if not complete:
            # "What does await actually do?" over two long paragraphs: the first says it
            opening = whole_blocks_text(blocks)
            if len(opening) >= 80 and re.search(r"[.!?다요)]$", opening):
                answer, complete = opening, True
        if parts and len(answer) <= 60 and "\n" not in answer and _ANNOUNCES.search(answer):
            answer, complete = "\n".join(f"• {part}" for part in parts), True
        if not answer:
            code = next((b for b in blocks if isinstance(b, Code) and not b.prose), None)
            liner = one_liner(code) if code is not None else None
            if liner is None:
                self._pending_question = (question, lines, scope)
                return
            answer = liner
        if not _yes_no(question):  # "Does CORS protect …? → No. …" says no first
            answer = _YES_LEAD.sub("", answer, count=1)
        answer = _FILLER_LEAD.sub("", answer, count=1)
        if answer.startswith("  ◦ ") and all(line.startswith("  ◦ ")
                                              for line in answer.split("\n")):
            answer = "\n".join("• " + line[4:] for line in answer.split("\n"))
        # "For example:" with its code left out (a card shows no code block) answers
        # nothing: the learner would read a lead-in to what is missing.
        shows_all = not (has_code(blocks) and re.search(r"[:：]\s*(?:\n|$)", answer)) \
            and not (blocks and isinstance(blocks[0], Code) and not blocks[0].prose)
        # (An answer that opens with code would show the learner only the notes on it.)
        # ("…꼼수를 썼대:" ends on a lead-in whose list is not in the answer: cut short)
        complete = complete and not answer.rstrip().endswith((":", "："))
        confident = complete and not titled and self_contained(question) and len(answer) >= 4 \
            and not _bare_yes_no(question, answer) and shows_all
        end = max([lines[1], *(b.lines[1] for b in blocks if b.lines != (0, 0))])
        self.add(Unit("qa", scope.path, question, (lines[0], end), confident,
                      subject=scope.subject, question=question, answer=answer))
        self._pending_question = None
        self._blocks(blocks, replace(scope, skip=scope.skip or scope.subject, in_answer=True))

    # -- blocks ---------------------------------------------------------------------

    def _blocks(self, blocks: list[Block], scope: Scope) -> None:
        index = 0
        while index < len(blocks):
            block = blocks[index]
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, Para):
                consumed = self._para(block, after, blocks[index + 1:], scope)
                index += 1 + consumed
                continue
            if isinstance(block, ListBlock):
                self._list(block, None, scope)
            elif isinstance(block, Quote):
                self._blocks(block.blocks, scope)
            elif isinstance(block, Table):
                for unit in tables.units(block, scope.path, self._table_title(scope),
                                         self.lang, self._heading_words):
                    self.add(unit)
            elif isinstance(block, Code):
                if block.prose:
                    self._blocks(block.prose, scope)
            elif isinstance(block, Details):
                self._details(block, scope)
            elif isinstance(block, Heading):
                pass
            index += 1

    def _table_title(self, scope: Scope) -> str:
        if scope.heading is not None and scope.heading.kind not in ("about", "furniture"):
            return scope.heading.text
        return scope.subject

    def _details(self, details: Details, scope: Scope) -> None:
        summary = normalise(details.summary.text)
        if is_generic_summary(summary):
            if self._pending_question is not None:
                question, lines, asked_scope = self._pending_question
                self._pending_question = None
                self._qa(question, details.blocks, lines, asked_scope)
            else:
                self._blocks(details.blocks, scope)
            return
        asked = as_question(summary, self.lang)
        if asked is None:
            term = clean_term(summary)
            if is_term_like(term, self.lang):
                # "<summary>Mutex</summary>" then its explanation: a term and its meaning.
                answer, complete = answer_text(details.blocks)
                if answer:
                    self.add(Unit("definition", scope.path, term, details.lines,
                                  complete and len(answer) <= 400, subject=term,
                                  context=scope.subject, answer=answer, how="summary-term"))
                return
            self._blocks(details.blocks, scope)
            return
        topic = topic_of(asked)
        topic = clean_term(topic) if topic and is_term_like(clean_term(topic), self.lang) else ""
        self._qa(asked, details.blocks, details.summary.span(),
                 replace(scope, subject=topic or scope.subject, skip=topic))

    def _para(self, para: Para, after: Block | None, rest: list[Block], scope: Scope) -> int:
        """Read a paragraph; returns how many following blocks it consumed."""
        if self._faq_pair(para, scope) or self._definition_list(para, scope):
            return 0
        whole = normalise(para.text.text)
        asked = follow_up_line(whole)
        if asked is not None:  # "꼬리 질문: 핵심 로직은 어디에? → doDispatch()에서 …": a card
            self._follow_up(asked[0], asked[1], para.lines, scope)
            return 0
        when = _WHEN_TO_USE_LINE.match(whole)
        if when and scope.subject and "\n" not in whole.strip():
            # "When to use: you have a big if/else …" on one line, as its list form is read
            self._attribute("when", self._clean(when.group("v")).rstrip("."), para.lines, scope)
            return 0
        question = as_question(whole, self.lang) if len(whole) <= 200 else None
        if question is not None:
            answer_blocks = listing.answer_blocks(rest)
            if answer_blocks:
                topic = topic_of(question)
                topic = clean_term(topic) if topic and is_term_like(clean_term(topic),
                                                                    self.lang) else ""
                self._qa(question, answer_blocks, para.lines,
                         replace(scope, subject=topic or scope.subject, skip=topic))
                return len(answer_blocks)
            self._pending_question = (question, para.lines, scope)
            return 0
        sentences = split_sentences(para.text)
        if isinstance(after, ListBlock) and self._named_line(para, after, scope):
            return 1
        if isinstance(after, ListBlock) and self._defined_by_conditions(para, after, scope):
            return 1
        if isinstance(after, ListBlock) and sentences:
            lead = sentences[-1]
            self._sentences(sentences[:-1], scope, para.text)
            self._list(after, lead, scope)
            return 1
        self._sentences(sentences, scope, para.text)
        return 0

    def _faq_pair(self, para: Para, scope: Scope) -> bool:
        """"Q. Why does the GIL exist?⏎A. Mainly because …": an FAQ's question and its
        answer on the lines of one paragraph."""
        faq = _FAQ_PAIR.match(para.text.text)
        pair = faq or _QUESTION_LINE_PAIR.match(para.text.text)
        if pair is None:
            return False
        # (with its "Q:": "Q: send()?" asks about send(), where "send()?" alone is a heading)
        question = as_question(("Q: " if faq else "") + normalise(pair.group("q")), self.lang)
        if question is None:
            return False
        question = self._with_scope_subject(question, scope)  # "Q: What are the types?"
        sentences = [s for s in split_sentences(para.text) if s.end > pair.start("a")]
        texts = [c for s in sentences if (c := self._clean(s.text))]
        if texts:
            texts[0] = _ANSWER_LABEL.sub("", texts[0])
        answer = " ".join(t for t in texts if t)
        if len(answer) < 4:
            return False
        topic = topic_of(question)
        topic = clean_term(topic) if topic and is_term_like(clean_term(topic), self.lang) else ""
        inner = replace(scope, subject=topic or scope.subject, skip=topic or scope.skip)
        self.add(Unit("qa", scope.path, question, para.lines,
                      self_contained(question) and len(answer) <= 500
                      and not _bare_yes_no(question, answer),
                      subject=inner.subject, question=question, answer=answer))
        self._sentences(sentences, replace(inner, in_answer=True), para.text)
        return True

    def _definition_list(self, para: Para, scope: Scope) -> bool:
        """"**브로커(Broker)**⏎: Kafka 서버 한 대를 …": a term on its line, its definition on
        the next after a colon (Markdown's definition list)."""
        pair = _DEFINITION_LIST.match(para.text.text) or self._glossary_entry(para)
        if pair is None:
            return False
        term, alias = split_alias(clean_term(pair.group("t")))
        term = clean_term(term)
        # Its first sentence: what follows says more about it than what it is.
        meaning = _first_sentence(normalise(pair.group("d")))
        meaning = meaning.rstrip(".")
        # "Kafka 서버 한 대를 브로커라고 부릅니다": what it is, without naming it again
        meaning = re.sub(rf"\s*(?:을|를)\s+{re.escape(term)}(?:이)?라고\s+"
                         r"(?:부릅니다|부른다|합니다|한다)$", "", meaning)
        if not is_term_like(term, self.lang) or is_generic(term) or len(meaning) < 4:
            return False
        if alias:
            self._alias(term, alias, para.lines, scope)
        context = scope.subject if normalise_key(scope.subject) != normalise_key(term) else ""
        self.add(Unit("definition", scope.path, term, para.lines,
                      not scope.in_answer and not _restates(term, meaning),
                      subject=term, context=context, answer=meaning, how="definition-list"))
        # What the definition goes on to say is read as any sentence about the term.
        sentences = split_sentences(para.text)
        said = 2 if pair.re is _DEFINITION_LIST else 1  # (a glossary's term opens its first)
        self._sentences(sentences[said:], replace(scope, subject=term, nested=True), para.text)
        return True

    @staticmethod
    def _glossary_entry(para: Para) -> re.Match[str] | None:
        """"**Soft state**⏎The system's state may change …": a glossary's term in bold on a
        line of its own, its meaning on the lines under it (no colon, unlike a definition
        list)."""
        text = para.text.text
        first, _, rest = text.partition("\n")
        if not rest.strip() or (0, len(first)) not in para.text.strong or len(first) > 60:
            return None
        return _GLOSSARY_ENTRY.match(text)

    def _named_line(self, para: Para, after: ListBlock, scope: Scope) -> bool:
        """"SNI (Server Name Indicator)" or "Locality of Reference" on a line of its own,
        its points listed below: a term set as a heading without the heading mark.  A name
        given with its other name is sure; a bare short line is more often a list's
        lead-in ("Features", "예시"), so it counts only when its first point names what the
        term is ("LRU의 근사 알고리즘"), and then an editor looks first unless it reads as
        a definition."""
        if para.lines[0] != para.lines[1]:
            return False
        text = normalise(para.text.text)
        term, alias = split_alias(clean_term(text))
        if text.endswith((":", "：")) or not is_term_like(clean_term(term), self.lang,
                                                          max_words=5):
            return False
        if alias is None and (is_generic(term) or listing.group_label(
                text, None, self.lang, first=False) is not None or prose.label(text)):
            return False
        found = listing.term_item(Item(None, [para, after]), self.lang)
        if found is None or not found.description:
            return False
        first = found.description.split("\n")[0].lstrip("• ")
        if alias is None and not listing.defines(first, self.lang):
            return False
        # A name with its other name, or one whose first point names what it is, is as
        # sure a term as a bold one.
        self._term_item(replace(found, confident=True), scope)
        return True

    def _defined_by_conditions(self, para: Para, after: ListBlock, scope: Scope) -> bool:
        """"A state is **safe** if:" then its conditions: a safe state is defined by them."""
        if self.lang != "en":
            return False
        found = _EN_IS_IF.match(normalise(para.text.text))
        conditions = listing.item_texts(after)
        if found is None or not 1 <= len(conditions) <= 5:
            return False
        term = f"{found['adj']} {found['noun']}".lower()
        answer = f"when {conditions[0]}" if len(conditions) == 1 else "one that meets all of:\n" \
            + "\n".join(f"• {c}" for c in conditions)
        self.add(Unit("definition", scope.path, term, (para.lines[0], after.lines[1]),
                      all(len(c) <= 150 for c in conditions), subject=term,
                      context=scope.context, answer=answer, how="conditions"))
        return True

    # -- lists ----------------------------------------------------------------------

    def _with_scope_subject(self, question: str, scope: Scope) -> str:
        """A question that names nothing ("What are the types?") asked of the subject in
        scope, unless that is the note's own title, which every card shares."""
        if scope.subject and scope.subject != self._title and lacks_subject(question) \
                and normalise_key(scope.subject) not in normalise_key(question):
            return with_subject(question, scope.subject)
        return question

    def _follow_up(self, text: str, answer: str, lines: tuple[int, int], scope: Scope) -> None:
        """A follow-up asked and answered on its line: a card of its own."""
        question = as_question(text, self.lang) or text
        question = self._with_scope_subject(question, scope)  # whose "핵심 로직"
        answer = self._clean(answer) or answer
        self.add(Unit("qa", scope.path, question, lines,
                      self_contained(question) and len(answer) >= 4
                      and not _bare_yes_no(question, answer)
                      and not _LEANS_ON_PARENT.search(question),
                      subject=scope.subject, question=question, answer=answer))

    def _list(self, block: ListBlock, lead: Sentence | None, scope: Scope) -> None:
        lead_text = self._clean(lead.text) if lead is not None else ""
        # "- 꼬리 질문: 배열 크기를 소수로 잡는 이유? → 키에 패턴이 …": each a card
        asked = follow_ups(block)
        if asked is not None:
            for text, answer, lines in asked:
                self._follow_up(text, answer, lines, scope)
            return
        # Questions as items, each answered by what is nested under it.
        questions = listing.question_items(block, self.lang)
        if questions is not None:
            for question, item in questions:
                answer_blocks = item.body
                if answer_blocks:
                    self._qa(question, answer_blocks, item.lines, scope)
                else:
                    self._pending_question = (question, item.lines, scope)
            return
        if lead is not None and lead_text:
            found = prose.label(lead_text)
            if found is not None and found.pending and found.kind in ("pros", "cons", "example"):
                subject = found.subject or scope.subject
                if subject:
                    for text in listing.item_texts(block):
                        self._collect(found.kind, subject, text, lead.lines, scope)
                    self._items(block, replace(scope, subject=subject))
                    return
        if lead is not None and _WHEN_TO_USE.match(lead_text) and scope.subject \
                and not scope.in_answer:
            # "When to use:" above a list: the cases the section's subject is for.
            items = listing.item_texts(block)
            if items:
                self.add(Unit("attribute", scope.path, f"{scope.subject}:when",
                              (lead.lines[0], block.lines[1]),
                              len(items) <= 8 and normalise_key(scope.subject)
                              != normalise_key(self._title),
                              subject=scope.subject, label="when",
                              answer="\n".join(f"• {i}" for i in items)))
                return
        group = listing.group_label(lead_text, scope.heading, self.lang,
                                    first=lead is None and not scope.nested)
        owner = ""
        if group is not None and COUNTED_GROUP.fullmatch(group.label.rstrip(":： ")):
            owner, label = self._whose_group(group.label.rstrip(":： "), scope)
            group = replace(group, label=label)
        if lead is not None and lead_text and group is None:
            self._sentences([lead], scope)
        process = listing.is_process(block, lead_text, scope.heading)
        terms = listing.term_items(block, self.lang)
        if terms is not None:
            self._kinds_items(block, scope)
        if process:
            steps = listing.step_texts(block)
            label = self._whose_process(self._process_label(lead_text, group, scope), scope)
            if len(steps) >= 2 and label:
                first = lead.lines[0] if lead is not None else block.lines[0]
                # ("Here's the flow the way I finally drew it": the author's telling names
                # no process a learner could be asked for)
                self.add(Unit("process", scope.path, label, (first, block.lines[1]),
                              _all_steps(steps, block) and not _FIRST_PERSON.search(label),
                              subject=scope.subject, label=label, items=tuple(steps)))
        elif group is not None and group.prop in ("pros", "cons", "features") and scope.subject:
            items = listing.item_heads(block)
            sure = len(items) <= 8 and scope.subject != self._title
            self.add(Unit(group.prop, scope.path, f"{group.prop}:{scope.subject}", block.lines,
                          sure, subject=scope.subject, items=tuple(items)))
        elif group is not None and terms is not None and len(terms) >= 2 \
                and not any(t.attribute for t in terms):  # ("- 문제: …", "- 해결: …": labels)
            names = listing.same_kind([t.term for t in terms], group.label)
            # A member left out ("CDN" beside "브라우저 캐시", "프록시 캐시") may still be
            # one: a list that may be incomplete waits for an editor.
            self.add(Unit("members", scope.path, group.label, block.lines,
                          all(len(n) <= 40 for n in names) and not scope.in_answer
                          and len(names) == len(terms) == sum(
                              # a member the reader could not name ("`Domain`, `Path` : …")
                              # leaves the list short; an aside in brackets is none
                              not (i.head is None or i.head.text.lstrip().startswith("("))
                              for i in block.items)
                          and not all(_NUMBERED_NAME.fullmatch(n) for n in names)
                          and not _POINTING.search(group.label),  # "…these states"
                          subject=scope.subject,
                          label=group.label, items=tuple(names)))
        elif group is not None and listing.short_items(block) and not all(
                listing.attribute_kind(clean_term(re.split(r"[:：]", h)[0]))
                for h in listing.item_heads(block)):
            # ("- 장점", "- 단점" under "### 장단점": labels of points, not members)
            items = listing.item_heads(block)
            self.add(Unit("members", scope.path, group.label, block.lines,
                          not scope.in_answer and not _POINTING.search(group.label)
                          and not _FIRST_PERSON.search(group.label),  # "My rules of thumb"
                          subject=scope.subject, label=group.label, items=tuple(items)))
        context = owner or self._list_context(group, lead_text, scope)
        if terms is not None and not scope.comparing:
            self._contrasts(terms, scope)
        if terms is not None:
            kinds = [_kind_word(t.term) for t in terms]
            heading = scope.heading.text if scope.heading is not None else ""
            states = any(_STATES.search(t) for t in (lead_text, heading) if t)
            modes = not states and any(_MODES.search(t) for t in (lead_text, heading) if t)
            for term_item, kind in zip(terms, kinds, strict=True):
                if kind and kinds.count(kind) >= 2 and term_item.description \
                        and not term_item.attribute:
                    term_item = replace(term_item, confident=True)  # names of one kind
                if states and not term_item.attribute \
                        and re.fullmatch(r"[A-Za-z-]+|[가-힣]{1,4}", term_item.term):
                    # "- **Ready**: waiting for a CPU" among a process's states
                    named = f"{term_item.term} 상태" if self.lang == "ko" \
                        else f"{term_item.term} state"
                    term_item = replace(term_item, term=named, article="the")
                elif modes and not term_item.attribute \
                        and re.fullmatch(r"[a-z][a-z-]+|[가-힣]{1,4}", term_item.term):
                    # "ext4 has three journaling modes:" then "- `writeback` — only …"
                    named = f"{term_item.term} 모드" if self.lang == "ko" \
                        else f"{term_item.term} mode"
                    term_item = replace(term_item, term=named, article="the")
                self._term_item(term_item, replace(scope, context=context))
            return
        self._items(block, scope)

    def _sides_section(self, blocks: list[Block], scope: Scope) -> bool:
        """"## 차이점" over "- **쿠키**" and "- **세션**", each with its points: the
        difference of the two, answered side by side (the points are read as usual)."""
        block = next((b for b in blocks if isinstance(b, ListBlock)), None)
        terms = listing.term_items(block, self.lang) if block is not None else None
        if block is None or terms is None or len(terms) != 2 or len(block.items) != 2 \
                or any(t.attribute for t in terms):
            return False
        sides = [(t.term, _side_points(t)) for t in terms]
        if not all(points for _, points in sides):
            return False
        answer = "\n".join(f"{name}:\n" + "\n".join(f"  • {p}" for p in points)
                           for name, points in sides)
        self.add(Unit("difference", scope.path, f"{sides[0][0]}/{sides[1][0]}", block.lines,
                      len(answer) <= 700 and all(len(p) <= 6 for _, p in sides)
                      and not scope.in_answer,
                      items=(sides[0][0], sides[1][0]), answer=answer))
        self._blocks(blocks, replace(scope, comparing=True))
        return True

    def _kinds_items(self, block: ListBlock, scope: Scope) -> None:
        """"- Types:" among "- Cause: …", "- Impact: …", over "Stored XSS — …",
        "Reflected XSS — …": the subject's kinds, each described (the labelled points
        around it are read as the subject's properties)."""
        for item in block.items:
            head = clean_term(normalise(item.head.text)).rstrip(":： ") if item.head else ""
            if not (_KINDS_LABEL.match(head) and scope.subject and item.body
                    and isinstance(item.body[0], ListBlock)):
                continue
            kinds = listing.term_items(item.body[0], self.lang) or []
            names = [k.term for k in kinds]
            if 2 <= len(names) == len(item.body[0].items) <= 8:
                self.add(Unit("members", scope.path, f"{scope.subject}:{head}",
                              item.body[0].lines,
                              not scope.in_answer and all(len(n) <= 40 for n in names),
                              subject=scope.subject, label=head, items=tuple(names)))
            self._blocks(item.body, replace(scope, nested=True))

    def _contrasts(self, terms: list[listing.TermItem], scope: Scope) -> None:
        """Two neighbouring terms that are each other's opposite ("stateful" and
        "stateless", "동기" and "비동기", "Clustered" and "Non-Clustered"), each with its
        description: a teacher asks for the difference, answered by both."""
        for left, right in pairwise(terms):
            if left.attribute or right.attribute or not left.description \
                    or not right.description:
                continue
            if not _opposites(left.term, right.term) \
                    and not (len(terms) == 2 and _one_head(left.term, right.term)):
                continue
            answer = f"{left.term}: {left.description}\n{right.term}: {right.description}"
            if len(answer) > 400:
                continue
            self.add(Unit("difference", scope.path, f"{left.term}/{right.term}",
                          (left.lines[0], right.lines[1]),
                          left.confident and right.confident and not scope.in_answer,
                          items=(left.term, right.term), answer=answer))

    def _list_context(self, group: listing.Group | None, lead: str, scope: Scope) -> str:
        """What a list's terms belong to: the group its lead-in names, else the topic of
        the lead-in sentence ("CAP 이론은 …"), else the subject in scope — but never the
        note's own title, which every card of the deck shares."""
        if group is not None and not (_KINDS_LABEL.match(group.label.rstrip(":： "))
                                      and scope.subject):
            return re.sub(r"\s*\d+\s*가지$|\s*\(\d+\)$", "", group.label)
        if group is not None:  # "Types:" names no group of its own: the subject's kinds
            return "" if scope.subject == self._title else scope.subject
        if scope.context and not scope.nested:
            return scope.context
        if lead:
            topic = prose.topic_ko(lead) if self.lang == "ko" else prose.topic_en(lead)
            if topic and is_term_like(topic, self.lang):
                return topic
        subject = scope.subject or ""
        return "" if subject == self._title else subject

    def _process_label(self, lead: str, group: listing.Group | None, scope: Scope) -> str:
        """"TLS HandShaking은 다음과 같은 과정을 거칩니다" names the process: TLS
        HandShaking의 과정.  Else the group or the process heading; else nothing."""
        if group is not None:
            return group.label
        if lead:
            if self.lang == "ko":
                named = _KO_NAMES_LIST.match(lead)
                topic = clean_term(named.group("x")) if named else prose.topic_ko(lead)
                if topic and listing.PROCESS_CUE.search(topic):
                    return topic  # "DNS 조회의 과정은 다음과 같다"
                if topic and is_term_like(topic, self.lang):
                    return f"{topic}의 과정"
            else:
                phrase = re.sub(r"^(?:the\s+)", "", lead.rstrip(":： .").strip(), flags=re.I)
                # "(the order matters!)": the author's aside is no part of the name
                # (but "on 3 dup ACKs (Reno)" names whose steps they are)
                phrase = re.sub(r"\s*\((?=[^()]*[!?]|[a-z]+\s)[^()]*\)$", "", phrase).strip()
                if phrase and len(phrase.split()) <= 12 and not re.search(
                        r"\b(?:is|are|was|were|will|can|should|must|do|does)\b", phrase, re.I):
                    return phrase
        if scope.heading is not None and scope.heading.kind == "process":
            return scope.heading.text
        return ""

    def _whose_group(self, label: str, scope: Scope) -> tuple[str, str]:
        """(whose, the group's name): "Three levels:" under "## Delivery guarantees" are
        the three levels of delivery guarantees; a count and a noun name nothing a
        learner could tell.  Their members are asked "(Delivery guarantees)"."""
        owners = (scope.subject, *reversed(scope.path))
        owner = next((o for o in owners if o and o != self._title
                      and _subject_of(o) != self._title
                      and not COUNTED_GROUP.fullmatch(o) and o not in self._index), "")
        if not owner:
            return "", label
        if self.lang == "ko":
            return owner, f"{owner}의 {label}"
        return owner, f"{label[0].lower()}{label[1:]} of {_lower_heading(owner)}"

    def _whose_process(self, label: str, scope: Scope) -> str:
        """"#### 과정" under "### OAuth" is OAuth의 과정: a process named by a bare word
        is the process of the section it sits in, or of nothing a learner could tell."""
        if not _BARE_PROCESS.fullmatch(re.sub(r"\s*\([^()]*\)$", "", label)):
            return label  # ("과정 (프로세스 A → B)" is a bare 과정 with an aside)
        label = re.sub(r"\s*\([^()]*\)$", "", label)
        owners = [scope.subject, *reversed(scope.path[:-1])]
        owner = next((o for o in owners if o and o != self._title
                      and not _BARE_PROCESS.fullmatch(o) and o not in self._index), "")
        if not owner:
            return ""
        return f"{owner}의 {label}" if self.lang == "ko" else f"{label} of {owner}"

    def _term_item(self, found: listing.TermItem, scope: Scope) -> None:
        term = found.term
        compared = _VERSUS.fullmatch(term)
        if compared is not None:
            # "**Throughput vs latency**" with its points: a comparison, not a term.
            left, right = clean_term(compared.group(1)), clean_term(compared.group(2))
            if right[:1].islower() and re.fullmatch(r"[A-Z][a-z]+(?: [a-z]+)*", left):
                left = left[0].lower() + left[1:]  # a heading's capital: "Throughput vs latency"
            sides = (left, right)
            answer = found.description
            listed = answer.count("• ")
            if answer and all(sides):
                self.add(Unit("difference", scope.path, "/".join(sides), found.lines,
                              found.confident and not scope.in_answer
                              and (listed >= 2 or _contrasts_both(answer, sides)),
                              items=sides, answer=answer))
            if found.rest:
                self._blocks(found.rest, replace(scope, comparing=True, nested=True))
            return
        if found.alias:
            self._alias(term, found.alias, found.lines, scope)
        if scope.subject and COUNTED_GROUP.fullmatch(term) and " " in term:
            # "- two flavours: object adapter vs class adapter": the subject's two flavours
            self._attribute(term, found.description, found.lines, scope, sure=found.confident)
            return
        if found.attribute:  # "- Pros:" is a property of the subject, never a term
            if scope.subject:
                self._attribute(found.term, found.description, found.lines, scope,
                                sure=found.confident)
        elif found.description and not scope.comparing \
                and normalise_key(term) != normalise_key(scope.skip) \
                and not _restates(term, found.description):
            context = scope.context if normalise_key(scope.context) != normalise_key(term) else ""
            sure = found.confident and self._stands_alone(term, context, scope) \
                and not (_recap(scope) and _traits(found.description)) \
                and not _PURPOSE_PHRASE.match(found.description) \
                and not _VALUES_ONLY.fullmatch(found.description)  # "`Effect`: Allow | Deny"
            self.add(Unit("definition", scope.path, term, found.lines, sure,
                          subject=term, context=context, answer=found.description,
                          article=found.article, how="term-item"))
        inner = replace(scope, subject=term, context=scope.subject or scope.context, skip="",
                        nested=True)
        if not found.description and self._subjects_parts(term, found.rest, scope):
            return
        if found.rest:
            self._blocks(found.rest, inner)

    def _stands_alone(self, term: str, context: str, scope: Scope) -> bool:
        """Whether "X란?" is a fair question: a bare adjective-like word ("장기", "수직")
        or a common English word inside an answer needs an editor's eye first."""
        bare = split_alias(term)[0]
        del context
        if re.fullmatch(r"[가-힣]{1,2}", bare):
            return False
        if _ACTIVITY.search(bare) and len(bare.split()) >= 2:
            return False  # "민감한 정보 관리": a use of something, not a concept of its own
        if re.fullmatch(r"[A-Z]?[a-z]{3,}ed", bare):
            return False  # "Filtered", "Closed": a state, asked "What is Filtered?"
        if re.fullmatch(r"[A-Z][a-z]+(?:ional|ural|ioral|ical|ous|ive|ible|able)", bare):
            return False  # "Creational", "Synchronous": an adjective, not a noun
        if re.search(r"\b(?:trick|hack|workaround|rule of thumb)s?$", bare, re.I):
            return False  # "common trick": the author's label for advice, not a concept
        if _ANECDOTE.search(bare):
            return False  # "삽질 기록: …": the author's story, told under a label
        if scope.in_answer:
            # A sub-point of an answer is a name worth its own card only when it looks
            # like one: an acronym, a name in capitals, or a term given with its alias.
            words = bare.split()
            if re.fullmatch(r"[A-Z][a-z]+ing", bare):
                return False  # "Stopping: …" in an answer labels a case, it names nothing
            named = bare.isupper() or all(w[:1].isupper() for w in words if w[:1].isalpha())
            return named or split_alias(term)[1] is not None or bool(re.search("[가-힣]", bare))
        return True

    def _items(self, block: ListBlock, scope: Scope) -> None:
        """Items that are not terms: their sentences, and what is nested under them.
        Among them, names of one kind ("Hosted hypervisor", "Bare metal hypervisor")
        described by their points are terms all the same."""
        heads = [clean_term(normalise(i.head.text)) if i.head is not None else ""
                 for i in block.items]
        kinds = [_kind_word(h) for h in heads]
        steps: bool | None = None if block.ordered else False  # (worked out when needed)
        for item, bare_head, kind in zip(block.items, heads, kinds, strict=True):
            head = item.head
            inner = scope
            if head is not None and kind and kinds.count(kind) >= 2 \
                    and item.body and isinstance(item.body[0], ListBlock) \
                    and is_term_like(bare_head, self.lang) and not scope.comparing:
                found = listing.term_item(item, self.lang)
                if found is not None and found.description and not found.attribute:
                    self._term_item(replace(found, confident=True),
                                    replace(scope, context=scope.subject or scope.context))
                    continue
            if head is not None and (_KINDS_LABEL.match(bare_head.rstrip(":： "))
                                     or _STATES.search(bare_head)) \
                    and item.body and isinstance(item.body[0], ListBlock) and scope.subject:
                # "- Types:" over "Stored XSS — …", "Reflected XSS — …": the label leads
                # the list of the subject's kinds, as a paragraph "Types:" would.
                self._list(item.body[0], split_sentences(head)[0], replace(scope, nested=True))
                self._blocks(item.body[1:], replace(scope, nested=True))
                continue
            if head is not None:
                sentences = split_sentences(head)
                start = len(self.units)
                self._sentences(sentences, scope, head)
                if steps is None and any(u.kind == "definition" for u in self.units[start:]):
                    # "3. **checkpoint**: write the changes to disk" among steps that name
                    # nothing names a step; "What is checkpoint?" would ask for an instruction
                    steps = 2 * sum(listing.term_item(i, self.lang) is not None
                                    for i in block.items) < len(block.items)
                if steps:
                    self.units[start:] = [replace(u, confident=False)
                                          if u.kind == "definition" else u
                                          for u in self.units[start:]]
                bare = clean_term(normalise(head.text))
                inner = replace(scope, nested=True)
                if self._subjects_parts(bare, item.body, scope):
                    continue
                if is_term_like(bare, self.lang) and item.body:
                    inner = replace(scope, subject=bare, context=scope.subject, nested=True)
            self._blocks(item.body, inner)

    def _subjects_parts(self, lead: str, blocks: list[Block], scope: Scope) -> bool:
        """Read `blocks` as the subject's own parts when `lead` groups them: "- 주요 연산"
        over "push: …" (asked with the subject's name), or "- 구현" over "배열: …",
        "연결 리스트: …" (ways to build the subject, not what an array is: an editor
        words them).  False, reading nothing, for any other lead."""
        if not scope.subject:
            return False
        if _IMPLEMENTATIONS.fullmatch(lead):
            self._drafted(blocks, replace(scope, nested=True))
            return True
        if _CATEGORY_LEAD.fullmatch(lead):
            self._blocks(blocks, replace(scope, nested=True))
            return True
        return False

    def _drafted(self, blocks: list[Block], scope: Scope) -> None:
        """The units of `blocks`, every one waiting for an editor."""
        start = len(self.units)
        self._blocks(blocks, scope)
        self.units[start:] = [replace(u, confident=False) for u in self.units[start:]]

    # -- sentences ------------------------------------------------------------------

    def _clean(self, text: str) -> str:
        cleaned = clean_sentence(text)
        if cleaned is None:
            return ""
        # "A. …": an FAQ's label for its answer, not part of the sentence
        return spell_out_chat_yes_no(
            _ANSWER_LABEL.sub("", strip_note_prefix(drop_figure_asides(cleaned))))

    def _with_follow_on(self, answer: str, following: list[Sentence]) -> str:
        if following:
            nxt = self._clean(following[0].text)
            if nxt and prose.follows_on(nxt) and len(answer) + len(nxt) <= 300:
                return f"{answer}. {nxt}" if not answer.endswith((".", "다")) else f"{answer} {nxt}"
        return answer

    def _label_value(self, value: str, sentences: list[Sentence], position: int
                     ) -> tuple[str, int]:
        """(a label's value, the index of the first sentence not in it).

        "**Trade-offs:** You need to tune … Fallbacks must …", "**Problem:** A calls B.
        B gets slow …": the sentences after a label in its paragraph are its value too,
        up to the next label, an arrow, or a sentence that opens a list ("It has three
        states:", which a card cannot end on)."""
        taken = position + 1
        for following in sentences[position + 1:]:
            more = self._clean(following.text)
            if not more or prose.label(more) is not None \
                    or prose.colon_definition(more, self.lang) is not None \
                    or following.text.lstrip().startswith(("→", "->", "=>")) \
                    or more.rstrip().endswith((":", "：")) \
                    or len(value) + len(more) > 300:
                break
            value = f"{value.rstrip('.')}. {more}"
            taken += 1
        return value, taken

    def _sentences(self, sentences: list[Sentence], scope: Scope,
                   source: InlineText | None = None) -> None:
        taken = 0  # sentences already read as part of a label's value
        for position, sentence in enumerate(sentences):
            if position < taken:
                continue
            text = self._clean(sentence.text)
            if not text:
                continue
            lines = sentence.lines
            split = prose.analogy(text)
            if split is not None:
                text, likened = split
                if scope.subject:
                    self.add(Unit("analogy", scope.path, f"{scope.subject}:{likened}", lines,
                                  True, subject=scope.subject, answer=likened))
                if not text:
                    continue
            named = prose.named_by_previous(text)
            if named is not None and position > 0 and is_term_like(named, self.lang):
                # Every sentence before it in the paragraph sets up what it names, as far
                # back as a definition's length allows.
                start = position
                while start > 0 and sum(len(p.text) for p in sentences[start - 1:position]) \
                        <= 300:
                    start -= 1
                before = [c for p in sentences[start:position] if (c := self._clean(p.text))]
                if before:
                    self.add(Unit("definition", scope.path, named,
                                  (sentences[start].lines[0], lines[1]), True,
                                  subject=named, answer=" ".join(before).rstrip("."),
                                  how="named-by-previous"))
                continue
            named = prose.named_by_condition(text) if self.lang == "ko" else None
            if named is not None and is_term_like(named, self.lang):
                # "…할 수 있으면 NonBlocking이다": the condition defines the name it ends
                # on; asking for the name keeps the author's own wording.
                shown = prose.standalone(text)
                cut = shown.rfind(named)
                self.add(Unit("cloze", scope.path, named, lines, True, subject=named,
                              answer=f"{shown[:cut]}{{{{c1::{named}}}}}{shown[cut + len(named):]}",
                              items=(named,)))
                continue
            found = prose.label(text)
            if found is not None:
                subject = found.subject or scope.subject
                value = found.answer
                if found.kind in ("pros", "cons") and value:
                    value, taken = self._label_value(value, sentences, position)
                if subject and value:
                    self._collect(found.kind, subject, value.rstrip("."), lines, scope)
                continue
            found = prose.difference(text)
            if found is not None:
                self.add(Unit("difference", scope.path, "/".join(found.items), lines, True,
                              items=found.items, answer=found.answer))
                continue
            found = prose.definition(text, self.lang)
            if found is not None and found.kind == "alias":
                self._alias_found(found, lines, scope)
                continue
            if found is not None:
                if normalise_key(found.subject) == normalise_key(scope.skip):
                    continue
                answer = self._with_follow_on(found.answer, sentences[position + 1:])
                context = scope.context if found.subject != scope.subject else ""
                marked = source is not None and self._marked_in(found.subject, sentence, source)
                sure = prose.explicit_definition(text, self.lang) or (
                    prose.defining_noun(found.answer, self.lang)
                    and (marked or normalise_key(found.subject) == normalise_key(scope.subject))
                    and not scope.in_answer)  # a sentence of an answer leans on its question
                if re.fullmatch(r"[A-Za-z]", found.subject) and not context:
                    sure = False  # "A **G** is a goroutine": a letter means something only
                    # inside its note ("What is a G?")
                self.add(Unit("definition", scope.path, found.subject, lines, sure,
                              subject=found.subject, context=context, answer=answer,
                              article=found.article, how="sentence"))
                if found.alias:
                    self._alias(found.subject, found.alias, lines, scope)
                continue
            found = prose.colon_definition(text, self.lang)
            marked_label = found is not None and source is not None \
                and self._marked_in(found.subject, sentence, source)
            compared = _VERSUS.fullmatch(found.subject) if found is not None else None
            if found is not None and compared is not None and found.kind != "label":
                # "**401 vs 403** — 401 means …, 403 means …": a difference, not a term
                sides = (clean_term(compared.group(1)), clean_term(compared.group(2)))
                self.add(Unit("difference", scope.path, "/".join(sides), lines,
                              all(sides) and _contrasts_both(found.answer, sides)
                              and not scope.in_answer, items=sides, answer=found.answer))
                continue
            if found is not None:
                if found.kind == "label":
                    if scope.subject:
                        value, taken = self._label_value(found.answer, sentences, position)
                        last = sentences[max(taken, position + 1) - 1].lines[1]
                        self._attribute(found.label, value, (lines[0], last), scope)
                    continue
                context = scope.subject if scope.subject != found.subject else scope.context
                # "- rebase : 내 브랜치의 커밋들을 … 붙이는 것" under "### git rebase": the
                # section's own subject, named by what it is, is as sure as a marked one.
                own = _names(scope.subject, found.subject) \
                    and prose.defining_noun(found.answer, self.lang)
                self.add(Unit("definition", scope.path, found.subject, lines,
                              (marked_label or (own and not scope.in_answer))
                              and not _ANECDOTE.search(found.subject),
                              subject=found.subject, context=context, answer=found.answer,
                              how="colon-line"))
                if found.alias:
                    self._alias(found.subject, found.alias, lines, scope)
                continue
            found = prose.cause(text, self.lang)
            if found is not None:
                self.add(Unit("cause", scope.path, found.label, lines, False,
                              subject=scope.subject, label=found.label, answer=found.answer))
                continue
            if source is not None and self.lang == "en":
                self._what_it_does(text, sentence, source, scope)
            if source is not None:
                self._emphasis(text, sentence, source, scope)

    def _what_it_does(self, text: str, sentence: Sentence, source: InlineText,
                      scope: Scope) -> None:
        """"`useRef` lets you keep a mutable value between renders", "**squash** melds a
        commit into the one above it": a marked name opening a sentence with what it does
        asks "What does useRef do?"; the sentence is its answer."""
        marked = [(a, b) for a, b in source.marked() if sentence.start <= a < sentence.end]
        if not marked:
            return
        start, end = marked[0]
        name = normalise(source.text[start:end]).strip()
        lead = normalise(source.text[sentence.start:start]).strip()
        found = _DOES.match(text[text.find(name) + len(name):] if name in text else "")
        if found is None or lead.lower() not in ("", "the") or not name \
                or normalise_key(name) in self._defined or ";" in found["rest"][:3] \
                or not re.search(r"[A-Za-z]{2}", name) or re.search(r"['\"]", name):
            return  # ("--", "setItem('n', 5)": a token, an example call)
        coded = any(a == start for a, _ in source.code)
        article = "the" if lead.lower() == "the" else "code" if coded else None
        # ("…; `apply` reapplies but keeps it": the next clause is another name's)
        answer = f"{found['verb']} {found['rest'].split('; ')[0]}".rstrip(" .;:")
        subject = name if coded else clean_term(name)
        context = scope.subject if normalise_key(scope.subject) not in ("", normalise_key(name)) \
            else ""
        # ("NOT IN returns no rows if …": a pitfall under a condition; "`--explain` gives
        # an explanation": the name says it)
        conditional = re.search(r"\b(?:if|unless|when)\b", found["rest"]) is not None
        said = {w[:5].lower() for w in re.findall(r"[A-Za-z]{5,}", name)}
        echoed = any(w[:5].lower() in said for w in re.findall(r"[A-Za-z]{5,}", answer)[:3])
        self.add(Unit("does", scope.path, subject, sentence.lines,
                      len(found["rest"]) >= 15 and not scope.comparing and not scope.in_answer
                      and not conditional and not echoed
                      and not _POINTING.match(found["rest"])
                      and (is_term_like(subject, "en") or (coded and len(subject) <= 40)),
                      subject=subject, context=context, answer=answer, article=article))

    @staticmethod
    def _marked_in(term: str, sentence: Sentence, source: InlineText) -> bool:
        """Whether the author set `term` in bold or code in this sentence."""
        key = normalise_key(term)
        # "**원자성(Atomicity)**: …" marks the term with its other name
        return any(key in (normalise_key(source.text[a:b]),
                           normalise_key(split_alias(source.text[a:b])[0]))
                   for a, b in source.marked() if a >= sentence.start and b <= sentence.end)

    def _emphasis(self, text: str, sentence: Sentence, source: InlineText, scope: Scope) -> None:
        marked = [normalise(source.text[a:b]) for a, b in source.marked()
                  if a >= sentence.start and b <= sentence.end]
        if not marked:
            return
        found = prose.emphasis_cloze(text, marked)
        if found is None:
            return
        cloze, terms, confident = found.text, found.terms, found.confident
        names_subject = found.names_subject
        shown = _CLOZE_BLANK.sub(" ", cloze)
        if _told_as_story(shown.strip()):
            # "모든 연관관계를 [...]로 바꿨어요", "I switched to [...]": what the author did
            # once, told as a story; the fact it holds wants an editor's words
            confident = names_subject = False
        if re.search(r"[×≈÷]|\s[*/=]\s", shown) and all(re.match(r"[~≈]?\s?\d", t) for t in terms):
            # "365B × 500 B ≈ [...] total": a figure worked out on the page; the sum is
            # the fact, which an editor words
            confident = names_subject = False
        if _POINTS_BACK.search(shown) or _LABEL_BLANK.match(cloze):
            # "여기까지 [...]가 걸려요": up to where?  "[...]: 시작점 리프 …": a label,
            # not a blank.
            confident = names_subject = False
        subject = scope.subject
        own_topic = (prose.topic_ko(text) if self.lang == "ko" else prose.topic_en(text))
        if subject and subject != self._title \
                and normalise_key(subject) not in normalise_key(text) \
                and (not own_topic
                     or (_PROPER_NAME.fullmatch(subject) and not found.names_subject
                         and not _may_translate(subject, terms))):
            # The sentence is about something it does not name ("Time is divided into
            # terms" under "## Raft"): name it.  With no topic of its own the sentence may
            # be a translation of the name, or the name may give the blank away: an
            # editor checks; with one, only a name that shares a word with a blank does.
            cloze = f"{subject}: {cloze}"
            if not own_topic or _overlaps(subject, terms):
                confident = False
            names_subject = False
        if re.match(r"(?:→|->|=>)", cloze) and not re.search(r"다\.$", cloze):
            # "→ 응답 시간 차이로 … = [...]": goes on from the line above (a sentence of its
            # own after the arrow, "→ … 현상을 …라고 한다.", stands)
            confident = names_subject = False
        if self.lang == "en" and _GOES_ON.match(cloze):
            # "everything starts as [...]" from "1. everything starts as **implicit deny**":
            # a point that goes on from its heading, no sentence of its own
            confident = names_subject = False
        # Inside an answer the sentence leans on its question (the Q&A card asks it),
        # unless it opens on the term it is about.
        sure = (confident or names_subject) and not scope.comparing \
            and (not scope.in_answer or names_subject)
        self.add(Unit("cloze", scope.path, "/".join(terms), sentence.lines,
                      sure, subject=scope.subject, answer=cloze,
                      items=terms))

    def _attribute(self, label: str, value: str, lines: tuple[int, int], scope: Scope,
                   *, sure: bool = True) -> None:
        kind = listing.attribute_kind(label)
        if kind == "definition":
            if normalise_key(scope.subject) != normalise_key(scope.skip):
                self.add(Unit("definition", scope.path, scope.subject, lines, sure,
                              subject=scope.subject, answer=value, how="definition-label"))
            return
        if kind in ("pros", "cons", "example"):
            self._collect(kind, scope.subject, value, lines, scope)
            return
        # A named kind of property ("문제점", "Purpose") belongs to the term in scope; a
        # free label ("수축 단계", "Cost") may belong to a term the reader lost track of,
        # and the note's own title is no term at all: an editor checks those first.
        # ("Fix:" under an example fixes the example, not the principle it illustrates)
        sure = sure and bool(kind) and normalise_key(scope.subject) != normalise_key(self._title) \
            and label.strip().lower().rstrip(":") not in ("fix", "fixes", "workaround") \
            and not _COURSE_CODE.search(scope.subject)  # "CS 186 - Databases": a course
        self.add(Unit("attribute", scope.path, f"{scope.subject}:{label}", lines, sure,
                      subject=scope.subject, label=kind or label, answer=value))

    def _alias(self, term: str, alias: str, lines: tuple[int, int], scope: Scope) -> None:
        found = prose.alias_of(term, alias)
        if found is not None:
            self._alias_found(found, lines, scope)

    def _alias_found(self, found: prose.Found, lines: tuple[int, int], scope: Scope) -> None:
        # "GC (Garbage Collection)" in a deck titled "Java Garbage Collection": the
        # title on every card gives the answer away.
        spelled_in_title = normalise_key(found.answer) in normalise_key(self._note_title)
        self.add(Unit("alias", scope.path, found.subject, lines,
                      found.confident and not spelled_in_title, subject=found.subject,
                      answer=found.answer,
                      alias_kind=found.label))


def _first_text(blocks: list[Block]):  # type: ignore[no-untyped-def]
    """The first line of text under a heading: a paragraph, or the first paragraph or
    bullet of a quote or list that opens the section."""
    if not blocks:
        return None
    block = blocks[0]
    if isinstance(block, Para):
        return None if links_only(block.text) else block.text
    if isinstance(block, Quote):
        return _first_text(block.blocks)
    if isinstance(block, ListBlock) and block.items and not block.ordered:
        item = block.items[0]
        if item.head is not None and not item.body and not links_only(item.head):
            return item.head  # checked like a sentence: it must read as a definition
    if isinstance(block, Code) and block.prose:
        return _first_text(block.prose)
    return None


def _index_headings(section: Section) -> frozenset[str]:
    """The headings that are a glossary's index letters: "## A", "## B", "## D" among
    three siblings or more that all are (one "## C" beside "## Rust" is the language)."""
    found: set[str] = set()
    letters = [c.title_text for c in section.children if is_index_letter(c.title_text)]
    if len(letters) >= 3 and len(letters) * 2 >= len(section.children):
        found.update(letters)
    for child in section.children:
        found |= _index_headings(child)
    return frozenset(found)


def _heading_texts(section: Section) -> list[str]:
    own = [section.title_text] if section.title is not None else []
    return own + [t for child in section.children for t in _heading_texts(child)]


def read_units(note: Note, lang: str) -> list[Unit]:
    return Reader(lang).read(note)


__all__ = ["Item", "Reader", "Scope", "read_units"]

"""Questions the note already asks: "…란?", "…설명해주세요.", "Explain …".

Interview notes are lists of questions with their answers; the author's own
question is the best front a card can have, so it is kept as written, cleaned of
numbering and difficulty marks.
"""

from __future__ import annotations

import re

#: "Q:", "Q3.", "질문:", "Question 2)": the note's label for a question.
_ASKED = r"Q\s*\d*\s*[.:)]|질문\s*\d*\s*[:.)]|Question\s*\d*\s*[:.)]|(?:면접관|interviewer)\s*[:：]"
_LEAD = re.compile(rf"^\s*(?:{_ASKED}|Q\d+|\d+\s*[.)]|[-*•])\s*", re.I)
#: "When the cache is full, an eviction policy decides what to throw out?": a clause,
#: then a statement; a question would go on with what, how or an auxiliary.
_EN_CLAUSE_THEN_STATEMENT = re.compile(
    r"^(?:when|if|while|because|since|after|before|once)\b[^,?]{3,},\s*"
    r"(?!(?:what|why|how|when|where|which|who|is|are|was|were|do|does|did|can|could|should|"
    r"would|will|has|have|must|might)\b)[a-z]", re.I)
#: "(follow-up) What would you monitor?": a label before the question.
#: "Follow-up: why keep a reference to it?" too.
_QUESTION_LABEL = re.compile(
    r"^(?:[→➜➡>]\s*)?(?:Q\d*\s*)?\(?(?:follow[- ]?up(?:\s+question)?|꼬리(?:\s?질문)?|심화|bonus|"
    r"optional|추가|"
    r"헷갈(?:렸|리)던\s?(?:포인트|점|부분)|common confusion)"
    r"\s*(?:\)\s*[:：.]?|[:：])\s*",
    re.I)
#: "Q: Why?", "Q: 왜요?": a question word or an interjection, which names nothing.
_ASKING_WORD = re.compile(r"(?:why|how|what|when|where|which|who|really|seriously|so|and|"
                          r"example|examples|왜|왜요|어떻게|어떻게요|언제|뭐|뭐죠|정말|진짜|예시)",
                          re.I)
#: The note says a question follows ("Q: `send()`?").
_ASKED_LABEL = re.compile(rf"^\s*(?:{_ASKED}|Q\d+\s)", re.I)
_TRAIL_MARKS = re.compile(r"\s*(?:\*{2,}|\(\s*\*+\s*\)|[☆★⭐🌟]+\ufe0f?)\s*$")
_KO_REQUEST = re.compile(
    r"(?:설명|서술|기술|비교|정리|나열|말씀|이야기|얘기|소개|구분|정의)\s?"
    r"(?:해\s?주세요|해\s?주십시오|해\s?주실\s?수\s?있나요|하세요|하시오|하라|해\s?보세요|해\s?봐|"
    r"해\s?줘|해\s?보시오|할\s?수\s?있나요)\s*[.!]?$"
    r"|(?:말해|알려)\s?(?:주세요|주십시오|줘)\s*[.!]?$"
    r"|(?:무엇|뭐|뭔|무슨|어떤|어떻게|왜|언제|어디)[^.]*(?:인가요|일까요|인가|일까|입니까|나요|까요|가요)\s*[.]?$"
    r"|(?:란|이란)\s+무엇인가요?\s*[.]?$"
)
_KO_TERM_ASK = re.compile(r"^(?P<t>[^\s].{0,40}?)(?:이란|란)\s*$")
_EN_IMPERATIVE = re.compile(
    r"^(?:explain|describe|discuss|compare|contrast|list|name|define|give|outline|summari[sz]e|"
    r"tell me|walk me through|differentiate|distinguish|state|identify|mention)\b",
    re.I,
)
_EN_WH = re.compile(
    r"^(?:what|why|how|when|which|who|where|is|are|can|could|does|do|did|should|would|will|has|have)"
    r"\s+(?:is|are|was|were|do|does|did|can|could|would|should|will|has|have|the|a|an|you|we|it|"
    r"there|this|that|[a-z]+)\b",
    re.I,
)
_GENERIC_SUMMARY = re.compile(
    r"^(?:explanation|answer|answers|solution|show|show answer|click|click to expand|more|details|"
    r"hint|정답|답|답변|해설|풀이|설명|보기|펼치기|펼쳐보기|접기|클릭|더보기|내용|예시\s?답안|모범\s?답안)"
    r"\s*[.:!]?$",
    re.I,
)


#: A follow-up that asks a property of its topic: "멀티스레드의 장단점은요?".
_KO_PROPERTY_END = re.compile(
    r"(?:장단점|장점|단점|차이|차이점|특징|원인|종류|과정|방법|이유|역할|목적)$")
#: "그럼 멀티프로세스의 장점은?": the interviewer's way on, no part of the question.
_EN_SO = re.compile(r"^(?:so|and|ok|okay),?\s+(?=(?:what|why|how|when|which|who|where)\b)", re.I)
_CONVERSATIONAL_LEAD = re.compile(
    r"^(?:그럼|그러면|그래서|근데|그런데|그리고|일단|자,?)\s+(?=\S)")
#: "Example — when does an object become garbage?", "Quiz: …": a label before the
#: question, which the card does not need.
_LABEL_BEFORE_QUESTION = re.compile(
    r"^(?:example|exercise|quiz|practice|bonus|challenge|예제|예시|퀴즈|연습\s?문제|문제)\s*"
    r"(?:\d+\s*)?[—–:-]\s*(?=\S.*[?？]$)", re.I)


def strip_marks(text: str) -> str:
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        unlabelled = _QUESTION_LABEL.sub("", _LEAD.sub("", text).strip())
        if unlabelled != text:  # "Follow-up: so why not …?" asks "Why not …?"
            unlabelled = _EN_SO.sub("", unlabelled)
            if _EN_WH.match(unlabelled) and unlabelled[:1].islower():
                unlabelled = unlabelled[:1].upper() + unlabelled[1:]
        text = unlabelled
        text = _TRAIL_MARKS.sub("", text).strip()
    return text


#: "Explain difference between A and B": the article a quick note leaves out.
_EN_BARE_DIFFERENCE = re.compile(
    r"\b(explain|describe|what is|what are|what's|list)\s+(differences?)\s+between\b", re.I)


#: "스택(Stack) 영역은요?": a follow-up in an interview, asked on a card of its own as
#: "스택(Stack) 영역이란?".
_KO_FOLLOW_UP = re.compile(r"^(?P<t>[^\s?]+(?:\s[^\s?]+){0,3}?)(?:은요|는요|이요)\s*\?$")


def as_question(text: str, lang: str) -> str | None:
    """The question `text` asks, cleaned, or None when it is not a question."""
    del lang  # a Korean note may ask in English and the other way round
    marked = _EN_BARE_DIFFERENCE.sub(r"\1 the \2 between", strip_marks(text))
    follow_up = _KO_FOLLOW_UP.match(marked.strip())
    if follow_up:
        from bot.decks.generator.korean import attach
        topic = follow_up.group("t")
        # "멀티스레드의 장단점은요?" asks the property ("…장단점은?"), "스택 영역은요?" the term
        marked = attach(topic, "은" if _KO_PROPERTY_END.search(topic) else "이란") + "?"
    marked = _CONVERSATIONAL_LEAD.sub("", marked)  # "그럼 멀티프로세스의 장점은?"
    cleaned = _LABEL_BEFORE_QUESTION.sub("", marked)
    if cleaned != marked:
        cleaned = cleaned[:1].upper() + cleaned[1:]
    if len(cleaned) < 3 or len(cleaned) > 300:
        return None
    if re.match(r"(?:when to use(?: it)?|use when|why|how)\s*[:：]", cleaned, re.I):
        return None  # "When to use: you have a big if/else …": a label and its value
    if _EN_CLAUSE_THEN_STATEMENT.match(cleaned):
        return None  # "When the cache is full, an eviction policy decides …": a statement
    if cleaned.endswith(("?", "？")):
        body = cleaned.rstrip("?？ ")
        if len(body) < 2 or not re.search(r"[A-Za-z가-힣]", body):
            return None
        if " " not in body and not re.search(r"(?:란|이란|인가|일까|나요|까요|가요|니까)$", body):
            if _ASKED_LABEL.match(" ".join(text.split())) and re.search(r"[A-Za-z가-힣]{2}", body) \
                    and not _ASKING_WORD.fullmatch(body):
                # "**Q: `send()`?**": the interviewer names a thing and asks about it
                from bot.decks.generator.korean import attach
                if re.search(r"[가-힣]$", body):
                    return attach(body, "이란") + "?"
                return f"What does {body} do?" if body.endswith(")") else f"What is {body}?"
            return None  # "Oracle?": a heading about a term, not a question
        return body + "?"
    if _KO_REQUEST.search(cleaned):
        return cleaned
    asked = _KO_TERM_ASK.match(cleaned)
    if asked and " " not in asked.group("t").strip()[-1:]:
        return cleaned + "?"
    words = cleaned.split()
    if len(words) >= 3 and (_EN_IMPERATIVE.match(cleaned) or (
            _EN_WH.match(cleaned) and len(words) >= 4 and cleaned.endswith("."))):
        return cleaned.rstrip(".") + ("." if _EN_IMPERATIVE.match(cleaned) else "?")
    return None


def is_generic_summary(text: str) -> bool:
    """A <summary> that only hides the answer ("Explanation", "정답")."""
    return bool(_GENERIC_SUMMARY.match(strip_marks(text).strip()))


_KO_TOPIC = re.compile(
    r"^(?P<t>.+?)(?:에\s?대해서?|에\s?대하여|이란|란|의\s?개념|의\s?정의|은|는)\s*"
    r"(?:무엇인가요|무엇인가|뭔가요|뭘까요|뭐야|무엇일까요?|간단히|간략히)?\s*"
    r"(?:설명해\s?주세요|설명해\s?주십시오|설명하세요|설명하시오|말씀해\s?주세요|말해\s?주세요|"
    r"알려\s?주세요|서술하세요|서술하시오)?\s*[.?]?$"
)
_EN_TOPIC = re.compile(
    r"^(?:what\s+(?:is|are)\s+(?:an?\s+|the\s+)?|explain\s+(?:what\s+(?:is|are)\s+)?(?:an?\s+|the\s+)?|"
    r"define\s+(?:an?\s+|the\s+)?|describe\s+(?:an?\s+|the\s+)?)(?P<t>.+?)\s*[.?]?$",
    re.I,
)


def topic_of(question: str) -> str | None:
    """The term a question asks about ("ACID에 대해서 설명해주세요" -> "ACID";
    "What is NAT?" -> "NAT"), or None when it asks something else."""
    text = question.strip()
    match = _KO_TOPIC.match(text) or _EN_TOPIC.match(text)
    if not match:
        return None
    topic = match.group("t").strip().strip("\"'`“”‘’")
    topic = re.sub(r"^(?:the\s+)?(?:term|concept|word)\s+", "", topic, flags=re.I).strip("\"'`“”‘’")
    if not topic or len(topic) > 40 or len(topic.split()) > 5:
        return None
    return topic


_KO_ASKS_SOMETHING = re.compile(
    r"[가-힣A-Za-z0-9)\]](?:은|는|이|가|을|를|란|이란|의|에서|과|와)(?:\s|$)")


def lacks_subject(question: str) -> bool:
    """"어떤 경우에 생성해야할까?" asks about something the heading above named; on a
    card of its own it needs that subject back."""
    text = question.strip()
    if re.search("[가-힣]", text):
        return not _KO_ASKS_SOMETHING.search(text) and not re.search(r"[A-Za-z]{2,}", text)
    return bool(re.match(r"^(?:how|when|why|where)\s+(?:do|does|should|can|is|are)\s+"
                         r"(?:we|you|it|they|one)\b", text, re.I)) \
        or bool(_EN_WHOSE_GROUP.match(text))


#: "What are the three main types?": a group of nothing named.
_EN_WHOSE_GROUP = re.compile(
    r"^(?:what|which)\s+(?:are|is)\s+the\s+(?:\w+\s+)?(?:main\s+|key\s+|common\s+|"
    r"different\s+|basic\s+)?(?:types|kinds|steps|stages|phases|advantages|disadvantages|"
    r"drawbacks|benefits|properties|parts|components|categories|rules|options)\s*\?$", re.I)


#: A question that opens by asking ("왜 필요한가요?", "어떤 종류가 있나요?"), not with a noun.
_KO_ASKING_WORD = re.compile(r"(?:(?:왜|어떻게|어떤|어느|무엇|무슨|뭐|뭘|언제|어디|누가|얼마|몇)"
                             r"[가-힣]*|그럼|그러면|그래서|이|그|저)(?:\s|[?？]|$)")


def with_subject(question: str, subject: str) -> str:
    from bot.decks.generator.korean import attach

    if re.search("[가-힣]", question):
        if re.match(r"[가-힣]", question) and not _KO_ASKING_WORD.match(question):
            # "충돌 해결 방법 설명해주세요", "장점은?": the subject owns what is asked
            request = re.match(r"(?P<np>.+?[가-힣A-Za-z0-9)])\s+"
                               r"(?P<ask>(?:설명|서술|비교|정리|나열|말씀)\s?해)", question)
            if request and not re.search(r"(?:을|를|에\s?대해서?|에\s?대하여)$", request["np"]):
                # ("방법 설명해주세요" asks for the method: "방법을 설명해주세요")
                question = f"{attach(request['np'], '을')} {question[request.start('ask'):]}"
            return f"{subject}의 {question}"
        return f"{attach(subject, '는')} {question}"  # "왜 필요한가요?"
    if _EN_WHOSE_GROUP.match(question.strip()):
        return f"{question.strip().rstrip('? ')} of {subject}?"  # "… main types of XSS?"
    return f"{question.rstrip('?')} ({subject})?"

"""Question wording, Korean and English, with particles that agree with the term."""

from __future__ import annotations

from bot.decks.generator.korean import attach

_ANALOGY_TAILS = (
    "이라고 생각하면 됨", "라고 생각하면 됨", "이라 생각하면 됨", "라 생각하면 됨",
    "이라고 생각하면 된다", "라고 생각하면 된다", "이라 생각하면 된다", "라 생각하면 된다",
    "이라고 보면 됨", "라고 보면 됨", "이라고 보면 된다", "라고 보면 된다", "로 생각하면 됨",
    "으로 생각하면 됨", "와 같다", "과 같다", "와 비슷하다", "과 비슷하다", "생각하면 됨",
    "생각하면 된다", "같은 것", "같은 개념",
)
_EN_ANALOGY_LEADS = ("think of it as ", "think of them as ", "it is like ", "it's like ",
                     "like ", "imagine ", "similar to ", "just like ")


def _lead(title: str, separator: str) -> str:
    """"도커: " before a question, or nothing when the section has no title."""
    return f"{title}{separator}" if title else ""


def clean_analogy(text: str) -> str:
    """"옵션이 다 있는 오피스텔이라 생각하면 됨" -> "옵션이 다 있는 오피스텔"."""
    out = text.strip().strip("()").strip().rstrip(".!。 ")
    changed = True
    while changed:
        changed = False
        for tail in _ANALOGY_TAILS:
            if out.endswith(tail) and len(out) > len(tail):
                out = out[: -len(tail)].rstrip(" ,")
                changed = True
    low = out.lower()
    for lead in _EN_ANALOGY_LEADS:
        if low.startswith(lead):
            out = out[len(lead) :]
            break
    return out.strip(" ,.'\"")


def en_noun(term: str) -> str:
    """A common noun gets an article ("an index"); names and plurals do not."""
    if not term or term[0].isupper() or term.endswith("s") or term.isupper():
        return term
    return ("an " if term[0].lower() in "aeiou" else "a ") + term


def definition(term: str, lang: str, article: str | None = None) -> str:
    if lang == "ko":
        return attach(term, "란") + "?"
    if article in ("a", "an"):
        return f"What is {article} {term}?"
    if article is not None:  # the note wrote the term bare ("kubectl is …") or with "the"
        return f"What is {'the ' if article == 'the' else ''}{term}?"
    return f"What is {en_noun(term)}?"


def reverse_definition(meaning: str, lang: str) -> str:
    if lang == "ko":
        return attach(meaning, "을") + " 무엇이라고 하는가?"
    return f"What is the term for: {meaning}?"


def stands_for(term: str, lang: str) -> str:
    if lang == "ko":
        return attach(term, "는") + " 무엇의 약자인가?"
    return f"What does {term} stand for?"


def other_name(term: str, alias_is_latin: bool, lang: str) -> str:
    if lang == "ko":
        return term + ("의 영어 표현은?" if alias_is_latin else "의 우리말 표현은?")
    return f"What is another name for {term}?"


def acronym_of(term: str, lang: str) -> str:
    return f"{term}의 영문 약어는?" if lang == "ko" else f"What is the abbreviation of {term}?"


def attribute(subject: str, label: str, lang: str) -> str:
    """"스택의 주요 연산은?" for a label that names a property of the subject."""
    if lang == "ko":
        return f"{subject}의 {attach(label, '는')}?"
    return f"{subject} — {label}?"


def same_script_name(term: str, lang: str) -> str:
    return f"{term}의 다른 이름은?" if lang == "ko" else f"What is another name for {term}?"


def example(term: str, lang: str) -> str:
    return f"{term}의 예는?" if lang == "ko" else f"Give an example of {en_noun(term)}."


def analogy(text: str, lang: str) -> str:
    if lang == "ko":
        return f"'{text}'에 비유되는 것은?"
    return f"Which concept is likened to '{text}'?"


def pro_con(term: str, positive: bool, lang: str) -> str:
    if lang == "ko":
        return f"{term}의 {'장점' if positive else '단점'}은?"
    kind = "an advantage" if positive else "a downside"
    return f"What is {kind} of {en_noun(term)}?"


def labelled(title: str, label: str, lang: str) -> str:
    """A "label: description" line whose label is not a term ("Mitigation: …")."""
    if lang == "ko":
        return f"{_lead(title, ': ')}{attach(label, '는')}?"
    return f"{_lead(title, ' — ')}{label}?"


def enumeration(subject: str | None, intro: str, lang: str) -> str:
    if lang == "ko":
        return f"{subject}의 {attach(intro, '는')}?" if subject else f"{attach(intro, '는')}?"
    return f"{subject} — {intro}?" if subject else f"{intro}?"


def table_cell(title: str, row: str, column: str, lang: str) -> str:
    lead = f"{title} — " if title else ""
    if lang == "ko":
        return f"{lead}{row}: {attach(column, '는')}?"
    return f"{lead}{row}: {column}?"


def step_by_label(title: str, label: str, lang: str) -> str:
    if lang == "ko":
        return f"{_lead(title, ': ')}'{label}' 단계에서 하는 일은?"
    return f"{_lead(title, ': ')}what happens in the '{label}' step?"


def step_by_number(title: str, number: int, lang: str) -> str:
    if lang == "ko":
        return f"{_lead(title, ': ')}{number}단계는?"
    return f"{_lead(title, ': ')}what is step {number}?"


def order_heading(title: str, lang: str) -> str:
    if lang == "ko":
        return f"{_lead(title, ' ')}순서:"
    return f"{_lead(title, ', ')}in order:"


def order_question(title: str, lang: str) -> str:
    if lang == "ko":
        return f"{_lead(title, ': ')}올바른 순서는?"
    return f"{_lead(title, ': ')}which is the right order?"


def describe(sentence: str, lang: str) -> str:
    if lang == "ko":
        return f"무엇에 대한 설명인가? {sentence}"
    return f"Which concept does this describe? {sentence}"

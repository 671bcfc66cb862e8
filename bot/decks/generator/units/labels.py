"""Labelled lines: examples ("ex) …", "예) …", "e.g. …"), pros and cons
("장점 : …", "Downside: …") and analogies in parentheses."""

from __future__ import annotations

import re

_ANALOGY_TAILS = (
    "이라고 생각하면 됨", "라고 생각하면 됨", "이라 생각하면 됨", "라 생각하면 됨",
    "이라고 생각하면 된다", "라고 생각하면 된다", "이라 생각하면 된다", "라 생각하면 된다",
    "이라고 보면 됨", "라고 보면 됨", "이라고 보면 된다", "라고 보면 된다", "로 생각하면 됨",
    "으로 생각하면 됨", "와 같다", "과 같다", "와 비슷하다", "과 비슷하다", "생각하면 됨",
    "생각하면 된다", "같은 것", "같은 개념",
)
_EN_ANALOGY_LEADS = ("think of it as ", "think of them as ", "it is like ", "it's like ",
                     "like ", "imagine ", "similar to ", "just like ")


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


_EXAMPLE = re.compile(
    r"^(?:ex\)|ex\s*[:：.]|예\)|예시\)|예\s*[:：]|예시\s*[:：]|e\.g\.,?|eg[.:]|for example,?|"
    r"for instance,?|examples?\s*[:：]|예를 들어,?|예를 들면,?)\s*(?P<v>.*)$",
    re.I,
)
_PRO = r"장점|이점|advantages?|pros?|benefits?|upsides?|strengths?"
_CON = (r"단점|한계|트레이드\s?오프|disadvantages?|cons?|downsides?|drawbacks?|limitations?|"
        r"weakness(?:es)?|trade-?offs?")
_PRO_CON = re.compile(
    rf"^(?:(?P<subj>[^:：]{{1,30}}?)의\s*|(?!(?:The|A|An|This|That|Main|Key|Big|One)\s)"
    rf"(?P<subj_pre>[A-Z][\w.+#/-]{{0,20}}(?:\s[A-Z][\w.+#/-]{{0,20}})?)\s+)?"
    rf"(?:(?P<pro>{_PRO})|(?P<con>{_CON}))"
    rf"(?:\s+(?:of|for)\s+(?P<subj_en>[^:：]{{1,40}}?))?\s*(?:[:：]\s*(?P<v>.*)|(?P<end>)$)",
    re.I,
)
#: A callout's own mark ("💡", "⚠️", "📌"), never a tick or a cross: "❌ Safe to store
#: secrets" says the opposite without its ❌.
_CALLOUT_MARK = "[\u26a0\u2139\u2728\u2757\u2753\u2b50\U0001f300-\U0001faff]\ufe0f?\\s*"
_NOTE_PREFIX = re.compile(
    # "💡 한 줄 요약: …", "⚠️ 주의: …", "💡 …": a callout's mark and label
    rf"^(?:{_CALLOUT_MARK})*"
    r"(?:(?:참고|주의|중요|노트|팁|여담|결론|note|tip|important|cf\.?|(?:한\s?줄\s?)?요약|핵심|tl;\s?dr|"
    r"summary|in short|헷갈(?:렸|리)던\s?(?:포인트|점|부분))\s*[:：)]|참고로|by the way,?)?\s*",
    re.I)


def strip_note_prefix(sentence: str) -> str:
    """"참고: 멀티스레드는 …" reads as the sentence after the label."""
    return _NOTE_PREFIX.sub("", sentence, count=1)
_ANALOGY_MARK = re.compile(
    r"생각하면|비유|보면 됨|보면 된다|같은 것|같다|처럼|think of|like a|like an|imagine|similar to|"
    r"analogy|것\)?$",
    re.I,
)
_FIGURE_ASIDE = re.compile(r"오른쪽|왼쪽|위 그림|아래 그림|그림|사진|도표|\bleft\b|\bright\b|"
                           r"\bfigure\b|\bdiagram\b|\bimage\b|\babove\b|\bbelow\b", re.I)
_TRAILING_PAREN = re.compile(r"\s*\((?P<p>[^()]*)\)\s*\.?\s*$")


def example(sentence: str) -> str | None:
    match = _EXAMPLE.match(sentence.strip())
    if not match:
        return None
    return match.group("v").strip().rstrip(".")


def pro_con(sentence: str) -> tuple[bool, str, str | None] | None:
    """(is_pro, value, subject named in the label); the value may be empty when a
    list follows ("단점:" / "Pros of SameSite cookies:")."""
    match = _PRO_CON.match(sentence.strip())
    if not match:
        return None
    # "Pros of GC:", "GC pros:", "GC의 장점:"
    subject = match.group("subj") or match.group("subj_en") or match.group("subj_pre")
    value = (match.group("v") or "").strip().rstrip(".")
    return match.group("pro") is not None, value, subject.strip() if subject else None


def standalone_analogy(sentence: str) -> str | None:
    """A paragraph that is only "(…)", read as an analogy when it sounds like one."""
    text = sentence.strip()
    if not (text.startswith("(") and text.endswith(")")) or text.count("(") != 1:
        return None
    inner = text[1:-1].strip()
    if not _ANALOGY_MARK.search(inner):
        return None
    cleaned = clean_analogy(inner)
    return cleaned if len(cleaned) >= 3 else None


_TRAILING_MARK = re.compile(
    r"생각하면|비유|think of|imagine|보면 됨|보면 된다|(?:과|와) (?:같다|같음|비슷하다)[.]?$|처럼",
    re.I,
)


def trailing_analogy(sentence: str) -> tuple[str, str] | None:
    """(sentence without the aside, analogy) for "… (…라 생각하면 됨)"."""
    match = _TRAILING_PAREN.search(sentence)
    if not match or match.start() == 0:
        return None
    inner = match.group("p")
    if not _TRAILING_MARK.search(inner):
        return None
    cleaned = clean_analogy(inner)
    if len(cleaned) < 3:
        return None
    return sentence[: match.start()].rstrip(), cleaned


_ASIDE = re.compile(r"\s*\(([^()]*)\)")


def drop_figure_asides(sentence: str) -> str:
    """"(오른쪽이 가상화, 왼쪽이 컨테이너)" points at a removed image; it means nothing alone."""
    if "(" not in sentence:
        return sentence.strip()
    return _ASIDE.sub(lambda m: "" if _FIGURE_ASIDE.search(m.group(1)) else m.group(0),
                      sentence).strip()

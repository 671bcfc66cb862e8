"""Paragraphs -> sentences, each with its source line range.

Splitting is conservative: a period inside "node.js", "1.5" or "e.g." is not an
end; a parenthesised aside right after a sentence ("…이다. (컨테이너를 만들어주는
플랫폼)") belongs to that sentence; a paragraph cut in the middle of a sentence
("…소프트웨어를" / blank line / "말 한다.") is joined to the next one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.decks.generator.inline import InlineText

_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "vs", "cf", "mr", "dr", "no", "approx", "fig", "ex", "eg", "ie", "al"}
)
_KO_ENDINGS = (*"다요음됨함임것", "니다")
_TERMINAL = ".!?。"
_LABEL_START = re.compile(
    r"^\s*(?:ex\)|예\)|예\s*:|e\.g\.|[-*•]\s|\d+[.)]\s|"
    r"[^\s:：]{1,20}(?:\s[^\s:：]{1,20}){0,3}\s*[:：]\s|"
    r"(?:장점|단점|특징|참고|주의|pros?|cons?|advantages?|disadvantages?|downsides?|"
    r"drawbacks?|benefits?|note)\s*[:：])",
    re.I,
)
_UNFINISHED_END = re.compile(r"(?:[을를은는이가의에와과로도,]|[a-z,])$")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_SPLIT_VERB = re.compile(r"(말|의미|뜻)\s+(한다|합니다|하며|하고)")


@dataclass(frozen=True)
class Sentence:
    text: str
    lines: tuple[int, int]
    start: int = 0  # offsets of the sentence in the paragraph it was cut from
    end: int = 0


def normalise(text: str) -> str:
    """One line, single spaces, and "말 한다" (a common typo) read as "말한다"."""
    # Called for every sentence several times: most are already one line with single
    # spaces, and a few substring tests cost a third of the substitution.
    if "\n" in text or "  " in text or "\t" in text or "\u00a0" in text or "\u3000" in text:
        text = _SPACES.sub(" ", text.replace("\n", " "))
    text = text.strip()
    if " 한" in text or " 합" in text:
        text = _SPLIT_VERB.sub(r"\1\2", text)
    return text


def is_unfinished(text: str) -> bool:
    """A paragraph that stops mid-sentence, e.g. on an object particle."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] in _TERMINAL or stripped.endswith(")"):
        return False
    last_word = stripped.split()[-1]
    if last_word.endswith(_KO_ENDINGS):
        return False
    if re.search(r"(?:→|->|=>)\s*\S+$", stripped):
        return False  # "… 검증하면 됨 → stateless": a conclusion after an arrow ends it
    return bool(_UNFINISHED_END.search(stripped))


def _ends_sentence_line(line: str, next_line: str) -> bool:
    stripped = line.rstrip()
    if not stripped:
        return True
    if _LABEL_START.match(next_line):
        return True
    if _LABEL_START.match(stripped):
        # "장점: 빠름⏎단점: 느림" is two lines; "Token: a random, per-session⏎(or
        # per-request) value" is one, wrapped where the author's editor wrapped it.
        return not re.match(r"\s*[a-z(]", next_line)
    if stripped[-1] in _TERMINAL or stripped[-1] == ")":
        return True
    return stripped.split()[-1].endswith(_KO_ENDINGS)


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and word.isascii():
        # "J. Smith" is an initial; "…requests A. Both processes…" ends a sentence.
        after = text[dot + 1 : dot + 4].strip()
        return not (text[start].isupper() and after[:1].isupper()
                    and not (len(after) >= 2 and after[1] == "."))
    return False


_INTERESTING = re.compile(r"[()\[\]\n.!?。]")


def _cut_points(text: str) -> list[int]:
    cuts: list[int] = []
    depth = 0
    n = len(text)
    for match in _INTERESTING.finditer(text):  # only the characters that can matter
        i = match.start()
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _TERMINAL:
            nxt = text[i + 1] if i + 1 < n else " "
            if nxt in " \n\t" and not (ch == "." and _is_abbreviation(text, i)):
                cuts.append(i + 1)
        elif ch == "\n":
            line_start = text.rfind("\n", 0, i) + 1
            next_end = text.find("\n", i + 1)
            line = text[line_start:i]
            next_line = text[i + 1 : next_end if next_end >= 0 else n]
            if depth == 0 and _ends_sentence_line(line, next_line):
                cuts.append(i + 1)
            elif depth > 0 and _LABEL_START.match(next_line):
                depth = 0
                cuts.append(i + 1)
    return cuts


def split_sentences(para: InlineText) -> list[Sentence]:
    text = para.text
    bounds = [0, *_cut_points(text), len(text)]
    pieces: list[tuple[int, int]] = []
    for start, end in itertools.pairwise(bounds):
        chunk = text[start:end].strip()
        if not chunk:
            continue
        # A parenthesised aside on its own belongs to the sentence before it.
        if pieces and chunk.startswith("(") and chunk.endswith(")") and chunk.count("(") == 1:
            prev_start, _ = pieces[-1]
            pieces[-1] = (prev_start, end)
            continue
        pieces.append((start, end))
    out: list[Sentence] = []
    for start, end in pieces:
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        sentence = normalise(raw)
        if sentence:
            out.append(Sentence(sentence, para.span(start + lead, start + trail),
                                start + lead, start + trail))
    return out

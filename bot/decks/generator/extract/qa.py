"""Questions the note asks itself ("Q. 프로세스와 스레드의 차이는?" then the answer, or a
heading phrased as a question): the question becomes the front, what follows the back."""

from __future__ import annotations

import re

from bot.decks.generator.extract import labels
from bot.decks.generator.extract.context import Ctx, short_hash
from bot.decks.generator.markdown import ListBlock
from bot.decks.generator.sentences import Sentence, normalise

_Q_PREFIX = re.compile(r"^(?:Q\s*\d*\s*[.:)]|질문\s*[:.]|Question\s*:)\s*", re.I)
_A_PREFIX = re.compile(r"^(?:A\s*\d*\s*[.:)]|답\s*[:.]|답변\s*[:.]|Answer\s*:)\s*", re.I)
_MAX_ANSWER_SENTENCES = 3


def question(text: str) -> str | None:
    """The question, without a "Q." prefix, if the text is one worth asking."""
    body = _Q_PREFIX.sub("", text.strip()).strip()
    if not body.endswith(("?", "？")) or len(body.split()) < 2 or len(body) > 200:
        return None
    before = body[:-1].rstrip()
    if not before or not (before[-1].isalnum() or before[-1] in ")'\"”"):
        return None  # "WHERE email = ?" is code, not a question
    if "=" in body or labels.example(body) is not None or labels.pro_con(body) is not None:
        return None
    return body


def _emit(ctx: Ctx, asked: Sentence, back: str, last_line: int) -> None:
    front = question(asked.text)
    back = _A_PREFIX.sub("", back).strip()
    if front is None or len(back) < 2:
        return
    ctx.basic("qa", short_hash(front), (asked.lines[0], max(last_line, asked.lines[1])), front,
              back)


def answer(ctx: Ctx, asked: Sentence, following: list[Sentence]) -> int:
    """Answer from the sentences after the question; returns how many it used."""
    chosen: list[Sentence] = []
    for sentence in following[:_MAX_ANSWER_SENTENCES]:
        if question(sentence.text) is not None:
            break
        chosen.append(sentence)
    if chosen:
        _emit(ctx, asked, " ".join(s.text for s in chosen), chosen[-1].lines[1])
    return max(len(chosen), 1)


def answer_with_list(ctx: Ctx, asked: Sentence, block: ListBlock) -> None:
    items = [normalise(p.text) for p in block.items if normalise(p.text)]
    if items:
        _emit(ctx, asked, " / ".join(items), max(p.span()[1] for p in block.items))

"""The generator's own card record, its hash, and the checks every card must pass.

`gen` (the hash of the text fields the generator wrote) is what lets a later run
tell a card the maintainer edited from one it may refresh.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field

_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)
# A tag opens after a space or at the start; "Partial<T>", "Map<K, V>" are a type's name.
_LEAK = re.compile(r"(?<![\w.])<[A-Za-z/!?]|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);|"
                   r"https?:|www\.", re.I)
_NORMALISE = re.compile(r"[\s\W_]+", re.U)

TEXT_FIELDS = ("front", "back", "choices", "answer", "text", "accept")


@dataclass(frozen=True)
class GeneratedCard:
    anchor: str
    lines: tuple[int, int]
    type: str
    rule: str
    front: str = ""
    back: str = ""
    choices: tuple[str, ...] = ()
    answer: str = ""
    text: str = ""
    accept: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default=())
    draft: bool = False  # written with `draft: true`: a maintainer accepts it before it is served
    unit: str = ""  # the anchor of the knowledge unit it came from (its siblings share it)
    how: str = ""  # which recogniser made it (measured by the benchmark; not written)

    def fields(self) -> dict[str, str | list[str]]:
        """Text fields in the order they are written to the deck file."""
        out: dict[str, str | list[str]] = {}
        if self.type == "cloze":
            out["text"] = self.text
            if self.back:
                out["back"] = self.back
            return out
        out["front"] = self.front
        if self.type == "choice":
            out["choices"] = list(self.choices)
            out["answer"] = self.answer
            if self.back:
                out["back"] = self.back
            return out
        out["back"] = self.back
        if self.type == "typed" and self.accept:
            out["accept"] = list(self.accept)
        return out

    @property
    def gen(self) -> str:
        return gen_hash(self.type, self.fields())

    @property
    def line_range(self) -> list[int]:
        """`[first, last]`, 1-based and inclusive, as the deck model stores `src.lines`."""
        first, last = self.lines
        first = max(first, 1)
        return [first, max(last, first)]

    def question(self) -> str:
        if self.type == "cloze":
            return _CLOZE.sub("…", self.text)
        return self.front

    def answers(self) -> list[str]:
        if self.type == "cloze":
            return [m.group(2) for m in _CLOZE.finditer(self.text)]
        if self.type == "choice":
            return [self.answer]
        return [self.back]

    def all_text(self) -> str:
        parts: list[str] = []
        for value in self.fields().values():
            parts.extend(value if isinstance(value, list) else [value])
        return "\n".join(parts)


def gen_hash(card_type: str, fields: dict[str, str | list[str]]) -> str:
    """8 hex digits of sha256 over the type and text fields, key order independent."""
    payload = {"type": card_type}
    for key in TEXT_FIELDS:
        value = fields.get(key)
        if value in (None, "", []):
            continue
        payload[key] = value  # type: ignore[assignment]
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:8]


@functools.lru_cache(maxsize=65536)
def normalise_key(text: str) -> str:
    return _NORMALISE.sub("", text).casefold()


def problems(card: GeneratedCard) -> list[str]:
    """Why a card must not be written (empty when it is fine)."""
    found: list[str] = []
    if _LEAK.search(card.all_text()):
        found.append("markup or URL")
    answers = card.answers()
    if not answers or any(not normalise_key(a) for a in answers):
        found.append("empty answer")
    question = normalise_key(card.question())
    if not question:
        found.append("empty question")
    for ans in answers:
        key = normalise_key(ans)
        if key and _reveals(key, ans, card.question()):
            found.append("answer inside question")
            break
    if card.type == "choice":
        keys = [normalise_key(c) for c in card.choices]
        if len(set(keys)) < 2 or len(keys) != len(set(keys)) or card.answer not in card.choices:
            found.append("bad choices")
    return found


def _reveals(key: str, answer: str, question: str) -> bool:
    """Whether the question shows the answer.  Short Latin answers ("O", "no") are
    looked for as whole words, not inside other words ("Method")."""
    if len(key) <= 3 and key.isascii():
        # Latin and Hangul runs are separate words here: "b는" shows "b".
        words = {w.casefold() for w in re.findall(r"[A-Za-z0-9]+|[가-힣]+", question)}
        return key in words
    return key in normalise_key(question)


def question_key(card: GeneratedCard) -> str:
    return normalise_key(card.question())

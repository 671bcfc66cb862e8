"""Which faces a study group can be asked fairly, and how each is asked.

In a channel nobody grades their own recall: an answer is a button or words
matched against the card.  A basic card's answer is a sentence from the note,
and a right answer in other words does not match it; graded as a miss it
would also count as a lapse in the member's own schedule.  So a face is
posted only when it can be answered fairly:

- a choice or a typed face, as it is;
- a cloze face when every blank of it is short (a word or a short phrase,
  which can be typed as the note has it);
- a basic face only as a choice: its answer among answers the same deck
  gives to the same kind of question (the same question template, else a
  shared tag; generated cards carry their kind, e.g. ``definition``, as a
  tag), when there are enough of them;
- nothing else.

The options of a basic face are drawn when the post is claimed and kept with
it (`DailyPost.shown`), so every click is graded by the options as posted.
Everything but `deck_questions` is pure: the caller passes the deck's cards
and the random source.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from bot.decks.cloze import render_cloze
from bot.decks.matching import normalize
from bot.storage import daily_posts as posts
from bot.study.cards import FaceText, face_text

#: A blank is short when it has at most this many words and characters.
MAX_BLANK_WORDS = 3
MAX_BLANK_CHARS = 20
#: A basic face is asked among at least 3 options (so a guess is right at most 1 in 3).
MIN_DISTRACTORS = 2
MAX_DISTRACTORS = 3
#: An answer offered as an option is one line at most this long.
MAX_OPTION_CHARS = 160


@dataclass(frozen=True, slots=True)
class DeckCard:
    """A live card of the deck as stored: enough to tell how its faces can be asked."""

    pk: int
    type: str
    content: Mapping[str, Any]


# -- cloze ------------------------------------------------------------------------------------


def short_blank(answer: str) -> bool:
    """A blank a member can type as the note has it: a word or a short phrase."""
    words = answer.split()
    return 0 < len(words) <= MAX_BLANK_WORDS and len(answer.strip()) <= MAX_BLANK_CHARS


def cloze_is_fair(content: Mapping[str, Any], face: int) -> bool:
    try:
        prompt = render_cloze(str(content.get("text", "")), face)
    except ValueError:
        return False
    return all(short_blank(answer) for answer in prompt.answers)


# -- the kind of a basic card's question --------------------------------------------------------

#: (kind, pattern) tried in order on the casefolded question: the specific ones first,
#: so "X의 장점은 무엇인가?" is a question about advantages, not a definition.
_TEMPLATES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("difference", r"차이|difference between|differ from|differ\b"),
        ("alias", r"다른 이름|another name|also called|also known"),
        ("expansion", r"약자|stand for|abbreviation"),
        ("analogy", r"비유|likened to|compared to|think of as"),
        ("example", r"의 예\b|의 예[는시]|예를 들|예로 들|example"),
        ("pros", r"장점|이점|좋은 점|advantage|benefit|\bpros\b"),
        ("cons", r"단점|문제점|한계|나쁜 점|disadvantage|drawback|\bcons\b|problem with"),
        ("features", r"특징|특성|feature|characteristic"),
        ("members", r"종류|구성 ?요소|kinds of|types of|components of"),
        ("process", r"과정|절차|순서|단계|steps|process|how do(?:es)? .+ work"),
        ("purpose", r"용도|역할|목적|what does .+ do\b|used for|purpose"),
        ("cause", r"이유|원인|왜|^why\b|what causes"),
        ("definition",
         r"(?:이)?란\s*(?:무엇|뭐)?\S*\s*\?*$|(?:은|는)\s*(?:무엇|뭐)\S*\s*\?*$|뜻은|의미는"
         r"|^what (?:is|are)\b|^define\b|what does .+ mean"),
    )
)
#: A hint the generator adds after the question, e.g. " (3가지)".
_HINT = re.compile(r"\s*\([^()]*\)\s*$")


def question_template(front: str) -> str | None:
    """The kind of question a basic card's front asks, when it follows a known template."""
    question = _HINT.sub("", " ".join(front.split()).casefold()).strip()
    for kind, pattern in _TEMPLATES:
        if pattern.search(question):
            return kind
    return None


def card_tags(content: Mapping[str, Any]) -> frozenset[str]:
    """The card's tags, with the kind its generator recorded in ``src.anchor`` (``#definition``)."""
    tags = {str(t).casefold() for t in content.get("tags") or () if str(t).strip()}
    src = content.get("src")
    anchor = str(src.get("anchor", "")) if isinstance(src, Mapping) else ""
    if "#" in anchor:
        tags.add(anchor.rsplit("#", 1)[1].split(":", 1)[0].split("|", 1)[0].casefold())
    tags.discard("")
    return frozenset(tags)


def option_text(answer: object) -> str | None:
    """The answer as an option: one line, not too long; None when it cannot be one."""
    text = str(answer).strip() if answer is not None else ""
    if not text or "\n" in text or len(text) > MAX_OPTION_CHARS:
        return None
    return text


# -- the deck's questions -----------------------------------------------------------------------


class DeckQuestions:
    """The live cards of one deck, indexed by the kind of question their basic cards ask.

    Two basic cards ask the same kind of question when their fronts follow the
    same template; cards whose fronts follow none are grouped by shared tags.
    Built once per claim: each card's option, its comparison key and its groups
    are worked out here, so telling whether every face of a large deck is fair
    stays linear in the deck.
    """

    def __init__(self, cards: Iterable[DeckCard]) -> None:
        self.cards = {card.pk: card for card in cards}
        self._option: dict[int, str] = {}  # a basic card's answer as an option
        self._key: dict[int, str] = {}
        self._groups: dict[int, list[str]] = {}  # "template:…" or "tag:…" names
        self._members: dict[str, list[int]] = defaultdict(list)  # group -> pks, in pk order
        self._keys: dict[str, set[str]] = defaultdict(set)  # group -> distinct answer keys
        for card in sorted(self.cards.values(), key=lambda c: c.pk):
            option = option_text(card.content.get("back")) if card.type == "basic" else None
            if option is None:
                continue
            template = question_template(str(card.content.get("front", "")))
            groups = ([f"template:{template}"] if template is not None
                      else [f"tag:{tag}" for tag in sorted(card_tags(card.content))])
            key = normalize(option)
            self._option[card.pk], self._key[card.pk], self._groups[card.pk] = option, key, groups
            for group in groups:
                self._members[group].append(card.pk)
                if key:
                    self._keys[group].add(key)

    def distractors(self, pk: int) -> list[str]:
        """Other answers to the same kind of question, distinct from the card's own, in pk order."""
        if pk not in self._option:
            return []
        peers = sorted({p for group in self._groups[pk] for p in self._members[group]})
        seen = {self._key[pk]}
        found: list[str] = []
        for peer in peers:
            key = self._key[peer]
            if key and key not in seen:
                seen.add(key)
                found.append(self._option[peer])
        return found

    def _enough_distractors(self, pk: int) -> bool:
        own = self._key[pk]
        groups = [self._keys[group] for group in self._groups[pk]]
        if any(len(keys) - (own in keys) >= MIN_DISTRACTORS for keys in groups):
            return True
        # Each group alone is too small (fewer than three answers): their union is cheap.
        return len(set().union(*groups) - {own}) >= MIN_DISTRACTORS

    def is_fair(self, pk: int, face: int) -> bool:
        """Whether the face can be asked in a channel (see the module's rules)."""
        card = self.cards.get(pk)
        if card is None:
            return False
        if card.type in ("choice", "typed"):
            return True
        if card.type == "cloze":
            return cloze_is_fair(card.content, face)
        if card.type == "basic":
            return pk in self._option and self._enough_distractors(pk)
        return False

    def fair_faces(self, faces: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
        return {(pk, face) for pk, face in faces if self.is_fair(pk, face)}

    def basic_as_choice(self, pk: int, rng: random.Random) -> dict[str, Any] | None:
        """A basic face's options as posted: its answer among up to three others, shuffled.

        The same shape as `bot.study.cards.shown_choice`, so a click is graded by it.
        """
        others = self.distractors(pk)
        answer = self._option.get(pk)
        if answer is None or len(others) < MIN_DISTRACTORS:
            return None
        options = [answer, *rng.sample(others, min(MAX_DISTRACTORS, len(others)))]
        rng.shuffle(options)
        return {"choices": options, "answer": answer}


def deck_questions(conn: Connection, deck_id: str) -> DeckQuestions:
    """The deck's live cards, read once for a claim or a set-up."""
    return DeckQuestions(DeckCard(*row) for row in posts.live_cards(conn, deck_id))


# -- a posted face ------------------------------------------------------------------------------


def _as_choice(shown: Mapping[str, Any] | None) -> tuple[tuple[str, ...], str] | None:
    if not shown:
        return None
    choices, answer = shown.get("choices"), shown.get("answer")
    if not isinstance(choices, list) or not isinstance(answer, str) or answer not in choices:
        return None
    return tuple(str(c) for c in choices), answer


def posted_face(
    card_type: str,
    content: dict[str, Any],
    face: int,
    order: list[int] | None,
    shown: dict[str, Any] | None,
) -> FaceText:
    """The face as the post asks it: a basic card posted with options is a choice."""
    if card_type == "basic":
        kept = _as_choice(shown)
        if kept is not None:
            return FaceText("choice", str(content["front"]), kept[1], None, kept[0], ())
    return face_text(card_type, content, face, order, shown)


def fairly_posted(
    card_type: str, content: Mapping[str, Any], face: int, shown: Mapping[str, Any] | None
) -> bool:
    """Whether a post (maybe one made before these rules) asked its face fairly.

    An answer to a post that did not (a basic card taking free text, a long
    blank) scores in the channel but never counts in the member's schedule.
    """
    if card_type in ("choice", "typed"):
        return True
    if card_type == "cloze":
        return cloze_is_fair(content, face)
    return card_type == "basic" and _as_choice(shown) is not None


"""What the rules share while reading one section: its term, the sibling terms
that serve as choices, the subject in focus, and the cards made so far."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from bot.decks.generator.cards import GeneratedCard, normalise_key
from bot.decks.generator.markdown import Section


def short_hash(text: str) -> str:
    return hashlib.sha256(normalise_key(text).encode("utf-8")).hexdigest()[:6]


@dataclass
class Ctx:
    section: Section
    lang: str
    term: str | None
    alias: str | None
    family: list[str]
    cards: list[GeneratedCard] = field(default_factory=list)
    topic: str | None = None  # the latest defined or described term in this section
    defined: list[str] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)  # terms defined earlier in the note
    glossary: list[str] = field(default_factory=list)  # heading and defined terms, whole note
    glossary_index: set[str] = field(default_factory=set)  # the same terms, for lookups
    first_sentence: bool = True
    inline_examples: list[tuple[str, str, tuple[int, int]]] = field(default_factory=list)
    just_defined: str | None = None  # the term the previous sentence defined, if any
    named_subject: str | None = None  # "Pros of X:" names who a later "Cons:" is about

    def add_to_glossary(self, terms: list[str]) -> None:
        for term in terms:
            if term not in self.glossary_index:
                self.glossary_index.add(term)
                self.glossary.append(term)

    def subject(self) -> str | None:
        """Who an example, analogy or pro/con is about: the heading's term, else the
        term the section last talked about."""
        return self.term or self.topic

    def choices_for(self, answer: str) -> list[str] | None:
        if answer == self.term and 2 <= len(self.family) <= 6 and answer in self.family:
            return list(self.family)
        return None

    def anchor(self, rule: str, key: str | None) -> str:
        base = f"{self.section.anchor_path}#{rule}"
        if key:
            base += ":" + " ".join(key.replace("#", " ").split())[:60]
        anchor = base
        n = 2
        while anchor in self.anchors:
            anchor = f"{base}~{n}"
            n += 1
        self.anchors.add(anchor)
        return anchor

    def basic(self, rule: str, key: str | None, lines: tuple[int, int], front: str,
              back: str) -> None:
        self.cards.append(GeneratedCard(anchor=self.anchor(rule, key), lines=lines, type="basic",
                                        rule=rule, front=front, back=back, tags=(rule,)))

    def ask_term(self, rule: str, key: str | None, lines: tuple[int, int], front: str,
                 answer: str, back: str = "") -> None:
        """A card whose answer is a term: a choice among siblings when there are some,
        unless a wrong choice is named in the question (it would mislead)."""
        choices = self.choices_for(answer)
        asked = normalise_key(front)
        if choices and any(normalise_key(c) in asked for c in choices if c != answer):
            choices = None
        if choices:
            self.cards.append(GeneratedCard(
                anchor=self.anchor(rule, key), lines=lines, type="choice", rule=rule,
                front=front, choices=tuple(choices), answer=answer, back=back, tags=(rule,)))
        else:
            self.basic(rule, key, lines, front, answer if not back else f"{answer} — {back}")

    def choice(self, rule: str, key: str, lines: tuple[int, int], front: str,
               choices: list[str], answer: str, back: str = "") -> None:
        self.cards.append(GeneratedCard(
            anchor=self.anchor(rule, key), lines=lines, type="choice", rule=rule, front=front,
            choices=tuple(choices), answer=answer, back=back, tags=(rule,)))

    def cloze(self, rule: str, key: str, lines: tuple[int, int], text: str,
              back: str = "") -> None:
        self.cards.append(GeneratedCard(anchor=self.anchor(rule, key), lines=lines, type="cloze",
                                        rule=rule, text=text, back=back, tags=(rule,)))

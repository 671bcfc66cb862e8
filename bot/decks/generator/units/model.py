"""A knowledge unit: one thing a note teaches, found in its structure.

Cards are made from units through templates, never from loose sentences, so a
unit carries what a template needs (the term, the question, the members of a
list) and how sure the reader is that it read the note right.  Units the reader
is unsure of become draft cards that a maintainer accepts or drops.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Kinds of unit and what their fields hold.
#: definition: subject (term) + answer (what it is); context = the group it belongs to
#: qa:         question (as the note asks it) + answer
#: members:    label (what the group is) + items (its members); subject = whose group
#: pros/cons/features: subject + items
#: process:    label + items (the steps, in order)
#: cell:       subject (row) + label (column) + answer + choices (table comparisons)
#: difference: items (the things compared) + answer
#: command:    subject (the command) + answer (what it is for)
#: example:    subject + answer (the examples)
#: analogy:    subject + answer (what it is likened to)
#: alias:      subject (short form) + answer (what it stands for / its other name)
#: cause:      label (the effect) + answer (the reason)
#: attribute:  subject + label (problem, purpose, …) + answer
#: cloze:      answer (the sentence with the author's bold/code words blanked) + items
KINDS = ("definition", "qa", "members", "pros", "cons", "features", "process", "cell",
         "difference", "command", "example", "analogy", "alias", "cause", "attribute", "cloze",
         "does")


@dataclass(frozen=True)
class Unit:
    kind: str
    section: tuple[str, ...]  # the heading path it was found under (part of its anchor)
    key: str  # what distinguishes it within its section (part of its anchor)
    lines: tuple[int, int]
    confident: bool
    subject: str = ""
    context: str = ""
    label: str = ""
    question: str = ""
    answer: str = ""
    items: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    explanation: str = ""
    article: str | None = None
    alias_kind: str = ""  # for alias units: "expansion" | "translation" | "acronym"
    how: str = ""  # which recogniser found it (for measuring each one, never written)
    #: For commands: no other command's purpose includes this one's ("커밋 되돌리기" of
    #: git reset beside "공유된 커밋 되돌리기" of git revert), so it can be asked back.
    purpose_unique: bool = True

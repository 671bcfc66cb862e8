"""Problems found in a deck file, reported the way compilers do (`path:line:col: message`).

A maintainer fixes a deck in an editor, so every problem carries a 1-based line and
column that an editor can jump to, and a loader reports all problems at once rather
than making the maintainer fix them one run at a time.

Each problem is also a `Phrase`: a key of the message catalogue
(bot/i18n/messages/deck_file.py) and its values, so a front end can tell it in
the maintainer's language (`Problem.text`); ``message`` and ``str(problem)``
stay in English, which is what `studybot deck check` prints by default.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n.catalogue import FALLBACK, t


@dataclass(frozen=True, slots=True)
class Phrase:
    """A message not yet put in words: a catalogue key and its values.

    A value may itself be a phrase ("`choices` item 2", "a number"): it is put
    in words in the same language before it is inserted.
    """

    key: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, /, **values: object) -> Phrase:
        return cls(key, tuple(values.items()))

    def render(self, lang: str = FALLBACK) -> str:
        filled = {name: value.render(lang) if isinstance(value, Phrase) else value
                  for name, value in self.values}
        return t(self.key, lang, **filled)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a deck file; `line` and `col` are 1-based (col counts characters).

    ``message`` is the English text; ``phrase`` (when the problem has one) says it in
    any language of the catalogue.
    """

    path: str
    line: int
    col: int
    message: str
    phrase: Phrase | None = None

    @classmethod
    def of(cls, path: str, line: int, col: int, phrase: Phrase) -> Problem:
        return cls(path, line, col, phrase.render(FALLBACK), phrase)

    def text(self, lang: str) -> str:
        """The message in ``lang`` (in English when the problem came without a phrase)."""
        return self.phrase.render(lang) if self.phrase is not None else self.message

    def line_in(self, lang: str, path: str | None = None) -> str:
        """``path:line:col: message`` in ``lang``; ``path`` replaces the stored one if given."""
        return f"{path if path is not None else self.path}:{self.line}:{self.col}: " + self.text(
            lang)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class DeckError(Exception):
    """Raised by the loader with every problem it found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

"""Problems found in a deck file, reported the way compilers do (`path:line:col: message`).

A maintainer fixes a deck in an editor, so every problem carries a 1-based line and
column that an editor can jump to, and a loader reports all problems at once rather
than making the maintainer fix them one run at a time.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a deck file; `line` and `col` are 1-based (col counts characters)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class DeckError(Exception):
    """Raised by the loader with every problem it found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

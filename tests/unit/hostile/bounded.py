"""Run the deck loader on hostile bytes under a deadline and check what it answered.

The loader's promise for any input at all: it returns a `LoadedDeck` or raises a
`DeckError` whose every problem points inside the file (1-based line and column an
editor can jump to); it never raises anything else and never runs long. The deadline
is a SIGALRM timer, so a hang fails the one example instead of freezing the suite.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from bot.decks import DeckError, LoadedDeck, parse_deck

PATH = "hostile.yaml"


class Overtime(Exception):
    """The loader was still working when its deadline passed."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    def expired(signum: int, frame: FrameType | None) -> None:
        raise Overtime(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _lines(data: bytes) -> list[str]:
    """The file's lines as an editor shows them (BOM dropped, undecodable bytes replaced)."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    return body.decode("utf-8", errors="replace").split("\n")


def load(data: bytes, seconds: float = 5.0) -> LoadedDeck | DeckError:
    """The loader's answer for ``data``; fails the test on a crash, a hang or a stray position."""
    with deadline(seconds):
        try:
            return parse_deck(data, PATH)
        except DeckError as error:
            check_positions(error, data)
            return error


def check_positions(error: DeckError, data: bytes) -> None:
    assert error.problems, "a DeckError must say what is wrong"
    lines = _lines(data)
    for problem in error.problems:
        assert problem.path == PATH
        assert problem.message.strip(), problem
        assert 1 <= problem.line <= len(lines), (str(problem), len(lines))
        # A column may point just past the line's last character (a missing value).
        assert 1 <= problem.col <= len(lines[problem.line - 1]) + 1, (
            str(problem), lines[problem.line - 1][:200])
        assert str(problem).startswith(f"{PATH}:{problem.line}:{problem.col}: ")

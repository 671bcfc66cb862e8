"""Reading lines and writing styled text, for a person at a terminal or a script on a pipe.

When stdin is not a terminal every prompt is printed as a line of its own, so
a script can read one prompt and write one answer.  Colour is rich's call: it
colours only when stdout is a terminal.  Deck text is never parsed as rich
markup (a cloze gap prints as "[...]", which rich would otherwise eat).
"""

from __future__ import annotations

import asyncio
import io
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.text import Text


class EndOfInput(Exception):
    """stdin was closed: the learner (or the script) has nothing more to say."""


class UnreadableLine(Exception):
    """The line read was not UTF-8 text (a terminal set to another encoding, a binary pipe).

    Its bytes would reach the database as lone surrogates, which SQLite cannot store;
    the learner is asked to type the line again instead.
    """


#: Bytes stdin could not decode, as Python's "surrogateescape" error handler keeps them,
#: and any other lone surrogate.
_NOT_TEXT = re.compile("[\ud800-\udfff]")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def interrupt_pending() -> bool:
    """Has asyncio already turned a Ctrl-C into a cancellation of the running task?"""
    try:
        task = asyncio.current_task()
    except RuntimeError:  # no event loop: nothing can be pending
        return False
    return task is not None and task.cancelling() > 0


@contextmanager
def ctrl_c_raises() -> Iterator[None]:
    """Within the block, Ctrl-C raises KeyboardInterrupt at once.

    ``asyncio.run`` turns the first Ctrl-C into a cancellation of the main
    task, which a blocking ``readline`` never notices: the learner would have
    to press Enter after Ctrl-C.  A Ctrl-C that asyncio already caught just
    before the block is raised here too.
    """
    swap = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGINT) if swap else None
    if previous is not None:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        if interrupt_pending():
            raise KeyboardInterrupt
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


class TerminalIO:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        if isinstance(stdin, io.TextIOWrapper):
            # A strict decoder would raise in the middle of readline and lose the line's
            # place; keeping undecodable bytes as surrogates lets `ask` refuse just that line.
            stdin.reconfigure(errors="surrogateescape")
        self._stdin = stdin
        self.interactive = _is_terminal(stdin)
        self._console = Console(
            file=stdout, highlight=False, markup=False, emoji=False, soft_wrap=True
        )

    def say(self, text: str, style: str | None = None) -> None:
        self._console.print(Text(text, style=style or ""))

    def say_parts(self, *parts: tuple[str, str | None]) -> None:
        """One line made of differently styled pieces."""
        line = Text()
        for text, style in parts:
            line.append(text, style=style or "")
        self._console.print(line)

    def blank(self) -> None:
        self._console.print()

    def ask(self, prompt: str) -> str:
        """Show ``prompt`` and read one line (without its newline).

        EndOfInput when stdin is closed; UnreadableLine when the line is not UTF-8 text.
        """
        try:
            with ctrl_c_raises():
                if self.interactive:
                    self._console.print(Text(f"{prompt} › ", style="bold cyan"), end="")
                else:
                    self._console.print(Text(prompt))
                line = self._stdin.readline()
        except KeyboardInterrupt:
            if self.interactive:
                self._console.print()  # leave the half-typed prompt line
            raise
        if not line:
            if self.interactive:
                self._console.print()
            raise EndOfInput
        if _NOT_TEXT.search(line) is not None:
            raise UnreadableLine
        return line.rstrip("\r\n")

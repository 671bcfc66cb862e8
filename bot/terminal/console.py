"""Reading lines and writing styled text, for a person at a terminal or a script on a pipe.

When stdin is not a terminal every prompt is printed as a line of its own, so
a script can read one prompt and write one answer.  Colour is rich's call: it
colours only when stdout is a terminal.  Deck text is never parsed as rich
markup (a cloze gap prints as "[...]", which rich would otherwise eat).
"""

from __future__ import annotations

import signal
import threading
from typing import TextIO

from rich.console import Console
from rich.text import Text


class EndOfInput(Exception):
    """stdin was closed: the learner (or the script) has nothing more to say."""


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def read_line(stdin: TextIO) -> str:
    """``stdin.readline()`` that Ctrl-C interrupts at once.

    ``asyncio.run`` turns the first Ctrl-C into a task cancellation, which a
    blocking read never notices: the learner would have to press Enter after
    Ctrl-C.  While we wait for a line, Ctrl-C raises KeyboardInterrupt again.
    """
    if threading.current_thread() is not threading.main_thread():
        return stdin.readline()
    previous = signal.getsignal(signal.SIGINT)
    if previous is None:
        return stdin.readline()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return stdin.readline()
    finally:
        signal.signal(signal.SIGINT, previous)


class TerminalIO:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
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
        """Show ``prompt`` and read one line (without its newline); EndOfInput when closed."""
        if self.interactive:
            self._console.print(Text(f"{prompt} › ", style="bold cyan"), end="")
        else:
            self._console.print(Text(prompt))
        try:
            line = read_line(self._stdin)
        except KeyboardInterrupt:
            if self.interactive:
                self._console.print()  # leave the half-typed prompt line
            raise
        if not line:
            if self.interactive:
                self._console.print()
            raise EndOfInput
        return line.rstrip("\r\n")

"""What a line typed at a study prompt means: a command, a grade, an option, an answer.

Pure functions, so the rules are tested without a terminal.  Single-letter
commands are also accepted as the Hangul jamo the same key gives on a Korean
keyboard (q -> ㅂ, s -> ㄴ, h -> ㅗ): a learner who just typed a Korean answer
should not have to switch input modes to quit.
"""

from __future__ import annotations

import unicodedata
from enum import Enum

from bot.srs.grades import Grade


class Command(Enum):
    QUIT = "quit"
    SKIP = "skip"
    HELP = "help"


_COMMANDS: dict[str, Command] = {
    "q": Command.QUIT,
    "quit": Command.QUIT,
    "exit": Command.QUIT,
    "ㅂ": Command.QUIT,
    "s": Command.SKIP,
    "skip": Command.SKIP,
    "ㄴ": Command.SKIP,
    "?": Command.HELP,
    "h": Command.HELP,
    "help": Command.HELP,
    "ㅗ": Command.HELP,
}

#: The four self-grading buttons in the order the prompt numbers them.
GRADE_BUTTONS: tuple[Grade, ...] = (Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.EASY)

_GRADE_WORDS: dict[str, Grade] = {
    "again": Grade.AGAIN,
    "hard": Grade.HARD,
    "good": Grade.GOOD,
    "easy": Grade.EASY,
    "다시": Grade.AGAIN,
    "어려움": Grade.HARD,
    "좋음": Grade.GOOD,
    "쉬움": Grade.EASY,
}


def _normal(line: str) -> str:
    # NFKC folds full-width digits and "？" from CJK input methods into ASCII.
    return unicodedata.normalize("NFKC", line).strip().casefold()


def command_of(line: str) -> Command | None:
    return _COMMANDS.get(_normal(line))


def _number(line: str) -> int | None:
    text = _normal(line).rstrip(".)")
    return int(text) if text.isdecimal() and len(text) <= 4 else None


def parse_grade(line: str) -> Grade | None:
    """``1``..``4`` (the button's number) or the button's name in either language."""
    number = _number(line)
    if number is not None:
        return GRADE_BUTTONS[number - 1] if 1 <= number <= len(GRADE_BUTTONS) else None
    return _GRADE_WORDS.get(_normal(line))


def parse_choice(line: str, options: tuple[str, ...]) -> int | None:
    """The 0-based index of the option picked by its number, or by typing its exact text."""
    number = _number(line)
    if number is not None:
        return number - 1 if 1 <= number <= len(options) else None
    typed = _normal(line)
    matches = [i for i, option in enumerate(options) if _normal(option) == typed]
    return matches[0] if len(matches) == 1 and typed else None


def parse_typed(line: str, max_length: int) -> str | None:
    text = line.strip()
    return text if text and len(text) <= max_length else None

"""custom_id formats: keys only, so a button means the same thing after a restart.

Every id starts with ``sb:`` and names the learner it belongs to, so a click
by anyone else is refused before the database is touched. Numbers are
matched loosely (any grade, up to three digits of choice index) so that a
forged id out of range still reaches the flow and gets a polite refusal
instead of no answer at all.
"""

from __future__ import annotations

from typing import Final

PREFIX: Final = "sb"

SHOW: Final = rf"{PREFIX}:show:(?P<user>\d+):(?P<prompt>\d+)"
GRADE: Final = rf"{PREFIX}:grade:(?P<user>\d+):(?P<prompt>\d+):(?P<q>\d{{1,3}})"
PICK: Final = rf"{PREFIX}:pick:(?P<user>\d+):(?P<prompt>\d+):(?P<index>\d{{1,3}})"
TYPE: Final = rf"{PREFIX}:type:(?P<user>\d+):(?P<prompt>\d+)"
TYPED: Final = rf"{PREFIX}:typed:(?P<user>\d+):(?P<prompt>\d+)"
SKIP: Final = rf"{PREFIX}:skip:(?P<user>\d+):(?P<prompt>\d+)"
STOP: Final = rf"{PREFIX}:stop:(?P<user>\d+):(?P<prompt>\d+)"
#: The text input inside the typed-answer modal.
ANSWER_INPUT: Final = f"{PREFIX}:answer"


def show(user: int, prompt: int) -> str:
    return f"{PREFIX}:show:{user}:{prompt}"


def grade(user: int, prompt: int, quality: int) -> str:
    return f"{PREFIX}:grade:{user}:{prompt}:{quality}"


def pick(user: int, prompt: int, index: int) -> str:
    return f"{PREFIX}:pick:{user}:{prompt}:{index}"


def type_answer(user: int, prompt: int) -> str:
    return f"{PREFIX}:type:{user}:{prompt}"


def typed(user: int, prompt: int) -> str:
    return f"{PREFIX}:typed:{user}:{prompt}"


def skip(user: int, prompt: int) -> str:
    return f"{PREFIX}:skip:{user}:{prompt}"


def stop(user: int, prompt: int) -> str:
    return f"{PREFIX}:stop:{user}:{prompt}"

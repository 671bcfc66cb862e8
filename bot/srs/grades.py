"""How the front ends' answers map to SM-2 qualities (DESIGN.md, "SM-2")."""

from __future__ import annotations

from enum import IntEnum


class Grade(IntEnum):
    """The four self-grading buttons of a basic or cloze card."""

    AGAIN = 1
    HARD = 3
    GOOD = 4
    EASY = 5


#: A wrong choice or typed answer counts as a lapse; a right one as "Good".
WRONG_ANSWER_QUALITY = 1
RIGHT_ANSWER_QUALITY = 4
#: "Almost" on a typed answer: recalled with difficulty, so it still passes.
ALMOST_ANSWER_QUALITY = 3

#: Below this the face comes back in the same session (Wozniak's step 7).
DRILL_UNTIL_QUALITY = 4


def is_correct(quality: int) -> bool:
    """A review counts towards the correct rate when it passed (q >= 3)."""
    return quality >= 3

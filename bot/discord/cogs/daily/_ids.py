"""Custom ids of a daily post's components: only the post id and an option index.

Nothing else is needed to answer a click (the post is reloaded from the
database), so a post keeps working after a restart.
"""

from __future__ import annotations

from typing import Final

PICK: Final = r"sb:daily:pick:(?P<post>\d+):(?P<index>\d{1,2})"
OPEN: Final = r"sb:daily:open:(?P<post>\d+)"
TEXT: Final = r"sb:daily:text:(?P<post>\d+)"
#: The typed answer's text input in the modal.
ANSWER_INPUT: Final = "sb:daily:answer"


def pick_id(post: int, index: int) -> str:
    return f"sb:daily:pick:{post}:{index}"


def open_id(post: int) -> str:
    return f"sb:daily:open:{post}"


def text_id(post: int) -> str:
    return f"sb:daily:text:{post}"

"""Siblings are buried for the day: one face of a sibling group a day, as Anki buries siblings.

Siblings (the faces of one card, the cards of one source unit: bot.decks.siblings
names them) give each other away, so once one of them has been answered on a
study day none of the others is shown until the next; and of the faces a day's
queue holds, only the first of each group is, so new siblings are spread over
days.  The face that was answered itself may still come back (a repeat of a
lapse, a mistakes drill): it gives nothing away that the learner has not seen.

Pure: the caller reads the day's answers and the candidates in queue order.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
G = TypeVar("G", bound=Hashable)


class SiblingFilter(Generic[K, G]):
    """Admits, in queue order, the faces the sibling rule lets through today.

    ``answered_today`` is every (face, group) the learner answered on this
    study day, anywhere (DMs, the terminal, a daily question).
    """

    def __init__(self, answered_today: Iterable[tuple[K, G]] = ()) -> None:
        answered = list(answered_today)
        self._taken: set[G] = {group for _, group in answered}
        self._answered: set[K] = {key for key, _ in answered}
        self._queued: set[G] = set()

    def admit(self, key: K, group: G) -> bool:
        """Whether ``key`` may be shown today; admitting it holds its group's place."""
        if group in self._taken and key not in self._answered:
            return False  # a sibling was answered today
        if group in self._queued:
            return False  # a sibling comes earlier in today's queue
        self._queued.add(group)
        return True


def bury_siblings(
    candidates: Iterable[tuple[K, G]],
    answered_today: Iterable[tuple[K, G]] = (),
    limit: int | None = None,
) -> list[K]:
    """The candidates' keys the rule admits, in order, at most ``limit`` of them."""
    admitted: list[K] = []
    rule: SiblingFilter[K, G] = SiblingFilter(answered_today)
    for key, group in candidates:
        if limit is not None and len(admitted) >= limit:
            break
        if rule.admit(key, group):
            admitted.append(key)
    return admitted

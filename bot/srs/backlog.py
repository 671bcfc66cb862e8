"""Coming back after a break: the most overdue first, a daily cap, and how long it takes.

With more reviews due than the learner's daily review limit, a plain
"oldest due date first" order serves the cards that were due first, however
long their intervals; Anki's *relative overdueness* order serves first the
cards most overdue for their interval instead: a card 10 days late on a
2-day interval (5 intervals late, probably forgotten, cheap to relearn now)
before one 10 days late on a 100-day interval (a tenth late, most likely
still known).  The daily limit caps the day's reviews, and
``days_to_clear`` says how many days the backlog takes at that pace.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

#: Catalogue keys (bot/i18n/messages/scheduling.py) of the learner's notice.
NOTICE_DAYS = "backlog.notice"
NOTICE_NEVER = "backlog.notice.never"

#: A catch-up longer than this is "not at this pace": the learner is told to raise the cap.
HORIZON_DAYS = 365


def relative_overdueness(due: date, interval: int, today: date) -> Fraction:
    """Days overdue as a share of the interval (exact, so ties stay ties).

    0 for a face due today, 1 for one a whole interval late; negative when
    not due yet.  An interval below one day counts as one.
    """
    return Fraction((today - due).days, max(interval, 1))


@dataclass(frozen=True, slots=True)
class DueFace(Generic[K]):
    """A reviewed face as the backlog order needs it: key, due date, interval, deck order."""

    key: K
    due: date
    interval: int
    position: int


def backlog_order(faces: Iterable[DueFace[K]], today: date) -> list[K]:
    """The faces due by ``today``, most overdue relative to their interval first.

    Ties (all faces due today, say) go to the shorter interval first, the one
    with the most to lose from waiting, then to deck order.
    """
    due = [f for f in faces if f.due <= today]
    due.sort(
        key=lambda f: (-relative_overdueness(f.due, f.interval, today), f.interval, f.position)
    )
    return [f.key for f in due]


def todays_reviews(faces: Iterable[DueFace[K]], today: date, cap: int) -> list[K]:
    """Today's reviews under a daily ``cap``: the most overdue first, at most ``cap`` of them."""
    if cap < 0:
        raise ValueError(f"the daily review cap cannot be negative, not {cap}")
    return backlog_order(faces, today)[:cap]


def days_to_clear(
    due_counts: Mapping[date, int], today: date, cap: int, horizon: int = HORIZON_DAYS
) -> int | None:
    """Study days, today included, until nothing is overdue, reviewing ``cap`` a day.

    ``due_counts`` is how many faces fall due on each day (the overdue ones
    on days before today); faces falling due later join the queue on their
    day.  0 when nothing is due today; None when it would take more than
    ``horizon`` days at this pace (the cap is too low for what keeps falling
    due).  Faces reviewed during the catch-up come back later too; that is
    left out, so this is the least it takes.
    """
    if cap < 0:
        raise ValueError(f"the daily review cap cannot be negative, not {cap}")
    queue = sum(n for day, n in due_counts.items() if day <= today)
    if queue == 0:
        return 0
    if cap == 0:
        return None
    serving = today  # the next day on which ``cap`` faces are reviewed
    for day, arriving in sorted((d, n) for d, n in due_counts.items() if d > today):
        days_before = (day - serving).days
        if queue <= days_before * cap:
            break
        queue += arriving - days_before * cap
        serving = day
    days = (serving - today).days + -(-queue // cap)
    return days if days <= horizon else None


@dataclass(frozen=True, slots=True)
class Backlog:
    """More due than the daily cap: what the learner is told (``reason`` is a catalogue key)."""

    due: int
    cap: int
    days: int | None

    @property
    def reason(self) -> str:
        return NOTICE_NEVER if self.days is None else NOTICE_DAYS

    def message_args(self) -> dict[str, int]:
        return {"due": self.due, "cap": self.cap, "days": self.days or 0}


def find_backlog(due_counts: Mapping[date, int], today: date, cap: int) -> Backlog | None:
    """The learner's backlog on ``today``, or None when today's reviews fit under the cap."""
    due = sum(n for day, n in due_counts.items() if day <= today)
    if due <= cap:
        return None
    return Backlog(due, cap, days_to_clear(due_counts, today, cap))

"""A learner's study day: the faces left today, the one definition every screen counts.

Due reviews (most overdue first) and new faces (in deck order), within what
the daily limits still allow, with the siblings of the day's answers buried
and one face per sibling group (bot.srs.queue.day_queue, here in SQL).  The
session screens, the terminal, the summary, reminders and /stats all count
"left today" from `plan_day`, so they agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection

from bot.srs.queue import DailyLimits, LeftToday, remaining_allowance
from bot.srs.siblings import SiblingFilter
from bot.storage.queue_queries import (
    Candidate,
    DeckScope,
    FaceKey,
    answered_on,
    day_progress,
    due_candidates,
    missed_candidates,
    new_candidates,
)

#: Fewest candidate rows read at a time: siblings skipped leave the page short.
MIN_PAGE = 32
#: A mistakes drill covers the misses of this many study days, today included.
MISTAKES_DAYS = 7
#: Most faces one mistakes drill holds (the most recently missed first).
MISTAKES_CAP = 100


@dataclass(frozen=True, slots=True)
class DayPlan:
    """Today's queue, by kind, in the order it is served."""

    reviews: list[FaceKey]
    new: list[FaceKey]

    @property
    def queue(self) -> list[FaceKey]:
        return self.reviews + self.new

    @property
    def left(self) -> LeftToday:
        return LeftToday(reviews=len(self.reviews), new=len(self.new))


def sibling_group(key: FaceKey, sibling: str | None) -> str:
    """A face's sibling group: its card's key, or the card alone before its deck is synced."""
    return sibling if sibling is not None else f"card:{key[0]}"


def answered_groups(
    conn: Connection, user_id: int, today: date, day_began: datetime
) -> list[tuple[FaceKey, str]]:
    """(face, sibling group) of every answer the learner gave on this study day."""
    return [(key, sibling_group(key, sib)) for key, sib in answered_on(
        conn, user_id, today, day_began)]


def admitted(
    fetch: Callable[[int, int], list[Candidate]], siblings: SiblingFilter[FaceKey, str], limit: int
) -> list[FaceKey]:
    """Up to ``limit`` faces the sibling rule admits, reading candidates page by page.

    ``fetch(limit, offset)`` reads the candidates in queue order.
    """
    taken: list[FaceKey] = []
    page = max(2 * limit, MIN_PAGE)
    offset = 0
    while len(taken) < limit:
        rows = fetch(page, offset)
        for key, sibling in rows:
            if siblings.admit(key, sibling_group(key, sibling)):
                taken.append(key)
                if len(taken) >= limit:
                    break
        if len(rows) < page:
            break
        offset += page
    return taken


def plan_day(
    conn: Connection,
    user_id: int,
    deck_id: str | None,
    today: date,
    limits: DailyLimits,
    day_began: datetime,
    *,
    cap: int | None = None,
) -> DayPlan:
    """What is left of the learner's day on one deck (or all theirs): see the module doc.

    ``cap`` bounds each kind, for a count that need not be exact beyond it.
    """
    new_left, reviews_left = remaining_allowance(limits, day_progress(conn, user_id, today))
    if cap is not None:
        new_left, reviews_left = min(new_left, cap), min(reviews_left, cap)
    scope = DeckScope(user_id, deck_id)
    siblings: SiblingFilter[FaceKey, str] = SiblingFilter(
        answered_groups(conn, user_id, today, day_began))
    reviews = admitted(
        lambda limit, offset: due_candidates(conn, scope, today, limit, offset),
        siblings, reviews_left,
    )
    fresh = admitted(
        lambda limit, offset: new_candidates(conn, scope, limit, offset), siblings, new_left
    )
    return DayPlan(reviews, fresh)


def plan_mistakes(
    conn: Connection,
    user_id: int,
    deck_id: str | None,
    today: date,
    day_began: datetime,
    *,
    cap: int = MISTAKES_CAP,
) -> list[FaceKey]:
    """The faces missed (q < 3) in the last `MISTAKES_DAYS` study days, latest miss first.

    The sibling rule holds here too: a face answered today may be drilled, its
    siblings wait, and of one group only the latest miss is taken.
    """
    since = today - timedelta(days=MISTAKES_DAYS - 1)
    scope = DeckScope(user_id, deck_id)
    siblings: SiblingFilter[FaceKey, str] = SiblingFilter(
        answered_groups(conn, user_id, today, day_began))
    return admitted(
        lambda limit, offset: missed_candidates(conn, scope, since, limit, offset),
        siblings, cap,
    )

"""A learner's study day: the faces left today, the one definition every screen counts.

Due reviews (most overdue first) and new faces (in deck order), within what
the daily limits still allow, with the siblings of the day's answers buried
and one face per sibling group (bot.srs.queue.day_queue, here in SQL).  Two
rules of bot.study.plans shape the day before siblings are buried: with more
due than the day's reviews left (a backlog) the most overdue relative to
their interval come first (bot.srs.backlog), and a deck with an exam in force
puts the new faces its plan needs first, above the learner's own new-card
limit when the exam needs it (bot.srs.exam).  The session screens, the
terminal, the summary, reminders and /stats all count "left today" from
`plan_day`, so they agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection

from bot.srs.backlog import DueFace, backlog_order
from bot.srs.queue import DailyLimits, LeftToday, remaining_allowance
from bot.srs.siblings import SiblingFilter
from bot.storage import scheduling as schedule_rows
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
from bot.study.plans import deck_exams

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
    reviews = todays_reviews(conn, scope, today, reviews_left, siblings)
    fresh = todays_new(conn, scope, today, limits.new_per_day, new_left, siblings, cap=cap)
    return DayPlan(reviews, fresh)


def todays_reviews(
    conn: Connection,
    scope: DeckScope,
    today: date,
    allowance: int,
    siblings: SiblingFilter[FaceKey, str],
) -> list[FaceKey]:
    """Up to ``allowance`` due faces: in due order while all that is due fits, else (a
    backlog) the most overdue relative to their interval first."""
    if allowance <= 0:
        return []
    probe = due_candidates(conn, scope, today, allowance + 1)
    if len(probe) <= allowance:
        return [key for key, sibling in probe if siblings.admit(key, sibling_group(key, sibling))]
    found = sorted(schedule_rows.due_faces(conn, scope, today),
                   key=lambda r: (r.deck_id, r.position, r.face))
    group = {(int(r.card_pk), int(r.face)): r.sibling for r in found}
    faces = [DueFace((int(r.card_pk), int(r.face)), r.due, int(r.interval), index)
             for index, r in enumerate(found)]
    taken: list[FaceKey] = []
    for key in backlog_order(faces, today):
        if siblings.admit(key, sibling_group(key, group[key])):
            taken.append(key)
            if len(taken) >= allowance:
                break
    return taken


def todays_new(
    conn: Connection,
    scope: DeckScope,
    today: date,
    new_per_day: int,
    allowance: int,
    siblings: SiblingFilter[FaceKey, str],
    *,
    cap: int | None = None,
) -> list[FaceKey]:
    """Today's new faces: what exam plans need first (beyond ``allowance`` if they must),
    then the learner's other new faces in deck order within ``allowance``."""
    first: list[FaceKey] = []
    for exam in deck_exams(conn, scope.user_id, scope.deck_id, today, new_per_day):
        quota = exam.plan.new_per_day - schedule_rows.met_today(
            conn, scope.user_id, exam.deck_id, today)
        if cap is not None:
            quota = min(quota, cap)
        first += admitted(_new_of(conn, DeckScope(scope.user_id, exam.deck_id)), siblings, quota)
    # The exam's faces hold their groups' places, so the pass below skips them.
    rest = admitted(_new_of(conn, scope), siblings, max(0, allowance - len(first)))
    return first + rest


def _new_of(conn: Connection, scope: DeckScope) -> Callable[[int, int], list[Candidate]]:
    return lambda limit, offset: new_candidates(conn, scope, limit, offset)


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

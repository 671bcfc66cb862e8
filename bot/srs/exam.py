"""An exam date: meet every card in time, and see every card in the last week.

Two pure rules, for either scheduler (issue 15):

- **New cards.**  A card counts as learned for the exam once it has had two
  scheduling reviews before the exam day: its introduction (a graded review
  in the log) and one more.  The next review can come the day after at the
  earliest, so the last day to introduce a card is two days before the exam,
  and the deck's cards not yet introduced are spread over the days up to it.
  When the learner's own new-card limit is too low for that, the plan raises
  it and says why.
- **The last week.**  A review before the exam's last week whose next due
  date would jump past the exam is brought back into that week, on a day
  drawn from it to spread the load.  A review within the week is itself the
  card's last-week review and is left alone, except a card's introduction:
  its second review is brought back to the day before the exam at the
  latest.  A capped date is only ever earlier than the scheduler's, so no
  review is dropped, and the scheduler's own state (SM-2's EF and interval,
  FSRS's memory) is left exactly as it computed it: after the exam,
  scheduling is what it would have been.

The exam day itself is not a study day for these rules: "before the exam"
means on a study day before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

#: The exam's "last week": the seven study days before the exam day.
LAST_WEEK_DAYS = 7
#: Scheduling reviews every card gets before the exam, its introduction included.
REVIEWS_BEFORE_EXAM = 2

#: Catalogue keys (bot/i18n/messages/scheduling.py) of the plan's reason.
REASON_ON_PACE = "exam.plan.on_pace"
REASON_RAISED = "exam.plan.raised"
REASON_TOO_LATE = "exam.plan.too_late"
REASON_ALL_MET = "exam.plan.all_met"
REASON_PASSED = "exam.plan.passed"


def last_week(exam: date) -> tuple[date, date]:
    """The first and last study day of the exam's last week (the day before the exam last)."""
    return exam - timedelta(days=LAST_WEEK_DAYS), exam - timedelta(days=1)


def last_new_day(exam: date) -> date:
    """The last study day on which a new card still gets its second review before the exam."""
    return exam - timedelta(days=REVIEWS_BEFORE_EXAM)


@dataclass(frozen=True, slots=True)
class ExamPlan:
    """How many new cards a day the exam needs, and the words for why.

    ``reason`` is a catalogue key; ``message_args()`` fills it.
    """

    new_per_day: int
    reason: str
    own_limit: int
    days_left: int
    cards_left: int
    last_new_day: date

    def message_args(self) -> dict[str, int]:
        return {
            "per_day": self.new_per_day,
            "limit": self.own_limit,
            "days": self.days_left,
            "cards": self.cards_left,
        }


def _check_count(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {value!r}")
    if value < 0:
        raise ValueError(f"{name} cannot be negative, not {value}")


def plan_new_cards(
    not_introduced: int,
    today: date,
    exam: date,
    new_per_day: int,
    introduced_today: int = 0,
) -> ExamPlan:
    """Today's new-card limit so every card is reviewed twice before ``exam``.

    ``not_introduced`` counts the deck's faces the learner has not met yet;
    ``introduced_today`` those met earlier today, so the plan stays the same
    all day instead of shrinking as the learner goes.  ``days_left`` is the
    number of study days before the exam, today included.
    """
    _check_count("not_introduced", not_introduced)
    _check_count("new_per_day", new_per_day)
    _check_count("introduced_today", introduced_today)
    cards = not_introduced + introduced_today
    days_left = max(0, (exam - today).days)
    deadline = last_new_day(exam)

    def plan(per_day: int, reason: str) -> ExamPlan:
        return ExamPlan(per_day, reason, new_per_day, days_left, not_introduced, deadline)

    if today >= exam:
        return plan(new_per_day, REASON_PASSED)
    if not_introduced == 0:
        return plan(new_per_day, REASON_ALL_MET)
    intro_days = (deadline - today).days + 1
    if intro_days <= 0:
        # The day before the exam: no second review is possible any more, but
        # meeting every card once still beats not meeting it.
        return plan(max(new_per_day, cards), REASON_TOO_LATE)
    needed = -(-cards // intro_days)
    if needed <= new_per_day:
        return plan(new_per_day, REASON_ON_PACE)
    return plan(needed, REASON_RAISED)


def cap_due(
    due: date, today: date, exam: date | None, rng: Random, introduction: bool = False
) -> date:
    """``due`` (scheduled on ``today``), brought back before ``exam`` if it would jump past it.

    Reviewed before the exam's last week: a day of that week drawn from
    ``rng`` (one draw).  Within the week, only a card's ``introduction`` (its
    first review) is capped, to the day before the exam, for its second
    review.  Unchanged without an exam, from the day before the exam on, and
    when the card comes back before the exam anyway.
    """
    if exam is None:
        return due
    first, last = last_week(exam)
    if today >= last or due <= last:
        return due
    if today < first:
        return first + timedelta(days=rng.randrange(LAST_WEEK_DAYS))
    return last if introduction else due

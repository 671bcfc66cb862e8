"""Reviews a day for a learner coming back from a break with an exam ahead (issue 15).

    .venv/bin/python benchmarks/scheduling_simulation.py [--seed 1] [--cards 500]
        [--new-per-day 8] [--review-cap 100] [--break-days 14] [--exam-in 30]

A learner meets a 500-card deck at 8 new cards a day for 30 days, takes a
14-day break, and comes back with an exam 30 days later.  The same learner
(same memory, same random draws) is run four times: SM-2 and FSRS (desired
retention 0.90, fuzz on), each without and with the exam date.  Every day
they do their due reviews, most overdue first under a cap of 100 when there
are more (bot/srs/backlog.py), and their new cards (their own limit, or the
exam plan's, bot/srs/exam.py).

The learner's memory is FSRS-6 with the package's default parameters,
whatever schedules the cards: a review is recalled with the probability that
model gives for that day (then Hard 15%, Good 75%, Easy 10%), else it is a
lapse.  That is the usual way to simulate learners (srs-benchmark does the
same) and it favours FSRS by construction; read the FSRS/SM-2 comparison
with that in mind, and the plain/exam comparison as the point.
Deterministic: every draw comes from a source seeded by (seed, card, day).
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from random import Random

from fsrs import Card, Rating, Scheduler

from bot.srs import scheduler
from bot.srs.backlog import DueFace, find_backlog, todays_reviews
from bot.srs.exam import last_week, plan_new_cards
from bot.srs.fuzz import fuzz_source
from bot.srs.ratings import rating_for_quality
from bot.srs.scheduler import ReviewState, SchedulerKind, Scheduling

START = date(2026, 1, 5)
STUDY_DAYS_BEFORE_BREAK = 30
#: The learner's memory: FSRS-6, default parameters, no steps, no fuzz.
TRUTH = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def draw(seed: int, card: int, day: date, what: str) -> Random:
    digest = hashlib.sha256(f"{seed}|{card}|{day.isoformat()}|{what}".encode()).digest()
    return Random(int.from_bytes(digest[:8], "big"))


def instant(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


@dataclass
class Learner:
    """One run: a scheduler, with or without the exam, and the learner's true memory."""

    name: str
    scheduling: Scheduling
    exam_mode: bool
    states: dict[int, ReviewState] = field(default_factory=dict)
    memory: dict[int, Card] = field(default_factory=dict)
    reviews: dict[date, int] = field(default_factory=dict)
    new: dict[date, int] = field(default_factory=dict)
    left_due: dict[date, int] = field(default_factory=dict)
    reviewed_on: dict[int, list[date]] = field(default_factory=dict)
    notice: str = ""
    exam_recall: float = 0.0


def grade(seed: int, card: int, day: date, memory: Card | None) -> int:
    """The SM-2 quality the learner gives: recalled with the true model's probability."""
    rng = draw(seed, card, day, "grade")
    if memory is None:  # first sight: the learner has not learned it yet
        return rng.choices([1, 3, 4, 5], weights=[20, 20, 50, 10])[0]
    recalled = rng.random() < TRUTH.get_card_retrievability(memory, instant(day))
    if not recalled:
        return 1
    return rng.choices([3, 4, 5], weights=[15, 75, 10])[0]


def study_day(learner: Learner, day: date, args: argparse.Namespace, exam: date) -> None:
    seed = args.seed
    due = [
        DueFace(card, s.due, s.interval, card)
        for card, s in learner.states.items()
        if s.due is not None and s.due <= day
    ]
    if not learner.notice and len(due) > args.review_cap:
        counts: dict[date, int] = {}
        for s in learner.states.values():
            if s.due is not None:
                counts[s.due] = counts.get(s.due, 0) + 1
        found = find_backlog(counts, day, args.review_cap)
        if found is not None:
            learner.notice = f"{found.due} due, cap {found.cap}: {found.days} days to catch up"
    todays = todays_reviews(due, day, args.review_cap)
    not_met = [c for c in range(args.cards) if c not in learner.states]
    limit = args.new_per_day
    if learner.exam_mode:
        limit = plan_new_cards(len(not_met), day, exam, args.new_per_day).new_per_day
    fresh = not_met[:limit]
    exam_for_review = exam if learner.exam_mode else None
    for card in todays + fresh:
        memory = learner.memory.get(card)
        quality = grade(seed, card, day, memory)
        state = learner.states.get(card) or scheduler.new_state(learner.scheduling)
        source = fuzz_source(f"{seed}:{card}", day)
        learner.states[card] = scheduler.review(
            state, quality, day, learner.scheduling, source, exam_for_review
        )
        truth = memory or Card(card_id=card, due=instant(day))
        rating: Rating = rating_for_quality(quality)
        learner.memory[card], _ = TRUTH.review_card(truth, rating, review_datetime=instant(day))
        learner.reviewed_on.setdefault(card, []).append(day)
    learner.reviews[day] = len(todays)
    learner.new[day] = len(fresh)
    learner.left_due[day] = len(due) - len(todays)


def recall_on(learner: Learner, day: date, cards: int) -> float:
    """Mean probability (true model) of recalling each of the deck's cards on ``day`` (0 unmet)."""
    total = sum(TRUTH.get_card_retrievability(m, instant(day)) for m in learner.memory.values())
    return total / cards


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cards", type=int, default=500)
    parser.add_argument("--new-per-day", type=int, default=8)
    parser.add_argument("--review-cap", type=int, default=100)
    parser.add_argument("--break-days", type=int, default=14)
    parser.add_argument("--exam-in", type=int, default=30)
    parser.add_argument("--after", type=int, default=14, help="days shown after the exam")
    args = parser.parse_args()

    back = START + timedelta(days=STUDY_DAYS_BEFORE_BREAK + args.break_days)
    exam = back + timedelta(days=args.exam_in)
    first, last = last_week(exam)
    sm2 = Scheduling(SchedulerKind.SM2)
    fsrs = Scheduling(SchedulerKind.FSRS)
    learners = [
        Learner("SM-2", sm2, False),
        Learner("SM-2+exam", sm2, True),
        Learner("FSRS", fsrs, False),
        Learner("FSRS+exam", fsrs, True),
    ]
    end = exam + timedelta(days=args.after)
    for learner in learners:
        day = START
        while day <= end:
            studying = day < START + timedelta(days=STUDY_DAYS_BEFORE_BREAK) or day >= back
            if day == exam:  # the exam is in the morning, before that day's reviews
                learner.exam_recall = recall_on(learner, exam, args.cards)
            if studying:
                study_day(learner, day, args, exam)
            day += timedelta(days=1)

    print(
        f"{args.cards} cards, {args.new_per_day} new a day from {START}, break "
        f"{back - timedelta(days=args.break_days)}..{back - timedelta(days=1)} "
        f"({args.break_days} days), back {back}, exam {exam} (last week {first}..{last}), "
        f"review cap {args.review_cap}, seed {args.seed}"
    )
    print("Coming back:", "; ".join(f"{x.name}: {x.notice or 'no backlog'}" for x in learners))
    plan = plan_new_cards(
        args.cards - sum(learners[1].new[d] for d in learners[1].new if d < back),
        back,
        exam,
        args.new_per_day,
    )
    print(
        f"Exam plan on coming back: {plan.new_per_day} new a day ({plan.reason}, "
        f"{plan.cards_left} cards to meet in {plan.days_left} days)"
    )
    print()
    header = "day         " + "".join(f"{x.name:>17}" for x in learners)
    print(header)
    print("            " + "".join(f"{'rev+new (left)':>17}" for _ in learners))
    day = back
    while day <= end:
        mark = "*" if day == exam else ("w" if first <= day <= last else " ")
        cells = "".join(
            f"{x.reviews[day]:>8}+{x.new[day]:<3}({x.left_due[day]:>3})" for x in learners
        )
        print(f"{day}{mark}  {cells}")
        day += timedelta(days=1)
    print("(w: the exam's last week, *: exam day; left: due reviews left for later by the cap)")
    print()
    rows = [
        (
            "reviews, back..exam-1",
            lambda x: sum(x.reviews[d] for d in x.reviews if back <= d < exam),
        ),
        ("new cards, back..exam-1", lambda x: sum(x.new[d] for d in x.new if back <= d < exam)),
        (
            "most reviews on one day",
            lambda x: max(x.reviews[d] + x.new[d] for d in x.reviews if d >= back),
        ),
        (
            "first day with nothing left",
            lambda x: next(
                (str(d) for d in sorted(x.left_due) if d >= back and x.left_due[d] == 0), "never"
            ),
        ),
        (
            "cards not met by the exam",
            lambda x: args.cards - sum(1 for days in x.reviewed_on.values() if days[0] < exam),
        ),
        (
            "cards reviewed < 2x before exam",
            lambda x: (
                args.cards
                - sum(1 for days in x.reviewed_on.values() if sum(d < exam for d in days) >= 2)
            ),
        ),
        (
            "cards seen in the last week",
            lambda x: sum(
                1 for days in x.reviewed_on.values() if any(first <= d <= last for d in days)
            ),
        ),
        (
            "reviews in the last week",
            lambda x: sum(x.reviews[d] + x.new[d] for d in x.reviews if first <= d <= last),
        ),
        ("mean recall at the exam", lambda x: f"{x.exam_recall:.3f}"),
        (
            "reviews, exam..+14 days",
            lambda x: sum(
                x.reviews[d] for d in x.reviews if exam <= d <= exam + timedelta(days=14)
            ),
        ),
    ]
    print(f"{'':32}" + "".join(f"{x.name:>12}" for x in learners))
    for label, value in rows:
        print(f"{label:32}" + "".join(f"{value(x)!s:>12}" for x in learners))


if __name__ == "__main__":
    main()

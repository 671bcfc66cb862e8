"""Pure scheduling: no I/O, no clock reads, no hidden randomness.

Time enters only as arguments (the learner's local ``today``) and randomness
only as a ``random.Random`` the caller passes (``fuzz_source``), so every
rule here is a deterministic function that golden-value tests can pin down.
SM-2 is the default and exact; FSRS goes through the ``fsrs`` package.
"""

from bot.srs.backlog import Backlog, DueFace, days_to_clear, find_backlog, todays_reviews
from bot.srs.day import DEFAULT_ROLLOVER_HOUR, local_instant, study_date, study_day_start
from bot.srs.exam import ExamPlan, cap_due, plan_new_cards
from bot.srs.fsrs_review import FsrsConfig, FsrsState
from bot.srs.fuzz import fuzz_source
from bot.srs.grades import Grade
from bot.srs.preview import NextReview, next_reviews
from bot.srs.queue import DailyLimits, DayProgress, Face, next_face, session_queue
from bot.srs.rebuild import LoggedAnswer, rebuild_state
from bot.srs.scheduler import ReviewState, SchedulerKind, Scheduling, new_state
from bot.srs.sm2 import Sm2State, replay, review

__all__ = [
    "DEFAULT_ROLLOVER_HOUR",
    "Backlog",
    "DailyLimits",
    "DayProgress",
    "DueFace",
    "ExamPlan",
    "Face",
    "FsrsConfig",
    "FsrsState",
    "Grade",
    "LoggedAnswer",
    "NextReview",
    "ReviewState",
    "SchedulerKind",
    "Scheduling",
    "Sm2State",
    "cap_due",
    "days_to_clear",
    "find_backlog",
    "fuzz_source",
    "local_instant",
    "new_state",
    "next_face",
    "next_reviews",
    "plan_new_cards",
    "rebuild_state",
    "replay",
    "review",
    "session_queue",
    "study_date",
    "study_day_start",
    "todays_reviews",
]

"""Pure SM-2 scheduling: no I/O, no clock reads, no randomness.

Time enters only as arguments (the learner's local ``today``), so every rule
here is a deterministic function that golden-value tests can pin down.
"""

from bot.srs.day import DEFAULT_ROLLOVER_HOUR, local_instant, study_date, study_day_start
from bot.srs.grades import Grade
from bot.srs.queue import DailyLimits, DayProgress, Face, next_face, session_queue
from bot.srs.sm2 import Sm2State, replay, review

__all__ = [
    "DEFAULT_ROLLOVER_HOUR",
    "DailyLimits",
    "DayProgress",
    "Face",
    "Grade",
    "Sm2State",
    "local_instant",
    "next_face",
    "replay",
    "review",
    "session_queue",
    "study_date",
    "study_day_start",
]

"""A learner's own settings: time zone, language, daily limits, rollover hour, scheduler.

Every change is checked before anything is written, and a change with one bad
value saves nothing: a learner who typed a wrong zone next to a new daily
limit fixes the zone and resends, instead of wondering which half stuck.
A new zone or rollover hour never cuts short a study day the learner has
already spent, nor takes them back before it (see bot.srs.day.keep_day).
A new scheduler (or, under FSRS, a new desired retention) rebuilds every
state of the learner from their review log in the same transaction
(bot.study.scheduling.rebuild_learner): the log is the source of truth, so
switching back and forth loses nothing.
Problems come back as data (field, kind, bounds, suggestions) so each front
end words them in the learner's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import Connection

from bot.srs.day import keep_day
from bot.srs.fsrs_review import DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION
from bot.srs.scheduler import SchedulerKind
from bot.storage import learners
from bot.storage.learners import Learner
from bot.storage.locks import lock_learner
from bot.storage.transactions import TransactionRunner
from bot.study.learners import LearnerDefaults, kept_of, user_today
from bot.study.scheduling import rebuild_learner
from bot.study.timezones import canonical_zone, closest_zones

#: Languages a learner can pick; AUTO clears the choice (follow the client's locale).
LANGUAGES: Final[tuple[str, ...]] = ("ko", "en")
AUTO: Final = "auto"
#: Schedulers a learner can pick; DECK_DEFAULT clears the choice (each deck's default).
SCHEDULERS: Final[tuple[str, ...]] = tuple(kind.value for kind in SchedulerKind)
DECK_DEFAULT: Final = "deck"
#: The schedulers' names, the same in every language.
SCHEDULER_NAMES: Final[dict[str, str]] = {"sm2": "SM-2", "fsrs": "FSRS"}
#: FSRS's desired retention, inclusive (bot.srs.fsrs_review).
RETENTION_BOUNDS: Final = (MIN_RETENTION, MAX_RETENTION)

#: Inclusive bounds of the numeric settings (the same as the bot's configuration).
BOUNDS: Final[dict[str, tuple[int, int]]] = {
    "new_per_day": (0, 1000),
    "reviews_per_day": (0, 10000),
    "rollover_hour": (0, 23),
}


@dataclass(frozen=True, slots=True)
class Preferences:
    timezone: str
    language: str | None  # None: follow the locale the learner's client reports
    new_per_day: int
    reviews_per_day: int
    rollover_hour: int
    scheduler: str | None = None  # None: each deck's default (else SM-2)
    desired_retention: float = DEFAULT_RETENTION


@dataclass(frozen=True, slots=True)
class PreferenceChange:
    """What to change; a None field is left as it is."""

    timezone: str | None = None
    language: str | None = None  # "ko", "en" or AUTO
    new_per_day: int | None = None
    reviews_per_day: int | None = None
    rollover_hour: int | None = None
    scheduler: str | None = None  # "sm2", "fsrs" or DECK_DEFAULT
    desired_retention: float | None = None

    def is_empty(self) -> bool:
        return all(
            value is None
            for value in (
                self.timezone,
                self.language,
                self.new_per_day,
                self.reviews_per_day,
                self.rollover_hour,
                self.scheduler,
                self.desired_retention,
            )
        )


class ProblemKind(StrEnum):
    UNKNOWN_ZONE = "unknown_zone"
    UNKNOWN_LANGUAGE = "unknown_language"
    UNKNOWN_SCHEDULER = "unknown_scheduler"
    OUT_OF_RANGE = "out_of_range"


@dataclass(frozen=True, slots=True)
class PreferenceProblem:
    field: str
    kind: ProblemKind
    value: object
    low: float | None = None
    high: float | None = None
    suggestions: tuple[str, ...] = ()


class InvalidPreferencesError(ValueError):
    """A change that was refused; nothing of it was saved."""

    def __init__(self, problems: list[PreferenceProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.kind}" for p in problems))
        self.problems: tuple[PreferenceProblem, ...] = tuple(problems)


@dataclass(frozen=True, slots=True)
class CheckedChange:
    """A change with its values made canonical (``asia/seoul`` -> ``Asia/Seoul``)."""

    change: PreferenceChange
    problems: list[PreferenceProblem] = field(default_factory=list)


def check_change(change: PreferenceChange) -> CheckedChange:
    """Validate and normalise a change without touching the database."""
    problems: list[PreferenceProblem] = []
    normalised = change
    if change.timezone is not None:
        zone = canonical_zone(change.timezone)
        if zone is None:
            problems.append(
                PreferenceProblem(
                    "timezone",
                    ProblemKind.UNKNOWN_ZONE,
                    change.timezone,
                    suggestions=tuple(closest_zones(change.timezone)),
                )
            )
        else:
            normalised = replace(normalised, timezone=zone)
    if change.language is not None:
        language = change.language.strip().lower()
        if language not in (*LANGUAGES, AUTO):
            problems.append(
                PreferenceProblem(
                    "language",
                    ProblemKind.UNKNOWN_LANGUAGE,
                    change.language,
                    suggestions=LANGUAGES,
                )
            )
        else:
            normalised = replace(normalised, language=language)
    if change.scheduler is not None:
        scheduler = change.scheduler.strip().lower()
        if scheduler not in (*SCHEDULERS, DECK_DEFAULT):
            problems.append(
                PreferenceProblem(
                    "scheduler", ProblemKind.UNKNOWN_SCHEDULER, change.scheduler,
                    suggestions=SCHEDULERS,
                )
            )
        else:
            normalised = replace(normalised, scheduler=scheduler)
    retention = change.desired_retention
    if retention is not None and not (
        RETENTION_BOUNDS[0] <= retention <= RETENTION_BOUNDS[1]
    ):
        problems.append(PreferenceProblem(
            "desired_retention", ProblemKind.OUT_OF_RANGE, retention, *RETENTION_BOUNDS))
    for name, (low, high) in BOUNDS.items():
        value = getattr(change, name)
        if value is not None and not low <= value <= high:
            problems.append(PreferenceProblem(name, ProblemKind.OUT_OF_RANGE, value, low, high))
    return CheckedChange(normalised, problems)


def _preferences(user: Learner) -> Preferences:
    return Preferences(
        timezone=user.timezone,
        language=user.locale,
        new_per_day=user.new_per_day,
        reviews_per_day=user.reviews_per_day,
        rollover_hour=user.rollover_hour,
        scheduler=user.scheduler,
        desired_retention=user.desired_retention,
    )


async def read_preferences(
    runner: TransactionRunner,
    user_id: int,
    defaults: LearnerDefaults,
    now: datetime,
) -> Preferences:
    """The learner's settings (a first-time learner gets the defaults, stored)."""
    return _preferences(
        await runner.run(lambda conn: learners.ensure_learner(conn, user_id, defaults, now))
    )


async def stored_language(runner: TransactionRunner, user_id: int) -> str | None:
    """The language the learner chose, or None (also for someone never seen)."""
    return await runner.run(lambda conn: learners.saved_locale(conn, user_id), read_only=True)


def _kept_day(conn: Connection, user: Learner, now: datetime) -> dict[str, Any]:
    """Before a new zone or rollover hour: keep the day in progress if it was spent.

    A day with answers in it ends when it would have under the old settings,
    and the new settings never take the learner back before it.  A day with
    none (a new learner setting their zone first thing) is given up at once,
    so the new settings apply as they say.
    """
    spent = learners.studied_on(conn, user.id, user_today(user, now))
    kept = (
        keep_day(now, user.timezone, user.rollover_hour, kept_of(user.kept_day, user.kept_until))
        if spent
        else None
    )
    return {"kept_day": kept.day if kept else None, "kept_until": kept.until if kept else None}


def _apply(
    conn: Connection,
    user_id: int,
    valid: PreferenceChange,
    defaults: LearnerDefaults,
    now: datetime,
) -> Preferences:
    user = learners.ensure_learner(conn, user_id, defaults, now)
    values: dict[str, Any] = {}
    zone_moved = valid.timezone is not None and valid.timezone != user.timezone
    hour_moved = valid.rollover_hour not in (None, user.rollover_hour)
    if zone_moved or hour_moved:
        values.update(_kept_day(conn, user, now))
    if valid.timezone is not None:
        values["timezone"] = valid.timezone
    if valid.language is not None:
        values["locale"] = None if valid.language == AUTO else valid.language
    if valid.new_per_day is not None:
        values["new_per_day"] = valid.new_per_day
    if valid.reviews_per_day is not None:
        values["reviews_per_day"] = valid.reviews_per_day
    if valid.rollover_hour is not None:
        values["rollover_hour"] = valid.rollover_hour
    rebuild = False
    if valid.scheduler is not None:
        chosen = None if valid.scheduler == DECK_DEFAULT else valid.scheduler
        rebuild = chosen != user.scheduler
        values["scheduler"] = chosen
    if valid.desired_retention is not None:
        retention = round(float(valid.desired_retention), 4)
        rebuild = rebuild or retention != user.desired_retention
        values["desired_retention"] = retention
    if rebuild:
        # Answers of this learner wait (PostgreSQL; SQLite has one writer anyway), so no
        # answer lands between the states rebuilt and the scheduler that rebuilt them.
        lock_learner(conn, user_id)
    if values:
        learners.update_learner(conn, user_id, **values)
    if rebuild:
        updated = replace(user, **values)
        rebuild_learner(conn, user_id, updated.scheduler, updated.desired_retention)
    return _preferences(replace(user, **values))


async def update_preferences(
    runner: TransactionRunner,
    user_id: int,
    change: PreferenceChange,
    defaults: LearnerDefaults,
    now: datetime,
) -> Preferences:
    """Apply ``change`` in one transaction; raises InvalidPreferencesError and saves nothing."""
    checked = check_change(change)
    if checked.problems:
        raise InvalidPreferencesError(checked.problems)
    valid = checked.change
    return await runner.run(lambda conn: _apply(conn, user_id, valid, defaults, now))

"""Which faces a learner studies today, and in what order: pure queue rules.

The session order is due reviews first (most overdue first), then new faces in
deck order, each capped by the learner's daily limits, with siblings buried
for the day (bot.srs.siblings).  What that leaves is what is "left today"
(`LeftToday`), the one count every screen shows.  A face graded below 4
comes back in the same session until it is graded 4 or 5 (Wozniak's step 7);
those drill answers are logged but never reschedule the face again.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from bot.srs.fsrs_review import FsrsState
from bot.srs.grades import DRILL_UNTIL_QUALITY
from bot.srs.siblings import SiblingFilter
from bot.srs.sm2 import Sm2State

K = TypeVar("K", bound=Hashable)

DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200


@dataclass(frozen=True, slots=True)
class DailyLimits:
    new_per_day: int = DEFAULT_NEW_PER_DAY
    reviews_per_day: int = DEFAULT_REVIEWS_PER_DAY

    def __post_init__(self) -> None:
        if self.new_per_day < 0 or self.reviews_per_day < 0:
            raise ValueError("daily limits cannot be negative")


@dataclass(frozen=True, slots=True)
class DayProgress:
    """What the learner already did on this study day (counted from the log)."""

    new_introduced: int = 0
    reviews_done: int = 0


@dataclass(frozen=True, slots=True)
class LeftToday:
    """What is left of a learner's study day: the faces today's queue still holds.

    Due reviews and new faces within what the daily limits still allow, with
    siblings of the day's answers buried; a face skipped in a session is still
    left (it stays due and comes back at the next session).  A lapse repeated
    within a session is not: it was answered today, and its next review is
    already set, so front ends show repeats beside this count, never in it.
    """

    reviews: int = 0
    new: int = 0

    @property
    def total(self) -> int:
        return self.reviews + self.new


@dataclass(frozen=True, slots=True)
class Face(Generic[K]):
    """A reviewable face: its key, its SM-2 or FSRS schedule (None = never seen), deck order,
    and its sibling group (None: a group of its own)."""

    key: K
    state: Sm2State | FsrsState | None
    position: int
    group: Hashable | None = None

    @property
    def sibling_group(self) -> Hashable:
        return self.key if self.group is None else self.group


def is_new(face: Face[K]) -> bool:
    return face.state is None or face.state.is_new


def due_faces(faces: Iterable[Face[K]], today: date) -> list[Face[K]]:
    """Faces scheduled on or before ``today``, most overdue first."""
    due = [f for f in faces if f.state is not None and f.state.is_due(today)]
    due.sort(key=lambda f: (f.state.due if f.state else today, f.position))
    return due


def new_faces(faces: Iterable[Face[K]]) -> list[Face[K]]:
    """Faces never reviewed, in deck order."""
    return sorted((f for f in faces if is_new(f)), key=lambda f: f.position)


def remaining_allowance(limits: DailyLimits, progress: DayProgress) -> tuple[int, int]:
    """(new faces, reviews) the learner may still do today."""
    return (
        max(0, limits.new_per_day - progress.new_introduced),
        max(0, limits.reviews_per_day - progress.reviews_done),
    )


def session_queue(
    faces: Iterable[Face[K]],
    today: date,
    limits: DailyLimits,
    progress: DayProgress,
    answered_today: Iterable[tuple[K, Hashable]] = (),
) -> list[K]:
    """The keys to study today: due reviews first, then new faces, within the limits.

    ``answered_today`` is every (face, sibling group) answered on this study
    day: their siblings wait for another day, and of the faces left, only the
    first of each group is taken.
    """
    reviews, fresh = day_queue(faces, today, limits, progress, answered_today)
    return reviews + fresh


def day_queue(
    faces: Iterable[Face[K]],
    today: date,
    limits: DailyLimits,
    progress: DayProgress,
    answered_today: Iterable[tuple[K, Hashable]] = (),
) -> tuple[list[K], list[K]]:
    """(due reviews, new faces) of `session_queue`: what is left today, by kind."""
    faces = list(faces)
    new_left, reviews_left = remaining_allowance(limits, progress)
    siblings: SiblingFilter[K, Hashable] = SiblingFilter(answered_today)
    reviews = _admitted(due_faces(faces, today), siblings, reviews_left)
    fresh = _admitted(new_faces(faces), siblings, new_left)
    return reviews, fresh


def _admitted(faces: list[Face[K]], siblings: SiblingFilter[K, Hashable], limit: int) -> list[K]:
    taken: list[K] = []
    for face in faces:
        if len(taken) >= limit:
            break
        if siblings.admit(face.key, face.sibling_group):
            taken.append(face.key)
    return taken


def pending_drill(session_answers: Sequence[tuple[K, int]]) -> list[K]:
    """Faces whose latest answer in this session was below 4, oldest lapse first.

    ``session_answers`` is the session's (face, quality) log in answer order.
    """
    latest: dict[K, tuple[int, int]] = {}
    for index, (key, quality) in enumerate(session_answers):
        latest.pop(key, None)  # re-insert so dict order follows the latest answer
        latest[key] = (index, quality)
    return [key for key, (_, quality) in latest.items() if quality < DRILL_UNTIL_QUALITY]


def is_drill_answer(key: K, session_answers: Sequence[tuple[K, int]]) -> bool:
    """A face already graded in this session is being drilled: do not reschedule it."""
    return any(answered == key for answered, _ in session_answers)


def next_face(
    queue: Sequence[K],
    session_answers: Sequence[tuple[K, int]],
    *,
    skipped: Collection[K] = (),
    min_gap: int = 3,
) -> K | None:
    """The next face to show, or None when the session is done.

    Scheduled faces come first.  A lapsed face is drilled once at least
    ``min_gap`` other answers separate it from its last showing, or when
    nothing else is left, so the learner has to recall it, not repeat it.
    Faces the learner skipped stay out of this session (they stay due).
    """
    answered = {key for key, _ in session_answers}
    answered.update(skipped)
    drill = [key for key in pending_drill(session_answers) if key not in skipped]
    last_seen = {key: index for index, (key, _) in enumerate(session_answers)}
    total = len(session_answers)
    for key in drill:
        if total - 1 - last_seen[key] >= min_gap:
            return key
    for key in queue:
        if key not in answered:
            return key
    return drill[0] if drill else None

"""The bot's clock: the system's, or a file's when ``STUDYBOT_CLOCK_FILE`` is set.

End-to-end tests run the real bot as a subprocess and must move its time
forward (to the next post, across a DST night) without sleeping.  With the
setting, "now" is the ISO-8601 UTC instant written in that file, and the jobs
tick whenever the file changes.  Unset (the default) the system clock is used.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ENV_VAR = "STUDYBOT_CLOCK_FILE"

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def clock_file_of(settings: object) -> Path | None:
    """The clock file named by the settings (``clock_file``) or the environment, if any."""
    value = getattr(settings, "clock_file", None) or os.environ.get(ENV_VAR)
    return Path(value) if value else None


def read_instant(path: Path) -> datetime:
    """The instant in ``path``; a naive one is taken as UTC."""
    text = path.read_text(encoding="utf-8").strip().replace("Z", "+00:00")
    instant = datetime.fromisoformat(text)
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)


class FileClock:
    """Reads "now" from a file; keeps the last good value while the file is being rewritten."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._last = read_instant(path)

    def __call__(self) -> datetime:
        # Half-written or missing: the previous instant is still the best answer.
        with contextlib.suppress(OSError, ValueError):
            self._last = read_instant(self.path)
        return self._last


def clock_from_settings(settings: object) -> Clock:
    """The file clock when the setting names a file, else the system clock."""
    path = clock_file_of(settings)
    return FileClock(path) if path is not None else system_clock


def write_instant(path: Path, instant: datetime) -> None:
    """Set a clock file atomically (tests and tools), so a reader never sees half a line."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(instant.astimezone(UTC).isoformat(), encoding="utf-8")
    tmp.replace(path)

"""`studybot deck export-progress --user ID --format csv|json [-o FILE]`.

The export itself is bot.study.progress_export's; this command opens the
database, refuses one that is not there (opening it would create an empty one,
and a mistyped path would then export nothing without a word), and says what
it wrote.  Without ``-o`` the export goes to stdout and messages to stderr, so
it can be piped.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sqlalchemy.engine import make_url

from bot.cli.output import say
from bot.study.progress_export import FORMATS, ReviewRow, learner_known, render, review_rows

if TYPE_CHECKING:
    from bot.settings import Settings

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_UNKNOWN_USER = 3


def progress_command(
    settings: Settings,
    user_id: int,
    fmt: str,
    output: Path | None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write one learner's review history; the exit code says whether they were known."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    lang = settings.language
    if fmt not in FORMATS:
        say(stderr, "progress.bad_format", lang, fmt=fmt)
        return EXIT_BAD_INPUT
    missing = _missing_sqlite_file(settings.database_url)
    if missing is not None:
        say(stderr, "progress.no_database", lang, path=missing)
        return EXIT_BAD_INPUT

    async def read() -> tuple[bool, list[ReviewRow]]:
        from bot.study.runtime import open_database

        db = await open_database(settings.database_url)
        try:
            return await learner_known(db.runner, user_id), await review_rows(
                db.runner, user_id
            )
        finally:
            await db.close()

    known, rows = asyncio.run(read())
    text = render(rows, user_id, fmt)
    if output is None:
        stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        # A BOM lets spreadsheet programs read Korean in a CSV as UTF-8.
        output.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        say(stderr, "progress.written", lang, path=output, n=len(rows), user=user_id)
    if not known:
        say(stderr, "progress.unknown", lang, user=user_id, url=_safe_url(settings))
        return EXIT_UNKNOWN_USER
    if not rows:
        say(stderr, "progress.none", lang, user=user_id)
    return EXIT_OK


def _missing_sqlite_file(url: str) -> str | None:
    """The path of an SQLite database file that does not exist, else None."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return None if Path(parsed.database).exists() else parsed.database


def _safe_url(settings: Settings) -> str:
    """The database URL without a password, fit for a message."""
    return make_url(settings.database_url).render_as_string(hide_password=True)

"""The `studybot` parser and the one place a command's failure becomes an exit code.

Each command imports what it needs when it runs (asyncio too), so `studybot deck
check` and `deck generate` start fast and never load discord.py.  A bad setting or an unusable
database is one line naming it, never a traceback.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings, SettingsInvalid

EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130

#: The command-line option that sets each setting it overrides.
_OPTIONS = {
    "database_url": "--db",
    "decks_dir": "--decks-dir",
    "shard_count": "--shard-count",
    "shard_ids": "--shard-ids",
}


def _bounds() -> dict[str, float]:
    """The bounds the messages about bad settings quote."""
    from bot import settings

    return {
        "max_new": settings.MAX_NEW_PER_DAY,
        "max_reviews": settings.MAX_REVIEWS_PER_DAY,
        "max_owners": settings.MAX_OWNERS,
        "max_timeout": settings.MAX_GUILD_READY_TIMEOUT,
        "max_shards": settings.MAX_SHARDS,
        "max_grace": settings.MAX_GRACE_MINUTES,
    }


def _now() -> datetime:
    return datetime.now(UTC)


def _settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment / .env, with this command's options on top.

    Kept on ``args`` so that `main` can report a database problem in the
    language they ask for.
    """
    overrides: dict[str, object] = {}
    for field, option in _OPTIONS.items():
        value = getattr(args, option.lstrip("-").replace("-", "_"), None)
        if value is not None and value != "":
            overrides[field] = value
    from bot.settings import load_settings

    settings = load_settings(overrides, _OPTIONS)
    args.loaded_settings = settings
    return settings


def _shard_ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            "shard ids are numbers separated by commas, e.g. 0,1"
        ) from None
    if not ids or min(ids) < 0:
        raise argparse.ArgumentTypeError("give at least one shard id, each 0 or more")
    return ids


def _cmd_study(args: argparse.Namespace) -> int:
    import asyncio

    from bot.terminal.app import run_study

    return asyncio.run(
        run_study(
            _settings(args),
            args.deck,
            args.lang,
            stdin=sys.stdin,
            stdout=sys.stdout,
            now=_now,
            rng=random.Random(),
            scheduler=args.scheduler,
            mistakes=args.mistakes,
        )
    )


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.discord.runner import run_bot

    return run_bot(_settings(args))


def _cmd_deck_check(args: argparse.Namespace) -> int:
    from bot.decks.check import check_paths

    report = check_paths([Path(p) for p in args.paths], args.lang or "en")
    for line in report.lines:
        print(line)
    return report.exit_code


def _cmd_deck_review(args: argparse.Namespace) -> int:
    from bot.cli.output import ui_language
    from bot.terminal.deck_review import review_deck

    return review_deck(Path(args.deck_file), every_generated=args.all, lang=ui_language(args.lang),
                       stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)


def _cmd_deck_generate(args: argparse.Namespace) -> int:
    from bot.cli.generate import generate_command, generate_folder

    note = Path(args.note)
    if note.is_dir():
        return generate_folder(note, args.output, args.lang)
    return generate_command(note, args.output, args.deck, args.lang)


def _cmd_deck_export(args: argparse.Namespace) -> int:
    from bot.cli.interop import export_command

    return export_command(Path(args.deck_file), args.format, args.output)


def _cmd_deck_import(args: argparse.Namespace) -> int:
    from bot.cli.interop import import_command

    return import_command(Path(args.source), args.output, args.deck)


def _cmd_deck_export_progress(args: argparse.Namespace) -> int:
    from bot.cli.progress import progress_command

    return progress_command(_settings(args), args.user, args.format, args.output)


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    import asyncio

    from bot.study.runtime import open_database

    async def upgrade() -> None:
        db = await open_database(_settings(args).database_url)
        await db.close()

    asyncio.run(upgrade())
    print("database is at the latest schema")
    return 0


def _cmd_db_verify(args: argparse.Namespace) -> int:
    import asyncio

    from bot.study.verify import SchemaNotCurrent, verify_database

    async def verify() -> int:
        try:
            report = await verify_database(_settings(args).database_url)
        except SchemaNotCurrent as error:
            print(f"studybot: {error}", file=sys.stderr)
            return 2
        for line in report.mismatches:
            print(line)
        verdict = "ok" if report.ok else f"{len(report.mismatches)} mismatch(es)"
        print(f"{report.states_checked} review states, {report.log_rows} log rows: {verdict}")
        return 0 if report.ok else 1

    return asyncio.run(verify())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studybot",
        description="Flashcards from study notes with SM-2 spaced repetition, "
        "on Discord and in the terminal.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the Discord bot (token from STUDYBOT_DISCORD_TOKEN)")
    run.add_argument("--db", help="database URL (default: STUDYBOT_DATABASE_URL)")
    run.add_argument("--shard-count", type=int, help="total number of shards of the bot")
    run.add_argument(
        "--shard-ids", type=_shard_ids, metavar="A,B", help="the shards this process runs"
    )
    run.set_defaults(handler=_cmd_run)

    study = commands.add_parser("study", help="review your due cards in the terminal (offline)")
    study.add_argument("--deck", help="study only this deck (default: all your decks)")
    study.add_argument("--db", help="database URL (default: STUDYBOT_DATABASE_URL)")
    study.add_argument("--decks-dir", type=Path, help="folder of deck files to load")
    study.add_argument("--lang", choices=["ko", "en"], help="language of the interface")
    study.add_argument(
        "--scheduler",
        choices=["sm2", "fsrs"],
        help="switch your scheduler (rebuilt from your review log; it stays until changed)",
    )
    study.add_argument(
        "--mistakes",
        action="store_true",
        help="go over the cards you missed in the last 7 days (their schedule stays as it is)",
    )
    study.set_defaults(handler=_cmd_study)

    deck = commands.add_parser("deck", help="work with deck files")
    deck_commands = deck.add_subparsers(dest="deck_command", required=True, metavar="ACTION")
    check = deck_commands.add_parser(
        "check", help="validate deck files; report every problem as file:line:col"
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="deck files or folders")
    check.add_argument("--lang", choices=["ko", "en"],
                       help="language of the messages (default: English)")
    check.set_defaults(handler=_cmd_deck_check)
    generate = deck_commands.add_parser(
        "generate",
        help="write or update a deck from a Markdown note (or one deck per note of a folder),"
             " keeping hand edits",
    )
    generate.add_argument("note", metavar="NOTE.md|NOTES_DIR")
    generate.add_argument("-o", "--output", type=Path,
                          help="deck file, or a folder for a folder of notes "
                               "(default decks/<note>.yaml)")
    generate.add_argument("--deck", help="deck id (default: the output file's stem)")
    generate.add_argument("--lang", choices=["ko", "en"], help="language of the note")
    generate.set_defaults(handler=_cmd_deck_generate)
    review = deck_commands.add_parser(
        "review",
        help="walk through the generated cards nobody accepted yet: keep, edit ($EDITOR), "
             "drop or skip each",
    )
    review.add_argument("deck_file", metavar="DECK.yaml")
    review.add_argument("--all", action="store_true",
                        help="every generated card, not only the drafts")
    review.add_argument("--lang", choices=["ko", "en"], help="language of the prompts")
    review.set_defaults(handler=_cmd_deck_review)

    export = deck_commands.add_parser(
        "export", help="write a deck as an Anki package (.apkg) or Anki's CSV"
    )
    export.add_argument("deck_file", metavar="DECK.yaml")
    export.add_argument("--format", choices=["apkg", "csv"], default="apkg")
    export.add_argument(
        "-o", "--output", type=Path, help="file to write (default: <deck id>.<format>)"
    )
    export.set_defaults(handler=_cmd_deck_export)
    importing = deck_commands.add_parser(
        "import", help="add or update a deck's cards from an Anki .apkg or a CSV file"
    )
    importing.add_argument("source", metavar="FILE.apkg|FILE.csv")
    importing.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DECK.yaml",
        help="deck file to create or update",
    )  # fmt: skip
    importing.add_argument("--deck", help="deck id of a new deck file (default: the file stem)")
    importing.set_defaults(handler=_cmd_deck_import)
    progress = deck_commands.add_parser(
        "export-progress", help="export a learner's review history (CSV or JSON)"
    )
    progress.add_argument(
        "--user", type=int, default=0,
        help="a Discord user id, or 0 for the terminal learner (default)",
    )  # fmt: skip
    progress.add_argument("--format", choices=["csv", "json"], default="csv")
    progress.add_argument("-o", "--output", type=Path, help="file (default: standard output)")
    progress.add_argument("--db", help="database URL (default: STUDYBOT_DATABASE_URL)")
    progress.set_defaults(handler=_cmd_deck_export_progress)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help="migrate the schema to the latest revision")
    upgrade.add_argument("--db", help="database URL")
    upgrade.set_defaults(handler=_cmd_db_upgrade)
    verify = db_commands.add_parser(
        "verify", help="check that every review state equals the one rebuilt from the log"
    )
    verify.add_argument("--db", help="database URL")
    verify.set_defaults(handler=_cmd_db_verify)
    return parser


def _say(line: str) -> None:
    print(f"studybot: {line}", file=sys.stderr)


def _report_bad_settings(error: SettingsInvalid) -> int:
    """One line per bad setting, naming it; the values are never shown (see bot.settings)."""
    from bot.i18n import t
    from bot.settings import configured_language

    lang = configured_language()
    for bad in error.bad:
        key = "settings.invalid.variable"
        if bad.field == "env_file":
            key = "settings.invalid.file"
        elif bad.option:
            key = "settings.invalid.option"
        expected = t(f"settings.expect.{bad.field}", lang, **_bounds())
        _say(t(key, lang, name=bad.name, expected=expected))
    return EXIT_USAGE


def _report_unusable_database(args: argparse.Namespace, error: BaseException) -> int | None:
    """One line for a database no command can use; None for any other error."""
    from bot.i18n import t
    from bot.settings import configured_language
    from bot.storage.failures import shown_url, unusable

    problem = unusable(error)
    if problem is None:
        return None
    settings: Settings | None = getattr(args, "loaded_settings", None)
    lang = settings.language if settings is not None else configured_language()
    where = shown_url(settings.database_url) if settings is not None else "?"
    _say(t(f"database.{problem.kind.value}", lang, where=where, revision=problem.revision))
    return EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    try:
        code = args.handler(args)
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    except Exception as error:
        # bot.settings is imported only by the commands that read settings (a deck command
        # starts faster without pydantic-settings): an error from elsewhere is no setting's.
        loaded = sys.modules.get("bot.settings")
        if loaded is not None and isinstance(error, loaded.SettingsInvalid):
            raise SystemExit(_report_bad_settings(error)) from None
        reported = _report_unusable_database(args, error)
        if reported is None:
            raise
        code = reported
    raise SystemExit(code)

"""`studybot deck review DECK.yaml`: walk through generated cards nobody accepted yet.

For each draft (or, with --all, each generated card) the maintainer keeps it,
edits it in $EDITOR, drops it, or skips it.  Every decision is written to the
file at once (atomically), so quitting, Ctrl-C or a closed terminal never loses
the decisions already made.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.decks.generator.merge import DeckFileError
from bot.decks.review import CardView, DeckReview
from bot.i18n import t

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

Editor = Callable[[str], str | None]
"""Takes the card's YAML, returns the edited text (None: the editor failed)."""


def system_editor(text: str) -> str | None:
    """$VISUAL or $EDITOR (else vi) on a temporary file holding the card."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False,
                                     encoding="utf-8") as handle:
        handle.write(text)
        name = handle.name
    try:
        result = subprocess.run([*shlex.split(command), name], check=False)
        if result.returncode != 0:
            return None
        return Path(name).read_text(encoding="utf-8")
    except OSError:
        return None
    finally:
        Path(name).unlink(missing_ok=True)


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.review.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _show(view: CardView, position: int, total: int, lang: str, out: TextIO) -> None:
    state = t("deck_review.state.draft" if view.draft else "deck_review.state.generated", lang)
    if view.lines is None:
        where = ""
    elif view.lines[0] == view.lines[1]:
        where = t("deck_review.line", lang, line=view.lines[0])
    else:
        where = t("deck_review.lines", lang, first=view.lines[0], last=view.lines[1])
    print(f"\n[{position}/{total}] {view.card_id} · {view.card_type} · {state}{where}", file=out)
    labels = {"front": "Q", "text": "Q", "choices": "·", "answer": "A", "back": "A",
              "accept": "≈", "tags": "#"}
    for key, value in view.fields.items():
        if key == "back" and view.card_type in ("choice", "cloze"):
            label = "+"
        else:
            label = labels.get(key, key)
        shown = " / ".join(value) if isinstance(value, list) else value
        for number, line in enumerate(str(shown).split("\n")):
            print(f"  {label if number == 0 else ' '} {line}", file=out)


def review_deck(
    path: Path,
    *,
    every_generated: bool,
    lang: str,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    editor: Editor = system_editor,
) -> int:
    if not path.is_file():
        print(t("deck_review.missing", lang, path=path), file=stderr)
        return EXIT_BAD_INPUT
    try:
        review = DeckReview(path.read_text(encoding="utf-8"), str(path))
    except (DeckFileError, UnicodeDecodeError) as error:
        print(t("deck_review.unreadable", lang, path=path, reason=error), file=stderr)
        return EXIT_BAD_INPUT
    pending = review.pending(every_generated=every_generated)
    if not pending:
        nothing = "deck_review.nothing_generated" if every_generated else "deck_review.nothing"
        print(t(nothing, lang, path=path), file=stdout)
        return EXIT_OK
    counts = {"kept": 0, "edited": 0, "dropped": 0, "skipped": 0}
    try:
        for position, card_id in enumerate(pending, 1):
            decided = _decide(review, card_id, position, len(pending), lang, stdin, stdout,
                              editor)
            if decided is None:
                break
            if decided != "skipped":
                _write(path, review.text())
            counts[decided] += 1  # counted once on disk: Ctrl-C mid-write reports no more
    except KeyboardInterrupt:
        print(t("deck_review.summary", lang, path=path, **counts), file=stdout)
        return EXIT_INTERRUPTED
    print(t("deck_review.summary", lang, path=path, **counts), file=stdout)
    return EXIT_OK


def _decide(review: DeckReview, card_id: str, position: int, total: int, lang: str,
            stdin: TextIO, stdout: TextIO, editor: Editor) -> str | None:
    """One card: returns what was done, or None when the maintainer quits.  An edit
    that is refused is not lost: the next `e` reopens it to be fixed."""
    _show(review.view(card_id), position, total, lang, stdout)
    refused: str | None = None
    while True:
        print(t("deck_review.prompt", lang), end=" ", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            return None  # end of input: stop, keeping what was decided
        choice = line.strip().lower()
        if choice in ("k", "keep", "y"):
            review.keep(card_id)
            return "kept"
        if choice in ("d", "drop"):
            review.drop(card_id)
            return "dropped"
        if choice in ("s", "skip", ""):
            return "skipped"
        if choice in ("q", "quit"):
            return None
        if choice in ("e", "edit"):
            edited = editor(refused if refused is not None else review.card_yaml(card_id))
            if edited is None:
                print(t("deck_review.editor_failed", lang), file=stdout)
                continue
            problems = review.replace_card(card_id, edited, lang)
            if problems:
                refused = edited
                print(t("deck_review.edit_refused", lang), file=stdout)
                for problem in problems:
                    print(f"  {problem}", file=stdout)
                print(t("deck_review.edit_again", lang), file=stdout)
                continue
            return "edited"
        print(t("deck_review.help", lang), file=stdout)

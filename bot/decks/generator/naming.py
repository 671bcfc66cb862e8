"""A deck named after its note: ``cloud-basics.ko.md`` -> deck ``cloud-basics``, language ko."""

from __future__ import annotations

import hashlib
import re

from bot.decks.limits import MAX_ID_CHARS, is_valid_id

_SEPARATORS = re.compile(r"[\s.]+")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


def deck_stem(note_name: str) -> tuple[str, str | None]:
    """"cloud-basics.ko.md" -> ("cloud-basics", "ko")."""
    stem = note_name
    if stem.lower().endswith((".md", ".markdown", ".txt")):
        stem = stem.rsplit(".", 1)[0]
    match = re.match(r"^(?P<s>.+)\.(?P<l>ko|en)$", stem)
    if match:
        return match.group("s"), match.group("l")
    return stem, None


def deck_id_for(stem: str) -> str:
    """The id of a deck named after a note: the name itself when it is a valid id.

    Ids are plain ASCII because they key every learner's history and are typed in
    commands, but notes are called "네트워크 기초.md" or "My notes.md", and a deck
    whose id is its file name would be refused by the loader.  Spaces and dots
    become `-`; when anything else had to go (Hangul, other punctuation, a name too
    long) a short hash of the whole name is added, so two such notes never share an
    id and every run derives the same one."""
    if is_valid_id(stem):
        return stem
    slug = _SEPARATORS.sub("-", stem.strip())
    if is_valid_id(slug):
        return slug
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    base = _NOT_ID.sub("-", stem)[: MAX_ID_CHARS - len(digest) - 1].strip("-")
    return f"{base}-{digest}" if base else f"deck-{digest}"

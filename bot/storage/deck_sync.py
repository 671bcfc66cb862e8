"""Load a deck into the database: upsert cards by id, retire the ones that left.

Review history is keyed by the card's row, which is found by (deck, card id):
editing text keeps history, a removed card is retired (never deleted) and a
card that comes back is restored with its history.  Nothing here touches
review_states or review_log.  Every reload is recorded (deck_reloads), so
maintainers can see what the last one did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from bot.decks.siblings import sibling_keys
from bot.storage.deck_admin_models import DeckReload
from bot.storage.locks import Exclusive, hold_exclusive
from bot.storage.models import Card, CardFace, Deck


@dataclass(frozen=True, slots=True)
class CardSnapshot:
    card_id: str
    type: str
    content: dict[str, Any]
    faces: tuple[int, ...]
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DeckSnapshot:
    """A validated deck file, reduced to what the database stores."""

    deck_id: str
    title: str
    lang: str
    path: str
    content_hash: str
    cards: Sequence[CardSnapshot]
    #: The deck file's ``scheduler:``, the default of learners who chose none.
    scheduler: str | None = None


@dataclass(slots=True)
class SyncResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.retired or self.restored)


def deck_paths(connection: Connection) -> dict[str, str]:
    """Every stored deck's id and the file it was loaded from."""
    return {str(row[0]): str(row[1]) for row in connection.execute(select(Deck.id, Deck.path))}


def stored_version(connection: Connection, deck_id: str) -> tuple[str, str] | None:
    """(content hash, path) of the deck as last loaded, or None for a new deck."""
    row = connection.execute(
        select(_DECKS.c.content_hash, _DECKS.c.path).where(_DECKS.c.id == deck_id)
    ).first()
    return None if row is None else (str(row[0]), str(row[1]))


def record_reload(connection: Connection, values: dict[str, Any]) -> None:
    """One row of the reload history (deck, path, when, ok, summary, problems, trigger, by)."""
    connection.execute(insert(DeckReload), [values])


_CARDS = cast(Table, Card.__table__)
_FACES = cast(Table, CardFace.__table__)
_DECKS = cast(Table, Deck.__table__)


def sync_deck(connection: Connection, snapshot: DeckSnapshot, now: datetime) -> SyncResult:
    """Make the database's copy of one deck equal to ``snapshot``, in the caller's transaction.

    Upsert by id, retire the cards that left, restore the ones that came back,
    as a few bulk statements that touch only the rows that differ.
    """
    # Every process loads the decks at start: on PostgreSQL they take turns.
    hold_exclusive(connection, Exclusive.DECK_SYNC)
    result = SyncResult()
    deck_values = {
        "title": snapshot.title, "lang": snapshot.lang, "path": snapshot.path,
        "content_hash": snapshot.content_hash, "loaded_at": now,
        "scheduler": snapshot.scheduler,
    }
    exists = connection.execute(
        select(_DECKS.c.id).where(_DECKS.c.id == snapshot.deck_id)
    ).first()
    if exists is None:
        connection.execute(insert(_DECKS), [{"id": snapshot.deck_id, **deck_values}])
    else:
        connection.execute(update(_DECKS).where(_DECKS.c.id == snapshot.deck_id)
                           .values(**deck_values))
    existing = {
        row.card_id: row
        for row in connection.execute(
            select(_CARDS.c.pk, _CARDS.c.card_id, _CARDS.c.type, _CARDS.c.position,
                   _CARDS.c.line, _CARDS.c.content, _CARDS.c.faces, _CARDS.c.sibling,
                   _CARDS.c.retired_at)
            .where(_CARDS.c.deck_id == snapshot.deck_id)
            .order_by(_CARDS.c.pk)  # as sync_deck: `retired` in the same order everywhere
        )
    }
    updates: list[dict[str, Any]] = []
    face_rows: list[dict[str, int]] = []
    refaced: list[int] = []
    new_cards: list[dict[str, Any]] = []
    seen: set[str] = set()
    siblings = sibling_keys(snapshot.deck_id, [(c.card_id, c.content) for c in snapshot.cards])
    for position, snap in enumerate(snapshot.cards):
        seen.add(snap.card_id)
        row = existing.get(snap.card_id)
        faces = list(snap.faces)
        sibling = siblings[snap.card_id]
        if row is None:
            new_cards.append({
                "deck_id": snapshot.deck_id, "card_id": snap.card_id, "type": snap.type,
                "position": position, "line": snap.line, "content": snap.content,
                "faces": faces, "sibling": sibling, "retired_at": None, "updated_at": now,
            })
            result.added.append(snap.card_id)
            continue
        edited = row.content != snap.content or row.type != snap.type
        if row.retired_at is not None:
            result.restored.append(snap.card_id)
        elif edited:
            result.changed.append(snap.card_id)
        else:
            result.unchanged += 1
        reface = list(row.faces) != faces or row.position != position
        if reface:
            refaced.append(row.pk)
            face_rows.extend({"card_pk": row.pk, "face": f, "position": position} for f in faces)
        if (edited or reface or row.retired_at is not None or row.line != snap.line
                or row.sibling != sibling):
            updates.append({
                "b_pk": row.pk, "type": snap.type, "content": snap.content, "faces": faces,
                "position": position, "line": snap.line, "sibling": sibling, "retired_at": None,
                "updated_at": now if edited else None,
            })
    retire = [row.pk for card_id, row in existing.items()
              if card_id not in seen and row.retired_at is None]
    result.retired.extend(card_id for card_id, row in existing.items()
                          if card_id not in seen and row.retired_at is None)

    edited_rows = [u for u in updates if u["updated_at"] is not None]
    kept_rows = [{k: v for k, v in u.items() if k != "updated_at"}
                 for u in updates if u["updated_at"] is None]
    values: dict[str, Any] = {name: bindparam(name) for name in
              ("type", "content", "faces", "position", "line", "sibling", "retired_at")}
    where = _CARDS.c.pk == bindparam("b_pk")
    if edited_rows:
        connection.execute(
            update(_CARDS).where(where).values(**values, updated_at=bindparam("updated_at")),
            edited_rows,
        )
    if kept_rows:
        connection.execute(update(_CARDS).where(where).values(**values), kept_rows)
    if retire:
        connection.execute(update(_CARDS).where(_CARDS.c.pk.in_(retire)).values(retired_at=now))
    if new_cards:
        connection.execute(insert(_CARDS), new_cards)
        pks: dict[str, int] = {
            str(card_id): int(pk) for card_id, pk in connection.execute(
                select(_CARDS.c.card_id, _CARDS.c.pk).where(_CARDS.c.deck_id == snapshot.deck_id)
            )
        }
        for card in new_cards:
            face_rows.extend({"card_pk": pks[card["card_id"]], "face": f,
                              "position": card["position"]} for f in card["faces"])
    if refaced:
        connection.execute(delete(_FACES).where(_FACES.c.card_pk.in_(refaced)))
    if face_rows:
        connection.execute(insert(_FACES), face_rows)
    return result

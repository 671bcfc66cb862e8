"""Which face a channel's daily question shows: the hardest one not posted lately."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from bot.storage import daily_posts as posts

#: How many recent posts of a channel a card must not repeat (fewer for small decks).
RECENT_POSTS = 30


@dataclass(frozen=True, slots=True)
class FaceScore:
    card_pk: int
    face: int
    position: int
    wrong: int
    answered: int

    @property
    def difficulty(self) -> float:
        """Share of wrong answers, smoothed so an unseen face sits at one half."""
        return (self.wrong + 1) / (self.answered + 2)


def post_seed(channel_id: int, day: date) -> int:
    """The default seed: the same channel and day choose the same card in every process."""
    digest = hashlib.blake2b(f"{channel_id}:{day.isoformat()}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def choose_face(
    candidates: Sequence[FaceScore], recent: Sequence[tuple[int, int]], rng: random.Random
) -> FaceScore:
    """The hardest face not posted recently; ties (and equal difficulty) drawn by ``rng``.

    ``recent`` is the channel's last posts, newest first; a small deck only
    avoids as many as it can while keeping a choice.
    """
    if not candidates:
        raise ValueError("no face to choose from")
    keep = max(0, min(len(recent), len(candidates) - 1))
    avoided = set(recent[:keep])
    fresh = [c for c in candidates if (c.card_pk, c.face) not in avoided] or list(candidates)
    ordered = sorted(fresh, key=lambda c: (c.position, c.face))
    hardest = max(c.difficulty for c in ordered)
    top = [c for c in ordered if c.difficulty >= hardest - 1e-9]
    return rng.choice(top)


def face_scores(conn: Connection, deck_id: str, channel_id: int) -> list[FaceScore]:
    """Every live face of the deck with how members of this channel have answered it.

    Members are those who ever answered here; their DM reviews of the face
    count as well as their answers to it in this channel.
    """
    reviews = posts.review_misses(conn, deck_id, channel_id)
    daily = posts.daily_misses(conn, channel_id)
    scores = []
    for pk, face, position in posts.live_faces(conn, deck_id):
        r_wrong, r_n = reviews.get((pk, face), (0, 0))
        d_wrong, d_n = daily.get((pk, face), (0, 0))
        scores.append(FaceScore(pk, face, position, r_wrong + d_wrong, r_n + d_n))
    return scores


def recent_faces(conn: Connection, channel_id: int) -> list[tuple[int, int]]:
    """The faces of the channel's last `RECENT_POSTS` posts, newest first."""
    return posts.recent_faces(conn, channel_id, RECENT_POSTS)

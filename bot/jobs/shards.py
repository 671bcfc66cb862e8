"""Which process does a guild's work when several processes share one database.

Discord routes a guild's gateway events to shard ``(guild_id >> 22) % shard_count``;
the process that runs that shard is the one that hears the guild, so it is
also the one that runs the guild's scheduled work.  The database claims
(a daily post's row, a reminder's date) keep the work single even if two
processes disagree for a moment, e.g. during a rolling restart with a new
shard count; this only spreads the work so no two processes race for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class ShardLayoutError(ValueError):
    """The shard options cannot describe a valid layout (ids without a count, id out of range)."""


def shard_of(guild_id: int, shard_count: int) -> int:
    """Discord's formula: the shard that receives ``guild_id``'s events."""
    return (guild_id >> 22) % shard_count


@dataclass(frozen=True, slots=True)
class ShardLayout:
    """The shards this process runs: all of them (``ids`` None) or the listed ones."""

    count: int | None = None
    ids: tuple[int, ...] | None = None

    @classmethod
    def of(cls, count: int | None, ids: Iterable[int] | None) -> ShardLayout:
        """Checks what ``--shard-count`` and ``--shard-ids`` say together."""
        chosen = tuple(sorted(set(ids))) if ids is not None else None
        if chosen is not None and count is None:
            raise ShardLayoutError("shard ids need a shard count")
        if count is not None and count < 1:
            raise ShardLayoutError("the shard count is at least 1")
        if chosen is not None and count is not None:
            if not chosen:
                raise ShardLayoutError("give at least one shard id")
            if chosen[0] < 0 or chosen[-1] >= count:
                raise ShardLayoutError("every shard id is between 0 and the shard count - 1")
        return cls(count, chosen)

    @property
    def runs_all(self) -> bool:
        return self.ids is None or self.count is None or len(self.ids) >= self.count

    def owns(self, guild_id: int) -> bool:
        """Whether this process runs the shard of ``guild_id``."""
        if self.runs_all or self.count is None or self.ids is None:
            return True
        return shard_of(guild_id, self.count) in self.ids

"""Python's cyclic garbage collector set for a bot that serves many short interactions.

Profiling 200 learners at once (benchmarks/discord_load.py) showed the
collector taking a third of the bot's CPU and its longest pauses (a full
collection of 450 ms) at the tail of the acknowledgement times, for two
reasons:

- every full collection walks the ~150,000 objects that importing discord.py,
  SQLAlchemy and the decks left behind, none of which ever becomes garbage:
  `settle` moves them out of the collector's sight once the bot is up
  (``gc.freeze``);
- an interaction's objects live across a few hundred allocations of other
  interactions, so with the default young-generation threshold (700) most are
  examined, promoted and examined again before they die by reference count:
  a larger threshold lets them die young.  The threshold only delays cycle
  collection (reference counting frees everything else at once); the young
  generation stays a few MiB.  The middle generation is collected every five
  young collections instead of ten, so its collection, the longest pause left
  (125 ms at 20,000 x 10 under 200 learners), stays about 50 ms.

Only the running bot calls `settle` (bot.discord.runner), never a test or a
library user that embeds the client.
"""

from __future__ import annotations

import gc

#: Allocations of container objects between two young-generation collections.
YOUNG_THRESHOLD = 10_000
#: Young-generation collections between two collections of the middle one.
MIDDLE_THRESHOLD = 5


def settle() -> None:
    """Collect once, then keep everything alive now out of later collections."""
    gc.collect()
    gc.freeze()
    old = gc.get_threshold()[2]
    gc.set_threshold(YOUNG_THRESHOLD, MIDDLE_THRESHOLD, old)

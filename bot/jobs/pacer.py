"""Keep requests under Discord's limits before they are sent, instead of after a 429.

discord.py waits out a 429 once it has had one; Discord counts every 429
against the bot (10,000 invalid requests in 10 minutes earn a temporary
ban), so jobs that fan out (a thousand channels at the same minute, a
reminder to every learner) space their requests themselves.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

#: Discord's global limit is 50 requests per second per bot.  A bucket admits at
#: most burst + rate requests in any one second, so 48 + 2 never exceeds it.
CHANNEL_POSTS_PER_SECOND = 48.0
CHANNEL_POSTS_BURST = 2
#: Discord does not publish its DM limits; a few per second stays clear of spam checks.
DMS_PER_SECOND = 5.0
#: Float slack: a bucket a rounding error short of a token has one.
EPSILON = 1e-9


class Pacer:
    """A token bucket: ``rate`` acquisitions per second, at most ``burst`` at once."""

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.rate = rate
        self.burst = burst
        self._monotonic = monotonic
        self._sleep = sleep
        self._tokens = float(burst)
        self._stamp = monotonic()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    async def acquire(self) -> None:
        """Wait until one more request fits; callers are served in arrival order."""
        async with self._lock:
            self._refill()
            while self._tokens < 1 - EPSILON:
                await self._sleep((1 - self._tokens) / self.rate)
                self._refill()
            self._tokens = max(0.0, self._tokens - 1)

"""A callback's deadline counts from the interaction's arrival, and arrivals are not hoarded."""

from __future__ import annotations

import asyncio

from discord.http import Route

from bot.discord.acks import (
    ACK_WINDOW,
    CALLBACK_BUDGET,
    CALLBACK_PATH,
    DeadlineCallbacks,
    Receipts,
    time_left,
)


async def test_the_deadline_of_a_callback_is_its_arrival_plus_the_window() -> None:
    receipts = Receipts()
    now = asyncio.get_running_loop().time()
    receipts.mark(111, now - 1.0)  # arrived a second ago: checks and lookups took that long
    adapter = DeadlineCallbacks(receipts=receipts)
    route = Route("POST", CALLBACK_PATH, webhook_id=111, webhook_token="t")
    assert adapter._deadline(route, CALLBACK_BUDGET) == now - 1.0 + ACK_WINDOW
    left = time_left(111, receipts)
    assert left is not None and ACK_WINDOW - 1.1 < left <= ACK_WINDOW - 1.0
    unseen = Route("POST", CALLBACK_PATH, webhook_id=222, webhook_token="t")
    assert adapter._deadline(unseen, CALLBACK_BUDGET) >= now + CALLBACK_BUDGET
    assert time_left(222, receipts) is None


def test_arrivals_older_than_a_minute_are_forgotten() -> None:
    receipts = Receipts()
    for n in range(1000):
        receipts.mark(n, float(n))
    assert receipts.received(0) is None and receipts.received(999) == 999.0
    assert receipts.received(939) == 939.0 and receipts.received(938) is None

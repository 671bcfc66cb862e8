"""A callback's deadline counts from the interaction's arrival, and arrivals are not hoarded."""

from __future__ import annotations

import asyncio
import json
import time

import aiohttp
from aiohttp import web
from discord.http import Route

from bot.discord.acks import (
    ACK_WINDOW,
    CALLBACK_BUDGET,
    CALLBACK_PATH,
    ORIGINAL_PATH,
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


async def test_a_callback_goes_out_as_the_json_discord_reads_even_with_a_lone_surrogate() -> None:
    """The body is orjson's where it can be and json's escapes where orjson refuses (a lone
    surrogate, as a deck file's "\\ud800" escape reads); the query is discord.py's."""
    received: list[tuple[str, object]] = []

    async def callback(request: web.Request) -> web.Response:
        received.append((request.query_string, json.loads(await request.text())))
        return web.json_response({"ok": "é"})

    app = web.Application()
    app.router.add_post("/api/interactions/{id}/{token}/callback", callback)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    old_base = Route.BASE
    Route.BASE = f"http://127.0.0.1:{port}/api"
    try:
        adapter = DeadlineCallbacks(receipts=Receipts())
        route = Route("POST", CALLBACK_PATH, webhook_id=111, webhook_token="a/b c")
        payloads = [{"type": 4, "data": {"content": "한국어 é"}},
                    {"type": 4, "data": {"content": "lone \ud800 surrogate"}}]
        async with aiohttp.ClientSession() as session:
            replies = [await adapter.request(route, session, payload=payload,
                                             params={"with_response": "1"})
                       for payload in payloads]
    finally:
        Route.BASE = old_base
        await runner.cleanup()
    assert replies == [{"ok": "é"}, {"ok": "é"}]
    assert received == [("with_response=1", payload) for payload in payloads]


async def test_a_redraw_of_the_reply_meeting_5xx_is_tried_again_within_a_second() -> None:
    """A deferred click's card is redrawn by editing the interaction's reply
    (``messages/@original``); after a 503 it is tried again after short pauses, not
    discord.py's 1 s and then 3 s, while the learner looks at the old card."""
    statuses = [503, 503, 200]
    seen: list[int] = []

    async def edit(request: web.Request) -> web.Response:
        seen.append(statuses[len(seen)])
        if seen[-1] != 200:
            return web.json_response({"message": "busy", "code": 0}, status=seen[-1])
        return web.json_response({"id": "1", "content": (await request.json())["content"]})

    app = web.Application()
    app.router.add_patch("/api/webhooks/{app}/{token}/messages/@original", edit)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    old_base = Route.BASE
    Route.BASE = f"http://127.0.0.1:{port}/api"
    try:
        adapter = DeadlineCallbacks(receipts=Receipts())
        route = Route("PATCH", ORIGINAL_PATH, webhook_id=111, webhook_token="t")
        started = time.monotonic()
        async with aiohttp.ClientSession() as session:
            reply = await adapter.request(route, session, payload={"content": "next card"})
        took = time.monotonic() - started
    finally:
        Route.BASE = old_base
        await runner.cleanup()
    assert seen == [503, 503, 200]
    assert reply == {"id": "1", "content": "next card"}
    assert took < 1.0

"""Acknowledge every interaction within Discord's 3 s, even while its API has a bad moment.

discord.py sends interaction callbacks through its webhook adapter, which
answers a 5xx by sleeping 1 s, then 3 s, then 5 s: a callback that meets two
server errors in a row is acknowledged after Discord has already given up on
it, and the learner sees "This interaction failed" for an answer that may
well have been recorded.  A 429 is waited out at most five times.

The same schedule redraws a card slowly: an edit that meets three 5xx waits
9 s before it is tried a fourth time, with the learner looking at a spinner.

`DeadlineCallbacks` replaces the adapter (discord.py reads it from a context
variable) and sends JSON callbacks and message edits itself: short pauses
after a 5xx, the server's ``retry_after`` after a 429, and never past the
route's budget (`CALLBACK_BUDGET` for a callback).  Everything else (new
followups, which a retry could post twice, and anything with files) keeps
discord.py's own handling.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import aiohttp
from discord.errors import DiscordServerError, Forbidden, HTTPException, NotFound
from discord.http import Route
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

log = logging.getLogger(__name__)

CALLBACK_PATH = "/interactions/{webhook_id}/{webhook_token}/callback"
EDIT_PATH = "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"
#: Seconds after the first try by which a callback must have gone through (Discord: 3).
CALLBACK_BUDGET = 2.5
#: An edit may come later (the token lives 15 minutes) but a learner is waiting for it.
EDIT_BUDGET = 10.0
#: Pause after the first 5xx; doubled after each further one.
FIRST_PAUSE = 0.05
MAX_PAUSE = 1.0


async def _body(response: aiohttp.ClientResponse) -> Any:
    text = await response.text(encoding="utf-8")
    if response.headers.get("Content-Type", "").startswith("application/json"):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def _fail(response: aiohttp.ClientResponse, data: Any) -> HTTPException:
    if response.status == 403:
        return Forbidden(response, data)
    if response.status == 404:
        return NotFound(response, data)
    if response.status >= 500:
        return DiscordServerError(response, data)
    return HTTPException(response, data)


class DeadlineCallbacks(AsyncWebhookAdapter):
    """discord.py's webhook adapter, except that JSON interaction callbacks keep a deadline."""

    def __init__(self, callback_budget: float = CALLBACK_BUDGET,
                 edit_budget: float = EDIT_BUDGET) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.budgets = {("POST", CALLBACK_PATH): callback_budget,
                        ("PATCH", EDIT_PATH): edit_budget}

    async def request(
        self,
        route: Route,
        session: aiohttp.ClientSession,
        *,
        payload: dict[str, Any] | None = None,
        multipart: list[dict[str, Any]] | None = None,
        files: Any = None,
        params: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        budget = self.budgets.get((route.method, route.path))
        if budget is None or multipart or files:
            return await super().request(route, session, payload=payload, multipart=multipart,
                                         files=files, params=params, **kwargs)
        return await self._within(budget, route, session, payload, params, kwargs)

    async def _within(self, budget: float, route: Route, session: aiohttp.ClientSession,
                      payload: dict[str, Any] | None, params: dict[str, Any] | None,
                      options: dict[str, Any]) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + budget
        pause = FIRST_PAUSE
        headers = {"Content-Type": "application/json"}
        body = json.dumps(payload) if payload is not None else None
        while True:
            async with session.request(
                route.method, route.url, data=body, headers=headers, params=params,
                proxy=options.get("proxy"), proxy_auth=options.get("proxy_auth"),
            ) as response:
                data = await _body(response)
                if 200 <= response.status < 300:
                    return data
                if response.status == 429 and response.headers.get("Via"):
                    limited = data if isinstance(data, dict) else {}
                    wait = float(limited.get("retry_after", pause))
                elif response.status >= 500:
                    wait, pause = pause, min(pause * 2, MAX_PAUSE)
                else:
                    raise _fail(response, data)
                if loop.time() + wait > deadline:
                    raise _fail(response, data)
            log.warning("%s %s answered %s; trying again in %.2f s",
                        route.method, route.path, response.status, wait)
            await asyncio.sleep(wait)


def install(adapter: AsyncWebhookAdapter | None = None) -> None:
    """Use ``adapter`` (a `DeadlineCallbacks` by default) for the tasks started from here on."""
    async_context.set(adapter or DeadlineCallbacks())

"""Acknowledge every interaction within Discord's 3 s, even while its API has a bad moment.

discord.py sends interaction callbacks through its webhook adapter, which
answers a 5xx by sleeping 1 s, then 3 s, then 5 s: a callback that meets two
server errors in a row is acknowledged after Discord has already given up on
it, and the learner sees "This interaction failed" for an answer that may
well have been recorded.  A 429 is waited out at most five times.

The same schedule redraws a card slowly: an edit that meets three 5xx waits
9 s before it is tried a fourth time, with the learner looking at a spinner.
A deferred click's redraw edits the interaction's reply by discord.py's own
path (``messages/@original``, not a message id), so that path is here too.

`DeadlineCallbacks` replaces the adapter (discord.py reads it from a context
variable) and sends JSON callbacks and message edits itself: short pauses
after a 5xx, the server's ``retry_after`` after a 429, and never past the
deadline.  Everything else (new followups, which a retry could post twice,
and anything with files) keeps discord.py's own handling.

Discord counts its 3 seconds from the interaction's creation, not from the
bot's first try at answering: whatever ran before the first try (asking
Discord who owns the app, a language lookup, the work budget of
bot.discord.interactions.respond) comes out of the same 3 seconds.  So a
callback's deadline is anchored where the event arrives: `watch_receipts`
notes in `Receipts` the moment the gateway hands each INTERACTION_CREATE to
discord.py; the callback must have gone through by then plus `ACK_WINDOW`
(Discord's 3 s less `ACK_MARGIN` for the event's delivery and the callback's
own trip), and the steps before the first try shorten their waits to what is
left (`time_left`).  An edit may come later (`EDIT_BUDGET` from its first try).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import aiohttp
import yarl
from discord.errors import DiscordServerError, Forbidden, HTTPException, NotFound
from discord.http import Route
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

from bot.discord import wire_json

if TYPE_CHECKING:
    from discord import Client

log = logging.getLogger(__name__)

CALLBACK_PATH = "/interactions/{webhook_id}/{webhook_token}/callback"
EDIT_PATH = "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"
#: The interaction's own reply, as discord.py names it (not a message id): a redrawn card.
ORIGINAL_PATH = "/webhooks/{webhook_id}/{webhook_token}/messages/@original"
#: Discord's deadline for the first answer to an interaction, from its creation.
ACK_DEADLINE = 3.0
#: What the deadline loses outside the bot: the event's way here and the callback's way back.
ACK_MARGIN = 0.3
#: Seconds after an interaction arrived by which its callback must have gone through.
ACK_WINDOW = ACK_DEADLINE - ACK_MARGIN
#: Seconds after the first try, for an interaction whose arrival was not seen (a test's
#: plain discord.py client): the most a callback may take when nothing ran before it.
CALLBACK_BUDGET = 2.5
#: Arrivals older than this are forgotten (an interaction's token lives 15 minutes, but
#: its deadline is long past).
_KEEP = 60.0
#: An edit may come later (the token lives 15 minutes) but a learner is waiting for it.
EDIT_BUDGET = 10.0
#: Pause after the first 5xx; doubled after each further one.
FIRST_PAUSE = 0.05
MAX_PAUSE = 1.0
#: A last try after a 5xx starts at least this long before the deadline (its own trip).
LAST_TRY = 0.05
_HEADERS = {"Content-Type": "application/json"}


async def _body(response: aiohttp.ClientResponse) -> Any:
    text = await response.text(encoding="utf-8")
    if response.headers.get("Content-Type", "").startswith("application/json"):
        try:
            return wire_json.loads(text)  # as discord.py decodes its own REST replies
        except ValueError:
            return text
    return text


def _url(route: Route, params: dict[str, Any] | None) -> yarl.URL:
    """The request's URL, built once: discord.py's Route quotes its parts already."""
    url = route.url if not params else f"{route.url}?{urlencode(params)}"
    return yarl.URL(url, encoded=True)


def _fail(response: aiohttp.ClientResponse, data: Any) -> HTTPException:
    if response.status == 403:
        return Forbidden(response, data)
    if response.status == 404:
        return NotFound(response, data)
    if response.status >= 500:
        return DiscordServerError(response, data)
    return HTTPException(response, data)


class Receipts:
    """When each interaction arrived (event-loop time), for as long as its deadline matters."""

    def __init__(self) -> None:
        self._at: dict[int, float] = {}

    def mark(self, interaction_id: int, at: float) -> None:
        while self._at:
            oldest = next(iter(self._at))
            if at - self._at[oldest] <= _KEEP:
                break
            del self._at[oldest]
        self._at[interaction_id] = at

    def received(self, interaction_id: int) -> float | None:
        return self._at.get(interaction_id)

    def deadline(self, interaction_id: int) -> float | None:
        """Event-loop time by which the interaction's callback must have gone through."""
        at = self._at.get(interaction_id)
        return None if at is None else at + ACK_WINDOW


#: Every interaction this process received; one per process is enough (ids are unique).
RECEIPTS = Receipts()


def time_left(interaction_id: int, receipts: Receipts = RECEIPTS) -> float | None:
    """Seconds until the interaction's callback deadline; None when its arrival was not seen."""
    deadline = receipts.deadline(interaction_id)
    if deadline is None:
        return None
    return deadline - asyncio.get_running_loop().time()


def watch_receipts(client: Client, receipts: Receipts = RECEIPTS) -> None:
    """Note the arrival of every interaction ``client`` receives, before discord.py parses it.

    The gateway hands each event to the parser registered under its name in the
    client's connection state (the same dict the websocket reads); the parser
    for INTERACTION_CREATE is wrapped so the moment is taken before anything else
    runs.
    """
    parsers: dict[str, Callable[[Any], None]] = client._connection.parsers
    parse = parsers["INTERACTION_CREATE"]

    def received(data: Any) -> None:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            receipts.mark(int(data["id"]), asyncio.get_running_loop().time())
        parse(data)

    parsers["INTERACTION_CREATE"] = received


class DeadlineCallbacks(AsyncWebhookAdapter):
    """discord.py's webhook adapter, except that JSON interaction callbacks keep a deadline."""

    def __init__(self, callback_budget: float = CALLBACK_BUDGET,
                 edit_budget: float = EDIT_BUDGET, receipts: Receipts = RECEIPTS) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.budgets = {("POST", CALLBACK_PATH): callback_budget,
                        ("PATCH", EDIT_PATH): edit_budget,
                        ("PATCH", ORIGINAL_PATH): edit_budget}
        self.receipts = receipts

    def _deadline(self, route: Route, budget: float) -> float:
        """A callback's deadline from the interaction's arrival, else ``budget`` from now."""
        now = asyncio.get_running_loop().time()
        if (route.method, route.path) == ("POST", CALLBACK_PATH) and route.webhook_id:
            arrived = self.receipts.deadline(int(route.webhook_id))
            if arrived is not None:
                return arrived
        return now + budget

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
        return await self._within(self._deadline(route, budget), route, session, payload,
                                  params, kwargs)

    async def send(self, route: Route, session: aiohttp.ClientSession, payload: dict[str, Any],
                   *, proxy: str | None = None, proxy_auth: aiohttp.BasicAuth | None = None
                   ) -> None:
        """`request` for a JSON callback or edit whose reply nobody reads: the reply is
        read to its end (so its connection serves the next request) but not decoded."""
        budget = self.budgets[(route.method, route.path)]
        await self._within(self._deadline(route, budget), route, session, payload, None,
                           {"proxy": proxy, "proxy_auth": proxy_auth}, decode=False)

    async def _within(self, deadline: float, route: Route, session: aiohttp.ClientSession,
                      payload: dict[str, Any] | None, params: dict[str, Any] | None,
                      options: dict[str, Any], *, decode: bool = True) -> Any:
        """Try until ``deadline`` (event-loop time): never a try after it, and the last pause
        shortened so one more try still starts before it.  A success's reply is decoded
        only when ``decode``."""
        loop = asyncio.get_running_loop()
        pause = FIRST_PAUSE
        body = wire_json.dumps(payload) if payload is not None else None
        url = _url(route, params)
        while True:
            async with session.request(
                route.method, url, data=body, headers=_HEADERS,
                proxy=options.get("proxy"), proxy_auth=options.get("proxy_auth"),
            ) as response:
                if 200 <= response.status < 300:
                    if decode:
                        return await _body(response)
                    await response.read()
                    return None
                data = await _body(response)
                if response.status == 429 and response.headers.get("Via"):
                    limited = data if isinstance(data, dict) else {}
                    wait = float(limited.get("retry_after", pause))
                    if loop.time() + wait > deadline:
                        raise _fail(response, data)  # asked to wait longer than we have
                elif response.status >= 500:
                    wait, pause = pause, min(pause * 2, MAX_PAUSE)
                    left = deadline - loop.time()
                    if left <= LAST_TRY:
                        raise _fail(response, data)
                    wait = min(wait, left - LAST_TRY)
                else:
                    raise _fail(response, data)
            log.warning("%s %s answered %s; trying again in %.2f s",
                        route.method, route.path, response.status, wait)
            await asyncio.sleep(wait)


def install(adapter: AsyncWebhookAdapter | None = None) -> None:
    """Use ``adapter`` (a `DeadlineCallbacks` by default) for the tasks started from here on."""
    async_context.set(adapter or DeadlineCallbacks())

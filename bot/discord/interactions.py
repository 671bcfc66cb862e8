"""How every command and button answers an interaction: one way to reply, refuse and apologise.

Discord gives an interaction three seconds to be acknowledged.  `respond`
keeps that promise without paying for a "thinking…" round trip on every
command: the work starts at once and only if it is not done within its budget
is the interaction deferred and the reply edited in afterwards.  While other
interactions are being worked on, the database queue decides how long the work
takes, so the interaction is acknowledged first, before its work joins the
queue.  The count of those interactions (`InFlight`) and the per-learner locks
(`LearnerLocks`) belong to the bot, so two bots in one process (tests) never
share them.

The three seconds run from the interaction's arrival (bot.discord.acks), so
every wait before the acknowledgement (`ack_budget`: the work budget, the
language lookup, a slow permission check in `acknowledged_if_slow`) gives way
when earlier steps took their time, keeping `RETRY_RESERVE` for the
acknowledgement's own retries.

The reply language is decided here once: the learner's saved choice, else the
language of their Discord client (Korean for ko, English for every other
locale), else the deck's, else the bot's default.

A refusal (`Refusal`) is a `CheckFailure`, so a cog's ``interaction_check``
can raise it before a command runs and the tree's error handler tells the
member privately; work given to `respond` may raise it too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

import discord
from discord import app_commands
from discord.http import Route, handle_message_parameters
from discord.webhook.async_ import async_context, interaction_message_response_params

from bot.discord import acks, text
from bot.discord.embeds import fit
from bot.discord.translator import message
from bot.i18n import Lang, resolve_language
from bot.study.preferences import stored_language

if TYPE_CHECKING:
    from bot.discord.client import StudyBot

log = logging.getLogger(__name__)

Interaction = discord.Interaction[discord.Client]
T = TypeVar("T")

NO_MENTIONS: Final = discord.AllowedMentions.none()

#: Longest a click's work runs before the click is acknowledged.  Deferring a click
#: shows the learner nothing (the message is edited later), so it costs only a request.
CLICK_BUDGET: Final = 0.1
#: Longest a command's work runs before it is acknowledged: a deferred command shows
#: "thinking…" until its reply arrives, worth half a second to send the reply at once.
COMMAND_BUDGET: Final = 0.5

#: Longest the member's saved language is waited for: a slow database costs the saved
#: choice (the client's language is used), never Discord's deadline.
LANGUAGE_BUDGET: Final = 0.5

#: What every wait before an acknowledgement leaves of Discord's deadline for the
#: acknowledgement itself: time for a burst of 5xx answers (bot.discord.acks).
RETRY_RESERVE: Final = 2.0

#: What a failure says when the caller names nothing more fitting.
APOLOGY: Final = "cogs.error"


@dataclass(slots=True)
class Screen:
    """What one message shows: passed as keyword arguments to send/edit calls.

    The keyword arguments hold the embeds as `bot.discord.embeds.fit` cuts them,
    so no screen can go over Discord's 6,000 characters for a whole message,
    and the content cut to 2,000 characters.
    """

    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    content: str | None = None

    def _content(self) -> str | None:
        return None if self.content is None else text.cut(self.content, text.MESSAGE_CONTENT)

    def send_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"embeds": fit(self.embeds), "allowed_mentions": NO_MENTIONS}
        if self.content is not None:
            kwargs["content"] = self._content()
        if self.view is not None:
            kwargs["view"] = self.view
        return kwargs

    def edit_kwargs(self) -> dict[str, Any]:
        """Like `send_kwargs`, but clears what the old message showed."""
        return {
            "content": self._content(),
            "embeds": fit(self.embeds),
            "view": self.view,
            "allowed_mentions": NO_MENTIONS,
        }


def ack_budget(interaction: Interaction, budget: float) -> float:
    """``budget``, shortened so the acknowledgement still has `RETRY_RESERVE` before its deadline.

    The deadline counts from the interaction's arrival (bot.discord.acks), so a
    check or a lookup that already took its time leaves less for what follows:
    0 means "acknowledge now".  Unchanged when the arrival was not seen.
    """
    left = acks.time_left(interaction.id)
    if left is None:
        return budget
    return max(0.0, min(budget, left - RETRY_RESERVE))


def study_bot(interaction: Interaction) -> StudyBot:
    """The bot behind an interaction; DynamicItems and transformers only get the interaction."""
    return cast("StudyBot", interaction.client)


class InFlight:
    """How many interactions are being worked on right now, across all learners."""

    def __init__(self) -> None:
        self.count = 0

    @contextlib.contextmanager
    def one(self) -> Iterator[bool]:
        """Count one interaction while the block runs; yields whether others were running."""
        busy = self.count > 0
        self.count += 1
        try:
            yield busy
        finally:
            self.count -= 1


class LearnerLocks:
    """One lock per learner, so one learner's clicks are handled one at a time.

    A double click then records one review and both clicks draw the same next
    card.  A lock nobody holds or waits for is dropped (weak references).
    """

    def __init__(self) -> None:
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    def __call__(self, user_id: int) -> asyncio.Lock:
        lock = self._locks.get(user_id)
        if lock is None:
            lock = self._locks[user_id] = asyncio.Lock()
        return lock


# -- the reply language ---------------------------------------------------------------------


def locale_language(locale: discord.Locale | None) -> Lang | None:
    """Discord's client language: Korean for ko, English for every other locale."""
    if locale is None:
        return None
    return "ko" if locale is discord.Locale.korean else "en"


def reply_language(
    saved: str | None,
    locale: discord.Locale | None,
    deck_lang: str | None = None,
    default: str = "en",
) -> Lang:
    """The saved choice, else the Discord client's language, else the deck's, else ``default``."""
    return resolve_language(saved, locale_language(locale), deck_lang, default)


def client_language(interaction: Interaction) -> Lang:
    """The language of the member's Discord client alone: no database (autocomplete, errors)."""
    return reply_language(None, interaction.locale)


async def language_of(interaction: Interaction) -> Lang:
    """The language the member chose in /settings, else their client's.

    Also read before a first response (a refusal, a modal, an apology), so it
    waits at most `LANGUAGE_BUDGET`; the reply matters more than its language.
    """
    budget = LANGUAGE_BUDGET
    if not interaction.response.is_done():
        budget = ack_budget(interaction, LANGUAGE_BUDGET)
    if budget <= 0:
        return reply_language(None, interaction.locale)
    try:
        runner = study_bot(interaction).db.runner
        saved = await asyncio.wait_for(stored_language(runner, interaction.user.id), budget)
    except Exception as exc:
        log.warning("no saved language for %s: %r", interaction.user.id, exc)
        saved = None
    return reply_language(saved, interaction.locale)


def private(interaction: Interaction) -> bool:
    """Replies about one learner are ephemeral in a server; in DMs they may stay."""
    return interaction.guild_id is not None


# -- refusals and apologies -----------------------------------------------------------------


class Refusal(app_commands.CheckFailure):
    """A polite no (the catalogue's ``key``), told only to the member who asked.

    ``lang`` None: the member's own reply language, looked up when telling them.
    """

    def __init__(self, key: str, lang: Lang | None = None, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.lang = lang
        self.values = values


async def tell_privately(interaction: Interaction, text: str) -> None:
    """An ephemeral reply, whether or not the interaction was acknowledged already.

    After a "thinking…" acknowledgement the reply replaces it (a followup would
    leave it thinking forever).
    """
    try:
        if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
            await interaction.edit_original_response(
                content=text, embeds=[], view=None, allowed_mentions=NO_MENTIONS
            )
        elif interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except discord.HTTPException:
        log.warning("could not tell %s why their interaction ended", interaction.user.id)


async def refuse(interaction: Interaction, refusal: Refusal) -> None:
    """Tell the member ``refusal`` privately, in their language."""
    lang = refusal.lang or await language_of(interaction)
    await tell_privately(interaction, message(refusal.key, lang, **refusal.values))


async def apologise(interaction: Interaction, key: str = APOLOGY) -> None:
    """Something broke (the log has it): tell the member rather than leave them waiting."""
    await tell_privately(interaction, message(key, await language_of(interaction)))


async def refuse_foreign(
    interaction: Interaction, owner_id: int, key: str = "discord.study.not_yours"
) -> bool:
    """True (and a private "not yours") when someone presses ``owner_id``'s button."""
    if interaction.user.id == owner_id:
        return False
    await refuse(interaction, Refusal(key))
    return True


# -- reply or defer -------------------------------------------------------------------------

#: What discord.py's own callbacks and edits would do besides sending: ask Discord for the
#: callback's resource (``with_response``), decode the reply and build objects of it.
#: Nothing here reads them, and under load a click's replies cost as much to read as its
#: redraw to build, so a click's acknowledgement, its redraw and the edit after a deferral
#: are sent by `_unread` instead.
_CLICKS: Final = (discord.InteractionType.component, discord.InteractionType.modal_submit)


async def _unread(interaction: Interaction, route: Route, payload: dict[str, Any]) -> None:
    """Send ``payload`` as discord.py's webhook adapter would, the reply left unread."""
    state = interaction._state
    adapter = async_context.get()
    if isinstance(adapter, acks.DeadlineCallbacks):
        await adapter.send(route, interaction._session, payload,
                           proxy=state.http.proxy, proxy_auth=state.http.proxy_auth)
    else:
        await adapter.request(route, interaction._session, payload=payload,
                              proxy=state.http.proxy, proxy_auth=state.http.proxy_auth)


async def _callback(
    interaction: Interaction, kind: discord.InteractionResponseType, payload: dict[str, Any]
) -> None:
    """The interaction's first response, without asking for its resource (Discord: 204)."""
    response = interaction.response
    if response.is_done():
        raise discord.InteractionResponded(interaction)
    route = Route("POST", acks.CALLBACK_PATH, webhook_id=interaction.id,
                  webhook_token=interaction.token)
    await _unread(interaction, route, payload)
    response._response_type = kind


async def _defer(interaction: Interaction, *, update: bool) -> None:
    try:
        if update and interaction.type in _CLICKS:
            kind = discord.InteractionResponseType.deferred_message_update
            await _callback(interaction, kind, {"type": kind.value})
        elif update:
            await interaction.response.defer()
        else:
            await interaction.response.defer(ephemeral=private(interaction), thinking=True)
    except discord.HTTPException as exc:
        log.warning("could not acknowledge %s: %s", interaction.id, exc)


async def acknowledged_if_slow(interaction: Interaction, check: Coroutine[Any, Any, T]) -> T:
    """``check``'s result; the interaction is acknowledged ("thinking…") if it takes long.

    For what runs before a command's own `respond`, such as a permission check
    that may ask Discord who owns the app: the member then waits on a spinner
    instead of seeing "This interaction failed" when Discord is slow to answer.
    """
    task = asyncio.ensure_future(check)
    done, _ = await asyncio.wait({task}, timeout=ack_budget(interaction, COMMAND_BUDGET))
    if not done:
        await _defer(interaction, update=False)
    return await task


async def _edit_original(interaction: Interaction, screen: Screen) -> None:
    """`Interaction.edit_original_response`, without reading Discord's reply (`_CLICKS`).
    A view discord.py must keep (not stopped) still goes through discord.py, which
    stores it by the reply's message id."""
    kwargs = screen.edit_kwargs()
    view = screen.view
    if view is not None and not view.is_finished() and view.is_dispatchable():
        await interaction.edit_original_response(**kwargs)
        return
    state = interaction._state
    with handle_message_parameters(
        content=kwargs["content"],
        embeds=kwargs["embeds"],
        view=kwargs["view"],
        allowed_mentions=kwargs["allowed_mentions"],
        previous_allowed_mentions=state.allowed_mentions,
    ) as params:
        if params.payload is None or params.files:
            await async_context.get().edit_original_interaction_response(
                interaction.application_id,
                interaction.token,
                session=interaction._session,
                proxy=state.http.proxy,
                proxy_auth=state.http.proxy_auth,
                payload=params.payload,
                multipart=params.multipart,
                files=params.files,
            )
            return
        route = Route("PATCH", acks.ORIGINAL_PATH, webhook_id=interaction.application_id,
                      webhook_token=interaction.token)
        await _unread(interaction, route, params.payload)


async def _update_message(interaction: Interaction, screen: Screen) -> None:
    """`InteractionResponse.edit_message` (callback type 7), without reading Discord's
    reply (`_CLICKS`) or the clicked message, which discord.py reads for its id (and a
    DM click parses only when read, bot.discord.events).  A view discord.py must keep
    (not stopped) still goes through discord.py, as does anything but a click or a
    modal submission (discord.py sends nothing for those)."""
    kwargs = screen.edit_kwargs()
    view = screen.view
    if (view is not None and not view.is_finished() and view.is_dispatchable()) or (
        interaction.type not in _CLICKS
    ):
        await interaction.response.edit_message(**kwargs)
        return
    kind = discord.InteractionResponseType.message_update
    params = interaction_message_response_params(
        type=kind.value,
        content=kwargs["content"],
        embeds=kwargs["embeds"],
        view=kwargs["view"],
        allowed_mentions=kwargs["allowed_mentions"],
        previous_allowed_mentions=interaction._state.allowed_mentions,
    )
    if params.payload is None or params.files:  # not from a Screen: discord.py's own way
        await interaction.response.edit_message(**kwargs)
        return
    await _callback(interaction, kind, params.payload)


async def _send(interaction: Interaction, screen: Screen, *, update: bool) -> None:
    if interaction.response.is_done():
        await _edit_original(interaction, screen)
    elif update:
        await _update_message(interaction, screen)
    else:
        await interaction.response.send_message(
            ephemeral=private(interaction), **screen.send_kwargs()
        )


async def respond(
    interaction: Interaction,
    work: Coroutine[Any, Any, Screen],
    *,
    update: bool = False,
    apology: str = APOLOGY,
) -> None:
    """Show ``work``'s screen: a new reply, or (``update``) the clicked message redrawn.

    Acknowledged within `CLICK_BUDGET` (an update) or `COMMAND_BUDGET`, at once
    when the bot is busy.  A `Refusal` from the work is told privately; any
    other failure is logged and the member gets ``apology``.  What the work
    recorded stays recorded when the reply cannot be sent: the next click redraws.
    The busy count is the bot's ``in_flight``; a client without one (a plain
    discord.py Bot in a test) is never busy.
    """
    in_flight: InFlight = getattr(interaction.client, "in_flight", None) or InFlight()
    with in_flight.one() as busy:
        if busy and not interaction.response.is_done():
            await _defer(interaction, update=update)
        task = asyncio.ensure_future(work)
        if not busy and not interaction.response.is_done():
            budget = ack_budget(interaction, CLICK_BUDGET if update else COMMAND_BUDGET)
            done, _ = await asyncio.wait({task}, timeout=budget)
            if not done:
                await _defer(interaction, update=update)
        try:
            screen = await task
        except Refusal as refusal:
            await refuse(interaction, refusal)
            return
        except Exception:
            log.exception("%s failed for %s", interaction.data, interaction.user.id)
            await apologise(interaction, apology)
            return
    try:
        await _send(interaction, screen, update=update)
    except discord.HTTPException as exc:
        log.warning("could not reply to %s: %s", interaction.user.id, exc)

"""The Emulator: one object a test starts, populates, drives as users, and inspects."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from aiohttp import web

from .faults import FaultPlan, RateLimits, route_matches
from .gateway import DIRECT_MESSAGES, GUILD_MESSAGES, PRIVILEGED_INTENTS, Gateway
from .interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    Callback,
    InteractionHandle,
    InteractionRecord,
    ModalHandle,
    autocomplete_data,
    command_data,
    interaction_payload,
    modal_submit_data,
)
from .rest import RestApi
from .state import JSON, Channel, Guild, Member, RecordedRequest, SimUser, StoredMessage
from .world import World

T = TypeVar("T")
DEFAULT_TOKEN = "emulator-bot-token"


class Emulator:
    """A local Discord for the real discord.py client (guide: tests/emulator/README.md).

    ``async with Emulator() as emu:`` serves on 127.0.0.1 at a free port.
    ``interaction_deadline`` and ``followup_window`` default to Discord's 3 s and
    15 min; tests may shorten them instead of sleeping. ``privileged_intents`` are
    those "enabled in the developer portal": asking for others closes with 4014.
    """

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        interaction_deadline: float = 3.0,
        followup_window: float = 15 * 60.0,
        enforce_rate_limits: bool = False,
        heartbeat_interval_ms: int = 41_250,
        recommended_shards: int = 1,
        privileged_intents: int = PRIVILEGED_INTENTS,
    ) -> None:
        self.world = World(token)
        self.interaction_deadline = interaction_deadline
        self.followup_window = followup_window
        self.recommended_shards = recommended_shards
        self.faults = FaultPlan()
        self.limits = RateLimits(enforce_rate_limits)
        self.interactions: dict[int, InteractionRecord] = {}
        self._pulse: asyncio.Event | None = None
        self.gateway = Gateway(self.world, lambda: self.gateway_url, heartbeat_interval_ms,
                               self.notify, privileged_intents)
        self._rest = RestApi(self.world, self.gateway, self.faults, self.limits,
                             self.interactions, self, self.notify)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle -------------------------------------------------------------

    async def start(self) -> Emulator:
        self._pulse = asyncio.Event()
        app = web.Application()
        app.router.add_get("/gw/", self.gateway.handle)
        self._rest.install(app)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def close(self) -> None:
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Emulator:
        return await self.start()

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    @property
    def token(self) -> str:
        return self.world.token

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gw/"

    @property
    def bot_user(self) -> SimUser:
        return self.world.bot

    @property
    def application_id(self) -> int:
        return self.world.application.id

    # -- waiting without sleeps --------------------------------------------------

    def notify(self) -> None:
        """Wakes ``wait_for`` callers; called after every request and gateway frame."""
        if self._pulse is not None:
            self._pulse.set()
            self._pulse = asyncio.Event()

    async def wait_for(self, predicate: Callable[[], T | None], within: float = 5.0) -> T:
        """Returns the first truthy value of ``predicate``, re-checked on every change."""
        deadline = time.monotonic() + within
        while True:
            pulse = self._pulse
            assert pulse is not None, "start the emulator first"
            value = predicate()
            if value:
                return value
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"condition not met within {within} s")
            # Re-check at least every 50 ms: some conditions depend on the clock.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(pulse.wait(), min(left, 0.05))

    # -- populating the world --------------------------------------------------

    def add_guild(self, name: str = "Study Group", *, locale: str = "en-US",
                  guild_id: int | None = None) -> Guild:
        """A guild the bot is in, with @everyone, an Admin role and a #general channel.

        Add guilds before the bot connects: they are announced in GUILD_CREATE.
        """
        return self.world.add_guild(name, locale=locale, guild_id=guild_id)

    async def announce_guild(self, guild: Guild) -> None:
        """GUILD_CREATE for a guild added after the bot connected (the bot was invited)."""
        await self.gateway.announce_guild(guild)

    def add_text_channel(self, guild: Guild, name: str, *, bot_denied: int = 0) -> Channel:
        """``bot_denied`` holds permission bits taken from the bot here (e.g. SEND_MESSAGES)."""
        return self.world.add_text_channel(guild, name, bot_denied=bot_denied)

    def general(self, guild: Guild) -> Channel:
        return guild.channels[0]

    def add_user(self, name: str, *, locale: str = "en-US", dm_open: bool = True,
                 guild: Guild | None = None, admin: bool = False,
                 permissions: int | None = None) -> SimUser:
        user = self.world.add_user(name, locale=locale, dm_open=dm_open)
        if guild is not None:
            self.world.join(user, guild, admin=admin, permissions=permissions)
        return user

    def join(self, user: SimUser, guild: Guild, *, admin: bool = False,
             permissions: int | None = None) -> Member:
        return self.world.join(user, guild, admin=admin, permissions=permissions)

    def dm_channel(self, user: SimUser) -> Channel:
        return self.world.dm_channel(user)

    # -- acting as users -----------------------------------------------------------

    async def _create(self, kind: int, user: SimUser, channel: Channel, data: JSON,
                      source: StoredMessage | None, focused_option: JSON | None = None
                      ) -> InteractionHandle:
        guild = self.world.guild_of(channel)
        if guild is not None and user.id not in guild.members:
            raise ValueError(f"{user.name} is not a member of {guild.name}")
        record_id = self.world.ids.next()
        message = source.payload(self.base_url) if source is not None else None
        token, payload = interaction_payload(self.world, record_id, kind, user, channel, data,
                                             message)
        record = InteractionRecord(record_id, token, kind, user, channel, guild, payload,
                                   original_id=source.id if source is not None else None,
                                   source_versions=len(source.history) if source else 0,
                                   focused_option=focused_option)
        self.interactions[record_id] = record
        await self.gateway.dispatch("INTERACTION_CREATE", payload,
                                    guild_id=guild.id if guild else None)
        self.notify()
        return InteractionHandle(record, self.world, self.wait_for)

    def _visible_command(self, user: SimUser, command: str, guild: Guild | None,
                         channel: Channel | None, force: bool
                         ) -> tuple[Channel, JSON, list[str]]:
        """(where it runs, the registered command, subcommand path) for ``/command``."""
        if channel is None:
            channel = self.general(guild) if guild is not None else self.dm_channel(user)
        name, *path = command.split()
        registered = self.world.command(name, self.world.guild_of(channel))
        if not force:
            why = self.world.why_hidden(registered, user, self.world.guild_of(channel))
            if why:
                raise PermissionError(f"{user.name} cannot use /{name} here: {why}")
        return channel, registered, path

    async def slash(self, user: SimUser, command: str, options: dict[str, Any] | None = None, *,
                    guild: Guild | None = None, channel: Channel | None = None,
                    force: bool = False) -> InteractionHandle:
        """Runs ``/command`` ("study" or "deck import" for subcommands) as ``user``.

        Without ``channel`` it runs in the guild's #general, or in the user's DM
        when no guild is given either. Discord hides commands a user may not use
        (``default_member_permissions``, ``contexts``): that raises PermissionError
        unless ``force`` (to test the bot's own checks).
        """
        channel, registered, path = self._visible_command(user, command, guild, channel, force)
        data = command_data(registered, path, options or {}, self.world.guild_of(channel))
        return await self._create(APPLICATION_COMMAND, user, channel, data, None)

    async def autocomplete_handle(
        self, user: SimUser, command: str, options: dict[str, Any] | None = None,
        focused: str | None = None, *, guild: Guild | None = None,
        channel: Channel | None = None, force: bool = False,
    ) -> InteractionHandle:
        """Sends the autocomplete interaction only; ``autocomplete`` also waits for the answer."""
        channel, registered, path = self._visible_command(user, command, guild, channel, force)
        data, option = autocomplete_data(registered, path, options or {}, focused)
        return await self._create(AUTOCOMPLETE, user, channel, data, None, option)

    async def autocomplete(
        self, user: SimUser, command: str, options: dict[str, Any] | None = None,
        focused: str | None = None, *, guild: Guild | None = None,
        channel: Channel | None = None, force: bool = False,
    ) -> list[JSON]:
        """The choices the bot offers while ``user`` types option ``focused`` of ``/command``.

        ``options`` holds what is filled in so far; the focused one is the partial
        text (a string; absent means nothing typed yet). Choices are checked as
        Discord checks them (at most 25, names of 1-100 characters, values of the
        option's type). An answer later than ``interaction_deadline`` counts in
        ``missed_deadlines()`` and raises TimeoutError here, as Discord's client
        gives up and shows "Loading options failed"; a refused answer raises
        AssertionError with Discord's errors.
        """
        handle = await self.autocomplete_handle(user, command, options, focused, guild=guild,
                                                channel=channel, force=force)
        record = handle.record

        def answered() -> Callback | None:
            if record.errors:  # a 400; a late answer (10062) is a timeout instead
                raise AssertionError(f"Discord refused the autocomplete answer: {record.errors}")
            return record.callbacks[0] if record.callbacks else None

        # A little slack past the deadline: the route itself refuses late answers.
        left = self.interaction_deadline + 0.1 - (time.monotonic() - record.created)
        try:
            callback = await self.wait_for(answered, max(left, 0.0))
        except TimeoutError:
            raise TimeoutError(f"no autocomplete answer within {self.interaction_deadline} s "
                               f"for /{command} {focused or ''}") from None
        choices: list[JSON] = callback.data.get("choices") or []
        return choices

    def _source(self, user: SimUser, message: StoredMessage | int, force: bool
                ) -> StoredMessage:
        """The message clicked on, if ``user`` can see it at all (or ``force``)."""
        if isinstance(message, int):
            message = self.world.messages[message]
        if message.deleted:
            raise LookupError("the message was deleted")
        if message.ephemeral and message.interaction_id is not None and not force:
            owner = self.interactions[message.interaction_id].user
            if owner.id != user.id:
                raise PermissionError(f"only {owner.name} sees this ephemeral message")
        return message

    async def click(self, user: SimUser, message: StoredMessage | int, *,
                    label: str | None = None, custom_id: str | None = None,
                    force: bool = False) -> InteractionHandle:
        """Presses the button with that label or custom_id on ``message``.

        Someone else's ephemeral message cannot be seen, hence not clicked
        (PermissionError) unless ``force``, to test the bot's own check.
        """
        source = self._source(user, message, force)
        buttons = [b for b in source.buttons() if b.get("type") == 2]
        match = [b for b in buttons if (label is None or b.get("label") == label)
                 and (custom_id is None or b.get("custom_id") == custom_id)]
        if len(match) != 1:
            seen = [(b.get("label"), b.get("custom_id")) for b in buttons]
            raise LookupError(f"{len(match)} buttons match label={label!r} "
                              f"custom_id={custom_id!r}; the message has {seen}")
        if match[0].get("disabled"):
            raise LookupError(f"button {match[0].get('label')!r} is disabled")
        data = {"custom_id": match[0]["custom_id"], "component_type": 2}
        channel = self.world.channels[source.channel_id]
        return await self._create(MESSAGE_COMPONENT, user, channel, data, source)

    async def select(self, user: SimUser, message: StoredMessage | int, values: list[str], *,
                     custom_id: str | None = None, force: bool = False) -> InteractionHandle:
        """Picks ``values`` in the (string) select menu on ``message``."""
        source = self._source(user, message, force)
        menus = [b for b in source.buttons() if b.get("type") == 3
                 and (custom_id is None or b.get("custom_id") == custom_id)]
        if len(menus) != 1:
            raise LookupError(f"{len(menus)} select menus match custom_id={custom_id!r}")
        data = {"custom_id": menus[0]["custom_id"], "component_type": 3, "values": values}
        channel = self.world.channels[source.channel_id]
        return await self._create(MESSAGE_COMPONENT, user, channel, data, source)

    async def submit_modal(self, user: SimUser, modal: ModalHandle,
                           values: dict[str, str | list[str]]) -> InteractionHandle:
        """Fills the modal's inputs by custom_id (text: a str, select: a list) and submits."""
        opener = modal.interaction
        source = (self.world.messages.get(opener.original_id)
                  if opener.type == MESSAGE_COMPONENT and opener.original_id else None)
        return await self._create(MODAL_SUBMIT, user, opener.channel,
                                  modal_submit_data(modal, values), source)

    async def user_message(self, user: SimUser, channel: Channel, content: str
                           ) -> StoredMessage:
        """``user`` writes in ``channel``; the bot gets MESSAGE_CREATE if its intents allow."""
        message = self.world.new_message(channel, user, {"content": content}, [])
        data = message.payload(self.base_url)
        guild = self.world.guild_of(channel)
        if guild is not None:
            data["member"] = {k: v for k, v in guild.members[user.id].payload().items()
                              if k != "user"}
        await self.gateway.dispatch("MESSAGE_CREATE", data,
                                    guild_id=channel.guild_id,
                                    intent=GUILD_MESSAGES if guild else DIRECT_MESSAGES)
        return message

    # -- gateway faults --------------------------------------------------------------

    async def drop_gateway(self, *, code: int | None = 4000, shard_id: int | None = None
                           ) -> None:
        """Closes the bot's socket(s) (``code=None``: abruptly); it should RESUME."""
        await self.gateway.drop(code=code, shard_id=shard_id)

    async def send_reconnect(self, *, shard_id: int | None = None) -> None:
        """Gateway op 7: the client must reconnect and RESUME."""
        await self.gateway.reconnect(shard_id)

    async def invalidate_session(self, *, resumable: bool = False,
                                 shard_id: int | None = None) -> None:
        """Gateway op 9; with ``resumable=False`` the client must IDENTIFY anew."""
        await self.gateway.invalidate(resumable=resumable, shard_id=shard_id)

    # -- reading what happened -------------------------------------------------------

    def channel_messages(self, channel: Channel, *, include_ephemeral: bool = False,
                         include_deleted: bool = False) -> list[StoredMessage]:
        """Messages in ``channel``, oldest first, with edits applied (``.history`` has the past)."""
        return [m for m in self.world.messages_in(channel.id)
                if (include_ephemeral or not m.ephemeral) and (include_deleted or not m.deleted)]

    def dm_messages(self, user: SimUser) -> list[StoredMessage]:
        """What the bot sent ``user`` by DM (empty if it never opened a DM)."""
        cid = self.world.dm_channels.get(user.id)
        if cid is None:
            return []
        return [m for m in self.world.messages_in(cid)
                if m.author.id == self.world.bot.id and not m.deleted]

    def requests(self, route: str = "*") -> list[RecordedRequest]:
        """Recorded requests matching a pattern like ``"POST /channels/*/messages"``."""
        return [r for r in self.world.requests if route_matches(route, r.method, r.path)]

    def missed_deadlines(self) -> list[InteractionRecord]:
        """Interactions not acknowledged within ``interaction_deadline`` (3 s on Discord)."""
        now = time.monotonic()
        return [r for r in self.interactions.values()
                if r.missed(self.interaction_deadline, now)]

    def commands(self, guild: Guild | None = None) -> list[JSON]:
        """Commands the bot registered (globally, or for ``guild``)."""
        store = (self.world.global_commands if guild is None
                 else self.world.guild_commands.get(guild.id, {}))
        return list(store.values())

    async def wait_ready(self, within: float = 5.0) -> None:
        """Until a client has identified and holds an open gateway socket."""
        await self.wait_for(lambda: self.gateway.identifies > 0 and self.gateway.connected(),
                            within)

"""Interactions as Discord creates them, and handles tests use to watch the bot answer.

Every interaction remembers when it was created and when (if ever) the bot
first answered, because Discord's 3-second acknowledgement deadline is the
failure users notice first ("The application did not respond").
"""

from __future__ import annotations

import itertools
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .state import ADMINISTRATOR, ALL_PERMISSIONS, JSON, Channel, Guild, SimUser, StoredMessage
from .world import World

T = TypeVar("T")
Waiter = Callable[[Callable[[], T | None], float], Awaitable[T]]

APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5
CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL = 4, 5, 6, 7, 9
AUTOCOMPLETE_RESULT = 8
TEXT_INPUT = 4
MODAL_INPUTS = (TEXT_INPUT, 3, 5, 6, 7, 8)  # text input and the select menus


@dataclass
class Callback:
    type: int
    data: JSON
    at: float


@dataclass
class InteractionRecord:
    id: int
    token: str
    type: int
    user: SimUser
    channel: Channel
    guild: Guild | None
    payload: JSON
    created: float = field(default_factory=time.monotonic)
    callbacks: list[Callback] = field(default_factory=list)
    rejected: list[tuple[int, float]] = field(default_factory=list)  # (Discord code, when)
    # The message "@original" refers to: the clicked message until a reply exists.
    original_id: int | None = None
    # Versions the clicked message had when clicked, to tell when the bot edited it.
    source_versions: int = 0
    followup_ids: list[int] = field(default_factory=list)
    # Autocomplete only: the schema of the focused option, to check the choices' values.
    focused_option: JSON | None = None
    # Discord's ``errors`` object for each callback refused as an invalid form body.
    errors: list[JSON] = field(default_factory=list)

    @property
    def ack_delay(self) -> float | None:
        return self.callbacks[0].at - self.created if self.callbacks else None

    def missed(self, deadline: float, now: float) -> bool:
        delay = self.ack_delay
        return (delay is None and now - self.created > deadline) or (
            delay is not None and delay > deadline
        )


@dataclass
class ModalHandle:
    """A modal the bot opened; pass it to ``Emulator.submit_modal``."""

    interaction: InteractionRecord
    custom_id: str
    title: str
    components: list[JSON]

    def fields(self) -> dict[str, str]:
        """Inputs' custom_id -> label (text inputs, and selects inside labels)."""
        found: dict[str, str] = {}
        for row in self.components:
            label = row.get("label", "")
            for item in [*row.get("components", []), row.get("component") or {}]:
                if item.get("type") in MODAL_INPUTS:
                    found[item["custom_id"]] = item.get("label") or label
        return found


class InteractionHandle:
    """What a test holds after a slash command, click or modal submit."""

    def __init__(self, record: InteractionRecord, world: World, wait: Waiter[Any]) -> None:
        self.record = record
        self._world = world
        self._wait = wait

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def ack_delay(self) -> float | None:
        return self.record.ack_delay

    async def ack(self, within: float = 5.0) -> Callback:
        """The bot's first callback (any type)."""
        cb: Callback = await self._wait(
            lambda: self.record.callbacks[0] if self.record.callbacks else None, within
        )
        return cb

    async def response(self, within: float = 5.0) -> StoredMessage:
        """The message the user sees as the answer.

        Type 4/7: that message at once. Type 5 (thinking): once the bot edits it.
        Type 6 (deferred update): once the clicked message is edited or a followup
        arrives. Type 9 is a modal, not a message: use ``modal()``.
        """
        first = await self.ack(within)
        if first.type == MODAL:
            raise AssertionError("the bot answered with a modal; use handle.modal()")

        def ready() -> StoredMessage | None:
            original = self.original()
            if first.type in (CHANNEL_MESSAGE, UPDATE_MESSAGE) and original is not None:
                return original
            if first.type == DEFERRED_MESSAGE and original is not None and not original.loading:
                return original
            if first.type == DEFERRED_UPDATE:
                if original is not None and len(original.history) > self.record.source_versions:
                    return original
                if self.record.followup_ids:
                    return self._world.messages[self.record.followup_ids[0]]
            return None

        msg: StoredMessage = await self._wait(ready, within)
        return msg

    async def followups(self, count: int = 1, within: float = 5.0) -> list[StoredMessage]:
        """Waits until at least ``count`` followup messages exist."""
        ids: list[int] = await self._wait(
            lambda: self.record.followup_ids if len(self.record.followup_ids) >= count else None,
            within,
        )
        return [self._world.messages[i] for i in ids]

    async def modal(self, within: float = 5.0) -> ModalHandle:
        first = await self.ack(within)
        if first.type != MODAL:
            raise AssertionError(f"the bot answered with callback type {first.type}, not a modal")
        data = first.data
        return ModalHandle(self.record, data["custom_id"], data.get("title", ""),
                           data.get("components", []))

    def original(self) -> StoredMessage | None:
        oid = self.record.original_id
        return self._world.messages.get(oid) if oid is not None else None


# -- payload builders ---------------------------------------------------------


# What Discord's client lets a user type for each option type.
OPTION_TYPES: dict[int, type | tuple[type, ...]] = {3: str, 4: int, 5: bool, 10: (int, float)}


def _option_values(schema: list[JSON], given: dict[str, Any], *, complete: bool = True
                   ) -> list[JSON]:
    """Options as Discord's client would send them; it refuses what the schema forbids.

    ``complete=False`` is for autocomplete, sent while the user is still filling
    the command in, so required options may be missing.
    """
    declared = {opt["name"]: opt for opt in schema}
    unknown = set(given) - set(declared)
    if unknown:
        raise KeyError(f"options {sorted(unknown)} are not declared by the command")
    missing = [n for n, opt in declared.items() if opt.get("required") and n not in given]
    if missing and complete:
        raise KeyError(f"required options {missing} are missing")
    out = []
    for name, value in given.items():
        opt = declared[name]
        kind = opt.get("type", 3)
        if isinstance(value, SimUser):
            value = str(value.id)
        elif kind in OPTION_TYPES and (not isinstance(value, OPTION_TYPES[kind])
                                       or (kind != 5 and isinstance(value, bool))):
            raise TypeError(f"option {name!r} (type {kind}) cannot be {value!r}")
        choices = [c["value"] for c in opt.get("choices") or []]
        if choices and value not in choices:
            raise ValueError(f"option {name!r} must be one of {choices}")
        out.append({"name": name, "type": kind, "value": value})
    return out


def _leaf_schema(command: JSON, path: list[str]) -> tuple[list[JSON], list[JSON]]:
    """(subcommand wrappers to nest the options in, the options the leaf declares)."""
    schema: list[JSON] = command.get("options", [])
    wrappers: list[JSON] = []
    for name in path:
        sub = next((o for o in schema if o["name"] == name and o.get("type") in (1, 2)), None)
        if sub is None:
            raise KeyError(f"{command['name']} has no subcommand {name!r}")
        wrappers.append({"name": name, "type": sub["type"], "options": []})
        schema = sub.get("options", [])
    return wrappers, schema


def _data(command: JSON, wrappers: list[JSON], leaf: list[JSON]) -> JSON:
    if wrappers:
        for outer, inner in itertools.pairwise(wrappers):
            outer["options"] = [inner]
        wrappers[-1]["options"] = leaf
        leaf = [wrappers[0]]
    data: JSON = {"id": command["id"], "name": command["name"], "type": command.get("type", 1),
                  "options": leaf}
    if "guild_id" in command:
        data["guild_id"] = command["guild_id"]
    return data


def command_data(command: JSON, path: list[str], options: dict[str, Any],
                 guild: Guild | None) -> JSON:
    """``data`` for a slash command; ``path`` holds subcommand group/subcommand names."""
    wrappers, schema = _leaf_schema(command, path)
    data = _data(command, wrappers, _option_values(schema, options))
    users = [u for u in options.values() if isinstance(u, SimUser)]
    if users:
        data["resolved"] = {"users": {str(u.id): u.payload() for u in users}}
        if guild is not None:
            data["resolved"]["members"] = {
                str(u.id): {k: v for k, v in guild.members[u.id].payload().items() if k != "user"}
                for u in users if u.id in guild.members
            }
    return data


def autocomplete_data(command: JSON, path: list[str], options: dict[str, Any],
                      focused: str | None) -> tuple[JSON, JSON]:
    """``data`` of an autocomplete interaction and the focused option's schema.

    The focused value is the raw text typed so far, a string whatever the
    option's type; options filled in earlier keep their types. ``focused=None``
    means the only option given. Discord sends no ``resolved`` data here.
    """
    wrappers, schema = _leaf_schema(command, path)
    if focused is None:
        if len(options) != 1:
            raise ValueError("say which option is focused (several or none were given)")
        focused = next(iter(options))
    option = next((o for o in schema if o["name"] == focused), None)
    if option is None:
        raise KeyError(f"/{command['name']} has no option {focused!r}")
    if not option.get("autocomplete"):
        raise ValueError(f"option {focused!r} does not autocomplete: Discord would not ask")
    typed = options.get(focused, "")
    if not isinstance(typed, str):
        raise TypeError(f"the focused option holds the text typed so far, not {typed!r}")
    others = _option_values(schema, {k: v for k, v in options.items() if k != focused},
                            complete=False)
    mine: JSON = {"name": focused, "type": option.get("type", 3), "value": typed,
                  "focused": True}
    names = list(options) if focused in options else [*options, focused]
    by_name = {o["name"]: o for o in [*others, mine]}
    return _data(command, wrappers, [by_name[n] for n in names]), option


def interaction_payload(world: World, record_id: int, kind: int, user: SimUser, channel: Channel,
                        data: JSON, message: JSON | None) -> tuple[str, JSON]:
    """The INTERACTION_CREATE body, with every field discord.py 2.7 insists on."""
    token = "itok-" + secrets.token_urlsafe(24)
    guild = world.guild_of(channel)
    bot_id = world.bot.id
    payload: JSON = {
        "id": str(record_id),
        "application_id": str(world.application.id),
        "type": kind,
        "token": token,
        "version": 1,
        "data": data,
        "channel_id": str(channel.id),
        "channel": channel.payload(bot_id),
        "locale": user.locale,
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": 10 * 1024 * 1024,
        # A guild install (key "0"); in the bot's DMs Discord reports guild "0".
        "authorizing_integration_owners": {"0": str(guild.id) if guild else "0"},
        "context": 0 if guild else 1,
    }
    if guild is not None:
        payload["guild_id"] = str(guild.id)
        payload["guild_locale"] = guild.preferred_locale
        payload["guild"] = {"id": str(guild.id), "locale": guild.preferred_locale,
                            "features": []}
        payload["member"] = guild.members[user.id].payload(guild.permissions_of(user.id))
        payload["app_permissions"] = str(guild.permissions_of(bot_id, channel, bot_id=bot_id))
    else:
        payload["user"] = user.payload()
        payload["app_permissions"] = str(ALL_PERMISSIONS & ~ADMINISTRATOR)
    if message is not None:
        payload["message"] = message
    return token, payload


def modal_submit_data(modal: ModalHandle, values: dict[str, str | list[str]]) -> JSON:
    """Echoes the modal's layout (action rows or labels) with what the user entered.

    Text inputs take a string, select menus a list of chosen values.
    """
    unknown = set(values) - set(modal.fields())
    if unknown:
        raise KeyError(f"modal {modal.custom_id!r} has no inputs {sorted(unknown)}")

    def answer(item: JSON) -> JSON:
        cid = item["custom_id"]
        out: JSON = {"type": item["type"], "custom_id": cid, "id": item.get("id", 0)}
        if item["type"] == TEXT_INPUT:
            out["value"] = values.get(cid, item.get("value") or "")
        else:
            out["values"] = values.get(cid, [])
        return out

    rows: list[JSON] = []
    for row in modal.components:
        inner = row.get("component") or {}
        if row.get("type") == 18 and inner.get("type") in MODAL_INPUTS:
            rows.append({"type": 18, "id": row.get("id", 0), "component": answer(inner)})
        elif row.get("type") == 1:
            rows.append({"type": 1, "components": [answer(i) for i in row["components"]
                                                   if i.get("type") in MODAL_INPUTS]})
    return {"custom_id": modal.custom_id, "components": rows}

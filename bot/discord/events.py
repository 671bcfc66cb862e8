"""discord.py's INTERACTION_CREATE parser, except that a DM click's message is read when asked for.

Every click carries the whole message it was made on (embeds, buttons), and
discord.py builds a `discord.Message` of it before anything else runs: under
200 learners at once that was the largest single cost of reading a click,
and the study flow never looks at it (its buttons carry their state in the
custom_id, bot.discord.components.buttons).  `LazyMessageInteraction` keeps
the payload and builds the same `discord.Message` the first time
``interaction.message`` is read (discord.py does when a stored view or a
`DynamicItem` is dispatched, or a message is updated in place).

Only interactions outside a server are lazy: in a server discord.py also
fixes the message's guild while parsing, and those clicks (the daily
question) are few.  `install` replaces the parser the gateway calls with the
same steps as ``ConnectionState.parse_interaction_create`` in discord.py 2.7,
building this class instead of `discord.Interaction`; a click is looked up
among stored views (by its message) only when discord.py stores any, which
this bot never does (its views are stopped before they are sent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import discord

if TYPE_CHECKING:
    from discord.state import ConnectionState

#: The slot discord.Interaction keeps its message in (shadowed by the property below).
_MESSAGE_SLOT: Any = discord.Interaction.__dict__["message"]


class LazyMessageInteraction(discord.Interaction[discord.Client]):
    """A `discord.Interaction` whose DM message is parsed on first use."""

    __slots__ = ("_message_data",)

    def _from_data(self, data: Any) -> None:
        self._message_data: dict[str, Any] | None = None
        raw = data.get("message")
        if raw is None or data.get("guild_id") is not None:
            super()._from_data(data)
            return
        rest: Any = dict(data)
        del rest["message"]
        super()._from_data(rest)  # sets message to None, as for a payload without one
        self._message_data = raw

    @property
    def message(self) -> discord.Message | None:
        raw = self._message_data
        if raw is not None:
            self._message_data = None
            # What discord.py's _from_data does for a message outside a server.
            _MESSAGE_SLOT.__set__(
                self, discord.Message(state=self._state, channel=self.channel, data=raw)  # type: ignore[arg-type]
            )
        return cast("discord.Message | None", _MESSAGE_SLOT.__get__(self))

    @message.setter
    def message(self, value: discord.Message | None) -> None:
        self._message_data = None
        _MESSAGE_SLOT.__set__(self, value)


def install(client: discord.Client) -> None:
    """Parse ``client``'s INTERACTION_CREATE events into `LazyMessageInteraction`s."""
    state: ConnectionState[Any] = client._connection

    def parse_interaction_create(data: Any) -> None:
        interaction = LazyMessageInteraction(data=data, state=state)
        kind = data["type"]
        if kind in (2, 4) and state._command_tree:  # application command and autocomplete
            state._command_tree._from_interaction(interaction)
        elif kind == 3:  # message component
            inner = data["data"]
            store = state._view_store
            if store._views:  # a stored view may answer it: discord.py finds it by message
                store.dispatch_view(inner["component_type"], inner["custom_id"], interaction)
            else:  # nothing stored: only the DynamicItems can answer, as dispatch_view finds
                store.dispatch_dynamic_items(inner["component_type"], inner["custom_id"],
                                             interaction)
        elif kind == 5:  # modal submit
            inner = data["data"]
            state._view_store.dispatch_modal(inner["custom_id"], interaction,
                                             inner["components"], inner.get("resolved", {}))
        state.dispatch("interaction", interaction)

    state.parsers["INTERACTION_CREATE"] = parse_interaction_create

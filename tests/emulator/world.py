"""The emulated Discord's memory and the test-facing ways to populate it."""

from __future__ import annotations

import time
from typing import Any

from .state import (
    ADMINISTRATOR,
    DEFAULT_PERMISSIONS,
    DM_CHANNEL,
    JSON,
    TEXT_CHANNEL,
    Application,
    Attachment,
    Channel,
    Guild,
    Member,
    RecordedRequest,
    Role,
    SimUser,
    Snowflakes,
    StoredMessage,
)


class World:
    def __init__(self, token: str) -> None:
        self.token = token
        self.ids = Snowflakes()
        owner = SimUser(self.ids.next(), "owner")
        self.application = Application(self.ids.next(), "studybot-test", owner)
        # The bot user shares the application's id, as it does on Discord.
        self.bot = SimUser(self.application.id, "studybot", bot=True)
        self.users: dict[int, SimUser] = {owner.id: owner, self.bot.id: self.bot}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, StoredMessage] = {}
        self.dm_channels: dict[int, int] = {}  # user id -> DM channel id
        self.global_commands: dict[str, JSON] = {}
        self.guild_commands: dict[int, dict[str, JSON]] = {}
        self.requests: list[RecordedRequest] = []

    # -- population (called by tests through the Emulator) -------------------

    def add_user(self, name: str, *, locale: str = "en-US", dm_open: bool = True) -> SimUser:
        user = SimUser(self.ids.next(), name, locale=locale, dm_open=dm_open)
        self.users[user.id] = user
        return user

    def add_guild(self, name: str, *, locale: str = "en-US", guild_id: int | None = None) -> Guild:
        gid = guild_id if guild_id is not None else self.ids.next()
        guild = Guild(gid, name, owner_id=self.application.owner.id, preferred_locale=locale)
        guild.roles.append(Role(gid, "@everyone", DEFAULT_PERMISSIONS))
        guild.roles.append(Role(self.ids.next(), "Admin", ADMINISTRATOR, position=1))
        self.guilds[gid] = guild
        self.join(self.bot, guild)
        self.add_text_channel(guild, "general")
        return guild

    def join(
        self, user: SimUser, guild: Guild, *, admin: bool = False, permissions: int | None = None
    ) -> Member:
        """Makes ``user`` a member; ``permissions`` adds a role granting exactly those bits."""
        roles: list[int] = []
        if admin:
            roles.append(guild.roles[1].id)
        if permissions is not None:
            role = Role(self.ids.next(), f"perms-{user.name}", permissions, position=1)
            guild.roles.append(role)
            roles.append(role.id)
        member = Member(user, guild.id, roles, joined_at=time.time())
        guild.members[user.id] = member
        return member

    def add_text_channel(self, guild: Guild, name: str, *, bot_denied: int = 0) -> Channel:
        channel = Channel(
            self.ids.next(),
            TEXT_CHANNEL,
            name,
            guild_id=guild.id,
            position=len(guild.channels),
            bot_denied=bot_denied,
        )
        guild.channels.append(channel)
        self.channels[channel.id] = channel
        return channel

    def dm_channel(self, user: SimUser) -> Channel:
        if user.id not in self.dm_channels:
            channel = Channel(self.ids.next(), DM_CHANNEL, recipient=user)
            self.channels[channel.id] = channel
            self.dm_channels[user.id] = channel.id
        return self.channels[self.dm_channels[user.id]]

    # -- lookups -------------------------------------------------------------

    def guild_of(self, channel: Channel) -> Guild | None:
        return self.guilds.get(channel.guild_id) if channel.guild_id is not None else None

    def command(self, name: str, guild: Guild | None) -> JSON:
        """The registered command a user would pick, preferring the guild's own."""
        if guild is not None and name in self.guild_commands.get(guild.id, {}):
            return self.guild_commands[guild.id][name]
        if name in self.global_commands:
            return self.global_commands[name]
        raise KeyError(f"command {name!r} is not registered (did the bot sync its tree?)")

    def why_hidden(self, command: JSON, user: SimUser, guild: Guild | None) -> str | None:
        """Why Discord would not offer ``command`` to ``user`` here, or None."""
        contexts = command.get("contexts")
        context = 0 if guild is not None else 1
        if contexts is not None and context not in contexts:
            return f"context {context} not in {contexts}"
        if guild is None:
            return "dm_permission is false" if command.get("dm_permission") is False else None
        required = command.get("default_member_permissions")
        perms = guild.permissions_of(user.id)
        if required is None or perms & ADMINISTRATOR:
            return None
        if int(required) == 0 or perms & int(required) != int(required):
            return f"needs permissions {required}"
        return None

    def replace_commands(self, guild_id: int | None, bodies: list[JSON]) -> list[JSON]:
        """PUT semantics: the list replaces all commands; ids survive for same-named ones."""
        old = self.global_commands if guild_id is None else self.guild_commands.get(guild_id, {})
        new: dict[str, JSON] = {}
        for body in bodies:
            previous = old.get(body["name"])
            command: JSON = {
                "type": 1,
                "description": "",
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                **body,
                "id": previous["id"] if previous else str(self.ids.next()),
                "application_id": str(self.application.id),
                "version": str(self.ids.next()),
            }
            if guild_id is not None:
                command["guild_id"] = str(guild_id)
            new[body["name"]] = command
        if guild_id is None:
            self.global_commands = new
        else:
            self.guild_commands[guild_id] = new
        return list(new.values())

    def messages_in(self, channel_id: int) -> list[StoredMessage]:
        return [m for m in self.messages.values() if m.channel_id == channel_id]

    def new_message(self, channel: Channel, author: SimUser, body: JSON, files: list[Attachment],
                    **extra: Any) -> StoredMessage:
        message = StoredMessage(
            id=self.ids.next(),
            channel_id=channel.id,
            author=author,
            content=body.get("content") or "",
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            attachments=files,
            flags=body.get("flags") or 0,
            allowed_mentions=body.get("allowed_mentions"),
            guild_id=channel.guild_id,
            **extra,
        )
        self.messages[message.id] = message
        return message

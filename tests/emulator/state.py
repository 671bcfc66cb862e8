"""What the emulated Discord knows: users, guilds, channels, messages, commands.

Objects here hold plain data and know how to render themselves as Discord API
v10 JSON, because both the REST side and the gateway side must describe the
same object identically or discord.py's caches disagree with each other.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

JSON = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000

# Permission bits the emulator reasons about (Discord's numbering).
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
ALL_PERMISSIONS = (1 << 53) - 1
DEFAULT_PERMISSIONS = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | ADD_REACTIONS
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_APPLICATION_COMMANDS
)

EPHEMERAL = 1 << 6
LOADING = 1 << 7

TEXT_CHANNEL = 0
DM_CHANNEL = 1


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()


class Snowflakes:
    """Issues ids whose timestamp part grows by at least 1 ms per id.

    Distinct timestamp parts matter: shard routing uses ``(id >> 22) % count``, so
    guilds created in one burst must still spread over the shards.
    """

    def __init__(self) -> None:
        self._last_ms = 0

    def next(self) -> int:
        ms = max(int(time.time() * 1000) - DISCORD_EPOCH_MS, self._last_ms + 1)
        self._last_ms = ms
        return ms << 22


@dataclass
class SimUser:
    """A Discord account: a simulated person, or the bot itself."""

    id: int
    name: str
    locale: str = "en-US"
    dm_open: bool = True
    bot: bool = False

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "username": self.name,
            "global_name": self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass
class Role:
    id: int
    name: str
    permissions: int
    position: int = 0

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
        }


@dataclass
class Member:
    user: SimUser
    guild_id: int
    role_ids: list[int]
    joined_at: float

    def payload(self, permissions: int | None = None) -> JSON:
        data: JSON = {
            "user": self.user.payload(),
            "roles": [str(r) for r in self.role_ids],
            "joined_at": iso(self.joined_at),
            "nick": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
        }
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data


@dataclass
class Channel:
    id: int
    type: int
    name: str = ""
    guild_id: int | None = None
    position: int = 0
    recipient: SimUser | None = None
    # Permission bits denied to the bot by a member overwrite in this channel.
    bot_denied: int = 0

    def payload(self, bot_id: int) -> JSON:
        if self.type == DM_CHANNEL:
            assert self.recipient is not None
            return {
                "id": str(self.id),
                "type": DM_CHANNEL,
                "recipients": [self.recipient.payload()],
                "last_message_id": None,
            }
        overwrites = []
        if self.bot_denied:
            overwrites.append(
                {"id": str(bot_id), "type": 1, "allow": "0", "deny": str(self.bot_denied)}
            )
        return {
            "id": str(self.id),
            "type": self.type,
            "name": self.name,
            "guild_id": str(self.guild_id),
            "position": self.position,
            "permission_overwrites": overwrites,
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
        }


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    preferred_locale: str = "en-US"
    roles: list[Role] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    members: dict[int, Member] = field(default_factory=dict)

    def permissions_of(self, user_id: int, channel: Channel | None = None, *,
                       bot_id: int = 0) -> int:
        """Total permissions, as Discord computes them for ``member.permissions``."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.members.get(user_id)
        role_ids = {self.id, *(member.role_ids if member else [])}
        perms = 0
        for role in self.roles:
            if role.id in role_ids:
                perms |= role.permissions
        if perms & ADMINISTRATOR:
            return ALL_PERMISSIONS
        if channel is not None and user_id == bot_id:
            perms &= ~channel.bot_denied
        return perms

    def payload(self, bot_id: int, *, all_members: bool = True) -> JSON:
        """The GUILD_CREATE body (also good enough for GET /guilds/{id}).

        Without the GUILD_MEMBERS intent Discord lists only the bot's own member.
        """
        members = [m for m in self.members.values() if all_members or m.user.id == bot_id]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.owner_id),
            "preferred_locale": self.preferred_locale,
            "roles": [r.payload() for r in self.roles],
            "channels": [c.payload(bot_id) for c in self.channels],
            "members": [m.payload() for m in members],
            "member_count": len(self.members),
            "joined_at": iso(time.time()),
            "large": False,
            "unavailable": False,
            "features": [],
        }


@dataclass
class Attachment:
    id: int
    filename: str
    data: bytes
    content_type: str = "application/octet-stream"
    description: str | None = None

    def payload(self, base_url: str, channel_id: int) -> JSON:
        url = f"{base_url}/attachments/{channel_id}/{self.id}/{self.filename}"
        return {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": url,
            "proxy_url": url,
            "content_type": self.content_type,
            "description": self.description,
        }


# Editable fields and what a JSON null in an edit resets them to.
EDITABLE_FIELDS: dict[str, Any] = {"content": "", "embeds": [], "components": []}


@dataclass
class StoredMessage:
    """A message the bot (or a simulated user) posted, with every earlier version."""

    id: int
    channel_id: int
    author: SimUser
    content: str = ""
    embeds: list[JSON] = field(default_factory=list)
    components: list[JSON] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    flags: int = 0
    guild_id: int | None = None
    interaction_id: int | None = None
    application_id: int | None = None
    created: float = field(default_factory=time.time)
    edited: float | None = None
    deleted: bool = False
    history: list[JSON] = field(default_factory=list)
    allowed_mentions: JSON | None = None

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        return bool(self.flags & LOADING)

    def snapshot(self) -> JSON:
        return {
            "content": self.content,
            "embeds": self.embeds,
            "components": self.components,
            "attachments": [a.filename for a in self.attachments],
            "flags": self.flags,
        }

    def apply_edit(self, body: JSON, attachments: list[Attachment] | None) -> None:
        self.history.append(self.snapshot())
        for key, empty in EDITABLE_FIELDS.items():
            if key in body:
                setattr(self, key, empty if body[key] is None else body[key])
        # Editing a deferred response clears LOADING; ephemerality cannot change.
        flags = body.get("flags")
        self.flags = (self.flags if flags is None else flags) & ~(LOADING | EPHEMERAL)
        self.flags |= self.history[-1]["flags"] & EPHEMERAL
        if attachments is not None:
            self.attachments = attachments
        if "allowed_mentions" in body:
            self.allowed_mentions = body["allowed_mentions"]
        self.edited = time.time()

    def pings(self) -> set[str]:
        """Who this message notifies: user ids, ``"role:<id>"``, ``"everyone"``.

        Discord parses mentions from the text but notifies only whom
        ``allowed_mentions`` permits (everyone it finds when it is absent).
        """
        allowed = self.allowed_mentions
        parse = {"users", "roles", "everyone"} if allowed is None else set(allowed.get("parse", []))
        users = set((allowed or {}).get("users", []))
        roles = set((allowed or {}).get("roles", []))
        found: set[str] = set()
        for uid in re.findall(r"<@!?(\d+)>", self.content):
            if "users" in parse or uid in users:
                found.add(uid)
        for rid in re.findall(r"<@&(\d+)>", self.content):
            if "roles" in parse or rid in roles:
                found.add(f"role:{rid}")
        if "everyone" in parse and re.search(r"@(everyone|here)\b", self.content):
            found.add("everyone")
        return found

    def buttons(self) -> list[JSON]:
        """Every interactive component (buttons, selects), however deeply nested."""
        found: list[JSON] = []

        def walk(items: list[JSON]) -> None:
            for item in items:
                if "custom_id" in item and item.get("type") != 4:
                    found.append(item)
                walk(item.get("components", []))
                for key in ("component", "accessory"):
                    if isinstance(item.get(key), dict):
                        walk([item[key]])

        walk(self.components)
        return found

    def payload(self, base_url: str) -> JSON:
        data: JSON = {
            "id": str(self.id),
            "type": 20 if self.interaction_id else 0,
            "channel_id": str(self.channel_id),
            "author": self.author.payload(),
            "content": self.content,
            "timestamp": iso(self.created),
            "edited_timestamp": iso(self.edited) if self.edited else None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [a.payload(base_url, self.channel_id) for a in self.attachments],
            "embeds": [{"type": "rich", **e} for e in self.embeds],
            "components": self.components,
            "pinned": False,
            "flags": self.flags,
        }
        if self.guild_id is not None:
            data["guild_id"] = str(self.guild_id)
        if self.application_id is not None:
            data["webhook_id"] = str(self.application_id)
            data["application_id"] = str(self.application_id)
        return data


@dataclass
class RecordedRequest:
    """One HTTP request the bot made, for assertions like "nothing was posted twice"."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[str]
    status: int = 0
    at: float = field(default_factory=time.monotonic)


@dataclass
class Application:
    id: int
    name: str
    owner: SimUser

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "name": self.name,
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.owner.payload(),
            "verify_key": "0" * 64,
            "flags": 0,
            "team": None,
            "summary": "",
        }

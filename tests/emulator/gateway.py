"""The gateway: HELLO, IDENTIFY/READY, heartbeats, dispatch with sequence numbers, RESUME.

Events are kept per session so a client that lost its socket can RESUME and
get exactly the events it missed, which is what the bot's reconnect logic
relies on. Frames are plain JSON text: discord.py asks for zlib but parses
uncompressed text frames too.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from .state import JSON, Guild
from .world import World

HELLO, IDENTIFY, RESUME, HEARTBEAT, HEARTBEAT_ACK, REQUEST_MEMBERS = 10, 2, 6, 1, 11, 8
DISPATCH, RECONNECT, INVALID_SESSION = 0, 7, 9

# Intent bits for the events the emulator filters.
GUILD_MEMBERS = 1 << 1
GUILD_MESSAGES = 1 << 9
DIRECT_MESSAGES = 1 << 12
MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = GUILD_MEMBERS | 1 << 8 | MESSAGE_CONTENT  # members, presences, content
HIDDEN_WITHOUT_CONTENT_INTENT = {"content": "", "embeds": [], "attachments": [], "components": []}


@dataclass
class Session:
    id: str
    shard: tuple[int, int]
    intents: int
    seq: int = 0
    sent: list[tuple[int, str]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None
    request: web.Request | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def owns(self, guild_id: int | None) -> bool:
        shard_id, count = self.shard
        return ((guild_id or 0) >> 22) % count == shard_id

    async def push(self, event: str, data: JSON) -> None:
        """Numbers and keeps the event; sends it now if a socket is attached."""
        async with self.lock:
            self.seq += 1
            frame = json.dumps({"op": DISPATCH, "t": event, "s": self.seq, "d": data})
            self.sent.append((self.seq, frame))
            if self.ws is not None and not self.ws.closed:
                await self.ws.send_str(frame)


class Gateway:
    def __init__(self, world: World, url: Callable[[], str], heartbeat_interval: int,
                 on_change: Callable[[], None], allowed_privileged: int) -> None:
        self.world = world
        self.allowed_privileged = allowed_privileged
        self._url = url
        self.heartbeat_interval = heartbeat_interval
        self._on_change = on_change
        self.sessions: dict[str, Session] = {}
        self.connections = 0
        self.identifies = 0
        self.resumes = 0
        self.received: list[JSON] = []  # every frame a client sent, for assertions

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.connections += 1
        session: Session | None = None
        await ws.send_json({"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval}})
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                frame: JSON = json.loads(msg.data)
                self.received.append(frame)
                op, data = frame.get("op"), frame.get("d") or {}
                if op == HEARTBEAT:
                    await ws.send_json({"op": HEARTBEAT_ACK})
                elif op == IDENTIFY:
                    session = await self._identify(ws, request, data)
                elif op == RESUME:
                    session = await self._resume(ws, request, data)
                elif op == REQUEST_MEMBERS and session is not None:
                    await self._members_chunk(session, data)
                self._on_change()
        finally:
            if session is not None and session.ws is ws:
                session.ws = None
            self._on_change()
        return ws

    async def _identify(self, ws: web.WebSocketResponse, request: web.Request,
                        data: JSON) -> Session | None:
        if data.get("token") != self.world.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        intents = int(data.get("intents", 0))
        if intents & PRIVILEGED_INTENTS & ~self.allowed_privileged:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return None
        shard_id, count = data.get("shard") or (0, 1)
        # A new IDENTIFY for a shard replaces that shard's old session.
        for old_id in [k for k, s in self.sessions.items() if s.shard == (shard_id, count)]:
            del self.sessions[old_id]
        session = Session(secrets.token_hex(16), (shard_id, count), intents, ws=ws,
                          request=request)
        self.sessions[session.id] = session
        guilds = [g for g in self.world.guilds.values() if session.owns(g.id)]
        ready: JSON = {
            "v": 10,
            "user": {**self.world.bot.payload(), "verified": True, "mfa_enabled": False,
                     "flags": 0},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "resume_gateway_url": self._url(),
            "session_type": "normal",
            "application": {"id": str(self.world.application.id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "user_settings": {},
            "geo_ordered_rtc_regions": [],
        }
        if data.get("shard"):
            ready["shard"] = [shard_id, count]
        await session.push("READY", ready)
        for guild in guilds:
            await self._guild_create(session, guild)
        self.identifies += 1  # counted once the client has everything it needs to be ready
        return session

    async def _guild_create(self, session: Session, guild: Guild) -> None:
        all_members = bool(session.intents & GUILD_MEMBERS)
        await session.push("GUILD_CREATE", guild.payload(self.world.bot.id,
                                                         all_members=all_members))

    async def _members_chunk(self, session: Session, data: JSON) -> None:
        """Answers op 8 in one chunk, so a client with the members intent is not kept waiting."""
        guild = self.world.guilds.get(int(data.get("guild_id") or 0))
        if guild is None:
            return
        members = [m.payload() for m in guild.members.values()]
        chunk: JSON = {"guild_id": str(guild.id), "members": members, "chunk_index": 0,
                       "chunk_count": 1, "not_found": []}
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await session.push("GUILD_MEMBERS_CHUNK", chunk)

    async def announce_guild(self, guild: Guild) -> None:
        for session in self._targets(guild.id):
            await self._guild_create(session, guild)

    async def _resume(self, ws: web.WebSocketResponse, request: web.Request,
                      data: JSON) -> Session | None:
        session = self.sessions.get(data.get("session_id", ""))
        if session is None or data.get("token") != self.world.token:
            await ws.send_json({"op": INVALID_SESSION, "d": False})
            return None
        last_seen = int(data.get("seq") or 0)
        async with session.lock:
            if session.ws is not None and not session.ws.closed:
                await session.ws.close(code=4000)
            session.ws, session.request = ws, request
            for seq, frame in session.sent:
                if seq > last_seen:
                    await ws.send_str(frame)
        await session.push("RESUMED", {})
        self.resumes += 1
        return session

    # -- events and faults, driven by the Emulator ----------------------------

    def _targets(self, guild_id: int | None) -> list[Session]:
        return [s for s in self.sessions.values() if s.owns(guild_id)]

    def _visible(self, session: Session, event: str, data: JSON) -> JSON:
        """Without MESSAGE_CONTENT a bot sees guild messages of others only if mentioned."""
        if (
            not event.startswith("MESSAGE_")
            or "guild_id" not in data
            or session.intents & MESSAGE_CONTENT
            or data.get("author", {}).get("id") in (None, str(self.world.bot.id))
            or f"<@{self.world.bot.id}>" in data.get("content", "")
        ):
            return data
        return {**data, **HIDDEN_WITHOUT_CONTENT_INTENT}

    async def dispatch(self, event: str, data: JSON, *, guild_id: int | None = None,
                       intent: int = 0) -> None:
        """Sends to the shard that owns ``guild_id`` (DMs go to shard 0)."""
        for session in self._targets(guild_id):
            if intent == 0 or session.intents & intent:
                await session.push(event, self._visible(session, event, data))

    def _live(self, shard_id: int | None) -> list[Session]:
        return [s for s in self.sessions.values() if shard_id is None or s.shard[0] == shard_id]

    async def drop(self, *, code: int | None = 4000, shard_id: int | None = None) -> None:
        """Closes live sockets; ``code=None`` cuts TCP without a close frame."""
        for session in self._live(shard_id):
            ws, request = session.ws, session.request
            session.ws = None
            if ws is None or ws.closed:
                continue
            if code is None and request is not None and request.transport is not None:
                request.transport.close()
            else:
                await ws.close(code=code or 4000)

    async def send_op(self, op: int, d: Any, shard_id: int | None = None) -> None:
        for session in self._live(shard_id):
            if session.ws is not None and not session.ws.closed:
                await session.ws.send_json({"op": op, "d": d})

    async def reconnect(self, shard_id: int | None = None) -> None:
        await self.send_op(RECONNECT, None, shard_id)

    async def invalidate(self, *, resumable: bool = False, shard_id: int | None = None) -> None:
        targets = self._live(shard_id)
        await self.send_op(INVALID_SESSION, resumable, shard_id)
        if not resumable:
            for session in targets:
                self.sessions.pop(session.id, None)

    def connected(self) -> bool:
        return any(s.ws is not None and not s.ws.closed for s in self.sessions.values())

    async def close(self) -> None:
        for session in self.sessions.values():
            if session.ws is not None and not session.ws.closed:
                await session.ws.close(code=1001)

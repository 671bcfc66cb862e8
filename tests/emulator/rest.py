"""REST API v10: the routes discord.py uses for login, commands, interactions and messages.

One middleware does the cross-cutting work in Discord's order: record the
request, check the bot token (not on webhook/interaction routes, which are
authorised by their token), apply queued faults, apply rate limits, then run
the route and stamp rate-limit headers on the answer.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from aiohttp import BodyPartReader, web

from .faults import FaultPlan, RateLimits, Reply
from .gateway import DIRECT_MESSAGES, GUILD_MESSAGES, Gateway
from .interactions import (
    AUTOCOMPLETE,
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_MESSAGE,
    DEFERRED_UPDATE,
    MODAL,
    UPDATE_MESSAGE,
    Callback,
    InteractionRecord,
)
from .state import (
    DM_CHANNEL,
    EPHEMERAL,
    JSON,
    LOADING,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    Attachment,
    Channel,
    RecordedRequest,
    StoredMessage,
)
from .validation import (
    autocomplete_problems,
    commands_problems,
    message_problems,
    modal_problems,
)
from .world import World

ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

API = "/api/v10"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ApiError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: JSON | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def body(self) -> JSON:
        body: JSON = {"message": self.message, "code": self.code}
        if self.errors:
            body["errors"] = self.errors
        return body


def check(errors: JSON) -> None:
    """Raises Discord's "Invalid Form Body" when the validators found anything."""
    if errors:
        raise ApiError(400, 50035, "Invalid Form Body", errors)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None
                  ) -> web.Response:
    """discord.py parses JSON only for Content-Type exactly ``application/json``."""
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={**(headers or {}), "Content-Type": "application/json"})


@dataclass
class Upload:
    filename: str
    data: bytes
    content_type: str


BODY: web.RequestKey[Any] = web.RequestKey("body", object)
UPLOADS: web.RequestKey[dict[int, Upload]] = web.RequestKey("uploads", dict)


async def read_body(request: web.Request) -> tuple[Any, dict[int, Upload]]:
    """JSON body, or multipart ``payload_json`` plus ``files[n]`` as discord.py sends them."""
    uploads: dict[int, Upload] = {}
    if request.content_type.startswith("multipart/"):
        payload: Any = None
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, BodyPartReader):  # nested multipart: not used
                continue
            if part.name == "payload_json":
                payload = json.loads(await part.text())
            elif part.filename is not None and part.name is not None:
                index = int(part.name.removeprefix("files[").rstrip("]") or 0)
                ctype = part.headers.get("Content-Type", "application/octet-stream")
                uploads[index] = Upload(part.filename, bytes(await part.read()), ctype)
        return payload, uploads
    text = await request.text() if request.can_read_body else ""
    return (json.loads(text) if text else None), uploads


class Settings(Protocol):
    """What the routes need to know about the running emulator (the Emulator itself)."""

    @property
    def base_url(self) -> str: ...
    @property
    def gateway_url(self) -> str: ...

    interaction_deadline: float
    followup_window: float
    recommended_shards: int


class RestApi:
    def __init__(self, world: World, gateway: Gateway, faults: FaultPlan, limits: RateLimits,
                 interactions: dict[int, InteractionRecord], settings: Settings,
                 on_change: Callable[[], None]) -> None:
        self.world = world
        self.gateway = gateway
        self.faults = faults
        self.limits = limits
        self.interactions = interactions
        self.settings = settings
        self._on_change = on_change

    def install(self, app: web.Application) -> None:
        app.middlewares.append(self.middleware)
        r = app.router
        r.add_get(API + "/users/@me", self.me)
        r.add_get(API + "/oauth2/applications/@me", self.application)
        r.add_get(API + "/gateway", self.gateway_url)
        r.add_get(API + "/gateway/bot", self.gateway_url)
        for prefix in ("/applications/{app_id}", "/applications/{app_id}/guilds/{guild_id}"):
            r.add_get(API + prefix + "/commands", self.get_commands)
            r.add_put(API + prefix + "/commands", self.put_commands)
        r.add_post(API + "/interactions/{interaction_id}/{token}/callback", self.callback)
        r.add_post(API + "/webhooks/{app_id}/{token}", self.followup)
        hook_msg = API + "/webhooks/{app_id}/{token}/messages/{message_id}"
        r.add_get(hook_msg, self.hook_get)
        r.add_patch(hook_msg, self.hook_edit)
        r.add_delete(hook_msg, self.hook_delete)
        r.add_post(API + "/users/@me/channels", self.open_dm)
        r.add_get(API + "/users/{user_id:\\d+}", self.get_user)
        r.add_get(API + "/channels/{channel_id}", self.get_channel)
        r.add_get(API + "/channels/{channel_id}/messages", self.history)
        r.add_post(API + "/channels/{channel_id}/messages", self.post_message)
        r.add_post(API + "/channels/{channel_id}/typing", self.typing)
        msg = API + "/channels/{channel_id}/messages/{message_id}"
        r.add_get(msg, self.get_message)
        r.add_patch(msg, self.edit_message)
        r.add_delete(msg, self.delete_message)
        r.add_get(API + "/guilds/{guild_id}", self.get_guild)
        r.add_get(API + "/guilds/{guild_id}/members/{user_id}", self.get_member)
        r.add_get("/attachments/{channel_id}/{attachment_id}/{filename}", self.attachment)
        r.add_route("*", API + "/{tail:.*}", self.not_found)

    # -- the cross-cutting part ---------------------------------------------

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(API + "/"):
            return await handler(request)
        sub = request.path[len(API):]
        body, uploads = await read_body(request)
        request[BODY], request[UPLOADS] = body, uploads
        record = RecordedRequest(request.method, sub, dict(request.query), body,
                                 [u.filename for u in uploads.values()])
        self.world.requests.append(record)
        try:
            response = await self._answer(request, handler, sub)
        except ApiError as exc:
            response = json_response(exc.body(), exc.status)
        record.status = response.status
        self._on_change()
        return response

    async def _answer(self, request: web.Request, handler: Handler, sub: str
                      ) -> web.StreamResponse:
        token_route = sub.startswith(("/webhooks/", "/interactions/"))
        expected = f"Bot {self.world.token}"
        if not token_route and request.headers.get("Authorization") != expected:
            raise ApiError(401, 0, "401: Unauthorized")
        resource = request.match_info.route.resource
        template = resource.canonical if resource is not None else sub
        info = request.match_info
        major = info.get("channel_id") or info.get("guild_id") or info.get("token") or ""
        fault = self.faults.take(request.method, sub, f"{request.method} {template}")
        if fault is not None:
            return self._reply(fault)
        limited = self.limits.admit(request.method, template, major, not token_route)
        if limited is not None:
            return self._reply(limited)
        response = await handler(request)
        response.headers.update(self.limits.headers(request.method, template, major))
        return response

    @staticmethod
    def _reply(reply: Reply) -> web.Response:
        return json_response(reply.body, reply.status, reply.headers)

    async def _announce(self, event: str, message: StoredMessage) -> None:
        """MESSAGE_CREATE/UPDATE over the gateway, as Discord echoes the bot's own posts."""
        if message.ephemeral:
            return
        data = message.payload(self.settings.base_url)
        intent = DIRECT_MESSAGES if message.guild_id is None else GUILD_MESSAGES
        await self.gateway.dispatch(event, data, guild_id=message.guild_id, intent=intent)

    # -- lookups -------------------------------------------------------------

    def _channel(self, request: web.Request) -> Channel:
        channel = self.world.channels.get(int(request.match_info["channel_id"]))
        if channel is None:
            raise ApiError(404, 10003, "Unknown Channel")
        return channel

    def _message(self, message_id: int | None, channel_id: int | None = None) -> StoredMessage:
        message = self.world.messages.get(message_id) if message_id is not None else None
        if message is None or message.deleted or (
            channel_id is not None and message.channel_id != channel_id
        ):
            raise ApiError(404, 10008, "Unknown Message")
        return message

    def _attachments(self, body: JSON, uploads: dict[int, Upload],
                     existing: list[Attachment] | None) -> list[Attachment] | None:
        """New uploads plus kept attachments; ``None`` means "leave them as they are"."""
        if "attachments" not in body and not uploads:
            return None
        if any(len(up.data) > ATTACHMENT_SIZE_LIMIT for up in uploads.values()):
            raise ApiError(413, 40005, "Request entity too large")
        kept = {str(a.id): a for a in existing or []}
        out: list[Attachment] = []
        used: set[int] = set()
        for entry in body.get("attachments") or []:
            key = str(entry.get("id"))
            if key in kept:
                out.append(kept[key])
            elif key.isdigit() and int(key) in uploads:
                up = uploads[int(key)]
                used.add(int(key))
                out.append(Attachment(self.world.ids.next(), entry.get("filename") or up.filename,
                                      up.data, up.content_type, entry.get("description")))
        for index, up in sorted(uploads.items()):
            if index not in used:
                out.append(Attachment(self.world.ids.next(), up.filename, up.data,
                                      up.content_type))
        return out

    @staticmethod
    def _require_something(body: JSON, files: list[Attachment]) -> None:
        if not (body.get("content") or body.get("embeds") or body.get("components") or files):
            raise ApiError(400, 50006, "Cannot send an empty message")

    def _payload(self, message: StoredMessage) -> JSON:
        return message.payload(self.settings.base_url)

    # -- login and gateway discovery -----------------------------------------

    async def me(self, request: web.Request) -> web.Response:
        return json_response({**self.world.bot.payload(), "verified": True, "flags": 0,
                              "mfa_enabled": False})

    async def application(self, request: web.Request) -> web.Response:
        return json_response(self.world.application.payload())

    async def gateway_url(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 86_400_000,
                 "max_concurrency": 1}
        return json_response({"url": self.settings.gateway_url,
                              "shards": self.settings.recommended_shards,
                              "session_start_limit": limit})

    # -- application commands ------------------------------------------------

    def _check_app(self, request: web.Request) -> int | None:
        if request.match_info["app_id"] != str(self.world.application.id):
            raise ApiError(403, 50001, "Missing Access")
        gid = request.match_info.get("guild_id")
        if gid is not None and int(gid) not in self.world.guilds:
            raise ApiError(403, 50001, "Missing Access")
        return int(gid) if gid is not None else None

    async def get_commands(self, request: web.Request) -> web.Response:
        gid = self._check_app(request)
        store = self.world.global_commands if gid is None else self.world.guild_commands.get(
            gid, {})
        return json_response(list(store.values()))

    async def put_commands(self, request: web.Request) -> web.Response:
        gid = self._check_app(request)
        bodies = request[BODY] or []
        check(commands_problems(bodies))
        return json_response(self.world.replace_commands(gid, bodies))

    # -- interactions and their webhooks ---------------------------------------

    def _interaction_by_token(self, request: web.Request) -> InteractionRecord:
        token = request.match_info["token"]
        for record in self.interactions.values():
            if record.token == token:
                # An autocomplete answer is not a message: there is nothing to follow up.
                if not record.callbacks or record.type == AUTOCOMPLETE:
                    raise ApiError(404, 10015, "Unknown Webhook")
                if time.monotonic() - record.created > self.settings.followup_window:
                    raise ApiError(401, 50027, "Invalid Webhook Token")
                return record
        raise ApiError(404, 10015, "Unknown Webhook")

    async def callback(self, request: web.Request) -> web.Response:
        now = time.monotonic()
        record = self.interactions.get(int(request.match_info["interaction_id"]))
        if record is None or record.token != request.match_info["token"]:
            raise ApiError(404, 10062, "Unknown interaction")
        if record.callbacks:
            record.rejected.append((40060, now))
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        if now - record.created > self.settings.interaction_deadline:
            record.rejected.append((10062, now))
            raise ApiError(404, 10062, "Unknown interaction")
        body: JSON = request[BODY] or {}
        kind, data = int(body.get("type", 0)), body.get("data") or {}
        if record.type == AUTOCOMPLETE or kind == AUTOCOMPLETE_RESULT:
            return self._autocomplete_result(record, kind, data, now)
        if kind not in (CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL):
            raise ApiError(400, 50035, "Invalid Form Body")
        if kind in (DEFERRED_UPDATE, UPDATE_MESSAGE) and record.original_id is None:
            raise ApiError(400, 50035, "Invalid Form Body")
        check(modal_problems(data) if kind == MODAL else message_problems(data))
        files = self._attachments(data, request[UPLOADS], None) or []
        if kind == CHANNEL_MESSAGE:
            self._require_something(data, files)
        record.callbacks.append(Callback(kind, data, now))
        message: StoredMessage | None = None
        if kind in (CHANNEL_MESSAGE, DEFERRED_MESSAGE):
            flags = (data.get("flags") or 0) & EPHEMERAL
            if kind == DEFERRED_MESSAGE:
                data = {"flags": flags | LOADING}
            message = self.world.new_message(record.channel, self.world.bot, data, files,
                                             interaction_id=record.id,
                                             application_id=self.world.application.id)
            record.original_id = message.id
            await self._announce("MESSAGE_CREATE", message)
        elif kind == UPDATE_MESSAGE:
            message = self._message(record.original_id)
            message.apply_edit(data, self._attachments(data, request[UPLOADS],
                                                       message.attachments))
            await self._announce("MESSAGE_UPDATE", message)
        if request.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)  # the callback's resource only when asked for
        answer: JSON = {"interaction": {
            "id": str(record.id), "type": record.type,
            "response_message_loading": kind == DEFERRED_MESSAGE,
            "response_message_ephemeral": bool(message and message.ephemeral),
        }}
        if message is not None:
            answer["interaction"]["response_message_id"] = str(message.id)
            answer["resource"] = {"type": kind, "message": self._payload(message)}
        return json_response(answer)

    @staticmethod
    def _autocomplete_result(record: InteractionRecord, kind: int, data: JSON, now: float
                             ) -> web.Response:
        """Type 8 answers an autocomplete and nothing else answers one (no message exists)."""
        errors: JSON = {}
        if (kind == AUTOCOMPLETE_RESULT) != (record.type == AUTOCOMPLETE):
            errors = {"type": {"_errors": [{"code": "BASE_TYPE_CHOICES",
                                            "message": "Interaction response type invalid."}]}}
        elif record.focused_option is not None:
            found = autocomplete_problems(data, record.focused_option)
            errors = {"data": found} if found else {}
        if errors:
            record.rejected.append((50035, now))
            record.errors.append(errors)
            check(errors)
        record.callbacks.append(Callback(kind, data, now))
        return json_response({"interaction": {
            "id": str(record.id), "type": record.type,
            "response_message_loading": False, "response_message_ephemeral": False,
        }})

    async def followup(self, request: web.Request) -> web.Response:
        record = self._interaction_by_token(request)
        body: JSON = request[BODY] or {}
        check(message_problems(body))
        files = self._attachments(body, request[UPLOADS], None) or []
        self._require_something(body, files)
        body = {**body, "flags": (body.get("flags") or 0) & EPHEMERAL}
        message = self.world.new_message(record.channel, self.world.bot, body, files,
                                         interaction_id=record.id,
                                         application_id=self.world.application.id)
        record.followup_ids.append(message.id)
        await self._announce("MESSAGE_CREATE", message)
        if request.query.get("wait") in ("1", "true", "True"):
            return json_response(self._payload(message))
        return web.Response(status=204)

    def _hook_message(self, request: web.Request) -> tuple[InteractionRecord, StoredMessage]:
        record = self._interaction_by_token(request)
        raw = request.match_info["message_id"]
        mid = record.original_id if raw == "@original" else int(raw)
        if mid not in (record.original_id, *record.followup_ids):
            raise ApiError(404, 10008, "Unknown Message")
        return record, self._message(mid)

    async def hook_get(self, request: web.Request) -> web.Response:
        return json_response(self._payload(self._hook_message(request)[1]))

    async def hook_edit(self, request: web.Request) -> web.Response:
        _, message = self._hook_message(request)
        body: JSON = request[BODY] or {}
        check(message_problems({**body, "flags": body.get("flags", message.flags)}))
        message.apply_edit(body, self._attachments(body, request[UPLOADS], message.attachments))
        await self._announce("MESSAGE_UPDATE", message)
        return json_response(self._payload(message))

    async def hook_delete(self, request: web.Request) -> web.Response:
        _, message = self._hook_message(request)
        await self._delete(message)
        return web.Response(status=204)

    # -- channels, DMs, messages ---------------------------------------------

    async def open_dm(self, request: web.Request) -> web.Response:
        body: JSON = request[BODY] or {}
        user = self.world.users.get(int(body.get("recipient_id") or 0))
        if user is None:
            raise ApiError(400, 50035, "Invalid Form Body")
        return json_response(self.world.dm_channel(user).payload(self.world.bot.id))

    async def get_user(self, request: web.Request) -> web.Response:
        user = self.world.users.get(int(request.match_info["user_id"]))
        if user is None:
            raise ApiError(404, 10013, "Unknown User")
        return json_response(user.payload())

    async def get_channel(self, request: web.Request) -> web.Response:
        return json_response(self._channel(request).payload(self.world.bot.id))

    async def history(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        limit = int(request.query.get("limit", 50))
        visible = [m for m in self.world.messages_in(channel.id)
                   if not m.deleted and not m.ephemeral]
        return json_response([self._payload(m) for m in reversed(visible)][:limit])

    def _check_can_send(self, channel: Channel) -> None:
        if channel.type == DM_CHANNEL:
            assert channel.recipient is not None
            if not channel.recipient.dm_open:
                raise ApiError(403, 50007, "Cannot send messages to this user")
            return
        guild = self.world.guild_of(channel)
        assert guild is not None
        bot_id = self.world.bot.id
        perms = guild.permissions_of(bot_id, channel, bot_id=bot_id)
        if perms & (VIEW_CHANNEL | SEND_MESSAGES) != VIEW_CHANNEL | SEND_MESSAGES:
            raise ApiError(403, 50013, "Missing Permissions")

    async def post_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        self._check_can_send(channel)
        body: JSON = request[BODY] or {}
        check(message_problems(body))
        files = self._attachments(body, request[UPLOADS], None) or []
        self._require_something(body, files)
        body = {**body, "flags": (body.get("flags") or 0) & ~EPHEMERAL}
        message = self.world.new_message(channel, self.world.bot, body, files)
        await self._announce("MESSAGE_CREATE", message)
        return json_response(self._payload(message))

    async def typing(self, request: web.Request) -> web.Response:
        self._check_can_send(self._channel(request))
        return web.Response(status=204)

    async def get_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        return json_response(self._payload(
            self._message(int(request.match_info["message_id"]), channel.id)))

    async def edit_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        message = self._message(int(request.match_info["message_id"]), channel.id)
        if message.author.id != self.world.bot.id:
            raise ApiError(403, 50005, "Cannot edit a message authored by another user")
        body: JSON = request[BODY] or {}
        check(message_problems({**body, "flags": body.get("flags", message.flags)}))
        message.apply_edit(body, self._attachments(body, request[UPLOADS], message.attachments))
        await self._announce("MESSAGE_UPDATE", message)
        return json_response(self._payload(message))

    async def delete_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        await self._delete(self._message(int(request.match_info["message_id"]), channel.id))
        return web.Response(status=204)

    async def _delete(self, message: StoredMessage) -> None:
        message.deleted = True
        if not message.ephemeral:
            data: JSON = {"id": str(message.id), "channel_id": str(message.channel_id)}
            if message.guild_id is not None:
                data["guild_id"] = str(message.guild_id)
            intent = DIRECT_MESSAGES if message.guild_id is None else GUILD_MESSAGES
            await self.gateway.dispatch("MESSAGE_DELETE", data, guild_id=message.guild_id,
                                        intent=intent)

    # -- guilds ----------------------------------------------------------------

    async def get_guild(self, request: web.Request) -> web.Response:
        guild = self.world.guilds.get(int(request.match_info["guild_id"]))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        return json_response(guild.payload(self.world.bot.id))

    async def get_member(self, request: web.Request) -> web.Response:
        guild = self.world.guilds.get(int(request.match_info["guild_id"]))
        if guild is None:
            raise ApiError(404, 10004, "Unknown Guild")
        member = guild.members.get(int(request.match_info["user_id"]))
        if member is None:
            raise ApiError(404, 10007, "Unknown Member")
        return json_response(member.payload())

    async def attachment(self, request: web.Request) -> web.Response:
        aid = int(request.match_info["attachment_id"])
        for message in self.world.messages.values():
            for att in message.attachments:
                if att.id == aid:
                    return web.Response(body=att.data, content_type=att.content_type)
        raise web.HTTPNotFound()

    async def not_found(self, request: web.Request) -> web.Response:
        raise ApiError(404, 0, "404: Not Found")

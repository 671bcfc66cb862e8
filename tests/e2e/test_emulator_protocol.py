"""The emulator's wire details that discord.py depends on, checked with a raw HTTP/WS client.

These are the answers a client cannot be tested against unless the emulator
gets them exactly right: header names, error codes, shard routing, limits.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from tests.emulator import Emulator, Guild, SimUser


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


def bot_auth(emu: Emulator) -> dict[str, str]:
    return {"Authorization": f"Bot {emu.token}"}


async def register(emu: Emulator, http: aiohttp.ClientSession, name: str = "study") -> None:
    url = f"{emu.api_base}/applications/{emu.application_id}/commands"
    body = [{"name": name, "description": "Study", "options": []}]
    async with http.put(url, json=body, headers=bot_auth(emu)) as resp:
        assert resp.status == 200


async def callback(emu: Emulator, http: aiohttp.ClientSession, record_id: int, token: str,
                   body: dict[str, Any]) -> tuple[int, Any]:
    url = f"{emu.api_base}/interactions/{record_id}/{token}/callback?with_response=1"
    async with http.post(url, json=body) as resp:
        return resp.status, await resp.json(content_type=None)


async def test_wrong_token_is_401_code_0_with_exact_json_content_type(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    async with http.get(f"{emu.api_base}/users/@me",
                        headers={"Authorization": "Bot nope"}) as resp:
        assert resp.status == 401
        assert resp.headers["Content-Type"] == "application/json"
        assert await resp.json() == {"message": "401: Unauthorized", "code": 0}
    async with http.get(f"{emu.api_base}/users/@me", headers=bot_auth(emu)) as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"] == "application/json"
        assert (await resp.json())["id"] == str(emu.bot_user.id)
        assert int(resp.headers["X-RateLimit-Remaining"]) > 0
        assert "X-RateLimit-Bucket" in resp.headers
    assert [(r.path, r.status) for r in emu.requests("GET /users/@me")] == [
        ("/users/@me", 401), ("/users/@me", 200)]


@pytest.mark.parametrize("is_global", [False, True])
async def test_injected_429_carries_discord_headers_and_body(
        emu: Emulator, http: aiohttp.ClientSession, is_global: bool) -> None:
    emu.faults.rate_limit("GET /gateway", retry_after=1.5, is_global=is_global, count=1)
    async with http.get(f"{emu.api_base}/gateway", headers=bot_auth(emu)) as resp:
        assert resp.status == 429
        body = await resp.json()
        headers = resp.headers
    assert body["retry_after"] == 1.5
    assert body["global"] is is_global
    assert headers["Via"] == "1.1 google"
    assert headers["Retry-After"] == "2"
    assert headers["X-RateLimit-Scope"] == ("global" if is_global else "user")
    assert ("X-RateLimit-Global" in headers) is is_global
    for name in ("Limit", "Remaining", "Reset", "Reset-After", "Bucket"):
        # A route's 429 names its bucket; a global one has no bucket to name.
        assert (f"X-RateLimit-{name}" in headers) is not is_global
    async with http.get(f"{emu.api_base}/gateway", headers=bot_auth(emu)) as resp:
        assert resp.status == 200  # the fault was for one request only
        assert (await resp.json())["url"] == emu.gateway_url


async def test_server_error_applies_to_next_n_matching_requests_only(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    emu.faults.server_error("/users/*", status=503, count=2)
    statuses = []
    for path in ("/gateway", "/users/@me", "/users/@me", "/users/@me"):
        async with http.get(emu.api_base + path, headers=bot_auth(emu)) as resp:
            statuses.append(resp.status)
    assert statuses == [200, 503, 503, 200]


async def test_enforced_channel_limit_is_5_messages_per_5_seconds() -> None:
    async with Emulator(enforce_rate_limits=True) as emu, aiohttp.ClientSession() as http:
        guild = emu.add_guild()
        first, second = emu.general(guild), emu.add_text_channel(guild, "second")
        remaining, statuses = [], []
        for _ in range(6):
            async with http.post(f"{emu.api_base}/channels/{first.id}/messages",
                                 json={"content": "x"}, headers=bot_auth(emu)) as resp:
                statuses.append(resp.status)
                remaining.append(resp.headers["X-RateLimit-Remaining"])
                body = await resp.json()
        assert statuses == [200] * 5 + [429]
        assert remaining == ["4", "3", "2", "1", "0", "0"]
        assert 4.0 < body["retry_after"] <= 5.0
        assert body["global"] is False
        async with http.post(f"{emu.api_base}/channels/{second.id}/messages",
                             json={"content": "x"}, headers=bot_auth(emu)) as resp:
            assert resp.status == 200  # limits are per channel
        assert len(emu.channel_messages(first)) == 5


async def test_enforced_global_limit_is_50_requests_per_second() -> None:
    async with Emulator(enforce_rate_limits=True) as emu, aiohttp.ClientSession() as http:
        statuses = []
        for _ in range(51):
            async with http.get(f"{emu.api_base}/users/@me", headers=bot_auth(emu)) as resp:
                statuses.append(resp.status)
                last = resp
        assert statuses == [200] * 50 + [429]
        assert last.headers["X-RateLimit-Global"] == "true"
        assert last.headers["Via"] == "1.1 google"


async def test_second_callback_is_40060_and_late_callback_is_10062(
        http: aiohttp.ClientSession) -> None:
    async with Emulator(interaction_deadline=0.5) as emu:
        guild = emu.add_guild()
        ana = emu.add_user("ana", guild=guild)
        await register(emu, http)
        first = await emu.slash(ana, "study", guild=guild)
        ok = await callback(emu, http, first.id, first.record.token,
                            {"type": 4, "data": {"content": "hi", "flags": 64}})
        assert ok[0] == 200
        assert ok[1]["interaction"]["response_message_ephemeral"] is True
        assert ok[1]["resource"]["message"]["content"] == "hi"
        again = await callback(emu, http, first.id, first.record.token, {"type": 4, "data": {}})
        assert again == (400, {"code": 40060,
                               "message": "Interaction has already been acknowledged."})

        late = await emu.slash(ana, "study", guild=guild)
        await emu.wait_for(lambda: late.record in emu.missed_deadlines(), 2.0)
        status, body = await callback(emu, http, late.id, late.record.token,
                                      {"type": 4, "data": {"content": "late"}})
        assert (status, body["code"]) == (404, 10062)
        assert emu.missed_deadlines() == [late.record]
        assert late.record.callbacks == []


async def test_followups_need_an_ack_and_expire(http: aiohttp.ClientSession) -> None:
    async with Emulator(followup_window=0.5) as emu:
        guild = emu.add_guild()
        ana = emu.add_user("ana", guild=guild)
        await register(emu, http)
        handle = await emu.slash(ana, "study", guild=guild)
        hook = f"{emu.api_base}/webhooks/{emu.application_id}/{handle.record.token}?wait=1"
        async with http.post(hook, json={"content": "too early"}) as resp:
            assert (resp.status, (await resp.json())["code"]) == (404, 10015)
        await callback(emu, http, handle.id, handle.record.token, {"type": 5, "data": {}})
        async with http.post(hook, json={"content": "in time"}) as resp:
            assert resp.status == 200
        await emu.wait_for(lambda: time.monotonic() - handle.record.created > 0.5, 2.0)
        async with http.post(hook, json={"content": "too late"}) as resp:
            assert (resp.status, (await resp.json())["code"]) == (401, 50027)
        assert [m.content for m in await handle.followups(1)] == ["in time"]


# -- gateway ------------------------------------------------------------------------


async def connect(emu: Emulator, http: aiohttp.ClientSession, shard: list[int] | None = None,
                  intents: int = 1 | 1 << 9 | 1 << 15) -> tuple[aiohttp.ClientWebSocketResponse,
                                                      dict[str, Any], list[dict[str, Any]]]:
    """IDENTIFYs and returns the socket, READY and the GUILD_CREATE payloads."""
    ws = await http.ws_connect(emu.gateway_url + "?v=10&encoding=json&compress=zlib-stream")
    hello = await ws.receive_json(timeout=2)
    assert hello["op"] == 10
    assert hello["d"]["heartbeat_interval"] > 0
    identify: dict[str, Any] = {"token": emu.token, "intents": intents, "properties": {}}
    if shard is not None:
        identify["shard"] = shard
    await ws.send_json({"op": 2, "d": identify})
    ready = await ws.receive_json(timeout=2)
    assert (ready["op"], ready["t"], ready["s"]) == (0, "READY", 1)
    creates = [await ws.receive_json(timeout=2) for _ in ready["d"]["guilds"]]
    assert {c["t"] for c in creates} <= {"GUILD_CREATE"}
    assert [c["s"] for c in creates] == list(range(2, 2 + len(creates)))
    return ws, ready["d"], [c["d"] for c in creates]


async def test_each_shard_gets_only_its_guilds_and_their_events(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    guilds: list[Guild] = [emu.add_guild(f"g{i}") for i in range(5)]
    ana: SimUser = emu.add_user("ana")
    for guild in guilds:
        emu.join(ana, guild)
    owners = {(g.id >> 22) % 2 for g in guilds}
    assert owners == {0, 1}  # ids spread over both shards, or the test proves nothing
    sockets = []
    for shard_id in (0, 1):
        ws, ready, creates = await connect(emu, http, shard=[shard_id, 2])
        assert ready["shard"] == [shard_id, 2]
        expected = {str(g.id) for g in guilds if (g.id >> 22) % 2 == shard_id}
        assert {c["id"] for c in creates} == expected
        assert {g["id"] for g in ready["guilds"]} == expected
        sockets.append(ws)

    target = guilds[1]
    await emu.user_message(ana, emu.general(target), "hello shard")
    owner = sockets[(target.id >> 22) % 2]
    event = await owner.receive_json(timeout=2)
    assert (event["t"], event["d"]["content"]) == ("MESSAGE_CREATE", "hello shard")
    await owner.send_json({"op": 1, "d": event["s"]})
    assert (await owner.receive_json(timeout=2))["op"] == 11
    for ws in sockets:
        await ws.close()


async def test_resume_replays_after_seq_then_resumed(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    guild = emu.add_guild()
    ana = emu.add_user("ana", guild=guild)
    ws, ready, creates = await connect(emu, http)
    last_seq = 1 + len(creates)
    await ws.close()
    await emu.wait_for(lambda: not emu.gateway.connected())
    for text in ("one", "two"):
        await emu.user_message(ana, emu.general(guild), text)

    ws = await http.ws_connect(ready["resume_gateway_url"])
    assert (await ws.receive_json(timeout=2))["op"] == 10
    await ws.send_json({"op": 6, "d": {"token": emu.token, "session_id": ready["session_id"],
                                       "seq": last_seq}})
    frames = [await ws.receive_json(timeout=2) for _ in range(3)]
    assert [(f["t"], f["s"]) for f in frames] == [
        ("MESSAGE_CREATE", last_seq + 1), ("MESSAGE_CREATE", last_seq + 2),
        ("RESUMED", last_seq + 3)]
    assert [f["d"]["content"] for f in frames[:2]] == ["one", "two"]
    await ws.close()


async def test_unknown_session_resume_gets_invalid_session(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    ws = await http.ws_connect(emu.gateway_url)
    await ws.receive_json(timeout=2)
    await ws.send_json({"op": 6, "d": {"token": emu.token, "session_id": "gone", "seq": 3}})
    assert await ws.receive_json(timeout=2) == {"op": 9, "d": False}
    await ws.close()


async def test_identify_with_wrong_token_closes_4004(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    ws = await http.ws_connect(emu.gateway_url)
    await ws.receive_json(timeout=2)
    await ws.send_json({"op": 2, "d": {"token": "nope", "intents": 1, "properties": {}}})
    msg = await ws.receive(timeout=2)
    assert msg.type is aiohttp.WSMsgType.CLOSE
    assert ws.close_code == 4004


@pytest.mark.parametrize("content_intent", [False, True])
async def test_guild_message_content_needs_the_intent_unless_the_bot_is_mentioned(
        emu: Emulator, http: aiohttp.ClientSession, content_intent: bool) -> None:
    guild = emu.add_guild()
    ana = emu.add_user("ana", guild=guild)
    intents = 1 | 1 << 9 | 1 << 12 | (1 << 15 if content_intent else 0)
    ws, _, _ = await connect(emu, http, intents=intents)
    mention = f"<@{emu.bot_user.id}> help"
    for channel, text in ((emu.general(guild), "plain"), (emu.general(guild), mention),
                          (emu.dm_channel(ana), "in a DM")):
        await emu.user_message(ana, channel, text)
    seen = [(await ws.receive_json(timeout=2))["d"]["content"] for _ in range(3)]
    assert seen == ["plain" if content_intent else "", mention, "in a DM"]
    await ws.close()


async def test_message_events_respect_intents(emu: Emulator,
                                             http: aiohttp.ClientSession) -> None:
    guild = emu.add_guild()
    ana = emu.add_user("ana", guild=guild)
    ws, _, _ = await connect(emu, http, intents=1)  # GUILDS only, no GUILD_MESSAGES
    await emu.user_message(ana, emu.general(guild), "not for you")
    await ws.send_json({"op": 1, "d": None})
    assert (await ws.receive_json(timeout=2))["op"] == 11  # the message was not sent first
    await ws.close()


async def test_subcommand_group_options_are_nested_like_discord_sends_them(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    guild = emu.add_guild()
    ana, ben = emu.add_user("ana", guild=guild), emu.add_user("ben", guild=guild, admin=True)
    leaf = [{"type": 3, "name": "name", "description": "n"},
            {"type": 6, "name": "who", "description": "u"}]
    body = [{"name": "admin", "description": "Admin", "options": [
        {"type": 2, "name": "deck", "description": "Deck", "options": [
            {"type": 1, "name": "reset", "description": "Reset", "options": leaf}]}]}]
    url = f"{emu.api_base}/applications/{emu.application_id}/guilds/{guild.id}/commands"
    async with http.put(url, json=body, headers=bot_auth(emu)) as resp:
        [stored] = await resp.json()
    handle = await emu.slash(ben, "admin deck reset", {"name": "cloud", "who": ana}, guild=guild)
    data = handle.record.payload["data"]
    assert (data["id"], data["guild_id"]) == (stored["id"], str(guild.id))
    assert data["options"] == [{"name": "deck", "type": 2, "options": [
        {"name": "reset", "type": 1, "options": [
            {"name": "name", "type": 3, "value": "cloud"},
            {"name": "who", "type": 6, "value": str(ana.id)}]}]}]
    assert data["resolved"]["users"][str(ana.id)]["username"] == "ana"
    member = handle.record.payload["member"]
    assert int(member["permissions"]) & 8  # ben is an administrator
    with pytest.raises(KeyError):
        await emu.slash(ben, "admin deck wipe", guild=guild)
    with pytest.raises(KeyError):
        await emu.slash(ben, "admin deck reset", {"colour": "red"}, guild=guild)


async def test_edit_with_null_clears_and_keeps_history(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    channel = emu.general(emu.add_guild())
    url = f"{emu.api_base}/channels/{channel.id}/messages"
    async with http.post(url, json={"content": "q", "embeds": [{"title": "t"}]},
                         headers=bot_auth(emu)) as resp:
        posted = await resp.json()
    async with http.patch(f"{url}/{posted['id']}", json={"content": None},
                          headers=bot_auth(emu)) as resp:
        edited = await resp.json()
    assert edited["content"] == ""
    assert edited["embeds"] == [{"type": "rich", "title": "t"}]
    assert edited["edited_timestamp"] is not None
    [message] = emu.channel_messages(channel)
    assert [v["content"] for v in message.history] == ["q"]
    async with http.delete(f"{url}/{posted['id']}", headers=bot_auth(emu)) as resp:
        assert resp.status == 204
    async with http.get(f"{url}/{posted['id']}", headers=bot_auth(emu)) as resp:
        assert (resp.status, (await resp.json())["code"]) == (404, 10008)
    assert emu.channel_messages(channel) == []
    assert len(emu.channel_messages(channel, include_deleted=True)) == 1


def test_studybot_env_names_match_the_bot_settings(emu: Emulator,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.settings import Settings
    from tests.e2e.conftest import studybot_env

    for name, value in studybot_env(emu, dev_guild_id=42).items():
        monkeypatch.setenv(name, value)
    settings = Settings(_env_file=None)
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == emu.token
    assert settings.discord_api_base == emu.api_base
    assert settings.discord_gateway == emu.gateway_url
    assert settings.guild_ready_timeout == 0.05
    assert settings.dev_guild_id == 42


async def test_commands_discord_would_reject_are_400_with_error_paths(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    url = f"{emu.api_base}/applications/{emu.application_id}/commands"
    good = {"name": "공부", "description": "d", "name_localizations": {"ko": "공부"}}
    bad = [
        ({"name": "Study", "description": "d"}, ["0", "name"]),
        ({"name": "study", "description": "d" * 101}, ["0", "description"]),
        ({"name": "study", "description": "d", "name_localizations": {"kr": "공부"}},
         ["0", "name_localizations", "kr"]),
        ({"name": "study", "description": "d", "options": [
            {"type": 3, "name": "a", "description": "a"},
            {"type": 3, "name": "b", "description": "b", "required": True}]},
         ["0", "options", "1", "required"]),
    ]
    async with http.put(url, json=[good], headers=bot_auth(emu)) as resp:
        assert resp.status == 200
    for body, path in bad:
        async with http.put(url, json=[body], headers=bot_auth(emu)) as resp:
            answer = await resp.json()
        assert (resp.status, answer["code"]) == (400, 50035), body
        node = answer["errors"]
        for key in path:
            node = node[key]
        assert node["_errors"], body
    assert [c["name"] for c in emu.commands()] == ["공부"]  # rejected PUTs change nothing


async def test_modal_over_discord_limits_is_refused_and_not_counted_as_ack(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    guild = emu.add_guild()
    ana = emu.add_user("ana", guild=guild)
    await register(emu, http)
    handle = await emu.slash(ana, "study", guild=guild)
    text = {"type": 4, "custom_id": "t", "label": "L" * 46, "style": 1}
    modal = {"custom_id": "m", "title": "T", "components": [{"type": 1, "components": [text]}]}
    status, body = await callback(emu, http, handle.id, handle.record.token,
                                  {"type": 9, "data": modal})
    assert (status, body["code"]) == (400, 50035)
    assert handle.record.callbacks == []
    text["label"] = "Short"
    status, _ = await callback(emu, http, handle.id, handle.record.token,
                               {"type": 9, "data": modal})
    assert status == 200
    assert (await handle.modal()).fields() == {"t": "Short"}


async def test_empty_reply_is_50006_and_leaves_the_interaction_unanswered(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    guild = emu.add_guild()
    ana = emu.add_user("ana", guild=guild)
    await register(emu, http)
    handle = await emu.slash(ana, "study", guild=guild)
    status, body = await callback(emu, http, handle.id, handle.record.token,
                                  {"type": 4, "data": {"content": ""}})
    assert (status, body["code"]) == (400, 50006)
    status, _ = await callback(emu, http, handle.id, handle.record.token,
                               {"type": 4, "data": {"content": "now"}})
    assert status == 200
    assert (await handle.response()).content == "now"


async def test_slash_options_are_checked_like_discords_client_does(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    guild = emu.add_guild()
    ana = emu.add_user("ana", guild=guild)
    body = [{"name": "drill", "description": "Drill", "options": [
        {"type": 4, "name": "cards", "description": "c", "required": True},
        {"type": 3, "name": "mode", "description": "m",
         "choices": [{"name": "Fast", "value": "fast"}, {"name": "Slow", "value": "slow"}]}]}]
    async with http.put(f"{emu.api_base}/applications/{emu.application_id}/commands",
                        json=body, headers=bot_auth(emu)) as resp:
        assert resp.status == 200
    with pytest.raises(KeyError, match="required"):
        await emu.slash(ana, "drill", {"mode": "fast"}, guild=guild)
    with pytest.raises(TypeError):
        await emu.slash(ana, "drill", {"cards": "ten"}, guild=guild)
    with pytest.raises(TypeError):
        await emu.slash(ana, "drill", {"cards": True}, guild=guild)
    with pytest.raises(ValueError, match="one of"):
        await emu.slash(ana, "drill", {"cards": 3, "mode": "medium"}, guild=guild)
    handle = await emu.slash(ana, "drill", {"cards": 3, "mode": "slow"}, guild=guild)
    assert handle.record.payload["data"]["options"] == [
        {"name": "cards", "type": 4, "value": 3}, {"name": "mode", "type": 3, "value": "slow"}]
    assert emu.interactions == {handle.id: handle.record}  # refused ones were never sent


async def test_request_guild_members_is_answered_in_one_chunk(
        emu: Emulator, http: aiohttp.ClientSession) -> None:
    guild = emu.add_guild()
    ana = emu.add_user("ana", guild=guild)
    ws, _, _ = await connect(emu, http, intents=1 | 1 << 1)
    await ws.send_json({"op": 8, "d": {"guild_id": str(guild.id), "query": "", "limit": 0,
                                       "nonce": "n1"}})
    chunk = await ws.receive_json(timeout=2)
    assert chunk["t"] == "GUILD_MEMBERS_CHUNK"
    assert chunk["d"]["nonce"] == "n1"
    ids = {m["user"]["id"] for m in chunk["d"]["members"]}
    assert ids == {str(ana.id), str(emu.bot_user.id)}
    await ws.close()

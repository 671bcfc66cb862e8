"""No secret leaves the bot: not in its output, its requests, its messages or its database.

The bot runs with DEBUG logging (the most it ever says) and a token shaped like a
real one (`<base64 user id>.<timestamp>.<hmac>`), through a session with 429s,
502s, forged clicks and a failing interaction; then everything it wrote is
scanned for the token and each of its parts.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from tests.e2e.hostile_support import forge_click
from tests.e2e.support_bot import (
    BotProcess,
    Learner,
    card_text,
    launch,
    start_bot,
    write_deck,
)
from tests.emulator import Emulator, Guild, SimUser

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

TOKEN = "MTE3NTA5MTI2OTkzMDA1NzcyOA.GhX2yQ.s3cr3tHmacPart-mustNeverLeak_0123456789ab"
WRONG = "MTE3NTA5MTI2OTkzMDA1NzcyOQ.Zq9wXv.wrongTokenHmac-alsoSecret_9876543210zy"
CALLBACK = "POST /interactions/*/*/callback"
ORIGINAL = "PATCH /webhooks/*/*/messages/@original"


def secrets_of(token: str) -> list[str]:
    """The token and each part of it that would identify it (the user id part is public)."""
    _, stamp, hmac = token.split(".")
    return [token, hmac, f"{stamp}.{hmac}", hmac[: len(hmac) // 2], hmac[len(hmac) // 2 :]]


@dataclass
class Stage:
    emu: Emulator
    guild: Guild
    bot: BotProcess
    workdir: Path


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stage(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stage]:
    workdir = tmp_path_factory.mktemp("secrets")
    write_deck(workdir / "decks")
    async with Emulator(token=TOKEN) as emu:
        guild = emu.add_guild("Study Group")
        bot = await start_bot(emu, workdir, extra={"STUDYBOT_LOG_LEVEL": "DEBUG"})
        try:
            yield Stage(emu, guild, bot, workdir)
        finally:
            code = await bot.stop()
        assert code == 0, bot.stderr()[-3000:]


def everything_sent(emu: Emulator) -> str:
    """Every request the bot made (path, query, body, file names) and every message shown."""
    parts = [f"{r.method} {r.path} {json.dumps(r.query)} {json.dumps(r.json, default=str)} "
             f"{r.files}" for r in emu.requests()]
    for message in emu.world.messages.values():
        parts.append(json.dumps([message.content, message.embeds, message.components,
                                 message.history], default=str))
        parts += [a.data.decode("latin-1") for a in message.attachments]
    return "\n".join(parts)


async def session_with_faults(stage: Stage, user: SimUser) -> None:
    emu = stage.emu
    reply = await (await emu.slash(user, "study", guild=stage.guild)).response()
    assert reply.ephemeral
    await emu.wait_for(lambda: emu.dm_messages(user))
    card = emu.dm_messages(user)[-1]
    emu.faults.rate_limit(CALLBACK, retry_after=0.2)
    emu.faults.server_error(CALLBACK, status=502)
    emu.faults.rate_limit(ORIGINAL, retry_after=0.2)
    emu.faults.server_error("POST /channels/*/messages", status=502)
    prompt = str(card.buttons()[0]["custom_id"]).rsplit(":", 1)[1]
    stranger = emu.add_user("stranger", guild=stage.guild)
    for forged in (f"sb:show:{user.id}:{prompt}", f"sb:show:{user.id}:{'9' * 30}",
                   f"sb:daily:pick:{'9' * 30}:0", f"sb:grade:{user.id}:{prompt}:99",
                   f"sb:show:{user.id}"):
        handle = await forge_click(emu, stranger if forged.endswith(prompt) else user,
                                   card, forged)
        with contextlib.suppress(TimeoutError):  # some are ignored outright
            await handle.ack(within=1.0)
    # A forged click on a gone prompt turned the card into a notice: /study shows it again.
    before = len(emu.dm_messages(user))
    await (await emu.slash(user, "study", guild=stage.guild)).response()
    await emu.wait_for(lambda: len(emu.dm_messages(user)) > before)
    done = await Learner(emu, user).finish(emu.dm_messages(user)[-1])
    assert "Done for now" in card_text(done)


async def test_the_token_appears_nowhere(stage: Stage) -> None:
    ana = stage.emu.add_user("ana", guild=stage.guild)
    await session_with_faults(stage, ana)
    statuses = {r.status for r in stage.emu.requests()}
    assert {429, 502} <= statuses  # the faults did happen
    output = stage.bot.stdout() + stage.bot.stderr()
    assert "DEBUG" in output  # the most talkative log level was on
    sent = everything_sent(stage.emu)
    stored = (stage.workdir / "studybot.db").read_bytes().decode("latin-1")
    for secret in secrets_of(TOKEN):
        assert secret not in output, f"{secret!r} in the bot's output"
        assert secret not in sent, f"{secret!r} in what the bot sent"
        assert secret not in stored, f"{secret!r} in the database"


async def test_interaction_tokens_stay_out_of_warnings_and_errors(stage: Stage) -> None:
    """Each interaction's token lets anyone answer as the bot for 15 minutes; DEBUG may
    show payloads, but what production logs keep (WARNING and up) must not."""
    tokens = {record.token for record in stage.emu.interactions.values()}
    assert tokens
    kept = [line for line in (stage.bot.stdout() + stage.bot.stderr()).splitlines()
            if " WARNING " in line or " ERROR " in line or " CRITICAL " in line]
    assert [line for line in kept if any(t in line for t in tokens)] == []


async def test_a_rejected_token_is_not_echoed(stage: Stage, tmp_path: Path) -> None:
    write_deck(tmp_path / "decks")
    bot = launch(stage.emu, tmp_path, token=WRONG, tag="wrong",
                 extra={"STUDYBOT_LOG_LEVEL": "DEBUG"})
    assert await bot.wait(within=20) == 2
    output = bot.stdout() + bot.stderr()
    assert "Traceback" not in output
    for secret in secrets_of(WRONG):
        assert secret not in output
    assert WRONG not in everything_sent(stage.emu)

"""`studybot run`: start the bot, stop it cleanly, and never leak the token.

Operators read this process's output in journals and CI logs, so every
failure a user can cause (no token, a token Discord rejects) is one plain
line and exit code 2 rather than a traceback, and every log record passes
through a filter that blanks the token wherever it might appear.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Iterable

import aiohttp
import discord
import yarl

from bot.discord import acks, heap, wire_json
from bot.discord.client import StudyBot
from bot.discord.translator import message
from bot.jobs.clock import clock_from_settings
from bot.jobs.shards import ShardLayout, ShardLayoutError
from bot.settings import Settings
from bot.storage.failures import shown_url, unusable

log = logging.getLogger("bot.discord")

REDACTED = "[redacted]"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class RedactSecrets(logging.Filter):
    """Replaces secrets in the message, its arguments and any traceback of a record."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def _clean(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self._clean(record.getMessage())
        record.args = None
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def configure_logging(level: str, secrets: Iterable[str]) -> logging.Handler:
    """One stderr handler on the root logger; every record goes through `RedactSecrets`."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S")
    )
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    try:
        root.setLevel(level.upper())
    except ValueError:
        root.setLevel(logging.INFO)
        root.warning("unknown log level %r (STUDYBOT_LOG_LEVEL): using INFO", level)
    # discord.client's INFO lines ("logging in using static token") are noise
    # in front of the one line an operator must read when the token is wrong.
    logging.getLogger("discord.client").setLevel(max(root.level, logging.WARNING))
    return handler


def quiet_voice_warnings() -> None:
    """The bot never joins voice; warnings about missing voice libraries only confuse."""
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


def point_at(settings: Settings) -> None:
    """Use another API and gateway (the test emulator); discord.py has no option for it."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway)


def _fail(key: str, lang: str) -> int:
    print(f"studybot: {message(key, lang)}", file=sys.stderr)
    return EXIT_USAGE


def run_bot(settings: Settings) -> int:
    """Run until SIGTERM/SIGINT (0), a bad or missing token (2) or a crash (1).

    SIGTERM finishes the interactions already running before it closes the
    gateway's REST side and the database (`StudyBot.shutdown`), so a rolling
    restart loses no acknowledged answer.
    """
    secret = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not secret:
        return _fail("discord.run.no_token", settings.language)
    try:
        ShardLayout.of(settings.shard_count, settings.shard_ids)
    except ShardLayoutError:
        return _fail("discord.run.shard_layout", settings.language)
    configure_logging(settings.log_level, [secret])
    point_at(settings)
    quiet_voice_warnings()
    wire_json.install()
    try:
        return asyncio.run(_serve(settings, secret))
    except discord.LoginFailure:
        return _fail("discord.run.token_rejected", settings.language)
    except discord.PrivilegedIntentsRequired:
        return _fail("discord.run.intents", settings.language)
    except KeyboardInterrupt:
        return EXIT_OK
    except (aiohttp.ClientError, OSError, discord.GatewayNotFound) as exc:
        where = settings.discord_api_base or "discord.com"
        detail = str(exc).replace(secret, REDACTED) or type(exc).__name__
        print(f"studybot: {message('discord.run.unreachable', settings.language, where=where)}"
              f" ({detail})", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        problem = unusable(exc)
        if problem is None:
            log.exception("the bot stopped on an error")
            return EXIT_FAILED
        line = message(f"database.{problem.kind.value}", settings.language,
                       where=shown_url(settings.database_url), revision=problem.revision)
        print(f"studybot: {line}", file=sys.stderr)
        return EXIT_FAILED


async def _serve(settings: Settings, token: str) -> int:
    acks.install()  # every task the bot starts below inherits it
    bot = StudyBot(
        settings,
        clock=clock_from_settings(settings),
        shard_count=settings.shard_count,
        shard_ids=settings.shard_ids,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with bot:
        running = asyncio.create_task(bot.start(token))
        stopping = asyncio.create_task(stop.wait())
        settling = asyncio.create_task(_settle_when_ready(bot))
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        settling.cancel()
        if running.done():
            stopping.cancel()
            running.result()  # re-raises LoginFailure and friends
            return EXIT_OK
        log.info("stopping")
        await bot.shutdown()
        with contextlib.suppress(asyncio.CancelledError):
            await running
    log.info("stopped")
    return EXIT_OK


async def _settle_when_ready(bot: StudyBot) -> None:
    """Once the bot is up (modules, decks and caches loaded), tune the collector for it."""
    await bot.wait_until_ready()
    heap.settle()

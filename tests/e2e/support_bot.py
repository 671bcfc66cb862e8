"""The real studybot as a subprocess against the emulator, and helpers to study with it.

The bot is started exactly as a user starts it (``python -m bot.cli run``),
configured only through STUDYBOT_* environment variables, and stopped with
SIGTERM; its stdout/stderr are kept for assertions (no traceback, no token).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.emulator import Emulator, SimUser, StoredMessage

REPO = Path(__file__).resolve().parents[2]

#: One card of every type; the cloze card has two faces, so a full session is 5 faces.
MINI_DECK = """\
deck: mini
title: Mini deck
lang: en
cards:
  - id: b0000001
    type: basic
    front: What does IaaS stand for?
    back: Infrastructure as a Service
  - id: c0000001
    type: choice
    front: Which model gives you an empty room to install node.js yourself?
    choices: [IaaS, PaaS, SaaS]
    answer: IaaS
    back: You install everything above the operating system.
  - id: z0000001
    type: cloze
    text: "A Dockerfile is {{c1::built}} into an image, which is {{c2::run}} as a container."
  - id: t0000001
    type: typed
    front: Which system is the phone book of the internet?
    back: DNS
    accept: [Domain Name System]
"""
MINI_FACES = 5
#: What a day holds of it: the cloze's second face is its first face's sibling, buried for
#: the day once the first is answered (issue 14.1), so a first day shows 4 faces.
MINI_DAY = 4

#: The right answer of each card, by a fragment of its question.
RIGHT_ANSWERS = {
    "IaaS stand for": "Infrastructure as a Service",
    "empty room": "IaaS",
    "phone book": "DNS",
}


@dataclass(frozen=True)
class DatabaseHook:
    """Where a bot whose work directory is the key keeps its data, when not in SQLite there."""

    url_for: Callable[[Path], str]  # work directory -> STUDYBOT_DATABASE_URL
    query: Callable[..., list[tuple[Any, ...]]]  # (url, sql with ?, *params) -> rows


#: None: the bot uses an SQLite file in its work directory.  The ``bot_database``
#: fixture (tests/conftest.py) sets it to run a module's bots on PostgreSQL.
database_hook: DatabaseHook | None = None


def database_url(workdir: Path) -> str:
    if database_hook is not None:
        return database_hook.url_for(workdir)
    return f"sqlite+aiosqlite:///{workdir / 'studybot.db'}"


def write_deck(directory: Path, body: str = MINI_DECK, name: str = "mini.yaml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(body, encoding="utf-8")
    return path


def bot_env(emu: Emulator, workdir: Path, *, token: str | None = None,
            extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYBOT_")}
    env.update({
        "PYTHONPATH": str(REPO),
        "STUDYBOT_DISCORD_TOKEN": emu.token if token is None else token,
        "STUDYBOT_DISCORD_API_BASE": emu.api_base,
        "STUDYBOT_DISCORD_GATEWAY": emu.gateway_url,
        "STUDYBOT_DATABASE_URL": database_url(workdir),
        "STUDYBOT_DECKS_DIR": str(workdir / "decks"),
        "STUDYBOT_GUILD_READY_TIMEOUT": "0.1",
        "STUDYBOT_LANGUAGE": "en",
    })
    if token == "":
        del env["STUDYBOT_DISCORD_TOKEN"]
    env.update(extra or {})
    return env


@dataclass
class BotProcess:
    """A running ``studybot run``; `stop` sends SIGTERM and returns the exit code."""

    proc: subprocess.Popen[bytes]
    workdir: Path
    out_path: Path
    err_path: Path
    returncode: int | None = None

    @property
    def db_path(self) -> Path:
        return self.workdir / "studybot.db"

    def stdout(self) -> str:
        return self.out_path.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.err_path.read_text(encoding="utf-8", errors="replace")

    async def wait(self, within: float = 20.0) -> int:
        deadline = time.monotonic() + within
        while self.proc.poll() is None:
            if time.monotonic() > deadline:
                self.proc.kill()
                raise TimeoutError("the bot did not exit")
            await asyncio.sleep(0.02)
        self.returncode = self.proc.returncode
        return self.returncode

    async def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return await self.wait()


def launch(emu: Emulator, workdir: Path, *, token: str | None = None,
           extra: Mapping[str, str] | None = None, tag: str = "bot") -> BotProcess:
    workdir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = workdir / f"{tag}.out", workdir / f"{tag}.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            cwd=workdir, env=bot_env(emu, workdir, token=token, extra=extra),
            stdout=out, stderr=err,
        )
    return BotProcess(proc, workdir, out_path, err_path)


async def start_bot(emu: Emulator, workdir: Path, *, within: float = 20.0,
                    extra: Mapping[str, str] | None = None, tag: str = "bot") -> BotProcess:
    """Launch and wait until it has synced its commands and holds a gateway session."""
    identified = emu.gateway.identifies
    bot = launch(emu, workdir, extra=extra, tag=tag)

    def ready() -> bool:
        if bot.proc.poll() is not None:
            raise RuntimeError(f"the bot exited with {bot.proc.returncode}:\n{bot.stderr()}")
        return emu.gateway.identifies > identified and emu.gateway.connected()

    await emu.wait_for(ready, within)
    return bot


# -- reading the database the bot wrote ------------------------------------------------------


def query(db_path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    if database_hook is not None:
        return database_hook.query(database_hook.url_for(db_path.parent), sql, *params)
    with sqlite3.connect(db_path) as conn:
        return list(conn.execute(sql, params))


def review_log(db_path: Path, user: SimUser) -> list[tuple[Any, ...]]:
    """(card id, face, kind, quality) of every answer ``user`` gave, in order."""
    return query(db_path, """
        SELECT c.card_id, l.face, l.kind, l.quality FROM review_log l
        JOIN cards c ON c.pk = l.card_pk WHERE l.user_id = ? ORDER BY l.id""", user.id)


def review_states(db_path: Path, user: SimUser) -> dict[tuple[str, int], tuple[int, int, int]]:
    """(card id, face) -> (ease in hundredths, repetitions, interval)."""
    rows = query(db_path, """
        SELECT c.card_id, s.face, s.ease_cents, s.repetitions, s.interval FROM review_states s
        JOIN cards c ON c.pk = s.card_pk WHERE s.user_id = ?""", user.id)
    return {(r[0], r[1]): (r[2], r[3], r[4]) for r in rows}


# -- acting as a learner -------------------------------------------------------------------------


def labels(message: StoredMessage) -> list[str]:
    return [str(b.get("label")) for b in message.buttons()]


def by_kind(message: StoredMessage, kind: str) -> list[str]:
    """custom_ids of the buttons of one kind (show, grade, pick, type, skip, stop)."""
    return [str(b["custom_id"]) for b in message.buttons()
            if str(b.get("custom_id", "")).startswith(f"sb:{kind}:")]


def card_text(message: StoredMessage) -> str:
    """Everything the embeds of ``message`` say (titles, descriptions, fields, footers)."""
    parts: list[str] = [message.content or ""]
    for embed in message.embeds:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        for f in embed.get("fields") or []:
            parts += [f.get("name") or "", f.get("value") or ""]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


def question(message: StoredMessage) -> str:
    return str(message.embeds[-1].get("description") or "")


def is_summary(message: StoredMessage) -> bool:
    return not message.buttons() and bool(message.embeds)


@dataclass
class Learner:
    """Answers cards by reading them like a person would; ``wrong_once`` misses one on purpose."""

    emu: Emulator
    user: SimUser
    wrong_once: set[str] = field(default_factory=set)
    answered: list[str] = field(default_factory=list)

    async def step(self, message: StoredMessage) -> StoredMessage:
        """Answers the card on ``message``; returns the message as it looks afterwards.

        Buttons are found by the kind in their custom_id, so this works in any language.
        """
        q = question(message)
        key = next((k for k in RIGHT_ANSWERS if k in q), None)
        miss = key in self.wrong_once
        if miss:
            self.wrong_once.discard(key or "")
        if by_kind(message, "show"):
            shown = await (await self.emu.click(
                self.user, message, custom_id=by_kind(message, "show")[0])).response()
            quality = 1 if miss else 4
            grade = next(c for c in by_kind(shown, "grade") if c.endswith(f":{quality}"))
            handle = await self.emu.click(self.user, shown, custom_id=grade)
            self.answered.append(str(quality))
        elif by_kind(message, "type"):
            opened = await self.emu.click(self.user, message,
                                          custom_id=by_kind(message, "type")[0])
            modal = await opened.modal()
            text = "no idea" if miss else RIGHT_ANSWERS[key or ""]
            handle = await self.emu.submit_modal(self.user, modal, {"sb:answer": text})
            self.answered.append(text)
        else:
            right = RIGHT_ANSWERS[key or ""]
            options = {str(b["label"]): str(b["custom_id"]) for b in message.buttons()
                       if str(b["custom_id"]).startswith("sb:pick:")}
            pick = next(n for n in options if n != right) if miss else right
            handle = await self.emu.click(self.user, message, custom_id=options[pick])
            self.answered.append(pick)
        return await handle.response()

    async def finish(self, message: StoredMessage, limit: int = 20) -> StoredMessage:
        for _ in range(limit):
            if is_summary(message):
                return message
            message = await self.step(message)
        raise AssertionError(f"no summary after {limit} answers:\n{card_text(message)}")

"""Shared pieces of the scale, crash and fault tests (no tests here).

- `launch_run`: ``studybot run`` with command-line options (``--shard-count``);
- `choice_deck`: one click per answer, so many learners answer fast;
- `Crowd`: learners studying at once who keep going through a crash: a click
  that gets no answer is clicked again on the same, still live, button once
  the bot is back, as a person would;
- `answer_clicks` / `acknowledged_answers`: what Discord (the emulator) saw;
- `db_verify`: ``studybot db verify`` as a user runs it.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.support_bot import REPO, BotProcess, bot_env, database_url, query
from tests.emulator import Emulator, Guild, SimUser, StoredMessage
from tests.emulator.interactions import InteractionRecord

#: Interaction type of a button click.
COMPONENT = 3
#: Callback types: 6 = deferred update (an acknowledgement only), 7 = the message updated.
DEFERRED_UPDATE, UPDATE_MESSAGE = 6, 7


def choice_deck(cards: int, deck: str = "load") -> tuple[str, dict[str, str]]:
    """A deck of ``cards`` choice cards and the right option of each question."""
    lines = [f"deck: {deck}", "title: Load", "lang: en", "cards:"]
    answers: dict[str, str] = {}
    for i in range(cards):
        front = f"Question {i:03d}?"
        answers[front] = f"right{i:03d}"
        lines += [f"  - id: {deck[:2]}{i:06d}", "    type: choice", f'    front: "{front}"',
                  f"    choices: [right{i:03d}, wrong{i:03d}]", f"    answer: right{i:03d}"]
    return "\n".join(lines) + "\n", answers


def launch_run(emu: Emulator, workdir: Path, args: Sequence[str] = (), *,
               extra: Mapping[str, str] | None = None, tag: str = "bot") -> BotProcess:
    """``python -m bot.cli run ARGS`` in ``workdir``, configured like support_bot.launch."""
    workdir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = workdir / f"{tag}.out", workdir / f"{tag}.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run", *args],
            cwd=workdir, env=bot_env(emu, workdir, extra=extra), stdout=out, stderr=err,
        )
    return BotProcess(proc, workdir, out_path, err_path)


def live_shards(emu: Emulator) -> set[int]:
    return {s.shard[0] for s in emu.gateway.sessions.values()
            if s.ws is not None and not s.ws.closed}


async def wait_until_up(emu: Emulator, bots: Sequence[BotProcess], shards: set[int],
                        identifies_before: int, within: float = 25.0) -> None:
    """Until every shard in ``shards`` has identified since then and holds a live socket."""

    def up() -> bool:
        for bot in bots:
            if bot.proc.poll() is not None:
                raise RuntimeError(f"the bot exited with {bot.proc.returncode}:\n{bot.stderr()}")
        return (emu.gateway.identifies - identifies_before >= len(shards)
                and shards <= live_shards(emu))

    await emu.wait_for(up, within)


def db_verify(workdir: Path) -> subprocess.CompletedProcess[str]:
    """``studybot db verify --db URL``: exit 0 when every state equals its replayed log."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "verify", "--db", database_url(workdir)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )


def answer_clicks(emu: Emulator) -> list[InteractionRecord]:
    """Every click on an answer button (a pick), in the order they were made."""
    return [r for r in emu.interactions.values()
            if r.type == COMPONENT
            and str(r.payload.get("data", {}).get("custom_id", "")).startswith("sb:pick:")]


def prompt_of(record: InteractionRecord) -> int:
    return int(str(record.payload["data"]["custom_id"]).split(":")[3])


def acknowledged_answers(emu: Emulator) -> list[InteractionRecord]:
    """Answer clicks that got any acknowledgement (a defer or the updated message)."""
    return [r for r in answer_clicks(emu) if r.callbacks]


def logged_prompts(db_path: Path) -> list[int]:
    """prompt_id of every review_log row (repeats kept, so a doubled answer shows)."""
    return [int(p) for (p,) in query(db_path, "SELECT prompt_id FROM review_log "
                                              "WHERE prompt_id IS NOT NULL")]


@dataclass
class Crowd:
    """``users`` study ``answers``' deck in DMs, all at once, through crashes.

    ``down`` is set by the test while no bot runs; a learner whose click got
    no answer waits until it is clear and clicks the same button again.
    Every learner misses question 0 once, so drills are in the log too.
    """

    emu: Emulator
    guild: Guild
    users: list[SimUser]
    answers: dict[str, str]
    within: float = 8.0
    down: asyncio.Event = field(default_factory=asyncio.Event)
    up: asyncio.Event = field(default_factory=asyncio.Event)
    retries: int = 0
    finished: int = 0

    def __post_init__(self) -> None:
        self.up.set()

    def crash(self) -> None:
        self.up.clear()
        self.down.set()

    def recovered(self) -> None:
        self.down.clear()
        self.up.set()

    def latest(self, user: SimUser, message_id: int) -> StoredMessage:
        return next(m for m in self.emu.dm_messages(user) if m.id == message_id)

    async def _reply(self, call: asyncio.Future[StoredMessage]) -> StoredMessage | None:
        """The message after a click, or None when the bot went down before answering."""
        down = asyncio.ensure_future(self.down.wait())
        try:
            done, _ = await asyncio.wait({call, down}, timeout=self.within,
                                         return_when=asyncio.FIRST_COMPLETED)
        finally:
            down.cancel()
        if call in done:
            return call.result()
        call.cancel()
        if not self.down.is_set():
            raise TimeoutError("no answer to a click while the bot was up")
        return None

    async def _start(self, user: SimUser) -> StoredMessage:
        while True:
            await self.up.wait()
            handle = await self.emu.slash(user, "study", guild=self.guild)
            if await self._reply(asyncio.ensure_future(handle.response(self.within))) is None:
                continue
            await self.emu.wait_for(lambda: self.emu.dm_messages(user), self.within)
            return self.emu.dm_messages(user)[0]

    async def learner(self, user: SimUser) -> int:
        """Study to the summary; returns how many clicks were made again after a crash."""
        message = await self._start(user)
        missed_once = False
        retried = 0
        while message.buttons():
            await self.up.wait()
            message = self.latest(user, message.id)
            if not message.buttons():
                break
            front = str(message.embeds[-1].get("description") or "")
            right = self.answers[front]
            wrong = not missed_once and front == "Question 000?"
            label = next(str(b["label"]) for b in message.buttons()
                         if str(b["custom_id"]).startswith("sb:pick:")
                         and (str(b["label"]) == right) != wrong)
            pick = next(str(b["custom_id"]) for b in message.buttons() if b["label"] == label)
            handle = await self.emu.click(user, message, custom_id=pick)
            after = await self._reply(asyncio.ensure_future(handle.response(self.within)))
            if after is None:
                retried += 1  # the same, still live, button is clicked again below
                continue
            missed_once = missed_once or wrong
            message = after
        self.finished += 1
        return retried

    async def run(self) -> None:
        self.retries = sum(await asyncio.gather(*(self.learner(u) for u in self.users)))


async def wait_for_count(emu: Emulator, count: int, within: float) -> None:
    """Until ``count`` answer clicks have been acknowledged."""
    await emu.wait_for(lambda: len(acknowledged_answers(emu)) >= count, within)


def elapsed_since(start: float) -> float:
    return time.monotonic() - start

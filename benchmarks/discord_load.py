"""Many learners studying at once through the emulator, against the real bot process.

    .venv/bin/python benchmarks/discord_load.py [--learners 200] [--cards 20]

Each simulated learner runs /study in a server, gets the first card by DM
and answers every card right (basic: Show answer then Good; choice: the
right button; typed: the modal), all learners concurrently.  Prints the
reviews recorded in the bot's database (must be learners × cards exactly),
the acknowledgement latency of every interaction (p50/p99; target p99 <=
150 ms on loopback) and the bot process's peak resident memory (VmHWM).

The emulator and the learners run in this process, and an acknowledgement is
timed by the emulator (from the interaction's creation to the callback's
arrival), so a pause of this process counts against the bot: its garbage
collector, left alone, stopped it for 120-165 ms every two seconds (full
collections of the emulator's growing state) and those pauses were the
slowest 1% of the acknowledgements.  While the learners run, this process's
collector is off (its startup objects frozen); the bot's is untouched.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.support_bot import by_kind, query, start_bot, write_deck
from tests.emulator import Emulator, Guild, SimUser, StoredMessage


def make_deck(cards: int) -> tuple[str, dict[str, str]]:
    """A deck of ``cards`` one-face cards (basic, choice, typed in turn) and its answers."""
    lines = ["deck: load", "title: Load test", "lang: en", "cards:"]
    answers: dict[str, str] = {}
    for i in range(cards):
        front = f"Question number {i:03d}?"
        answer = f"answer{i:03d}"
        answers[front] = answer
        kind = ("basic", "choice", "typed")[i % 3]
        lines += [f"  - id: load{i:04d}", f"    type: {kind}", f'    front: "{front}"']
        if kind == "choice":
            lines += [f"    choices: [{answer}, wrong{i:03d}a, wrong{i:03d}b]",
                      f"    answer: {answer}"]
        else:
            lines.append(f"    back: {answer}")
    return "\n".join(lines) + "\n", answers


async def learner(emu: Emulator, guild: Guild, user: SimUser, answers: dict[str, str],
                  handles: list[float], study_acks: list[float], within: float) -> int:
    """Study until the summary; returns the number of cards answered."""
    start = await emu.slash(user, "study", guild=guild)
    await start.response(within)
    study_acks.append(start.ack_delay or 0.0)
    await emu.wait_for(lambda: emu.dm_messages(user), within)
    message: StoredMessage = emu.dm_messages(user)[0]
    answered = 0
    while message.buttons():
        front = str(message.embeds[-1].get("description") or "")
        right = answers[front]
        if by_kind(message, "show"):
            handle = await emu.click(user, message, custom_id=by_kind(message, "show")[0])
            shown = await handle.response(within)
            handles.append(handle.ack_delay or 0.0)
            good = next(c for c in by_kind(shown, "grade") if c.endswith(":4"))
            handle = await emu.click(user, shown, custom_id=good)
        elif by_kind(message, "type"):
            opened = await emu.click(user, message, custom_id=by_kind(message, "type")[0])
            modal = await opened.modal(within)
            handles.append(opened.ack_delay or 0.0)
            handle = await emu.submit_modal(user, modal, {"sb:answer": right})
        else:
            pick = next(str(b["custom_id"]) for b in message.buttons()
                        if b.get("label") == right)
            handle = await emu.click(user, message, custom_id=pick)
        message = await handle.response(within)
        handles.append(handle.ack_delay or 0.0)
        answered += 1
    if answered != len(answers):
        embeds = " | ".join(str(e.get("title") or e.get("description")) for e in message.embeds)
        print(f"{user.name} stopped after {answered}: {message.content!r} {embeds}")
    return answered


@contextlib.contextmanager
def harness_collector_off() -> Iterator[None]:
    """This process's garbage collector off while the learners run (module docstring)."""
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


def peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def save(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


def cpu_seconds(pid: int, task: int | None = None) -> float:
    """User + system CPU time of a process (or one of its threads) so far
    (/proc/<pid>/stat fields 14 and 15)."""
    stat = Path(f"/proc/{pid}/stat" if task is None else f"/proc/{pid}/task/{task}/stat")
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def run(learners: int, cards: int, log_copy: str) -> int:
    with tempfile.TemporaryDirectory(prefix="studybot-load-") as tmp:
        workdir = Path(tmp)
        body, answers = make_deck(cards)
        write_deck(workdir / "decks", body, "load.yaml")
        async with Emulator() as emu:
            guild = emu.add_guild("Load Group")
            users = [emu.add_user(f"learner{i}", guild=guild) for i in range(learners)]
            bot = await start_bot(emu, workdir, extra={
                "STUDYBOT_NEW_PER_DAY": str(cards), "STUDYBOT_LOG_LEVEL": "WARNING"})
            acks: list[float] = []
            study_acks: list[float] = []
            started = time.perf_counter()
            try:
                with harness_collector_off():
                    done = await asyncio.gather(*(
                        learner(emu, guild, u, answers, acks, study_acks, within=60.0)
                        for u in users))
                elapsed = time.perf_counter() - started
                rss = peak_rss_kib(bot.proc.pid)
                cpu = cpu_seconds(bot.proc.pid)
                loop_cpu = cpu_seconds(bot.proc.pid, bot.proc.pid)  # the main thread's
            finally:
                code = await bot.stop()
            [(reviews,)] = query(bot.db_path, "SELECT count(*) FROM review_log")
            [(states,)] = query(bot.db_path, "SELECT count(*) FROM review_states")
            missed = len(emu.missed_deadlines())
            callbacks = emu.requests("POST /interactions/*/*/callback")
            edits = emu.requests("PATCH /webhooks/*/*/messages/*")
            deferred = sum(1 for r in callbacks
                           if isinstance(r.json, dict) and r.json.get("type") in (5, 6))
            save(log_copy, bot.stderr())
            problems = [line for line in bot.stderr().splitlines()
                        if " ERROR " in line or " WARNING " in line]
    expected = learners * cards
    print(f"learners x cards:     {learners} x {cards} (answered {sum(done)})")
    print(f"reviews recorded:     {reviews:,} (expected {expected:,}); states {states:,}")
    print(f"interactions:         {len(acks):,} in {elapsed:.1f} s "
          f"({len(acks) / elapsed:.0f}/s)")
    p99 = percentile(acks, 99) * 1000
    print(f"ack latency:          p50 {percentile(acks, 50) * 1000:.0f} ms, "
          f"p99 {p99:.0f} ms, max {max(acks) * 1000:.0f} ms, "
          f"mean {statistics.fmean(acks) * 1000:.0f} ms (target p99 <= 150 ms: "
          f"{'met' if p99 <= 150 else 'MISSED'})")
    print(f"missed 3 s deadlines: {missed}")
    print(f"requests answering:   {len(callbacks) + len(edits):,} for {len(callbacks):,} "
          f"interactions ({(len(callbacks) + len(edits)) / len(callbacks):.2f} each); "
          f"{deferred:,} acknowledged before their reply")
    slow = sorted(acks)[-len(acks) // 100:]
    print(f"slowest 1%:           {min(slow) * 1000:.0f}..{max(slow) * 1000:.0f} ms; "
          f"/study acks p99 {percentile(study_acks, 99) * 1000:.0f} ms")
    print(f"bot peak RSS (VmHWM): {rss / 1024:.1f} MiB")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"bot CPU time:         {cpu:.1f} s (emulator + learners: "
          f"{usage.ru_utime + usage.ru_stime:.1f} s)")
    per = cpu / len(acks) * 1000
    print(f"bot CPU per interaction: {per:.2f} ms (target <= 1.5 ms: "
          f"{'met' if per <= 1.5 else 'MISSED'}); event loop thread {loop_cpu:.1f} s, "
          f"database and other threads {cpu - loop_cpu:.1f} s")
    print(f"bot exit code:        {code}; warnings/errors logged: {len(problems)} "
          f"(log: {log_copy})")
    for line in problems[:5]:
        print(f"  {line}")
    return 0 if reviews == expected and missed == 0 and code == 0 else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--cards", type=int, default=20)
    parser.add_argument("--bot-log", default="/tmp/studybot-discord-load.log",
                        help="where to keep the bot's stderr")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(run(args.learners, args.cards, args.bot_log)))


if __name__ == "__main__":
    main()

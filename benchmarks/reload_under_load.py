"""Reloading a 10,000-card deck while 200 learners keep answering, against the real bot.

    .venv/bin/python benchmarks/reload_under_load.py [--cards 10000] [--learners 200]

The bot starts with a 10,000-card deck (basic, choice, typed in turn).  Every
simulated learner runs /study in a server and answers right, card after card
(``--per-learner`` new cards each).  Once they are all busy, a maintainer
edits the file: 200 cards get new text, 50 in the middle are deleted (so
every later card moves: 5,000 line and position updates) and 50 are added.
The watcher reloads it; then the maintainer also runs /deck reload.

Prints what each reload did, how long it took, the event loop's longest
stall during each reload (measured inside the bot by a loop-lag monitor,
STUDYBOT_LOOP_LAG_MONITOR), and the acknowledgement latency of every
interaction, overall and during the reloads.  Target: no acknowledgement
over 1 s, and reviews recorded = learners x cards exactly.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.support_bot import by_kind, query, start_bot, write_deck
from tests.emulator import Emulator, Guild, SimUser, StoredMessage

Ack = tuple[float, float]  # (when it was sent, perf_counter; how long until acknowledged)
Seen = tuple[float, float]  # (when it was sent; how long until the learner saw the reply)


class _Baseline(Exception):
    """--no-reload: the same load without any reload, to compare against."""


def card_lines(i: int, front: str) -> list[str]:
    answer = f"answer{i:05d}"
    kind = ("basic", "choice", "typed")[i % 3]
    lines = [f"  - id: big{i:05d}", f"    type: {kind}", f'    front: "{front}"']
    if kind == "choice":
        lines += [f"    choices: [{answer}, wrong{i:05d}a, wrong{i:05d}b]", f"    answer: {answer}"]
    else:
        lines.append(f"    back: {answer}")
    return lines


def make_deck(cards: int, *, edited: bool = False) -> str:
    """The deck; ``edited``: 200 texts changed, 50 middle cards gone, 50 new at the end."""
    lines = ["deck: big", "title: Big deck", "lang: en", "cards:"]
    middle = cards // 2
    for i in range(cards + (50 if edited else 0)):
        if edited and middle <= i < middle + 50:
            continue
        front = f"Question number {i:05d}?"
        if edited and cards - 400 <= i < cards - 200:
            front = f"Question number {i:05d}, reworded?"
        lines += card_lines(i, front)
    return "\n".join(lines) + "\n"


def answer_of(front: str) -> str:
    match = re.search(r"number (\d+)", front)
    assert match, front
    return f"answer{int(match.group(1)):05d}"


async def learner(emu: Emulator, guild: Guild, user: SimUser, acks: list[Ack],
                  seen: list[Seen], per_learner: int, within: float) -> int:
    sent = time.perf_counter()
    start = await emu.slash(user, "study", guild=guild)
    await start.response(within)
    acks.append((sent, start.ack_delay or 0.0))
    await emu.wait_for(lambda: emu.dm_messages(user), within)
    message: StoredMessage = emu.dm_messages(user)[0]
    answered = 0
    while message.buttons():
        right = answer_of(str(message.embeds[-1].get("description") or ""))
        if by_kind(message, "show"):
            sent = time.perf_counter()
            handle = await emu.click(user, message, custom_id=by_kind(message, "show")[0])
            shown = await handle.response(within)
            acks.append((sent, handle.ack_delay or 0.0))
            good = next((c for c in by_kind(shown, "grade") if c.endswith(":4")), None)
            if good is None:  # an error screen: reported below as a learner who stopped
                message = shown
                break
            sent = time.perf_counter()
            handle = await emu.click(user, shown, custom_id=good)
        elif by_kind(message, "type"):
            sent = time.perf_counter()
            opened = await emu.click(user, message, custom_id=by_kind(message, "type")[0])
            modal = await opened.modal(within)
            acks.append((sent, opened.ack_delay or 0.0))
            sent = time.perf_counter()
            handle = await emu.submit_modal(user, modal, {"sb:answer": right})
        else:
            pick = next(str(b["custom_id"]) for b in message.buttons() if b.get("label") == right)
            sent = time.perf_counter()
            handle = await emu.click(user, message, custom_id=pick)
        message = await handle.response(within)
        acks.append((sent, handle.ack_delay or 0.0))
        seen.append((sent, time.perf_counter() - sent))
        answered += 1
    if answered != per_learner:
        shown = " | ".join(str(e.get("title") or e.get("description")) for e in message.embeds)
        print(f"{user.name} stopped after {answered}: {message.content!r} {shown}")
    return answered


def reload_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "deck reload (" in line]


async def run(cards: int, learners: int, per_learner: int, log_copy: str, reload: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="studybot-reload-") as tmp:
        workdir = Path(tmp)
        path = write_deck(workdir / "decks", make_deck(cards), "big.yaml")
        edited = make_deck(cards, edited=True)
        async with Emulator() as emu:
            guild = emu.add_guild("Load Group")
            maya = emu.add_user("maya", guild=guild)
            users = [emu.add_user(f"learner{i}", guild=guild) for i in range(learners)]
            began = time.perf_counter()
            bot = await start_bot(emu, workdir, within=120, extra={
                "STUDYBOT_NEW_PER_DAY": str(per_learner), "STUDYBOT_LOG_LEVEL": "WARNING",
                "STUDYBOT_OWNER_IDS": f"[{maya.id}]", "STUDYBOT_LOOP_LAG_MONITOR": "1"})
            print(f"bot up with {cards:,} cards in {time.perf_counter() - began:.1f} s")
            acks: list[Ack] = []
            seen: list[Seen] = []
            windows: list[tuple[float, float]] = []
            try:
                studying = asyncio.gather(*(
                    learner(emu, guild, u, acks, seen, per_learner, within=60.0) for u in users))
                await emu.wait_for(lambda: len(acks) >= learners * 3, within=60)
                reply = None
                if not reload:
                    done = await studying
                    raise _Baseline
                # 1. a maintainer saves the edited file: the watcher reloads it
                t0 = time.perf_counter()
                path.write_text(edited, encoding="utf-8")
                await emu.wait_for(lambda: len(reload_lines(bot.stderr())) >= 1, within=60)
                windows.append((t0, time.perf_counter()))
                # 2. and asks for a reload of everything (nothing changed: a full diff)
                t0 = time.perf_counter()
                reply = await (await emu.slash(maya, "deck reload", guild=guild)).response(60)
                windows.append((t0, time.perf_counter()))
                done = await studying
            except _Baseline:
                pass
            finally:
                code = await bot.stop()
            [(reviews,)] = query(bot.db_path, "SELECT count(*) FROM review_log")
            [(live,)] = query(bot.db_path,
                              "SELECT count(*) FROM cards WHERE retired_at IS NULL")
            missed = len(emu.missed_deadlines())
            stderr = bot.stderr()
            await asyncio.to_thread(Path(log_copy).write_text, stderr, encoding="utf-8")
    during = [d for s, d in acks if any(a - 1.0 <= s <= b for a, b in windows)]
    every = [d for _, d in acks]
    expected = learners * per_learner
    print(f"learners x cards:   {learners} x {per_learner} (answered {sum(done):,})")
    print(f"reviews recorded:   {reviews:,} (expected {expected:,}); live cards {live:,}")
    for line in reload_lines(stderr):
        print("bot:", line.split(" deck reload ", 1)[-1] if " deck reload " in line else line)
    if reply is not None:
        print("/deck reload reply:", " / ".join(
            str(e.get("description") or "") for e in reply.embeds).replace("\n", " / "))
    print(f"acks overall:       {len(every):,}, max {max(every) * 1000:.0f} ms")
    if during:
        print(f"acks during reloads: {len(during):,}, max {max(during) * 1000:.0f} ms")
    replies = [d for _, d in seen]
    replies_during = [d for s, d in seen if any(a - 1.0 <= s <= b for a, b in windows)]
    print(f"answer -> next card: max {max(replies) * 1000:.0f} ms overall"
          + (f", {max(replies_during) * 1000:.0f} ms during reloads" if replies_during else ""))
    over = sum(1 for d in every if d > 1.0)
    print(f"acks over 1 s:      {over} (target 0); missed 3 s deadlines: {missed}")
    print(f"bot exit code:      {code} (log: {log_copy})")
    return 0 if reviews == expected and over == 0 and missed == 0 and code == 0 else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--per-learner", type=int, default=30)
    parser.add_argument("--bot-log", default="/tmp/studybot-reload-under-load.log")
    parser.add_argument("--no-reload", action="store_true",
                        help="the same load without reloading (a baseline)")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(run(args.cards, args.learners, args.per_learner,
                                     args.bot_log, not args.no_reload)))


if __name__ == "__main__":
    main()

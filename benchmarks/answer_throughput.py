"""The answer use case on a SQLite file of 1,000 learners x 1,000 cards.

Targets (issue 3): answers >= 2,000/s sustained with p99 <= 5 ms, and the
next-due-face query p99 <= 2 ms, on 1,000,000 review states.

    .venv/bin/python benchmarks/answer_throughput.py [--learners 1000] [--cards 1000]
        [--rounds 5] [--workers 1] [--db PATH]

Builds the database once (kept at --db for reruns), then times only the
answer calls: each round fetches one prompt per learner (untimed) and answers
them all (timed), sequentially or with --workers concurrent tasks.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.storage.deck_sync import CardSnapshot, DeckSnapshot, sync_deck
from bot.study.learners import LearnerDefaults
from bot.study.queue_queries import DeckScope, due_face_keys
from bot.study.runtime import Database, open_database
from bot.study.session import SelfGrade, StudyService

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def build(db: Database, path: Path, learners: int, cards: int) -> None:
    snapshot = DeckSnapshot(
        deck_id="bench",
        title="Benchmark deck",
        lang="en",
        path="bench.yaml",
        content_hash="0",
        cards=[
            CardSnapshot(f"c{i:05d}", "basic", {"front": f"Q{i}", "back": f"A{i}"}, (1,))
            for i in range(cards)
        ],
    )
    async with db.sessions.begin() as session:
        await sync_deck(session, snapshot, NOW)
    rng = random.Random(0)
    con = sqlite3.connect(path)
    with con:
        con.executemany(
            "INSERT INTO users (id, timezone, locale, new_per_day, reviews_per_day, "
            "rollover_hour, created_at) VALUES (?, 'Asia/Seoul', NULL, 20, 10000, 4, ?)",
            [(10_000 + u, NOW.replace(tzinfo=None).isoformat(" ")) for u in range(learners)],
        )
        con.executemany(
            "INSERT INTO enrollments (user_id, deck_id, joined_at) VALUES (?, 'bench', ?)",
            [(10_000 + u, NOW.replace(tzinfo=None).isoformat(" ")) for u in range(learners)],
        )
        pks = [row[0] for row in con.execute("SELECT pk FROM cards ORDER BY pk")]
        for u in range(learners):
            rows = []
            for pk in pks:
                due = TODAY + timedelta(days=rng.randint(-30, 60))
                rows.append((10_000 + u, pk, 1, rng.randint(130, 300), rng.randint(1, 8),
                             rng.randint(1, 90), due.isoformat()))
            con.executemany(
                "INSERT INTO review_states (user_id, card_pk, face, ease_cents, repetitions, "
                "interval, due, lapses, last_reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL)",
                rows,
            )
    con.execute("ANALYZE")
    con.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    fresh = not path.exists()
    db = await open_database(f"sqlite+aiosqlite:///{path}")
    if fresh:
        started = time.perf_counter()
        await build(db, path, args.learners, args.cards)
        print(f"built {args.learners:,} x {args.cards:,} review states in "
              f"{time.perf_counter() - started:.1f} s at {path}")
    service = StudyService(db.sessions, LearnerDefaults(), runner=db.runner)
    users = [10_000 + u for u in range(args.learners)]
    refs = {u: await service.start(u, "bench", "bench", NOW) for u in users}
    rng = random.Random(1)
    latencies: list[float] = []
    answer_time = 0.0
    for _ in range(args.rounds):
        prompts = []
        for u in users:
            view = await service.next_prompt(refs[u].id, u, NOW, rng)
            if view is not None:
                prompts.append((u, view.prompt_id))
        queue = list(prompts)

        async def worker(queue: list[tuple[int, int]] = queue) -> None:
            while queue:
                user, prompt_id = queue.pop()
                t0 = time.perf_counter()
                await service.answer(prompt_id, user, SelfGrade(rng.choice((1, 3, 4, 5))), NOW)
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(args.workers)))
        answer_time += time.perf_counter() - t0
    n = len(latencies)
    rate = n / answer_time
    p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
    print(f"answer: {n:,} answers, {rate:,.0f} answers/s with {args.workers} worker(s); "
          f"latency p50 {p50:.2f} ms, p99 {p99:.2f} ms "
          f"(targets >= 2,000/s, p99 <= 5 ms: {'met' if rate >= 2000 and p99 <= 5 else 'MISSED'})")

    query_times = []
    for u in random.Random(2).sample(users, min(len(users), 1000)):
        scope = DeckScope(u, None)
        t0 = time.perf_counter()
        await db.runner.run(lambda conn, scope=scope: due_face_keys(conn, scope, TODAY, 1))
        query_times.append(time.perf_counter() - t0)
    q50, q99 = percentile(query_times, 0.5) * 1000, percentile(query_times, 0.99) * 1000
    print(f"next due face: p50 {q50:.2f} ms, p99 {q99:.2f} ms "
          f"(target p99 <= 2 ms: {'met' if q99 <= 2 else 'MISSED'})")
    print(f"check: mean answer {statistics.mean(latencies) * 1000:.2f} ms over {n:,} answers")
    await db.close()


if __name__ == "__main__":
    asyncio.run(main())

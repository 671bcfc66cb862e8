"""The answer use case on a SQLite file of 1,000 learners x 1,000 cards.

Targets: sequentially, at least half the rate of the same statements run with
plain sqlite3 on the same file (ratio >= 0.5) with p99 <= 2 ms; with 8
concurrent callers >= 3,000 answers/s (answers waiting in the runner's queue
share a commit); the next-due-face query p99 <= 2 ms, on 1,000,000 states.

    .venv/bin/python benchmarks/answer_throughput.py [--learners 1000] [--cards 1000]
        [--rounds 5] [--workers 1] [--db PATH] [--profile FILE] [--fsrs]

``--fsrs`` puts every learner on FSRS (states with stability, difficulty and a last
review) and times only the app: the plain-sqlite3 twin runs SM-2's statements.

Builds the database once (kept at --db for reruns), then times only the
answer calls: each round fetches one prompt per learner (untimed) and answers
half of them through the app (sequentially or with --workers concurrent
tasks) and the other half with plain sqlite3: the statements the app runs,
compiled by SQLAlchemy once, executed on a sqlite3 connection of the same
file in one thread, with the same SM-2 arithmetic in between.  The halves
alternate between rounds, so both meet the same file and the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.dialects.sqlite import pysqlite

from bot.srs.sm2 import PASSING_QUALITY, Sm2State, review
from bot.storage import answers
from bot.storage.deck_sync import CardSnapshot, DeckSnapshot, sync_deck
from bot.storage.engine import SQLITE_BUSY_TIMEOUT_MS
from bot.storage.queue_queries import KIND_DRILL, KIND_REVIEW, DeckScope, due_face_keys
from bot.storage.study_sessions import MODE_MISTAKES
from bot.study.learners import LearnerDefaults, learner_today
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
    await db.runner.run(lambda conn: sync_deck(conn, snapshot, NOW))
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


def to_fsrs(path: Path) -> None:
    """Every learner on FSRS, each state an FSRS one (stability about the interval)."""
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE users SET scheduler = 'fsrs'")
        con.execute(
            "UPDATE review_states SET scheduler = 'fsrs', ease_cents = NULL, repetitions = NULL,"
            " stability = interval * 1.1, difficulty = 1 + (card_pk % 9),"
            " last_review = date(due, '-' || interval || ' days') WHERE scheduler = 'sm2'"
        )
    con.close()


_LOG_COLUMNS = ["user_id", "card_pk", "face", "prompt_id", "session_id", "kind", "quality",
                "answer", "reviewed_at", "study_date", "ease_cents", "repetitions", "interval",
                "due", "exam_date"]
_STATE_COLUMNS = [*answers.SCHEDULE_COLUMNS, "last_reviewed_at"]


class PlainAnswers:
    """The app's answer statements, compiled once, run with plain sqlite3 on one connection."""

    def __init__(self, path: Path) -> None:
        dialect = pysqlite.dialect()
        self.sql: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.fixed: dict[str, dict[str, Any]] = {}
        for name, statement, keys in (
            ("claim", answers.CLAIM, None),
            ("context", answers.CONTEXT, None),
            ("state", answers.UPDATE_STATE, _STATE_COLUMNS),
            ("log", answers.INSERT_LOG, _LOG_COLUMNS),
        ):
            compiled = statement.compile(dialect=dialect, column_keys=keys)
            self.sql[name] = (compiled.string, tuple(compiled.positiontup or ()))
            self.fixed[name] = dict(compiled.params)  # literals bound by the statement itself
        self.con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        # The app's pragmas, its checkpoints left to the app's checkpointer thread too.
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                       f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}", "wal_autocheckpoint=0"):
            self.con.execute(f"PRAGMA {pragma}")

    def _run(self, name: str, values: dict[str, Any]) -> sqlite3.Cursor:
        sql, order = self.sql[name]
        values = {**self.fixed[name], **values}
        return self.con.execute(sql, tuple(values[key] for key in order))

    def answer(self, prompt_id: int, user_id: int, quality: int, now: datetime) -> None:
        stamp = now.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        self.con.execute("BEGIN IMMEDIATE")
        card_pk, face, session_id, _order, _shown, shown_at = self._run("claim", {
            "claim_prompt": prompt_id, "claim_user": user_id, "claim_now": stamp}).fetchone()
        row = self._run("context", {"card_pk": card_pk, "face": face, "session_id": session_id,
                                    "user_id": user_id, "shown_at": shown_at,
                                    "exam_floor": answers.exam_floor(now).isoformat()}
                        ).fetchone()
        (_type, _content, _faces, _retired, _deck, _ended, mode, tz, hour, kept_day, kept_until,
         _chosen, _retention, _deck_default, _own_exam, _group_exam, _scheduler, ease, reps,
         interval, due, _stability, _difficulty, _last, drilled, since) = row
        today = learner_today(now, tz, hour, kept_day, kept_until)
        before = Sm2State.from_cents(ease, reps, interval, date.fromisoformat(due))
        drill = bool(drilled or since or mode == MODE_MISTAKES)
        after = before if drill else review(before, quality, today)
        schedule = {"scheduler": "sm2", "ease_cents": after.ease_cents,
                    "repetitions": after.repetitions, "interval": after.interval,
                    "due": after.due.isoformat() if after.due else None, "stability": None,
                    "difficulty": None, "last_review": None}
        if not drill:
            self._run("state", {**schedule, "last_reviewed_at": stamp, "key_user": user_id,
                                "key_card": card_pk, "key_face": face,
                                "lapse": 1 if quality < PASSING_QUALITY else 0})
        self._run("log", {**schedule, "user_id": user_id, "card_pk": card_pk, "face": face,
                          "prompt_id": prompt_id, "session_id": session_id,
                          "kind": KIND_DRILL if drill else KIND_REVIEW, "quality": quality,
                          "answer": None, "reviewed_at": stamp,
                          "study_date": today.isoformat(), "exam_date": None})
        self.con.execute("COMMIT")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--profile", type=Path,
                        help="write a cProfile of the app's answers (every thread) here")
    parser.add_argument("--fsrs", action="store_true",
                        help="every learner on FSRS; the app alone is timed")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    fresh = not path.exists()
    db = await open_database(f"sqlite+aiosqlite:///{path}")
    if fresh:
        started = time.perf_counter()
        await build(db, path, args.learners, args.cards)
        print(f"built {args.learners:,} x {args.cards:,} review states in "
              f"{time.perf_counter() - started:.1f} s at {path}")
    if args.fsrs:
        to_fsrs(path)
    service = StudyService(db.runner, LearnerDefaults())
    plain = PlainAnswers(path)
    users = [10_000 + u for u in range(args.learners)]
    refs = {u: await service.start(u, "bench", "bench", NOW) for u in users}
    rng = random.Random(1)
    latencies: list[float] = []
    plain_latencies: list[float] = []
    answer_time = plain_time = 0.0
    profiles = _Profiles() if args.profile else None
    for round_no in range(args.rounds):
        prompts = []
        for u in users:
            view = await service.next_prompt(refs[u].id, u, NOW, rng)
            if view is not None:
                prompts.append((u, view.prompt_id, rng.choice((1, 3, 4, 5))))
        mine = prompts[round_no % 2::2]
        theirs = prompts[(round_no + 1) % 2::2]
        queue = list(mine)

        async def worker(queue: list[tuple[int, int, int]] = queue) -> None:
            while queue:
                user, prompt_id, quality = queue.pop()
                t0 = time.perf_counter()
                await service.answer(prompt_id, user, SelfGrade(quality), NOW)
                latencies.append(time.perf_counter() - t0)

        if profiles:
            profiles.start()
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(args.workers)))
        answer_time += time.perf_counter() - t0
        if profiles:
            profiles.stop()
        t0 = time.perf_counter()
        for user, prompt_id, quality in ([] if args.fsrs else theirs):
            t1 = time.perf_counter()
            plain.answer(prompt_id, user, quality, NOW)
            plain_latencies.append(time.perf_counter() - t1)
        plain_time += time.perf_counter() - t0
    n, m = len(latencies), len(plain_latencies)
    if args.fsrs:
        p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
        print(f"answer (app, FSRS): {n:,} answers, {n / answer_time:,.0f} answers/s with "
              f"{args.workers} worker(s); latency p50 {p50:.2f} ms, p99 {p99:.2f} ms")
        plain.con.close()
        await db.close()
        if profiles is not None:
            profiles.dump(args.profile)
        return
    rate, plain_rate = n / answer_time, m / plain_time
    p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
    print(f"answer (app):   {n:,} answers, {rate:,.0f} answers/s with {args.workers} "
          f"worker(s); latency p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    print(f"answer (plain sqlite3, same statements, same file): {m:,} answers, "
          f"{plain_rate:,.0f} answers/s; latency p50 "
          f"{percentile(plain_latencies, 0.5) * 1000:.2f} ms, "
          f"p99 {percentile(plain_latencies, 0.99) * 1000:.2f} ms")
    ratio = rate / plain_rate
    if args.workers == 1:
        verdict = "met" if ratio >= 0.5 and p99 <= 2 else "MISSED"
        target = "ratio >= 0.5, p99 <= 2 ms"
    else:
        verdict = "met" if rate >= 3000 else "MISSED"
        target = ">= 3,000 answers/s"
    print(f"ratio app/plain: {ratio:.2f} (target {target}: {verdict})")

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
    plain.con.close()
    await db.close()
    if profiles is not None:
        profiles.dump(args.profile)
        print(f"profile of the app's answers: {args.profile}")


class _Profiles:
    """cProfile of the event loop's thread and of the runner's writer thread (3.11 has no
    profiler for every thread at once): one profiler per thread, merged at the end."""

    def __init__(self) -> None:
        from bot.storage import transactions

        self.loop, self.writer = cProfile.Profile(), cProfile.Profile()
        self.on = False
        run = transactions._Lane._run

        def profiled(lane: Any, connection: Any, jobs: Any, *, begun: bool = False) -> None:
            if not self.on or begun:  # (begun: run on the event loop, in the loop's profile)
                return run(lane, connection, jobs, begun=begun)
            self.writer.enable()
            try:
                return run(lane, connection, jobs)
            finally:
                self.writer.disable()

        transactions._Lane._run = profiled  # type: ignore[method-assign]

    def start(self) -> None:
        self.on = True
        self.loop.enable()

    def stop(self) -> None:
        self.loop.disable()
        self.on = False

    def dump(self, path: Path) -> None:
        import pstats

        stats = pstats.Stats(self.loop)
        self.writer.create_stats()
        if self.writer.stats:  # type: ignore[attr-defined]
            # (empty when every answer ran on the event loop, the writer being idle)
            stats.add(self.writer)
        stats.dump_stats(path)


if __name__ == "__main__":
    asyncio.run(main())

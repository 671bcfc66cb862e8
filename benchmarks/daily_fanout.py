"""1,000 study groups with the same post time, through the emulator enforcing Discord's limits.

    .venv/bin/python benchmarks/daily_fanout.py [--groups 1000] [--grace 60]

1,000 guilds each have a daily question at 09:00 Asia/Seoul in their
#general.  The real bot (``studybot run``) starts at 08:59:50 on a file clock;
the clock is then set to 09:00 and every post goes out at once.  Prints:

- posts made (must equal the number of groups, none twice), counted from the
  emulator's successful POSTs and from the bot's database;
- time taken against the minimum Discord's global limit (50 requests/s)
  allows, and their ratio (target <= 1.2);
- 429 answers received, in all and after the first second (target 0).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from datetime import time as wall_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.jobs.clock import ENV_VAR, write_instant
from bot.study import daily
from bot.study.daily import DailySetup
from bot.study.runtime import load_decks_dir, open_database
from tests.e2e.daily_support import GROUP_DECK
from tests.e2e.support_bot import query, start_bot, write_deck
from tests.emulator import Emulator

GLOBAL_PER_SECOND = 50
SETUP_AT = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)  # 08:00 in Seoul
POST_AT = datetime(2026, 11, 25, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
_CHANNEL = re.compile(r"/channels/(\d+)/messages")


async def configure_groups(workdir: Path, groups: list[tuple[int, int]]) -> None:
    """The groups' set-up, written with the use case directly (1,000 slash commands add nothing)."""
    db = await open_database(f"sqlite+aiosqlite:///{workdir / 'studybot.db'}")
    try:
        await load_decks_dir(db, workdir / "decks", SETUP_AT)
        for guild_id, channel_id in groups:
            await daily.configure(db.runner, DailySetup(
                guild_id, channel_id, "group", wall_time(9, 0), "Asia/Seoul", 480, "en", 1,
            ), SETUP_AT)
    finally:
        await db.close()


async def run(count: int, grace: int) -> int:
    async with Emulator(enforce_rate_limits=True) as emu:
        guilds = [emu.add_guild(f"Group {i}") for i in range(count)]
        groups = [(g.id, emu.general(g).id) for g in guilds]
        with tempfile.TemporaryDirectory(prefix="daily-fanout-") as tmp:
            workdir = Path(tmp)
            write_deck(workdir / "decks", GROUP_DECK, "group.yaml")
            await configure_groups(workdir, groups)
            clock = workdir / "clock.txt"
            write_instant(clock, POST_AT - timedelta(seconds=10))
            bot = await start_bot(emu, workdir, within=120.0, extra={
                ENV_VAR: str(clock), "STUDYBOT_DAILY_GRACE_MINUTES": str(grace),
                "STUDYBOT_LOG_LEVEL": "WARNING",
            })
            try:
                # Let GUILD_CREATEs settle so only the posts are measured.
                await asyncio.sleep(2.0)
                before = len(emu.requests())
                start = time.monotonic()
                write_instant(clock, POST_AT)

                def posted() -> int:
                    return sum(1 for r in emu.requests("POST /channels/*/messages")
                               if r.status == 200)

                await emu.wait_for(lambda: posted() >= count or None, within=count / 10 + 60)
                await asyncio.sleep(1.0)  # anything extra (a double post) would show by now
                requests = emu.requests()[before:]
                rows = query(bot.db_path, "SELECT status, COUNT(*) FROM daily_posts GROUP BY 1")
            finally:
                code = await bot.stop()
            stderr = bot.stderr()
    posts = [r for r in requests if r.method == "POST" and _CHANNEL.fullmatch(r.path)]
    ok = [r for r in posts if r.status == 200]
    per_channel = Counter(_CHANNEL.fullmatch(r.path).group(1) for r in ok)  # type: ignore[union-attr]
    twice = sum(1 for n in per_channel.values() if n > 1)
    limited = [r for r in requests if r.status == 429]
    late_429 = [r for r in limited if r.at - start > 1.0]
    first = min(r.at for r in ok)
    last = max(r.at for r in ok)
    elapsed = last - start
    minimum = (count - GLOBAL_PER_SECOND) / GLOBAL_PER_SECOND if count > GLOBAL_PER_SECOND else 0
    print(f"groups:                 {count}")
    print(f"posts made:             {len(per_channel)} channels, {len(ok)} messages "
          f"({twice} channels twice)  [database: {dict(rows)}]")
    print(f"time taken:             {elapsed:.2f} s from the clock change "
          f"(first post after {first - start:.2f} s)")
    print(f"minimum at 50 req/s:    {minimum:.2f} s  ->  ratio {elapsed / minimum:.2f} "
          "(target <= 1.2)" if minimum else "minimum: n/a (fits in one window)")
    print(f"429s received:          {len(limited)} in all, {len(late_429)} after the first "
          "second (target 0)")
    print(f"bot exit code:          {code}, tracebacks: {stderr.count('Traceback')}")
    good = len(per_channel) == count and twice == 0 and not late_429 and code == 0
    return 0 if good else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--grace", type=int, default=60, help="grace period in minutes")
    args = parser.parse_args()
    return asyncio.run(run(args.groups, args.grace))


if __name__ == "__main__":
    raise SystemExit(main())

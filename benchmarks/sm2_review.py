"""SM-2 `review` throughput, pure (target >= 300,000 reviews/s).

    .venv/bin/python benchmarks/sm2_review.py [--reviews N]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from bot.srs import Sm2State, review


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1_000_000)
    args = parser.parse_args()
    rng = random.Random(0)
    grades = [rng.choice((1, 3, 4, 4, 5, 5)) for _ in range(args.reviews)]
    days = [date(2026, 1, 1) + timedelta(days=i % 365) for i in range(args.reviews)]
    best = float("inf")
    for _ in range(3):
        state = Sm2State.new()
        started = time.perf_counter()
        for quality, day in zip(grades, days, strict=True):
            state = review(state, quality, day)
            if state.interval > 3650:
                state = Sm2State.new()
        best = min(best, time.perf_counter() - started)
    rate = args.reviews / best
    print(f"sm2.review: {args.reviews:,} reviews in {best:.3f} s = {rate:,.0f} reviews/s "
          f"(target >= 300,000/s: {'met' if rate >= 300_000 else 'MISSED'})")


if __name__ == "__main__":
    main()

"""Loading a 10,000-card deck: parse + validate, then sync into SQLite.

Targets (issue 3): parse + validate <= 2 s; sync into the database <= 5 s.
Also times a second sync with one card edited (what a reload costs), and checking a
deck at the 5 MiB size limit made of one line of `\n` escapes (issue 12: the YAML
reader must be linear; the old one took over a minute on it).

    .venv/bin/python benchmarks/deck_load.py [--cards 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.decks.errors import DeckError
from bot.decks.limits import MAX_FILE_BYTES
from bot.decks.loader import load_deck, parse_deck
from bot.study.deck_loading import load_deck_files
from bot.study.runtime import open_database

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def write_deck(path: Path, cards: int, rng: random.Random) -> None:
    """A deck of every card type, shaped like the shipped one (Korean text, tags)."""
    lines = ["deck: bench", "title: 벤치마크 덱", "lang: ko", "cards:"]
    for i in range(cards):
        card_id = f"b{i:07x}"
        kind = ("basic", "choice", "cloze", "typed")[i % 4]
        lines += [f"  - id: {card_id}", f"    type: {kind}", f"    tags: [t{i % 17}, bench]"]
        if kind == "basic":
            lines += [f"    front: 가상머신 {i}이란?", f"    back: 서버를 나눈 환경 {i}."]
        elif kind == "choice":
            options = [f"보기 {i}-{j}" for j in range(rng.randint(2, 4))]
            lines += [f"    front: 질문 {i} — 옳은 것은?", f"    choices: [{', '.join(options)}]",
                      f"    answer: {options[0]}", "    back: 해설입니다."]
        elif kind == "cloze":
            lines += [f'    text: "도커파일을 {{{{c1::빌드}}}}하면 이미지 {i}가 되고 '
                      f'{{{{c2::실행}}}}하면 컨테이너가 된다."']
        else:
            lines += [f"    front: 인터넷의 전화번호부 {i}는?", "    back: DNS",
                      "    accept: [Domain Name System]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    deck_path = folder / "bench.yaml"
    write_deck(deck_path, args.cards, random.Random(0))
    size = deck_path.stat().st_size

    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        loaded = load_deck(deck_path)
        best = min(best, time.perf_counter() - started)
    assert len(loaded.deck.cards) == args.cards
    print(f"parse + validate: {args.cards:,} cards ({size / 1e6:.1f} MB) in {best:.2f} s "
          f"(target <= 2 s: {'met' if best <= 2 else 'MISSED'})")

    head = b'deck: esc\ntitle: T\ncards:\n  - id: e1\n    type: basic\n    front: "'
    tail = b'"\n    back: B\n'
    escapes = head + b"\\n" * ((MAX_FILE_BYTES - len(head) - len(tail)) // 2) + tail
    started = time.perf_counter()
    with contextlib.suppress(DeckError):  # refused (the field is too long): it was read
        parse_deck(escapes, "escapes.yaml")
    checked = time.perf_counter() - started
    print(f"check a {len(escapes) / 1_048_576:.1f} MiB deck of \\n escapes: {checked:.2f} s")

    db = await open_database(f"sqlite+aiosqlite:///{folder / 'bench.db'}")
    started = time.perf_counter()
    report = await load_deck_files(db.runner, [deck_path], NOW)
    first = time.perf_counter() - started
    assert not report.problems, report.problems[:3]
    verdict = "met" if first <= 5 else "MISSED"
    print(f"first sync into SQLite: {first:.2f} s (target <= 5 s: {verdict})")

    text = deck_path.read_text(encoding="utf-8").replace("가상머신 0이란?", "가상 머신 0이란?", 1)
    deck_path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    report = await load_deck_files(db.runner, [deck_path], NOW)
    again = time.perf_counter() - started
    changed = report.synced["bench"].changed
    print(f"reload with one card edited: {again:.2f} s ({len(changed)} changed)")
    await db.close()


if __name__ == "__main__":
    asyncio.run(main())

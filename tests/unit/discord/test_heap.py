"""The running bot's collector: startup objects out of sight, a young generation that lets
an interaction's objects die by reference count."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bot.discord import heap


@pytest.fixture
def restored_collector() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("restored_collector")
def test_settle_freezes_what_lives_now_and_raises_the_young_threshold() -> None:
    kept = [[i] for i in range(1000)]  # container objects alive when the bot is up
    heap.settle()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold()[:2] == (heap.YOUNG_THRESHOLD, heap.MIDDLE_THRESHOLD)
    # What is made afterwards is still collected: a cycle dropped later is freed.
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1

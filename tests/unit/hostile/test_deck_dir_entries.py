"""What the bot reads from the decks folder: regular files only.

A FIFO or a link to a device named `*.yaml` would block the start-up or read
without end (load_deck itself refuses them too, see test_deck_hostile_cases); the folder
scan must never hand them to the loader.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.study.deck_loading import deck_files
from tests.unit.hostile.bounded import deadline

DECK = "deck: good\ntitle: Good\ncards: []\n"


def test_the_deck_scan_skips_fifos_devices_and_folders(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(DECK, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "missing.yaml")
    with deadline(2):
        assert deck_files(tmp_path) == [tmp_path / "good.yaml"]

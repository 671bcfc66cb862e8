"""`studybot deck import` on a package that unpacks to far more than it weighs.

A `.apkg` is a zip; its collection may be deflated or zstd-compressed, and both
shrink runs of zeros a thousandfold. The real command runs in a child process
whose peak memory is measured: the collection is refused once it passes the cap,
without ever being held in memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import zstandard

from bot.decks.interop.anki_import import MAX_COLLECTION_BYTES, ApkgError, read_apkg_notes

REPO = Path(__file__).resolve().parents[3]
SQLITE_MAGIC = b"SQLite format 3\x00"
MIB = 2**20
#: Peak memory of `studybot deck import` refusing a bomb (the interpreter and its imports
#: take about 60 MiB; the old reader held the whole collection, twice for zstd).
PEAK_LIMIT_MIB = 200


def write_zeros(stream: object, size: int) -> None:
    chunk = bytes(MIB)
    stream.write(SQLITE_MAGIC)  # type: ignore[attr-defined]
    for _ in range(size // MIB):
        stream.write(chunk)  # type: ignore[attr-defined]


def deflate_bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(
        "collection.anki2", "w", force_zip64=True
    ) as member:
        write_zeros(member, size)
    return path


def zstd_bomb(path: Path, size: int) -> Path:
    """Anki's current format: `collection.anki21b`, zstd inside a stored zip member."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive, archive.open(
        "collection.anki21b", "w", force_zip64=True
    ) as member, zstandard.ZstdCompressor(level=1).stream_writer(member, closefd=False) as out:
        write_zeros(out, size)
    return path


def import_measured(package: Path, tmp_path: Path) -> tuple[int, str, int]:
    """Exit code, stderr and peak memory (MiB) of `studybot deck import package`."""
    output = tmp_path / "out.yaml"
    probe = (
        "import json, resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
        "print(json.dumps([done.returncode, done.stderr, peak]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "bot.cli", "deck", "import",
         str(package), "-o", str(output)],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=True,
    )  # fmt: skip
    code, stderr, peak = json.loads(result.stdout)
    assert not output.exists()
    return int(code), str(stderr), int(peak)


@pytest.mark.parametrize("bomb", [deflate_bomb, zstd_bomb])
def test_a_package_that_unpacks_to_gigabytes_is_refused_in_little_memory(
        tmp_path: Path, bomb: object) -> None:
    package = bomb(tmp_path / "bomb.apkg", 1024 * MIB)  # type: ignore[operator]
    assert package.stat().st_size < 2 * MIB
    code, stderr, peak = import_measured(package, tmp_path)
    assert peak < PEAK_LIMIT_MIB, f"peak memory {peak} MiB"
    assert code == 2, stderr
    assert "Traceback" not in stderr
    assert f"unpacks to more than {MAX_COLLECTION_BYTES // MIB} MiB" in stderr


def test_a_zip_that_understates_its_member_is_still_bounded(tmp_path: Path) -> None:
    """The stated size is only an early refusal: what unpacks is counted."""
    package = zstd_bomb(tmp_path / "bomb.apkg", MAX_COLLECTION_BYTES + MIB)
    assert zipfile.ZipFile(package).getinfo("collection.anki21b").file_size < MIB
    with pytest.raises(ApkgError, match="unpacks to more than"):
        read_apkg_notes(package)


def test_a_collection_just_under_the_cap_is_read(tmp_path: Path) -> None:
    """Zeros after the magic are not a valid collection: refused for that, not for size."""
    package = zstd_bomb(tmp_path / "big.apkg", MAX_COLLECTION_BYTES - MIB)
    with pytest.raises(ApkgError, match="not an Anki collection"):
        read_apkg_notes(package)

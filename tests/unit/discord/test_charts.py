"""The /stats chart: a real PNG of the promised size, whatever the history holds."""

from __future__ import annotations

import struct
import zlib
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord.charts import (
    DPI,
    HEIGHT_IN,
    WIDTH_IN,
    ChartData,
    hangul_font,
    label_language,
    render_stats_chart,
    stats_chart_png,
)
from bot.study.stats import DayCount

TODAY = date(2026, 11, 25)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk, checking each CRC as a PNG reader would."""
    assert png.startswith(PNG_SIGNATURE)
    chunks: list[tuple[bytes, bytes]] = []
    offset = len(PNG_SIGNATURE)
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        data = png[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", png[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + data) == crc, f"bad CRC in {kind!r}"
        chunks.append((kind, data))
        offset += 12 + length
    return chunks


def _size(png: bytes) -> tuple[int, int]:
    kind, data = _chunks(png)[0]
    assert kind == b"IHDR"
    width, height = struct.unpack(">II", data[:8])
    return width, height


def _data(forecast: list[int], history: list[tuple[int, int]]) -> ChartData:
    return ChartData(
        [(TODAY + timedelta(days=i + 1), n) for i, n in enumerate(forecast)],
        [
            DayCount(TODAY - timedelta(days=len(history) - 1 - i), n, c)
            for i, (n, c) in enumerate(history)
        ],
    )


def test_empty_history_still_makes_a_complete_png() -> None:
    png = render_stats_chart(_data([0] * 30, [(0, 0)] * 30), "en")
    kinds = [kind for kind, _ in _chunks(png)]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"IDAT" in kinds
    assert _size(png) == (int(WIDTH_IN * DPI), int(HEIGHT_IN * DPI))


def test_no_days_at_all_does_not_crash() -> None:
    png = render_stats_chart(ChartData([], []), "ko")
    assert _size(png) == (int(WIDTH_IN * DPI), int(HEIGHT_IN * DPI))


def test_busy_history_draws_more_than_an_empty_one() -> None:
    empty = render_stats_chart(_data([0] * 30, [(0, 0)] * 30), "en")
    busy = render_stats_chart(
        _data([i % 7 for i in range(30)], [(10 + i, i) for i in range(30)]), "en"
    )
    # More ink compresses worse: the bars and the rate line are really drawn.
    assert len(busy) > len(empty) + 1000
    assert busy != empty


@settings(max_examples=10, deadline=None)
@given(
    forecast=st.lists(st.integers(0, 5000), min_size=0, max_size=40),
    history=st.lists(
        st.integers(0, 5000).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n))),
        min_size=0,
        max_size=40,
    ),
    lang=st.sampled_from(["ko", "en"]),
)
def test_any_numbers_give_a_png_of_fixed_size(
    forecast: list[int], history: list[tuple[int, int]], lang: str
) -> None:
    assert _size(render_stats_chart(_data(forecast, history), lang)) == (800, 600)


def test_korean_labels_only_with_a_hangul_font() -> None:
    # With no Hangul font matplotlib would draw boxes, so the labels stay English.
    expected = "ko" if hangul_font() is not None else "en"
    assert label_language("ko") == expected
    assert label_language("en") == "en"


async def test_rendering_off_the_loop_gives_the_same_png() -> None:
    data = _data([1, 2, 3], [(4, 3), (0, 0), (2, 2)])
    assert await stats_chart_png(data, "en") == render_stats_chart(data, "en")

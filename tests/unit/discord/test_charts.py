"""The /stats chart: a real PNG of the promised size, whatever the history holds."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.discord.charts import (
    DPI,
    HEIGHT_IN,
    WIDTH_IN,
    ChartData,
    bundled_hangul_font,
    hangul_font,
    label_language,
    render_stats_chart,
    stats_chart,
    stats_chart_png,
    tick_positions,
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


def test_korean_labels_with_the_font_the_bot_ships() -> None:
    bundled = bundled_hangul_font()
    assert bundled is not None and bundled.name == "NanumGothic.ttf"
    assert hangul_font() == "NanumGothic"
    assert label_language("ko") == "ko"
    assert label_language("en") == "en"


@pytest.mark.parametrize(
    ("count", "ticks"),
    [(0, []), (1, [0]), (3, [0, 1, 2]), (15, [0, 2, 4, 6, 8, 10, 12, 14]),
     (30, [0, 4, 8, 12, 16, 20, 24, 29]), (31, [0, 4, 8, 12, 16, 20, 24, 30])],
)
def test_date_ticks_label_the_first_and_the_last_bar(count: int, ticks: list[int]) -> None:
    assert tick_positions(count) == ticks


def test_the_first_bar_of_each_chart_carries_its_date() -> None:
    data = _data([1] * 30, [(2, 1)] * 30)
    with stats_chart(data, "en") as figure:
        figure.canvas.draw()
        upper, lower = figure.axes[:2]
        first = {axes: {round(label.get_position()[0]): label.get_text()
                        for label in axes.get_xticklabels()} for axes in (upper, lower)}
    assert first[upper][0] == "11/26"  # tomorrow, the first day of the forecast
    assert first[upper][29] == "12/25"
    assert first[lower][0] == "10/27"  # 29 days ago, the first day of the history
    assert first[lower][29] == "11/25"  # today


#: Run in a fresh interpreter with an empty matplotlib cache: the font list is built anew,
#: then cut down to matplotlib's own fonts, as on a server with no fonts installed.
FRESH_MACHINE = """
import json, warnings
from datetime import date, timedelta
from pathlib import Path
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager, text
own = Path(matplotlib.get_data_path(), "fonts")
font_manager.fontManager.ttflist = [
    f for f in font_manager.fontManager.ttflist if Path(f.fname).is_relative_to(own)]
from bot.discord import charts
from bot.study.stats import DayCount
today = date(2026, 11, 25)
data = charts.ChartData(
    [(today + timedelta(days=i + 1), i % 4) for i in range(30)],
    [DayCount(today - timedelta(days=29 - i), 3, 2) for i in range(30)])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    png = charts.render_stats_chart(data, "ko")
    with charts.stats_chart(data, "ko") as figure:
        figure.canvas.draw()
        korean = [t for t in figure.findobj(text.Text)
                  if any("\uac00" <= c <= "\ud7a3" for c in t.get_text())]
        files = sorted({font_manager.findfont(t.get_fontproperties(), fallback_to_default=False)
                        for t in korean})
print(json.dumps({
    "png": len(png), "texts": [t.get_text() for t in korean], "files": files,
    "warnings": [str(w.message) for w in caught],
    "bundled": str(charts.bundled_hangul_font()),
}))
"""


def test_korean_chart_on_a_machine_without_hangul_fonts(tmp_path: Path) -> None:
    cache = tmp_path / "mplconfig"
    cache.mkdir()
    env = {**os.environ, "MPLCONFIGDIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", FRESH_MACHINE], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert list(cache.glob("fontlist-*.json")), "matplotlib built its font cache anew"
    assert "앞으로 30일 동안 복습할 카드" in result["texts"]  # labelled in Korean, not English
    assert "최근 30일 복습 수와 정답률" in result["texts"]
    assert result["files"] == [result["bundled"]]  # every Korean label in the bundled font
    assert not [w for w in result["warnings"] if "missing from" in w]  # no empty boxes
    assert result["png"] > 5000


async def test_rendering_off_the_loop_gives_the_same_png() -> None:
    data = _data([1, 2, 3], [(4, 3), (0, 0), (2, 2)])
    assert await stats_chart_png(data, "en") == render_stats_chart(data, "en")

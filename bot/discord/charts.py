"""The /stats chart: what falls due in the next 30 days, and what the learner did.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, so no global
figure state shared between threads) and run in a worker thread, because a
render takes tens of milliseconds that the event loop must not lose.

matplotlib is imported on the first chart, not with the bot: it costs about a
second that every start-up (and every restart in the tests) would otherwise pay.

Korean labels need a font with Hangul in it, and a fresh server has none, so
the bot brings its own: NanumGothic (SIL Open Font License 1.1), shipped by
the koreanize-matplotlib package, registered with matplotlib on the first
Korean chart.  That package is never imported: on import it rewrites the
process-wide font settings and it needs distutils, which Python 3.12 dropped;
only its font file is used.  Were the file missing, an installed Hangul font
would do, and without any the chart falls back to English labels, which any
font can show, rather than to empty boxes.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from bot.discord.translator import message
from bot.study.stats import DayCount, LearnerStats

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: The Hangul font the bot ships: a file of this distribution, found without importing it.
BUNDLED_FONT_DISTRIBUTION: Final = "koreanize-matplotlib"
BUNDLED_FONT_FILE: Final = "koreanize_matplotlib/fonts/NanumGothic.ttf"

#: Installed families known to carry Hangul, most common first (if the bundled one is gone).
HANGUL_FONTS: Final[tuple[str, ...]] = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumGothic",
    "NanumBarunGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "UnDotum",
    "Baekmuk Gulim",
    "Source Han Sans KR",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
)

WIDTH_IN: Final = 8.0
HEIGHT_IN: Final = 6.0
DPI: Final = 100

_BAR: Final = "#5865F2"  # Discord blurple
_REVIEWS: Final = "#57B37C"
_RATE: Final = "#ED8F30"

#: rcParams (the font family) are process-wide; one render at a time keeps them consistent.
_RENDER_LOCK: Final = threading.Lock()
#: matplotlib's font list is process-wide too; the bundled font is added to it once.
_FONT_LOCK: Final = threading.Lock()


@dataclass(frozen=True, slots=True)
class ChartData:
    """What the chart shows, so it can be drawn from a LearnerStats or from test data."""

    forecast: Sequence[tuple[date, int]]
    history: Sequence[DayCount]

    @classmethod
    def of(cls, stats: LearnerStats) -> ChartData:
        return cls(stats.forecast, stats.history)


@lru_cache(maxsize=1)
def _use_agg() -> None:
    """Select the file-only Agg backend before anything draws (no display on a server)."""
    import matplotlib

    matplotlib.use("Agg")


def bundled_hangul_font() -> Path | None:
    """The Hangul font file the bot's dependencies ship, if it is installed."""
    try:
        distribution = importlib.metadata.distribution(BUNDLED_FONT_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(str(distribution.locate_file(BUNDLED_FONT_FILE)))
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def hangul_font() -> str | None:
    """The font family Korean labels are drawn in: the bundled one, else an installed one.

    The bundled font comes first so a chart looks the same on every machine.
    """
    _use_agg()
    from matplotlib import font_manager

    bundled = bundled_hangul_font()
    if bundled is not None:
        with _FONT_LOCK:
            font_manager.fontManager.addfont(str(bundled))
        return str(font_manager.FontProperties(fname=str(bundled)).get_name())
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in HANGUL_FONTS if name in installed), None)


def label_language(lang: str) -> str:
    """The language the chart can be labelled in: Korean only with a Hangul font."""
    return "ko" if lang == "ko" and hangul_font() is not None else "en"


def _day_label(day: date) -> str:
    return f"{day.month}/{day.day}"


def tick_positions(count: int) -> list[int]:
    """About eight evenly spaced date ticks: the first and the last day always carry a date.

    A regular tick too close to the last one to leave room for both labels gives way.
    """
    if count <= 0:
        return []
    step = max(1, round(count / 8))
    ticks = list(range(0, count, step))
    last = count - 1
    if ticks[-1] != last:
        if last - ticks[-1] < step and len(ticks) > 1:
            ticks.pop()
        ticks.append(last)
    return ticks


@contextmanager
def stats_chart(data: ChartData, lang: str) -> Iterator[Figure]:
    """The chart's figure, inside the font settings it must be drawn and saved in.

    Tick labels are made when the figure is drawn, so drawing and saving belong
    inside the block too.
    """
    _use_agg()
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    shown = label_language(lang)
    family = hangul_font() if shown == "ko" else None
    families = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    with _RENDER_LOCK, matplotlib.rc_context({"font.family": families}):
        figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
        FigureCanvasAgg(figure)
        upper, lower = figure.subplots(2, 1)
        _draw_forecast(upper, data.forecast, shown)
        _draw_history(lower, data.history, shown)
        yield figure


def render_stats_chart(data: ChartData, lang: str) -> bytes:
    """The chart as PNG bytes (800x600): forecast bars above, reviews and correct rate below."""
    buffer = io.BytesIO()
    with stats_chart(data, lang) as figure:
        figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _draw_forecast(axes: Axes, forecast: Sequence[tuple[date, int]], lang: str) -> None:
    from matplotlib.ticker import MaxNLocator

    days = [day for day, _ in forecast]
    counts = [n for _, n in forecast]
    positions = list(range(len(days)))
    axes.bar(positions, counts, color=_BAR, width=0.8)
    axes.set_title(message("stats.chart.forecast_title", lang, days=len(days)), loc="left")
    axes.set_ylabel(message("stats.chart.cards", lang))
    axes.set_ylim(bottom=0, top=max([*counts, 1]) * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    ticks = tick_positions(len(days))
    axes.set_xticks(ticks, [_day_label(days[i]) for i in ticks])
    axes.set_xlim(-0.6, max(len(days), 1) - 0.4)
    axes.grid(axis="y", alpha=0.3)
    if not any(counts):
        axes.text(
            0.5,
            0.5,
            message("stats.chart.nothing_due", lang),
            transform=axes.transAxes,
            ha="center",
            va="center",
            color="#888888",
        )


def _draw_history(axes: Axes, history: Sequence[DayCount], lang: str) -> None:
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    positions = list(range(len(history)))
    reviews = [day.reviews for day in history]
    axes.bar(
        positions, reviews, color=_REVIEWS, width=0.8, label=message("stats.chart.reviews", lang)
    )
    axes.set_title(message("stats.chart.history_title", lang, days=len(history)), loc="left")
    axes.set_ylabel(message("stats.chart.reviews", lang))
    axes.set_ylim(bottom=0, top=max([*reviews, 1]) * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    ticks = tick_positions(len(history))
    axes.set_xticks(ticks, [_day_label(history[i].day) for i in ticks])
    axes.set_xlim(-0.6, max(len(history), 1) - 0.4)
    axes.grid(axis="y", alpha=0.3)
    rate_axes = axes.twinx()
    studied = [
        (i, day.correct_rate) for i, day in zip(positions, history, strict=True) if day.reviews
    ]
    rate_axes.plot(
        [i for i, _ in studied],
        [r for _, r in studied],
        color=_RATE,
        marker="o",
        markersize=3,
        linewidth=1.5,
        label=message("stats.chart.correct_rate", lang),
    )
    rate_axes.set_ylim(0, 1.05)
    rate_axes.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    rate_axes.set_ylabel(message("stats.chart.correct_rate", lang))
    handles = [*axes.get_legend_handles_labels()[0], *rate_axes.get_legend_handles_labels()[0]]
    axes.legend(handles=handles, loc="upper left", fontsize="small", framealpha=0.8)
    if not any(reviews):
        axes.text(
            0.5,
            0.5,
            message("stats.chart.no_reviews", lang),
            transform=axes.transAxes,
            ha="center",
            va="center",
            color="#888888",
        )


async def stats_chart_png(data: ChartData, lang: str) -> bytes:
    """`render_stats_chart` in a worker thread, so the bot keeps answering meanwhile."""
    return await asyncio.to_thread(render_stats_chart, data, lang)

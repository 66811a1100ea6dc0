"""An SVG line chart drawn from numbers alone (no plotting library): the geometry is computed here and the
template `site/chart.svg.j2` draws it, so every label goes through the same escaping as the rest of the page.

Each line has its own dash pattern and marker shape as well as its colour, so the chart reads in greyscale;
the page always gives the same figures as a table beside it (the chart's text alternative names it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 150, 16, 36
_DASHES = ("", "6 3", "2 3", "8 3 2 3")
_SHAPES = ("circle", "square", "diamond", "triangle")
_COLOURS = ("#1b4f72", "#a04000", "#196f3d", "#6c3483", "#7b241c", "#0e6655", "#4d5656", "#9a7d0a")


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: int
    value: int


@dataclass(frozen=True)
class Line:
    label: str
    points: list[Point]
    colour: str
    dash: str
    shape: str

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))


@dataclass(frozen=True)
class Tick:
    at: float
    value: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    log: bool
    left: int = LEFT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM
    right: int = WIDTH - RIGHT


def _y_ticks(low: int, high: int, log: bool) -> list[int]:
    """Powers of ten on a log scale; otherwise 0 and a round step (1, 2 or 5 times a power of ten), about 5 ticks."""
    if log:
        return [10**k for k in range(math.floor(math.log10(max(low, 1))), math.ceil(math.log10(high)) + 1)]
    magnitude = 10 ** math.floor(math.log10(high / 5)) if high >= 5 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if high / (m * magnitude) <= 5)
    return list(range(0, math.ceil(high / step) * step + 1, step))


def chart(series: dict[str, list[tuple[int, int]]], log: bool = False) -> Chart | None:
    """A chart of `label -> [(year, value)]`; None when there is nothing to draw. A log scale drops zeros."""
    cleaned = {label: sorted((y, v) for y, v in points if v > 0 or not log) for label, points in series.items()}
    cleaned = {label: points for label, points in cleaned.items() if points}
    if not cleaned:
        return None
    years = [year for points in cleaned.values() for year, _ in points]
    values = [value for points in cleaned.values() for _, value in points]
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1
    high = max(max(values), 1)
    ticks = _y_ticks(min(values), high, log)
    top_value = max(ticks[-1], high)
    bottom_value = ticks[0] if log else 0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(year: int) -> float:
        return LEFT + (year - first) / (last - first) * plot_w

    def y_of(value: int) -> float:
        if log:
            span = math.log10(top_value) - math.log10(bottom_value) or 1.0
            share = (math.log10(value) - math.log10(bottom_value)) / span
        else:
            share = value / top_value if top_value else 0.0
        return TOP + plot_h * (1 - share)

    lines = []
    for index, (label, points) in enumerate(sorted(cleaned.items())):
        lines.append(
            Line(
                label,
                [Point(x_of(year), y_of(value), year, value) for year, value in points],
                _COLOURS[index % len(_COLOURS)],
                _DASHES[index % len(_DASHES)],
                _SHAPES[index % len(_SHAPES)],
            )
        )
    every = max(1, math.ceil((last - first) / 10))
    x_ticks = [Tick(x_of(year), year) for year in range(first, last + 1, every)]
    y_ticks = [Tick(y_of(value), value) for value in ticks if (value > 0 or not log)]
    return Chart(WIDTH, HEIGHT, lines, x_ticks, y_ticks, log)

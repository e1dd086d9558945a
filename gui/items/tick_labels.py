"""Tick labels that fit their axis and write numbers as the rest of the app does.

pyqtgraph always draws its first tick level's labels, so 32 class ticks at 10 pixels a
class run into each other; and a colour bar's axis is 45 pixels wide, so labels like
0.0002 are dropped and a tiny range shows only "0". `ClassTicks` keeps an axis of class
indices thinned to steps of 1, 2, 5, 10, … that fit its length, recomputed on resize;
`readable_ticks` makes an axis write short labels (2e−4) with the minus sign −.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from core.number_format import tick_texts
from gui.look.plot_style import TICK_GAP_PX, step_at_least

MINOR_MIN_PX = 4.0    # unlabelled ticks for every class while classes are this far apart


def readable_ticks(axis: pg.AxisItem) -> None:
    """The axis labels its ticks with core.number_format.tick_texts."""
    def strings(values: list[float], scale: float, spacing: float) -> list[str]:
        return tick_texts([v * scale for v in values], spacing * scale)

    axis.tickStrings = strings  # pyqtgraph asks the instance: the colour bar builds its own


def class_step(n: int, pixels_per_class: float, label_extent: float) -> int:
    """The smallest step of 1, 2, 5, 10, 20, … whose labels, label_extent pixels long
    along the axis, keep TICK_GAP_PX apart (a step of n or more labels class 0 alone)."""
    if pixels_per_class <= 0:
        return max(1, n)
    return int(step_at_least(max(1.0, (label_extent + TICK_GAP_PX) / pixels_per_class)))


class ClassTicks:
    """Ticks at class indices 0…n−1 on one axis, thinned to fit the axis's length in
    pixels; `fit()` recomputes them (call it when N changes; a resize calls it itself)."""

    def __init__(self, plot: pg.PlotItem, side: str) -> None:
        self.axis = plot.getAxis(side)
        self._view = plot.getViewBox()
        self._horizontal = side in ("bottom", "top")
        self.n = 0
        self.step = 1
        self._ticks: list | None = None
        self._view.sigResized.connect(self.fit)

    def set_count(self, n: int) -> None:
        self.n = n
        self.fit()

    def _label_extent(self) -> float:
        metrics = QFontMetricsF(self.axis.style["tickFont"] or self.axis.font())
        if self._horizontal:
            return max(metrics.horizontalAdvance(str(i)) for i in (0, self.n - 1))
        return metrics.height()

    def fit(self, *_: object) -> None:
        n = self.n
        if n <= 0:
            return
        length = self._view.width() if self._horizontal else self._view.height()
        per_class = length / n if length > 0 else 0.0
        step = class_step(n, per_class, self._label_extent()) if per_class > 0 else 1
        major = [(i, str(i)) for i in range(0, n, step)]
        minor = ([(i, "") for i in range(n) if i % step] if step > 1
                 and per_class >= MINOR_MIN_PX else [])
        ticks = [major, minor]
        if ticks != self._ticks:  # setTicks re-lays out the axis
            self.axis.setTicks(ticks)
            self._ticks = ticks
        self.step = step

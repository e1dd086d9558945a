"""The data plot: the points (x, y), draggable, the line ŷ = w·x + b across the whole plot,
and the residuals ŷ − y as dashed segments."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gui.items.readout_label import set_text
from gui.look import theme
from gui.look.plot_style import HIGHLIGHT_COLOR, PROB_COLOR
from gui.panels.regression.plot_panel import PlotPanel

if TYPE_CHECKING:
    from core.regression import RegressionResult
    from core.state import State


class DraggablePoints(pg.ScatterPlotItem):
    """Scatter points the mouse can drag; each move calls on_drag(index, x, y, finished).

    pyqtgraph's scene hands a drag to the topmost item under the press that accepts it;
    a press beside every point is ignored, so it falls through to the plot.
    """

    def __init__(self, on_drag, **kwargs) -> None:
        super().__init__(**kwargs)
        self._on_drag = on_drag
        self.dragged: int | None = None

    def mouseDragEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            hits = self.pointsAt(ev.buttonDownPos())
            if len(hits) == 0:
                ev.ignore()
                return
            self.dragged = int(hits[0].index())
        elif self.dragged is None:
            ev.ignore()
            return
        ev.accept()
        index, pos = self.dragged, ev.pos()
        if ev.isFinish():
            self.dragged = None
        self._on_drag(index, pos.x(), pos.y(), ev.isFinish())


def _padded(values: np.ndarray) -> tuple[float, float]:
    """A round-ended range around values, with a margin, never narrower than 1."""
    finite = values[np.isfinite(values)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    margin = max(0.15 * (hi - lo), 0.5)
    lo, hi = lo - margin, hi + margin
    step = 10.0 ** math.floor(math.log10(hi - lo)) / 2
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


class DataPlot(PlotPanel):
    """on_drag(index, x, y, finished) is called on every move of a dragged point. While a
    point is dragged the view stands still (the point would run away from the mouse);
    apply_view() brings it to the data afterwards."""

    def __init__(self, on_drag: Callable[[int, float, float, bool], None]) -> None:
        super().__init__(self.tr("<b>Data</b> and the line ŷ = w·x + b (drag the points)"),
                         self.tr("Data points, fitted line and residuals"))
        self._view: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._target = ((0.0, 1.0), (0.0, 1.0))
        self.readout.setAccessibleName(self.tr("Line equation"))
        plot = self.plot
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", self.tr("x"))
        plot.setLabel("left", self.tr("y"))
        self.line = pg.PlotDataItem(pen=pg.mkPen(PROB_COLOR, width=2.5))
        self.residuals = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True,
                                          pen=pg.mkPen(HIGHLIGHT_COLOR, width=2,
                                                       style=Qt.PenStyle.DashLine))
        self.points = DraggablePoints(on_drag, size=12, brush=theme.ink(),
                                      pen=pg.mkPen("white", width=1.5), hoverable=True,
                                      hoverBrush=HIGHLIGHT_COLOR, hoverSize=15)
        self.points.setCursor(Qt.CursorShape.OpenHandCursor)
        for item in (self.line, self.residuals, self.points):
            plot.addItem(item)

    def show_result(self, state: State, reg: RegressionResult) -> None:
        x = np.asarray(state.regression.x)
        y = np.asarray(state.regression.y)
        w, b = state.regression.w, state.regression.b
        self.points.setData(x, y)
        self._target = (_padded(x), _padded(np.concatenate([y, reg.prediction])))
        if self.points.dragged is None:
            self.apply_view()
        xs = np.array(self._view[0])  # across the whole plot
        self.line.setData(xs, w * xs + b)
        self.residuals.setData(np.repeat(x, 2), np.column_stack([y, reg.prediction]).ravel())
        m = len(x)
        set_text(self.readout,
                 self.tr("ŷ = %1·x + %2 (%3)\nresiduals ŷ − y dashed orange")
                 .replace("%1", f"{w:.4g}").replace("%2", f"{b:.4g}")
                 .replace("%3", self.tr("1 point") if m == 1
                          else self.tr("%1 points").replace("%1", str(m))))

    def apply_view(self) -> None:
        """Show the range the data last asked for."""
        if self._target != self._view:
            self._view = self._target
            self.plot.setRange(xRange=self._view[0], yRange=self._view[1], padding=0.0)

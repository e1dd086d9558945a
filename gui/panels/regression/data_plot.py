"""The data plot: the points (x, y), draggable, the line ŷ = w·x + b across the whole plot,
and the residuals ŷ − y as dashed segments.

The line can be dragged too: its body slides it (b changes, the grabbed spot follows the
mouse), and each of its two round handles turns it about the other handle (w and b change,
the handle follows the mouse up and down). A point lies above the handles, the handles above
the line, so a press takes the topmost.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gui.items.readout_label import set_text
from gui.look import theme
from gui.look.plot_style import HIGHLIGHT_COLOR, PROB_COLOR, data_pen, marker_size
from gui.panels.regression.plot_panel import PlotPanel

if TYPE_CHECKING:
    from core.regression import RegressionResult
    from core.state import State

GRAB_WIDTH = 12         # pixels: how near the line a press grabs it
HANDLE_FRACTION = 0.12  # the handles sit this fraction of the x range in from each side
HANDLE_SIZE = 13


def pixel_round(value: float, resolution: float) -> float:
    """value rounded to the decimal digit just finer than `resolution` (a pixel's worth of
    data): a drag gives 1.23, not 1.2345678912, and the float is the decimal's own."""
    if not (math.isfinite(resolution) and resolution > 0):
        return value
    return round(value, -math.floor(math.log10(resolution)) + 1)


class DraggablePoints(pg.ScatterPlotItem):
    """Scatter points the mouse can drag; each move calls on_drag(index, x, y, finished).

    pyqtgraph's scene hands a drag to the topmost item under the press that accepts it;
    a press beside every point is ignored, so it falls through to the plot.
    """

    def __init__(self, on_drag, **kwargs) -> None:
        super().__init__(**kwargs)
        self._on_drag = on_drag
        self.dragged: int | None = None
        self.gesture = 0  # counts drags: each is its own undo step

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
            self.gesture += 1
        elif self.dragged is None:
            ev.ignore()
            return
        ev.accept()
        index, pos = self.dragged, ev.pos()
        if ev.isFinish():
            self.dragged = None
        self._on_drag(index, pos.x(), pos.y(), ev.isFinish())


class GrabbableLine(pg.PlotCurveItem):
    """The line; a drag that starts within GRAB_WIDTH pixels of it calls
    on_drag(start, now, finished) with the press and the current position in data units."""

    def __init__(self, on_drag, **kwargs) -> None:
        super().__init__(**kwargs)
        self.setClickable(True, GRAB_WIDTH)  # mouseShape(): the line stroked GRAB_WIDTH wide
        self._on_drag = on_drag
        self.dragged = False

    def shape(self):
        """The stroke, not the bounding box: the cursor changes only over the line."""
        return self.mouseShape()

    def mouseDragEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            if not self.mouseShape().contains(ev.buttonDownPos()):
                ev.ignore()
                return
            self.dragged = True
        elif not self.dragged:
            ev.ignore()
            return
        ev.accept()
        if ev.isFinish():
            self.dragged = False
        down, now = ev.buttonDownPos(), ev.pos()
        self._on_drag((down.x(), down.y()), (now.x(), now.y()), ev.isFinish())


def _padded(values: np.ndarray) -> tuple[float, float]:
    """A round-ended range around values, with a margin, never narrower than 1."""
    finite = values[np.isfinite(values)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    margin = max(0.15 * (hi - lo), 0.5)
    lo, hi = lo - margin, hi + margin
    step = 10.0 ** math.floor(math.log10(hi - lo)) / 2
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


class DataPlot(PlotPanel):
    """on_drag(index, x, y, finished) is called on every move of a dragged point, and
    on_line(w, b, finished) on every move of a dragged line or handle. While anything is
    dragged the view stands still (it would run away from the mouse); apply_view() brings
    it to the data afterwards. `gesture` counts the line's drags (one undo step each)."""

    def __init__(self, on_drag: Callable[[int, float, float, bool], None],
                 on_line: Callable[[float, float, bool], None]) -> None:
        super().__init__(self.tr("<b>Data</b> and ŷ = w·x + b: drag points, line, handles"),
                         self.tr("Data points, fitted line and residuals"))
        self._view: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._target = ((0.0, 1.0), (0.0, 1.0))
        self._on_line = on_line
        self._wb = (0.0, 0.0)
        self._handle_x = np.array([0.0, 1.0])  # kept still while the line is dragged
        self._grip: tuple[float, float, float, float] | None = None  # w, b, pivot x, y
        self.gesture = 0
        self.readout.setAccessibleName(self.tr("Line equation"))
        plot = self.plot
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", self.tr("x"))
        plot.setLabel("left", self.tr("y"))
        self.line = GrabbableLine(self._on_line_drag, pen=data_pen(PROB_COLOR, width=2.5))
        self.line.setCursor(Qt.CursorShape.OpenHandCursor)
        self.line.setToolTip(self.tr("Drag the line to slide it (changes b)"))
        self.residuals = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True,
                                          pen=data_pen(HIGHLIGHT_COLOR, width=2,
                                                       style=Qt.PenStyle.DashLine))
        handle = marker_size(HANDLE_SIZE)
        self.handles = DraggablePoints(self._on_handle_drag, size=handle,
                                       brush=pg.mkBrush(pg.getConfigOption("background")),
                                       pen=data_pen(PROB_COLOR, width=2.5), hoverable=True,
                                       hoverBrush=PROB_COLOR, hoverSize=handle + 3)
        self.handles.setCursor(Qt.CursorShape.SizeVerCursor)
        self.handles.setToolTip(self.tr("Drag a handle up or down to turn the line about "
                                        "the other handle (changes w and b)"))
        self.points = DraggablePoints(on_drag, size=marker_size(12), brush=theme.ink(),
                                      pen=data_pen("white", width=1.5), hoverable=True,
                                      hoverBrush=HIGHLIGHT_COLOR, hoverSize=marker_size(15))
        self.points.setCursor(Qt.CursorShape.OpenHandCursor)
        for item in (self.residuals, self.line, self.handles, self.points):
            plot.addItem(item)

    def dragging(self) -> bool:
        return (self.points.dragged is not None or self.handles.dragged is not None
                or self.line.dragged)

    def show_result(self, state: State, reg: RegressionResult) -> None:
        x = np.asarray(state.regression.x)
        y = np.asarray(state.regression.y)
        w, b = state.regression.w, state.regression.b
        self._wb = (w, b)
        self.points.setData(x, y)
        self._target = (_padded(x), _padded(np.concatenate([y, reg.prediction])))
        if not self.dragging():
            self.apply_view()
        xs = np.array(self._view[0])  # across the whole plot
        self.line.setData(xs, w * xs + b)
        self._place_handles()
        self.residuals.setData(np.repeat(x, 2), np.column_stack([y, reg.prediction]).ravel())
        m = len(x)
        text = self.tr("ŷ = %1·x + %2 (%3)\nresiduals ŷ − y dashed orange")
        if b < 0:  # "ŷ = 1.6·x − 0.39", not "+ −0.39"
            text = text.replace("+ %2", "− %2")
        set_text(self.readout,
                 text.replace("%1", f"{w:.4g}").replace("%2", f"{abs(b):.4g}")
                 .replace("%3", self.tr("1 point") if m == 1
                          else self.tr("%1 points").replace("%1", str(m))))

    def _place_handles(self) -> None:
        """The handles sit HANDLE_FRACTION in from the ends of the line's visible part
        (where it crosses the view); while the line is dragged they keep their x."""
        w, b = self._wb
        if not self.dragging():
            (x0, x1), (y0, y1) = self._view
            lo, hi = x0, x1
            if w != 0:
                xa, xb = sorted(((y0 - b) / w, (y1 - b) / w))
                if max(x0, xa) < min(x1, xb):
                    lo, hi = max(x0, xa), min(x1, xb)
            inset = HANDLE_FRACTION * (hi - lo)
            self._handle_x = np.array([lo + inset, hi - inset])
        self.handles.setData(self._handle_x, w * self._handle_x + b)

    def apply_view(self) -> None:
        """Show the range the data last asked for."""
        if self._target != self._view:
            self._view = self._target
            self.plot.setRange(xRange=self._view[0], yRange=self._view[1], padding=0.0)
        self._place_handles()

    def _pixel(self) -> tuple[float, float]:
        """One pixel in data units along x and y."""
        px, py = self.plot.getViewBox().viewPixelSize()
        return abs(px), abs(py)

    def _on_line_drag(self, start: tuple[float, float], now: tuple[float, float],
                      finished: bool) -> None:
        """The line slides with the mouse: the grabbed spot stays under it, w is kept."""
        if self._grip is None:
            self.gesture += 1
            self._grip = (*self._wb, 0.0, 0.0)
        w, b0 = self._grip[:2]
        b = b0 + (now[1] - start[1]) - w * (now[0] - start[0])
        if finished:
            self._grip = None
        self._on_line(w, pixel_round(b, self._pixel()[1]), finished)

    def _on_handle_drag(self, index: int, x: float, y: float, finished: bool) -> None:
        """The line turns about the other handle; this handle follows the mouse vertically."""
        hx = self._handle_x
        if self._grip is None:
            self.gesture += 1
            w0, b0 = self._wb
            self._grip = (w0, b0, float(hx[1 - index]), float(w0 * hx[1 - index] + b0))
        px, py = self._grip[2:]
        run = float(hx[index]) - px
        pixel_y = self._pixel()[1]
        w = pixel_round((y - py) / run, pixel_y / abs(run))
        b = pixel_round(py - w * px, pixel_y)
        if finished:
            self._grip = None
        self._on_line(w, b, finished)

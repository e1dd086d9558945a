"""The loss surface over (w, b), of the chosen loss (MSE, L1, Huber, SmoothL1):
gui.items.surface_plot's map, contours, point and −∇L arrow,
with the gradient-descent path ahead, the trail of the steps already taken, and a button
that fits the ranges to it all.

The arrow follows the classifier surface's rule: it grows with |∇L| up to its longest, so
where the gradient vanishes it shrinks to a dot. |∇L| is measured against the map's own
steepness (ARROW_FULL of its loss range over its shorter side), as the classifier's is
against 0.5/T.

A press on the map moves (w, b) there, and a drag carries it along (clamped to the map):
one undo step per press, counted by `gesture`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QPushButton

from core.number_format import fmt
from gui.items.readout_label import set_text
from gui.items.surface_plot import SurfacePlot, arrow_length
from gui.look.plot_style import HIGHLIGHT_COLOR, data_pen, marker_size
from gui.panels.regression import loss_names
from gui.panels.regression.data_plot import pixel_round
from gui.panels.regression.plot_panel import PlotPanel

if TYPE_CHECKING:
    from core.regression import RegressionResult
    from core.state import State

ARROW_FRACTION = 0.15     # the longest −∇L arrow, as a fraction of the shorter surface axis
# |∇L| at which the arrow reaches its longest, as a fraction of the map's steepness (its
# loss range over its shorter side): a bowl's edges are about twice that steep, so the
# arrow saturates on the outer part of the map and shrinks towards the minimum.
ARROW_FULL = 0.25


class MapGrip(pg.GraphicsObject):
    """An invisible layer over the map that turns presses and drags on it into
    on_pick(w, b, finished), the position clamped to the map and rounded to its pixels."""

    def __init__(self, on_pick: Callable[[float, float, bool], None]) -> None:
        super().__init__()
        self._on_pick = on_pick
        self._rect = QRectF(0.0, 0.0, 1.0, 1.0)
        self.gesture = 0
        self.dragging = False
        self.setCursor(Qt.CursorShape.CrossCursor)

    def set_rect(self, w_range: tuple[float, float], b_range: tuple[float, float]) -> None:
        rect = QRectF(w_range[0], b_range[0], w_range[1] - w_range[0], b_range[1] - b_range[0])
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        pass  # the map shows through

    def _pick(self, x: float, y: float, finished: bool) -> None:
        r = self._rect
        view = self.getViewBox()
        px, py = view.viewPixelSize() if view is not None else (0.0, 0.0)
        w = min(max(x, r.left()), r.right())
        b = min(max(y, r.top()), r.bottom())  # QRectF's top is the smaller b
        self._on_pick(pixel_round(w, abs(px)), pixel_round(b, abs(py)), finished)

    def mouseClickEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        self.gesture += 1
        self._pick(ev.pos().x(), ev.pos().y(), True)

    def mouseDragEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        if ev.isStart():
            self.gesture += 1
            self.dragging = True
        self.dragging = not ev.isFinish()
        self._pick(ev.pos().x(), ev.pos().y(), ev.isFinish())


TRAIL_COLOR = "#ffffff"
TRAIL_RIM = "#202020"


class MseSurface(PlotPanel):
    def __init__(self, on_pick: Callable[[float, float, bool], None]) -> None:
        super().__init__(self._title("mse"), self.tr("Loss surface over w and b"))
        self.fit_button = QPushButton(self.tr("F&it view"))
        self.fit_button.setAccessibleName(self.tr("Fit the surface ranges"))
        self.fit_button.setToolTip(self.tr("Set the w and b ranges of the surface and the "
                                           "slice around the current point, the descent path "
                                           "and the best fit"))
        self.add_to_footer(self.fit_button)
        self.readout.setAccessibleName(self.tr("Descent summary"))
        self.grip = MapGrip(on_pick)
        self.grip.setToolTip(self.tr("Click the map to move (w, b) there; drag to carry it"))
        # white with dark rims: it must show on the colour map's dark valley and light rim
        self.trail = pg.PlotDataItem(pen=data_pen(TRAIL_COLOR, width=2,
                                                  style=Qt.PenStyle.DashLine),
                                     symbol="o", symbolSize=marker_size(6),
                                     symbolBrush=TRAIL_COLOR,
                                     symbolPen=data_pen(TRAIL_RIM, width=1))
        self.path = pg.PlotDataItem(pen=data_pen(HIGHLIGHT_COLOR, width=2), symbol="o",
                                    symbolSize=marker_size(4), symbolBrush=HIGHLIGHT_COLOR,
                                    symbolPen=data_pen(HIGHLIGHT_COLOR))
        self.surface = SurfacePlot(self.plot, equal_scales=False, colorbar_width=12,
                                   head_length=12, layers=(self.grip, self.trail, self.path))
        self.surface.set_axis_labels(self.tr("w"), self.tr("b"))

    def _title(self, loss: str) -> str:
        return (self.tr("<b>%1 surface</b> L(w, b), descent path")
                .replace("%1", loss_names.symbol(loss)))

    def show_trail(self, points: np.ndarray) -> None:
        """The (w, b) of the descent steps already taken, up to the current point."""
        self.trail.setData(points[:, 0], points[:, 1])
        self.trail.setVisible(len(points) > 1)

    def show_result(self, state: State, reg: RegressionResult) -> None:
        w_range, b_range = state.regression.w_range, state.regression.b_range
        self.set_title(self._title(state.regression.loss))
        self.surface.set_surface(reg.surface, w_range, b_range)
        self.grip.set_rect(w_range, b_range)
        self.path.setData(reg.path[:, 0], reg.path[:, 1])
        w, b = state.regression.w, state.regression.b
        shorter = min(w_range[1] - w_range[0], b_range[1] - b_range[0])
        low, high = reg.surface.finite_range
        gradient = np.array([reg.grad_w, reg.grad_b])
        full = ARROW_FULL * (high - low) / shorter
        self.surface.set_point(w, b, gradient, arrow_length(
            ARROW_FRACTION * shorter, float(np.hypot(*gradient)), full))

        steps = len(reg.path) - 1
        inside = w_range[0] <= w <= w_range[1] and b_range[0] <= b <= b_range[1]
        where = "" if inside else self.tr(" · (w, b) off the map: Fit view")
        if reg.diverged:
            text = self.tr("⚠ Diverged after %1 step(s):\nη = %2 is too large%3")
        else:
            text = self.tr("−∇L = (%4, %5) (red arrow)\nafter %1 steps L = %6%3")
        set_text(self.readout,
                 text.replace("%1", str(steps))
                 .replace("%2", f"{state.regression.learning_rate:g}").replace("%3", where)
                 .replace("%4", fmt(-reg.grad_w, 3)).replace("%5", fmt(-reg.grad_b, 3))
                 .replace("%6", f"{reg.path_loss[-1]:.3g}"))


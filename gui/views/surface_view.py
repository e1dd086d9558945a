"""Loss-surface view: the loss over (a_i, a_j), other logits fixed, with contours,
the current point and the direction of steepest descent −∇L.

The heatmap, the contour polyline, the point and the arrow are created once and updated
in place. A 3-D rendering of the same surface is offered where OpenGL works.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.number_format import fmt, sub
from gui.items.contours import contour_levels, contour_polyline
from gui.items.heatmap_item import HeatmapItem
from gui.items.marker_item import MarkerItem
from gui.items.readout_label import ReadoutLabel, set_text
from gui.look.gl_support import opengl_unavailable_reason
from gui.look.plot_style import (
    CONTOUR_COLOR,
    POINT_COLOR,
    new_plot_widget,
    nice_range,
    sequential_map,
)

if TYPE_CHECKING:
    from core.result import Result

ARROW_FRACTION = 0.2    # the longest arrow, as a fraction of the axis range
# |∇L|·T at which the arrow reaches its longest: CE's gradient is at most √2/T, so its
# arrow saturates only when confidently wrong, and a vanishing gradient draws a dot.
ARROW_FULL = 0.5


def loss_label(loss: str) -> str:
    return {"cross_entropy": "CE", "mse": "MSE"}.get(loss, loss)


class SurfaceView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.toggle_3d = QCheckBox(self.tr("3-D"), self)
        self.toggle_3d.setAccessibleName(self.tr("Show the surface in 3-D"))
        reason = opengl_unavailable_reason()
        self.toggle_3d.setEnabled(not reason)
        self.toggle_3d.setToolTip(reason or self.tr("Show the same surface in 3-D (drag to "
                                                    "rotate, wheel to zoom)"))
        self.toggle_3d.toggled.connect(self._on_3d_toggled)
        self.info = ReadoutLabel(2, parent=self)
        self.info.setAccessibleName(self.tr("Gradient at the current point"))
        self.info.setToolTip(self.tr("The arrow points along −∇L, downhill; its length grows "
                                     "with |∇L|, so a vanishing gradient draws almost none"))

        self.plot_widget = new_plot_widget(self, self.tr("Loss surface heatmap"))
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setAspectLocked(True)
        self.plot.hideButtons()
        self.plot.layout.setContentsMargins(2, 10, 2, 2)  # room for the colour bar's top label
        self.image = HeatmapItem(np.zeros((2, 2)), levels=(0, 1))
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=sequential_map(),
                                        interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        self.colorbar.axis.enableAutoSIPrefix(False)  # "MSE (x0.001)" misleads; show values
        # a bare PlotCurveItem: PlotDataItem's per-update bookkeeping costs more than drawing
        self.contours = pg.PlotCurveItem(connect="finite", pen=pg.mkPen(CONTOUR_COLOR, width=1),
                                         skipFiniteCheck=True)
        self.plot.addItem(self.contours)
        self.arrow_line = pg.PlotCurveItem(pen=pg.mkPen(POINT_COLOR, width=2.5),
                                           skipFiniteCheck=True)
        self.arrow_head = pg.ArrowItem(pen=pg.mkPen(POINT_COLOR), brush=POINT_COLOR,
                                       headLen=14, tipAngle=35, tailLen=0)
        self.point = MarkerItem(11, POINT_COLOR, pg.mkPen("white", width=1.5))
        for item in (self.arrow_line, self.arrow_head, self.point):
            self.plot.addItem(item)
        self.arrow_vector = np.zeros(2)   # the drawn arrow, in data units (for tests)
        self.view_3d = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot_widget)
        self._result: Result | None = None
        self._bounds: tuple[float, float, int] | None = None
        self._labels: tuple[str, int, int] | None = None
        self._levels: tuple[float, float] | None = None
        self.levels = (0.0, 1.0)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.toggle_3d)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.info)

    def set_result(self, result: Result) -> None:
        self._result = result
        state = result.state
        surface = result.surface
        i, j = surface.axes
        lo, hi = state.surface.range
        name = loss_label(surface.loss)
        labels = (name, i, j)
        if labels != self._labels:
            self.title.setText(self.tr("<b>Loss surface</b> %1 over (a<sub>%2</sub>, "
                                       "a<sub>%3</sub>), other logits fixed")
                               .replace("%1", name).replace("%2", str(i)).replace("%3", str(j)))
            self.plot.setLabel("bottom", f"a{i}")
            self.plot.setLabel("left", f"a{j}")
            self._labels = labels

        finite_range = surface.finite_range  # one pass over the grid, used twice
        levels = nice_range(*finite_range)
        self.levels = levels
        self.image.setImage(surface.values, levels=levels, autoLevels=False)
        if levels != self._levels:
            self.colorbar.setLevels(levels)
            self._levels = levels
        grid = len(surface.xs)
        bounds = (lo, hi, grid)
        if bounds != self._bounds:  # setRect scales by the image's size: after setImage
            step = (hi - lo) / (grid - 1)
            self.image.setRect(QRectF(lo - step / 2, lo - step / 2, step * grid, step * grid))
            self.plot.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0.0)
            self._bounds = bounds
        cx, cy = contour_polyline(surface.xs, surface.ys, surface.values,
                                  contour_levels(*finite_range))
        self.contours.setData(cx, cy)

        x, y = state.logits[i], state.logits[j]
        grad = result.grads[surface.loss].formula
        g = np.array([grad[i], grad[j]])
        self.point.set_position(x, y)
        norm = float(np.hypot(*g))
        if norm > 0 and math.isfinite(norm):
            length = ARROW_FRACTION * (hi - lo) * min(1.0, norm * state.temperature / ARROW_FULL)
            self.arrow_vector = -g / norm * length
            tip = (x + self.arrow_vector[0], y + self.arrow_vector[1])
            self.arrow_line.setData([x, tip[0]], [y, tip[1]])
            # ArrowItem's angle 0 points left (−x); screen y grows downward.
            angle = 180.0 - math.degrees(math.atan2(self.arrow_vector[1], self.arrow_vector[0]))
            self.arrow_head.setStyle(angle=angle)
            self.arrow_head.setPos(*tip)
            self.arrow_head.setVisible(True)
            self.arrow_line.setVisible(True)
        else:
            self.arrow_vector = np.zeros(2)
            self.arrow_head.setVisible(False)
            self.arrow_line.setVisible(False)
        inside = lo <= x <= hi and lo <= y <= hi
        where = "" if inside else self.tr(" (outside the plotted range)")
        set_text(self.info,
            self.tr("At (a%1, a%2) = (%3, %4)%5: %6 = %7, −∇%6 = (%8, %9), the arrow "
                    "(downhill)")
            .replace("%1", sub(i)).replace("%2", sub(j))
            .replace("%3", f"{x:.3g}").replace("%4", f"{y:.3g}").replace("%5", where)
            .replace("%6", name).replace("%7", fmt(result.losses[surface.loss], 4))
            .replace("%8", fmt(-g[0], 4)).replace("%9", fmt(-g[1], 4)))
        if self.view_3d is not None and self.toggle_3d.isChecked():
            self.view_3d.set_result(result)

    def _on_3d_toggled(self, on: bool) -> None:
        if on and self.view_3d is None:
            from gui.views.surface_3d import Surface3D  # imports OpenGL only when asked

            self.view_3d = Surface3D(self)
            self.stack.addWidget(self.view_3d)
        if self.view_3d is not None:
            self.stack.setCurrentWidget(self.view_3d if on else self.plot_widget)
            if on and self._result is not None:
                self.view_3d.set_result(self._result)

"""A loss surface drawn into a PlotItem: the colour-mapped grid with explicit levels and a
colour bar, its contour lines, the current point and the arrow along −∇L from it.

The classifier's surface over (a_i, a_j) and the Regression tab's MSE surface over (w, b)
both draw through this one piece; each owner keeps its own title, readout and rules (how
long the arrow is, what else lies on the map). Every item is created once and updated in
place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF

from gui.items.contours import contour_levels, contour_polyline
from gui.items.heatmap_item import HeatmapItem
from gui.items.marker_item import MarkerItem
from gui.items.tick_labels import readable_ticks
from gui.look.plot_style import (
    CONTOUR_COLOR,
    POINT_COLOR,
    data_pen,
    marker_size,
    nice_range,
    sequential_map,
)

POINT_SIZE = 11  # the current point's diameter, pixels
MIN_HEAD_LENGTH = 3  # pixels: a shorter head would be a speck beside the point

if TYPE_CHECKING:
    from core.surfaces import LossSurface


def arrow_length(longest: float, norm: float, full: float) -> float:
    """The −∇L arrow's rule, one for every surface: it grows with |∇L| (norm) and reaches
    `longest` at |∇L| = full, so a vanishing gradient draws a dot. The owner says what
    "full" is (the classifier: 0.5/T; the regression: its map's steepness)."""
    if not (math.isfinite(norm) and norm > 0):
        return 0.0
    if not (math.isfinite(full) and full > 0):
        return longest
    return longest * min(1.0, norm / full)


class SurfacePlot:
    """The surface's items in `plot`, drawn in this order: map, contours, `layers` (such as a
    descent path), the −∇L arrow, the current point.

    equal_scales: the plot is aspect-locked (a data unit as long on both axes), so the arrow
    head's screen angle is its data angle; otherwise the head follows the view's scales.
    """

    def __init__(self, plot: pg.PlotItem, *, equal_scales: bool, colorbar_width: int,
                 head_length: int, layers: Sequence[pg.GraphicsObject] = ()) -> None:
        self.plot = plot
        self._equal_scales = equal_scales
        if equal_scales:
            plot.setAspectLocked(True)
        plot.layout.setContentsMargins(2, 10, 2, 2)  # room for the colour bar's top label
        self.image = HeatmapItem(np.zeros((2, 2)), levels=(0, 1))
        plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=sequential_map(),
                                        interactive=False, width=colorbar_width)
        self.colorbar.setImageItem(self.image, insert_in=plot)
        self.colorbar.axis.enableAutoSIPrefix(False)  # "MSE (x0.001)" misleads; show values
        # short labels (4e6, 2e−4): the bar's narrow axis dropped every label wider than it,
        # leaving only "0" for a regression with large y
        readable_ticks(self.colorbar.axis)
        # bare PlotCurveItems: PlotDataItem's per-update bookkeeping costs more than drawing
        self.contours = pg.PlotCurveItem(connect="finite", pen=data_pen(CONTOUR_COLOR, width=1),
                                         skipFiniteCheck=True)
        self.arrow_line = pg.PlotCurveItem(pen=data_pen(POINT_COLOR, width=2.5),
                                           skipFiniteCheck=True)
        head_length = marker_size(head_length)  # a thicker shaft needs a larger head
        self.arrow_head = pg.ArrowItem(pen=data_pen(POINT_COLOR), brush=POINT_COLOR,
                                       headLen=head_length, tipAngle=35, tailLen=0)
        self._point_size = marker_size(POINT_SIZE)
        self.point = MarkerItem(self._point_size, POINT_COLOR, data_pen("white", width=1.5))
        self._head_length = head_length
        for item in (self.contours, *layers, self.arrow_line, self.arrow_head, self.point):
            plot.addItem(item)
        self.levels = (0.0, 1.0)          # the colour levels in use
        self.arrow_vector = np.zeros(2)   # the drawn arrow, in data units (for tests)
        self._start = (0.0, 0.0)          # where the arrow starts: the current point
        self._levels: tuple[float, float] | None = None
        self._bounds: tuple[float, float, float, float, int, int] | None = None
        plot.getViewBox().sigTransformChanged.connect(self._on_view_changed)

    def set_axis_labels(self, x: str, y: str) -> None:
        self.plot.setLabel("bottom", x)
        self.plot.setLabel("left", y)

    def set_surface(self, surface: LossSurface, x_range: tuple[float, float],
                    y_range: tuple[float, float]) -> None:
        """The map, its colour levels and contours; the view shows exactly x_range × y_range."""
        finite_range = surface.finite_range  # one pass over the grid, used twice
        levels = nice_range(*finite_range)
        self.levels = levels
        self.image.setImage(surface.values, levels=levels, autoLevels=False)
        if levels != self._levels:
            self.colorbar.setLevels(levels)
            self._levels = levels
        (xlo, xhi), (ylo, yhi) = x_range, y_range
        columns, rows = len(surface.xs), len(surface.ys)
        bounds = (xlo, xhi, ylo, yhi, columns, rows)
        if bounds != self._bounds:  # setRect scales by the image's size: after setImage
            sx = (xhi - xlo) / (columns - 1)
            sy = (yhi - ylo) / (rows - 1)
            self.image.setRect(QRectF(xlo - sx / 2, ylo - sy / 2, sx * columns, sy * rows))
            self.plot.setRange(xRange=(xlo, xhi), yRange=(ylo, yhi), padding=0.0)
            self._bounds = bounds
        cx, cy = contour_polyline(surface.xs, surface.ys, surface.values,
                                  contour_levels(*finite_range))
        self.contours.setData(cx, cy)

    def set_point(self, x: float, y: float, gradient: np.ndarray, length: float) -> None:
        """The current point and an arrow `length` data units long along −gradient; no arrow
        where the gradient vanishes or is not finite."""
        self.point.set_position(x, y)
        norm = float(np.hypot(*gradient))
        visible = norm > 0 and math.isfinite(norm)
        if visible:
            self.arrow_vector = -gradient / norm * length
            tip = (x + self.arrow_vector[0], y + self.arrow_vector[1])
            self._start = (x, y)
            self.arrow_line.setData([x, tip[0]], [y, tip[1]])
            self.arrow_head.setPos(*tip)
        else:
            self.arrow_vector = np.zeros(2)
        self.arrow_line.setVisible(visible)
        self.arrow_head.setVisible(visible)
        if visible:
            self._style_head()

    def _style_head(self) -> None:
        """Turn the head along the arrow on screen and fit it, in one setStyle (each call
        rebuilds the head's path).

        ArrowItem's angle is in screen space (0 points left, y grows downward). The head is
        never longer than the arrow beyond the point's edge: drawn back from the tip of a
        short arrow, it stuck out on the uphill side of the dot, where it read as an arrow
        pointing uphill. Shorter still, only the point shows (the gradient is nearly zero).
        """
        view = self.plot.getViewBox()
        x, y = self._start
        vx, vy = self.arrow_vector
        p0 = view.mapViewToScene(QPointF(x, y))
        p1 = view.mapViewToScene(QPointF(x + vx, y + vy))
        sx, sy = p1.x() - p0.x(), p1.y() - p0.y()  # pixels; zero until laid out
        length = math.hypot(sx, sy)
        dx, dy = (vx, -vy) if self._equal_scales or length == 0 else (sx, sy)
        style = {"angle": 180.0 - math.degrees(math.atan2(-dy, dx))}
        if length > 0:  # else fitted when the view gets its size
            room = length - self._point_size / 2
            style["headLen"] = min(self._head_length, max(room, 0.0))
            self.arrow_head.setVisible(room >= MIN_HEAD_LENGTH)
        self.arrow_head.setStyle(**style)

    def _on_view_changed(self, *args) -> None:
        """The head lives in screen space: follow the view when its scales change."""
        if self.arrow_line.isVisible() and np.any(self.arrow_vector):
            self._style_head()

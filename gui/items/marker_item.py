"""One round marker at a data point, a fixed number of pixels wide, painted by Qt alone.

The current point on a loss surface is a single dot. pyqtgraph's ScatterPlotItem draws it
through its fragment machinery in Python, 0.3 ms on every repaint of the plot (measured);
a QGraphicsEllipseItem that ignores the view's scaling costs no Python at paint time.
It stays round and the same size at any zoom and in PNG exports at any scale.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem


class MarkerItem(QGraphicsEllipseItem):
    def __init__(self, size: float, fill: QColor, edge: QPen) -> None:
        super().__init__(-size / 2, -size / 2, size, size)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setBrush(QBrush(fill))
        self.setPen(edge)

    def set_position(self, x: float, y: float) -> None:
        self.setPos(x, y)

    def position(self) -> tuple[float, float]:
        """Where the marker is, in data coordinates."""
        return self.pos().x(), self.pos().y()

    # For pyqtgraph's auto-range ("View All"): the marker is a point (its own origin, which
    # the ViewBox maps through the item's position) with a margin in pixels; without these
    # the ViewBox would read its box of pixels as data units.
    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange=None) -> tuple[float, float]:
        return 0.0, 0.0

    def pixelPadding(self) -> float:
        return self.rect().width() / 2 + self.pen().widthF() / 2

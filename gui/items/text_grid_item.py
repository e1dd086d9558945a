"""Many short labels in a plot, drawn by one item in one paint call.

pyqtgraph's TextItem costs a QGraphicsTextItem, an HTML layout and a transform per label;
a Jacobian with 100 cell values then costs ~10 ms a frame. This item keeps the labels as
plain arrays and draws them at fixed pixel size at their data positions.

With `fit=True` a label is drawn only where it fits: labels are placed in order of
priority (the largest bar first), a label that would overlap one already placed is left
out, and one that would stick out of the plot is moved inside (by up to half its width,
or its height: a value atop a full bar goes just inside it) or else left out. The choice
is made at paint time, in pixels, so it follows every resize, and `drawn` records what the
last paint showed.

With `cell=(w, h)` (data units) each label belongs in a cell of that size: all labels are
drawn smaller when the widest would not fit its cell, down to MIN_CELL_SCALE of the font,
and below that none are drawn (a 10×10 Jacobian in a narrow window ran its values
together); `cell_scale` records the last paint's scale (0: hidden).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QStaticText, QTransform

from gui.look.presentation import font_scale

MAX_CACHED = 1024  # laid-out strings kept; a Jacobian shows at most 100, the softmax 10
FIT_GAP_PX = 3.0   # free space kept between two fitted labels
MIN_CELL_SCALE = 0.7  # cell labels shrink to this fraction of their font, then hide


class TextGridItem(pg.GraphicsObject):
    def __init__(self, anchor: tuple[float, float] = (0.5, 0.5), point_size: float = 9.0,
                 fit: bool = False, cell: tuple[float, float] | None = None,
                 parent=None) -> None:
        """anchor: which point of each text sits at its position ((0.5, 1) = bottom centre);
        fit: draw only the labels that fit (see the module's docstring)."""
        super().__init__(parent)
        self._anchor = anchor
        self._fit = fit
        self._cell = cell
        self.cell_scale = 1.0
        self._order = np.empty(0, dtype=int)
        self.drawn: list[tuple[str, QRectF]] = []  # fit mode: text and device rectangle
        self.view_rect = QRectF()                  # fit mode: the plot, in device pixels
        self._font = QFont()
        self._font.setPointSizeF(point_size * font_scale())  # larger in presentation mode
        self._xs = np.empty(0)
        self._ys = np.empty(0)
        self._texts: list[str] = []
        self._colors: list[QColor] = []
        self._bounds = QRectF()
        # laid-out texts by string: the same values come back frame after frame
        self._static: dict[str, tuple[QStaticText, float, float]] = {}

    def set_font_size(self, point_size: float) -> None:
        point_size *= font_scale()
        if point_size != self._font.pointSizeF():
            self._font.setPointSizeF(point_size)
            self._static.clear()
            self.update()

    def _laid_out(self, text: str) -> tuple[QStaticText, float, float]:
        """The text laid out once, with its width and height."""
        entry = self._static.get(text)
        if entry is None:
            if len(self._static) > MAX_CACHED:
                self._static.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self._font)
            size = static.size()
            entry = (static, size.width(), size.height())
            self._static[text] = entry
        return entry

    def set_texts(self, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str],
                  colors: Sequence[QColor], priority: Sequence[float] | None = None) -> None:
        """priority (fit mode): labels with larger values are placed first."""
        xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
        texts, colors = list(texts), list(colors)
        order = (np.argsort(-np.asarray(priority, dtype=float), kind="stable")
                 if priority is not None else np.arange(len(texts)))
        if (texts == self._texts and colors == self._colors and np.array_equal(xs, self._xs)
                and np.array_equal(ys, self._ys) and np.array_equal(order, self._order)):
            return
        self._order = order
        bounds = (QRectF(QPointF(xs.min() - 0.5, ys.min() - 0.5),
                         QPointF(xs.max() + 0.5, ys.max() + 0.5)) if len(xs) else QRectF())
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._xs, self._ys, self._texts, self._colors = xs, ys, texts, colors
        self.update()

    def texts(self) -> list[str]:
        return list(self._texts)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self._texts:
            return
        t = painter.transform()
        # device positions of all labels at once (the item's transform is affine)
        px = t.m11() * self._xs + t.m21() * self._ys + t.dx()
        py = t.m12() * self._xs + t.m22() * self._ys + t.dy()
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        ax, ay = self._anchor
        pen = None
        if self._fit:
            self._paint_fitting(painter, t, px, py)
            painter.restore()
            return
        scale = self._cell_scale(t) if self._cell is not None else 1.0
        self.cell_scale = scale
        if scale == 0.0:
            painter.restore()
            return
        for x, y, text, colour in zip(px.tolist(), py.tolist(), self._texts, self._colors,
                                      strict=True):
            static, width, height = self._laid_out(text)
            if colour is not pen:
                painter.setPen(colour)
                pen = colour
            if scale != 1.0:
                painter.setTransform(QTransform(scale, 0, 0, scale, x, y))
                painter.drawStaticText(QPointF(-ax * width, -ay * height), static)
            else:
                painter.drawStaticText(QPointF(x - ax * width, y - ay * height), static)
        painter.restore()

    def _cell_scale(self, t) -> float:
        """How much the labels shrink to fit their cells: 1, down to MIN_CELL_SCALE, or 0."""
        cell_w = abs(t.m11() * self._cell[0]) + abs(t.m21() * self._cell[1]) - 4.0
        cell_h = abs(t.m12() * self._cell[0]) + abs(t.m22() * self._cell[1]) - 2.0
        sizes = [self._laid_out(text)[1:] for text in set(self._texts)]
        widest = max(w for w, _ in sizes)
        tallest = max(h for _, h in sizes)
        scale = min(1.0, cell_w / widest if widest else 1.0, cell_h / tallest)
        return scale if scale >= MIN_CELL_SCALE else 0.0

    def _paint_fitting(self, painter: QPainter, t, px: np.ndarray, py: np.ndarray) -> None:
        view = self.getViewBox()
        bounds = (t.mapRect(self.mapRectFromItem(view, view.rect())) if view is not None
                  else QRectF(painter.viewport()))
        self.view_rect = bounds
        ax, ay = self._anchor
        placed: list[QRectF] = []
        self.drawn = []
        pen = None
        for k in self._order.tolist():
            text = self._texts[k]
            static, width, height = self._laid_out(text)
            rect = QRectF(px[k] - ax * width, py[k] - ay * height, width, height)
            # moved inside the plot by at most half its width, or its height
            dx = max(0.0, bounds.left() - rect.left()) - max(0.0, rect.right() - bounds.right())
            dy = max(0.0, bounds.top() - rect.top()) - max(0.0, rect.bottom() - bounds.bottom())
            rect.translate(dx, dy)
            if abs(dx) > width / 2 or abs(dy) > height or not bounds.contains(rect):
                continue
            padded = rect.adjusted(-FIT_GAP_PX, 0.0, FIT_GAP_PX, 0.0)
            if any(padded.intersects(other) for other in placed):
                continue
            placed.append(rect)
            self.drawn.append((text, QRectF(rect)))
            colour = self._colors[k]
            if colour is not pen:
                painter.setPen(colour)
                pen = colour
            painter.drawStaticText(rect.topLeft(), static)

"""An ImageItem for colour-mapped float grids that renders in numpy and draws fast.

pyqtgraph renders a colour-mapped image as an 8-bit indexed QImage, through a general
path (levels, downsampling, NaN bookkeeping) that costs ~0.3 ms of Python per frame even
for the 10×10 Jacobian. Scaling that format onto the screen takes QPainter's generic
path too, one colour-table lookup per screen pixel: 0.4 ms for the Jacobian drawn at
480×240, against 0.1 ms for premultiplied ARGB32, which has a direct path.

For the case the views use (a 2-D float image, explicit levels, an opaque lookup table,
row-major order) this item maps values to colours with pyqtgraph's own arithmetic,
straight into ARGB32 premultiplied; NaN cells stay transparent. Anything else goes to
pyqtgraph's render, converted to the same format.

In an SVG or PDF (within vector_heatmaps) an image a few pixels wide drawn large would be
left to the viewer to enlarge, and viewers smooth it: the 3×3 Jacobian became a blur in
librsvg, and a PDF stores it as JPEG, whose colour subsampling shifted its cells' colours.
So a small grid is drawn as one filled rectangle a cell, and a larger one as an image
enlarged here, each cell a block of whole pixels, at twice the size it is shown, stored
losslessly: crisp edges in every viewer.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget

from gui.items.axis_cache import plot_views

DRAW_FORMAT = QImage.Format.Format_ARGB32_Premultiplied
OPAQUE = np.uint32(0xFF000000)
MAX_VECTOR_CELLS = 64 * 64  # up to this many cells, a vector figure draws rectangles
DETAIL = 2  # a larger grid's image in a vector figure: this many pixels per pixel shown
MAX_ENLARGED_PIXELS = 4_000_000  # … but no larger than this


def argb_table(lut: np.ndarray) -> np.ndarray | None:
    """An opaque uint8 RGB(A) lookup table as 0xAARRGGBB words; None if it has transparent
    entries (those need premultiplying: pyqtgraph's render does it)."""
    if lut.shape[1] == 4 and not (lut[:, 3] == 255).all():
        return None
    rgb = lut[:, :3].astype(np.uint32)
    return OPAQUE | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]


class HeatmapItem(pg.ImageItem):
    def __init__(self, *args, **kwargs) -> None:
        self._table_for: np.ndarray | None = None
        self._table: np.ndarray | None = None
        self._pixels: np.ndarray | None = None  # the buffer the QImage points into
        self.vector = False  # drawn for an SVG or PDF: see vector_heatmaps
        super().__init__(*args, **kwargs)

    def _fast_path(self) -> bool:
        image, lut, levels = self.image, self.lut, self.levels
        return (image is not None and image.ndim == 2 and image.size > 0
                and image.dtype.kind == "f" and isinstance(lut, np.ndarray)
                and lut.dtype == np.uint8 and lut.ndim == 2 and lut.shape[1] in (3, 4)
                and levels is not None and np.ndim(levels) == 1
                and not self.autoDownsample and self.axisOrder == "row-major")

    def render(self) -> None:
        fast = self._fast_path()
        if fast and self._table_for is not self.lut:
            self._table, self._table_for = argb_table(self.lut), self.lut
        if not fast or self._table is None:
            super().render()
            if self.qimage is not None and self.qimage.format() != DRAW_FORMAT:
                self.qimage = self.qimage.convertToFormat(DRAW_FORMAT)
            return
        count = len(self._table)
        low, high = float(self.levels[0]), float(self.levels[1])
        scale = count / (high - low if high != low else 1.0)  # as pyqtgraph's rescaleData
        scaled = (self.image - low) * scale
        holes = np.isnan(scaled)
        has_holes = bool(holes.any())
        if has_holes:
            scaled[holes] = 0.0
        np.clip(scaled, 0, count - 1, out=scaled)
        # C order whatever the image's: the QImage reads the buffer row by row
        pixels = np.ascontiguousarray(self._table[scaled.astype(np.intp)])
        if has_holes:
            pixels[holes] = 0  # transparent
        height, width = pixels.shape
        self._pixels = pixels
        self.qimage = QImage(pixels.data, width, height, width * 4, DRAW_FORMAT)
        self._renderRequired = False
        self._unrenderable = False

    def paint(self, painter: QPainter, *args) -> None:
        if not self.vector or self.image is None or self.paintMode is not None:
            super().paint(painter, *args)
            return
        if self._renderRequired:
            self.render()
            if self._unrenderable:
                return
        image = self.qimage
        if image is None or image.isNull():
            return
        if image.width() * image.height() <= MAX_VECTOR_CELLS:
            self._paint_cells(painter, image)
        else:
            self._paint_enlarged(painter, image)

    def _paint_cells(self, painter: QPainter, image: QImage) -> None:
        """One rectangle a cell. Each reaches a pixel under its right and lower neighbours,
        which are drawn after it and cover that: two anti-aliased edges meeting at one
        line let the background show through as a hairline seam."""
        width, height = image.width(), image.height()
        transform = painter.transform()
        reach_x = min(1.0, 1.0 / max(math.hypot(transform.m11(), transform.m12()), 1e-12))
        reach_y = min(1.0, 1.0 / max(math.hypot(transform.m21(), transform.m22()), 1e-12))
        straight = image.convertToFormat(QImage.Format.Format_ARGB32)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for row in range(height):
            for column in range(width):
                colour = QColor(straight.pixel(column, row))
                colour.setAlpha(straight.pixel(column, row) >> 24)
                if colour.alpha() == 0:
                    continue  # a NaN cell: transparent, as on screen
                painter.setBrush(colour)
                painter.drawRect(QRectF(column, row,
                                        1 + (reach_x if column < width - 1 else 0),
                                        1 + (reach_y if row < height - 1 else 0)))
        painter.restore()

    def _paint_enlarged(self, painter: QPainter, image: QImage) -> None:
        width, height = image.width(), image.height()
        shown = painter.transform().mapRect(QRectF(0, 0, width, height))
        factor = math.ceil(DETAIL * max(shown.width() / width, shown.height() / height))
        while factor > 1 and width * height * factor * factor > MAX_ENLARGED_PIXELS:
            factor -= 1
        if factor > 1:  # nearest neighbour: each cell a block of factor × factor pixels
            image = image.scaled(width * factor, height * factor,
                                 Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.FastTransformation)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)  # PDF: no JPEG
        painter.drawImage(QRectF(0, 0, width, height), image)
        painter.restore()


@contextmanager
def vector_heatmaps(root: QWidget) -> Iterator[None]:
    """Within the block, the heatmaps in the plots under root draw for an SVG or PDF."""
    items = [item for view in plot_views(root) if view.scene() is not None
             for item in view.scene().items() if isinstance(item, HeatmapItem)]
    for item in items:
        item.vector = True
    try:
        yield
    finally:
        for item in items:
            item.vector = False

"""HeatmapItem: drawn from premultiplied ARGB32, with the colours and the NaN holes of
pyqtgraph's own rendering."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from gui.heatmap_item import DRAW_FORMAT, HeatmapItem
from gui.plot_style import diverging_map


def test_heatmap_renders_colour_mapped_values_in_the_fast_format(qapp):
    values = np.array([[-1.0, 0.0], [1.0, np.nan]])
    item = HeatmapItem(values, levels=(-1.0, 1.0), axisOrder="row-major")  # as the app sets
    reference = pg.ImageItem(values, levels=(-1.0, 1.0), axisOrder="row-major")
    for image in (item, reference):
        image.setLookupTable(diverging_map().getLookupTable(nPts=256, alpha=False))
        image.render()
    assert item.qimage.format() == DRAW_FORMAT
    assert reference.qimage.format() != DRAW_FORMAT  # else the item would do nothing
    # row-major: pixel (x, y) holds values[y, x]
    for x, y in ((0, 0), (0, 1), (1, 0)):
        assert item.qimage.pixelColor(x, y) == reference.qimage.pixelColor(x, y)
    assert item.qimage.pixelColor(1, 0).lightness() > 250          # 0 is white
    assert item.qimage.pixelColor(0, 1).red() > item.qimage.pixelColor(0, 1).blue()
    assert item.qimage.pixelColor(0, 0).blue() > item.qimage.pixelColor(0, 0).red()
    assert item.qimage.pixelColor(1, 1) == QColor(0, 0, 0, 0)        # NaN stays a hole

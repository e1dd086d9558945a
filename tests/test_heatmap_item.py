"""HeatmapItem: drawn from premultiplied ARGB32, with exactly the colours and the NaN holes
of pyqtgraph's own rendering."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor

from gui.items.heatmap_item import DRAW_FORMAT, HeatmapItem
from gui.look.plot_style import diverging_map, sequential_map


def rendered(item: pg.ImageItem) -> np.ndarray:
    """The item's image as an (h, w) array of 0xAARRGGBB colours, premultiplied or not."""
    image = item.qimage.convertToFormat(DRAW_FORMAT)
    return np.array([[image.pixel(x, y) for x in range(image.width())]
                     for y in range(image.height())], dtype=np.uint32)


@pytest.mark.parametrize("colour_map, levels, holes, order", [
    (diverging_map(), (-1.0, 1.0), True, "C"),
    (diverging_map(), (-1.0, 1.0), False, "C"),      # pyqtgraph's indexed 8-bit path
    (sequential_map(), (0.0, 25.0), True, "F"),      # a transposed or Fortran-order grid
    (sequential_map(), (3.0, 3.0), False, "C"),
])
def test_heatmap_pixels_equal_pyqtgraphs(qapp, colour_map, levels, holes, order):
    rng = np.random.default_rng(1)
    values = rng.uniform(levels[0] - 2, levels[1] + 2, (37, 23))   # some outside the levels
    values[6, 8], values[9, 1] = np.inf, -np.inf
    if holes:
        values[5, 7] = np.nan
    values = np.asarray(values, order=order)
    lut = colour_map.getLookupTable(nPts=256, alpha=False)
    item = HeatmapItem(values, levels=levels, axisOrder="row-major")  # as the app sets
    reference = pg.ImageItem(values, levels=levels, axisOrder="row-major")
    for image in (item, reference):
        image.setLookupTable(lut)
        image.render()
    assert item.qimage.format() == DRAW_FORMAT
    assert reference.qimage.format() != DRAW_FORMAT  # else the item would do nothing
    np.testing.assert_array_equal(rendered(item), rendered(reference))
    if holes:
        assert item.qimage.pixelColor(7, 5) == QColor(0, 0, 0, 0)   # NaN is a hole


def test_a_lookup_table_with_transparency_goes_through_pyqtgraph(qapp):
    values = np.linspace(0.0, 1.0, 12).reshape(3, 4)
    lut = sequential_map().getLookupTable(nPts=256, alpha=True)
    lut[:128, 3] = 100                                               # half see-through
    item = HeatmapItem(values, levels=(0.0, 1.0), axisOrder="row-major")
    reference = pg.ImageItem(values, levels=(0.0, 1.0), axisOrder="row-major")
    for image in (item, reference):
        image.setLookupTable(lut)
        image.render()
    np.testing.assert_array_equal(rendered(item), rendered(reference))
    assert item.qimage.pixelColor(0, 0).alpha() == 100


def test_heatmap_white_at_zero_and_other_cases_through_pyqtgraph(qapp):
    values = np.array([[-1.0, 0.0], [1.0, 0.5]])
    item = HeatmapItem(values, levels=(-1.0, 1.0), axisOrder="row-major")
    item.setLookupTable(diverging_map().getLookupTable(nPts=256, alpha=False))
    item.render()
    assert item.qimage.pixelColor(1, 0).lightness() > 250           # 0 is white
    assert item.qimage.pixelColor(0, 0).blue() > item.qimage.pixelColor(0, 0).red()
    assert item.qimage.pixelColor(0, 1).red() > item.qimage.pixelColor(0, 1).blue()
    # an integer image is not the fast path's: pyqtgraph renders it, in the same format
    item.setImage(np.array([[0, 1], [2, 3]], dtype=np.uint8), levels=(0, 3))
    item.render()
    assert item.qimage.format() == DRAW_FORMAT

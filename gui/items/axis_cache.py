"""Axes drawn from a pixmap cache on screen, and as vectors in SVG.

An axis's bounding rectangle reaches into the plot it labels, so every frame that redraws
the plot also replays the axis's QPicture: about 2 ms a frame over the eight axes of the
four views. With DeviceCoordinateCache Qt keeps each axis as a pixmap and repaints it only
when pyqtgraph calls update() (when its range or ticks change). Qt re-renders the cache
when the device scale changes, so PNG exports at 2× and 3× stay sharp; an SVG, though,
would get the pixmap, so `vector_axes` turns the caches off while one is drawn (the axes'
and the plot background's, which pyqtgraph's GraphicsView also keeps as a pixmap).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_UNCACHED = QGraphicsItem.CacheMode.NoCache


def plot_views(root: QWidget) -> list[QGraphicsView]:
    return ([root] if isinstance(root, QGraphicsView) else []) + root.findChildren(QGraphicsView)


def _axes(root: QWidget) -> Iterator[pg.AxisItem]:
    for view in plot_views(root):
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            if isinstance(item, pg.AxisItem):
                yield item


def cache_axes(root: QWidget) -> None:
    """Cache every axis in the plots under root (call once the plots are built)."""
    for axis in _axes(root):
        axis.setCacheMode(_CACHED)


@contextmanager
def vector_axes(root: QWidget) -> Iterator[None]:
    """Within the block, the plots under root paint their axes and background as vectors."""
    cached = [axis for axis in _axes(root) if axis.cacheMode() == _CACHED]
    views = [(view, view.cacheMode()) for view in plot_views(root)]
    for axis in cached:
        axis.setCacheMode(_UNCACHED)
    for view, _ in views:
        view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
    try:
        yield
    finally:
        for axis in cached:
            axis.setCacheMode(_CACHED)
        for view, mode in views:
            view.setCacheMode(mode)

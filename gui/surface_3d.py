"""The loss surface in 3-D (pyqtgraph.opengl). Imported only where OpenGL works.

Height is scaled so the surface is about half as tall as it is wide whatever the loss's
units, and coloured with the same map as the 2-D heatmap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from PySide6.QtWidgets import QWidget

from gui.plot_style import sequential_map

if TYPE_CHECKING:
    from core.result import Result

MAX_MESH = 120  # vertices per side; finer meshes only cost frame time


class Surface3D(gl.GLViewWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Loss surface in 3-D"))
        self.setBackgroundColor(pg.getConfigOption("background"))
        self.surface = gl.GLSurfacePlotItem(shader=None, smooth=True, glOptions="opaque")
        self.point = gl.GLScatterPlotItem(size=12, color=(1.0, 0.23, 0.19, 1.0))
        self.grid = gl.GLGridItem()
        self.grid.setColor((0, 0, 0, 60))
        for item in (self.grid, self.surface, self.point):
            self.addItem(item)
        self.setCameraPosition(distance=40, elevation=30, azimuth=-60)

    def set_result(self, result: Result) -> None:
        surface = result.surface
        stride = max(1, -(-len(surface.xs) // MAX_MESH))
        xs, ys = surface.xs[::stride], surface.ys[::stride]
        z = surface.values[::stride, ::stride]
        low, high = surface.finite_range
        span = float(xs[-1] - xs[0])
        scale = 0.5 * span / (high - low) if high > low else 1.0
        centre = (xs[0] + xs[-1]) / 2
        colours = sequential_map().map((z - low) / max(high - low, 1e-300), mode="float")
        # GLSurfacePlotItem takes z[x_index, y_index]; ours is values[row=y, col=x].
        self.surface.setData(x=xs - centre, y=ys - centre, z=((z - low) * scale).T,
                             colors=colours.reshape((*z.shape, 4)).transpose(1, 0, 2))
        i, j = surface.axes
        a = result.state.logits
        zp = (result.losses[surface.loss] - low) * scale
        self.point.setData(pos=np.array([[a[i] - centre, a[j] - centre, zp]]))
        self.grid.setSize(span, span)
        self.grid.setSpacing(span / 10, span / 10)

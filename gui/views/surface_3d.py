"""The loss surface in 3-D (pyqtgraph.opengl). Imported only where OpenGL works.

The surface is drawn in a fixed box (gui/surface_scene.py), so the camera, the grid and
the clipping planes are set once here and never follow the data's units; it is coloured
with the same map as the 2-D heatmap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from PySide6.QtWidgets import QWidget

from gui.look.plot_style import marker_size, sequential_map
from gui.views.surface_scene import HALF_WIDTH, HEIGHT, mesh_indices, scene_of

if TYPE_CHECKING:
    from core.result import Result

NOT_FINITE_COLOUR = (0.6, 0.6, 0.6, 1.0)  # where the loss is NaN or ±inf
GRID_LINES = 10  # per side of the floor
GRID_BELOW = 0.04  # of the box's height: nearer, the floor and the grid fight over depth


class Surface3D(gl.GLViewWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Loss surface in 3-D"))
        self.setBackgroundColor(pg.getConfigOption("background"))
        self.surface = gl.GLSurfacePlotItem(shader=None, smooth=True, glOptions="opaque")
        self.point = gl.GLScatterPlotItem(size=marker_size(12), color=(1.0, 0.23, 0.19, 1.0))
        self.grid = gl.GLGridItem()
        self.grid.setColor((0, 0, 0, 60))
        self.grid.setSize(2 * HALF_WIDTH, 2 * HALF_WIDTH)
        self.grid.setSpacing(2 * HALF_WIDTH / GRID_LINES, 2 * HALF_WIDTH / GRID_LINES)
        self.grid.translate(0, 0, -GRID_BELOW * HEIGHT)  # not through the surface's floor
        for item in (self.grid, self.surface, self.point):
            self.addItem(item)
        # the box seen whole from above one corner; from 30° up, the huge-logits preset's
        # ramp lay edge-on to the camera
        self.setCameraPosition(pos=pg.Vector(0, 0, HEIGHT / 3), distance=4 * HALF_WIDTH,
                               elevation=40, azimuth=-60)

    def set_result(self, result: Result) -> None:
        surface = result.surface
        rows = mesh_indices(len(surface.ys))
        cols = mesh_indices(len(surface.xs))
        i, j = surface.axes
        a = result.state.logits
        scene = scene_of(surface.xs[cols], surface.ys[rows],
                         surface.values[np.ix_(rows, cols)], surface.finite_range,
                         (a[i], a[j], result.chosen_gradient.value))
        colours = sequential_map().map(scene.level.ravel(), mode="float")
        colours = colours.reshape((*scene.level.shape, 4))
        colours[~scene.finite] = NOT_FINITE_COLOUR
        # GLSurfacePlotItem takes z[x_index, y_index]; ours is [row = y, column = x].
        self.surface.setData(x=scene.x, y=scene.y, z=scene.z.T,
                             colors=colours.transpose(1, 0, 2))
        self.point.setVisible(scene.point is not None)
        if scene.point is not None:
            self.point.setData(pos=scene.point[np.newaxis])

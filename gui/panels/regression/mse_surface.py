"""The MSE surface over (w, b): gui.items.surface_plot's map, contours, point and −∇L arrow,
with the gradient-descent path on the map and a button that fits the ranges to it all.

The arrow has a fixed length (a fraction of the shorter axis): it shows the direction
downhill; how steep it is, the readout and the loss-per-step plot say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QPushButton

from core.number_format import fmt
from gui.items.readout_label import set_text
from gui.items.surface_plot import SurfacePlot
from gui.look.plot_style import HIGHLIGHT_COLOR
from gui.panels.regression.plot_panel import PlotPanel

if TYPE_CHECKING:
    from core.regression import RegressionResult
    from core.state import State

ARROW_FRACTION = 0.15     # −∇L arrow length, as a fraction of the shorter surface axis


class MseSurface(PlotPanel):
    def __init__(self) -> None:
        super().__init__(self.tr("<b>MSE surface</b> L(w, b), path of descent"),
                         self.tr("MSE loss surface over w and b"))
        self.fit_button = QPushButton(self.tr("F&it view"))
        self.fit_button.setAccessibleName(self.tr("Fit the surface ranges"))
        self.fit_button.setToolTip(self.tr("Set the w and b ranges of the surface and the "
                                           "slice around the current point, the descent path "
                                           "and the best fit"))
        self.add_to_header(self.fit_button)
        self.readout.setAccessibleName(self.tr("Descent summary"))
        self.path = pg.PlotDataItem(pen=pg.mkPen(HIGHLIGHT_COLOR, width=2), symbol="o",
                                    symbolSize=4, symbolBrush=HIGHLIGHT_COLOR,
                                    symbolPen=pg.mkPen(HIGHLIGHT_COLOR))
        self.surface = SurfacePlot(self.plot, equal_scales=False, colorbar_width=12,
                                   head_length=12, layers=(self.path,))
        self.surface.set_axis_labels(self.tr("w"), self.tr("b"))

    def show_result(self, state: State, reg: RegressionResult) -> None:
        w_range, b_range = state.regression.w_range, state.regression.b_range
        self.surface.set_surface(reg.surface, w_range, b_range)
        self.path.setData(reg.path[:, 0], reg.path[:, 1])
        w, b = state.regression.w, state.regression.b
        length = ARROW_FRACTION * min(w_range[1] - w_range[0], b_range[1] - b_range[0])
        self.surface.set_point(w, b, np.array([reg.grad_w, reg.grad_b]), length)

        steps = len(reg.path) - 1
        inside = w_range[0] <= w <= w_range[1] and b_range[0] <= b <= b_range[1]
        where = "" if inside else self.tr(" · (w, b) off the map: Fit view")
        if reg.diverged:
            text = self.tr("⚠ Diverged after %1 step(s):\nη = %2 is too large%3")
        else:
            text = self.tr("−∇L = (%4, %5) (red arrow)\nafter %1 steps L = %6%3")
        set_text(self.readout,
                 text.replace("%1", str(steps))
                 .replace("%2", f"{state.regression.learning_rate:g}").replace("%3", where)
                 .replace("%4", fmt(-reg.grad_w, 3)).replace("%5", fmt(-reg.grad_b, 3))
                 .replace("%6", f"{reg.path_loss[-1]:.3g}"))

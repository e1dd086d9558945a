"""The slice L(w) of the chosen loss at the current b, with the tangent at the current w: its
slope is ∂L/∂w (at a kink, torch's subgradient)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from core.number_format import fmt
from gui.items.readout_label import set_text
from gui.look import theme
from gui.look.plot_style import POINT_COLOR, data_pen, marker_size, nice_range
from gui.panels.regression import loss_names
from gui.panels.regression.plot_panel import PlotPanel

if TYPE_CHECKING:
    from core.regression import RegressionResult
    from core.state import State

TANGENT_FRACTION = 0.2    # tangent half-length, as a fraction of the w range


class SlicePlot(PlotPanel):
    def __init__(self) -> None:
        super().__init__(self._title("mse"),
                         self.tr("Loss along w at the current b, with the tangent line"))
        self._view = None
        self.readout.setAccessibleName(self.tr("Slope dL/dw"))
        plot = self.plot
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", self.tr("w"))
        plot.setLabel("left", self.tr("L"))
        self.curve = pg.PlotDataItem(pen=data_pen(theme.muted_ink(), width=2))
        self.tangent = pg.PlotDataItem(pen=data_pen(POINT_COLOR, width=2,
                                                    style=Qt.PenStyle.DashLine))
        self.point = pg.ScatterPlotItem(size=marker_size(10), brush=POINT_COLOR,
                                        pen=data_pen("white", width=1.5))
        for item in (self.curve, self.tangent, self.point):
            plot.addItem(item)

    def _title(self, loss: str) -> str:
        return (self.tr("<b>Slice</b> %1 L(w) at b, tangent slope ∂L/∂w")
                .replace("%1", loss_names.symbol(loss)))

    def show_result(self, state: State, reg: RegressionResult) -> None:
        self.set_title(self._title(state.regression.loss))
        w = state.regression.w
        wlo, whi = state.regression.w_range
        self.curve.setData(reg.slice_w, reg.slice_loss)
        self.point.setData([w], [reg.loss])
        half = TANGENT_FRACTION * (whi - wlo)
        tx = np.array([w - half, w + half])
        self.tangent.setData(tx, reg.loss + reg.grad_w * (tx - w))
        finite = reg.slice_loss[np.isfinite(reg.slice_loss)]
        top = max(float(finite.max()) if finite.size else 1.0, reg.loss)
        view = ((wlo, whi), nice_range(0.0, top if math.isfinite(top) else 1.0))
        if view != self._view:
            self.plot.setRange(xRange=view[0], yRange=view[1], padding=0.0)
            self._view = view
        set_text(self.readout,
                 self.tr("∂L/∂w = %1 at w = %2, b = %3:\nthe slope of the dashed tangent")
                 .replace("%1", fmt(reg.grad_w, 6)).replace("%2", f"{w:.4g}")
                 .replace("%3", f"{state.regression.b:.4g}"))

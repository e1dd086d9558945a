"""The loss at each gradient-descent step, on a log axis."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg

from gui.items.readout_label import set_text
from gui.look.plot_style import HIGHLIGHT_COLOR
from gui.panels.regression.plot_panel import PlotPanel

if TYPE_CHECKING:
    from core.regression import RegressionResult

LOG_FLOOR = 1e-30         # a log axis cannot show 0; smaller losses are drawn here


class StepsPlot(PlotPanel):
    def __init__(self) -> None:
        super().__init__(self.tr("<b>Loss per step</b> of gradient descent (log scale)"),
                         self.tr("Loss at each gradient-descent step, log scale"))
        self.readout.setAccessibleName(self.tr("Loss at the first and last step"))
        plot = self.plot
        plot.setLogMode(y=True)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", self.tr("step"))
        plot.setLabel("left", self.tr("L"))
        self.loss_curve = pg.PlotDataItem(pen=pg.mkPen(HIGHLIGHT_COLOR, width=2), symbol="o",
                                          symbolSize=4, symbolBrush=HIGHLIGHT_COLOR,
                                          symbolPen=pg.mkPen(HIGHLIGHT_COLOR))
        plot.addItem(self.loss_curve)

    def show_result(self, reg: RegressionResult) -> None:
        losses = np.asarray(reg.path_loss, dtype=float)
        shown = np.where(np.isfinite(losses), np.maximum(losses, LOG_FLOOR), np.nan)
        self.loss_curve.setData(np.arange(len(losses), dtype=float), shown)
        last = len(losses) - 1
        text = (self.tr("step 0: L = %1\nstep %2: L = %3 (diverged)") if reg.diverged
                else self.tr("step 0: L = %1\nstep %2: L = %3"))
        set_text(self.readout,
                 text.replace("%1", f"{losses[0]:.4g}").replace("%2", str(last))
                 .replace("%3", f"{losses[-1]:.4g}"))

"""The loss at each gradient-descent step, on a log axis: the steps ahead from the current
(w, b) (0, 1, 2, …) and, before step 0, the steps already taken with Step and Play."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from gui.items.readout_label import set_text
from gui.look import theme
from gui.look.plot_style import HIGHLIGHT_COLOR, data_pen, marker_size
from gui.panels.regression import loss_names
from gui.panels.regression.plot_panel import PlotPanel

if TYPE_CHECKING:
    from core.regression import RegressionResult

MIN_LABEL_GAP = 18   # pixels between two labelled ticks of the log axis (a label's height)
LABELLED_DECADES = 2  # pyqtgraph labels the minor ticks (2…9 × 10ⁿ) of a shorter range


def _spaced(values: list[float], gap: float) -> list[float]:
    """The ticks at least `gap` apart (in log10 units), from the bottom up."""
    kept: list[float] = []
    for v in sorted(values):
        if not kept or v - kept[-1] >= gap:
            kept.append(v)
    return kept


def thin_log_ticks(axis: pg.AxisItem) -> None:
    """Within a decade or two pyqtgraph labels every 2…9 × 10ⁿ; near the top of a decade
    they are a few pixels apart and their labels overprint (0.06, 0.07, 0.08, 0.09 over
    one another when L1's descent oscillates). Keep only minor ticks a label's height
    apart; whole decades stay as pyqtgraph gives them."""
    original = axis.logTickValues

    def log_tick_values(min_val, max_val, size, std_ticks):
        levels = original(min_val, max_val, size, std_ticks)
        if size <= 0 or not 0 < max_val - min_val < LABELLED_DECADES:
            return levels   # over more decades the minor ticks carry no labels
        gap = MIN_LABEL_GAP * (max_val - min_val) / size
        return [(spacing, values if spacing is not None else _spaced(list(values), gap))
                for spacing, values in levels]

    axis.logTickValues = log_tick_values


def _drawable(steps: np.ndarray, losses: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points a log axis can draw: a loss of exactly 0 (or inf) is left out, so the
    curve ends where the fit became exact, rather than lying on an invented floor."""
    keep = np.isfinite(losses) & (losses > 0)
    return steps[keep], losses[keep]


class StepsPlot(PlotPanel):
    def __init__(self) -> None:
        super().__init__(self._title("mse"),
                         self.tr("Loss at each gradient-descent step, log scale"))
        self.readout.setAccessibleName(self.tr("Loss at the first and last step"))
        plot = self.plot
        plot.setLogMode(y=True)
        thin_log_ticks(plot.getAxis("left"))
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", self.tr("step"))
        plot.setLabel("left", self.tr("L"))
        # no symbols: at one per step they would make the dotted line look solid
        self.taken_curve = pg.PlotDataItem(pen=data_pen(theme.ink(), width=1.5,
                                                        style=Qt.PenStyle.DotLine))
        self.loss_curve = pg.PlotDataItem(pen=data_pen(HIGHLIGHT_COLOR, width=2), symbol="o",
                                          symbolSize=marker_size(4), symbolBrush=HIGHLIGHT_COLOR,
                                          symbolPen=data_pen(HIGHLIGHT_COLOR))
        plot.addItem(self.taken_curve)
        plot.addItem(self.loss_curve)

    def _title(self, loss: str) -> str:
        return (self.tr("<b>%1 per step</b> of descent (log)")
                .replace("%1", loss_names.symbol(loss)))

    def show_result(self, reg: RegressionResult, taken: np.ndarray | None = None) -> None:
        """taken: the losses of the steps already taken, ending at the current point."""
        self.set_title(self._title(reg.loss_name))
        losses = np.asarray(reg.path_loss, dtype=float)
        self.loss_curve.setData(*_drawable(np.arange(len(losses), dtype=float), losses))
        taken = np.empty(0) if taken is None else np.asarray(taken, dtype=float)
        self.taken_curve.setData(*_drawable(np.arange(1 - len(taken), 1, dtype=float), taken))
        self.taken_curve.setVisible(len(taken) > 1)
        last = len(losses) - 1
        text = (self.tr("step 0: L = %1\nstep %2: L = %3 (diverged)") if reg.diverged
                else self.tr("step 0: L = %1\nstep %2: L = %3"))
        if len(taken) > 1:
            text = self.tr("%4 steps taken (dotted), step 0: L = %1\nstep %2: L = %3") \
                if not reg.diverged else text
        set_text(self.readout,
                 text.replace("%1", f"{losses[0]:.4g}").replace("%2", str(last))
                 .replace("%3", f"{losses[-1]:.4g}").replace("%4", str(len(taken) - 1)))

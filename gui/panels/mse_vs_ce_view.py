"""MSE vs CE: why classifiers use cross-entropy.

The true class's logit sweeps from very wrong to very right (the other logits fixed);
both losses and the size of their gradient along that logit are drawn on a log scale.
When the model is confidently wrong, MSE's gradient through the softmax vanishes while
cross-entropy's stays near its largest.

The curves are log10 of the values, which core computes as logarithms, on a linear axis
labelled in powers of ten (gui/items/decade_ticks.py): at a low temperature they run far
below float64's smallest number and stay straight lines instead of dropping to 0. The
legend sits above the plot, in a band of its own, so it never covers a curve.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.number_format import fmt, sub
from gui.items.decade_ticks import decade_ticks
from gui.items.readout_label import ReadoutLabel, set_text
from gui.look import theme
from gui.look.plot_style import CE_COLOR, MSE_COLOR, data_pen, marker_size, new_plot_widget

if TYPE_CHECKING:
    from core.mse_vs_ce import MseVsCe
    from core.result import Result

LN10 = math.log(10.0)
# log10 of float64's smallest normal number: below it a value exists here only as a log
LOG10_SMALLEST_NORMAL = math.log10(np.finfo(np.float64).tiny)
LEGEND_GAP = 4  # pixels between the legend band and the plot


def format_from_log(log_value: float, digits: int = 4) -> str:
    """The number e^log_value as fmt writes it, also where it is below float64's range."""
    if log_value == -math.inf or log_value / LN10 >= LOG10_SMALLEST_NORMAL:
        return fmt(math.exp(log_value), digits)
    log10 = log_value / LN10
    exponent = math.floor(log10)
    mantissa = round(10.0 ** (log10 - exponent), digits - 1)
    if mantissa >= 10.0:
        mantissa, exponent = mantissa / 10.0, exponent + 1
    return f"{mantissa:.{digits - 1}f}e{exponent}"


def _log10(values: np.ndarray) -> np.ndarray:
    """Natural logs to log10; -inf (a value exactly 0) becomes a gap in the curve."""
    out = np.asarray(values) / LN10
    return np.where(np.isfinite(out), out, np.nan)


class MseVsCeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.plot_widget = new_plot_widget(self, self.tr("MSE versus cross-entropy along the "
                                                         "true class's logit"))
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("left", self.tr("value (log scale)"))
        self.plot.hideButtons()
        decade_ticks(self.plot.getAxis("left"))
        ce_pen, mse_pen = data_pen(CE_COLOR, width=2), data_pen(MSE_COLOR, width=2)
        dashed = Qt.PenStyle.DashLine
        self.ce = self.plot.plot(pen=ce_pen, connect="finite")
        self.mse = self.plot.plot(pen=mse_pen, connect="finite")
        self.grad_ce = self.plot.plot(pen=data_pen(CE_COLOR, width=2, style=dashed),
                                      connect="finite")
        self.grad_mse = self.plot.plot(pen=data_pen(MSE_COLOR, width=2, style=dashed),
                                       connect="finite")
        self.legend = self._legend_above_plot()
        self.now = pg.InfiniteLine(angle=90, pen=data_pen(theme.muted_ink(), width=1,
                                                          style=Qt.PenStyle.DotLine))
        self.plot.addItem(self.now)
        self.markers = pg.ScatterPlotItem(size=marker_size(9), pen=data_pen("white", width=1))
        self._marker_brushes = [pg.mkBrush(c) for c in (CE_COLOR, MSE_COLOR,
                                                        CE_COLOR, MSE_COLOR)]
        self.plot.addItem(self.markers)
        self.explain = ReadoutLabel(3, parent=self)
        self.explain.setAccessibleName(self.tr("What the curves show"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.explain)

    def _legend_above_plot(self) -> pg.LegendItem:
        """One row of entries in the plot item's (unused) title row, outside the data area."""
        legend = pg.LegendItem(colCount=4, labelTextSize="8pt", frame=False)
        legend.setParentItem(self.plot)
        for item in (self.ce, self.mse, self.grad_ce, self.grad_mse):
            legend.addItem(item, "")
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-10, 0))
        self._set_legend_names(legend, "c")
        return legend

    def _set_legend_names(self, legend: pg.LegendItem, c: str) -> None:
        names = (self.tr("CE"), self.tr("MSE"),
                 self.tr("|∂CE/∂a%1|").replace("%1", c),
                 self.tr("|∂MSE/∂a%1|").replace("%1", c))
        for (_, label), name in zip(legend.items, names, strict=True):
            label.setText(name)
        legend.updateSize()
        height = legend.layout.preferredHeight()
        self.plot.layout.setRowFixedHeight(0, height + LEGEND_GAP)

    def set_result(self, result: Result) -> None:
        sweep = result.mse_vs_ce
        c = sweep.class_index
        x = sweep.logit_values
        curves = [_log10(v) for v in (sweep.log_cross_entropy, sweep.log_mse,
                                      sweep.log_grad_cross_entropy_abs,
                                      sweep.log_grad_mse_abs)]
        for item, values in zip((self.ce, self.mse, self.grad_ce, self.grad_mse), curves,
                                strict=True):
            item.setData(x, values)
        finite = np.concatenate([v[np.isfinite(v)] for v in curves])
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (-1.0, 1.0)
        self.plot.setYRange(low - 0.5, high + 0.5, padding=0)
        now = sweep.current
        current = _log10([now.log_cross_entropy, now.log_mse,
                          now.log_grad_cross_entropy_abs, now.log_grad_mse_abs])
        self.markers.setData([sweep.current_logit] * 4,
                             np.where(np.isnan(current), low - 0.5, current),
                             brush=self._marker_brushes, symbol=["o", "o", "t", "t"])
        self.now.setPos(sweep.current_logit)
        # the view is the sweep (a current logit far outside it must not squash the curves)
        self.plot.setXRange(float(x[0]), float(x[-1]), padding=0.02)
        inside = bool(x[0] <= sweep.current_logit <= x[-1])
        self.now.setVisible(inside)
        self.markers.setVisible(inside)
        self._set_legend_names(self.legend, sub(c))
        self.plot.setLabel("bottom", self.tr("a%1, the true class's logit (others fixed)")
                           .replace("%1", sub(c)))
        set_text(self.title, self.tr("<b>MSE vs CE</b> — from very wrong (left) to very "
                                     "right (right) for class %1").replace("%1", str(c)))
        set_text(self.explain, self._explanation(sweep, inside, low))

    def _explanation(self, sweep: MseVsCe, inside: bool, low: float) -> str:
        c, x, now, wrong = sweep.class_index, sweep.logit_values, sweep.current, 0
        text = (self.tr(
            "Confidently wrong (a%1 = %2): |∂CE/∂a%1| = %3 but |∂MSE/∂a%1| = %4 — MSE's "
            "gradient carries the factor p%1 from the softmax Jacobian and vanishes, so a "
            "classifier trained with "
            "MSE barely learns from its worst mistakes. Now (dotted line): |∂CE/∂a%1| = %5, "
            "|∂MSE/∂a%1| = %6%7.")
            .replace("%1", sub(c)).replace("%2", f"{x[wrong]:.3g}")
            .replace("%3", format_from_log(sweep.log_grad_cross_entropy_abs[wrong]))
            .replace("%4", format_from_log(sweep.log_grad_mse_abs[wrong]))
            .replace("%5", format_from_log(now.log_grad_cross_entropy_abs))
            .replace("%6", format_from_log(now.log_grad_mse_abs))
            .replace("%7", "" if inside else self.tr(" (a%1 = %2 lies outside the plotted "
                                                     "sweep)").replace("%1", sub(c))
                     .replace("%2", f"{sweep.current_logit:.3g}")))
        if low < LOG10_SMALLEST_NORMAL:
            text += " " + self.tr(
                "Values below %1, float64's smallest normal number, are computed and drawn "
                "as logarithms: as float64 numbers they would round to 0.").replace(
                "%1", f"{np.finfo(np.float64).tiny:.1e}")
        return text

"""MSE vs CE: why classifiers use cross-entropy.

The true class's logit sweeps from very wrong to very right (the other logits fixed);
both losses and the size of their gradient along that logit are drawn on a log scale.
When the model is confidently wrong, MSE's gradient through the softmax vanishes while
cross-entropy's stays near its largest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.number_format import fmt, sub
from gui.items.readout_label import ReadoutLabel, set_text
from gui.look import theme
from gui.look.plot_style import new_plot_widget, sign_color

if TYPE_CHECKING:
    from core.result import Result

LOG_FLOOR = 1e-30  # a log axis cannot show 0; values below are drawn at the floor


def _positive(values: np.ndarray) -> np.ndarray:
    return np.maximum(values, LOG_FLOOR)


class MseVsCeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.plot_widget = new_plot_widget(self, self.tr("MSE versus cross-entropy along the "
                                                         "true class's logit"))
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setLogMode(y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("left", self.tr("value (log scale)"))
        self.plot.hideButtons()
        self.plot.addLegend(offset=(-10, 10), labelTextSize="8pt")
        positive, negative = sign_color(1.0), sign_color(-1.0)  # lighter on a dark theme
        ce_pen = pg.mkPen(positive, width=2)
        mse_pen = pg.mkPen(negative, width=2)
        self.ce = self.plot.plot(pen=ce_pen, name=self.tr("CE"))
        self.mse = self.plot.plot(pen=mse_pen, name=self.tr("MSE"))
        self.grad_ce = self.plot.plot(pen=pg.mkPen(positive, width=2,
                                                   style=Qt.PenStyle.DashLine),
                                      name=self.tr("|∂CE/∂a_c|"))
        self.grad_mse = self.plot.plot(pen=pg.mkPen(negative, width=2,
                                                    style=Qt.PenStyle.DashLine),
                                       name=self.tr("|∂MSE/∂a_c|"))
        self.now = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.muted_ink(), width=1,
                                                          style=Qt.PenStyle.DotLine))
        self.plot.addItem(self.now)
        self.markers = pg.ScatterPlotItem(size=9, pen=pg.mkPen("white", width=1))
        self._marker_brushes = [pg.mkBrush(c) for c in (positive, negative,
                                                        positive, negative)]
        self.plot.addItem(self.markers)
        self.explain = ReadoutLabel(3, parent=self)
        self.explain.setAccessibleName(self.tr("What the curves show"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.explain)

    def set_result(self, result: Result) -> None:
        sweep = result.mse_vs_ce
        c = sweep.class_index
        x = sweep.logit_values
        for item, values in ((self.ce, sweep.cross_entropy), (self.mse, sweep.mse),
                             (self.grad_ce, sweep.grad_cross_entropy_abs),
                             (self.grad_mse, sweep.grad_mse_abs)):
            item.setData(x, _positive(values))
        now = sweep.current
        current = np.array([now.cross_entropy, now.mse, now.grad_cross_entropy_abs,
                            now.grad_mse_abs])
        self.markers.setData([sweep.current_logit] * 4, np.log10(_positive(current)),
                             brush=self._marker_brushes, symbol=["o", "o", "t", "t"])
        self.now.setPos(sweep.current_logit)
        # the view is the sweep (a current logit far outside it must not squash the curves)
        self.plot.setXRange(float(x[0]), float(x[-1]), padding=0.02)
        curves = np.concatenate([sweep.cross_entropy, sweep.mse, sweep.grad_cross_entropy_abs,
                                 sweep.grad_mse_abs])
        positive = curves[curves > 0]
        low = max(float(positive.min()), 1e-20) if positive.size else 1e-20
        high = float(positive.max()) if positive.size else 1.0
        self.plot.setYRange(np.log10(low) - 0.5, np.log10(high) + 0.5, padding=0)
        inside = bool(x[0] <= sweep.current_logit <= x[-1])
        self.now.setVisible(inside)
        self.markers.setVisible(inside)
        self.plot.setLabel("bottom", self.tr("a%1, the true class's logit (others fixed)")
                           .replace("%1", sub(c)))
        set_text(self.title, self.tr("<b>MSE vs CE</b> — from very wrong (left) to very "
                                     "right (right) for class %1").replace("%1", str(c)))
        wrong = 0
        inside = bool(x[0] <= sweep.current_logit <= x[-1])
        set_text(self.explain, self.tr(
            "Confidently wrong (a%1 = %2): |∂CE/∂a%1| = %3 but |∂MSE/∂a%1| = %4 — MSE's "
            "gradient carries the factor p%1 from the softmax Jacobian and vanishes, so a "
            "classifier trained with "
            "MSE barely learns from its worst mistakes. Now (dotted line): |∂CE/∂a%1| = %5, "
            "|∂MSE/∂a%1| = %6%7.")
            .replace("%1", sub(c)).replace("%2", f"{x[wrong]:.3g}")
            .replace("%3", fmt(sweep.grad_cross_entropy_abs[wrong], 4))
            .replace("%4", fmt(sweep.grad_mse_abs[wrong], 4))
            .replace("%5", fmt(now.grad_cross_entropy_abs, 4))
            .replace("%6", fmt(now.grad_mse_abs, 4))
            .replace("%7", "" if inside else self.tr(" (a%1 = %2 lies outside the plotted "
                                                     "sweep)").replace("%1", sub(c))
                     .replace("%2", f"{sweep.current_logit:.3g}")))

"""Softmax view: p_i as bars with their values, the target y_eff marked, ∂L/∂a_i beside them.

The readout above the plot makes the note's "2× becomes 3.5×" exact: for the two largest
classes, p_i/p_j = e^{(a_i − a_j)/T}, a ratio that depends only on the gap of the logits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QWidget

from core.number_format import fmt, sub
from gui.items.readout_label import ReadoutLabel, set_text
from gui.items.text_grid_item import TextGridItem
from gui.items.view_column import view_column
from gui.look import theme
from gui.look.plot_style import (
    NEGATIVE_COLOR,
    POSITIVE_COLOR,
    PROB_COLOR,
    new_plot_widget,
    nice_range,
    sticky_range,
)

if TYPE_CHECKING:
    from core.result import Result


LABEL_HEIGHT = 0.07  # a value label's height, as a fraction of the y range
MAX_VALUE_LABELS = 16   # bar values are printed up to this many classes
BAR_WIDTH = 0.38


class SoftmaxView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.readout = ReadoutLabel(2, parent=self)
        self.readout.setAccessibleName(self.tr("Probability ratio readout"))

        self.plot_widget = new_plot_widget(self, self.tr("Softmax probabilities and gradient bars"))
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setLabel("bottom", self.tr("class i"))
        self.plot.setLabel("left", self.tr("value"))
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.addLine(y=0, pen=pg.mkPen(theme.muted_ink(), width=1))

        # the legend sits above the plot, where it can never hide a bar or a target mark
        self.legend = QLabel(self)
        # a 1-pixel outline in the bar's colour keeps bars narrower than a pixel visible
        self.prob_bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=BAR_WIDTH,
                                         brush=PROB_COLOR, pen=pg.mkPen(PROB_COLOR, width=1))
        # one item per sign: a single colour each takes BarGraphItem's one-call drawRects
        # path, where per-bar colours cost a pen, a brush and a rectangle per bar in Python
        self.grad_bars = {sign: pg.BarGraphItem(x=[0.0], height=[0.0], width=BAR_WIDTH,
                                                brush=colour, pen=pg.mkPen(colour, width=1))
                          for sign, colour in (("+", POSITIVE_COLOR), ("-", NEGATIVE_COLOR))}
        # bare curve items: PlotDataItem's per-update bookkeeping costs more than drawing
        self.target_marks = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(theme.ink(), width=3),
                                             skipFiniteCheck=True)
        self.plot.addItem(self.prob_bars)
        for bars in self.grad_bars.values():
            self.plot.addItem(bars)
        self.plot.addItem(self.target_marks)
        self._legend_for: tuple[str, int] | None = None
        self._value_colour = theme.value_text()
        self.value_labels = TextGridItem(anchor=(0.5, 1.0), point_size=8.0)
        self.plot.addItem(self.value_labels)
        self._y_range: tuple[float, float] | None = None
        self._n = 0

        view_column(self, self.title, self.readout, self.legend, self.plot_widget,
                    stretch=self.plot_widget)

    # ------------------------------------------------------------------ update
    def _rebuild_for(self, n: int) -> None:
        """Only a change of N changes the ticks and the x range."""
        axis = self.plot.getAxis("bottom")
        axis.setTicks([[(i, str(i)) for i in range(n)]] if n <= 32 else None)
        self.plot.setXRange(-0.6, n - 0.4, padding=0)
        self._n = n

    def plotted_gradient(self) -> np.ndarray:
        """The gradient bars' heights in class order, from both signs' items."""
        xs = np.concatenate([np.asarray(b.opts["x"], float) for b in self.grad_bars.values()])
        heights = np.concatenate([np.asarray(b.opts["height"], float)
                                  for b in self.grad_bars.values()])
        return heights[np.argsort(xs, kind="stable")]

    def set_result(self, result: Result) -> None:
        state = result.state
        n = state.n_classes
        if n != self._n:
            self._rebuild_for(n)
        loss = state.surface.loss
        loss_name = self.tr("CE") if loss == "cross_entropy" else self.tr("MSE")
        probs = result.probs
        grad = result.grads[loss].formula
        idx = np.arange(n, dtype=float)

        self.prob_bars.setOpts(x=idx - BAR_WIDTH / 2, height=probs, width=BAR_WIDTH)
        positive = grad > 0
        for sign, chosen in (("+", positive), ("-", ~positive)):
            self.grad_bars[sign].setOpts(x=idx[chosen] + BAR_WIDTH / 2, height=grad[chosen],
                                         width=BAR_WIDTH)
        y_eff = result.classifier.target_effective
        xs = np.empty(2 * n)
        xs[0::2] = idx - BAR_WIDTH - 0.04
        xs[1::2] = idx + 0.02
        self.target_marks.setData(xs, np.repeat(y_eff, 2))
        if (loss_name, n) != self._legend_for:
            self.target_marks.setPen(pg.mkPen(theme.ink(), width=3 if n <= 32 else 1))
            square = '<span style="color:{}">■</span>'
            self.legend.setText(
                self.tr("%1 p<sub>i</sub> &nbsp; <b>▬</b> target y<sub>eff</sub> &nbsp; "
                        "%2%3 ∂%4/∂a<sub>i</sub> (red +, blue −)")
                .replace("%1", square.format(PROB_COLOR.name()))
                .replace("%2", square.format(POSITIVE_COLOR.name()))
                .replace("%3", square.format(NEGATIVE_COLOR.name()))
                .replace("%4", loss_name))
            self._legend_for = (loss_name, n)

        low, high = nice_range(min(0.0, float(grad.min())),
                               max(1.0, float(grad.max()), float(y_eff.max())))
        y_range = sticky_range(self._y_range, (low, high * 1.12))  # headroom for labels
        if y_range != self._y_range:
            self.plot.setYRange(*y_range, padding=0.02)
            self._y_range = y_range
        if n <= MAX_VALUE_LABELS:
            # on top of the bar; lifted onto the target's mark when that would strike the
            # text through (a mark just above the bar)
            span = y_range[1] - y_range[0]
            struck = (y_eff > probs) & (y_eff - probs < LABEL_HEIGHT * span)
            self.value_labels.set_texts(idx - BAR_WIDTH / 2, np.where(struck, y_eff, probs),
                                        [f"{p:.3f}" for p in probs], [self._value_colour] * n)
        else:
            self.value_labels.set_texts([], [], [], [])

        set_text(self.title, self.tr("<b>Softmax</b> p = softmax(a/T) · target y_eff · "
                                     "gradient ∂%1/∂a").replace("%1", loss_name))
        r = result.ratio
        ratio = fmt(r.ratio, 4) if np.isfinite(r.ratio) else self.tr("overflows")
        set_text(self.readout,
                 self.tr("Top two: p%1/p%2 = exp((a%1 − a%2)/T) = exp(%3) = %4: only the "
                         "gap of the logits matters")
                 .replace("%1", sub(r.i)).replace("%2", sub(r.j))
                 .replace("%3", f"{r.gap:.4g}").replace("%4", ratio))

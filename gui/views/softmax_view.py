"""Softmax view: p_i as bars with their values, the target y_eff marked, ∂L/∂a_i beside them.

The readout above the plot makes the note's "2× becomes 3.5×" exact: for the two largest
classes, p_i/p_j = e^{(a_i − a_j)/T}, a ratio that depends only on the gap of the logits,
not on their ratio (the note's 3.5 = 0.7/0.2 comes from rounding). A dashed bracket on the
target bar, from p_y up to 1, marks −log p_y, the cross-entropy of a one-hot target; the
readout says its value and, with smoothing or a soft target, that CE is then another number.
Bar values and class ticks are shown only where they fit the plot's width.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QWidget

from core.number_format import minus, sig, sub
from gui.items.readout_label import ReadoutLabel, set_text
from gui.items.text_grid_item import TextGridItem
from gui.items.tick_labels import ClassTicks, readable_ticks
from gui.items.view_column import view_column
from gui.look import theme
from gui.look.language import short_name
from gui.look.plot_style import (
    NEGATIVE_COLOR,
    POSITIVE_COLOR,
    PROB_COLOR,
    data_pen,
    new_plot_widget,
    nice_range,
    sticky_range,
)
from gui.look.presentation import line_scale

if TYPE_CHECKING:
    from core.result import Result


LABEL_HEIGHT = 0.07  # a value label's height, as a fraction of the y range
MARK_GAP = 0.02      # room between a target mark and a label lifted above it, likewise
MAX_VALUE_LABELS = 16   # the largest bars are offered a value label; those that fit show it
LABEL_MIN_SHARE = 0.1   # beyond MAX_VALUE_LABELS classes, only bars this share of the largest
BAR_WIDTH = 0.38
BRACKET_X = BAR_WIDTH + 0.05  # the −log p bracket, this far left of the class's centre
BRACKET_CAP = 0.04
READOUT_LINES = 3


class SoftmaxView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.readout = ReadoutLabel(READOUT_LINES, parent=self)
        self.readout.setAccessibleName(self.tr("Probability ratio readout"))

        self.plot_widget = new_plot_widget(self, self.tr("Softmax probabilities and gradient bars"))
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setLabel("bottom", self.tr("class i"))
        self.plot.setLabel("left", self.tr("value"))
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.addLine(y=0, pen=data_pen(theme.muted_ink(), width=1))
        self.class_ticks = ClassTicks(self.plot, "bottom")
        readable_ticks(self.plot.getAxis("left"))

        # the legend sits above the plot, where it can never hide a bar or a target mark
        self.legend = QLabel(self)
        # a 1-pixel outline in the bar's colour keeps bars narrower than a pixel visible
        self.prob_bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=BAR_WIDTH,
                                         brush=PROB_COLOR, pen=data_pen(PROB_COLOR, width=1))
        # one item per sign: a single colour each takes BarGraphItem's one-call drawRects
        # path, where per-bar colours cost a pen, a brush and a rectangle per bar in Python
        self.grad_bars = {sign: pg.BarGraphItem(x=[0.0], height=[0.0], width=BAR_WIDTH,
                                                brush=colour, pen=data_pen(colour, width=1))
                          for sign, colour in (("+", POSITIVE_COLOR), ("-", NEGATIVE_COLOR))}
        # bare curve items: PlotDataItem's per-update bookkeeping costs more than drawing
        self.target_marks = pg.PlotCurveItem(connect="pairs", pen=data_pen(theme.ink(), width=3),
                                             skipFiniteCheck=True)
        self.plot.addItem(self.prob_bars)
        for bars in self.grad_bars.values():
            self.plot.addItem(bars)
        self.plot.addItem(self.target_marks)
        # −log p_y: a dashed bracket from the target bar's top up to 1 (certainty)
        self.ce_bracket = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True,
                                           pen=data_pen(theme.ink(), width=1.5,
                                                        style=pg.QtCore.Qt.PenStyle.DashLine))
        self.plot.addItem(self.ce_bracket)
        self._legend_for: tuple[str, int] | None = None
        self._value_colour = theme.value_text()
        self.value_labels = TextGridItem(anchor=(0.5, 1.0), point_size=8.0, fit=True)
        self.plot.addItem(self.value_labels)
        self._y_range: tuple[float, float] | None = None
        self._n = 0

        view_column(self, self.title, self.readout, self.legend, self.plot_widget,
                    stretch=self.plot_widget)

    # ------------------------------------------------------------------ update
    def _rebuild_for(self, n: int) -> None:
        """Only a change of N (or a resize: ClassTicks) changes the ticks and the x range."""
        self.plot.setXRange(-0.6, n - 0.4, padding=0)
        self.class_ticks.set_count(n)
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
        loss_name = short_name(state.loss)
        probs = result.probs
        grad = result.chosen_gradient.gradient
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
            self.target_marks.setPen(data_pen(theme.ink(), width=3 if n <= 32 else 1))
            square = '<span style="color:{}">■</span>'
            self.legend.setText(
                self.tr("%1 p<sub>i</sub> &nbsp; <b>▬</b> target y<sub>eff</sub> &nbsp; "
                        "<b>┆</b> −log p<sub>y</sub> &nbsp; %2%3 ∂%4/∂a<sub>i</sub> "
                        "(red +, blue −)")
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
        # on top of the bar; lifted onto the target's mark when that would strike the text
        # through (a mark just above the bar); the largest bars first, where they fit
        shown = np.arange(n)
        if n > MAX_VALUE_LABELS:  # values of sub-pixel bars would label nothing visible
            shown = np.sort(np.argsort(-probs, kind="stable")[:MAX_VALUE_LABELS])
            shown = shown[probs[shown] >= LABEL_MIN_SHARE * probs.max()]
        span = y_range[1] - y_range[0]
        # a mark within a label's height of the bar's top (above it, level with it, or
        # just under it: p = 1.000 on a target of 1, p ≈ 0 on a target of 0) would cross
        # the text: the label sits just above the mark instead
        struck = np.abs(y_eff - probs) < LABEL_HEIGHT * span
        lifted = np.maximum(probs, y_eff) + MARK_GAP * line_scale() * span  # thicker marks
        self.value_labels.set_texts(idx[shown] - BAR_WIDTH / 2,
                                    np.where(struck, lifted, probs)[shown],
                                    [_bar_value(p) for p in probs[shown]],
                                    [self._value_colour] * len(shown), priority=probs[shown])

        k = int(state.target) if state.target_is_index else int(np.argmax(y_eff))
        x = k - BRACKET_X
        p_k = float(probs[k])
        self.ce_bracket.setData([x, x, x, x + BRACKET_CAP, x, x + BRACKET_CAP],
                                [p_k, 1.0, p_k, p_k, 1.0, 1.0])

        set_text(self.title, self.tr("<b>Softmax</b> p = softmax(a/T) · target y<sub>eff</sub>"
                                     " · gradient ∂%1/∂a").replace("%1", loss_name))
        set_text(self.readout, self.ratio_text(result) + "\n" + self.ce_text(result, k))

    def ratio_text(self, result: Result) -> str:
        """p_i/p_j for the top two, from the probabilities and as e^gap; that only the gap
        matters, not the logits' ratio, which the note's rounded 3.5 seems to follow."""
        r = result.ratio
        i, j = sub(r.i), sub(r.j)
        if np.isfinite(r.ratio) and np.isfinite(r.ratio_from_probs):
            first = (self.tr("p%1/p%2 = %3/%4 = %5 = e^((a%1 − a%2)/T) = e^%6:")
                     .replace("%3", sig(float(result.probs[r.i]), 3))
                     .replace("%4", sig(float(result.probs[r.j]), 3))
                     .replace("%5", sig(r.ratio_from_probs, 4)))
        else:
            first = self.tr("p%1/p%2 = e^((a%1 − a%2)/T) = e^%6 (beyond float64):")
        first = first.replace("%1", i).replace("%2", j).replace("%6", minus(f"{r.gap:.4g}"))
        if np.isfinite(r.logit_ratio):
            second = self.tr("the gap a%1 − a%2 sets it, not a%1/a%2 = %3 (the note's "
                             "0.7/0.2 = 3.5 is rounding).")
        else:
            second = self.tr("the gap a%1 − a%2 sets it, not a%1/a%2 (the note's "
                             "0.7/0.2 = 3.5 is rounding).")
        second = (second.replace("%1", i).replace("%2", j)
                  .replace("%3", minus(f"{r.logit_ratio:.4g}")))
        return first + " " + second

    def ce_text(self, result: Result, k: int) -> str:
        """What the dashed bracket on class k's bar stands for, with its value."""
        c = result.classifier
        neg_log = sig(-float(c.log_probs[k]), 4)
        if float(c.target_effective[k]) == 1.0:  # a one-hot target: CE is exactly −log p_y
            text = self.tr("┆ CE = −log p%1 = %2 (target %3)")
        else:
            text = self.tr("┆ −log p%1 = %2; CE = −Σ y_eff·log p = %4 (smoothed/soft target)")
        return (text.replace("%1", sub(k)).replace("%2", neg_log).replace("%3", str(k))
                .replace("%4", sig(c.cross_entropy, 4)))


def _bar_value(p: float) -> str:
    """A bar's probability: three decimals, or two significant digits below 0.001."""
    return f"{p:.3f}" if p >= 0.001 else sig(p, 2)

"""The saturation view: any two losses along the true class's logit (state.saturation_losses).

The true class's logit sweeps from very wrong to very right (the other logits fixed);
both losses and the size of their gradient along that logit are drawn on a log scale.
Two combos choose the pair ("compare … with …"): an edit of the state, one undo step. The
captions say, from the numbers, what each gradient does when the model is confidently
wrong: with the default pair, MSE's gradient through the softmax vanishes while
cross-entropy's stays near its largest.

The curves are log10 of the values, which core computes as logarithms where it can, on a
linear axis labelled in powers of ten (gui/items/decade_ticks.py): at a low temperature
they run far below float64's smallest number and stay straight lines instead of dropping
to 0. The legend sits above the plot, in a band of its own, so it never covers a curve.
Its registry name stays "mse_vs_ce" (`main.py export --view mse_vs_ce`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.losses.catalog import CLASSIFIER
from core.number_format import fmt, sub
from core.state import State
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.items.decade_ticks import decade_ticks
from gui.items.figure_hints import mark_hint
from gui.items.readout_label import ReadoutLabel, set_text
from gui.look import theme
from gui.look.language import loss_title
from gui.look.plot_style import CE_COLOR, MSE_COLOR, data_pen, marker_size, new_plot_widget
from gui.look.presentation import font_scale

if TYPE_CHECKING:
    from core.result import Result
    from core.saturation_sweep import LossCurve, SaturationSweep

LN10 = math.log(10.0)
# log10 of float64's smallest normal number: below it a value exists here only as a log
LOG10_SMALLEST_NORMAL = math.log10(np.finfo(np.float64).tiny)
# at the right end, one gradient this small a share of the other's: it fades easy examples
FADES_BELOW = 100.0
LEGEND_GAP = 4  # pixels between the legend band and the plot
# the pair's colours keep today's meaning: the loss compared (first, MSE by default) in
# MSE's colour, the one it is compared with (second, CE by default) in CE's
PAIR_COLORS = (MSE_COLOR, CE_COLOR)
SHORT = {info.name: info.short for info in CLASSIFIER}
WORD_JOINER = "\u2060"  # no line break here, and nothing drawn
COMBO_CHARS = 16  # a combo shows at least this many characters; its list shows them all


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


def ratio_from_log(log_value: float) -> str:
    """A ratio in two significant digits (0.98, 0.0012, 3.4e-9, 1.2e-4000), from its log."""
    if log_value == -math.inf:
        return "0"
    if log_value / LN10 >= -3:
        return f"{math.exp(log_value):.2g}"
    return format_from_log(log_value, 2)


def _log10(values: np.ndarray) -> np.ndarray:
    """Natural logs to log10; -inf (a value exactly 0) becomes a gap in the curve."""
    out = np.asarray(values, dtype=float) / LN10
    return np.where(np.isfinite(out), out, np.nan)


def set_pair(state: State, which: int, name: str) -> State:
    """The state comparing `name` in place `which` (0: compare, 1: with); the State
    refuses the same loss twice."""
    pair = list(state.saturation_losses)
    pair[which] = name
    return state.replace(saturation_losses=tuple(pair))


class MseVsCeView(StateEditor):
    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.combos = (self._loss_combo(self.tr("Loss compared")),
                       self._loss_combo(self.tr("Loss it is compared with")))
        self.swap = QToolButton(self)
        self.swap.setText("⇄")
        self.swap.setAccessibleName(self.tr("Swap the two losses"))
        self.swap.setToolTip(self.tr("Swap the two losses"))
        self.swap.clicked.connect(self._on_swap)
        for which, combo in enumerate(self.combos):
            combo.activated.connect(lambda index, which=which: self._on_chosen(which, index))

        self.plot_widget = new_plot_widget(self, self.tr("Two losses and the size of their "
                                                         "gradients along the true class's "
                                                         "logit"))
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("left", self.tr("value (log scale)"))
        self.plot.hideButtons()
        decade_ticks(self.plot.getAxis("left"))
        dashed = Qt.PenStyle.DashLine
        # solid: the losses; dashed: the size of their gradients
        self.loss_curves = tuple(self.plot.plot(pen=data_pen(c, width=2), connect="finite")
                                 for c in PAIR_COLORS)
        self.grad_curves = tuple(self.plot.plot(pen=data_pen(c, width=2, style=dashed),
                                                connect="finite") for c in PAIR_COLORS)
        self.legend = self._legend_above_plot()
        self.now = pg.InfiniteLine(angle=90, pen=data_pen(theme.muted_ink(), width=1,
                                                          style=Qt.PenStyle.DotLine))
        self.plot.addItem(self.now)
        self.markers = pg.ScatterPlotItem(size=marker_size(9), pen=data_pen("white", width=1))
        self._marker_brushes = [pg.mkBrush(c) for c in PAIR_COLORS]
        self.plot.addItem(self.markers)
        self.explain = ReadoutLabel(4, parent=self)
        self.explain.setAccessibleName(self.tr("What the curves show"))

        # the choosers are controls: a figure has the title naming the two instead
        self.chooser = mark_hint(QWidget(self))
        choose = QHBoxLayout(self.chooser)
        choose.setContentsMargins(0, 0, 0, 0)
        choose.setSpacing(6)
        compare = QLabel(self.tr("Co&mpare"), self.chooser)
        compare.setBuddy(self.combos[0])
        with_label = QLabel(self.tr("&with"), self.chooser)
        with_label.setBuddy(self.combos[1])
        choose.addWidget(compare)
        choose.addWidget(self.combos[0], 1)
        choose.addWidget(with_label)
        choose.addWidget(self.combos[1], 1)
        choose.addWidget(self.swap)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.chooser)
        layout.addWidget(self.title)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.explain)

    def _loss_combo(self, accessible_name: str) -> QComboBox:
        combo = QComboBox(self)
        for info in CLASSIFIER:
            combo.addItem(f"{info.short} — {loss_title(info.name)}", info.name)
        combo.setAccessibleName(accessible_name)
        combo.setToolTip(self.tr("The two losses whose gradients the plot compares; the "
                                 "loss chosen in the other box is not offered (a loss "
                                 "compared with itself shows nothing)"))
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARS)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        return combo

    def _legend_above_plot(self) -> pg.LegendItem:
        """One row of entries in the plot item's (unused) title row, outside the data area."""
        legend = pg.LegendItem(colCount=4, labelTextSize=f"{8 * font_scale():g}pt",
                               frame=False)
        legend.setParentItem(self.plot)
        for item in (*self.loss_curves, *self.grad_curves):
            legend.addItem(item, "")
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-10, 0))
        self._set_legend_names(legend, ("mse", "cross_entropy"), "c")
        return legend

    def _set_legend_names(self, legend: pg.LegendItem, pair: tuple[str, str], c: str) -> None:
        shorts = [SHORT[name] for name in pair]
        names = [*shorts, *(self.tr("|∂%1/∂a%2|").replace("%1", s).replace("%2", c)
                            for s in shorts)]
        for (_, label), name in zip(legend.items, names, strict=True):
            label.setText(name)
        legend.updateSize()
        height = legend.layout.preferredHeight()
        self.plot.layout.setRowFixedHeight(0, height + LEGEND_GAP)

    # ------------------------------------------------------------------ editing
    def focus_widgets(self) -> list[QWidget]:
        return [*self.combos, self.swap]

    def set_state(self, state: State) -> None:
        """Each combo shows its loss and does not offer the other's."""
        for which, combo in enumerate(self.combos):
            other = state.saturation_losses[1 - which]
            model = combo.model()
            assert isinstance(model, QStandardItemModel)
            for row in range(combo.count()):
                model.item(row).setEnabled(combo.itemData(row) != other)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(state.saturation_losses[which]))
            combo.blockSignals(False)

    def _on_chosen(self, which: int, index: int) -> None:
        name = self.combos[which].itemData(index)
        self.edit(lambda s: set_pair(s, which, name), "",
                  self.tr("Compare %1").replace("%1", SHORT[name]))

    def _on_swap(self) -> None:
        self.edit(lambda s: s.replace(saturation_losses=s.saturation_losses[::-1]), "",
                  self.tr("Swap the two losses"))

    # ------------------------------------------------------------------ drawing
    def set_result(self, result: Result) -> None:
        sweep = result.saturation
        c = sweep.class_index
        x = sweep.logit_values
        curves: list[np.ndarray] = []
        for curve, loss_item, grad_item in zip(sweep.curves, self.loss_curves,
                                               self.grad_curves, strict=True):
            for item, logs in ((loss_item, curve.log_loss), (grad_item, curve.log_grad_abs)):
                values = _log10(logs)
                item.setData(x if curve.applies else [], values)
                curves.append(values)
        finite = np.concatenate([v[np.isfinite(v)] for v in curves])
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (-1.0, 1.0)
        self.plot.setYRange(low - 0.5, high + 0.5, padding=0)
        # at the current logit: circles on the losses, triangles on their gradients
        marks = [(_log10([log])[0], self._marker_brushes[k], symbol)
                 for symbol, field in (("o", "current_log_loss"), ("t", "current_log_grad_abs"))
                 for k, cu in enumerate(sweep.curves) if cu.applies
                 for log in (getattr(cu, field),)]
        self.markers.setData([sweep.current_logit] * len(marks),
                             [low - 0.5 if np.isnan(y) else y for y, _, _ in marks],
                             brush=[b for _, b, _ in marks], symbol=[s for _, _, s in marks])
        self.now.setPos(sweep.current_logit)
        # the view is the sweep (a current logit far outside it must not squash the curves)
        self.plot.setXRange(float(x[0]), float(x[-1]), padding=0.02)
        inside = bool(x[0] <= sweep.current_logit <= x[-1])
        drawn = [cu.applies for cu in sweep.curves]
        self.now.setVisible(inside and any(drawn))
        self.markers.setVisible(inside)
        pair = tuple(cu.name for cu in sweep.curves)
        self._set_legend_names(self.legend, pair, sub(c))
        # a loss with no curve (an index-only loss, a probability target) has no entry
        for (sample, label), shown in zip(self.legend.items, drawn + drawn, strict=True):
            sample.setVisible(shown)
            label.setVisible(shown)
        self.plot.setLabel("bottom", self.tr("a%1, the true class's logit (others fixed)")
                           .replace("%1", sub(c)))
        set_text(self.title, self.tr("<b>%1 vs %2</b> — from very wrong (left) to very right "
                                     "(right) for class %3")
                 .replace("%1", SHORT[pair[0]]).replace("%2", SHORT[pair[1]])
                 .replace("%3", str(c)))
        set_text(self.explain, self._explanation(sweep, inside, low))

    def _grad_symbol(self, curve: LossCurve, c: int) -> str:
        """|∂L/∂a_c| for a caption, its characters joined so a line never breaks inside."""
        return WORD_JOINER.join(self.tr("|∂%1/∂a%2|").replace("%1", SHORT[curve.name])
                                .replace("%2", sub(c)))

    def _verdict(self, curve: LossCurve, c: int) -> str:
        """What this loss's gradient does when confidently wrong, from its numbers."""
        symbol = self._grad_symbol(curve, c)
        if not curve.applies:
            return self.tr("%1 takes a class index as target and the target is "
                           "probabilities: it has no curve here.").replace(
                "%1", SHORT[curve.name])
        if curve.verdict == "none":
            return self.tr("%1 is 0 along the whole sweep.").replace("%1", symbol)
        ratio = curve.log_left_to_largest
        value = format_from_log(float(curve.log_grad_abs[0]))
        if ratio >= math.log(0.995):
            text = self.tr("%1 = %2 there, its largest on the sweep: it does not vanish.")
        elif curve.verdict == "stays":
            text = self.tr("%1 = %2 there, %3 of its largest: it stays near its largest.")
        elif curve.verdict == "shrinks":
            text = self.tr("%1 = %2 there, %3 of its largest: it shrinks but does not "
                           "vanish.")
        else:
            text = self.tr("%1 = %2 there, only %3 of its largest: it vanishes, so a "
                           "classifier trained with %4 barely learns from its worst "
                           "mistakes.")
        return (text.replace("%1", symbol).replace("%2", value)
                .replace("%3", ratio_from_log(ratio)).replace("%4", SHORT[curve.name]))

    def _explanation(self, sweep: SaturationSweep, inside: bool, low: float) -> str:
        c, x = sweep.class_index, sweep.logit_values
        parts = [self.tr("Confidently wrong (left end, a%1 = %2):").replace("%1", sub(c))
                 .replace("%2", f"{x[0]:.3g}")]
        parts += [self._verdict(curve, c) for curve in sweep.curves]
        shown = [curve for curve in sweep.curves if curve.applies]
        ratio = sweep.log_right_ratio
        if math.isfinite(ratio) and abs(ratio) >= math.log(FADES_BELOW):
            faded, other = sweep.curves if ratio < 0 else sweep.curves[::-1]
            parts.append(self.tr("Confidently right (right end, a%1 = %2): %3 is %4 of %5: "
                                 "%6 lets go of an example already right far sooner than "
                                 "%7.")
                         .replace("%1", sub(c)).replace("%2", f"{x[-1]:.3g}")
                         .replace("%3", self._grad_symbol(faded, c))
                         .replace("%4", ratio_from_log(-abs(ratio)))
                         .replace("%5", self._grad_symbol(other, c))
                         .replace("%6", SHORT[faded.name]).replace("%7", SHORT[other.name]))
        if shown:
            now = ", ".join(f"{self._grad_symbol(cu, c)} = "
                            f"{format_from_log(cu.current_log_grad_abs)}" for cu in shown)
            parts.append(self.tr("Now (dotted line): %1%2.").replace("%1", now).replace(
                "%2", "" if inside else self.tr(" (a%1 = %2 lies outside the plotted "
                                                "sweep)").replace("%1", sub(c))
                .replace("%2", f"{sweep.current_logit:.3g}")))
        for curve in shown:
            zeros = curve.zero_from_to(x)
            if zeros is not None and curve.verdict != "none":
                parts.append(self.tr("%1 is 0 in float64 for a%2 from %3 to %4, where its "
                                     "curve stops%5.")
                             .replace("%1", self._grad_symbol(curve, c)).replace("%2", sub(c))
                             .replace("%3", f"{zeros[0]:.3g}").replace("%4", f"{zeros[1]:.3g}")
                             .replace("%5", self.tr(" (torch's own value)")
                                      if curve.from_torch else ""))
        if low < LOG10_SMALLEST_NORMAL:
            parts.append(self.tr(
                "Values below %1, float64's smallest normal number, are computed and drawn "
                "as logarithms: as float64 numbers they would round to 0.").replace(
                "%1", f"{np.finfo(np.float64).tiny:.1e}"))
        return " ".join(parts)

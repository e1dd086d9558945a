"""The Binary tab: cross-entropy for two classes, with one logit z and a label y.

Left, the inputs (z, y, pos_weight; edits of the state's binary section, one undo step
each) and the loss and gradient three ways. Right, both binary losses and |∂L/∂z| along
z in float64 and float32, where binary_cross_entropy on σ(z) saturates (its loss stuck
at 100, its gradient 0) and the with-logits form does not; below them the two forms at
the current z in both precisions, and the two-class softmax beside the sigmoid.

dtype names are code: they are written in <code> spans of rich-text labels, never in
plain readouts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.number_format import fmt, fmt_diff, minus, minus_in_numbers
from core.state import MAX_ABS_LOGIT, MAX_POS_WEIGHT, State
from gui.controls.float_control import FloatControl
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.items.readout_label import ReadoutLabel, set_text
from gui.look import theme
from gui.look.plot_style import CE_COLOR, PROB_COLOR, data_pen, marker_size, new_plot_widget

if TYPE_CHECKING:
    from core.binary import BinaryResult
    from core.result import Result

CONTROLS_WIDTH = 266   # the column of inputs; the plots take the rest of a 1024-px window
Z_SLIDER = (-45.0, 45.0)  # the slider's z: past float64's σ = 1 (≈ 37) on either side
PLOT_MIN = (200, 150)
DASHED = Qt.PenStyle.DashLine
WITH_LOGITS_COLOR = PROB_COLOR
ON_PROBS_COLOR = CE_COLOR


def _code(text: str) -> str:
    return f"<code>{text}</code>"


def short(x: float) -> str:
    """A number in at most 6 significant digits, exact ones plain: 100, 0, 20.0001."""
    return minus(f"{x + 0.0:.6g}")


def set_binary(state: State, **changes: float) -> State:
    """The state with its binary section changed (validated by the State)."""
    return state.replace(binary=replace(state.binary, **changes))


class BinaryPanel(StateEditor):
    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self._shown: BinaryResult | None = None
        controls = QWidget()
        column = QVBoxLayout(controls)
        column.setContentsMargins(4, 4, 4, 4)
        column.setSpacing(4)
        column.addWidget(self._build_inputs(controls))
        column.addWidget(self._build_numbers(controls))
        column.addWidget(self._build_two_class(controls))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(CONTROLS_WIDTH)
        scroll.setMaximumWidth(CONTROLS_WIDTH + 10)
        scroll.setAccessibleName(self.tr("Binary controls"))

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 4, 4, 4)
        right_layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self._build_key(right))
        plots = QHBoxLayout()
        self.loss_widget, self.loss_plot = self._new_plot(self.tr("Loss, w₊ = 1"),
                                                          self.tr("loss"))
        self.grad_widget, self.grad_plot = self._new_plot(
            self.tr("Size of the gradient"), "|∂L/∂z|")
        plots.addWidget(self.loss_widget, 1)
        plots.addWidget(self.grad_widget, 1)
        right_layout.addLayout(plots, 1)
        self.explain = QLabel(right)
        self.explain.setWordWrap(True)
        self.explain.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.explain.setAccessibleName(QCoreApplication.translate("MseVsCeView",
                                                                  "What the curves show"))
        right_layout.addWidget(self.explain)
        right_layout.addWidget(self._build_precisions(right))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(scroll)
        layout.addWidget(right, 1)
        self._connect()

    # ------------------------------------------------------------------ building
    def _build_inputs(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("One logit, one label"), parent)
        self.z_control = FloatControl(
            self.tr("&z"), slider_range=Z_SLIDER, entry_range=(-MAX_ABS_LOGIT, MAX_ABS_LOGIT),
            decimals=2, step=0.1, label_width=28, accessible_name=self.tr("Logit z"),
            tooltip=self.tr("The logit z; σ(z) is the predicted probability of class 1. The "
                            "slider covers ±45; type any value within ±1e4."), parent=box)
        self.y_control = FloatControl(
            self.tr("&y"), slider_range=(0.0, 1.0), entry_range=(0.0, 1.0), decimals=2,
            step=0.05, label_width=28, accessible_name=self.tr("Label y"),
            tooltip=self.tr("The label: 0 or 1, or a soft label in between (the target "
                            "probability of class 1)."), parent=box)
        self.weight_control = FloatControl(
            self.tr("w₊"), slider_range=(0.01, 100.0), entry_range=(0.0, MAX_POS_WEIGHT),
            decimals=4, step=0.1, log_scale=True, label_width=28,
            accessible_name=self.tr("Positive weight"),
            tooltip=self.tr("pos_weight of binary_cross_entropy_with_logits: the weight of "
                            "the positive term w₊·y·log σ(z). The slider is logarithmic from "
                            "0.01 to 100; type any value from 0 to 1e4."), parent=box)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        for control in (self.z_control, self.y_control, self.weight_control):
            layout.addWidget(control)
        return box

    def _build_numbers(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Loss and gradient"), parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(2)
        self.numbers = ReadoutLabel(4, parent=box)
        self.numbers.setAccessibleName(self.tr("Binary losses"))
        layout.addWidget(self.numbers)
        formula = QLabel(self.tr("∂L/∂z = (1 + (w₊ − 1)·y)·σ(z) − w₊·y, that is σ(z) − y when "
                                 "w₊ = 1"), box)
        formula.setWordWrap(True)
        layout.addWidget(formula)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        self.grad_cells: dict[str, ReadoutLabel] = {}
        ways = (("autograd", self.tr("autograd.grad")), ("backward", self.tr("backward()/.grad")),
                ("formula", QCoreApplication.translate("TwoWaysTab", "closed form")))
        for row, (way, name) in enumerate(ways):
            grid.addWidget(QLabel(name, box), row, 0)
            cell = ReadoutLabel(1, parent=box)
            cell.setMinimumWidth(cell.fontMetrics().horizontalAdvance("−0.000000e−00") + 6)
            cell.setAccessibleName(f"∂L/∂z: {name}")
            grid.addWidget(cell, row, 1)
            self.grad_cells[way] = cell
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.agreement = ReadoutLabel(1, parent=box)
        self.agreement.setAccessibleName(self.tr("Largest disagreement"))
        layout.addWidget(self.agreement)
        return box

    def _build_key(self, parent: QWidget) -> QLabel:
        def swatch(color: QColor) -> str:
            return f"<span style='color:{color.name()}'>━━</span>"

        key = QLabel(parent)
        key.setWordWrap(True)
        key.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        key.setText(self.tr("%1 %2<br>%3 %4 &nbsp; solid: %5, dashed: %6")
                    .replace("%1", swatch(WITH_LOGITS_COLOR))
                    .replace("%2", _code("binary_cross_entropy_with_logits(z, y)"))
                    .replace("%3", swatch(ON_PROBS_COLOR))
                    .replace("%4", _code("binary_cross_entropy(σ(z), y)"))
                    .replace("%5", _code("float64")).replace("%6", _code("float32")))
        self.key = key
        return key

    def _new_plot(self, title: str, left: str) -> tuple[pg.PlotWidget, pg.PlotItem]:
        widget = new_plot_widget(self, title)
        widget.setMinimumSize(*PLOT_MIN)
        plot = widget.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setContentsMargins(0, 0, 12, 0)  # room for the last tick label's right half
        for side in ("left", "bottom"):
            plot.getAxis(side).enableAutoSIPrefix(False)
        plot.setTitle(title, size="9pt")
        plot.setLabel("left", left)
        plot.setLabel("bottom", "z")
        curves = {}
        # the probability form under the with-logits form: where they agree, both show
        for form, color, wide in (("on_probs", ON_PROBS_COLOR, 5),
                                  ("with_logits", WITH_LOGITS_COLOR, 2)):
            for dtype, style in (("float64", Qt.PenStyle.SolidLine), ("float32", DASHED)):
                width = wide if dtype == "float64" else 2
                curves[(form, dtype)] = plot.plot(pen=data_pen(color, width=width,
                                                               style=style))
        now = pg.InfiniteLine(angle=90, pen=data_pen(theme.muted_ink(), width=1,
                                                     style=Qt.PenStyle.DotLine))
        plot.addItem(now)
        markers = pg.ScatterPlotItem(size=marker_size(9), pen=data_pen("white", width=1))
        plot.addItem(markers)
        plot.binary_curves, plot.binary_now, plot.binary_markers = curves, now, markers
        return widget, plot

    def _build_precisions(self, parent: QWidget) -> QGroupBox:
        """One row per number, one column per precision: narrow enough for a small window."""
        box = QGroupBox(self.tr("At this z, in both precisions (w₊ = 1)"), parent)
        grid = QGridLayout(box)
        grid.setContentsMargins(6, 4, 6, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(1)
        rows = (("sigmoid", "σ(z)"),
                ("on_probs", self.tr("on σ(z): loss")), ("grad_on_probs", "∂L/∂z"),
                ("with_logits", self.tr("with logits: loss")), ("grad_with_logits", "∂L/∂z"))
        self.precision_cells: dict[tuple[str, str], ReadoutLabel] = {}
        for column, dtype in enumerate(("float64", "float32"), start=1):
            grid.addWidget(QLabel(f"<b>{_code(dtype)}</b>", box), 0, column)
            grid.setColumnStretch(column, 1)
            for row, (part, name) in enumerate(rows, start=1):
                cell = ReadoutLabel(1, parent=box)
                cell.setMinimumWidth(cell.fontMetrics().horizontalAdvance("0.0000000000") + 6)
                cell.setAccessibleName(name)
                grid.addWidget(cell, row, column)
                self.precision_cells[(dtype, part)] = cell
        for row, (_, name) in enumerate(rows, start=1):
            grid.addWidget(QLabel(name, box), row, 0)
        return box

    def _build_two_class(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Two-class softmax = sigmoid"), parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(1)
        self.two_class_title = ReadoutLabel(3, parent=box)
        self.two_class_title.setAccessibleName(self.tr("The two logits"))
        layout.addWidget(self.two_class_title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        grid.addWidget(QLabel("<b>softmax(a)</b>", box), 0, 1)
        grid.addWidget(QLabel("<b>σ(d)</b>", box), 0, 2)
        self.two_class_cells: dict[str, tuple[ReadoutLabel, ReadoutLabel]] = {}
        rows = (("p", self.tr("p₁")), ("loss", self.tr("loss")), ("grad", self.tr("gradient")))
        for row, (key, name) in enumerate(rows, start=1):
            grid.addWidget(QLabel(name, box), row, 0)
            left, right = ReadoutLabel(1, parent=box), ReadoutLabel(1, parent=box)
            for cell in (left, right):
                cell.setMinimumWidth(cell.fontMetrics().horizontalAdvance("−0.000000") + 6)
            left.setAccessibleName(self.tr("softmax: %1").replace("%1", name))
            right.setAccessibleName(self.tr("sigmoid: %1").replace("%1", name))
            grid.addWidget(left, row, 1)
            grid.addWidget(right, row, 2)
            self.two_class_cells[key] = (left, right)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        return box

    def _connect(self) -> None:
        self.z_control.value_edited.connect(self._on_z_edited)
        self.y_control.value_edited.connect(self._on_y_edited)
        self.weight_control.value_edited.connect(self._on_weight_edited)
        for control in (self.z_control, self.y_control, self.weight_control):
            control.refused.connect(self.rejected)

    def focus_widgets(self) -> list[QWidget]:
        return [w for c in (self.z_control, self.y_control, self.weight_control)
                for w in (c.slider, c.entry)]

    # ------------------------------------------------------------------ edits
    def _on_z_edited(self, value: float) -> None:
        self.edit(lambda s: set_binary(s, z=value), f"binary z #{self.z_control.gesture}",
                  self.tr("Set z"))

    def _on_y_edited(self, value: float) -> None:
        self.edit(lambda s: set_binary(s, y=value), f"binary y #{self.y_control.gesture}",
                  self.tr("Set label y"))

    def _on_weight_edited(self, value: float) -> None:
        self.edit(lambda s: set_binary(s, pos_weight=value),
                  f"binary pos_weight #{self.weight_control.gesture}",
                  self.tr("Set pos_weight"))

    # ------------------------------------------------------------------ state -> widgets
    def set_state(self, state: State) -> None:
        b = state.binary
        self.z_control.set_value(b.z)
        self.y_control.set_value(b.y)
        self.weight_control.set_value(b.pos_weight)

    # ------------------------------------------------------------------ result -> widgets
    def set_result(self, result: Result) -> None:
        r = result.binary
        if r is self._shown:
            return
        self._shown = r
        set_text(self.title, self.tr("<b>Binary cross-entropy</b> — one logit z, p = σ(z) "
                                     "the probability of class 1, label y = %1")
                 .replace("%1", minus(f"{r.y:g}")))
        self._draw_curves(r)
        self._show_numbers(r)
        self._show_precisions(r)
        self._show_two_class(r)
        set_text(self.explain, self._explanation(r))

    def _draw_curves(self, r: BinaryResult) -> None:
        s = r.sweep
        x = s.z
        series = {self.loss_plot: (s.with_logits, s.on_probs),
                  self.grad_plot: (s.grad_with_logits_abs, s.grad_on_probs_abs)}
        for plot, (with_logits, on_probs) in series.items():
            for (form, dtype), curve in plot.binary_curves.items():
                values = (with_logits if form == "with_logits" else on_probs)[dtype]
                curve.setData(x, values)
            now = r.at("float64")
            names = (("on_probs", "with_logits") if plot is self.loss_plot
                     else ("grad_on_probs", "grad_with_logits"))
            marks = [getattr(now, name) for name in names]
            plot.binary_markers.setData(
                [r.z] * 2, np.abs(marks), symbol=["o", "t"],
                brush=[pg.mkBrush(ON_PROBS_COLOR), pg.mkBrush(WITH_LOGITS_COLOR)])
            plot.binary_now.setPos(r.z)
            plot.setXRange(float(x[0]), float(x[-1]), padding=0.02)
            top = max(float(np.max(v[d])) for v in (with_logits, on_probs)
                      for d in ("float64", "float32"))
            plot.setYRange(0.0, top * 1.08 if top > 0 else 1.0, padding=0)

    def _show_numbers(self, r: BinaryResult) -> None:
        lines = [
            f"σ(z) = {fmt(r.sigmoid, 10)}",
            self.tr("with logits, w₊ = %1: L = %2").replace("%1", short(r.pos_weight))
            .replace("%2", fmt(r.with_logits)),
            self.tr("on σ(z) (no w₊): L = %1").replace("%1", fmt(r.on_probs)),
            self.tr("its ∂L/∂z by autograd: %1").replace("%1", fmt(r.grad_on_probs)),
        ]
        self.numbers.setText(minus_in_numbers("\n".join(lines)))
        for way, cell in self.grad_cells.items():
            cell.setText(minus(fmt(getattr(r.grad, way))))
        self.agreement.setText(self.tr("largest disagreement: %1")
                               .replace("%1", fmt_diff(r.grad.max_abs_diff)))

    def _show_precisions(self, r: BinaryResult) -> None:
        for (dtype, part), cell in self.precision_cells.items():
            value = getattr(r.at(dtype), part)
            cell.setText(minus(fmt(value, 10 if part == "sigmoid" else 4)))
            cell.setToolTip(minus(repr(value)))

    def _show_two_class(self, r: BinaryResult) -> None:
        t = r.two_class
        self.two_class_title.setText(minus_in_numbers(
            self.tr("a₀ = %1, a₁ = %2 (the classifier's first two logits), d = a₁ − a₀ = %3")
            .replace("%1", fmt(t.a0, 3)).replace("%2", fmt(t.a1, 3)).replace("%3", fmt(t.d, 3))))
        values = {"p": (t.softmax_p1, t.sigmoid_d), "loss": (t.cross_entropy, t.with_logits),
                  "grad": (t.grad_a1, t.grad_d)}
        tips = {"p": ("softmax(a)[1]", "sigmoid(a1 - a0)"),
                "loss": ("F.cross_entropy(a, target)",
                         "F.binary_cross_entropy_with_logits(a1 - a0, y)"),
                "grad": ("∂CE/∂a₁", "∂L/∂d")}
        for key, (left, right) in self.two_class_cells.items():
            for cell, value, tip in zip((left, right), values[key], tips[key], strict=True):
                cell.setText(minus(fmt(value, 6)))
                cell.setToolTip(f"{tip} = {minus(repr(value))}")

    def _explanation(self, r: BinaryResult) -> str:
        saturated = [p for p in r.precisions if p.saturated]
        thresholds = {k: f"{v:.1f}" for k, v in r.rounds_to_one.items()}
        if saturated:
            p = saturated[0]
            text = self.tr(
                "In %1, σ(z) rounds to exactly %2: log(%3) = −∞, which torch clamps at −100, "
                "so binary_cross_entropy on σ(z) sticks at %4 with gradient %5, while the "
                "with-logits form stays exact: %6, gradient %7. Use "
                "binary_cross_entropy_with_logits (or %8).")
            return minus_in_numbers(
                text.replace("%1", _code(p.dtype)).replace("%2", f"{p.sigmoid:g}")
                .replace("%3", "1 − σ(z)" if p.sigmoid == 1.0 else "σ(z)")
                .replace("%4", short(p.on_probs)).replace("%5", short(p.grad_on_probs))
                .replace("%6", short(p.with_logits)).replace("%7", short(p.grad_with_logits))
                .replace("%8", _code("nn.BCEWithLogitsLoss")))
        p = r.at("float64")
        if abs(p.grad_on_probs - p.grad_with_logits) > 1e-3 * abs(p.grad_with_logits):
            return minus_in_numbers(self.tr(
                "σ(z) is within 10⁻¹² of 0 or 1: torch's backward of binary_cross_entropy "
                "divides by p(1 − p) clamped at 10⁻¹², so its gradient %1 has lost its size; "
                "with logits it is %2.")
                .replace("%1", short(p.grad_on_probs)).replace("%2", short(p.grad_with_logits)))
        return self.tr(
            "Here both forms agree in both precisions. With label 0, σ(z) rounds to 1 from "
            "z ≈ %1 in %2 and z ≈ %3 in %4: past that, binary_cross_entropy on σ(z) sticks "
            "at 100 with gradient 0, while the with-logits form stays exact (loss ≈ z, "
            "gradient 1).").replace("%1", thresholds["float64"]).replace(
            "%2", _code("float64")).replace("%3", thresholds["float32"]).replace(
            "%4", _code("float32"))

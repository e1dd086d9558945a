"""The Regression (MSE) tab: the note's MSE example made live.

Data points (x, y) in a table and draggable in the plot, the line ŷ = w·x + b with its
residuals, the MSE surface over (w, b) with the current point, −∇L and the gradient-descent
path, the 1-D slice L(w) with its tangent of slope ∂L/∂w, and the loss at each descent step.
Every number comes from the Result; the tab only draws it and emits edited States.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.number_format import fmt, fmt_diff
from core.number_text import NumberTextError, format_number, parse_number
from core.regression_edits import (
    add_point,
    descent_step,
    fit_ranges,
    remove_point,
    set_learning_rate,
    set_parameters,
    set_point,
    set_steps,
)
from core.state import MAX_ABS_DATA, MAX_GD_STEPS, MAX_POINTS, State
from gui.controls.float_control import FloatControl
from gui.controls.number_entry import IntegerEntry, refusal_message
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.items.readout_label import ReadoutLabel, set_text
from gui.items.surface_plot import SurfacePlot
from gui.items.view_grid import two_by_two
from gui.look import theme
from gui.look.language import reduction_label
from gui.look.plot_style import (
    HIGHLIGHT_COLOR,
    POINT_COLOR,
    PROB_COLOR,
    new_plot_widget,
    nice_range,
)

if TYPE_CHECKING:
    from core.result import Result

# −∇L arrow length, as a fraction of the shorter surface axis: a fixed length that shows the
# direction downhill (how steep it is, the readout and the loss-per-step plot say)
ARROW_FRACTION = 0.15
TANGENT_FRACTION = 0.2    # tangent half-length, as a fraction of the w range
PLAY_INTERVAL_MS = 160    # ~6 descent steps a second
LOG_FLOOR = 1e-30         # a log axis cannot show 0; smaller losses are drawn here
DRAG_DECIMALS = 3         # dragged points snap to this many decimals
CONTROLS_WIDTH = 300


class DraggablePoints(pg.ScatterPlotItem):
    """Scatter points the mouse can drag; each move calls on_drag(index, x, y, finished).

    pyqtgraph's scene hands a drag to the topmost item under the press that accepts it;
    a press beside every point is ignored, so it falls through to the plot.
    """

    def __init__(self, on_drag, **kwargs) -> None:
        super().__init__(**kwargs)
        self._on_drag = on_drag
        self.dragged: int | None = None

    def mouseDragEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            hits = self.pointsAt(ev.buttonDownPos())
            if len(hits) == 0:
                ev.ignore()
                return
            self.dragged = int(hits[0].index())
        elif self.dragged is None:
            ev.ignore()
            return
        ev.accept()
        index, pos = self.dragged, ev.pos()
        if ev.isFinish():
            self.dragged = None
        self._on_drag(index, pos.x(), pos.y(), ev.isFinish())


def _padded(values: np.ndarray) -> tuple[float, float]:
    """A round-ended range around values, with a margin, never narrower than 1."""
    finite = values[np.isfinite(values)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    margin = max(0.15 * (hi - lo), 0.5)
    lo, hi = lo - margin, hi + margin
    step = 10.0 ** math.floor(math.log10(hi - lo)) / 2
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


def _cell(value: float) -> str:
    """A data cell's text: exact where it fits (what was typed reads back the same)."""
    return format_number(value)


class RegressionTab(StateEditor):
    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self._result: Result | None = None
        self._shown = None                # the RegressionResult last drawn
        self._state: State | None = None  # the State last shown in the controls
        self._descent_origin: tuple[float, float] | None = None
        self._descent_at: tuple[float, float] | None = None
        self._play_ticks = 0
        self._data_view: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._data_target = ((0.0, 1.0), (0.0, 1.0))
        self._slice_view = None

        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self._on_play_tick)

        controls = self._build_controls()
        scroll = QScrollArea(self)
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(CONTROLS_WIDTH)
        scroll.setMaximumWidth(CONTROLS_WIDTH + 40)
        scroll.setAccessibleName(self.tr("Regression controls"))

        grid = two_by_two(self._build_data_panel(), self._build_surface_panel(),
                          self._build_slice_panel(), self._build_steps_panel())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(scroll)
        layout.addWidget(grid, 1)

    # ------------------------------------------------------------------ building
    def _build_controls(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        # data
        data_box = QGroupBox(self.tr("Data points (x, y)"), panel)
        self.table = QTableWidget(0, 2, data_box)
        self.table.setHorizontalHeaderLabels([self.tr("x (input)"), self.tr("y (target)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 6)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Data points table"))
        self.table.setToolTip(self.tr("The data: one row per point. Double-click or press F2 "
                                      "to type a value; points can also be dragged in the "
                                      "data plot."))
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(130)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.add_button = QPushButton(self.tr("&Add point"), data_box)
        self.add_button.setAccessibleName(self.tr("Add a data point"))
        self.add_button.setToolTip(self.tr("Add a point one step right of the rightmost, at "
                                           "the last point's height (at most %1 points)")
                                   .replace("%1", str(MAX_POINTS)))
        self.add_button.clicked.connect(self._on_add_point)
        self.remove_button = QPushButton(self.tr("Re&move point"), data_box)
        self.remove_button.setAccessibleName(self.tr("Remove the selected data point"))
        self.remove_button.setToolTip(self.tr("Remove the selected point (the last if none is "
                                              "selected); one point always remains"))
        self.remove_button.clicked.connect(self._on_remove_point)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        data_layout = QVBoxLayout(data_box)
        data_layout.setContentsMargins(6, 4, 6, 6)
        data_layout.setSpacing(4)
        data_layout.addWidget(self.table)
        data_layout.addLayout(buttons)
        layout.addWidget(data_box)

        # the line
        line_box = QGroupBox(self.tr("Line ŷ = w·x + b"), panel)
        reg = self.store.state().regression
        self.w_control = FloatControl(
            self.tr("&w"), slider_range=reg.w_range, entry_range=(-MAX_ABS_DATA, MAX_ABS_DATA),
            decimals=4, step=0.01, label_width=14, accessible_name=self.tr("Slope w"),
            tooltip=self.tr("The slope w of the line ŷ = w·x + b. The slider covers the "
                            "surface's w range; type any value within ±1e6."), parent=line_box)
        self.w_control.value_edited.connect(self._on_w_edited)
        self.b_control = FloatControl(
            self.tr("&b"), slider_range=reg.b_range, entry_range=(-MAX_ABS_DATA, MAX_ABS_DATA),
            decimals=4, step=0.01, label_width=14, accessible_name=self.tr("Intercept b"),
            tooltip=self.tr("The intercept b of the line ŷ = w·x + b. The slider covers the "
                            "surface's b range; type any value within ±1e6."), parent=line_box)
        self.b_control.value_edited.connect(self._on_b_edited)
        self.reduction = QComboBox(line_box)
        self.reduction.addItem(self.tr("mean: Σ(ŷ−y)²/M"), "mean")
        self.reduction.addItem(self.tr("sum: Σ(ŷ−y)²"), "sum")
        self.reduction.setAccessibleName(self.tr("MSE reduction"))
        self.reduction.setToolTip(self.tr("How the squared residuals combine: mean divides "
                                          "their sum by the number of points M; the note's "
                                          "formula is the sum. Shared with the classifier's "
                                          "MSE."))
        self.reduction.activated.connect(self._on_reduction_chosen)
        reduction_label = QLabel(self.tr("&Loss"), line_box)
        reduction_label.setBuddy(self.reduction)
        reduction_row = QHBoxLayout()
        reduction_row.addWidget(reduction_label)
        reduction_row.addWidget(self.reduction, 1)
        line_layout = QVBoxLayout(line_box)
        line_layout.setContentsMargins(6, 4, 6, 6)
        line_layout.setSpacing(4)
        line_layout.addWidget(self.w_control)
        line_layout.addWidget(self.b_control)
        line_layout.addLayout(reduction_row)
        layout.addWidget(line_box)

        # gradient descent
        descent_box = QGroupBox(self.tr("Gradient descent θ ← θ − η·∇L"), panel)
        self.rate_control = FloatControl(
            self.tr("&η"), slider_range=(1e-3, 1.0), entry_range=(0.0, 10.0), decimals=4,
            step=0.01, log_scale=True, label_width=14, accessible_name=self.tr("Learning rate"),
            tooltip=self.tr("Learning rate η: each step moves (w, b) by −η·∇L. The slider is "
                            "logarithmic from 0.001 to 1; type up to 10 (large rates "
                            "diverge)."), parent=descent_box)
        self.rate_control.value_edited.connect(self._on_rate_edited)
        for control in (self.w_control, self.b_control, self.rate_control):
            control.refused.connect(self.rejected)
        self.steps = IntegerEntry(self.tr("Steps drawn"), descent_box)
        self.steps.setRange(0, MAX_GD_STEPS)
        self.steps.refused.connect(self.rejected)
        self.steps.setAccessibleName(self.tr("Number of descent steps drawn"))
        self.steps.setToolTip(self.tr("How many gradient-descent steps the path on the "
                                      "surface and the loss-per-step plot show (0–%1)")
                              .replace("%1", str(MAX_GD_STEPS)))
        self.steps.valueChanged.connect(self._on_steps_changed)
        steps_label = QLabel(self.tr("Steps &drawn"), descent_box)
        steps_label.setBuddy(self.steps)
        steps_row = QHBoxLayout()
        steps_row.addWidget(steps_label)
        steps_row.addWidget(self.steps, 1)

        self.step_button = QPushButton(self.tr("&Step"), descent_box)
        self.step_button.setAccessibleName(self.tr("Take one descent step"))
        self.step_button.setToolTip(self.tr("Move (w, b) one gradient-descent step: to the "
                                            "second point of the path"))
        self.step_button.clicked.connect(self._on_step)
        self.play_button = QPushButton(self.tr("&Play"), descent_box)
        self.play_button.setCheckable(True)
        self.play_button.setAccessibleName(self.tr("Play or pause gradient descent"))
        self.play_button.setToolTip(self.tr("Take about 6 descent steps a second until "
                                            "paused, converged or diverged"))
        self.play_button.toggled.connect(self._on_play_toggled)
        self.reset_button = QPushButton(self.tr("&Reset"), descent_box)
        self.reset_button.setAccessibleName(self.tr("Reset descent"))
        self.reset_button.setToolTip(self.tr("Back to the (w, b) where this descent began"))
        self.reset_button.clicked.connect(self._on_reset)
        self.reset_button.setEnabled(False)
        play_row = QHBoxLayout()
        for button in (self.step_button, self.play_button, self.reset_button):
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("Pause") + 24)
            play_row.addWidget(button)
        descent_layout = QVBoxLayout(descent_box)
        descent_layout.setContentsMargins(6, 4, 6, 6)
        descent_layout.setSpacing(4)
        descent_layout.addWidget(self.rate_control)
        descent_layout.addLayout(steps_row)
        descent_layout.addLayout(play_row)
        layout.addWidget(descent_box)

        # numbers
        # a plain widget, not a group box: the readouts paint the window's colour
        numbers_title = QLabel(self.tr("<b>Loss and gradient, two ways</b>"), panel)
        layout.addWidget(numbers_title)
        numbers_box = QWidget(panel)
        grid = QGridLayout(numbers_box)
        grid.setContentsMargins(6, 0, 6, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(0)
        for column, (text, tip) in enumerate(
                ((self.tr("autograd"), self.tr("torch.autograd.grad of F.mse_loss")),
                 (self.tr("formula"), self.tr("The closed form 2·Σ(ŷ−y)·∂ŷ/∂θ (÷ M for the "
                                              "mean)")))):
            header = QLabel(f"<i>{text}</i>", numbers_box)
            header.setToolTip(tip)
            grid.addWidget(header, 0, column + 1)
        self.loss_value = ReadoutLabel(1, parent=numbers_box)
        self.loss_value.setAccessibleName(self.tr("Loss value"))
        self.loss_value.setToolTip(self.tr("F.mse_loss(w·x + b, y, reduction)"))
        self.grad_w_value = ReadoutLabel(1, parent=numbers_box)
        self.grad_w_value.setAccessibleName(self.tr("dL/dw by autograd"))
        self.grad_w_formula = ReadoutLabel(1, parent=numbers_box)
        self.grad_w_formula.setAccessibleName(self.tr("dL/dw by the formula"))
        self.grad_b_value = ReadoutLabel(1, parent=numbers_box)
        self.grad_b_value.setAccessibleName(self.tr("dL/db by autograd"))
        self.grad_b_formula = ReadoutLabel(1, parent=numbers_box)
        self.grad_b_formula.setAccessibleName(self.tr("dL/db by the formula"))
        self.diff_value = ReadoutLabel(1, parent=numbers_box)
        self.diff_value.setAccessibleName(self.tr("Largest difference autograd − formula"))
        self.diff_value.setToolTip(self.tr("max |autograd − formula| over ∂L/∂w and ∂L/∂b"))
        rows = ((self.tr("L"), (self.loss_value,)),
                (self.tr("∂L/∂w"), (self.grad_w_value, self.grad_w_formula)),
                (self.tr("∂L/∂b"), (self.grad_b_value, self.grad_b_formula)),
                (self.tr("|diff|"), (self.diff_value,)))
        for row, (text, cells) in enumerate(rows, start=1):
            grid.addWidget(QLabel(text, numbers_box), row, 0)
            for column, cell in enumerate(cells, start=1):
                grid.addWidget(cell, row, column, 1, 3 - len(cells))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.formula = ReadoutLabel(3, parent=numbers_box)
        self.formula.setAccessibleName(self.tr("Formulas in use"))
        self.formula.setToolTip(self.tr("The loss and gradient formulas for the chosen "
                                        "reduction; M is the number of points"))
        grid.addWidget(self.formula, len(rows) + 1, 0, 1, 3)
        layout.addWidget(numbers_box)
        layout.addStretch(1)
        return panel

    def _panel(self, title: str, plot_name: str, extra: QWidget | None = None
               ) -> tuple[QWidget, pg.PlotItem, pg.PlotWidget, ReadoutLabel]:
        panel = QWidget()
        label = QLabel(title, panel)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        widget = new_plot_widget(panel, plot_name)
        widget.setMinimumSize(200, 150)
        plot = widget.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        for side in ("left", "bottom"):  # "L (x1e+24)" misleads; show the values
            plot.getAxis(side).enableAutoSIPrefix(False)
        readout = ReadoutLabel(2, parent=panel)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(label, 1)
        if extra is not None:
            extra.setParent(panel)
            header.addWidget(extra)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(widget, 1)
        layout.addWidget(readout)
        return panel, plot, widget, readout

    def _build_data_panel(self) -> QWidget:
        panel, plot, self.data_widget, self.data_readout = self._panel(
            self.tr("<b>Data</b> and the line ŷ = w·x + b (drag the points)"),
            self.tr("Data points, fitted line and residuals"))
        self.data_plot = plot
        self.data_readout.setAccessibleName(self.tr("Line equation"))
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", self.tr("x"))
        plot.setLabel("left", self.tr("y"))
        self.line = pg.PlotDataItem(pen=pg.mkPen(PROB_COLOR, width=2.5))
        self.residuals = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True,
                                          pen=pg.mkPen(HIGHLIGHT_COLOR, width=2,
                                                       style=Qt.PenStyle.DashLine))
        self.points = DraggablePoints(self._on_point_dragged, size=12, brush=theme.ink(),
                                      pen=pg.mkPen("white", width=1.5), hoverable=True,
                                      hoverBrush=HIGHLIGHT_COLOR, hoverSize=15)
        self.points.setCursor(Qt.CursorShape.OpenHandCursor)
        for item in (self.line, self.residuals, self.points):
            plot.addItem(item)
        return panel

    def _build_surface_panel(self) -> QWidget:
        self.fit_button = QPushButton(self.tr("&Fit view"))
        self.fit_button.setAccessibleName(self.tr("Fit the surface ranges"))
        self.fit_button.setToolTip(self.tr("Set the w and b ranges of the surface and the "
                                           "slice around the current point, the descent path "
                                           "and the best fit"))
        self.fit_button.clicked.connect(self._on_fit_ranges)
        panel, plot, self.surface_widget, self.surface_readout = self._panel(
            self.tr("<b>MSE surface</b> L(w, b), path of descent"),
            self.tr("MSE loss surface over w and b"), extra=self.fit_button)
        self.surface_plot = plot
        self.surface_readout.setAccessibleName(self.tr("Descent summary"))
        self.path = pg.PlotDataItem(pen=pg.mkPen(HIGHLIGHT_COLOR, width=2), symbol="o",
                                    symbolSize=4, symbolBrush=HIGHLIGHT_COLOR,
                                    symbolPen=pg.mkPen(HIGHLIGHT_COLOR))
        self.surface = SurfacePlot(plot, equal_scales=False, colorbar_width=12,
                                   head_length=12, layers=(self.path,))
        self.surface.set_axis_labels(self.tr("w"), self.tr("b"))
        self.image, self.arrow_line = self.surface.image, self.surface.arrow_line
        return panel

    def _build_slice_panel(self) -> QWidget:
        panel, plot, self.slice_widget, self.slice_readout = self._panel(
            self.tr("<b>Slice</b> L(w) at the current b, tangent of slope ∂L/∂w"),
            self.tr("Loss along w at the current b, with the tangent line"))
        self.slice_plot = plot
        self.slice_readout.setAccessibleName(self.tr("Slope dL/dw"))
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", self.tr("w"))
        plot.setLabel("left", self.tr("L"))
        self.slice_curve = pg.PlotDataItem(pen=pg.mkPen(theme.muted_ink(), width=2))
        self.tangent = pg.PlotDataItem(pen=pg.mkPen(POINT_COLOR, width=2,
                                                    style=Qt.PenStyle.DashLine))
        self.slice_point = pg.ScatterPlotItem(size=10, brush=POINT_COLOR,
                                              pen=pg.mkPen("white", width=1.5))
        for item in (self.slice_curve, self.tangent, self.slice_point):
            plot.addItem(item)
        return panel

    def _build_steps_panel(self) -> QWidget:
        panel, plot, self.steps_widget, self.steps_readout = self._panel(
            self.tr("<b>Loss per step</b> of gradient descent (log scale)"),
            self.tr("Loss at each gradient-descent step, log scale"))
        self.steps_plot = plot
        self.steps_readout.setAccessibleName(self.tr("Loss at the first and last step"))
        plot.setLogMode(y=True)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setLabel("bottom", self.tr("step"))
        plot.setLabel("left", self.tr("L"))
        self.loss_curve = pg.PlotDataItem(pen=pg.mkPen(HIGHLIGHT_COLOR, width=2), symbol="o",
                                          symbolSize=4, symbolBrush=HIGHLIGHT_COLOR,
                                          symbolPen=pg.mkPen(HIGHLIGHT_COLOR))
        plot.addItem(self.loss_curve)
        return panel

    # ------------------------------------------------------------------ state -> widgets
    def set_state(self, state: State) -> None:
        reg = state.regression
        self._state = state
        self.w_control.set_slider_range(*reg.w_range)
        self.b_control.set_slider_range(*reg.b_range)
        self.w_control.set_value(reg.w)
        self.b_control.set_value(reg.b)
        self.rate_control.set_value(reg.learning_rate)
        if self.reduction.currentData() != state.reduction:
            self.reduction.blockSignals(True)
            self.reduction.setCurrentIndex(self.reduction.findData(state.reduction))
            self.reduction.blockSignals(False)
        if self.steps.value() != reg.steps:
            self.steps.blockSignals(True)
            self.steps.setValue(reg.steps)
            self.steps.blockSignals(False)
        self._show_table(reg.x, reg.y)
        self.add_button.setEnabled(len(reg.x) < MAX_POINTS)
        self.remove_button.setEnabled(len(reg.x) > 1)
        self.reset_button.setEnabled(self._descent_origin is not None
                                     and self._descent_origin != (reg.w, reg.b))

    def _show_table(self, xs: tuple[float, ...], ys: tuple[float, ...]) -> None:
        table = self.table
        table.blockSignals(True)
        if table.rowCount() != len(xs):
            table.setRowCount(len(xs))
        for row, pair in enumerate(zip(xs, ys, strict=True)):
            for column, value in enumerate(pair):
                text = _cell(value)
                item = table.item(row, column)
                if item is None:
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(row, column, item)
                elif item.text() != text:
                    item.setText(text)
        table.blockSignals(False)

    # ------------------------------------------------------------------ result -> plots
    def set_result(self, result: Result) -> None:
        self._result = result
        reg = result.regression
        if reg is self._shown:  # memoised on (regression, reduction): nothing to redraw
            return
        self._shown = reg
        state = result.state
        self._draw_data(state, reg)
        self._draw_surface(state, reg)
        self._draw_slice(state, reg)
        self._draw_steps(state, reg)
        self._show_numbers(state, reg)

    def _draw_data(self, state: State, reg) -> None:
        x = np.asarray(state.regression.x)
        y = np.asarray(state.regression.y)
        w, b = state.regression.w, state.regression.b
        self.points.setData(x, y)
        self._data_target = (_padded(x), _padded(np.concatenate([y, reg.prediction])))
        if self.points.dragged is None:
            self._apply_data_view()
        xs = np.array(self._data_view[0])  # across the whole plot
        self.line.setData(xs, w * xs + b)
        self.residuals.setData(np.repeat(x, 2), np.column_stack([y, reg.prediction]).ravel())
        m = len(x)
        set_text(self.data_readout,
                 self.tr("ŷ = %1·x + %2 (%3)\nresiduals ŷ − y dashed orange")
                 .replace("%1", f"{w:.4g}").replace("%2", f"{b:.4g}")
                 .replace("%3", self.tr("1 point") if m == 1
                          else self.tr("%1 points").replace("%1", str(m))))

    def _apply_data_view(self) -> None:
        if self._data_target != self._data_view:
            self._data_view = self._data_target
            self.data_plot.setRange(xRange=self._data_view[0], yRange=self._data_view[1],
                                    padding=0.0)

    def _draw_surface(self, state: State, reg) -> None:
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
        set_text(self.surface_readout,
                 text.replace("%1", str(steps))
                 .replace("%2", f"{state.regression.learning_rate:g}").replace("%3", where)
                 .replace("%4", fmt(-reg.grad_w, 3)).replace("%5", fmt(-reg.grad_b, 3))
                 .replace("%6", f"{reg.path_loss[-1]:.3g}"))

    def _draw_slice(self, state: State, reg) -> None:
        w = state.regression.w
        wlo, whi = state.regression.w_range
        self.slice_curve.setData(reg.slice_w, reg.slice_loss)
        self.slice_point.setData([w], [reg.loss])
        half = TANGENT_FRACTION * (whi - wlo)
        tx = np.array([w - half, w + half])
        self.tangent.setData(tx, reg.loss + reg.grad_w * (tx - w))
        finite = reg.slice_loss[np.isfinite(reg.slice_loss)]
        top = max(float(finite.max()) if finite.size else 1.0, reg.loss)
        view = ((wlo, whi), nice_range(0.0, top if math.isfinite(top) else 1.0))
        if view != self._slice_view:
            self.slice_plot.setRange(xRange=view[0], yRange=view[1], padding=0.0)
            self._slice_view = view
        set_text(self.slice_readout,
                 self.tr("∂L/∂w = %1 at w = %2, b = %3:\nthe slope of the dashed tangent")
                 .replace("%1", fmt(reg.grad_w, 6)).replace("%2", f"{w:.4g}")
                 .replace("%3", f"{state.regression.b:.4g}"))

    def _draw_steps(self, state: State, reg) -> None:
        losses = np.asarray(reg.path_loss, dtype=float)
        shown = np.where(np.isfinite(losses), np.maximum(losses, LOG_FLOOR), np.nan)
        self.loss_curve.setData(np.arange(len(losses), dtype=float), shown)
        last = len(losses) - 1
        text = (self.tr("step 0: L = %1\nstep %2: L = %3 (diverged)") if reg.diverged
                else self.tr("step 0: L = %1\nstep %2: L = %3"))
        set_text(self.steps_readout,
                 text.replace("%1", f"{losses[0]:.4g}").replace("%2", str(last))
                 .replace("%3", f"{losses[-1]:.4g}"))

    def _show_numbers(self, state: State, reg) -> None:
        set_text(self.loss_value, fmt(reg.loss))
        set_text(self.grad_w_value, fmt(reg.grad_w))
        set_text(self.grad_w_formula, fmt(reg.grad_w_formula))
        set_text(self.grad_b_value, fmt(reg.grad_b))
        set_text(self.grad_b_formula, fmt(reg.grad_b_formula))
        scale = max(1.0, abs(reg.grad_w), abs(reg.grad_b))
        verdict = (self.tr("agree ✓") if reg.max_abs_diff <= 1e-12 * scale
                   else self.tr("disagree ✗"))
        set_text(self.diff_value, f"{fmt_diff(reg.max_abs_diff)}  {verdict}")
        m = len(state.regression.x)
        if state.reduction == "mean":
            text = self.tr("L = Σ(ŷ−y)²/M, M = %1\n∂L/∂w = 2·Σ(ŷ−y)·x/M\n∂L/∂b = 2·Σ(ŷ−y)/M")
        else:
            text = self.tr("L = Σ(ŷ−y)² (sum), M = %1\n∂L/∂w = 2·Σ(ŷ−y)·x\n∂L/∂b = 2·Σ(ŷ−y)")
        set_text(self.formula, text.replace("%1", str(m)))

    # ------------------------------------------------------------------ edits
    def _on_w_edited(self, value: float) -> None:
        self.edit(lambda s: set_parameters(s, w=value), "regression w", self.tr("Set w"))

    def _on_b_edited(self, value: float) -> None:
        self.edit(lambda s: set_parameters(s, b=value), "regression b", self.tr("Set b"))

    def _on_rate_edited(self, value: float) -> None:
        self.edit(lambda s: set_learning_rate(s, value), "learning rate",
                  self.tr("Set learning rate"))

    def _on_steps_changed(self, steps: int) -> None:
        self.edit(lambda s: set_steps(s, steps), "descent steps", self.tr("Set steps"))

    def _on_reduction_chosen(self, index: int) -> None:
        reduction = self.reduction.itemData(index)
        self.edit(lambda s: s.replace(reduction=reduction), "",
                  self.tr("Reduction %1").replace("%1", reduction_label(reduction)))

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        state = self.store.state()
        if item.text() == _cell((state.regression.x, state.regression.y)[column][row]):
            return  # the shown text stands for the exact stored value
        try:
            value = parse_number(item.text())
        except NumberTextError as exc:
            field = self.tr("Point %1 %2").replace("%1", str(row + 1)).replace("%2", "xy"[column])
            self.rejected.emit(refusal_message(field, exc))
            self._show_table(state.regression.x, state.regression.y)
            return
        coordinate = {"x": value} if column == 0 else {"y": value}
        self.edit(lambda s: set_point(s, row, **coordinate), "",
                  self.tr("Edit point %1").replace("%1", str(row + 1)))

    def _on_add_point(self) -> None:
        self.edit(add_point, "", self.tr("Add point"))

    def _on_remove_point(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0].row() if rows else self.table.rowCount() - 1
        self.edit(lambda s: remove_point(s, index), "",
                  self.tr("Remove point %1").replace("%1", str(index + 1)))

    def _on_point_dragged(self, index: int, x: float, y: float, finished: bool) -> None:
        """One drag is one undo step: every move shares the source f"drag point {index}"."""
        x = round(min(max(x, -MAX_ABS_DATA), MAX_ABS_DATA), DRAG_DECIMALS)
        y = round(min(max(y, -MAX_ABS_DATA), MAX_ABS_DATA), DRAG_DECIMALS)
        self.edit(lambda s: set_point(s, index, x, y) if index < len(s.regression.x) else s,
                  f"drag point {index}", self.tr("Drag point %1").replace("%1", str(index + 1)))
        if finished:
            self._apply_data_view()

    def _on_fit_ranges(self) -> None:
        self.edit(fit_ranges, "", self.tr("Fit surface ranges"))

    # ------------------------------------------------------------------ descent
    def _step(self, source: str) -> bool:
        """One descent step from the store's State; False when it cannot move (any more)."""
        state = self.store.state()
        here = (state.regression.w, state.regression.b)
        if self._descent_origin is None or here != self._descent_at:
            self._descent_origin = here   # a new descent begins here
        try:
            new = descent_step(state)
        except ValueError as exc:
            self.rejected.emit(str(exc))
            return False
        self._descent_at = (new.regression.w, new.regression.b)
        if new == state:
            return False
        self.store.request(new, source, self.tr("Descent step"))
        return True

    def _on_step(self) -> None:
        self.play_button.setChecked(False)
        self._step("")

    def _on_play_toggled(self, playing: bool) -> None:
        self.play_button.setText(self.tr("&Pause") if playing else self.tr("&Play"))
        if playing:
            self._play_ticks = 0
            self.timer.start()
            self._on_play_tick()
        else:
            self.timer.stop()

    def _on_play_tick(self) -> None:
        self._play_ticks += 1
        if not self._step("play descent") or self._play_ticks >= MAX_GD_STEPS:
            self.play_button.setChecked(False)

    def _on_reset(self) -> None:
        origin = self._descent_origin
        if origin is None:
            return
        self.play_button.setChecked(False)
        self._descent_origin = self._descent_at = None
        self.edit(lambda s: set_parameters(s, *origin), "", self.tr("Reset descent"))
        self.reset_button.setEnabled(False)

    def is_playing(self) -> bool:
        return self.timer.isActive()

    @property
    def arrow_vector(self) -> np.ndarray:
        """The drawn −∇L arrow on the surface, in data units (for tests)."""
        return self.surface.arrow_vector

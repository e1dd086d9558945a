"""The Regression tab's column of controls: the data points in a table, the line's w and b,
the loss (MSE, L1, Huber with δ, SmoothL1 with β) and its reduction, gradient descent
(learning rate, steps drawn, step, play, reset), and below them the loss and gradient
computed two ways and, for a loss with kinks, the kink inspector.

The controls show a State and hold the widgets whose signals the tab turns into edits;
they never edit anything themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.losses.catalog import OPTIONS, REGRESSION_NAMES
from core.number_text import format_number
from core.state import MAX_ABS_DATA, MAX_GD_STEPS, MAX_POINTS, Regression, State
from gui.controls.float_control import FloatControl
from gui.controls.number_entry import IntegerEntry, interval
from gui.panels.regression import loss_names
from gui.panels.regression.kink_panel import KinkPanel
from gui.panels.regression.loss_numbers import LossNumbers

# the option each loss reads, shown only for it
OPTION_OF = {"huber": "delta", "smooth_l1": "beta"}


def cell_text(value: float) -> str:
    """A data cell's text: exact where it fits (what was typed reads back the same)."""
    return format_number(value)


class RegressionControls(QWidget):
    def __init__(self, regression: Regression) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self._build_data_box())
        layout.addWidget(self._build_line_box(regression))
        layout.addWidget(self._build_loss_box())
        layout.addWidget(self._build_descent_box())
        # plain widgets, not group boxes: the readouts paint the window's colour
        self.numbers_title = QLabel(self)
        self.numbers_title.setWordWrap(True)
        layout.addWidget(self.numbers_title)
        self.numbers = LossNumbers(self)
        layout.addWidget(self.numbers)
        self.kinks = KinkPanel(self)
        self.kinks.hide()
        layout.addWidget(self.kinks)
        layout.addStretch(1)

    def _build_data_box(self) -> QGroupBox:
        data_box = QGroupBox(self.tr("Data points (x, y)"), self)
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
        self.add_button = QPushButton(self.tr("&Add point"), data_box)
        self.add_button.setAccessibleName(self.tr("Add a data point"))
        self.add_button.setToolTip(self.tr("Add a point one step right of the rightmost, at "
                                           "the last point's height (at most %1 points)")
                                   .replace("%1", str(MAX_POINTS)))
        self.remove_button = QPushButton(self.tr("Re&move point"), data_box)
        self.remove_button.setAccessibleName(self.tr("Remove the selected data point"))
        self.remove_button.setToolTip(self.tr("Remove the selected point (the last if none is "
                                              "selected); one point always remains"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        data_layout = QVBoxLayout(data_box)
        data_layout.setContentsMargins(6, 4, 6, 6)
        data_layout.setSpacing(4)
        data_layout.addWidget(self.table)
        data_layout.addLayout(buttons)
        return data_box

    def _build_line_box(self, reg: Regression) -> QGroupBox:
        line_box = QGroupBox(self.tr("Line ŷ = w·x + b"), self)
        self.w_control = FloatControl(
            self.tr("&w"), slider_range=reg.w_range, entry_range=(-MAX_ABS_DATA, MAX_ABS_DATA),
            decimals=4, step=0.01, label_width=14, accessible_name=self.tr("Slope w"),
            tooltip=self.tr("The slope w of the line ŷ = w·x + b. The slider covers the "
                            "surface's w range; type any value within ±1e6."), parent=line_box)
        self.b_control = FloatControl(
            self.tr("&b"), slider_range=reg.b_range, entry_range=(-MAX_ABS_DATA, MAX_ABS_DATA),
            decimals=4, step=0.01, label_width=14, accessible_name=self.tr("Intercept b"),
            tooltip=self.tr("The intercept b of the line ŷ = w·x + b. The slider covers the "
                            "surface's b range; type any value within ±1e6."), parent=line_box)
        line_layout = QVBoxLayout(line_box)
        line_layout.setContentsMargins(6, 4, 6, 6)
        line_layout.setSpacing(4)
        line_layout.addWidget(self.w_control)
        line_layout.addWidget(self.b_control)
        return line_box

    def _build_loss_box(self) -> QGroupBox:
        loss_box = QGroupBox(self.tr("Loss ℓ(r) of the residuals r = ŷ − y"), self)
        self.loss = QComboBox(loss_box)
        for name in REGRESSION_NAMES:
            self.loss.addItem(loss_names.title(name), name)
        self.loss.setAccessibleName(self.tr("Regression loss"))
        self.loss.setToolTip(self.tr(
            "The loss of the fit, summed over the points (÷ M for the mean):\n"
            "MSE: ℓ(r) = r²\n"
            "L1: ℓ(r) = |r|, a corner at r = 0\n"
            "Huber: ℓ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond\n"
            "SmoothL1: ℓ(r) = r²/(2β) for |r| < β, |r| − β/2 beyond (β = 0: |r|)"))
        loss_label = QLabel(self.tr("&Loss"), loss_box)
        loss_label.setBuddy(self.loss)
        loss_row = QHBoxLayout()
        loss_row.addWidget(loss_label)
        loss_row.addWidget(self.loss, 1)

        delta, beta = OPTIONS["delta"], OPTIONS["beta"]
        self.delta_control = FloatControl(
            "δ", slider_range=(0.01, 100.0), entry_range=(delta.low, delta.high),
            log_scale=True, open_ends=(delta.low_open, False), label_width=14,
            accessible_name=self.tr("Huber delta"),
            tooltip=self.tr("%1. In the units of y. The slider is logarithmic from 0.01 to "
                            "100; type any number in %2.")
            .replace("%1", QCoreApplication.translate("Losses", delta.meaning))
            .replace("%2", interval(delta.low, delta.high, delta.low_open)), parent=loss_box)
        self.beta_control = FloatControl(
            "β", slider_range=(0.01, 100.0), entry_range=(beta.low, beta.high),
            log_scale=True, label_width=14, accessible_name=self.tr("SmoothL1 beta"),
            tooltip=self.tr("%1. In the units of y. The slider is logarithmic from 0.01 to "
                            "100; type any number in %2 (0 makes it L1).")
            .replace("%1", QCoreApplication.translate("Losses", beta.meaning))
            .replace("%2", interval(beta.low, beta.high)), parent=loss_box)
        self.option_controls = {"delta": self.delta_control, "beta": self.beta_control}
        for control in self.option_controls.values():
            control.hide()

        self.reduction = QComboBox(loss_box)
        self.reduction.addItem(self.tr("mean: Σℓ(ŷ−y)/M"), "mean")
        self.reduction.addItem(self.tr("sum: Σℓ(ŷ−y)"), "sum")
        self.reduction.setAccessibleName(self.tr("Regression loss reduction"))
        self.reduction.setToolTip(self.tr("How the points' losses combine: mean divides "
                                          "their sum by the number of points M; the note's "
                                          "formula is the sum. The classifier's MSE has "
                                          "its own reduction."))
        reduction_label = QLabel(self.tr("Red&uction"), loss_box)
        reduction_label.setBuddy(self.reduction)
        reduction_row = QHBoxLayout()
        reduction_row.addWidget(reduction_label)
        reduction_row.addWidget(self.reduction, 1)
        loss_layout = QVBoxLayout(loss_box)
        loss_layout.setContentsMargins(6, 4, 6, 6)
        loss_layout.setSpacing(4)
        loss_layout.addLayout(loss_row)
        loss_layout.addWidget(self.delta_control)
        loss_layout.addWidget(self.beta_control)
        loss_layout.addLayout(reduction_row)
        return loss_box

    def _build_descent_box(self) -> QGroupBox:
        descent_box = QGroupBox(self.tr("Gradient descent θ ← θ − η·∇L"), self)
        self.rate_control = FloatControl(
            self.tr("η"), slider_range=(1e-3, 1.0), entry_range=(0.0, 10.0), decimals=4,
            step=0.01, log_scale=True, open_ends=(True, False), label_width=14,
            accessible_name=self.tr("Learning rate"),
            tooltip=self.tr("Learning rate η: each step moves (w, b) by −η·∇L. The slider is "
                            "logarithmic from 0.001 to 1; type up to 10 (large rates "
                            "diverge)."), parent=descent_box)
        self.steps = IntegerEntry(self.tr("Steps drawn"), descent_box)
        self.steps.setRange(0, MAX_GD_STEPS)
        self.steps.setAccessibleName(self.tr("Number of descent steps drawn"))
        self.steps.setToolTip(self.tr("How many gradient-descent steps the path on the "
                                      "surface and the loss-per-step plot show (0–%1)")
                              .replace("%1", str(MAX_GD_STEPS)))
        steps_label = QLabel(self.tr("Steps &drawn"), descent_box)
        steps_label.setBuddy(self.steps)
        steps_row = QHBoxLayout()
        steps_row.addWidget(steps_label)
        steps_row.addWidget(self.steps, 1)

        self.step_button = QPushButton(self.tr("&Step"), descent_box)
        self.step_button.setAccessibleName(self.tr("Take one descent step"))
        self.step_button.setToolTip(self.tr("Move (w, b) one gradient-descent step: to the "
                                            "second point of the path"))
        self.play_button = QPushButton(self.tr("Play"), descent_box)
        self.play_button.setCheckable(True)
        self.play_button.setAccessibleName(self.tr("Play or pause gradient descent"))
        self.play_button.setToolTip(self.tr("Take about 6 descent steps a second until "
                                            "paused, converged or diverged"))
        self.reset_button = QPushButton(self.tr("&Reset"), descent_box)
        self.reset_button.setAccessibleName(self.tr("Reset descent"))
        self.reset_button.setToolTip(self.tr("Back to the (w, b) where this descent began"))
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
        return descent_box

    def show_state(self, state: State, can_reset: bool) -> None:
        """Show state in the widgets, their signals blocked (the controls' own do so)."""
        reg = state.regression
        self.w_control.set_slider_range(*reg.w_range)
        self.b_control.set_slider_range(*reg.b_range)
        self.w_control.set_value(reg.w)
        self.b_control.set_value(reg.b)
        self.rate_control.set_value(reg.learning_rate)
        for combo, value in ((self.reduction, reg.reduction), (self.loss, reg.loss)):
            if combo.currentData() != value:
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)
        self.delta_control.set_value(reg.delta)
        self.beta_control.set_value(reg.beta)
        for option, control in self.option_controls.items():
            control.setVisible(OPTION_OF.get(reg.loss) == option)
        text = (self.tr("<b>%1: loss and gradient, two ways</b>")
                .replace("%1", loss_names.symbol(reg.loss)))
        if self.numbers_title.text() != text:
            self.numbers_title.setText(text)
        if self.steps.value() != reg.steps:
            self.steps.blockSignals(True)
            self.steps.setValue(reg.steps)
            self.steps.blockSignals(False)
        self.show_table(reg.x, reg.y)
        self.add_button.setEnabled(len(reg.x) < MAX_POINTS)
        self.remove_button.setEnabled(len(reg.x) > 1)
        self.reset_button.setEnabled(can_reset)

    def show_table(self, xs: tuple[float, ...], ys: tuple[float, ...]) -> None:
        table = self.table
        table.blockSignals(True)
        if table.rowCount() != len(xs):
            table.setRowCount(len(xs))
        for row, pair in enumerate(zip(xs, ys, strict=True)):
            for column, value in enumerate(pair):
                text = cell_text(value)
                item = table.item(row, column)
                if item is None:
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(row, column, item)
                elif item.text() != text:
                    item.setText(text)
        table.blockSignals(False)

    def show_playing(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def selected_row(self) -> int:
        """The selected point's row; the last if none is selected."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else self.table.rowCount() - 1

"""The Regression tab: its controls beside its four plots, joined to the store. The loss is
the State's regression loss (MSE, L1, Huber, SmoothL1), chosen here.

The controls' signals become edits of the store's State (one undo step each; a drag of a
point is one step); a State is shown in the controls, a Result drawn in the plots. Gradient
descent steps, plays and resets from here: the tab keeps the trail of the steps taken
(trail.py), drawn on the surface and in the loss per step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QTableWidgetItem, QWidget

from core.number_text import NumberTextError, parse_number
from core.regression_edits import (
    add_point,
    descent_step,
    fit_ranges,
    remove_point,
    set_beta,
    set_delta,
    set_learning_rate,
    set_loss,
    set_parameters,
    set_point,
    set_reduction,
    set_steps,
)
from core.state import MAX_ABS_DATA, MAX_GD_STEPS, State
from gui.controls.number_entry import refusal_message
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.look.language import reduction_label
from gui.panels.regression import loss_names
from gui.panels.regression.controls import RegressionControls, cell_text
from gui.panels.regression.data_plot import DataPlot
from gui.panels.regression.mse_surface import MseSurface
from gui.panels.regression.slice_plot import SlicePlot
from gui.panels.regression.steps_plot import StepsPlot
from gui.panels.regression.trail import DescentTrail

if TYPE_CHECKING:
    from core.result import Result

PLAY_INTERVAL_MS = 160    # ~6 descent steps a second
DRAG_DECIMALS = 3         # dragged points snap to this many decimals
CONTROLS_WIDTH = 262     # with two plots of MIN_PLOT_WIDTH: the tab fits in ~690 pixels


def _plot_grid(top_left: QWidget, top_right: QWidget, bottom_left: QWidget,
               bottom_right: QWidget) -> QSplitter:
    """The four plots in a 2×2 grid of splitters, shared evenly; each plot's own minimum
    (MIN_PLOT_WIDTH), not the classifier views' wider one, so the tab fits a small window."""
    grid = QSplitter(Qt.Orientation.Vertical)
    for left, right in ((top_left, top_right), (bottom_left, bottom_right)):
        row = QSplitter(Qt.Orientation.Horizontal)
        row.addWidget(left)
        row.addWidget(right)
        row.setChildrenCollapsible(False)
        row.setSizes([1, 1])
        grid.addWidget(row)
    grid.setChildrenCollapsible(False)
    grid.setSizes([1, 1])
    return grid


class RegressionTab(StateEditor):
    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self._result: Result | None = None
        self._shown = None                # the RegressionResult last drawn
        self._state: State | None = None  # the State last shown in the controls
        self.trail = DescentTrail()       # the steps taken by Step and Play (view state)
        self._trail_drawn: tuple | None = None
        self._play_ticks = 0
        self._plays = 0

        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self._on_play_tick)

        self.controls = RegressionControls(store.state().regression)
        self._connect_controls(self.controls)
        scroll = QScrollArea(self)
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(CONTROLS_WIDTH)
        scroll.setMaximumWidth(CONTROLS_WIDTH + 40)
        scroll.setAccessibleName(self.tr("Regression controls"))

        self.data_panel = DataPlot(self._on_point_dragged, self._on_line_dragged)
        self.surface_panel = MseSurface(self._on_surface_picked)
        self.surface_panel.fit_button.clicked.connect(self._on_fit_ranges)
        self.slice_panel = SlicePlot()
        self.steps_panel = StepsPlot()
        grid = _plot_grid(self.data_panel, self.surface_panel, self.slice_panel,
                          self.steps_panel)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(scroll)
        layout.addWidget(grid, 1)
        self._name_parts()

    def _connect_controls(self, c: RegressionControls) -> None:
        c.table.itemChanged.connect(self._on_table_item_changed)
        c.add_button.clicked.connect(self._on_add_point)
        c.remove_button.clicked.connect(self._on_remove_point)
        c.w_control.value_edited.connect(self._on_w_edited)
        c.b_control.value_edited.connect(self._on_b_edited)
        c.reduction.activated.connect(self._on_reduction_chosen)
        c.loss.activated.connect(self._on_loss_chosen)
        c.delta_control.value_edited.connect(self._on_delta_edited)
        c.beta_control.value_edited.connect(self._on_beta_edited)
        c.rate_control.value_edited.connect(self._on_rate_edited)
        for control in (c.w_control, c.b_control, c.rate_control, c.steps, c.delta_control,
                        c.beta_control):
            control.refused.connect(self.rejected)
        c.steps.valueChanged.connect(self._on_steps_changed)
        c.step_button.clicked.connect(self._on_step)
        c.play_button.toggled.connect(self._on_play_toggled)
        c.reset_button.clicked.connect(self._on_reset)

    def _name_parts(self) -> None:
        """The parts' widgets and items under the names the tab has always shown them by
        (the tests and the window read them)."""
        c, n = self.controls, self.controls.numbers
        self.table, self.add_button, self.remove_button = c.table, c.add_button, c.remove_button
        self.w_control, self.b_control, self.reduction = c.w_control, c.b_control, c.reduction
        self.loss, self.delta_control, self.beta_control = c.loss, c.delta_control, c.beta_control
        self.kinks, self.loss_title = c.kinks, c.numbers_title
        self.rate_control, self.steps = c.rate_control, c.steps
        self.step_button, self.play_button, self.reset_button = (
            c.step_button, c.play_button, c.reset_button)
        self.loss_value, self.diff_value, self.formula = n.loss_value, n.diff_value, n.formula
        self.grad_w_value, self.grad_w_formula = n.grad_w_value, n.grad_w_formula
        self.grad_b_value, self.grad_b_formula = n.grad_b_value, n.grad_b_formula
        d, s, sl, st = self.data_panel, self.surface_panel, self.slice_panel, self.steps_panel
        self.data_widget, self.data_plot, self.data_readout = d.widget, d.plot, d.readout
        self.points, self.line, self.residuals = d.points, d.line, d.residuals
        self.surface_widget, self.surface_plot = s.widget, s.plot
        self.surface_readout, self.fit_button, self.path = s.readout, s.fit_button, s.path
        self.image, self.arrow_line = s.surface.image, s.surface.arrow_line
        self.slice_widget, self.slice_plot, self.slice_readout = sl.widget, sl.plot, sl.readout
        self.tangent, self.slice_point = sl.tangent, sl.point
        self.steps_widget, self.steps_plot, self.steps_readout = st.widget, st.plot, st.readout
        self.loss_curve = st.loss_curve

    @property
    def arrow_vector(self) -> np.ndarray:
        """The drawn −∇L arrow on the surface, in data units (for tests)."""
        return self.surface_panel.surface.arrow_vector

    # ------------------------------------------------------------------ state -> widgets
    def set_state(self, state: State) -> None:
        reg = state.regression
        self._state = state
        self.trail.follow(reg)
        origin = self.trail.origin
        self.controls.show_state(state, can_reset=origin is not None
                                 and origin != (reg.w, reg.b))

    # ------------------------------------------------------------------ result -> plots
    def set_result(self, result: Result) -> None:
        self._result = result
        reg = result.regression
        state = result.state
        self.trail.follow(state.regression)
        path = reg.path
        self.trail.record(state.regression, float(reg.loss),
                          float(reg.path_loss[1]) if len(reg.path_loss) > 1 else None,
                          (float(path[1][0]), float(path[1][1])) if len(path) > 1 else None)
        if reg is not self._shown:  # memoised on the regression part: else nothing new
            self._shown = reg
            self.data_panel.show_result(state, reg)
            self.surface_panel.show_result(state, reg)
            self.slice_panel.show_result(state, reg)
            self.controls.numbers.show_result(state, reg)
            self.controls.kinks.show_result(state, reg)
        self._draw_trail(state, reg)

    def _draw_trail(self, state: State, reg) -> None:
        """The steps taken, on the map and before step 0 of the loss per step."""
        points = self.trail.shown(state.regression)
        drawn, key = self._trail_drawn, points.tobytes()
        if drawn is not None and drawn[0] is reg and drawn[1] == key:
            return
        self._trail_drawn = (reg, key)
        self.surface_panel.show_trail(points)
        # the losses the Results gave as each step was shown (or its predecessor's path)
        losses = self.trail.losses(points) if len(points) > 1 else np.empty(0)
        self.steps_panel.show_result(reg, losses)

    # ------------------------------------------------------------------ edits
    def _on_w_edited(self, value: float) -> None:
        self.edit(lambda s: set_parameters(s, w=value),
                  f"regression w #{self.w_control.gesture}", self.tr("Set w"))

    def _on_b_edited(self, value: float) -> None:
        self.edit(lambda s: set_parameters(s, b=value),
                  f"regression b #{self.b_control.gesture}", self.tr("Set b"))

    def _on_rate_edited(self, value: float) -> None:
        self.edit(lambda s: set_learning_rate(s, value),
                  f"learning rate #{self.rate_control.gesture}",
                  self.tr("Set learning rate"))

    def _on_steps_changed(self, steps: int) -> None:
        self.edit(lambda s: set_steps(s, steps), "descent steps", self.tr("Set steps"))

    def _on_reduction_chosen(self, index: int) -> None:
        reduction = self.controls.reduction.itemData(index)
        self.edit(lambda s: set_reduction(s, reduction), "",
                  self.tr("Reduction %1").replace("%1", reduction_label(reduction)))

    def _on_loss_chosen(self, index: int) -> None:
        loss = self.controls.loss.itemData(index)
        self.edit(lambda s: set_loss(s, loss), "",
                  self.tr("Loss %1").replace("%1", loss_names.title(loss)))

    def _on_delta_edited(self, value: float) -> None:
        self.edit(lambda s: set_delta(s, value),
                  f"regression delta #{self.controls.delta_control.gesture}",
                  self.tr("Set Huber δ"))

    def _on_beta_edited(self, value: float) -> None:
        self.edit(lambda s: set_beta(s, value),
                  f"regression beta #{self.controls.beta_control.gesture}",
                  self.tr("Set SmoothL1 β"))

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        state = self.store.state()
        if item.text() == cell_text((state.regression.x, state.regression.y)[column][row]):
            return  # the shown text stands for the exact stored value
        try:
            value = parse_number(item.text())
            if abs(value) > MAX_ABS_DATA:
                raise NumberTextError("out_of_range", item.text().strip(), "out of range")
        except NumberTextError as exc:
            field = self.tr("Point %1 %2").replace("%1", str(row + 1)).replace("%2", "xy"[column])
            self.rejected.emit(refusal_message(field, exc, (-MAX_ABS_DATA, MAX_ABS_DATA,
                                                            False, False)))
            self.controls.show_table(state.regression.x, state.regression.y)
            return
        coordinate = {"x": value} if column == 0 else {"y": value}
        self.edit(lambda s: set_point(s, row, **coordinate), "",
                  self.tr("Edit point %1").replace("%1", str(row + 1)))

    def _on_add_point(self) -> None:
        self.edit(add_point, "", self.tr("Add point"))

    def _on_remove_point(self) -> None:
        index = self.controls.selected_row()
        self.edit(lambda s: remove_point(s, index), "",
                  self.tr("Remove point %1").replace("%1", str(index + 1)))

    def _on_point_dragged(self, index: int, x: float, y: float, finished: bool) -> None:
        """One drag is one undo step: every move shares the drag's source."""
        x = round(min(max(x, -MAX_ABS_DATA), MAX_ABS_DATA), DRAG_DECIMALS)
        y = round(min(max(y, -MAX_ABS_DATA), MAX_ABS_DATA), DRAG_DECIMALS)
        self.edit(lambda s: set_point(s, index, x, y) if index < len(s.regression.x) else s,
                  f"drag point {index} #{self.data_panel.points.gesture}",
                  self.tr("Drag point %1").replace("%1", str(index + 1)))
        if finished:
            self.data_panel.apply_view()

    def _on_line_dragged(self, w: float, b: float, finished: bool) -> None:
        """One drag of the line or a handle is one undo step; a value the State refuses
        (beyond ±1e6) is said in the status line and the line stays where it was."""
        self.edit(lambda s: set_parameters(s, w=w, b=b),
                  f"drag line #{self.data_panel.gesture}", self.tr("Drag the line"))
        if finished:
            self.data_panel.apply_view()

    def _on_surface_picked(self, w: float, b: float, finished: bool) -> None:
        """A click on the map, or one drag across it, is one undo step."""
        self.edit(lambda s: set_parameters(s, w=w, b=b),
                  f"surface point #{self.surface_panel.grip.gesture}",
                  self.tr("Move (w, b) on the surface"))

    def _on_fit_ranges(self) -> None:
        self.edit(fit_ranges, "", self.tr("Fit surface ranges"))

    # ------------------------------------------------------------------ descent
    def _step(self, source: str) -> bool:
        """One descent step from the store's State; False when it cannot move (any more)."""
        state = self.store.state()
        try:
            new = descent_step(state)
        except ValueError as exc:
            self.rejected.emit(str(exc))
            return False
        if new == state:
            return False
        self.trail.stepped(state.regression, new.regression)
        self.store.request(new, source, self.tr("Descent step"))
        return True

    def _on_step(self) -> None:
        self.controls.play_button.setChecked(False)
        self._step("")

    def _on_play_toggled(self, playing: bool) -> None:
        self.controls.show_playing(playing)
        if playing:
            self._play_ticks = 0
            self._plays += 1  # each Play is its own undo step
            self.timer.start()
            self._on_play_tick()
        else:
            self.timer.stop()

    def _on_play_tick(self) -> None:
        self._play_ticks += 1
        if not self._step(f"play descent #{self._plays}") or self._play_ticks >= MAX_GD_STEPS:
            self.controls.play_button.setChecked(False)

    def _on_reset(self) -> None:
        origin = self.trail.origin
        if origin is None:
            return
        self.controls.play_button.setChecked(False)
        self.trail.clear()
        self.edit(lambda s: set_parameters(s, *origin), "", self.tr("Reset descent"))
        self.controls.reset_button.setEnabled(False)

    def is_playing(self) -> bool:
        return self.timer.isActive()

"""The kink inspector: where the chosen loss ℓ(r) is not smooth (L1 at r = 0, Huber at
r = ±δ, SmoothL1 at r = ±β), what torch's autograd returns there and the two one-sided
slopes that bracket it.

For one data point (the one whose residual is nearest a kink, or the one chosen), b is
moved so that point's residual sits on each kink, w kept; each column is one kink: b there,
torch's ∂L/∂b, the left and right difference quotients of L in b, and whether torch's value
lies between them. Above, the points whose residual is on a kink right now. Every number is
core.regression's (core.losses.kinks); the panel only picks which point to show. Hidden for
MSE, which has no kink.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.number_format import fmt, sub
from gui.items.readout_label import ReadoutLabel, set_text

if TYPE_CHECKING:
    from core.regression import RegressionKinks, RegressionResult
    from core.state import State

NEAREST = -1          # the point combo's first item: the point nearest a kink
MAX_COLUMNS = 2       # kinks per loss: ±δ, ±β, or L1's one
ROWS = ("b", "torch", "left", "right", "verdict")


def _brackets_tolerance(*values: float) -> float:
    """The one-sided differences' error (step √ε): 1e-6 relative is ample."""
    return 1e-6 * max(1.0, *(abs(v) for v in values))


class KinkPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kinks: RegressionKinks | None = None
        self._state: State | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setToolTip(self.tr(
            "Where ℓ(r) is not smooth: L1 at r = 0 (a corner), Huber at r = ±δ and SmoothL1 "
            "at r = ±β (the slope is continuous there, the curvature jumps)"))
        self.now = ReadoutLabel(2, parent=self)
        self.now.setAccessibleName(self.tr("Points on a kink now"))
        self.now.setToolTip(self.tr("The data points whose residual r = ŷ − y sits on a kink "
                                    "at the current (w, b)"))

        self.point = QComboBox(self)
        self.point.setAccessibleName(self.tr("Point inspected at its kinks"))
        self.point.setToolTip(self.tr("Which data point's kinks to inspect: b is moved so its "
                                      "residual sits on each kink, w kept (the first 8 points "
                                      "can be chosen)"))
        self.point.activated.connect(self._redraw)
        point_label = QLabel(self.tr("Poi&nt"), self)
        point_label.setBuddy(self.point)
        point_row = QHBoxLayout()
        point_row.setContentsMargins(0, 0, 0, 0)
        point_row.addWidget(point_label)
        point_row.addWidget(self.point, 1)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(0)
        names = {"b": (self.tr("b there"), self.tr("b that puts the point's residual on the "
                                                   "kink (w kept)")),
                 "torch": (self.tr("torch ∂L/∂b"), self.tr("∂L/∂b by torch.autograd.grad at the "
                                                     "kink: the subgradient torch chooses")),
                 "left": (self.tr("left slope"), self.tr("(L(b) − L(b − h))/h, h = √ε·max(1, "
                                                         "|b|)")),
                 "right": (self.tr("right slope"), self.tr("(L(b + h) − L(b))/h")),
                 "verdict": ("", self.tr("Whether torch's value lies between the two one-sided "
                                         "slopes (within 1e-6)"))}
        self.headers: list[QLabel] = []
        for column in range(MAX_COLUMNS):
            header = QLabel(self)
            grid.addWidget(header, 0, column + 1)
            self.headers.append(header)
        self.cells: dict[tuple[str, int], ReadoutLabel] = {}
        for row, key in enumerate(ROWS, start=1):
            text, tip = names[key]
            label = QLabel(text, self)
            label.setToolTip(tip)
            grid.addWidget(label, row, 0)
            for column in range(MAX_COLUMNS):
                cell = ReadoutLabel(1, parent=self)
                cell.setToolTip(tip)
                name = text or self.tr("verdict")
                cell.setAccessibleName(f"{name} {column + 1}")
                grid.addWidget(cell, row, column + 1)
                self.cells[(key, column)] = cell
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.now)
        layout.addLayout(point_row)
        layout.addLayout(grid)

    # ------------------------------------------------------------------ result -> text
    def show_result(self, state: State, reg: RegressionResult) -> None:
        self.setVisible(reg.kinks is not None)
        self._state, self._kinks = state, reg.kinks
        if reg.kinks is None:
            return
        self._fill_points(reg.kinks.points)
        set_text(self.title, self._title(state))
        set_text(self.now, self._now_text(reg.kinks))
        self._redraw()

    def _title(self, state: State) -> str:
        reg = state.regression
        if reg.loss == "huber":
            where = self.tr("r = ±δ = ±%1").replace("%1", f"{reg.delta:g}")
        elif reg.loss == "smooth_l1" and reg.beta > 0:
            where = self.tr("r = ±β = ±%1").replace("%1", f"{reg.beta:g}")
        else:
            where = self.tr("r = 0")
        return self.tr("<b>Kink inspector</b>: ℓ(r) has a kink at %1").replace("%1", where)

    def _now_text(self, kinks: RegressionKinks) -> str:
        if not kinks.at_kink:
            return self.tr("No residual sits on a kink at this (w, b).")
        points = ", ".join(self.tr("point %1 (r = %2)").replace("%1", str(k + 1))
                           .replace("%2", f"{joint:g}") for k, joint in kinks.at_kink[:6])
        more = " …" if len(kinks.at_kink) > 6 else ""
        return self.tr("On a kink now: %1").replace("%1", points + more)

    def _fill_points(self, points: int) -> None:
        """Items: the point nearest a kink, then point 1 … points (signals blocked)."""
        if self.point.count() == points + 1:
            return
        chosen = self.point.currentData()
        self.point.blockSignals(True)
        self.point.clear()
        self.point.addItem(self.tr("nearest a kink"), NEAREST)
        for k in range(points):
            self.point.addItem(self.tr("point %1").replace("%1", str(k + 1)), k)
        index = self.point.findData(chosen)
        self.point.setCurrentIndex(max(index, 0))
        self.point.blockSignals(False)

    def inspected_point(self) -> int:
        """The index of the point whose kinks are shown."""
        assert self._kinks is not None
        chosen = self.point.currentData()
        return self._kinks.nearest if chosen in (None, NEAREST) else int(chosen)

    def _redraw(self, *_args) -> None:
        kinks = self._kinks
        if kinks is None:
            return
        k = self.inspected_point()
        checks = kinks.of_point(k)
        symbol = {"huber": "δ", "smooth_l1": "β"}.get(self._state.regression.loss, "")
        for column in range(MAX_COLUMNS):
            shown = column < len(checks)
            for key in ROWS:
                self.cells[(key, column)].setVisible(shown)
            self.headers[column].setVisible(shown)
            if not shown:
                continue
            check, joint = checks[column], kinks.residuals[column]
            if joint == 0 or not symbol:
                head = f"r{sub(k + 1)} = {joint:g}"
            else:
                head = f"r{sub(k + 1)} = {'+' if joint > 0 else '−'}{symbol}"
            set_text(self.headers[column], f"<i>{head}</i>")
            set_text(self.cells[("b", column)], fmt(check.at, 4))
            set_text(self.cells[("torch", column)], fmt(check.subgradient, 6))
            set_text(self.cells[("left", column)], fmt(check.left, 6))
            set_text(self.cells[("right", column)], fmt(check.right, 6))
            inside = check.brackets(_brackets_tolerance(check.left, check.right))
            set_text(self.cells[("verdict", column)],
                     self.tr("between ✓") if inside else self.tr("outside ✗"))

"""The loss and its gradient computed two ways, autograd and the closed form, side by side
with their largest difference and the formulas in use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from core.number_format import fmt, fmt_diff
from gui.items.readout_label import ReadoutLabel, set_text

if TYPE_CHECKING:
    from core.regression import RegressionResult
    from core.state import State


class LossNumbers(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 0, 6, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(0)
        for column, (text, tip) in enumerate(
                ((self.tr("autograd"), self.tr("torch.autograd.grad of F.mse_loss")),
                 (self.tr("formula"), self.tr("The closed form 2·Σ(ŷ−y)·∂ŷ/∂θ (÷ M for the "
                                              "mean)")))):
            header = QLabel(f"<i>{text}</i>", self)
            header.setToolTip(tip)
            grid.addWidget(header, 0, column + 1)
        self.loss_value = ReadoutLabel(1, parent=self)
        self.loss_value.setAccessibleName(self.tr("Loss value"))
        self.loss_value.setToolTip(self.tr("F.mse_loss(w·x + b, y, reduction)"))
        self.grad_w_value = ReadoutLabel(1, parent=self)
        self.grad_w_value.setAccessibleName(self.tr("dL/dw by autograd"))
        self.grad_w_formula = ReadoutLabel(1, parent=self)
        self.grad_w_formula.setAccessibleName(self.tr("dL/dw by the formula"))
        self.grad_b_value = ReadoutLabel(1, parent=self)
        self.grad_b_value.setAccessibleName(self.tr("dL/db by autograd"))
        self.grad_b_formula = ReadoutLabel(1, parent=self)
        self.grad_b_formula.setAccessibleName(self.tr("dL/db by the formula"))
        self.diff_value = ReadoutLabel(1, parent=self)
        self.diff_value.setAccessibleName(self.tr("Largest difference autograd − formula"))
        self.diff_value.setToolTip(self.tr("max |autograd − formula| over ∂L/∂w and ∂L/∂b"))
        rows = ((self.tr("L"), (self.loss_value,)),
                (self.tr("∂L/∂w"), (self.grad_w_value, self.grad_w_formula)),
                (self.tr("∂L/∂b"), (self.grad_b_value, self.grad_b_formula)),
                (self.tr("|diff|"), (self.diff_value,)))
        for row, (text, cells) in enumerate(rows, start=1):
            grid.addWidget(QLabel(text, self), row, 0)
            for column, cell in enumerate(cells, start=1):
                grid.addWidget(cell, row, column, 1, 3 - len(cells))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.formula = ReadoutLabel(3, parent=self)
        self.formula.setAccessibleName(self.tr("Formulas in use"))
        self.formula.setToolTip(self.tr("The loss and gradient formulas for the chosen "
                                        "reduction; M is the number of points"))
        grid.addWidget(self.formula, len(rows) + 1, 0, 1, 3)

    def show_result(self, state: State, reg: RegressionResult) -> None:
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
        if state.regression.reduction == "mean":
            text = self.tr("L = Σ(ŷ−y)²/M, M = %1\n∂L/∂w = 2·Σ(ŷ−y)·x/M\n∂L/∂b = 2·Σ(ŷ−y)/M")
        else:
            text = self.tr("L = Σ(ŷ−y)² (sum), M = %1\n∂L/∂w = 2·Σ(ŷ−y)·x\n∂L/∂b = 2·Σ(ŷ−y)")
        set_text(self.formula, text.replace("%1", str(m)))

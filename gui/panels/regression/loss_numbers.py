"""The chosen loss and its gradient computed two ways, autograd and the closed form, side by
side with their largest difference and the formulas in use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from core.number_format import fmt, fmt_diff
from gui.items.readout_label import ReadoutLabel, set_text
from gui.panels.regression import loss_names

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
        self.headers = []
        for column, text in enumerate((self.tr("autograd"), self.tr("formula"))):
            header = QLabel(f"<i>{text}</i>", self)
            grid.addWidget(header, 0, column + 1)
            self.headers.append(header)
        self.headers[1].setToolTip(self.tr("The closed form Σ ℓ'(ŷ−y)·∂ŷ/∂θ (÷ M for the "
                                           "mean), ℓ' the chosen loss's slope: MSE 2r, L1 "
                                           "sign(r), Huber clamp(r, −δ, δ), SmoothL1 "
                                           "clamp(r/β, −1, 1)"))
        self.loss_value = ReadoutLabel(1, parent=self)
        self.loss_value.setAccessibleName(self.tr("Loss value"))
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
                                        "loss and reduction; M is the number of points"))
        grid.addWidget(self.formula, len(rows) + 1, 0, 1, 3)

    def show_result(self, state: State, reg: RegressionResult) -> None:
        call = loss_names.torch_call(state.regression)
        self.loss_value.setToolTip(call)
        self.headers[0].setToolTip(self.tr("torch.autograd.grad of %1").replace("%1", call))
        set_text(self.loss_value, fmt(reg.loss))
        set_text(self.grad_w_value, fmt(reg.grad_w))
        set_text(self.grad_w_formula, fmt(reg.grad_w_formula))
        set_text(self.grad_b_value, fmt(reg.grad_b))
        set_text(self.grad_b_formula, fmt(reg.grad_b_formula))
        scale = max(1.0, abs(reg.grad_w), abs(reg.grad_b))
        verdict = (self.tr("agree ✓") if reg.max_abs_diff <= 1e-12 * scale
                   else self.tr("disagree ✗"))
        set_text(self.diff_value, f"{fmt_diff(reg.max_abs_diff)}  {verdict}")
        set_text(self.formula, self._formulas(state))

    def _formulas(self, state: State) -> str:
        """The loss and its closed-form gradient as the chosen loss and reduction have them."""
        reg = state.regression
        mean = reg.reduction == "mean"
        loss = "l1" if reg.loss == "smooth_l1" and reg.beta == 0 else reg.loss
        if loss == "mse":
            text = (self.tr("L = Σ(ŷ−y)²/M, M = %1\n∂L/∂w = 2·Σ(ŷ−y)·x/M\n∂L/∂b = 2·Σ(ŷ−y)/M")
                    if mean else
                    self.tr("L = Σ(ŷ−y)² (sum), M = %1\n∂L/∂w = 2·Σ(ŷ−y)·x\n∂L/∂b = 2·Σ(ŷ−y)"))
        elif loss == "l1":
            text = (self.tr("L = Σ|ŷ−y|/M, M = %1\n∂L/∂w = Σ sign(ŷ−y)·x/M\n"
                            "∂L/∂b = Σ sign(ŷ−y)/M") if mean else
                    self.tr("L = Σ|ŷ−y| (sum), M = %1\n∂L/∂w = Σ sign(ŷ−y)·x\n"
                            "∂L/∂b = Σ sign(ŷ−y)"))
            if reg.loss == "smooth_l1":
                text += self.tr("\n(SmoothL1 with β = 0 is L1)")
        elif loss == "huber":
            text = (self.tr("L = Σℓ(ŷ−y)/M, M = %1, δ = %2\nℓ(r) = r²/2 for |r| ≤ δ, "
                            "δ·(|r| − δ/2) beyond\n∂L/∂w = Σ clamp(ŷ−y, −δ, δ)·x/M\n"
                            "∂L/∂b = Σ clamp(ŷ−y, −δ, δ)/M") if mean else
                    self.tr("L = Σℓ(ŷ−y) (sum), M = %1, δ = %2\nℓ(r) = r²/2 for |r| ≤ δ, "
                            "δ·(|r| − δ/2) beyond\n∂L/∂w = Σ clamp(ŷ−y, −δ, δ)·x\n"
                            "∂L/∂b = Σ clamp(ŷ−y, −δ, δ)"))
        else:
            text = (self.tr("L = Σℓ(ŷ−y)/M, M = %1, β = %2\nℓ(r) = r²/(2β) for |r| < β, "
                            "|r| − β/2 beyond\n∂L/∂w = Σ clamp((ŷ−y)/β, −1, 1)·x/M\n"
                            "∂L/∂b = Σ clamp((ŷ−y)/β, −1, 1)/M") if mean else
                    self.tr("L = Σℓ(ŷ−y) (sum), M = %1, β = %2\nℓ(r) = r²/(2β) for |r| < β, "
                            "|r| − β/2 beyond\n∂L/∂w = Σ clamp((ŷ−y)/β, −1, 1)·x\n"
                            "∂L/∂b = Σ clamp((ŷ−y)/β, −1, 1)"))
        option = reg.delta if reg.loss == "huber" else reg.beta
        return text.replace("%1", str(len(reg.x))).replace("%2", f"{option:g}")

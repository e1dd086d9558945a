"""Gradients & checks: ∂L/∂a for CE and MSE by three independent ways, and how far apart.

autograd.grad, backward()/.grad and the closed form are computed separately in core; this
table lays them side by side so a learner sees them agree to the last digits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from core.number_format import fmt, fmt_diff
from gui.items.number_grid import NumberGrid
from gui.items.readout_label import ReadoutLabel, set_text
from gui.items.view_column import view_column
from gui.look.language import reduction_label
from gui.look.plot_style import sign_color

if TYPE_CHECKING:
    from core.result import Result

AGREE_BELOW = 1e-12  # relative to 1/T, since every gradient scales with it


class GradientsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("<b>Gradients &amp; checks</b> ∂L/∂a three independent "
                                    "ways"), self)
        self.table = NumberGrid(self)
        self.table.setAccessibleName(self.tr("Gradient table"))
        self.table.setToolTip(self.tr("Each gradient computed by torch.autograd.grad, by "
                                      "backward() then .grad, and by the closed form; hover "
                                      "a cell for its full value"))
        self.table.set_headers(
            [self.tr("pᵢ"),
             self.tr("∂CE/∂aᵢ\nautograd"), self.tr("∂CE/∂aᵢ\nbackward"),
             self.tr("∂CE/∂aᵢ\nformula"),
             self.tr("∂MSE/∂aᵢ\nautograd"), self.tr("∂MSE/∂aᵢ\nbackward"),
             self.tr("∂MSE/∂aᵢ\nformula")],
            [self.tr("pᵢ = softmax(a/T)ᵢ"),
             self.tr("torch.autograd.grad(loss, [a])[0]"),
             self.tr("loss.backward(); a.grad — on a fresh leaf tensor"),
             self.tr("the closed form (p − y_eff)/T"),
             self.tr("torch.autograd.grad(loss, [a])[0]"),
             self.tr("loss.backward(); a.grad — on a fresh leaf tensor"),
             self.tr("the closed form Jᵀ·∂MSE/∂p with J = (diag(p) − p pᵀ)/T")])
        self.summary = ReadoutLabel(3, parent=self)
        self.summary.setAccessibleName(self.tr("Losses and agreement"))

        view_column(self, self.title, self.table, self.summary, stretch=self.table)

    def set_result(self, result: Result) -> None:
        c, s = result.classifier, result.state
        self.table.set_columns(
            [c.probs, c.grad_cross_entropy.autograd, c.grad_cross_entropy.backward,
             c.grad_cross_entropy.formula, c.grad_mse.autograd, c.grad_mse.backward,
             c.grad_mse.formula],
            colour_of=sign_color, coloured=[False] + [True] * 6)
        tolerance = AGREE_BELOW / s.temperature
        verdict = (self.tr("all ways agree ✓") if result.max_abs_diff <= tolerance
                   else self.tr("ways disagree ✗"))
        mse_formula = "Σ(p−y_eff)²/N" if s.reduction == "mean" else "Σ(p−y_eff)²"
        set_text(self.summary,
                 self.tr("CE = −Σ y_eff log p = %1    MSE = %2 = %3\n"
                         "max |diff|: ∂CE %4 · ∂MSE %5 · Jacobian %6 — %7\n"
                         "T = %8 · label smoothing ε = %9 · reduction = %10")
                 .replace("%10", reduction_label(s.reduction))
                 .replace("%1", fmt(c.cross_entropy)).replace("%2", mse_formula)
                 .replace("%3", fmt(c.mse))
                 .replace("%4", fmt_diff(c.grad_cross_entropy.max_abs_diff))
                 .replace("%5", fmt_diff(c.grad_mse.max_abs_diff))
                 .replace("%6", fmt_diff(c.jacobian.max_abs_diff)).replace("%7", verdict)
                 .replace("%8", f"{s.temperature:g}")
                 .replace("%9", f"{s.label_smoothing:g}"))

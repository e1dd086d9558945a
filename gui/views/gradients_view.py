"""Gradients & checks: ∂L/∂a of the chosen loss by four independent ways, and how far apart.

autograd.grad, backward()/.grad, the closed form and central finite differences are
computed separately in core (core.losses.four_ways); this table lays them side by side
so a learner sees the exact three agree to the last digits and the differences agree
within their own error estimate. Where the loss has a kink (the hinge at its margin), a
line inspects it: the subgradient torch returns there and the two one-sided slopes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtWidgets import QLabel, QWidget

from core.number_format import fmt, fmt_diff, sub
from gui.items.number_grid import NumberGrid
from gui.items.readout_label import ReadoutLabel, set_text
from gui.items.view_column import view_column
from gui.look.language import loss_title, reduction_label, short_name
from gui.look.plot_style import sign_color

if TYPE_CHECKING:
    from core.losses.kinks import KinkCheck
    from core.result import Result

KINK_SLOPES_APART = 1e-6  # one-sided slopes further apart than this (relative): a corner


class GradientsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.table = NumberGrid(self)
        self.table.setAccessibleName(self.tr("Gradient table"))
        self.table.setToolTip(self.tr("The chosen loss's gradient computed by "
                                      "torch.autograd.grad, by backward() then .grad, by the "
                                      "closed form and by central differences; hover a cell "
                                      "for its full value"))
        self.summary = ReadoutLabel(3, parent=self)
        self.summary.setAccessibleName(self.tr("Losses and agreement"))
        self._headers_for: str | None = None
        self._refit = False

        view_column(self, self.title, self.table, self.summary, stretch=self.table)

    def _set_headers(self, loss: str) -> None:
        d = self.tr("∂%1/∂aᵢ").replace("%1", short_name(loss))
        self.title.setText(self.tr("<b>Gradients &amp; checks</b> ∂%1/∂a four independent "
                                   "ways").replace("%1", short_name(loss)))
        self.table.set_headers(
            [self.tr("pᵢ"), d + "\n" + self.tr("autograd"), d + "\n" + self.tr("backward"),
             d + "\n" + self.tr("formula"), d + "\n" + self.tr("central"),
             self.tr("±\nerror")],
            [self.tr("pᵢ = softmax(a/T)ᵢ"),
             self.tr("torch.autograd.grad(loss, [a])[0]"),
             self.tr("loss.backward(); a.grad — on a fresh leaf tensor"),
             self.tr("the closed form (Help ▸ Formulas)"),
             self.tr("(L(a + h·eᵢ) − L(a − h·eᵢ))/2h with h = ε^(1/3)·max(|aᵢ|, T): needs "
                     "no calculus"),
             self.tr("how far the central difference can be from the true slope: the gap "
                     "between steps h and 2h plus rounding (and half the jump at a kink)")])
        self._headers_for = loss
        self._refit = True   # another loss: its summary may need fewer lines (the hinge's
        #                     kink lines left the table two rows tall after — trial)

    def set_result(self, result: Result) -> None:
        s = result.state
        if s.loss != self._headers_for:
            self._set_headers(s.loss)
        c, chosen = result.classifier, result.chosen
        ways = chosen.grad
        self.table.set_columns(
            [c.probs, ways.autograd, ways.backward, ways.formula, ways.finite_difference,
             ways.finite_difference_error],
            colour_of=sign_color, coloured=[False, True, True, True, True, False])
        verdict = {"agree": self.tr("all ways agree ✓"),
                   "corner": self.tr("exact ways agree ✓; on a kink now at %1: the central "
                                     "difference averages its two sides")
                   .replace("%1", ", ".join(f"a{sub(int(i))}"
                                            for i in np.flatnonzero(ways.at_corner))),
                   "departs": self.tr("torch's backward departs from the formula where it "
                                      "clamps σ(1 − σ) at 1e−12: σ(z) rounded to 0 or 1, "
                                      "so torch's gradient is 0 (Binary tab)"),
                   "disagree": self.tr("ways disagree ✗")}[chosen.verdict(1 / s.temperature)]
        name = short_name(s.loss)
        first = (self.tr("%1 %2 = %3").replace("%1", loss_title(s.loss))
                 .replace("%2", name).replace("%3", fmt(chosen.value)))
        weighted = s.loss == "cross_entropy" and s.class_weights is not None
        if weighted:
            first = (self.tr("class-weighted CE = %1 · unweighted CE = %2 · MSE = %3")
                     .replace("%1", fmt(chosen.value)).replace("%2", fmt(c.cross_entropy))
                     .replace("%3", fmt(c.mse)))
            if s.target_is_index and s.label_smoothing == 0:
                first += self.tr(" — one sample with a class index: torch's mean divides by "
                                 "the target's weight, so the weights cancel")
        elif s.loss not in ("cross_entropy", "mse"):
            first += self.tr(" · CE = %1 · MSE = %2").replace("%1", fmt(c.cross_entropy)) \
                .replace("%2", fmt(c.mse))
        second = (self.tr("max |diff| of the exact ways %1 · central diff. vs formula %2 · "
                          "Jacobian %3 — %4")
                  .replace("%1", fmt_diff(ways.exact_max_abs_diff))
                  .replace("%2", fmt_diff(ways.finite_difference_gap))
                  .replace("%3", fmt_diff(c.jacobian.max_abs_diff)).replace("%4", verdict))
        taken = ways.differences_taken
        if taken < s.n_classes:
            second += self.tr(" · central differences for the first %1 of %2 logits (each "
                              "costs a whole row of logits: O(N²))").replace(
                "%1", str(taken)).replace("%2", str(s.n_classes))
        third = (self.tr("T = %1 · label smoothing ε = %2 · reduction = %3")
                 .replace("%1", f"{s.temperature:g}").replace("%2", f"{s.label_smoothing:g}")
                 .replace("%3", reduction_label(s.reduction)))
        lines = [first, second, third]
        lines += [self.kink_text(k) for k in result.chosen_kinks]
        set_text(self.summary, "\n".join(lines))
        if self._refit:
            self.summary.refit()
            self._refit = False

    def kink_text(self, kink: KinkCheck) -> str:
        """The kink reached by moving one logit: torch's subgradient there and the two
        one-sided slopes — apart at a corner, equal where only the curvature jumps."""
        i = kink.coordinate.removeprefix("a_")
        corner = abs(kink.left - kink.right) > KINK_SLOPES_APART * max(
            1.0, abs(kink.left), abs(kink.right))
        text = (self.tr("moving a%1 to %2 reaches a corner: torch's ∂L/∂a%1 there = %3, "
                        "one-sided slopes %4 (left), %5 (right)") if corner else
                self.tr("moving a%1 to %2 reaches a join where only the curvature jumps: "
                        "both slopes %4, torch's %3"))
        return (text.replace("%1", sub(int(i)) if i.isdigit() else i)
                .replace("%2", fmt(kink.at, 4)).replace("%3", fmt(kink.subgradient, 4))
                .replace("%4", fmt(kink.left, 4)).replace("%5", fmt(kink.right, 4)))

"""Huber: quadratic near 0, linear beyond ±δ, so outliers pull with at most δ."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import REGRESSION
from core.losses.spec import RegressionInputs, RegressionLoss


def value(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return F.huber_loss(pred, r.y, reduction=r.reduction, delta=r.delta)


def rows(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return r.reduce_rows(F.huber_loss(pred, r.y.expand_as(pred), reduction="none", delta=r.delta))


def grad_pred(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return r.reduce(torch.clamp(pred - r.y, -r.delta, r.delta))


SPEC = RegressionLoss(
    info=REGRESSION[2], value=value, grad_pred=grad_pred, rows=rows,
    formula=QT_TRANSLATE_NOOP("Losses", "L = Σ_k ℓ(r_k)/M,  ℓ(r) = r²/2 for |r| ≤ δ, "
                                        "δ·(|r| − δ/2) beyond"),
    gradient=QT_TRANSLATE_NOOP("Losses", "ℓ'(r) = clamp(r, −δ, δ);  ∂L/∂w = Σ_k ℓ'(r_k)·x_k/M,"
                                         "  ∂L/∂b = Σ_k ℓ'(r_k)/M"),
    torch_call="F.huber_loss(w * x + b, y, reduction=reduction, delta=delta)",
    kinks=QT_TRANSLATE_NOOP("Losses", "r_k = ±δ (the slope is continuous there; the "
                                      "curvature jumps)"),
    kink_residuals=lambda r: (-r.delta, r.delta),
)

"""SmoothL1: L1 with its corner rounded off over |r| < β (Huber divided by β, δ = β)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import REGRESSION
from core.losses.spec import RegressionInputs, RegressionLoss


def value(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return F.smooth_l1_loss(pred, r.y, reduction=r.reduction, beta=r.beta)


def rows(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return r.reduce_rows(F.smooth_l1_loss(pred, r.y.expand_as(pred), reduction="none", beta=r.beta))


def grad_pred(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    res = pred - r.y
    if r.beta == 0:  # torch then computes L1
        return r.reduce(torch.sign(res))
    return r.reduce(torch.where(res.abs() < r.beta, res / r.beta, torch.sign(res)))


SPEC = RegressionLoss(
    info=REGRESSION[3], value=value, grad_pred=grad_pred, rows=rows,
    formula=QT_TRANSLATE_NOOP("Losses", "L = Σ_k ℓ(r_k)/M,  ℓ(r) = r²/(2β) for |r| < β, "
                                        "|r| − β/2 beyond (β = 0: |r|)"),
    gradient=QT_TRANSLATE_NOOP("Losses", "ℓ'(r) = r/β for |r| < β, sign(r) beyond;  "
                                         "∂L/∂w = Σ_k ℓ'(r_k)·x_k/M,  ∂L/∂b = Σ_k ℓ'(r_k)/M"),
    torch_call="F.smooth_l1_loss(w * x + b, y, reduction=reduction, beta=beta)",
    kinks=QT_TRANSLATE_NOOP("Losses", "r_k = ±β (β = 0: r_k = 0, a corner)"),
    kink_residuals=lambda r: (-r.beta, r.beta) if r.beta > 0 else (0.0,),
)

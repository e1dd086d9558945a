"""L1 (absolute error): a constant pull of ±1 per point, and a corner where a residual is 0."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import REGRESSION
from core.losses.spec import RegressionInputs, RegressionLoss


def value(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return F.l1_loss(pred, r.y, reduction=r.reduction)


def rows(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return r.reduce_rows(F.l1_loss(pred, r.y.expand_as(pred), reduction="none"))


def grad_pred(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return r.reduce(torch.sign(pred - r.y))


SPEC = RegressionLoss(
    info=REGRESSION[1], value=value, grad_pred=grad_pred, rows=rows,
    formula=QT_TRANSLATE_NOOP("Losses", "L = Σ_k |r_k|/M (mean; sum: without /M),"
                                        "  r = w·x + b − y"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂w = Σ_k sign(r_k)·x_k/M,  ∂L/∂b = Σ_k sign(r_k)/M"
                                         "  (torch: sign(0) = 0)"),
    torch_call="F.l1_loss(w * x + b, y, reduction=reduction)",
    kinks=QT_TRANSLATE_NOOP("Losses", "r_k = 0 (a corner)"),
    kink_residuals=lambda r: (0.0,),
)

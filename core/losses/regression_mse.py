"""The regression's MSE, (ŷ − y)² averaged or summed: the note's example."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import REGRESSION
from core.losses.spec import RegressionInputs, RegressionLoss


def value(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return F.mse_loss(pred, r.y, reduction=r.reduction)


def rows(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return r.reduce_rows(F.mse_loss(pred, r.y.expand_as(pred), reduction="none"))


def grad_pred(pred: torch.Tensor, r: RegressionInputs) -> torch.Tensor:
    return r.reduce(2.0 * (pred - r.y))


SPEC = RegressionLoss(
    info=REGRESSION[0], value=value, grad_pred=grad_pred, rows=rows,
    formula=QT_TRANSLATE_NOOP("Losses", "L = Σ_k r_k²/M (mean; sum: without /M),"
                                        "  r = w·x + b − y"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂w = Σ_k 2r_k·x_k/M,  ∂L/∂b = Σ_k 2r_k/M"),
    torch_call="F.mse_loss(w * x + b, y, reduction=reduction)",
)

"""MSE between the softmax and y_eff: the note's "MSE on probabilities", whose gradient
passes through the softmax Jacobian and so fades when p saturates."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER
from core.losses.spec import ClassifierInputs, ClassifierLoss


def value(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.mse_loss(torch.softmax(z, dim=0), c.y_eff, reduction=c.reduction)


def rows(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    sq = F.mse_loss(torch.softmax(z, dim=1), c.y_eff.expand(z.shape[0], -1), reduction="none")
    return sq.mean(dim=1) if c.reduction == "mean" else sq.sum(dim=1)


def grad_z(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    p = torch.softmax(z, dim=0)
    g = 2.0 * (p - c.y_eff)
    if c.reduction == "mean":
        g = g / p.numel()
    return p * (g - torch.dot(p, g))  # Jᵀ·g with J = diag(p) − p pᵀ, without forming J


SPEC = ClassifierLoss(
    info=CLASSIFIER[1], value=value, grad_z=grad_z, rows=rows,
    formula=QT_TRANSLATE_NOOP("Losses", "L = Σ_i (p_i − y_eff,i)²/N (mean; sum: without /N),"
                                        "  p = softmax(a/T)"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂a = p⊙(g − (p·g))/T,  g = ∂L/∂p = 2(p − y_eff)/N "
                                         "(sum: 2(p − y_eff))"),
    torch_call="F.mse_loss(torch.softmax(z, dim=0), y_eff, reduction=reduction)",
)

"""Sigmoid focal loss as torchvision.ops.sigmoid_focal_loss defines it (reduction mean).

Written here in torch, line for line from torchvision's definition, rather than adding
torchvision: it would be one more large compiled dependency that must match the pinned
torch build exactly, for ten lines of arithmetic. γ = 0 with α < 0 is BCE with logits.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER
from core.losses.spec import ClassifierInputs, ClassifierLoss


def _unreduced(z: torch.Tensor, targets: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    """torchvision's sigmoid_focal_loss(z, targets, alpha, gamma, reduction="none")."""
    p = torch.sigmoid(z)
    ce_loss = F.binary_cross_entropy_with_logits(z, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** c.gamma)
    if c.alpha >= 0:
        alpha_t = c.alpha * targets + (1 - c.alpha) * (1 - targets)
        loss = alpha_t * loss
    return loss


def value(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    """torchvision's sigmoid_focal_loss(z, y_eff, alpha, gamma, reduction="mean")."""
    return _unreduced(z, c.y_eff, c).mean()


def terms(z: torch.Tensor, y: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return _unreduced(z, y.expand(z.shape[0], -1), c)


def rows(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return terms(z, c.y_eff, c).mean(dim=1)


def grad_z(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    """α_t·[(p − y)·q^γ − γ·BCE·q^(γ−1)·p(1 − p)(2y − 1)]/N with q = 1 − p_t, in logs so
    it stays finite where p rounds to 0 or 1 (there q^(γ−1)·p(1 − p) → q^γ·… → 0)."""
    y = c.y_eff
    log_p, log_1mp = F.logsigmoid(z), F.logsigmoid(-z)
    log_q = torch.logaddexp(log_p + torch.log1p(-y), log_1mp + torch.log(y))
    bce = -(y * log_p + (1 - y) * log_1mp)
    if c.gamma == 0:
        modulation, d_modulation = torch.ones_like(z), torch.zeros_like(z)
    else:
        modulation = torch.exp(c.gamma * log_q)
        d_modulation = -c.gamma * (2 * y - 1) * torch.exp((c.gamma - 1) * log_q + log_p
                                                          + log_1mp)
    alpha_t = (c.alpha * y + (1 - c.alpha) * (1 - y)) if c.alpha >= 0 else torch.ones_like(z)
    return alpha_t * ((torch.sigmoid(z) - y) * modulation + bce * d_modulation) / z.numel()


SPEC = ClassifierLoss(
    info=CLASSIFIER[6], value=value, grad_z=grad_z, rows=rows, terms=terms,
    formula=QT_TRANSLATE_NOOP("Losses", "L = (1/N)·Σ_i α_t·(1 − p_t)^γ·BCE(z_i, y_i),  p = σ(z),"
                                        "  p_t = p·y + (1 − p)(1 − y),  α_t = α·y + (1 − α)"
                                        "(1 − y) (α < 0: 1)"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂a_i = α_t·[(p − y)·(1 − p_t)^γ − γ·BCE·"
                                         "(1 − p_t)^(γ−1)·p(1 − p)(2y − 1)]/(N·T)"),
    torch_call="sigmoid_focal_loss(z, y_eff, alpha=alpha, gamma=gamma, reduction=\"mean\")"
               "  # torchvision's definition",
)

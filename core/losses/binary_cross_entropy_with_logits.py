"""Binary cross-entropy on the logits: each class an independent yes/no against y_eff_i.

Computed from log σ(z) directly, so it stays exact where σ(z) rounds to 0 or 1."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.classifier import DTYPE
from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER
from core.losses.spec import ClassifierInputs, ClassifierLoss


def value(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(
        z, c.y_eff, pos_weight=torch.tensor(c.pos_weight, dtype=DTYPE))


def terms(z: torch.Tensor, y: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(
        z, y.expand(z.shape[0], -1), pos_weight=torch.tensor(c.pos_weight, dtype=DTYPE),
        reduction="none")


def rows(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return terms(z, c.y_eff, c).mean(dim=1)


def grad_z(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    y = c.y_eff
    # 1 − σ(z) as σ(−z): exact where σ(z) rounds to 1
    return ((1.0 - y) * torch.sigmoid(z) - c.pos_weight * y * torch.sigmoid(-z)) / z.numel()


SPEC = ClassifierLoss(
    info=CLASSIFIER[4], value=value, grad_z=grad_z, rows=rows, terms=terms,
    formula=QT_TRANSLATE_NOOP("Losses", "L = −(1/N)·Σ_i [pw·y_i·log σ(z_i) + (1 − y_i)·"
                                        "log(1 − σ(z_i))],  z = a/T,  y = y_eff"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂a_i = ((1 − y_i)·σ(z_i) − pw·y_i·(1 − σ(z_i)))"
                                         "/(N·T);  pw = 1: (σ(z_i) − y_i)/(N·T)"),
    torch_call="F.binary_cross_entropy_with_logits(z, y_eff, pos_weight=torch.tensor(pw))",
)

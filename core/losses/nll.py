"""NLL on log_softmax: cross-entropy split in two, CE = NLL ∘ log_softmax (with ε = 0).

It takes the class index only: no probabilities, no label smoothing, no weights."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER
from core.losses.spec import ClassifierInputs, ClassifierLoss


def value(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.nll_loss(F.log_softmax(z, dim=0).unsqueeze(0), c.index_tensor())


def rows(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.nll_loss(F.log_softmax(z, dim=1), c.index_tensor(z.shape[0]), reduction="none")


def grad_z(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    g = torch.softmax(z, dim=0)
    g[c.target] -= 1.0
    return g


SPEC = ClassifierLoss(
    info=CLASSIFIER[2], value=value, grad_z=grad_z, rows=rows,
    formula=QT_TRANSLATE_NOOP("Losses", "L = −log_softmax(a/T)_y  (class index y; "
                                        "CE = NLL ∘ log_softmax when ε = 0)"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂a = (p − onehot(y))/T"),
    torch_call="F.nll_loss(F.log_softmax(z, dim=0).unsqueeze(0), target)",
)

"""KL divergence of y_eff from the softmax, reduction batchmean (knowledge distillation).

KL = CE − H(y_eff): the entropy of the target does not depend on the logits, so KL's
gradient is cross-entropy's."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER
from core.losses.spec import ClassifierInputs, ClassifierLoss


def value(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.kl_div(F.log_softmax(z, dim=0).unsqueeze(0), c.y_eff.unsqueeze(0),
                    reduction="batchmean")


def rows(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    """batchmean of a batch of one is the sum over the classes."""
    return F.kl_div(F.log_softmax(z, dim=1), c.y_eff.expand(z.shape[0], -1),
                    reduction="none").sum(dim=1)


def grad_z(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return c.y_eff.sum() * torch.softmax(z, dim=0) - c.y_eff


def target_entropy(c: ClassifierInputs) -> float:
    """H(y_eff) = −Σ y log y (0·log 0 = 0): the gap between CE and KL."""
    return float(-torch.special.xlogy(c.y_eff, c.y_eff).sum())


SPEC = ClassifierLoss(
    info=CLASSIFIER[3], value=value, grad_z=grad_z, rows=rows,
    formula=QT_TRANSLATE_NOOP("Losses", "L = Σ_i y_eff,i·(log y_eff,i − log p_i) "
                                        "= CE(y_eff) − H(y_eff)"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂a = (p − y_eff)/T  (CE's: H(y_eff) does not "
                                         "depend on a)"),
    torch_call='F.kl_div(F.log_softmax(z, dim=0).unsqueeze(0), y_eff.unsqueeze(0), '
               'reduction="batchmean")',
)

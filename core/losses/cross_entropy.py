"""Cross-entropy on the logits, with label smoothing and optional class weights.

torch's mean over a batch of one divides by the target class's weight when the target is
an index, so with weights w the loss is -Σ v_c·log p_c with v = w⊙y_eff / w_y (index) or
v = w⊙y_eff (probabilities); without weights v = y_eff.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER
from core.losses.spec import ClassifierInputs, ClassifierLoss


def value(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    target = c.index_tensor() if c.target is not None else c.probabilities.unsqueeze(0)
    return F.cross_entropy(z.unsqueeze(0), target, weight=c.class_weights,
                           label_smoothing=c.label_smoothing)


def rows(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    b = z.shape[0]
    target = (c.index_tensor(b) if c.target is not None
              else c.probabilities.expand(b, -1))
    loss = F.cross_entropy(z, target, weight=c.class_weights,
                           label_smoothing=c.label_smoothing, reduction="none")
    if c.class_weights is not None and c.target is not None:
        loss = loss / c.class_weights[c.target]  # what the mean divides a batch of one by
    return loss


def weighted_target(c: ClassifierInputs) -> torch.Tensor:
    """v: the weights each log p_c is taken with."""
    if c.class_weights is None:
        return c.y_eff
    v = c.class_weights * c.y_eff
    return v / c.class_weights[c.target] if c.target is not None else v


def grad_z(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    v = weighted_target(c)
    return v.sum() * torch.softmax(z, dim=0) - v


SPEC = ClassifierLoss(
    info=CLASSIFIER[0], value=value, grad_z=grad_z, rows=rows,
    formula=QT_TRANSLATE_NOOP(
        "Losses", "L = −Σ_c v_c·log p_c,  p = softmax(a/T),  v = y_eff (no weights); with "
                  "class weights w: v = w⊙y_eff / w_target (index target) or w⊙y_eff"),
    gradient=QT_TRANSLATE_NOOP(
        "Losses", "∂L/∂a = ((Σ_c v_c)·p − v)/T;  without weights (p − y_eff)/T"),
    torch_call="F.cross_entropy(z.unsqueeze(0), target, weight=w, label_smoothing=eps)",
)

"""The multi-class hinge (F.multi_margin_loss): zero, with zero gradient, once the target's
z beats every other by the margin — the flat region beyond the margin."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER
from core.losses.spec import ClassifierInputs, ClassifierLoss


def value(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.multi_margin_loss(z.unsqueeze(0), c.index_tensor(), p=c.p, margin=c.margin)


def rows(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.multi_margin_loss(z, c.index_tensor(z.shape[0]), p=c.p, margin=c.margin,
                               reduction="none")


def grad_z(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    """p·h^(p−1)·[h > 0]/N for i ≠ y (torch takes 0 at h = 0), minus their sum at y."""
    h = c.margin - z[c.target] + z
    active = (h > 0).to(z.dtype)
    active[c.target] = 0.0
    g = active * (c.p * h ** (c.p - 1)) / z.numel()
    g[c.target] = -g.sum()
    return g


def kink_points(a: torch.Tensor, c: ClassifierInputs) -> list[tuple[int, float, str]]:
    """h_i = 0 for each i ≠ y, reached by moving a_i to a_y − margin·T, or a_y to
    a_i + margin·T, the other logits as they are."""
    y, shift = c.target, c.margin * c.temperature
    others = [i for i in range(a.numel()) if i != y]
    return ([(i, float(a[y]) - shift, f"a_{i} = a_{y} − margin·T") for i in others]
            + [(y, float(a[i]) + shift, f"a_{y} = a_{i} + margin·T") for i in others])


SPEC = ClassifierLoss(
    info=CLASSIFIER[7], value=value, grad_z=grad_z, rows=rows,
    formula=QT_TRANSLATE_NOOP("Losses", "L = (1/N)·Σ_{i≠y} max(0, margin − z_y + z_i)^p,"
                                        "  z = a/T"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂a_i = p·h_i^(p−1)·[h_i > 0]/(N·T) for i ≠ y,"
                                         "  h_i = margin − z_y + z_i;  ∂L/∂a_y = −Σ_{i≠y} "
                                         "∂L/∂a_i  (at h_i = 0 torch takes 0)"),
    torch_call="F.multi_margin_loss(z.unsqueeze(0), target, p=p, margin=margin)",
    kinks=QT_TRANSLATE_NOOP("Losses", "h_i = 0, i.e. a_i = a_y − margin·T (p = 1: a corner; "
                                      "p = 2: only the curvature jumps)"),
    kink_points=kink_points,
)

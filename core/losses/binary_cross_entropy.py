"""Binary cross-entropy on probabilities σ(z): the form that saturates.

torch clamps each log at −100 and its backward divides by max(σ(1 − σ), 1e-12): once σ(z)
rounds to 1 (z ≳ 37 in float64, ≳ 17 in float32) the loss sticks at 100 with gradient 0,
and from |z| ≈ 27.6 its gradient already departs from the closed form below — the
disagreement the app shows is torch's, not the formula's."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from core.i18n import QT_TRANSLATE_NOOP
from core.losses.catalog import CLASSIFIER
from core.losses.spec import ClassifierInputs, ClassifierLoss


def value(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.binary_cross_entropy(torch.sigmoid(z), c.y_eff)


def terms(z: torch.Tensor, y: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return F.binary_cross_entropy(torch.sigmoid(z), y.expand(z.shape[0], -1), reduction="none")


def rows(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return terms(z, c.y_eff, c).mean(dim=1)


def torch_departs(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    """Where torch's backward divides by its clamp 1e-12 instead of σ(1 − σ)."""
    sigma = torch.sigmoid(z)
    return sigma * (1 - sigma) < 1e-12


def grad_z(z: torch.Tensor, c: ClassifierInputs) -> torch.Tensor:
    return (torch.sigmoid(z) - c.y_eff) / z.numel()


SPEC = ClassifierLoss(
    info=CLASSIFIER[5], value=value, grad_z=grad_z, rows=rows, terms=terms,
    torch_departs=torch_departs,
    formula=QT_TRANSLATE_NOOP("Losses", "L = −(1/N)·Σ_i [y_i·log σ(z_i) + (1 − y_i)·"
                                        "log(1 − σ(z_i))],  each log clamped at −100 by torch"),
    gradient=QT_TRANSLATE_NOOP("Losses", "∂L/∂a_i = (σ(z_i) − y_i)/(N·T)  (torch's backward "
                                         "divides by max(σ(1 − σ), 1e-12): it departs from "
                                         "this for |z| ≳ 27.6 and is 0 once σ rounds to 0 "
                                         "or 1)"),
    torch_call="F.binary_cross_entropy(torch.sigmoid(z), y_eff)",
)

"""Every loss of the family by name: classifier losses (on the logits) and regression
losses (on ŷ = w·x + b), in the catalog's order."""

from __future__ import annotations

from core.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    huber,
    kl_div,
    l1,
    mse,
    multi_margin,
    nll,
    regression_mse,
    sigmoid_focal,
    smooth_l1,
)
from core.losses.spec import ClassifierLoss, RegressionLoss

CLASSIFIER_LOSSES: dict[str, ClassifierLoss] = {m.SPEC.name: m.SPEC for m in (
    cross_entropy, mse, nll, kl_div, binary_cross_entropy_with_logits, binary_cross_entropy,
    sigmoid_focal, multi_margin)}
REGRESSION_LOSSES: dict[str, RegressionLoss] = {m.SPEC.name: m.SPEC for m in (
    regression_mse, l1, huber, smooth_l1)}

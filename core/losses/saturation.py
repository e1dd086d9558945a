"""Why binary_cross_entropy on σ(z) is the worse choice, measured in a given precision.

With label 0 and z large, σ(z) rounds to exactly 1; torch clamps log(1 − σ) = log 0 at −100,
so the loss sticks at 100 and its gradient is 0. binary_cross_entropy_with_logits never
forms σ(z): its loss stays z and its gradient σ(z) − y = 1. The onset depends on the dtype
(z ≈ 36.7 in float64, ≈ 16.6 in float32) and is found here by torch, not written down.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class BinaryPoint:
    """Both binary losses of one logit z against one label, in one dtype, by torch."""

    z: float
    label: float
    sigma: float
    bce: float                  # F.binary_cross_entropy(σ(z), y)
    bce_grad: float             # its ∂/∂z by autograd
    with_logits: float          # F.binary_cross_entropy_with_logits(z, y)
    with_logits_grad: float


def binary_point(z: float, label: float, dtype: torch.dtype = torch.float64) -> BinaryPoint:
    y = torch.tensor(label, dtype=dtype)
    z_a = torch.tensor(z, dtype=dtype, requires_grad=True)
    sigma = torch.sigmoid(z_a)
    bce = F.binary_cross_entropy(sigma, y)
    (bce_grad,) = torch.autograd.grad(bce, z_a)
    z_b = torch.tensor(z, dtype=dtype, requires_grad=True)
    logits_loss = F.binary_cross_entropy_with_logits(z_b, y)
    (logits_grad,) = torch.autograd.grad(logits_loss, z_b)
    return BinaryPoint(z=z, label=label, sigma=float(sigma.detach()), bce=float(bce.detach()),
                       bce_grad=float(bce_grad), with_logits=float(logits_loss.detach()),
                       with_logits_grad=float(logits_grad))


def saturation_onset(dtype: torch.dtype = torch.float64) -> float:
    """The smallest z (to within 1e-9) at which torch.sigmoid(z) rounds to exactly 1 in
    dtype, by bisection on torch's own sigmoid."""
    def saturated(z: float) -> bool:
        return bool(torch.sigmoid(torch.tensor(z, dtype=dtype)) == 1)

    low, high = 0.0, 1.0
    while not saturated(high):
        low, high = high, 2 * high
    while high - low > 1e-9:
        mid = (low + high) / 2
        low, high = (low, mid) if saturated(mid) else (mid, high)
    return high

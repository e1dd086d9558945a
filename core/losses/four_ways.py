"""A loss's gradient four ways: torch.autograd.grad, backward()/.grad, the closed form, and
central finite differences with an error estimate.

The finite differences are the independent check that needs no calculus: (L(θ+h) −
L(θ−h))/2h at two step sizes h and 2h, whose gap bounds the truncation error (taken whole,
not Richardson's third, so it also holds where the curvature jumps, e.g. Huber at ±δ),
plus the rounding error ε·|L|/h. At a corner (L1 at 0, the hinge at the margin) a central
difference is the mean of the two one-sided slopes whatever h is, so the two step sizes
agree; a corner is told from curvature by the second difference L(θ+h) − 2L(θ) + L(θ−h),
which grows like h there (like h² where L is smooth): the coordinate is flagged
(`at_corner`) and half the jump joins the error estimate. The kink inspector
(core.losses.kinks) shows such a point in full.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from core.arrays import frozen
from core.classifier import DTYPE

EPS = float(np.finfo(np.float64).eps)
STEP = EPS ** (1 / 3)   # the central difference's best relative step in float64
# the exact ways agree when within this of the gradient's size (float64's rounding through
# a few operations: 1e-12 leaves room for thousands of them)
AGREE_RELATIVE = 1e-12


@dataclass(frozen=True)
class FourWays:
    """One gradient, four independent ways; each an array over the coordinates."""

    autograd: np.ndarray
    backward: np.ndarray
    formula: np.ndarray
    finite_difference: np.ndarray
    finite_difference_error: np.ndarray   # an estimate of |finite_difference − true|
    at_corner: np.ndarray                 # bool: the differences straddle a corner here

    @property
    def exact_max_abs_diff(self) -> float:
        """Largest disagreement between the three exact ways (as the app shows for CE/MSE)."""
        return _max_pairwise((self.autograd, self.backward, self.formula))

    @property
    def max_abs_diff(self) -> float:
        """Largest disagreement between all four ways, finite differences included."""
        return _max_pairwise((self.autograd, self.backward, self.formula,
                              self.finite_difference))

    @property
    def finite_difference_gap(self) -> float:
        """How far the central differences are from the closed form, at most."""
        return float(np.nanmax(np.abs(self.finite_difference - self.formula), initial=0.0))

    @property
    def differences_taken(self) -> int:
        """How many coordinates have a central difference (all but at large N)."""
        return int(np.count_nonzero(~np.isnan(self.finite_difference)))

    def verdict(self, scale: float) -> str:
        """"corner": the exact three agree (within AGREE_RELATIVE of the gradient's scale, at
        least `scale`, e.g. 1/T) and the differences straddle a kink; "agree": they agree
        and the differences are within their own error estimate; else "disagree"."""
        tolerance = AGREE_RELATIVE * max(scale, float(np.max(np.abs(self.formula))))
        exact = self.exact_max_abs_diff <= tolerance
        taken = ~np.isnan(self.finite_difference)
        within = bool(np.all(np.abs(self.finite_difference - self.formula)[taken]
                             <= self.finite_difference_error[taken] + tolerance))
        if exact and bool(self.at_corner.any()):
            return "corner"   # on a kink: the differences average the two sides
        return "agree" if exact and within else "disagree"


def _max_pairwise(ways: tuple[np.ndarray, ...]) -> float:
    """The largest |difference| of any two ways at any coordinate (a coordinate whose
    central difference was not taken, NaN, left out)."""
    return float(max(np.nanmax(np.abs(u - v), initial=0.0)
                     for i, u in enumerate(ways) for v in ways[i + 1:]))


def steps_for(theta: torch.Tensor, scale: float) -> torch.Tensor:
    """h_i = ε^(1/3)·max(|θ_i|, scale): relative to the coordinate, never below its scale."""
    return STEP * torch.clamp(theta.abs(), min=scale)


def central_differences(batch_loss: Callable[[torch.Tensor], torch.Tensor],
                        theta: torch.Tensor, h: torch.Tensor, first: int | None = None
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(D(h), error estimate, at a corner) for every coordinate — or only the `first` ones,
    the others NaN (and not at a corner) — all 4·m + 1 evaluations in one batch.

    batch_loss maps rows of θ (B, n) to the loss of each row (B,). The step actually taken,
    (θ+h) − (θ−h) in floating point, is the divisor. Each row is a whole θ, so the cost is
    O(m·n): at n = 1024 all of them take ~100 ms, which the window's frame cannot pay.
    """
    n = theta.numel()
    m = n if first is None else min(first, n)
    eye = torch.eye(n, dtype=DTYPE)[:m]
    rows, spans = [], []
    for k in (1.0, 2.0):
        plus, minus = theta + k * h[:m, None] * eye, theta - k * h[:m, None] * eye
        rows += [plus, minus]
        spans.append(plus.diagonal() - minus.diagonal())
    with torch.no_grad():
        values = batch_loss(torch.cat([*rows, theta[None, :]]))
    d, error, corner = _estimate(*values.split([m, m, m, m, 1]), spans, h[:m])
    if m == n:
        return d, error, corner
    pad = np.full(n - m, np.nan)
    return (frozen(np.concatenate([d, pad])), frozen(np.concatenate([error, pad])),
            np.concatenate([corner, np.zeros(n - m, dtype=bool)]))


def separable_differences(terms: Callable[[torch.Tensor], torch.Tensor], theta: torch.Tensor,
                          h: torch.Tensor) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """central_differences for a loss that is the mean of one term per coordinate:
    L(θ + h·e_i) = (Σ_k t_k(θ) − t_i(θ) + t_i(θ_i + h_i))/n, so five rows of terms — θ and
    every coordinate moved by ±h, ±2h at once — give all 4·n + 1 values in O(n).

    terms maps rows of θ (B, n) to each row's per-coordinate terms (B, n).
    """
    n = theta.numel()
    shifted = [theta + h, theta - h, theta + 2 * h, theta - 2 * h]
    spans = [shifted[0] - shifted[1], shifted[2] - shifted[3]]
    with torch.no_grad():
        t = terms(torch.stack([*shifted, theta]))
    t0 = t[4]
    rest = t0.sum() - t0            # the other terms, for each coordinate moved
    moved = [(rest + t[k]) / n for k in range(4)]
    return _estimate(*moved, (t0.sum() / n).reshape(1), spans, h)


def _estimate(f_plus1: torch.Tensor, f_minus1: torch.Tensor, f_plus2: torch.Tensor,
              f_minus2: torch.Tensor, f0: torch.Tensor, spans: list[torch.Tensor],
              h: torch.Tensor) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """D(h), its error estimate and the corner flags from the loss at θ ± h·e_i, θ ± 2h·e_i
    and θ (spans: the steps actually taken, 2h and 4h in floating point)."""
    d1 = (f_plus1 - f_minus1) / spans[0]
    d2 = (f_plus2 - f_minus2) / spans[1]
    level = torch.maximum(torch.maximum(f_plus2.abs(), f_minus2.abs()), f0.abs())
    rounding = EPS * level / h
    # second differences: ≈ h²·L'' (×4 at 2h) where L is smooth, ≈ h·jump (×2) at a corner
    second1 = (f_plus1 - 2 * f0 + f_minus1).abs()
    second2 = (f_plus2 - 2 * f0 + f_minus2).abs()
    # Rounding inside a loss is relative to its intermediate values, which can be O(1)
    # while L is tiny (log-sum-exp near 0): the noise floor is taken as at least 64·ε.
    noise = 64 * EPS * torch.clamp(level, min=1.0)
    # smooth: second2 = 4·second1 to second order; any clear departure from 4 means a
    # kink within 2h (a corner between h/2 and 2h/3 gives a ratio between 3 and 4, and
    # |d1 − d2| then underestimates the error: the review measured up to 2×)
    corner = (second1 > noise) & ((second2 - 4 * second1).abs() > 0.5 * second1)
    # |d1 − d2| alone misses a corner between h/2 and 2h/3 (second2 ≈ 4·second1 there):
    # the departure from 4·second1, O(h⁴) where L is smooth, covers it
    error = ((d1 - d2).abs() + rounding + (second2 - 4 * second1).abs() / spans[0]
             + torch.where(corner, second1 / spans[0], 0.0))
    return frozen(d1), frozen(error), corner.numpy().copy()


def four_ways(loss: Callable[[torch.Tensor], torch.Tensor],
              formula: Callable[[torch.Tensor], torch.Tensor],
              batch_loss: Callable[[torch.Tensor], torch.Tensor],
              theta: tuple[float, ...], scale: float,
              terms: Callable[[torch.Tensor], torch.Tensor] | None = None,
              first: int | None = None) -> tuple[float, FourWays]:
    """The loss value at θ and its gradient four ways.

    loss maps a 1-D θ to the scalar loss with torch's own function; formula maps θ to the
    closed-form gradient; batch_loss maps rows of θ (B, n) to the loss of each (B,), for
    the finite differences — or, for a mean of one term per coordinate, terms maps rows to
    their terms (B, n) and the differences cost O(n) (separable_differences). `first`
    limits the (full-row) differences to the first coordinates.
    """
    a = torch.tensor(theta, dtype=DTYPE, requires_grad=True)
    value = loss(a)
    (g_autograd,) = torch.autograd.grad(value, a)
    leaf = torch.tensor(theta, dtype=DTYPE, requires_grad=True)
    loss(leaf).backward()
    with torch.no_grad():
        g_formula = formula(a.detach())
    base = a.detach()
    h = steps_for(base, scale)
    fd, error, corner = (central_differences(batch_loss, base, h, first) if terms is None
                         else separable_differences(terms, base, h))
    corner.setflags(write=False)
    ways = FourWays(autograd=frozen(g_autograd), backward=frozen(leaf.grad),
                    formula=frozen(g_formula), finite_difference=fd,
                    finite_difference_error=error, at_corner=corner)
    return float(value.detach()), ways


def finite_or_none(x: float) -> float | None:
    return x if math.isfinite(x) else None

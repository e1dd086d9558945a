"""Loss surfaces over two logits (a_i, a_j), the others held fixed, on a whole grid at once.

With the other logits fixed, everything they contribute collapses into a few constants:
their log-sum-exp L_R and, for MSE, Σq², Σq·y and Σy² of their within-group softmax q.
So one batched torch computation costs O(grid²) whatever N is, and stays exact (it is the
same algebra as the full softmax, which the tests check point by point).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core.arrays import frozen
from core.classifier import DTYPE, effective_target
from core.state import State


@dataclass(frozen=True)
class LossSurface:
    """values[r, c] is the loss at (x = xs[c], y = ys[r])."""

    loss: str
    axes: tuple[int, int]
    xs: np.ndarray
    ys: np.ndarray
    values: np.ndarray

    @property
    def finite_range(self) -> tuple[float, float]:
        finite = self.values[np.isfinite(self.values)]
        return (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)


def grid_axis(lo: float, hi: float, n: int) -> torch.Tensor:
    return torch.linspace(lo, hi, n, dtype=DTYPE)


def logit_surfaces(state: State, losses: tuple[str, ...] = ("cross_entropy", "mse")
                   ) -> dict[str, LossSurface]:
    """The asked-for surfaces (CE and/or MSE) over (a_i, a_j) on the state's grid, in one pass."""
    i, j = state.surface.axes
    lo, hi = state.surface.range
    n = state.n_classes
    t = state.temperature
    axis = grid_axis(lo, hi, state.surface.grid)
    zi = (axis / t).unsqueeze(0)          # varies along columns (x = a_i)
    zj = (axis / t).unsqueeze(1)          # varies along rows (y = a_j)

    z = torch.tensor(state.logits, dtype=DTYPE) / t
    y = effective_target(state)
    rest = torch.ones(n, dtype=torch.bool)
    rest[[i, j]] = False
    z_rest, y_rest = z[rest], y[rest]
    if z_rest.numel():
        lse_rest = torch.logsumexp(z_rest, dim=0)
        q_rest = torch.exp(z_rest - lse_rest)
    else:
        lse_rest = torch.tensor(-torch.inf, dtype=DTYPE)
        q_rest = z_rest
    sum_qq = torch.dot(q_rest, q_rest)
    sum_qy = torch.dot(q_rest, y_rest)
    sum_yy = torch.dot(y_rest, y_rest)

    xs = frozen(axis)
    out: dict[str, LossSurface] = {}
    if "cross_entropy" in losses:
        ce = _log_loss(zi, zj, z_rest, lse_rest, y, i, j, rest)
        out["cross_entropy"] = LossSurface("cross_entropy", (i, j), xs, xs, frozen(ce))
    if "mse" not in losses:
        return out

    # The three groups' probabilities from exponentials shifted by the largest exponent:
    # exp(z - lse) would carry lse's rounding (|lse|·eps) into every p for large logits.
    top = torch.maximum(torch.maximum(zi, zj), lse_rest)
    p_i = torch.exp(zi - top)
    p_j = torch.exp(zj - top)
    s = torch.exp(lse_rest - top)         # the probability mass of the other classes
    total = p_i + p_j + s
    p_i.div_(total)
    p_j.div_(total)
    s.div_(total)
    # Σ_rest (s·q_k - y_k)² = s²Σq² - 2sΣqy + Σy², clamped at 0 against rounding
    mse = (s * (s * sum_qq - 2.0 * sum_qy) + sum_yy).clamp_min_(0.0)
    mse += (p_i - y[i]).square_()
    mse += (p_j - y[j]).square_()
    if state.reduction == "mean":
        mse /= n

    out["mse"] = LossSurface("mse", (i, j), xs, xs, frozen(mse))
    return out


def _log_loss(zi: torch.Tensor, zj: torch.Tensor, z_rest: torch.Tensor, lse_rest: torch.Tensor,
              v: torch.Tensor, i: int, j: int, rest: torch.Tensor) -> torch.Tensor:
    """−Σ v_k log p_k on the grid, stably and in one 2-D operation: log-sum-exp over the
    three groups (a_i, a_j, the rest), the rest folded into the a_i axis first (1-D)."""
    lse = torch.logaddexp(zj, torch.logaddexp(zi, lse_rest))
    # −Σ v_k log p_k = lse·Σv − Σ v_k z_k; the second sum is an outer sum.
    return lse.mul_(v.sum()).sub_(v[i] * zi + torch.dot(v[rest], z_rest)).sub_(v[j] * zj)


def weighted_log_loss_surface(state: State, v: torch.Tensor) -> torch.Tensor:
    """−Σ v_k log p_k over (a_i, a_j) on the state's grid, for any weights v that do not
    depend on the logits: cross-entropy (v = y_eff, or weighted), NLL, KL less a constant."""
    i, j = state.surface.axes
    t = state.temperature
    axis = grid_axis(*state.surface.range, state.surface.grid)
    z = torch.tensor(state.logits, dtype=DTYPE) / t
    rest = torch.ones(state.n_classes, dtype=torch.bool)
    rest[[i, j]] = False
    z_rest = z[rest]
    lse_rest = (torch.logsumexp(z_rest, dim=0) if z_rest.numel()
                else torch.tensor(-torch.inf, dtype=DTYPE))
    return _log_loss((axis / t).unsqueeze(0), (axis / t).unsqueeze(1), z_rest, lse_rest,
                     v, i, j, rest)

"""The note's MSE example made general: fit ŷ = w·x + b, its loss, gradients, surface and descent.

Depends only on the regression part of the State (its data, line, descent and its own
reduction), so it is memoised on that (frozen and hashable): dragging a logit, or changing
the classifier's reduction, does not recompute it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import torch
import torch.nn.functional as F

from core.arrays import frozen
from core.classifier import DTYPE
from core.state import Reduction, Regression
from core.surfaces import LossSurface, grid_axis

SLICE_POINTS = 201
# Beyond this a descent path has diverged; it stops there rather than overflow.
DIVERGED_ABOVE = 1e12


@dataclass(frozen=True)
class RegressionResult:
    prediction: np.ndarray
    residuals: np.ndarray
    loss: float
    grad_w: float            # by torch.autograd.grad
    grad_b: float
    grad_w_formula: float    # 2·Σ(ŷ - y)·x (÷ M for the mean)
    grad_b_formula: float
    surface: LossSurface     # loss over (w, b)
    slice_w: np.ndarray      # L(w) at the current b, for the 1-D view
    slice_loss: np.ndarray
    path: np.ndarray         # (steps + 1, 2): (w, b) after each gradient-descent step
    path_loss: np.ndarray
    diverged: bool

    @property
    def max_abs_diff(self) -> float:
        return max(abs(self.grad_w - self.grad_w_formula), abs(self.grad_b - self.grad_b_formula))


def _scale(m: int, reduction: Reduction) -> float:
    return 1.0 / m if reduction == "mean" else 1.0


def _descent(x: torch.Tensor, y: torch.Tensor, reg: Regression
             ) -> tuple[np.ndarray, np.ndarray, bool]:
    """Plain gradient descent from (w, b): θ ← θ - lr·∇L, with the closed-form gradient."""
    scale = _scale(x.numel(), reg.reduction)
    w, b = reg.w, reg.b
    path, losses = [], []
    diverged = False
    for step in range(reg.steps + 1):
        r = w * x + b - y
        path.append((w, b))
        losses.append(float(scale * torch.dot(r, r)))
        if step == reg.steps:
            break
        w = w - reg.learning_rate * 2.0 * scale * float(torch.dot(r, x))
        b = b - reg.learning_rate * 2.0 * scale * float(r.sum())
        if not (math.isfinite(w) and math.isfinite(b)) or max(abs(w), abs(b)) > DIVERGED_ABOVE:
            diverged = True
            break
    return frozen(np.array(path)), frozen(np.array(losses)), diverged


@lru_cache(maxsize=16)
def compute_regression(reg: Regression) -> RegressionResult:
    reduction = reg.reduction
    x = torch.tensor(reg.x, dtype=DTYPE)
    y = torch.tensor(reg.y, dtype=DTYPE)
    m = x.numel()
    scale = _scale(m, reduction)

    w = torch.tensor(reg.w, dtype=DTYPE, requires_grad=True)
    b = torch.tensor(reg.b, dtype=DTYPE, requires_grad=True)
    prediction = w * x + b
    loss = F.mse_loss(prediction, y, reduction=reduction)
    grad_w, grad_b = torch.autograd.grad(loss, [w, b])

    with torch.no_grad():
        residuals = prediction.detach() - y
        grad_w_formula = 2.0 * scale * torch.dot(residuals, x)
        grad_b_formula = 2.0 * scale * residuals.sum()

        # L(w, b) = scale·Σ((w·u - v) + c)², u = x - x̄, v = y - ȳ, c = w·x̄ + b - ȳ. Since
        # Σu = Σv = 0 the cross term vanishes: L = scale·Σ(w·u - v)² + scale·M·c², a w-only
        # part (broadcast over the data once per w) plus an exact square.
        ws = grid_axis(*reg.w_range, reg.grid)
        bs = grid_axis(*reg.b_range, reg.grid)
        u, v = x - x.mean(), y - y.mean()
        spread = scale * ((ws[:, None] * u[None, :] - v[None, :]) ** 2).sum(dim=1)
        c = ws[None, :] * x.mean() + bs[:, None] - y.mean()
        surface = spread[None, :] + scale * m * c * c

        slice_w = grid_axis(*reg.w_range, SLICE_POINTS)
        r_slice = slice_w[:, None] * x[None, :] + reg.b - y[None, :]
        slice_loss = scale * (r_slice * r_slice).sum(dim=1)

        path, path_loss, diverged = _descent(x, y, reg)

    return RegressionResult(
        prediction=frozen(prediction.detach()),
        residuals=frozen(residuals),
        loss=float(loss.detach()),
        grad_w=float(grad_w),
        grad_b=float(grad_b),
        grad_w_formula=float(grad_w_formula),
        grad_b_formula=float(grad_b_formula),
        surface=LossSurface("regression_mse", (0, 1), frozen(ws), frozen(bs), frozen(surface)),
        slice_w=frozen(slice_w),
        slice_loss=frozen(slice_loss),
        path=path,
        path_loss=path_loss,
        diverged=diverged,
    )

"""The note's MSE example made general: fit ŷ = w·x + b with any regression loss of the
family (MSE, L1, Huber, SmoothL1): its value, gradients, surface, slice, descent and kinks.

Depends only on the regression part of the State (its data, line, descent, its own
reduction, its loss and δ, β), so it is memoised on that (frozen and hashable): dragging a
logit, or changing the classifier's reduction, does not recompute it.

MSE keeps its own structured paths (the surface in O(grid² + grid·M), the closed forms as
2·Σr·x), so its numbers are those of every earlier release; the other losses go through
their LossSpec (core.losses.registry): torch's own function for the value, `grad_pred` for
the closed form, `rows` for the surface (O(grid²·M)) and the slice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import torch

from core.arrays import frozen
from core.classifier import DTYPE
from core.losses.kinks import MAX_KINK_POINTS, KinkCheck, regression_kinks
from core.losses.registry import REGRESSION_LOSSES
from core.losses.spec import RegressionInputs, RegressionLoss
from core.losses.views import regression_surface
from core.state import Reduction, Regression, State
from core.surfaces import LossSurface, grid_axis

SLICE_POINTS = 201
# Beyond this a descent path has diverged; it stops there rather than overflow.
DIVERGED_ABOVE = 1e12
# A residual this close to a kink (relative to the size of ŷ and y) sits on it.
KINK_TOLERANCE = 1e-9


@dataclass(frozen=True)
class RegressionKinks:
    """The kink inspector for the chosen loss at the current (w, b).

    `checks` come from core.losses.kinks.regression_kinks: for each of the first
    MAX_KINK_POINTS points and each kink residual r* (in `residuals`' order), b moved so
    that point's residual is r* (w kept): torch's ∂L/∂b there and the two one-sided
    differences. `at_kink` names every point whose residual sits on a kink now.
    """

    residuals: tuple[float, ...]                 # where ℓ(r)'s pieces join
    checks: tuple[KinkCheck, ...]
    at_kink: tuple[tuple[int, float], ...]       # (point index, r*) for every point on one
    nearest: int                                 # the inspected point nearest to a kink

    @property
    def points(self) -> int:
        """How many points have checks."""
        return len(self.checks) // max(1, len(self.residuals))

    def of_point(self, k: int) -> tuple[KinkCheck, ...]:
        """The checks of point k, one per kink residual."""
        n = len(self.residuals)
        return self.checks[k * n:(k + 1) * n]


@dataclass(frozen=True)
class RegressionResult:
    prediction: np.ndarray
    residuals: np.ndarray
    loss: float              # the chosen loss, by torch's own function
    grad_w: float            # by torch.autograd.grad
    grad_b: float
    grad_w_formula: float    # Σ ℓ'(ŷ - y)·x (÷ M for the mean); MSE: 2·Σ(ŷ - y)·x
    grad_b_formula: float
    surface: LossSurface     # loss over (w, b)
    slice_w: np.ndarray      # L(w) at the current b, for the 1-D view
    slice_loss: np.ndarray
    path: np.ndarray         # (steps + 1, 2): (w, b) after each gradient-descent step
    path_loss: np.ndarray
    diverged: bool
    loss_name: str = "mse"   # the regression loss all of the above is of
    kinks: RegressionKinks | None = None   # None for a smooth loss (MSE)

    @property
    def max_abs_diff(self) -> float:
        return max(abs(self.grad_w - self.grad_w_formula), abs(self.grad_b - self.grad_b_formula))


def _scale(m: int, reduction: Reduction) -> float:
    return 1.0 / m if reduction == "mean" else 1.0


def _mse_descent(x: torch.Tensor, y: torch.Tensor, reg: Regression
                 ) -> tuple[np.ndarray, np.ndarray, bool]:
    """Plain gradient descent from (w, b): θ ← θ - lr·∇L, with MSE's closed-form gradient."""
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


def _closed_form(spec: RegressionLoss, x: torch.Tensor, prediction: torch.Tensor,
                 inputs: RegressionInputs) -> tuple[float, float]:
    """(∂L/∂w, ∂L/∂b) from the loss's closed form ∂L/∂ŷ_k: Σ_k ∂L/∂ŷ_k·(x_k, 1)."""
    g = spec.grad_pred(prediction, inputs)
    return float(torch.dot(g, x)), float(g.sum())


def _descent(spec: RegressionLoss, x: torch.Tensor, inputs: RegressionInputs, reg: Regression
             ) -> tuple[np.ndarray, np.ndarray, bool]:
    """Gradient descent with the chosen loss's closed-form gradient. A fixed step does not
    settle where the gradient jumps (L1: each point pulls with ±1 whatever its distance), so
    the path can oscillate about the minimum: that is the lesson, drawn as it is."""
    w, b = reg.w, reg.b
    path, losses = [], []
    diverged = False
    for step in range(reg.steps + 1):
        prediction = w * x + b
        path.append((w, b))
        losses.append(float(spec.value(prediction, inputs)))
        if step == reg.steps:
            break
        grad_w, grad_b = _closed_form(spec, x, prediction, inputs)
        w = w - reg.learning_rate * grad_w
        b = b - reg.learning_rate * grad_b
        if not (math.isfinite(w) and math.isfinite(b)) or max(abs(w), abs(b)) > DIVERGED_ABOVE:
            diverged = True
            break
    return frozen(np.array(path)), frozen(np.array(losses)), diverged


def _kinks(spec: RegressionLoss, reg: Regression, inputs: RegressionInputs,
           residuals: torch.Tensor, prediction: torch.Tensor) -> RegressionKinks | None:
    if spec.kink_residuals is None:
        return None
    joints = tuple(float(j) for j in spec.kink_residuals(inputs))
    res = residuals.tolist()
    size = np.maximum(1.0, np.maximum(np.abs(prediction.numpy()), np.abs(np.array(reg.y))))
    at_kink = tuple((k, joint) for k, r in enumerate(res) for joint in joints
                    if abs(r - joint) <= KINK_TOLERANCE * size[k])
    inspected = res[:MAX_KINK_POINTS]
    nearest = min(range(len(inspected)),
                  key=lambda k: min(abs(inspected[k] - joint) for joint in joints))
    return RegressionKinks(residuals=joints,
                           checks=regression_kinks(State(regression=reg), reg.loss),
                           at_kink=at_kink, nearest=nearest)


@lru_cache(maxsize=16)
def compute_regression(reg: Regression) -> RegressionResult:
    spec = REGRESSION_LOSSES[reg.loss]
    inputs = RegressionInputs.of(reg)
    reduction = reg.reduction
    x = torch.tensor(reg.x, dtype=DTYPE)
    y = inputs.y
    m = x.numel()
    scale = _scale(m, reduction)
    is_mse = reg.loss == "mse"

    w = torch.tensor(reg.w, dtype=DTYPE, requires_grad=True)
    b = torch.tensor(reg.b, dtype=DTYPE, requires_grad=True)
    prediction = w * x + b
    loss = spec.value(prediction, inputs)   # MSE: F.mse_loss(prediction, y, reduction)
    grad_w, grad_b = torch.autograd.grad(loss, [w, b])

    with torch.no_grad():
        prediction = prediction.detach()
        residuals = prediction - y
        slice_w = grid_axis(*reg.w_range, SLICE_POINTS)
        if is_mse:
            grad_w_formula = float(2.0 * scale * torch.dot(residuals, x))
            grad_b_formula = float(2.0 * scale * residuals.sum())

            # L(w, b) = scale·Σ((w·u - v) + c)², u = x - x̄, v = y - ȳ, c = w·x̄ + b - ȳ.
            # Since Σu = Σv = 0 the cross term vanishes: L = scale·Σ(w·u - v)² + scale·M·c²,
            # a w-only part (broadcast over the data once per w) plus an exact square.
            ws = grid_axis(*reg.w_range, reg.grid)
            bs = grid_axis(*reg.b_range, reg.grid)
            u, v = x - x.mean(), y - y.mean()
            spread = scale * ((ws[:, None] * u[None, :] - v[None, :]) ** 2).sum(dim=1)
            c = ws[None, :] * x.mean() + bs[:, None] - y.mean()
            surface = LossSurface("regression_mse", (0, 1), frozen(ws), frozen(bs),
                                  frozen(spread[None, :] + scale * m * c * c))

            r_slice = slice_w[:, None] * x[None, :] + reg.b - y[None, :]
            slice_loss = scale * (r_slice * r_slice).sum(dim=1)
            path, path_loss, diverged = _mse_descent(x, y, reg)
        else:
            grad_w_formula, grad_b_formula = _closed_form(spec, x, prediction, inputs)
            surface = regression_surface(State(regression=reg), reg.loss)
            slice_loss = spec.rows(slice_w[:, None] * x[None, :] + reg.b, inputs)
            path, path_loss, diverged = _descent(spec, x, inputs, reg)
    kinks = _kinks(spec, reg, inputs, residuals, prediction)   # autograd: not in no_grad

    return RegressionResult(
        prediction=frozen(prediction),
        residuals=frozen(residuals),
        loss=float(loss.detach()),
        grad_w=float(grad_w),
        grad_b=float(grad_b),
        grad_w_formula=grad_w_formula,
        grad_b_formula=grad_b_formula,
        surface=surface,
        slice_w=frozen(slice_w),
        slice_loss=frozen(slice_loss),
        path=path,
        path_loss=path_loss,
        diverged=diverged,
        loss_name=reg.loss,
        kinks=kinks,
    )

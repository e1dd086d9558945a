"""The kink inspector: where a loss's pieces join, the subgradient torch's autograd returns
and the two one-sided differences, which bracket it at a corner (and agree where only the
curvature jumps: Huber at ±δ, SmoothL1 at ±β, the squared hinge)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import torch

from core.classifier import DTYPE
from core.losses.four_ways import EPS
from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES
from core.losses.spec import ClassifierInputs, RegressionInputs
from core.state import State

ONE_SIDED_STEP = math.sqrt(EPS)   # a one-sided difference's best relative step
MAX_KINK_POINTS = 8               # the kinks of the first logits / points only


@dataclass(frozen=True)
class KinkCheck:
    """One kink, inspected along one coordinate (a logit a_i, or the regression's b)."""

    label: str          # e.g. "a_1 = a_0 − margin·T" or "r_2 = +1"
    coordinate: str     # "a_1", "b"
    at: float           # the coordinate's value at the kink
    subgradient: float  # ∂L/∂coordinate by torch.autograd.grad, at the kink
    left: float         # (L(at) − L(at − h))/h
    right: float        # (L(at + h) − L(at))/h
    step: float         # h

    def brackets(self, tolerance: float) -> bool:
        """min(left, right) ≤ torch's subgradient ≤ max(left, right), within tolerance."""
        low, high = sorted((self.left, self.right))
        return low - tolerance <= self.subgradient <= high + tolerance

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _inspect(loss: Callable[[torch.Tensor], torch.Tensor], theta: list[float], i: int,
             label: str, coordinate: str) -> KinkCheck:
    at = theta[i]
    h = ONE_SIDED_STEP * max(1.0, abs(at))
    point = torch.tensor(theta, dtype=DTYPE, requires_grad=True)
    (grad,) = torch.autograd.grad(loss(point), point)
    with torch.no_grad():
        values = []
        for shift in (-h, 0.0, h):
            moved = point.detach().clone()
            moved[i] = at + shift
            values.append(float(loss(moved)))
        span_left = at - (at - h)
        span_right = (at + h) - at
    return KinkCheck(label=label, coordinate=coordinate, at=at, subgradient=float(grad[i]),
                     left=(values[1] - values[0]) / span_left,
                     right=(values[2] - values[1]) / span_right, step=h)


def classifier_kinks(state: State, name: str, most: int = MAX_KINK_POINTS
                     ) -> tuple[KinkCheck, ...]:
    """The `most` nearest kinks of the classifier loss `name` reached by moving one logit,
    the others kept — not one the logits sit on already (the four ways flag those); ()
    for a smooth loss."""
    spec = CLASSIFIER_LOSSES[name]
    if spec.kink_points is None:
        return ()
    c = ClassifierInputs.of(state)
    t = state.temperature
    a = torch.tensor(state.logits, dtype=DTYPE)
    away = [(abs(at - state.logits[i]), i, at, label)
            for i, at, label in spec.kink_points(a, c)
            if abs(at - state.logits[i]) > ONE_SIDED_STEP * max(1.0, abs(at))]
    checks = []
    for _, i, at, label in sorted(away)[:most]:
        theta = list(state.logits)
        theta[i] = at
        checks.append(_inspect(lambda x: spec.value(x / t, c), theta, i, label, f"a_{i}"))
    return tuple(checks)


def regression_kinks(state: State, name: str) -> tuple[KinkCheck, ...]:
    """For each of the first MAX_KINK_POINTS points and each joint residual r*, b moved so
    that point's residual is r* (w and the data kept); () for MSE."""
    spec = REGRESSION_LOSSES[name]
    if spec.kink_residuals is None:
        return ()
    reg = state.regression
    r = RegressionInputs.of(reg)
    x = torch.tensor(reg.x, dtype=DTYPE)

    def loss(theta: torch.Tensor) -> torch.Tensor:
        return spec.value(theta[0] * x + theta[1], r)

    checks = []
    for k in range(min(len(reg.x), MAX_KINK_POINTS)):
        for joint in spec.kink_residuals(r):
            b = reg.y[k] + joint - reg.w * reg.x[k]
            checks.append(_inspect(loss, [reg.w, b], 1, f"r_{k} = {joint:g}", "b"))
    return tuple(checks)

"""Every loss of the family for one State: value by torch, gradient four ways.

The window's own numbers (CE and MSE, every frame) come from core.classifier; this is the
whole family, computed on demand — by `Result.loss_family`, the JSON export and the text
report — so the frame budget does not pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from core.arrays import frozen
from core.classifier import DTYPE
from core.losses.catalog import INDEX_ONLY
from core.losses.four_ways import FourWays, finite_or_none, four_ways
from core.losses.kinks import KinkCheck, classifier_kinks, regression_kinks
from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES
from core.losses.spec import ClassifierInputs, ClassifierLoss, RegressionInputs
from core.state import State


@dataclass(frozen=True)
class LossGradients:
    """One loss at one State: its value and its gradient four ways.

    Classifier losses: the gradient is ∂L/∂a over the N logits. Regression losses: over
    (w, b), so grad.formula[0] is ∂L/∂w and grad.formula[1] is ∂L/∂b.
    """

    name: str
    value: float
    grad: FourWays
    # where torch's own backward is known to depart from the closed form (BCE on σ(z):
    # its clamp), per coordinate; None for a loss without such a place
    torch_departs: np.ndarray | None = None

    @property
    def max_abs_diff(self) -> float:
        return self.grad.max_abs_diff

    def verdict(self, scale: float) -> str:
        """FourWays.verdict, or "departs" where the exact ways disagree because torch's
        backward departs from the closed form, as it is known to (its clamp)."""
        verdict = self.grad.verdict(scale)
        if verdict == "disagree" and self.torch_departs is not None and self.torch_departs.any():
            return "departs"
        return verdict


@dataclass(frozen=True)
class LossFamily:
    classifier: dict[str, LossGradients]   # only the losses that apply to the State
    regression: dict[str, LossGradients]
    classifier_kinks: dict[str, tuple[KinkCheck, ...]]   # only the losses with kinks
    regression_kinks: dict[str, tuple[KinkCheck, ...]]

    def to_dict(self) -> dict[str, Any]:
        """The JSON export's "losses" and "regression_losses" (NaN/inf as null); a loss
        with kinks has "kinks" too, the kink inspector's checks."""
        return {"losses": {k: _with_kinks(_classifier_json(v), self.classifier_kinks.get(k))
                           for k, v in self.classifier.items()},
                "regression_losses": {k: _with_kinks(_regression_json(v),
                                                     self.regression_kinks.get(k))
                                      for k, v in self.regression.items()}}


def applies(state: State, name: str) -> bool:
    """Whether a classifier loss can take this State's target (index-only losses need an
    index)."""
    return state.target_is_index or name not in INDEX_ONLY


def applicable_classifier_losses(state: State) -> tuple[str, ...]:
    return tuple(name for name in CLASSIFIER_LOSSES if applies(state, name))


def _spec_and_inputs(state: State, name: str) -> tuple[ClassifierLoss, ClassifierInputs]:
    """The loss's spec and its inputs from the State; refused when it does not apply."""
    if not applies(state, name):
        raise ValueError(f"loss: {name!r} takes a class index target, and the target is "
                         f"probabilities")
    return CLASSIFIER_LOSSES[name], ClassifierInputs.of(state)


def classifier_loss(state: State, name: str, differences_first: int | None = None
                    ) -> LossGradients:
    """The classifier loss `name` (any that applies) with the State's options; the central
    differences of the first `differences_first` logits only, when given (a loss that is
    not a sum of per-class terms pays O(N) per logit for them)."""
    spec, c = _spec_and_inputs(state, name)
    t = state.temperature
    terms = (None if spec.terms is None
             else lambda rows: spec.terms(rows / t, c.y_eff, c))
    value, ways = four_ways(lambda a: spec.value(a / t, c), lambda a: spec.grad_z(a / t, c) / t,
                            lambda rows: spec.rows(rows / t, c), state.logits, scale=t,
                            terms=terms, first=differences_first)
    departs = None
    if spec.torch_departs is not None:
        z = torch.tensor(state.logits, dtype=DTYPE) / t
        departs = spec.torch_departs(z, c).numpy().copy()
        departs.setflags(write=False)
    return LossGradients(name, value, ways, departs)


@dataclass(frozen=True)
class TorchGradient:
    """One loss's value and its gradient ∂L/∂a as torch's autograd gives it: what the
    softmax and surface views draw (what backward() would hand an optimizer — 0 where
    BCE on σ(z) saturates, not the closed form's value), in O(N): the four ways'
    differences cost O(N²) for a loss that is not a sum of one term per class."""

    name: str
    value: float
    gradient: np.ndarray


def classifier_torch_gradient(state: State, name: str) -> TorchGradient:
    """The same value and autograd gradient as classifier_loss(state, name) gives, alone."""
    spec, c = _spec_and_inputs(state, name)
    a = torch.tensor(state.logits, dtype=DTYPE, requires_grad=True)
    value = spec.value(a / state.temperature, c)
    (gradient,) = torch.autograd.grad(value, a)
    return TorchGradient(name, float(value.detach()), frozen(gradient))


def regression_loss(state: State, name: str) -> LossGradients:
    """The regression loss `name` at the State's (w, b), gradient over (w, b)."""
    spec = REGRESSION_LOSSES[name]
    reg = state.regression
    r = RegressionInputs.of(reg)
    x = torch.tensor(reg.x, dtype=DTYPE)

    def loss(theta: torch.Tensor) -> torch.Tensor:
        return spec.value(theta[0] * x + theta[1], r)

    def formula(theta: torch.Tensor) -> torch.Tensor:
        g = spec.grad_pred(theta[0] * x + theta[1], r)
        return torch.stack((torch.dot(g, x), g.sum()))

    def batch(thetas: torch.Tensor) -> torch.Tensor:
        return spec.rows(thetas[:, :1] * x + thetas[:, 1:], r)

    value, ways = four_ways(loss, formula, batch, (reg.w, reg.b), scale=1.0)
    return LossGradients(name, value, ways)


def loss_family(state: State) -> LossFamily:
    names = applicable_classifier_losses(state)
    return LossFamily(
        classifier={n: classifier_loss(state, n) for n in names},
        regression={n: regression_loss(state, n) for n in REGRESSION_LOSSES},
        classifier_kinks={n: classifier_kinks(state, n) for n in names
                          if CLASSIFIER_LOSSES[n].kink_points is not None},
        regression_kinks={n: regression_kinks(state, n) for n, spec in REGRESSION_LOSSES.items()
                          if spec.kink_residuals is not None})


def _with_kinks(entry: dict[str, Any], kinks: tuple[KinkCheck, ...] | None) -> dict[str, Any]:
    if kinks is not None:
        entry["kinks"] = [{k: finite_or_none(v) if isinstance(v, float) else v
                           for k, v in check.to_dict().items()} for check in kinks]
    return entry


def _floats(values: np.ndarray) -> list[float | None]:
    return [finite_or_none(v) for v in values.tolist()]


def _classifier_json(g: LossGradients) -> dict[str, Any]:
    w = g.grad
    return {"value": finite_or_none(g.value),
            "grad": {"autograd": _floats(w.autograd), "backward": _floats(w.backward),
                     "formula": _floats(w.formula),
                     "finite_difference": _floats(w.finite_difference),
                     "finite_difference_error": _floats(w.finite_difference_error),
                     "finite_difference_at_corner": w.at_corner.tolist()},
            "max_abs_diff": finite_or_none(w.max_abs_diff),
            "exact_max_abs_diff": finite_or_none(w.exact_max_abs_diff)}


def _regression_json(g: LossGradients) -> dict[str, Any]:
    w = g.grad

    def part(i: int) -> dict[str, float | None]:
        ways: dict[str, Any] = {way: finite_or_none(float(getattr(w, way)[i]))
                                for way in ("autograd", "backward", "formula",
                                            "finite_difference", "finite_difference_error")}
        ways["finite_difference_at_corner"] = bool(w.at_corner[i])
        return ways

    return {"value": finite_or_none(g.value), "grad_w": part(0), "grad_b": part(1),
            "max_abs_diff": finite_or_none(w.max_abs_diff),
            "exact_max_abs_diff": finite_or_none(w.exact_max_abs_diff)}

"""The shape of a loss in the family: its torch value, its closed-form gradient, its
formula texts and where it has kinks. One LossSpec per module, gathered in registry.py.

Classifier losses act on the logits a through z = a/T; their `value` and `grad_z` take z
(the closed form is ∂L/∂z; ∂L/∂a = ∂L/∂z / T). Regression losses act on ŷ = w·x + b; their
`grad_pred` is ∂L/∂ŷ_k, from which ∂L/∂w = Σ_k ∂L/∂ŷ_k·x_k and ∂L/∂b = Σ_k ∂L/∂ŷ_k.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from core.classifier import DTYPE, effective_target
from core.losses.catalog import LossInfo
from core.state import Regression, State


@dataclass(frozen=True)
class ClassifierInputs:
    """What a classifier loss needs besides z: the target in every form torch takes, and
    the State's options."""

    temperature: float
    y_eff: torch.Tensor                 # (1 - ε)·y + ε/N
    target: int | None                  # the class index, None for probability targets
    probabilities: torch.Tensor | None  # the given target row (not smoothed), else None
    label_smoothing: float
    reduction: str                      # the classifier's MSE reduction
    class_weights: torch.Tensor | None
    pos_weight: float
    gamma: float
    alpha: float
    margin: float
    p: int

    @classmethod
    def of(cls, state: State) -> ClassifierInputs:
        weights = (None if state.class_weights is None
                   else torch.tensor(state.class_weights, dtype=DTYPE))
        return cls(temperature=state.temperature, y_eff=effective_target(state),
                   target=int(state.target) if state.target_is_index else None,
                   probabilities=(None if state.target_is_index
                                  else torch.tensor(state.target, dtype=DTYPE)),
                   label_smoothing=state.label_smoothing, reduction=state.reduction,
                   class_weights=weights,
                   pos_weight=state.pos_weight, gamma=state.gamma, alpha=state.alpha,
                   margin=state.margin, p=state.p)

    def index_tensor(self, rows: int = 1) -> torch.Tensor:
        """The target as the (rows,) long tensor index-only losses take."""
        assert self.target is not None
        return torch.full((rows,), self.target, dtype=torch.long)


@dataclass(frozen=True)
class RegressionInputs:
    """What a regression loss needs besides ŷ: the data's y, the reduction, δ and β."""

    y: torch.Tensor
    reduction: str
    delta: float
    beta: float

    @classmethod
    def of(cls, reg: Regression) -> RegressionInputs:
        return cls(y=torch.tensor(reg.y, dtype=DTYPE), reduction=reg.reduction,
                   delta=reg.delta, beta=reg.beta)

    def reduce(self, per_point: torch.Tensor) -> torch.Tensor:
        """The closed form's reduction: ÷ M for the mean, as torch's mean does."""
        return per_point / per_point.numel() if self.reduction == "mean" else per_point

    def reduce_rows(self, per_point: torch.Tensor) -> torch.Tensor:
        """(K, M) unreduced losses -> (K,) with the regression's reduction."""
        return per_point.mean(dim=1) if self.reduction == "mean" else per_point.sum(dim=1)


@dataclass(frozen=True)
class ClassifierLoss:
    info: LossInfo
    value: Callable[[torch.Tensor, ClassifierInputs], torch.Tensor]   # torch.nn.functional
    grad_z: Callable[[torch.Tensor, ClassifierInputs], torch.Tensor]  # closed form ∂L/∂z
    # the same loss for every row of Z (B, N) -> (B,): the same torch function with
    # reduction="none", then the loss's own reduction over each row
    rows: Callable[[torch.Tensor, ClassifierInputs], torch.Tensor]
    formula: str        # the loss, as the Formulas window shows it
    gradient: str       # the closed-form ∂L/∂a
    torch_call: str     # the torch call, as code
    kinks: str = ""     # where the loss is not differentiable ("" when it is smooth)
    # (coordinate i, value of a_i, label) of each kink reached by moving one logit of a
    kink_points: Callable[[torch.Tensor, ClassifierInputs],
                          list[tuple[int, float, str]]] | None = None
    # A loss that is the mean over the classes of one term per class (the sigmoid family):
    # terms(z (B, K), y (K,), c) -> (B, K), y the y_eff entries of z's K columns. Changing
    # one logit then changes one term, so finite differences and surfaces cost O(N), not
    # O(N²) (core.losses.four_ways, core.losses.fast_surfaces).
    terms: Callable[[torch.Tensor, torch.Tensor, ClassifierInputs], torch.Tensor] | None = None
    # where torch's backward departs from the closed form by design (a clamp), for z: a
    # bool per coordinate — so a disagreement there is explained, not a bug
    torch_departs: Callable[[torch.Tensor, ClassifierInputs], torch.Tensor] | None = None

    @property
    def name(self) -> str:
        return self.info.name


@dataclass(frozen=True)
class RegressionLoss:
    info: LossInfo
    value: Callable[[torch.Tensor, RegressionInputs], torch.Tensor]      # torch.nn.functional
    grad_pred: Callable[[torch.Tensor, RegressionInputs], torch.Tensor]  # closed form ∂L/∂ŷ
    # the loss for every row of predictions (K, M) -> (K,), as `rows` above
    rows: Callable[[torch.Tensor, RegressionInputs], torch.Tensor]
    formula: str
    gradient: str
    torch_call: str
    kinks: str = ""
    # residuals r = ŷ - y where the pieces of ℓ(r) join
    kink_residuals: Callable[[RegressionInputs], tuple[float, ...]] | None = None

    @property
    def name(self) -> str:
        return self.info.name

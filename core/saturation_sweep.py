"""The saturation view for any two losses: |∂L/∂a_c| along the sweep of the true logit.

The true class's logit a_c runs over [m - span, m + span], m the largest other logit, the
other logits held (core.softmax_logs.sweep_rows), for the two losses the State names in
`saturation_losses`. Each loss is computed one of two ways:

- as logarithms (`from_torch` False), so its curve stays a straight line far past
  float64's smallest number: cross-entropy and MSE by core.softmax_logs (NLL is CE
  with a one-hot target; KL's gradient is CE's), and the sigmoid family through
  log σ(z) = -softplus(-z): BCE with logits' terms are pw·y·softplus(-z) and
  (1 - y)·softplus(z), its gradient (1 - y)σ(z) - pw·y·σ(-z); the focal loss's factors
  are all products of such terms;
- by the loss's own torch function on the batch of rows (core.losses.views.target_sweep,
  `from_torch` True): BCE on σ(z), whose saturation is torch's own clamping and is what it
  should show, and the hinge, whose zeros are exact.

Where a value is 0 (torch's float64 value, or a true 0) its log is -inf and the curve has
a gap; `zero_from_to` says where. An index-only loss (NLL, hinge) with a probability
target has no curve (`applies` False).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

from core.arrays import frozen
from core.classifier import effective_target
from core.losses.catalog import INDEX_ONLY
from core.losses.cross_entropy import weighted_target
from core.losses.registry import CLASSIFIER_LOSSES
from core.losses.spec import ClassifierInputs
from core.losses.views import target_sweep
from core.softmax_logs import (
    SoftmaxLogs,
    _log_diff,
    _log_softplus,
    _signed_logsumexp,
    _softplus,
    cross_entropy_logs,
    mse_logs,
    softmax_logs,
    sweep_rows,
)
from core.state import State

FROM_TORCH = frozenset({"binary_cross_entropy", "multi_margin"})
# |∂L/∂a_c| at the left end (confidently wrong) over its largest on the sweep:
STAYS_NEAR_LARGEST = 0.5   # at least this: it stays near its largest
VANISHES = 1e-3            # below this: it vanishes


@dataclass(frozen=True)
class LossCurve:
    """One loss and the size of its gradient along a_c. Arrays are empty when the loss does
    not apply (an index-only loss, a probability target)."""

    name: str
    applies: bool
    from_torch: bool            # torch's float64 values; else computed as logarithms
    loss: np.ndarray
    grad_abs: np.ndarray        # |∂L/∂a_c|
    log_loss: np.ndarray        # natural logs: -inf only where the value is 0
    log_grad_abs: np.ndarray
    # the same four at the state's own logits (NaN when the loss does not apply)
    current_loss: float
    current_grad_abs: float
    current_log_loss: float
    current_log_grad_abs: float

    @property
    def log_left_to_largest(self) -> float:
        """log(|∂L/∂a_c| at the left end / its largest on the sweep): 0 when the gradient
        is largest where the model is most confidently wrong; -inf when it is 0 there."""
        finite = self.log_grad_abs[np.isfinite(self.log_grad_abs)]
        if not self.applies or finite.size == 0:
            return math.nan
        return float(self.log_grad_abs[0] - finite.max())

    @property
    def verdict(self) -> str:
        """What its gradient does when confidently wrong: "stays" near its largest,
        "shrinks", "vanishes" (below VANISHES of its largest), or "none" (no curve, or
        0 everywhere)."""
        ratio = self.log_left_to_largest
        if math.isnan(ratio):
            return "none"
        if ratio >= math.log(STAYS_NEAR_LARGEST):
            return "stays"
        return "vanishes" if ratio < math.log(VANISHES) else "shrinks"

    def zero_from_to(self, logit_values: np.ndarray, which: str = "grad"
                     ) -> tuple[float, float] | None:
        """The first and last a_c where the gradient (or the loss) is 0 in float64 and its
        log too is -inf (the curve's gap), or None."""
        logs = self.log_grad_abs if which == "grad" else self.log_loss
        zero = np.flatnonzero(np.isneginf(logs))
        if zero.size == 0:
            return None
        return float(logit_values[zero[0]]), float(logit_values[zero[-1]])


@dataclass(frozen=True)
class SaturationSweep:
    class_index: int            # c: the class whose logit is swept
    logit_values: np.ndarray    # the x axis: values of a_c
    current_logit: float
    curves: tuple[LossCurve, LossCurve]   # in the order of state.saturation_losses

    @property
    def log_right_ratio(self) -> float:
        """log(|∂L₁/∂a_c| / |∂L₂/∂a_c|) at the right end, where the model is confidently
        right: far below 0 when the first loss lets go of an easy example sooner than the
        second (focal against BCE: by (1 − p_t)^γ; MSE against CE: its gradient goes like
        (1 − p_c)², CE's like 1 − p_c); NaN where either has no finite log there."""
        first, second = (c.log_grad_abs[-1] if c.applies else math.nan for c in self.curves)
        if not (math.isfinite(first) and math.isfinite(second)):
            return math.nan
        return float(first - second)


def _log_sigmoid(z: torch.Tensor) -> torch.Tensor:
    """log σ(z) = -softplus(-z), finite for every finite z."""
    return -_softplus(-z)


def _log_bce_terms(z: torch.Tensor, y: torch.Tensor, log_pos: torch.Tensor
                   ) -> torch.Tensor:
    """log of each BCE-with-logits term e^log_pos·y·softplus(-z) + (1 - y)·softplus(z)."""
    return torch.logaddexp(log_pos + torch.log(y) + _log_softplus(-z),
                           torch.log1p(-y) + _log_softplus(z))


def _bce_with_logits_logs(z: torch.Tensor, c: int, cls: ClassifierInputs
                          ) -> tuple[torch.Tensor, torch.Tensor]:
    """log L and log|∂L/∂z_c| of BCE with logits (mean over the N classes, pos_weight pw)."""
    y, n = cls.y_eff, z.shape[1]
    log_pw = torch.tensor(math.log(cls.pos_weight) if cls.pos_weight > 0 else -math.inf,
                          dtype=z.dtype)
    log_loss = torch.logsumexp(_log_bce_terms(z, y, log_pw), dim=1) - math.log(n)
    zc = z[:, c]
    log_g, _ = _log_diff(torch.log1p(-y[c]) + _log_sigmoid(zc),
                         log_pw + torch.log(y[c]) + _log_sigmoid(-zc))
    return log_loss, log_g - math.log(n)


def _focal_logs(z: torch.Tensor, c: int, cls: ClassifierInputs
                ) -> tuple[torch.Tensor, torch.Tensor]:
    """log L and log|∂L/∂z_c| of the sigmoid focal loss (torchvision's, mean over N).

    Per class: α_t·q^γ·BCE with q = 1 - p_t = (1 - y)p + y(1 - p); its derivative
    α_t·[(p - y)·q^γ - γ·BCE·q^(γ-1)·p(1 - p)(2y - 1)], every factor as a log."""
    y, n, gamma = cls.y_eff, z.shape[1], cls.gamma
    log_p, log_1mp = _log_sigmoid(z), _log_sigmoid(-z)
    log_y, log_1my = torch.log(y), torch.log1p(-y)
    log_q = torch.logaddexp(log_p + log_1my, log_1mp + log_y)
    log_bce = _log_bce_terms(z, y, torch.zeros((), dtype=z.dtype))
    alpha_t = (cls.alpha * y + (1 - cls.alpha) * (1 - y) if cls.alpha >= 0
               else torch.ones_like(y))
    log_alpha = torch.log(alpha_t)
    log_modulation = gamma * log_q if gamma != 0 else torch.zeros_like(log_q)
    log_loss = torch.logsumexp(log_alpha + log_modulation + log_bce, dim=1) - math.log(n)

    log_dev, sign_dev = _log_diff(log_p[:, c] + log_1my[c], log_y[c] + log_1mp[:, c])
    term_logs = [log_dev + log_modulation[:, c]]
    term_signs = [sign_dev]
    two_y = 2 * float(y[c]) - 1
    if gamma != 0 and two_y != 0:
        term_logs.append(math.log(gamma) + log_bce[:, c] + (gamma - 1) * log_q[:, c]
                         + log_p[:, c] + log_1mp[:, c] + math.log(abs(two_y)))
        term_signs.append(torch.full_like(log_dev, -math.copysign(1.0, two_y)))
    log_g = _signed_logsumexp(torch.stack(term_logs, dim=-1),
                              torch.stack(term_signs, dim=-1))
    return log_loss, log_alpha[c] + log_g - math.log(n)


def _logs(name: str, s: SoftmaxLogs, z: torch.Tensor, state: State, cls: ClassifierInputs
          ) -> tuple[torch.Tensor, torch.Tensor]:
    """log L and log|∂L/∂z_c| on every row, for a loss computed as logarithms."""
    c = s.c
    y = effective_target(state)
    if name == "cross_entropy":
        return cross_entropy_logs(s, weighted_target(cls))
    if name == "mse":
        return mse_logs(s, y, state.reduction)
    if name == "nll":   # -log p_c; ∂/∂z_c = p_c - 1 = -σ(d)
        return _log_softplus(s.d), s.log_q
    if name == "kl_div":   # KL = CE - H(y_eff); its gradient is CE's
        log_ce, log_g = cross_entropy_logs(s, y)
        if float(y[c]) == 1.0:   # one-hot: KL = CE = -log p_c, exact as a log
            return log_ce, log_g
        with torch.no_grad():
            kl = CLASSIFIER_LOSSES[name].rows(z, cls)
        return torch.log(kl.clamp(min=0.0)), log_g   # (a rounding below 0 is a 0)
    if name == "binary_cross_entropy_with_logits":
        return _bce_with_logits_logs(z, c, cls)
    if name == "sigmoid_focal":
        return _focal_logs(z, c, cls)
    raise KeyError(name)


def _curve(name: str, state: State, c: int, rows: torch.Tensor, s: SoftmaxLogs) -> LossCurve:
    points = rows.shape[0] - 1
    if name in INDEX_ONLY and not state.target_is_index:
        empty = frozen(np.empty(0))
        return LossCurve(name, False, name in FROM_TORCH, empty, empty, empty, empty,
                         math.nan, math.nan, math.nan, math.nan)
    if name in FROM_TORCH:
        swept = target_sweep(state, name, rows[:, c], c)
        values = [torch.from_numpy(np.array(swept.loss)),
                  torch.from_numpy(np.abs(swept.grad))]
        logs = [torch.log(v) for v in values]   # -inf where torch's value is 0
    else:
        cls = ClassifierInputs.of(state)
        z = rows / state.temperature
        log_loss, log_g = _logs(name, s, z, state, cls)
        logs = [log_loss, log_g - math.log(state.temperature)]   # ∂/∂a_c = (∂/∂z_c)/T
        values = [torch.exp(v) for v in logs]
    loss, grad = (frozen(v[:points]) for v in values)
    log_loss, log_grad = (frozen(v[:points]) for v in logs)
    now = [float(v[points]) for v in values] + [float(v[points]) for v in logs]
    return LossCurve(name, True, name in FROM_TORCH, loss, grad, log_loss, log_grad, *now)


def saturation_sweep(state: State, points: int = 201, span: float = 15.0
                     ) -> SaturationSweep:
    """The two losses of state.saturation_losses and |∂L/∂a_c| for each along
    a_c ∈ [m - span, m + span]."""
    c, sweep, rows = sweep_rows(state, points, span)
    s = softmax_logs(rows / state.temperature, c)
    first, second = (_curve(name, state, c, rows, s) for name in state.saturation_losses)
    return SaturationSweep(class_index=c, logit_values=frozen(sweep),
                           current_logit=float(state.logits[c]), curves=(first, second))

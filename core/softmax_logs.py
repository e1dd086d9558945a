"""The softmax, cross-entropy and MSE as logarithms, along a sweep of the true class's logit.

The saturation sweep (core.saturation_sweep) runs the true class's logit a_c over
[m - span, m + span], m the largest other logit (`sweep_rows`). When the model is
confidently wrong (a_c far below m), p_c is tiny; the MSE gradient passes through the
softmax Jacobian, whose column c is scaled by p_c, so it vanishes, while cross-entropy's
gradient (p_c - y_c)/T stays near its largest.

Everything is computed as a logarithm, in one batched torch computation. The plot has a
log axis, and in float64 both ends of the sweep underflow: 1 - p_c rounds to 0 once
e^{(m - a_c)/T} is below the machine epsilon, and p_c to 0 far to the left at a low
temperature, so autograd's values fall off a cliff to 0 that is not in the mathematics.
Here log p_c = -softplus(d) and log(1 - p_c) = -softplus(-d), d = logsumexp of the other
logits minus a_c (over T), so 1 - p_c is never formed; the losses and gradients are sums
and differences of such products, taken with a signed log-sum-exp. Where float64 can hold
them, the values equal autograd's (tests/test_core_saturation_mse_ce.py); where it cannot,
their logarithms still can (tests/test_core_saturation_sweep.py, against mpmath).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch

from core.classifier import DTYPE
from core.state import State

# Below this d, log(softplus(d)) = d + log1p(-e^d/2 + …) rounds to d itself: the
# correction is less than half an epsilon of 1, and far less than half an ulp of d.
_LOG_EPS = math.log(torch.finfo(DTYPE).eps)


def true_class(state: State) -> int:
    """The target class, or the most probable class of a probability target (first on ties)."""
    if state.target_is_index:
        return int(state.target)
    return int(np.argmax(np.asarray(state.target)))


def _softplus(x: torch.Tensor) -> torch.Tensor:
    """log(1 + e^x), exact at both ends (F.softplus returns x itself above its threshold)."""
    return torch.logaddexp(torch.zeros_like(x), x)


def _log_softplus(x: torch.Tensor) -> torch.Tensor:
    """log(log(1 + e^x)), finite where softplus(x) underflows."""
    return torch.where(x < _LOG_EPS, x, torch.log(_softplus(torch.clamp(x, min=_LOG_EPS))))


def _log_diff(log_x: torch.Tensor, log_y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """log|x - y| and sign(x - y) from log x and log y (either may be -inf, for 0)."""
    high, low = torch.maximum(log_x, log_y), torch.minimum(log_x, log_y)
    gap = torch.where(torch.isneginf(high), torch.full_like(high, -math.inf), low - high)
    log_abs = high + torch.log(-torch.expm1(gap))
    sign = torch.sign(torch.where(torch.isneginf(high), torch.zeros_like(high),
                                  log_x - log_y))
    return log_abs, sign


def _signed_logsumexp(logs: torch.Tensor, signs: torch.Tensor) -> torch.Tensor:
    """log|Σ_k s_k e^{l_k}| over the last dimension."""
    top = logs.amax(dim=-1, keepdim=True)
    top = torch.where(torch.isfinite(top), top, torch.zeros_like(top))
    total = (signs * torch.exp(logs - top)).sum(dim=-1)
    return top.squeeze(-1) + torch.log(total.abs())


def sweep_rows(state: State, points: int, span: float) -> tuple[int, torch.Tensor,
                                                                 torch.Tensor]:
    """c, the sweep of a_c over [m - span, m + span], and the rows of logits: one per
    point, then the state's own logits as the last row."""
    if isinstance(points, bool) or not isinstance(points, int) or points < 2:
        raise ValueError(f"points: expected an integer of at least 2, got {points!r}")
    if not span > 0 or not np.isfinite(span):
        raise ValueError(f"span: expected a positive finite number, got {span!r}")
    c = true_class(state)
    base = torch.tensor(state.logits, dtype=DTYPE)
    others = torch.cat([base[:c], base[c + 1:]])
    sweep = others.max() + torch.linspace(-span, span, points, dtype=DTYPE)
    rows = base.repeat(points + 1, 1)
    rows[:points, c] = sweep
    return c, sweep, rows


@dataclass(frozen=True)
class SoftmaxLogs:
    """The softmax of rows of z as logarithms, with p_c and 1 - p_c never formed."""

    c: int
    is_c: torch.Tensor    # (N,) True at c
    d: torch.Tensor       # (rows,) logsumexp of the other z minus z_c: p_c = σ(-d)
    log_p: torch.Tensor   # (rows, N) log p_i
    log_q: torch.Tensor   # (rows,) log(1 - p_c)


def softmax_logs(z: torch.Tensor, c: int) -> SoftmaxLogs:
    is_c = torch.arange(z.shape[1]) == c
    d = torch.logsumexp(z.masked_fill(is_c, -math.inf), dim=1) - z[:, c]
    log_norm = z[:, c] + _softplus(d)                        # logsumexp of all
    log_p = torch.where(is_c, -_softplus(d)[:, None], z - log_norm[:, None])
    return SoftmaxLogs(c, is_c, d, log_p, -_softplus(-d))


def cross_entropy_logs(s: SoftmaxLogs, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """log CE and log|∂CE/∂z_c| for CE = -Σ v_i log p_i (v ≥ 0: y_eff, or weighted)."""
    c, is_c, log_p = s.c, s.is_c, s.log_p
    log_v = torch.log(v)
    log_v_rest = torch.log(v.masked_fill(is_c, 0.0).sum())   # log Σ_{i≠c} v_i
    # CE = Σ v_i (-log p_i), every term ≥ 0; -log p_c = softplus(d) taken as a log.
    # (log p_i of a class near certainty can round to a hair above 0: its -log p_i is then
    # taken as 0, where the log of a negative would be NaN)
    log_nlp = torch.where(is_c, _log_softplus(s.d)[:, None],
                          torch.log(torch.clamp(-log_p, min=0.0)))
    log_ce = torch.logsumexp(torch.where(v > 0, log_v + log_nlp, -math.inf), dim=1)
    # ∂CE/∂z_c = p_c Σ_i v_i - v_c = p_c Σ_{i≠c} v_i - v_c (1 - p_c)
    log_g_ce, _ = _log_diff(log_p[:, c] + log_v_rest, log_v[c] + s.log_q)
    return log_ce, log_g_ce


def mse_logs(s: SoftmaxLogs, y: torch.Tensor, reduction: str
             ) -> tuple[torch.Tensor, torch.Tensor]:
    """log MSE and log|∂MSE/∂z_c| for MSE between the softmax and y (with `reduction`)."""
    c, is_c, log_p, log_q = s.c, s.is_c, s.log_p, s.log_q
    log_y = torch.log(y)
    log_1my = torch.log1p(-y[c])                             # log(1 - y_c)
    log_scale = -math.log(y.numel()) if reduction == "mean" else 0.0
    # p_i - y_i, with p_c - y_c = p_c (1 - y_c) - y_c (1 - p_c) (exact for y_c = 1)
    log_dev, sign_dev = _log_diff(log_p, log_y.expand_as(log_p))
    log_dev_c, sign_dev_c = _log_diff(log_p[:, c] + log_1my, log_y[c] + log_q)
    log_dev = torch.where(is_c, log_dev_c[:, None], log_dev)
    sign_dev = torch.where(is_c, sign_dev_c[:, None], sign_dev)
    log_mse = log_scale + torch.logsumexp(2 * log_dev, dim=1)

    # ∂MSE/∂z_c = 2·scale·p_c·D, D = (p_c - y_c)(1 - p_c) - Σ_{i≠c} (p_i - y_i) p_i
    term_logs = log_dev + torch.where(is_c, log_q[:, None], log_p)
    term_signs = torch.where(is_c, sign_dev, -sign_dev)
    log_d = _signed_logsumexp(term_logs, term_signs)
    log_g_mse = math.log(2.0) + log_scale + log_p[:, c] + log_d
    return log_mse, log_g_mse

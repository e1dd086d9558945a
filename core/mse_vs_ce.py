"""Why classifiers use cross-entropy: sweep the true class's logit from very wrong to very right.

With the other logits fixed, the true class's logit a_c runs over [m - span, m + span],
m the largest other logit. When the model is confidently wrong (a_c far below m), p_c is
tiny; the MSE gradient passes through the softmax Jacobian, whose column c is scaled by
p_c, so it vanishes, while cross-entropy's gradient (p_c - y_c)/T stays near its largest.
Every point comes from one batched torch computation and one backward per loss: the rows
are independent, so the gradient of the sum of the rows' losses is each row's own gradient.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.arrays import frozen
from core.classifier import DTYPE, effective_target
from core.state import State


@dataclass(frozen=True)
class LossPoint:
    """Both losses and the size of their gradient along a_c, at one value of a_c."""

    cross_entropy: float
    mse: float
    grad_cross_entropy_abs: float
    grad_mse_abs: float


@dataclass(frozen=True)
class MseVsCe:
    class_index: int             # c: the class whose logit is swept
    logit_values: np.ndarray     # the x axis: values of a_c
    cross_entropy: np.ndarray
    mse: np.ndarray              # with the state's reduction
    grad_cross_entropy_abs: np.ndarray   # |∂CE/∂a_c|
    grad_mse_abs: np.ndarray             # |∂MSE/∂a_c|
    current_logit: float
    current: LossPoint           # at the state's own logits, computed, not interpolated


def true_class(state: State) -> int:
    """The target class, or the most probable class of a probability target (first on ties)."""
    if state.target_is_index:
        return int(state.target)
    return int(np.argmax(np.asarray(state.target)))


def mse_vs_ce(state: State, points: int = 201, span: float = 15.0) -> MseVsCe:
    """CE and MSE, and |∂L/∂a_c| for each, along a_c ∈ [m - span, m + span]."""
    if isinstance(points, bool) or not isinstance(points, int) or points < 2:
        raise ValueError(f"points: expected an integer of at least 2, got {points!r}")
    if not span > 0 or not np.isfinite(span):
        raise ValueError(f"span: expected a positive finite number, got {span!r}")
    c = true_class(state)
    base = torch.tensor(state.logits, dtype=DTYPE)
    others = torch.cat([base[:c], base[c + 1:]])
    sweep = others.max() + torch.linspace(-span, span, points, dtype=DTYPE)

    # One row per point, plus the state's own logits as the last row.
    rows = base.repeat(points + 1, 1)
    rows[:points, c] = sweep
    rows.requires_grad_(True)

    z = rows / state.temperature
    if state.target_is_index:
        target = torch.full((points + 1,), c, dtype=torch.long)
    else:
        target = torch.tensor(state.target, dtype=DTYPE).repeat(points + 1, 1)
    ce = F.cross_entropy(z, target, label_smoothing=state.label_smoothing, reduction="none")
    p = torch.softmax(z, dim=1)
    squared = F.mse_loss(p, effective_target(state).repeat(points + 1, 1), reduction="none")
    mse = squared.mean(dim=1) if state.reduction == "mean" else squared.sum(dim=1)

    (grad_ce,) = torch.autograd.grad(ce.sum(), rows, retain_graph=True)
    (grad_mse,) = torch.autograd.grad(mse.sum(), rows)
    ce_values, mse_values = ce.detach(), mse.detach()
    g_ce, g_mse = grad_ce[:, c].abs(), grad_mse[:, c].abs()

    return MseVsCe(
        class_index=c,
        logit_values=frozen(sweep),
        cross_entropy=frozen(ce_values[:points]),
        mse=frozen(mse_values[:points]),
        grad_cross_entropy_abs=frozen(g_ce[:points]),
        grad_mse_abs=frozen(g_mse[:points]),
        current_logit=float(state.logits[c]),
        current=LossPoint(cross_entropy=float(ce_values[points]),
                          mse=float(mse_values[points]),
                          grad_cross_entropy_abs=float(g_ce[points]),
                          grad_mse_abs=float(g_mse[points])),
    )

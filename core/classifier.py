"""Softmax, cross-entropy and MSE on the logits; gradients three ways, the Jacobian two ways.

Every number is computed by torch in float64. Each gradient is taken three independent ways
(torch.autograd.grad, .backward() on a fresh leaf, and the closed form) so the app can show
that they agree; the Jacobian is taken by autograd and by diag(p) - p pᵀ.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from core.arrays import frozen
from core.state import State

DTYPE = torch.float64
# Row-by-row autograd.grad(p_i, a) is what the note does, for its 3 classes; above this N
# one batched backward through N copies of the softmax gives the same rows in one call
# (ten row-by-row calls cost 10% of a frame at N = 10).
ROW_BY_ROW_MAX_N = 4


@dataclass(frozen=True)
class GradientWays:
    """One gradient ∂L/∂a computed three independent ways."""

    autograd: np.ndarray
    backward: np.ndarray
    formula: np.ndarray

    @property
    def max_abs_diff(self) -> float:
        return float(max(np.max(np.abs(self.autograd - self.backward)),
                         np.max(np.abs(self.autograd - self.formula)),
                         np.max(np.abs(self.backward - self.formula))))


@dataclass(frozen=True)
class JacobianWays:
    """∂p_i/∂a_j by autograd and by the closed form (diag(p) - p pᵀ)/T."""

    autograd: np.ndarray
    formula: np.ndarray

    @property
    def max_abs_diff(self) -> float:
        return float(np.max(np.abs(self.autograd - self.formula)))


@dataclass(frozen=True)
class ClassifierResult:
    logits: np.ndarray
    probs: np.ndarray
    log_probs: np.ndarray
    target_effective: np.ndarray
    cross_entropy: float
    mse: float
    grad_cross_entropy: GradientWays
    grad_mse: GradientWays
    jacobian: JacobianWays


def effective_target(state: State) -> torch.Tensor:
    """y_eff = (1 - ε)·y + ε/N, with y one-hot(target) or the given probabilities."""
    n = state.n_classes
    if state.target_is_index:
        y = torch.zeros(n, dtype=DTYPE)
        y[state.target] = 1.0
    else:
        y = torch.tensor(state.target, dtype=DTYPE)
    eps = state.label_smoothing
    return (1.0 - eps) * y + eps / n


def _torch_target(state: State) -> torch.Tensor:
    """The target in the form F.cross_entropy takes: a class index or a row of probabilities."""
    if state.target_is_index:
        return torch.tensor([state.target], dtype=torch.long)
    return torch.tensor([state.target], dtype=DTYPE)


def _losses(a: torch.Tensor, state: State, y_eff: torch.Tensor
            ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(cross-entropy, MSE, p) from logits a, with torch's own loss functions."""
    z = a / state.temperature
    ce = F.cross_entropy(z.unsqueeze(0), _torch_target(state),
                         label_smoothing=state.label_smoothing)
    p = torch.softmax(z, dim=0)
    mse = F.mse_loss(p, y_eff, reduction=state.reduction)
    return ce, mse, p


def _jacobian_autograd(a: torch.Tensor, p: torch.Tensor, temperature: float) -> torch.Tensor:
    n = a.numel()
    if n <= ROW_BY_ROW_MAX_N:
        rows = [torch.autograd.grad(p[i], a, retain_graph=True)[0] for i in range(n)]
        return torch.stack(rows)
    # Row i of the Jacobian is ∂p_i/∂a: give each row its own copy of a, so one backward
    # of Σ_i p_i(copy i) yields every row at once.
    copies = a.detach().expand(n, n).clone().requires_grad_(True)
    p_copies = torch.softmax(copies / temperature, dim=1)
    (jac,) = torch.autograd.grad(p_copies.diagonal().sum(), copies)
    return jac


def compute_classifier(state: State) -> ClassifierResult:
    """All the classifier's numbers for one State."""
    y_eff = effective_target(state)
    t = state.temperature
    n = state.n_classes

    # Way 1: torch.autograd.grad on a leaf that requires grad.
    a = torch.tensor(state.logits, dtype=DTYPE, requires_grad=True)
    ce, mse, p = _losses(a, state, y_eff)
    grad_ce_autograd, grad_mse_autograd = (
        torch.autograd.grad(loss, a, retain_graph=True)[0] for loss in (ce, mse))
    jac_autograd = _jacobian_autograd(a, p, t)

    # Way 2: .backward() then .grad, each loss on its own fresh leaf.
    backward_grads = []
    for pick in (0, 1):
        leaf = torch.tensor(state.logits, dtype=DTYPE, requires_grad=True)
        _losses(leaf, state, y_eff)[pick].backward()
        backward_grads.append(leaf.grad)

    # Way 3: closed forms, from a stable log-softmax.
    with torch.no_grad():
        z = a.detach() / t
        log_p = torch.log_softmax(z, dim=0)
        p_det = log_p.exp()
        grad_ce_formula = (p_det - y_eff) / t
        dmse_dp = 2.0 * (p_det - y_eff)
        if state.reduction == "mean":
            dmse_dp = dmse_dp / n
        # Jᵀ·g with J = (diag(p) - p pᵀ)/T, without forming J.
        grad_mse_formula = p_det * (dmse_dp - torch.dot(p_det, dmse_dp)) / t
        jac_formula = (torch.diag(p_det) - torch.outer(p_det, p_det)) / t

    return ClassifierResult(
        logits=frozen(a),
        probs=frozen(p_det),
        log_probs=frozen(log_p),
        target_effective=frozen(y_eff),
        cross_entropy=float(ce.detach()),
        mse=float(mse.detach()),
        grad_cross_entropy=GradientWays(frozen(grad_ce_autograd), frozen(backward_grads[0]),
                                        frozen(grad_ce_formula)),
        grad_mse=GradientWays(frozen(grad_mse_autograd), frozen(backward_grads[1]),
                              frozen(grad_mse_formula)),
        jacobian=JacobianWays(frozen(jac_autograd), frozen(jac_formula)),
    )

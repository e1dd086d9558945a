"""Every classifier loss's surface over (a_i, a_j) in O(grid² + grid·N), for the window's frame.

core.losses.views.classifier_surface evaluates the loss at every grid point on a whole row
of N logits: grid²·N work, 0.2–3.8 s at N = 256. Each loss of the family has structure
that removes the N:

- cross-entropy, NLL and KL are −Σ v_k·log p_k (+ a constant) for a weight vector v that
  does not depend on the logits, so core.surfaces' log-sum-exp of three groups applies;
- MSE on the softmax is core.surfaces' own;
- BCE (both forms) and sigmoid focal are sums of one term per class: with only a_i and a_j
  varying, L(x, y) = L(x, a_j) + L(a_i, y) − L(a_i, a_j) — two 1-D sweeps of the loss's
  own torch function (grid·N work) and an outer sum;
- the hinge is a sum of terms h(margin − z_y + z_k): separable as above unless y is an axis;
  then only the one term that holds both axes is not, and it is F.multi_margin_loss on the
  two logits alone.

tests/test_fast_surfaces.py checks each against classifier_surface point by point.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F

from core.arrays import frozen
from core.classifier import DTYPE
from core.losses.cross_entropy import weighted_target
from core.losses.registry import CLASSIFIER_LOSSES
from core.losses.spec import ClassifierInputs
from core.state import State
from core.surfaces import LossSurface, grid_axis, logit_surfaces, weighted_log_loss_surface

SEPARABLE = frozenset({"binary_cross_entropy_with_logits", "binary_cross_entropy",
                       "sigmoid_focal"})


def family_surface(state: State, name: str) -> LossSurface:
    """The classifier loss `name` over the state's surface axes, range and grid."""
    c = ClassifierInputs.of(state)
    if name == "mse":
        return logit_surfaces(state, ("mse",))["mse"]
    if name in ("cross_entropy", "nll", "kl_div"):
        weights, constant = _log_loss_weights(name, c)
        values = weighted_log_loss_surface(state, weights) + constant
        return _surface(state, name, values)
    if name in SEPARABLE:
        return _surface(state, name, _separable(state, name, c))
    if name == "multi_margin":
        return _surface(state, name, _hinge(state, c))
    raise KeyError(name)


def _surface(state: State, name: str, values: torch.Tensor) -> LossSurface:
    axis = frozen(grid_axis(*state.surface.range, state.surface.grid))
    return LossSurface(name, state.surface.axes, axis, axis, frozen(values))


def _log_loss_weights(name: str, c: ClassifierInputs) -> tuple[torch.Tensor, float]:
    """(v, constant) with L = −Σ v_k log p_k + constant."""
    if name == "cross_entropy":
        return weighted_target(c), 0.0
    if name == "nll":
        v = torch.zeros_like(c.y_eff)
        v[c.target] = 1.0
        return v, 0.0
    # KL(y_eff ‖ p) = Σ y log y − Σ y log p
    return c.y_eff, float(torch.special.xlogy(c.y_eff, c.y_eff).sum())


def _sweeps(state: State, rows_of: Callable[[torch.Tensor], torch.Tensor]
            ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """The grid axis, the loss along a_i (a_j held), along a_j (a_i held), and at the
    current logits — each by `rows_of` on rows of logits."""
    i, j = state.surface.axes
    axis = grid_axis(*state.surface.range, state.surface.grid)
    a = torch.tensor(state.logits, dtype=DTYPE)
    rows = a.repeat(2 * axis.numel() + 1, 1)
    g = axis.numel()
    rows[:g, i] = axis
    rows[g:2 * g, j] = axis
    with torch.no_grad():
        values = rows_of(rows / state.temperature)
    return axis, values[:g], values[g:2 * g], values[2 * g]


def _separable(state: State, name: str, c: ClassifierInputs) -> torch.Tensor:
    """L(x, y) = L(x, a_j) + L(a_i, y) − L(a_i, a_j) for a sum of one term per class; with
    the loss's own terms (the sigmoid family), from the two axes' terms alone: O(grid)."""
    spec = CLASSIFIER_LOSSES[name]
    if spec.terms is None:
        _, along_i, along_j, here = _sweeps(state, lambda z: spec.rows(z, c))
        return (along_j.unsqueeze(1) - here) + along_i.unsqueeze(0)
    i, j = state.surface.axes
    n, t = state.n_classes, state.temperature
    axis = grid_axis(*state.surface.range, state.surface.grid)
    z = torch.tensor(state.logits, dtype=DTYPE) / t
    with torch.no_grad():
        here = spec.terms(z.unsqueeze(0), c.y_eff, c)[0]
        columns = spec.terms(torch.stack((axis / t, axis / t), dim=1), c.y_eff[[i, j]], c)
        rest = (here.sum() - here[i] - here[j]) / n
        return rest + columns[:, 1].unsqueeze(1) / n + columns[:, 0].unsqueeze(0) / n


def _hinge(state: State, c: ClassifierInputs) -> torch.Tensor:
    """The hinge: separable unless the target is an axis; then the one term holding both
    axes, h(margin − z_y + z_other)/N, is swapped for its value at each grid point."""
    i, j = state.surface.axes
    if c.target not in (i, j):
        return _separable(state, "multi_margin", c)
    spec = CLASSIFIER_LOSSES["multi_margin"]
    axis, along_i, along_j, _ = _sweeps(state, lambda z: spec.rows(z, c))
    t, n = state.temperature, state.n_classes
    a = torch.tensor(state.logits, dtype=DTYPE)
    zs = axis / t
    # the target's axis is the one the sweep keeps whole (all of its terms but one)
    target_x = c.target == i
    along_target = along_i if target_x else along_j
    held_other = a[j if target_x else i] / t

    def pair(z_target: torch.Tensor, z_other: torch.Tensor) -> torch.Tensor:
        """h(margin − z_target + z_other): F.multi_margin_loss on the two logits alone
        (it divides by its 2 classes)."""
        z_target, z_other = torch.broadcast_tensors(z_target, z_other)
        two = torch.stack((z_target.reshape(-1), z_other.reshape(-1)), dim=1)
        target = torch.zeros(two.shape[0], dtype=torch.long)
        return 2.0 * F.multi_margin_loss(two, target, p=c.p, margin=c.margin,
                                         reduction="none").reshape(z_target.shape)

    with torch.no_grad():
        if target_x:   # columns: x = a_i = the target; rows: y = a_j
            zt, zo = zs.unsqueeze(0), zs.unsqueeze(1)
            base = along_target.unsqueeze(0)
        else:          # rows: y = a_j = the target; columns: x = a_i
            zt, zo = zs.unsqueeze(1), zs.unsqueeze(0)
            base = along_target.unsqueeze(1)
        swapped = pair(zt, zo) - pair(zt, held_other.expand_as(zt))
        return base + swapped / n

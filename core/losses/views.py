"""The family's numbers for the views that sweep: a loss surface over two logits (or over
(w, b)) and |∂L/∂a_c| along the sweep of one logit, for any loss of the family.

Generic: each grid point is a row of logits given to the loss's `rows` (its own torch
function), so the cost is grid²·N for a surface; rows go in blocks of ROWS_PER_BLOCK
elements so memory stays bounded. Measured on this machine: grid 200 at N = 3, 1–6 ms per
loss; at N = 32, 6–40 ms (sigmoid_focal the slowest); grid 400 at N = 256, 0.2–3.8 s —
too slow for a frame there. core.surfaces' structured CE/MSE surfaces stay O(grid²)
whatever N is, and remain the window's per-frame path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from core.arrays import frozen
from core.classifier import DTYPE
from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES
from core.losses.spec import ClassifierInputs, RegressionInputs
from core.state import State
from core.surfaces import LossSurface, grid_axis

ROWS_PER_BLOCK = 2_000_000   # logits per block: 16 MB of float64


def _in_blocks(f: Callable[[torch.Tensor], torch.Tensor], rows: torch.Tensor) -> torch.Tensor:
    per_block = max(1, ROWS_PER_BLOCK // max(1, rows.shape[1]))
    return torch.cat([f(block) for block in rows.split(per_block)])


def classifier_surface(state: State, name: str) -> LossSurface:
    """The classifier loss `name` over (a_i, a_j) on the state's surface axes, range and
    grid, the other logits held: values[r, c] at a_i = xs[c], a_j = ys[r]."""
    spec = CLASSIFIER_LOSSES[name]
    c = ClassifierInputs.of(state)
    i, j = state.surface.axes
    axis = grid_axis(*state.surface.range, state.surface.grid)
    g = axis.numel()
    rows = torch.tensor(state.logits, dtype=DTYPE).repeat(g * g, 1)
    rows[:, i] = axis.repeat(g)              # columns: a_i
    rows[:, j] = axis.repeat_interleave(g)   # rows: a_j
    with torch.no_grad():
        values = _in_blocks(lambda b: spec.rows(b / state.temperature, c), rows)
    xs = frozen(axis)
    return LossSurface(name, (i, j), xs, xs, frozen(values.reshape(g, g)))


def regression_surface(state: State, name: str) -> LossSurface:
    """The regression loss `name` over (w, b) on the regression's ranges and grid."""
    spec = REGRESSION_LOSSES[name]
    reg = state.regression
    r = RegressionInputs.of(reg)
    x = torch.tensor(reg.x, dtype=DTYPE)
    ws = grid_axis(*reg.w_range, reg.grid)
    bs = grid_axis(*reg.b_range, reg.grid)
    w_rows = ws.repeat(bs.numel())[:, None]
    b_rows = bs.repeat_interleave(ws.numel())[:, None]
    with torch.no_grad():
        preds = w_rows * x + b_rows
        values = _in_blocks(lambda p: spec.rows(p, r), preds)
    return LossSurface(f"regression_{name}", (0, 1), frozen(ws), frozen(bs),
                       frozen(values.reshape(bs.numel(), ws.numel())))


@dataclass(frozen=True)
class TargetSweep:
    """One loss along a_c, the target class's logit, the others held (the saturation view
    for any loss): the loss and ∂L/∂a_c by autograd on the batch of rows."""

    name: str
    class_index: int
    logit_values: np.ndarray
    loss: np.ndarray
    grad: np.ndarray        # ∂L/∂a_c (signed); the view shows |grad|


def target_sweep(state: State, name: str, values: np.ndarray | torch.Tensor,
                 class_index: int | None = None) -> TargetSweep:
    """The classifier loss `name` with a_c set to each of `values` (c the target class, or
    the most probable target class for probabilities, unless given)."""
    spec = CLASSIFIER_LOSSES[name]
    cls = ClassifierInputs.of(state)
    if class_index is None:
        class_index = (int(state.target) if state.target_is_index
                       else int(np.argmax(state.target)))
    sweep = torch.as_tensor(values, dtype=DTYPE)
    rows = torch.tensor(state.logits, dtype=DTYPE).repeat(sweep.numel(), 1)
    rows[:, class_index] = sweep
    rows.requires_grad_(True)
    losses = spec.rows(rows / state.temperature, cls)
    (grads,) = torch.autograd.grad(losses.sum(), rows)   # rows are independent
    return TargetSweep(name, class_index, frozen(sweep), frozen(losses),
                       frozen(grads[:, class_index]))

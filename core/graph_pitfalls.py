"""The note's autograd pitfalls seen on the graph itself, as real torch objects.

B: a regression graph recorded before `w.requires_grad_()` has no AccumulateGrad for w;
   only a graph built afterwards has one. C: backward without retain_graph frees the
   nodes' saved tensors, and a second backward fails; with retain_graph the leaf's .grad
   accumulates. D: the gradient of the vector p = softmax(a/T) needs grad_outputs; with a
   one-hot e_i it is row i of the softmax Jacobian.

Every error text is str() of what torch raised here, never written by this module.
The Result holds them (`late_requires_grad`, `freed_graph`, `softmax_rows[i]`); B reads
the regression alone, so it is memoised on it and a logit's drag does not rebuild it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import torch

from core.arrays import frozen
from core.autograd_graph import (
    AutogradGraph,
    regression_closed_form,
    regression_loss,
    trace,
    walk,
)
from core.classifier import DTYPE
from core.losses.registry import CLASSIFIER_LOSSES
from core.losses.spec import ClassifierInputs
from core.state import Regression, State


@dataclass(frozen=True)
class LateRequiresGrad:
    """Pitfall B on the State's regression loss."""

    before: AutogradGraph   # recorded while w did not require grad: no AccumulateGrad for w
    after: AutogradGraph    # rebuilt after w.requires_grad_(): w's AccumulateGrad is there
    error: str              # torch.autograd.grad(the old loss, [w]) after requires_grad_()
    error_type: str         # "" if torch raised nothing


@dataclass(frozen=True)
class FreedGraph:
    """Pitfall C on the State's classifier loss."""

    graph: AutogradGraph     # after backward() without retain_graph: saved tensors freed
    saved_error: str         # what torch raised reading a freed _saved_* attribute
    error: str               # what torch raised on the second backward
    error_type: str          # "" if torch raised nothing
    grad_first: np.ndarray   # a.grad after backward(retain_graph=True)
    grad_second: np.ndarray  # a.grad after a second backward: accumulated, twice the first


@dataclass(frozen=True)
class SoftmaxRow:
    """Pitfall D: row `row` of ∂p/∂a as a vector-Jacobian product with e_row."""

    row: int
    graph: AutogradGraph      # backward of p = softmax(a/T) with gradient e_row; loss = p_row
    vjp: np.ndarray           # torch.autograd.grad(p, [a], grad_outputs=e_row)
    jacobian_row: np.ndarray  # (diag(p) − p pᵀ)_row / T, from its formula
    error: str                # torch.autograd.grad(p, [a]) without grad_outputs
    error_type: str           # "" if torch raised nothing

    @property
    def max_abs_diff(self) -> float:
        return float(np.max(np.abs(self.vjp - self.jacobian_row)))


def late_requires_grad(state: State) -> LateRequiresGrad:
    """B: record the loss with a plain w (b requires grad), switch w on, ask for ∂L/∂w."""
    return _late_requires_grad(state.regression)


@functools.lru_cache(maxsize=4)
def _late_requires_grad(reg: Regression) -> LateRequiresGrad:
    w = torch.tensor(reg.w, dtype=DTYPE)
    b = torch.tensor(reg.b, dtype=DTYPE, requires_grad=True)
    closed = regression_closed_form(reg)
    stale = regression_loss(reg, w, b)
    before = trace(stale, {"w": w, "b": b}, closed)  # retain_graph: `stale` stays usable
    w.requires_grad_()
    error_type, error = _capture(lambda: torch.autograd.grad(stale, [w]))
    b = torch.tensor(reg.b, dtype=DTYPE, requires_grad=True)
    after = trace(regression_loss(reg, w, b), {"w": w, "b": b}, closed)
    return LateRequiresGrad(before=before, after=after, error=error, error_type=error_type)


def freed_graph(state: State) -> FreedGraph:
    """C: one backward without retain_graph, read the saved tensors, then go again; and the
    same loss with retain_graph=True, where a second backward adds to .grad."""
    a, loss, closed = _classifier_loss(state)
    graph = trace(loss, {"a": a}, closed, retain_graph=False)
    saved_error = ""
    freed = [(n.id, s.name) for n in graph.nodes for s in n.saved if s.freed]
    if freed:
        node_id, name = freed[0]
        fn = walk(loss.grad_fn)[node_id]  # the structure outlives the freed buffers
        _, saved_error = _capture(lambda: getattr(fn, name))
    error_type, error = _capture(loss.backward)

    a, loss, _ = _classifier_loss(state)
    loss.backward(retain_graph=True)
    first = frozen(a.grad)
    loss.backward()
    return FreedGraph(graph=graph, saved_error=saved_error, error=error,
                      error_type=error_type, grad_first=first, grad_second=frozen(a.grad))


def softmax_row_graph(state: State, row: int) -> SoftmaxRow:
    """D: p = softmax(a/T); backward of p with gradient e_row, and autograd.grad the same."""
    n = state.n_classes
    if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < n:
        raise ValueError(f"row: a class index in [0, {n}), got {row!r}")
    t = state.temperature
    a = torch.tensor(state.logits, dtype=DTYPE, requires_grad=True)
    p = torch.softmax(a / t, dim=0)
    error_type, error = _capture(lambda: torch.autograd.grad(p, [a], retain_graph=True))
    one_hot = torch.zeros(n, dtype=DTYPE)
    one_hot[row] = 1.0
    pd = p.detach()
    jac_row = frozen(pd[row] * (one_hot - pd) / t)
    graph = trace(p, {"a": a}, {"a": jac_row}, gradient=one_hot)
    # retained: the graph's step-through forms its local Jacobians from it later
    (vjp,) = torch.autograd.grad(p, [a], grad_outputs=one_hot, retain_graph=True)
    return SoftmaxRow(row=row, graph=graph, vjp=frozen(vjp), jacobian_row=jac_row,
                      error=error, error_type=error_type)


class SoftmaxRows(Mapping[int, SoftmaxRow]):
    """Pitfall D for each row of a State, each formed the first time it is asked for."""

    def __init__(self, state: State) -> None:
        self._state = state
        self._done: dict[int, SoftmaxRow] = {}

    def __getitem__(self, row: int) -> SoftmaxRow:
        if row not in self._done:
            if isinstance(row, bool) or not isinstance(row, int) \
                    or not 0 <= row < self._state.n_classes:
                raise KeyError(row)
            self._done[row] = softmax_row_graph(self._state, row)
        return self._done[row]

    def __iter__(self) -> Iterator[int]:
        return iter(range(self._state.n_classes))

    def __len__(self) -> int:
        return self._state.n_classes


def _classifier_loss(state: State) -> tuple[torch.Tensor, torch.Tensor, dict[str, np.ndarray]]:
    spec = CLASSIFIER_LOSSES[state.loss]
    c = ClassifierInputs.of(state)
    t = state.temperature
    a = torch.tensor(state.logits, dtype=DTYPE, requires_grad=True)
    return a, spec.value(a / t, c), {"a": frozen(spec.grad_z(a.detach() / t, c) / t)}


def _capture(step: Callable[[], object]) -> tuple[str, str]:
    """Run a step that should fail; torch's exception type and text as they are."""
    try:
        step()
    except Exception as exc:  # whatever torch raises is the lesson
        return type(exc).__name__, str(exc)
    return "", ""

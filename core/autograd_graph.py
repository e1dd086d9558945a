"""The live autograd graph: torch's own grad_fn nodes of the current loss, what each saved,
the gradient on every edge, and backward replayed step by step.

Nothing here is drawn by hand: the nodes are found by walking `next_functions` from the
loss's grad_fn down to the AccumulateGrad leaves, the gradients are captured by hooks on
those nodes while `backward()` really runs, and the order of the steps is the order the
hooks fired in. The step-through then checks the chain rule against it: each node's
local Jacobian (the node called on one-hot gradients while the graph is retained) times
its incoming gradient must give what the hooks saw it pass on.

A frame pays for the forward, one hooked backward and one torch.autograd.grad: that is
all a drag redraws. A step's local Jacobian costs one node call per output (up to
MAX_JACOBIAN_OUTPUTS), so it is formed only when that step is shown
(`AutogradGraph.local_step`), from the graph the AutogradGraph keeps alive, and cached.

What each node means and what it saved (the SavedValue records) are read by
core.graph_nodes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from core.arrays import frozen
from core.classifier import DTYPE
from core.graph_nodes import SavedValue, json_floats, meaning, read_saved
from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES
from core.losses.spec import ClassifierInputs, RegressionInputs
from core.state import Regression, State

MAX_JACOBIAN_OUTPUTS = 64   # above this a node's local Jacobian is not formed (None)


# --------------------------------------------------------------------------- the records
# (what a node means and what it saved: core.graph_nodes)
@dataclass(frozen=True)
class GraphNode:
    id: int
    name: str                        # type(node).__name__
    meaning: str                     # English, marked QT_TRANSLATE_NOOP("Graph", …)
    saved: tuple[SavedValue, ...]
    grad_output: np.ndarray | None   # gradient into the node (w.r.t. its output); for
                                     # AccumulateGrad the gradient it accumulates
    leaf: str | None                 # "a", "w", "b" for AccumulateGrad nodes, else None
    # what it had saved before backward ran, where backward freed it (a graph traced
    # without retain_graph: pitfall C); empty otherwise
    saved_before: tuple[SavedValue, ...] = ()

    def saved_at(self, ran: bool) -> tuple[SavedValue, ...]:
        """What the node holds before its step of backward (ran=False) or after it: freed
        tensors hold their values until the node has run."""
        return self.saved if ran or not self.saved_before else self.saved_before


@dataclass(frozen=True)
class GraphEdge:
    source: int                  # the node closer to the loss
    target: int                  # its next function
    grad: np.ndarray | None      # the gradient passed along this edge during backward
    input_nr: int = 0            # which next_functions entry of source this edge is


@dataclass(frozen=True)
class BackwardStep:
    node: int
    grad_output: np.ndarray | None   # incoming (None only if torch sent none)


@dataclass(frozen=True)
class LocalStep:
    """One step's chain rule, formed when it is shown (AutogradGraph.local_step)."""

    node: int
    local_jacobians: tuple[np.ndarray | None, ...]  # per outgoing edge: (out size, in size);
                                                    # None above MAX_JACOBIAN_OUTPUTS or freed
    products: tuple[np.ndarray | None, ...]         # per outgoing edge: g·J (one vector–
                                                    # Jacobian call when J is not formed);
                                                    # None when the graph was freed


@dataclass(frozen=True)
class AutogradGraph:
    nodes: tuple[GraphNode, ...]     # nodes[0] is the loss's grad_fn, then breadth first
    edges: tuple[GraphEdge, ...]     # node by node, each in next_functions order
    steps: tuple[BackwardStep, ...]  # in the order autograd ran them
    loss: float
    leaf_grads: dict[str, np.ndarray]    # .grad of each leaf after backward
    closed_form: dict[str, np.ndarray]   # the closed-form gradient of each leaf
    # torch.autograd.grad(root, leaves) on the same graph: another way to the same numbers
    autograd_grads: dict[str, np.ndarray] = field(default_factory=dict)
    # The torch graph kept alive for local_step (nodes in `nodes` order, the incoming
    # gradients the hooks captured, whether backward retained the saved tensors), and the
    # steps formed so far. Not part of the graph's value.
    _fns: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    _incoming: dict[int, tuple[Any, ...]] = field(default_factory=dict, compare=False,
                                                  repr=False)
    _retained: bool = field(default=False, compare=False, repr=False)
    _local: dict[int, LocalStep] = field(default_factory=dict, compare=False, repr=False)

    def shape_key(self) -> tuple:
        """Names and edges: equal while the graph's shape is unchanged (numbers may move)."""
        return (tuple(n.name for n in self.nodes),
                tuple((e.source, e.target) for e in self.edges))

    @property
    def order(self) -> tuple[int, ...]:
        """Node ids in the order backward ran them."""
        return tuple(s.node for s in self.steps)

    def edges_from(self, node: int) -> tuple[GraphEdge, ...]:
        """The node's outgoing edges, in the order its step's jacobians/products use."""
        return tuple(e for e in self.edges if e.source == node)

    def leaf_node(self, leaf: str) -> GraphNode | None:
        return next((n for n in self.nodes if n.leaf == leaf), None)

    def local_step(self, position: int) -> LocalStep:
        """Step `position` of backward with its local Jacobians and g·J, formed on first
        ask (up to MAX_JACOBIAN_OUTPUTS node calls) and kept."""
        if position not in self._local:
            node = self.steps[position].node
            fn = self._fns[node] if self._fns else None
            self._local[position] = _local_step(node, fn, self._incoming.get(node, ()),
                                                self._retained)
        return self._local[position]

    def closed_form_diff(self, leaf: str) -> float | None:
        """max |leaf.grad − closed form| (None if either is missing)."""
        return _max_diff(self.leaf_grads.get(leaf), self.closed_form.get(leaf))

    def autograd_diff(self, leaf: str) -> float | None:
        """max |leaf.grad − torch.autograd.grad's| (None if either is missing)."""
        return _max_diff(self.leaf_grads.get(leaf), self.autograd_grads.get(leaf))

    def to_dict(self) -> dict[str, Any]:
        """The JSON of `main.py compute --format json` (NaN/inf as null)."""
        return {"nodes": [{"id": n.id, "name": n.name, "leaf": n.leaf,
                           "saved": {s.name: s.to_json() for s in n.saved},
                           "grad": None if n.grad_output is None
                           else json_floats(n.grad_output)}
                          for n in self.nodes],
                "edges": [[e.source, e.target] for e in self.edges]}


# --------------------------------------------------------------------------- public
def classifier_graph(state: State) -> AutogradGraph:
    """The graph of the State's classifier loss of z = a/T, a the logits leaf."""
    spec = CLASSIFIER_LOSSES[state.loss]
    c = ClassifierInputs.of(state)
    t = state.temperature
    a = torch.tensor(state.logits, dtype=DTYPE, requires_grad=True)
    loss = spec.value(a / t, c)
    closed = {"a": frozen(spec.grad_z(a.detach() / t, c) / t)}
    return trace(loss, {"a": a}, closed)


def regression_graph(state: State) -> AutogradGraph:
    """The graph of the State's regression loss of ŷ = w·x + b, w and b scalar leaves.
    It reads state.regression alone, so a logit's drag reuses it (memoised on it)."""
    return _regression_graph(state.regression)


@functools.lru_cache(maxsize=4)
def _regression_graph(reg: Regression) -> AutogradGraph:
    w = torch.tensor(reg.w, dtype=DTYPE, requires_grad=True)
    b = torch.tensor(reg.b, dtype=DTYPE, requires_grad=True)
    return trace(regression_loss(reg, w, b), {"w": w, "b": b}, regression_closed_form(reg))


def regression_loss(reg: Regression, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The regression loss of ŷ = w·x + b, recorded by autograd as w and b allow."""
    x = torch.tensor(reg.x, dtype=DTYPE)
    return REGRESSION_LOSSES[reg.loss].value(w * x + b, RegressionInputs.of(reg))


def regression_closed_form(reg: Regression) -> dict[str, np.ndarray]:
    """∂L/∂w = Σ ∂L/∂ŷ_k·x_k and ∂L/∂b = Σ ∂L/∂ŷ_k from the loss's closed-form ∂L/∂ŷ."""
    spec = REGRESSION_LOSSES[reg.loss]
    x = torch.tensor(reg.x, dtype=DTYPE)
    g = spec.grad_pred(reg.w * x + reg.b, RegressionInputs.of(reg))
    return {"w": frozen(torch.dot(g, x)), "b": frozen(g.sum())}


def walk(root: Any) -> list[Any]:
    """torch's grad_fn nodes reachable from root through next_functions, breadth first,
    each once (a node feeding two others is one node with two incoming edges)."""
    index = {root: 0}
    nodes = [root]
    for node in nodes:  # grows while it is walked
        for fn, _ in node.next_functions:
            if fn is not None and fn not in index:
                index[fn] = len(nodes)
                nodes.append(fn)
    return nodes


def trace(root: torch.Tensor, leaves: dict[str, torch.Tensor],
          closed_form: dict[str, np.ndarray], *, gradient: torch.Tensor | None = None,
          retain_graph: bool = True) -> AutogradGraph:
    """Walk root's graph, run `root.backward(gradient)` with hooks on every node, and read
    back what each node saved and passed on.

    With retain_graph the saved tensors stay alive, so the step-through can call each node
    on one-hot gradients for its local Jacobian (local_step, when a step is shown);
    without, torch frees them during backward and the nodes' saved tensors come back
    marked freed (pitfall C). Before the hooked backward, torch.autograd.grad runs on the
    same graph (retaining it) for the leaves that require grad.
    """
    if root.grad_fn is None:
        raise ValueError("the root has no grad_fn: nothing it depends on requires grad")
    fns = walk(root.grad_fn)
    index = {fn: i for i, fn in enumerate(fns)}
    edge_list = [(i, index[fn], k) for i, node in enumerate(fns)
                 for k, (fn, _) in enumerate(node.next_functions) if fn is not None]

    wanted = {name: t for name, t in leaves.items() if t.requires_grad}
    autograd_grads: dict[str, np.ndarray] = {}
    if wanted:
        found = torch.autograd.grad(root, list(wanted.values()), grad_outputs=gradient,
                                    retain_graph=True, allow_unused=True)
        autograd_grads = {name: frozen(g) for name, g in zip(wanted, found, strict=True)
                          if g is not None}

    # backward without retain_graph frees the saved tensors: read them first
    before = [] if retain_graph else [read_saved(fn) for fn in fns]

    order: list[int] = []
    incoming: dict[int, tuple[torch.Tensor | None, ...]] = {}
    passed: dict[int, tuple[torch.Tensor | None, ...]] = {}
    handles = []
    for i, fn in enumerate(fns):
        handles.append(fn.register_prehook(_prehook(i, order, incoming)))
        handles.append(fn.register_hook(_posthook(i, passed)))
    try:
        root.backward(gradient, retain_graph=retain_graph)
    finally:
        for h in handles:
            h.remove()

    leaf_of = {id(t): name for name, t in leaves.items()}
    nodes = tuple(GraphNode(
        id=i, name=type(fn).__name__, meaning=meaning(type(fn).__name__),
        saved=read_saved(fn), grad_output=_output_grad(incoming.get(i)),
        leaf=leaf_of.get(id(fn.variable)) if type(fn).__name__ == "AccumulateGrad" else None,
        saved_before=before[i] if before else ())
        for i, fn in enumerate(fns))
    edges = tuple(GraphEdge(source=s, target=t, grad=_grad_of(passed.get(s), k), input_nr=k)
                  for s, t, k in edge_list)
    steps = tuple(BackwardStep(node=i, grad_output=nodes[i].grad_output) for i in order)
    grads = {name: frozen(t.grad) for name, t in leaves.items() if t.grad is not None}
    loss = float(root.detach().sum() if gradient is None else (root.detach() * gradient).sum())
    return AutogradGraph(nodes=nodes, edges=edges, steps=steps, loss=loss, leaf_grads=grads,
                         closed_form=closed_form, autograd_grads=autograd_grads,
                         _fns=tuple(fns), _incoming=incoming, _retained=retain_graph)


# --------------------------------------------------------------------------- hooks
def _prehook(i: int, order: list[int], incoming: dict) -> Callable:
    def hook(grad_outputs: tuple) -> None:
        order.append(i)
        incoming[i] = tuple(None if g is None else g.detach().clone() for g in grad_outputs)
    return hook


def _posthook(i: int, passed: dict) -> Callable:
    def hook(grad_inputs: tuple, grad_outputs: tuple) -> None:
        passed[i] = tuple(None if g is None else g.detach().clone() for g in grad_inputs)
    return hook


def _output_grad(grads: tuple[torch.Tensor | None, ...] | None) -> np.ndarray | None:
    """A node's gradient w.r.t. its output (several outputs: concatenated, flattened)."""
    if not grads or any(g is None for g in grads):
        return None
    if len(grads) == 1:
        return frozen(grads[0])
    return frozen(torch.cat([g.reshape(-1) for g in grads]))


def _max_diff(one: np.ndarray | None, other: np.ndarray | None) -> float | None:
    if one is None or other is None:
        return None
    return float(np.max(np.abs(np.asarray(one) - np.asarray(other)), initial=0.0))


def _grad_of(grads: tuple[torch.Tensor | None, ...] | None, k: int) -> np.ndarray | None:
    if grads is None or k >= len(grads) or grads[k] is None:
        return None
    return frozen(grads[k])


# --------------------------------------------------------------------------- stepping
def _inputs(fn: Any) -> list[tuple[int, torch.Size]]:
    """(next_functions index, the shape its gradient must have) of each outgoing edge."""
    return [(k, nxt._input_metadata[nr].shape)
            for k, (nxt, nr) in enumerate(fn.next_functions) if nxt is not None]


def _local_step(i: int, fn: Any, grad_outputs: tuple, retained: bool) -> LocalStep:
    """One node of backward: its local Jacobian per outgoing edge (node called on each
    one-hot gradient) and the incoming gradient times it, the chain rule's term.

    A node called directly returns its gradients before the engine fits them to their
    inputs: a broadcast input (b in w·x + b) gets a gradient of the output's shape, which
    the engine sums down to b's. The same sum is done here, so the local Jacobian is the
    derivative of the node's output w.r.t. the input as it really was."""
    inputs = [] if fn is None else _inputs(fn)
    none = tuple(None for _ in inputs)
    if not inputs or not retained or any(g is None for g in grad_outputs):
        return LocalStep(node=i, local_jacobians=none, products=none)
    with torch.no_grad():
        size = sum(g.numel() for g in grad_outputs)
        jacobians: tuple[np.ndarray | None, ...] = none
        if size <= MAX_JACOBIAN_OUTPUTS:
            rows: list[list[torch.Tensor]] = [[] for _ in inputs]
            for o, g in enumerate(grad_outputs):
                for r in range(g.numel()):
                    one_hot = [torch.zeros(h.shape, dtype=h.dtype) for h in grad_outputs]
                    one_hot[o].view(-1)[r] = 1.0
                    out = _call(fn, one_hot, inputs)
                    for e, x in enumerate(out):
                        rows[e].append(x)
            jacobians = tuple(None if any(x is None for x in row)
                              else frozen(torch.stack([x.reshape(-1) for x in row]))
                              for row in rows)
        g_flat = torch.cat([g.reshape(-1) for g in grad_outputs])
        if all(j is not None for j in jacobians):
            products = tuple(frozen(g_flat.numpy() @ j)  # type: ignore[operator]
                             for j in jacobians)
        else:  # too large to form: the same product as one vector-Jacobian call
            products = tuple(None if x is None else frozen(x.reshape(-1))
                             for x in _call(fn, list(grad_outputs), inputs))
    return LocalStep(node=i, local_jacobians=jacobians, products=products)


def _call(fn: Any, grad_outputs: list[torch.Tensor], inputs: list[tuple[int, torch.Size]]
          ) -> tuple[torch.Tensor | None, ...]:
    """The node's gradient for each outgoing edge, summed to its input's shape as the engine
    does."""
    out = fn(*grad_outputs)
    out = out if isinstance(out, tuple) else (out,)
    return tuple(None if out[k] is None else out[k].sum_to_size(shape)
                 for k, shape in inputs)

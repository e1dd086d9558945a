"""Pitfalls B, C, D on the autograd graph (core.graph_pitfalls): real torch graphs, and the
error texts compared with what torch says when this test runs the same step itself."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.graph_nodes import FREED
from core.graph_pitfalls import freed_graph, late_requires_grad, softmax_row_graph
from core.state import Regression, State

LOGITS = (2.0, 1.0, 0.1, -0.5)
REG = Regression(x=(1.0, 2.0, 3.0), y=(1.5, 2.5, 6.0), w=1.2, b=0.3)


def torch_error(step) -> tuple[str, str]:
    with pytest.raises(Exception) as info:
        step()
    return type(info.value).__name__, str(info.value)


def leaves(graph) -> list[str]:
    return sorted(n.leaf for n in graph.nodes if n.name == "AccumulateGrad")


# --------------------------------------------------------------------------- B
@pytest.mark.parametrize("loss", ["mse", "huber"])
def test_b_a_graph_recorded_before_requires_grad_has_no_path_to_w(loss):
    state = State(regression=Regression(x=REG.x, y=REG.y, w=REG.w, b=REG.b, loss=loss))
    b_pitfall = late_requires_grad(state)
    assert leaves(b_pitfall.before) == ["b"]
    assert "MulBackward0" not in {n.name for n in b_pitfall.before.nodes}
    assert set(b_pitfall.before.leaf_grads) == {"b"}  # w.grad stayed None
    assert leaves(b_pitfall.after) == ["b", "w"]
    for leaf in ("w", "b"):
        np.testing.assert_allclose(b_pitfall.after.leaf_grads[leaf],
                                   b_pitfall.after.closed_form[leaf], atol=1e-12)
    np.testing.assert_allclose(b_pitfall.before.leaf_grads["b"],
                               b_pitfall.after.leaf_grads["b"], atol=0)

    # the same steps, by this test
    w = torch.tensor(REG.w, dtype=torch.float64)
    b = torch.tensor(REG.b, dtype=torch.float64, requires_grad=True)
    x, y = (torch.tensor(v, dtype=torch.float64) for v in (REG.x, REG.y))
    stale = (F.mse_loss if loss == "mse" else F.huber_loss)(w * x + b, y)
    w.requires_grad_()
    kind, text = torch_error(lambda: torch.autograd.grad(stale, [w]))
    assert (b_pitfall.error_type, b_pitfall.error) == (kind, text)
    assert text  # torch said something


# --------------------------------------------------------------------------- C
@pytest.mark.parametrize("loss", ["cross_entropy", "mse", "sigmoid_focal"])
def test_c_backward_frees_the_saved_tensors(loss):
    state = State(logits=LOGITS, target=1, temperature=1.4, loss=loss)
    c = freed_graph(state)
    freed = [s for n in c.graph.nodes for s in n.saved if s.freed]
    assert freed, "no saved tensor was marked freed"
    assert all(s.values is None and s.text == FREED for s in freed)
    # what is not a tensor survives the free: the dims, reductions, exponents …
    kept = [s for n in c.graph.nodes for s in n.saved if not s.is_tensor]
    assert all(not s.freed for s in kept)
    # the hooks still saw backward run once through every node
    assert sorted(c.graph.order) == list(range(len(c.graph.nodes)))
    np.testing.assert_allclose(c.graph.leaf_grads["a"], c.graph.closed_form["a"], atol=1e-12)
    locals_ = [c.graph.local_step(k) for k in range(len(c.graph.steps))]
    assert all(j is None for s in locals_ for j in s.local_jacobians + s.products)

    a = torch.tensor(LOGITS, dtype=torch.float64, requires_grad=True)
    own = torch.softmax(a, dim=0).pow(2).sum()
    own.backward()
    kind, text = torch_error(own.backward)
    assert (c.error_type, c.error) == (kind, text)
    power = own.grad_fn.next_functions[0][0]  # PowBackward0 saved its input
    _, saved_text = torch_error(lambda: power._saved_self)
    assert c.saved_error == saved_text


def test_c_retain_graph_lets_grad_accumulate():
    state = State(logits=LOGITS, target=(0.1, 0.2, 0.3, 0.4), temperature=0.7)
    c = freed_graph(state)
    np.testing.assert_allclose(c.grad_first, c.graph.closed_form["a"], atol=1e-12)
    np.testing.assert_allclose(c.grad_second, 2 * c.grad_first, rtol=0, atol=1e-15)
    assert np.abs(c.grad_first).max() > 0


# --------------------------------------------------------------------------- D
@pytest.mark.parametrize("row", [0, 2, 3])
def test_d_a_row_of_the_softmax_jacobian_as_a_vjp(row):
    t = 1.3
    state = State(logits=LOGITS, target=0, temperature=t)
    d = softmax_row_graph(state, row)
    a = torch.tensor(LOGITS, dtype=torch.float64)
    full = torch.autograd.functional.jacobian(lambda v: torch.softmax(v / t, dim=0), a)
    np.testing.assert_allclose(d.vjp, full[row].numpy(), atol=1e-15)
    np.testing.assert_allclose(d.jacobian_row, full[row].numpy(), atol=1e-15)
    np.testing.assert_allclose(d.graph.leaf_grads["a"], d.vjp, atol=1e-15)
    assert d.max_abs_diff < 1e-15

    g = d.graph
    assert g.nodes[0].name == "SoftmaxBackward0" and leaves(g) == ["a"]
    assert g.order[0] == 0
    np.testing.assert_array_equal(g.steps[0].grad_output, np.eye(len(LOGITS))[row])
    for k, step in enumerate(g.steps):
        local = g.local_step(k)
        for edge, jac, product in zip(g.edges_from(step.node), local.local_jacobians,
                                      local.products, strict=True):
            np.testing.assert_allclose(step.grad_output.reshape(-1) @ jac,
                                       edge.grad.reshape(-1), atol=1e-15)
            np.testing.assert_allclose(product, edge.grad.reshape(-1), atol=1e-15)
    # the softmax's edge carries e_rowᵀ J: row `row` of ∂p/∂z
    p = torch.softmax(a / t, dim=0).numpy()
    np.testing.assert_allclose(g.edges_from(0)[0].grad,
                               (np.diag(p) - np.outer(p, p))[row], atol=1e-15)

    x = torch.tensor(LOGITS, dtype=torch.float64, requires_grad=True)
    kind, text = torch_error(lambda: torch.autograd.grad(torch.softmax(x / t, dim=0), [x]))
    assert (d.error_type, d.error) == (kind, text)


def test_d_refuses_a_row_that_is_not_a_class():
    state = State(logits=LOGITS, target=0)
    for row in (-1, len(LOGITS), True):
        with pytest.raises(ValueError, match="row"):
            softmax_row_graph(state, row)

"""The live autograd graph (core.autograd_graph): torch's own nodes and edges, the hooks'
gradients, the step-through's chain rule, the closed forms, and the CLI's JSON."""

import json
import math
import statistics
import subprocess
import sys
import time
from collections import Counter

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import main
from core.autograd_graph import (
    MAX_JACOBIAN_OUTPUTS,
    classifier_graph,
    regression_graph,
    trace,
)
from core.graph_nodes import GENERIC_MEANING, MEANINGS, SAVED_HEAD, meaning
from core.losses.catalog import CLASSIFIER_NAMES, INDEX_ONLY, REGRESSION_NAMES
from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES
from core.losses.spec import ClassifierInputs, RegressionInputs
from core.state import Regression, State

ROOT = main.__file__.rsplit("/", 1)[0]
TOL = 1e-12
LOGITS = (2.0, 1.0, 0.1, -0.7)
DATA = Regression(x=(-1.0, 0.5, 2.0, 3.0), y=(0.3, 1.0, 2.5, 7.0), w=1.3, b=-0.4)


def torch_graph(loss: torch.Tensor) -> tuple[list, list[tuple[int, int, int]]]:
    """The test's own walk (depth first, unlike the module's breadth first): nodes and
    (source, target, input_nr) edges from next_functions."""
    nodes, index, stack = [], {}, [loss.grad_fn]
    while stack:
        fn = stack.pop()
        if fn in index:
            continue
        index[fn] = len(nodes)
        nodes.append(fn)
        stack.extend(f for f, _ in reversed(fn.next_functions) if f is not None)
    edges = [(index[fn], index[f], k) for fn in nodes
             for k, (f, _) in enumerate(fn.next_functions) if f is not None]
    return nodes, edges


def named_edges(names, edges) -> Counter:
    return Counter((names[s], names[t], k) for s, t, k in edges)


def torch_classifier_loss(state: State) -> torch.Tensor:
    a = torch.tensor(state.logits, dtype=torch.float64, requires_grad=True)
    return CLASSIFIER_LOSSES[state.loss].value(a / state.temperature,
                                               ClassifierInputs.of(state))


def check_chain_rule(g, formed: bool = True) -> None:
    """Every step's g·J (formed here from its local Jacobian) equals what the hooks saw on
    its edges; every node's incoming gradient is the sum over its incoming edges; the steps
    run every node once, from 0. formed: every local Jacobian must be formed (no node has
    more than MAX_JACOBIAN_OUTPUTS outputs), so no product is a copy of a node call."""
    assert g.order[0] == 0
    assert sorted(g.order) == list(range(len(g.nodes)))
    for p, step in enumerate(g.steps):
        local = g.local_step(p)
        assert local.node == step.node
        out = g.edges_from(step.node)
        assert len(local.products) == len(out) == len(local.local_jacobians)
        for edge, jac, product in zip(out, local.local_jacobians, local.products, strict=True):
            assert product is not None and edge.grad is not None
            if formed:
                assert jac is not None, g.nodes[step.node].name
            if jac is not None:
                assert jac.shape == (step.grad_output.size, edge.grad.size)
                np.testing.assert_allclose(step.grad_output.reshape(-1) @ jac,
                                           edge.grad.reshape(-1), rtol=0, atol=TOL)
            np.testing.assert_allclose(product, edge.grad.reshape(-1), rtol=0, atol=TOL)
        np.testing.assert_array_equal(step.grad_output, g.nodes[step.node].grad_output)
    for node in g.nodes[1:]:
        into = [e.grad for e in g.edges if e.target == node.id]
        total = sum(x.reshape(-1) for x in into)
        np.testing.assert_allclose(node.grad_output.reshape(-1), total, rtol=0, atol=TOL)
    for node in g.nodes:
        if node.leaf is not None:
            np.testing.assert_array_equal(node.grad_output.reshape(g.leaf_grads[node.leaf].shape),
                                          g.leaf_grads[node.leaf])


# --------------------------------------------------------------------------- torch's graph
@pytest.mark.parametrize("state", [
    State(logits=LOGITS, target=0, temperature=1.5, loss="cross_entropy"),
    State(logits=LOGITS, target=2, temperature=0.5, loss="mse"),
    State(logits=LOGITS, target=(0.1, 0.2, 0.3, 0.4), loss="cross_entropy"),
    State(logits=LOGITS, target=1, loss="sigmoid_focal", temperature=2.0),
], ids=["ce-index", "mse", "ce-probs", "focal"])
def test_nodes_and_edges_are_torchs(state):
    g = classifier_graph(state)
    nodes, edges = torch_graph(torch_classifier_loss(state))
    names = [type(fn).__name__ for fn in nodes]
    assert g.nodes[0].name == names[0]  # the loss's grad_fn first
    assert Counter(n.name for n in g.nodes) == Counter(names)
    assert [n.id for n in g.nodes] == list(range(len(g.nodes)))
    assert named_edges([n.name for n in g.nodes],
                       [(e.source, e.target, e.input_nr) for e in g.edges]) == named_edges(
        names, edges)
    # an edge per non-None next function, in next_functions order
    for i, fn in enumerate(nodes):
        expected = [type(f).__name__ for f, _ in fn.next_functions if f is not None]
        mine = [n for n in g.nodes if n.name == names[i]]
        assert any([g.nodes[e.target].name for e in g.edges_from(m.id)] == expected
                   for m in mine)


def test_cross_entropy_and_mse_names():
    ce = classifier_graph(State(logits=LOGITS, target=0, loss="cross_entropy"))
    a = torch.tensor(LOGITS, dtype=torch.float64, requires_grad=True)
    own = F.cross_entropy((a / 1.0).unsqueeze(0), torch.tensor([0]))
    assert ce.nodes[0].name == type(own.grad_fn).__name__
    assert {"LogSoftmaxBackward0", "AccumulateGrad"} <= {n.name for n in ce.nodes}
    mse = classifier_graph(State(logits=LOGITS, target=0, loss="mse"))
    own = F.mse_loss(torch.softmax(a / 1.0, dim=0), torch.eye(4, dtype=torch.float64)[0])
    assert mse.nodes[0].name == type(own.grad_fn).__name__
    assert "SoftmaxBackward0" in {n.name for n in mse.nodes}
    assert [n.leaf for n in mse.nodes if n.name == "AccumulateGrad"] == ["a"]


# --------------------------------------------------------------------------- chain rule
CLASSIFIER_CASES = [
    State(logits=LOGITS, target=0, temperature=1.7, loss="cross_entropy"),
    State(logits=LOGITS, target=(0.1, 0.2, 0.3, 0.4), temperature=0.6, loss="cross_entropy",
          label_smoothing=0.1),
    State(logits=LOGITS, target=3, loss="cross_entropy", class_weights=(1.0, 2.0, 0.5, 3.0),
          label_smoothing=0.2),
    State(logits=LOGITS, target=1, temperature=2.5, loss="mse"),
    State(logits=LOGITS, target=(0.1, 0.2, 0.3, 0.4), loss="mse", reduction="sum"),
    State(logits=LOGITS, target=(0.7, 0.1, 0.1, 0.1), temperature=1.3, loss="kl_div"),
    State(logits=LOGITS, target=2, temperature=0.8, loss="sigmoid_focal"),
    State(logits=LOGITS, target=2, loss="sigmoid_focal", gamma=0.0, alpha=-1.0),
    State(logits=LOGITS, target=0, temperature=3.0, loss="multi_margin"),
    State(logits=LOGITS, target=1, loss="multi_margin", p=2, margin=2.0),
]


@pytest.mark.parametrize("state", CLASSIFIER_CASES,
                         ids=[f"{s.loss}-{i}" for i, s in enumerate(CLASSIFIER_CASES)])
def test_classifier_steps_reproduce_the_chain_rule(state):
    g = classifier_graph(state)
    check_chain_rule(g)
    np.testing.assert_allclose(g.leaf_grads["a"], g.closed_form["a"], rtol=0, atol=1e-12)
    spec = CLASSIFIER_LOSSES[state.loss]
    z = torch.tensor(state.logits, dtype=torch.float64) / state.temperature
    closed = spec.grad_z(z, ClassifierInputs.of(state)) / state.temperature
    np.testing.assert_allclose(g.leaf_grads["a"], closed.numpy(), rtol=0, atol=1e-12)
    assert g.loss == pytest.approx(float(torch_classifier_loss(state).detach()), abs=1e-14)
    np.testing.assert_allclose(g.autograd_grads["a"], g.leaf_grads["a"], rtol=0, atol=1e-15)


def every_loss_small() -> list[State]:
    """Every classifier loss, with an index and (where it applies) a soft target, at N
    whose nodes all have at most MAX_JACOBIAN_OUTPUTS outputs: g·J formed everywhere."""
    n = MAX_JACOBIAN_OUTPUTS // 2
    logits = tuple(np.round(2 * np.sin(np.arange(n) * 1.3), 3).tolist())
    soft = tuple((np.arange(n) + 1.0) / sum(range(1, n + 1)))
    states = []
    for name in CLASSIFIER_NAMES:
        states.append(State(logits=logits, target=5, temperature=1.3, loss=name))
        if name not in INDEX_ONLY:
            states.append(State(logits=logits, target=soft, temperature=0.7, loss=name))
    states.append(State(logits=logits[:4], target=1, loss="multi_margin", p=2))
    return states


@pytest.mark.parametrize("state", every_loss_small(),
                         ids=lambda s: f"{s.loss}-{len(s.logits)}-{type(s.target).__name__}")
def test_every_loss_checks_g_times_j_against_the_hooks(state):
    g = classifier_graph(state)
    assert max(s.grad_output.size for s in g.steps) <= MAX_JACOBIAN_OUTPUTS
    check_chain_rule(g, formed=True)
    np.testing.assert_allclose(g.leaf_grads["a"], g.closed_form["a"], rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", REGRESSION_NAMES)
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_regression_steps_reproduce_the_chain_rule(name, reduction):
    reg = Regression(x=DATA.x, y=DATA.y, w=DATA.w, b=DATA.b, loss=name, reduction=reduction,
                     delta=0.7, beta=0.4)
    state = State(regression=reg)
    g = regression_graph(state)
    check_chain_rule(g)
    assert sorted(n.leaf for n in g.nodes if n.leaf) == ["b", "w"]
    spec = REGRESSION_LOSSES[name]
    x = torch.tensor(reg.x, dtype=torch.float64)
    gp = spec.grad_pred(reg.w * x + reg.b, RegressionInputs.of(reg))
    assert float(g.leaf_grads["w"]) == pytest.approx(float((gp * x).sum()), abs=1e-12)
    assert float(g.leaf_grads["b"]) == pytest.approx(float(gp.sum()), abs=1e-12)
    for leaf in ("w", "b"):
        np.testing.assert_allclose(g.leaf_grads[leaf], g.closed_form[leaf], atol=1e-12)


def test_local_jacobians_are_the_nodes_derivatives():
    """Softmax's is diag(p) − p pᵀ, the division's I/T: checked against their formulas."""
    t = 1.6
    g = classifier_graph(State(logits=LOGITS, target=0, temperature=t, loss="mse"))
    steps = {g.nodes[s.node].name: g.local_step(k) for k, s in enumerate(g.steps)}
    incoming = {g.nodes[s.node].name: s.grad_output for s in g.steps}
    p = torch.softmax(torch.tensor(LOGITS, dtype=torch.float64) / t, dim=0).numpy()
    np.testing.assert_allclose(steps["SoftmaxBackward0"].local_jacobians[0],
                               np.diag(p) - np.outer(p, p), atol=1e-15)
    np.testing.assert_allclose(steps["DivBackward0"].local_jacobians[0], np.eye(4) / t,
                               atol=1e-15)
    # the product really is incoming · J (not just copied from the hooks)
    s = steps["SoftmaxBackward0"]
    np.testing.assert_allclose(s.products[0], incoming["SoftmaxBackward0"] @ s.local_jacobians[0],
                               atol=0)


def test_large_outputs_skip_the_jacobian_but_not_the_product():
    n = MAX_JACOBIAN_OUTPUTS + 36
    logits = tuple(np.sin(np.arange(n)).tolist())
    g = classifier_graph(State(logits=logits, target=3, temperature=0.9))
    check_chain_rule(g, formed=False)
    by_name = {g.nodes[s.node].name: g.local_step(k) for k, s in enumerate(g.steps)}
    assert by_name["LogSoftmaxBackward0"].local_jacobians == (None,)
    assert by_name["NllLossBackward0"].local_jacobians[0].shape == (1, n)  # scalar output
    np.testing.assert_allclose(g.leaf_grads["a"], g.closed_form["a"], atol=1e-12)


def test_a_frame_forms_no_local_jacobian(monkeypatch):
    """A drag pays for the hooked backward only: a step's local Jacobian (one node call per
    output) is formed when that step is shown, once."""
    import core.autograd_graph as module

    calls = []
    real = module._call
    monkeypatch.setattr(module, "_call", lambda *args: calls.append(1) or real(*args))
    n = MAX_JACOBIAN_OUTPUTS
    state = State(logits=tuple(np.sin(np.arange(n)).tolist()), target=3, loss="sigmoid_focal")
    g = classifier_graph(state)
    assert calls == []
    k = next(k for k, s in enumerate(g.steps) if s.grad_output.size == n
             and g.edges_from(s.node))
    local = g.local_step(k)
    assert 0 < len(calls) <= n
    assert g.local_step(k) is local and len(calls) <= n  # kept, not formed again
    for edge, product in zip(g.edges_from(local.node), local.products, strict=True):
        np.testing.assert_allclose(product, edge.grad.reshape(-1), rtol=0, atol=TOL)


def test_step_order_is_recorded_not_assumed():
    """The focal loss's graph is a DAG: autograd's order is not the breadth-first ids."""
    g = classifier_graph(State(logits=LOGITS, target=2, loss="sigmoid_focal"))
    assert g.order != tuple(range(len(g.nodes)))
    position = {node: i for i, node in enumerate(g.order)}
    for e in g.edges:  # a node runs only after every node that sends it a gradient
        assert position[e.source] < position[e.target]


# --------------------------------------------------------------------------- saved values
def test_saved_tensors_are_the_forwards_values():
    t = 1.5
    g = classifier_graph(State(logits=LOGITS, target=0, temperature=t))
    log_softmax = next(n for n in g.nodes if n.name == "LogSoftmaxBackward0")
    saved = {s.name: s for s in log_softmax.saved}
    expected = torch.log_softmax(torch.tensor(LOGITS, dtype=torch.float64) / t, dim=0)
    np.testing.assert_allclose(saved["_saved_result"].values.reshape(-1), expected.numpy(),
                               atol=1e-15)
    assert saved["_saved_result"].shape == (1, 4) and not saved["_saved_result"].freed
    assert saved["_saved_dim"].value == 1 and saved["_saved_dim"].text == "dim = 1"
    nll = {s.name: s for s in g.nodes[0].saved}
    assert nll["_saved_ignore_index"].value == torch.nn.CrossEntropyLoss().ignore_index
    assert nll["_saved_target"].values.tolist() == [0.0]
    div = {s.name: s for s in next(n for n in g.nodes if n.name == "DivBackward0").saved}
    assert float(div["_saved_other"].values) == t
    assert all(isinstance(s.text, str) and s.text for n in g.nodes for s in n.saved)


def test_large_saved_tensors_keep_shape_and_a_head():
    n = 40
    g = classifier_graph(State(logits=tuple(float(i) for i in range(n)), target=0))
    saved = {s.name: s for s in next(x for x in g.nodes if x.name == "LogSoftmaxBackward0").saved}
    big = saved["_saved_result"]
    assert big.shape == (1, n) and big.truncated and big.values.shape == (SAVED_HEAD,)
    assert "…" in big.text and "1×40" in big.text


# --------------------------------------------------------------------------- meanings
def family_states():
    options = [{}, {"label_smoothing": 0.1}, {"reduction": "sum"}, {"pos_weight": 2.0},
               {"gamma": 0.0}, {"alpha": -1.0}, {"p": 2}, {"margin": 0.0}]
    for name in CLASSIFIER_NAMES:
        for target in (0, (0.2, 0.5, 0.3)):
            if name in INDEX_ONLY and not isinstance(target, int):
                continue
            for extra in options:
                yield State(logits=(2.0, 1.0, 0.1), target=target, loss=name,
                            temperature=1.5, **extra)
        if name == "cross_entropy":
            for target in (0, (0.2, 0.5, 0.3)):
                yield State(logits=(2.0, 1.0, 0.1), target=target, loss=name,
                            class_weights=(1.0, 2.0, 0.5), label_smoothing=0.1)
    for name in REGRESSION_NAMES:
        for reduction in ("mean", "sum"):
            for x in ((1.0,), (1.0, 2.0, 3.0)):
                for extra in ({}, {"beta": 0.0}, {"delta": 0.5}):
                    yield State(regression=Regression(
                        x=x, y=tuple(2 * v for v in x), loss=name, reduction=reduction,
                        **extra))


def test_every_node_of_the_family_has_a_meaning():
    seen = set()
    for state in family_states():
        for g in (classifier_graph(state), regression_graph(state)):
            for node in g.nodes:
                seen.add(node.name)
                assert node.meaning == MEANINGS.get(node.name), node.name
    missing = sorted(seen - set(MEANINGS))
    assert not missing, f"node types without a meaning: {missing}"
    assert {"NllLossBackward0", "SoftmaxBackward0", "AccumulateGrad",
            "HuberLossBackward0"} <= seen


def test_an_unknown_node_gets_a_line_built_from_its_name():
    assert meaning("CumsumBackward0") == GENERIC_MEANING.format(op="Cumsum")
    assert "Cumsum" in meaning("CumsumBackward0")


# --------------------------------------------------------------------------- JSON, shape
def test_to_dict_is_the_documented_json():
    state = State(logits=LOGITS, target=1, temperature=1.2, loss="sigmoid_focal")
    g = classifier_graph(state)
    d = json.loads(json.dumps(g.to_dict(), allow_nan=False))
    assert set(d) == {"nodes", "edges"}
    assert [n["id"] for n in d["nodes"]] == list(range(len(g.nodes)))
    assert d["nodes"][0]["name"] == g.nodes[0].name == "MeanBackward0"
    assert d["edges"] == [[e.source, e.target] for e in g.edges]
    leaf = next(n for n in d["nodes"] if n["name"] == "AccumulateGrad")
    np.testing.assert_allclose(leaf["grad"], g.leaf_grads["a"], atol=0)
    assert leaf["leaf"] == "a"
    for node in d["nodes"]:
        assert set(node) >= {"id", "name", "saved", "grad"}
        assert all(k.startswith("_saved_") for k in node["saved"])


def test_nan_and_inf_become_null():
    a = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    root = (a * math.inf).sum()
    g = trace(root, {"a": a}, {})
    d = json.loads(json.dumps(g.to_dict(), allow_nan=False))
    leaf = next(n for n in d["nodes"] if n["name"] == "AccumulateGrad")
    assert leaf["grad"] == [None, None]
    assert np.isinf(g.leaf_grads["a"]).all()


def test_shape_key_follows_the_shape_not_the_numbers():
    one = classifier_graph(State(logits=LOGITS, target=0))
    two = classifier_graph(State(logits=(5.0, -1.0, 0.3, 0.2), target=2, temperature=3.0))
    other = classifier_graph(State(logits=LOGITS, target=0, loss="mse"))
    assert one.shape_key() == two.shape_key()
    assert one.shape_key() != other.shape_key()
    hash(one.shape_key())


# --------------------------------------------------------------------------- speed
def test_a_frame_at_ten_classes_fits_the_budget():
    """The window runs torch on one thread (gui/shell/torch_loader); 16 ms is a frame."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        state = State(logits=tuple(np.linspace(-2, 2, 10).tolist()), target=3,
                      loss="sigmoid_focal")
        classifier_graph(state)
        times = []
        for _ in range(15):
            start = time.perf_counter()
            classifier_graph(state)
            times.append(time.perf_counter() - start)
    finally:
        torch.set_num_threads(threads)
    assert statistics.median(times) < 0.016


# --------------------------------------------------------------------------- the CLI
def run(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=90)


@pytest.mark.parametrize("loss", ["cross_entropy", "sigmoid_focal"])
def test_cli_json_has_both_graphs(loss, tmp_path):
    path = tmp_path / "state.json"
    path.write_text(State(regression=Regression(x=DATA.x, y=DATA.y, w=DATA.w, b=DATA.b,
                                                loss="huber", delta=0.8)).to_json())
    out = run("compute", "--state", str(path), "--format", "json", "--loss", loss,
              "--logits", "2,1,0.1", "--target", "0", "--temperature", "1.5")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert {"losses", "regression_losses", "autograd_graph", "regression_graph"} <= set(d)
    graph = d["autograd_graph"]
    assert graph["nodes"][0]["id"] == 0
    leaf = next(n for n in graph["nodes"] if n["name"] == "AccumulateGrad")
    np.testing.assert_allclose(leaf["grad"], d["losses"][loss]["grad"]["autograd"],
                               rtol=0, atol=1e-15)
    reg = d["regression_graph"]
    huber = d["regression_losses"]["huber"]
    for name in ("w", "b"):
        node = next(n for n in reg["nodes"] if n["leaf"] == name)
        assert node["name"] == "AccumulateGrad"
        assert node["grad"] == [pytest.approx(huber[f"grad_{name}"]["autograd"], abs=1e-15)]
    assert reg["nodes"][0]["name"] == "HuberLossBackward0"
    ids = {n["id"] for n in reg["nodes"]}
    assert all(s in ids and t in ids for s, t in reg["edges"])

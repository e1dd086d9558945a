"""The generated script runs on its own and reproduces core.compute to 1e-12."""

import ast
import json
import math

import numpy as np
import pytest

from core import Regression, State, Surface, compute
from core.code_generator import generate_script, python_floats
from tests.generated_scripts import run_generated_scripts

STATES = {
    "default": State(),
    "soft": State(logits=(-1.0, 0.5, 3.0, 0.0), target=(0.1, 0.2, 0.3, 0.4), temperature=2.5,
                  label_smoothing=0.15, reduction="sum",
                  regression=Regression(x=(1.0, 2.0, 3.0), y=(2.0, 2.5, 4.5), w=0.3, b=-0.1)),
    "n40": State(logits=tuple(3.0 * math.sin(1.7 * i) for i in range(40)), target=37,
                 temperature=0.7, label_smoothing=0.05),
    # the regression's other losses, each with its option away from the default
    "l1": State(regression=Regression(x=(1.0, 2.0, 3.0), y=(2.0, 2.5, 4.5), w=0.3, b=-0.1,
                                      loss="l1", reduction="sum")),
    "huber": State(regression=Regression(x=(1.0, 2.0, 3.0, -1.0), y=(2.0, 2.5, 4.5, 0.0),
                                         w=0.3, b=-0.1, loss="huber", delta=0.75)),
    "smooth_l1": State(regression=Regression(x=(1.0, 2.0, 3.0, -1.0), y=(2.0, 2.5, 4.5, 0.0),
                                             w=0.3, b=-0.1, loss="smooth_l1", beta=1.5)),
}
# the torch call each regression loss must appear as, its option written exactly
REGRESSION_CALLS = {
    "default": "reg_loss = F.mse_loss(y_hat, y_data, reduction=reg_reduction)",
    "l1": "reg_loss = F.l1_loss(y_hat, y_data, reduction=reg_reduction)",
    "huber": "reg_loss = F.huber_loss(y_hat, y_data, reduction=reg_reduction, delta=0.75)",
    "smooth_l1": "reg_loss = F.smooth_l1_loss(y_hat, y_data, reduction=reg_reduction, beta=1.5)",
}

@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    return run_generated_scripts(STATES, tmp_path_factory.mktemp("scripts"), timeout=60)


@pytest.mark.parametrize("name", list(STATES))
def test_script_reproduces_compute(outputs, name):
    lines = outputs[name].strip().splitlines()
    assert len(lines) > 5  # human-readable lines come first
    got = json.loads(lines[-1])
    r = compute(STATES[name].replace(surface=Surface(grid=10)))  # the surface is not compared
    c = r.classifier

    def close(a, b):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), rtol=1e-12, atol=1e-12)

    close(got["probs"], r.probs)
    close(got["cross_entropy"], c.cross_entropy)
    close(got["mse"], c.mse)
    close(got["grad_cross_entropy"], r.grads["cross_entropy"].autograd)
    close(got["grad_mse"], r.grads["mse"].autograd)
    close(got["jacobian"], c.jacobian.formula)
    close(got["regression_loss"], r.regression.loss)
    close(got["grad_w"], r.regression.grad_w)
    close(got["grad_b"], r.regression.grad_b)
    assert f"{c.cross_entropy}" in outputs[name]  # the readable part shows the numbers too


@pytest.mark.parametrize("name", list(REGRESSION_CALLS))
def test_script_uses_the_chosen_regression_loss(outputs, name):
    script = generate_script(STATES[name])
    assert REGRESSION_CALLS[name] in script
    assert script.count("reg_loss = ") == 1
    reg = STATES[name].regression
    x, y = np.array(reg.x), np.array(reg.y)
    r = reg.w * x + reg.b - y
    per_point = {"mse": r ** 2, "l1": np.abs(r),
                 "huber": np.where(np.abs(r) <= reg.delta, 0.5 * r ** 2,
                                   reg.delta * (np.abs(r) - 0.5 * reg.delta)),
                 "smooth_l1": np.where(np.abs(r) < reg.beta, 0.5 * r ** 2 / reg.beta,
                                       np.abs(r) - 0.5 * reg.beta)}[reg.loss]
    expected = per_point.mean() if reg.reduction == "mean" else per_point.sum()
    got = json.loads(outputs[name].strip().splitlines()[-1])
    assert got["regression_loss"] == pytest.approx(expected, rel=1e-13)


@pytest.mark.parametrize("name", list(STATES))
def test_script_is_valid_readable_python_importing_only_torch_and_json(name):
    script = generate_script(STATES[name])
    tree = ast.parse(compile(script, "<generated>", "exec", flags=ast.PyCF_ONLY_AST))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    assert imported == {"json", "torch", "torch.nn.functional"}
    assert max(len(line) for line in script.splitlines()) <= 100
    assert script.count("# ") > 15  # commented for learners


def test_script_writes_the_states_exact_numbers():
    script = generate_script(STATES["soft"])
    for text in ("[-1.0, 0.5, 3.0, 0.0]", "[0.1, 0.2, 0.3, 0.4]", "T = 2.5", "eps = 0.15",
                 "reduction = 'sum'", "torch.tensor(-0.1,"):
        assert text in script
    assert "ce_target = torch.tensor([target], dtype=torch.long)" in generate_script(State())


def test_python_floats_round_trips_exactly_and_wraps():
    values = [0.1 + 0.2, 1e-300, -0.0, 1 / 3, 12345.678e10, *np.linspace(-1, 1, 300)]
    text = python_floats(values, indent=9)
    assert eval(text) == [float(v) for v in values]
    first, *rest = text.splitlines()
    assert rest and 9 + len(first) <= 88 and max(len(line) for line in rest) <= 88
    assert all(line.startswith(" " * 10 + str(line.strip()[0])) for line in rest)
    assert python_floats([]) == "[]" and python_floats([2.0]) == "[2.0]"


def test_script_for_1024_classes_stays_well_formed():
    state = State(logits=tuple(float(i % 7) for i in range(1024)), target=1023)
    script = generate_script(state)
    compile(script, "<generated>", "exec")
    assert max(len(line) for line in script.splitlines()) <= 100

"""The four pitfalls: torch's real errors are captured, and the fixes give the closed forms."""

import contextlib
import io
import re

import numpy as np
import pytest

from core import Regression, State, Surface, compute
from core.pitfalls import PITFALL_KEYS, _capture, pitfall, run_pitfall, run_pitfalls

# Short fragments of torch's messages, so the tests survive rewording elsewhere in them.
MESSAGES = {
    "A": r"does not require grad",
    "B": r"does not require grad",
    "C": r"backward through the graph a second time",
    "D": r"only for scalar outputs",
}

REGRESSION = Regression(x=(1.0, 2.0, 3.0), y=(2.0, 2.5, 4.5), w=0.5, b=0.25)
LOGITS = (2.0, -1.5, 0.25, 3.0)
TEMPERATURE = 0.5


def run_snippet(code: str) -> dict:
    """Execute a snippet as the user would paste it, quietly; return its variables."""
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<snippet>", "exec"), namespace)
    return namespace


def softmax(logits, temperature):
    z = np.array(logits) / temperature
    e = np.exp(z - z.max())
    return e / e.sum()


@pytest.mark.parametrize("key", PITFALL_KEYS)
def test_each_pitfall_raises_torchs_own_error(key):
    run = run_pitfall(key, REGRESSION, LOGITS, TEMPERATURE)
    assert run.raised
    assert run.error_type == "RuntimeError"
    assert re.search(MESSAGES[key], run.error_message)
    assert run.outcome == f"RuntimeError: {run.error_message}"


@pytest.mark.parametrize("key", PITFALL_KEYS)
def test_snippet_fails_exactly_as_the_run_recorded(key):
    """The code shown to the user and the experiment run in Python are the same thing."""
    run = run_pitfall(key, REGRESSION, LOGITS, TEMPERATURE)
    with pytest.raises(RuntimeError) as raised:
        run_snippet(run.pitfall.code)
    assert str(raised.value) == run.error_message


def test_note_example_fix_gives_loss_1_and_gradient_2():
    for key in ("A", "B"):
        run = run_pitfall(key, Regression(), (2.0, 1.0, 0.1), 1.0)
        assert run.fix_labels == ("loss", "∂loss/∂w")
        assert run.fix_values == (1.0, 2.0)
        assert "tensor([2.]" in run.fix_result


@pytest.mark.parametrize("key", ["A", "B"])
def test_regression_fix_matches_closed_form_and_snippet(key):
    run = run_pitfall(key, REGRESSION, LOGITS, TEMPERATURE)
    x, y = np.array(REGRESSION.x), np.array(REGRESSION.y)
    r = x * REGRESSION.w + REGRESSION.b - y
    np.testing.assert_allclose(run.fix_values, [np.mean(r * r), 2 * np.mean(r * x)],
                               rtol=1e-14)
    assert run.max_abs_diff < 1e-14
    ns = run_snippet(run.pitfall.fix_code)
    assert float(ns["loss"].detach()) == run.fix_values[0]
    assert float(ns["grad_w"][0]) == run.fix_values[1]


def test_jacobian_rows_from_the_fixes_match_diag_p_minus_ppt():
    p = softmax(LOGITS, TEMPERATURE)
    jac = (np.diag(p) - np.outer(p, p)) / TEMPERATURE
    c = run_pitfall("C", REGRESSION, LOGITS, TEMPERATURE)
    d = run_pitfall("D", REGRESSION, LOGITS, TEMPERATURE)
    np.testing.assert_allclose(np.reshape(c.fix_values, (2, len(p))), jac[:2], atol=1e-15)
    np.testing.assert_allclose(d.fix_values, jac[0], atol=1e-15)
    assert c.max_abs_diff < 1e-15 and d.max_abs_diff < 1e-15
    assert len(c.fix_labels) == 2 * len(p) and c.fix_labels[len(p) + 1] == "∂p1/∂a1"
    # the same rows the app's Jacobian view shows
    state = State(logits=LOGITS, temperature=TEMPERATURE, surface=Surface(grid=10))
    np.testing.assert_allclose(c.fix_values, compute(state).classifier.jacobian.formula[:2]
                               .ravel(), atol=1e-15)


def test_fix_snippets_run_and_agree_with_the_run():
    c = run_pitfall("C", REGRESSION, LOGITS, TEMPERATURE)
    ns = run_snippet(c.pitfall.fix_code)
    np.testing.assert_array_equal(np.concatenate([ns["row0"], ns["row1"]]), c.fix_values)
    d = run_pitfall("D", REGRESSION, LOGITS, TEMPERATURE)
    ns = run_snippet(d.pitfall.fix_code)
    np.testing.assert_array_equal(ns["row0"], d.fix_values)
    np.testing.assert_allclose(ns["row0_too"], d.fix_values, atol=1e-16)


def test_snippets_show_the_current_numbers():
    a = pitfall("A", REGRESSION, LOGITS, TEMPERATURE)
    assert "[1.0, 2.0, 3.0]" in a.code and "[2.0, 2.5, 4.5]" in a.code
    assert "torch.tensor([0.5]" in a.code and "x * w + 0.25" in a.code
    assert "requires_grad=True" in a.fix_code and "requires_grad" not in a.code.replace(
        "# no requires_grad", "")
    for key in ("C", "D"):
        spec = pitfall(key, REGRESSION, LOGITS, TEMPERATURE)
        assert "[2.0, -1.5, 0.25, 3.0]" in spec.code and "T = 0.5" in spec.code
    assert "retain_graph=True" in pitfall("C", REGRESSION, LOGITS, TEMPERATURE).fix_code
    # the note's own example writes the note's x * w
    assert "F.mse_loss(y, x * w)\n" in pitfall("B", Regression(), LOGITS, 1.0).code


def test_run_pitfalls_covers_all_keys_in_order_and_unknown_key_is_rejected():
    runs = run_pitfalls(State())
    assert tuple(r.pitfall.key for r in runs) == PITFALL_KEYS
    assert all(r.pitfall.title and r.pitfall.explanation for r in runs)
    with pytest.raises(ValueError, match="'E'"):
        pitfall("E", REGRESSION, LOGITS, TEMPERATURE)


def test_a_step_that_does_not_raise_is_recorded_as_such():
    assert _capture(lambda: None) == (None, None)
    run = run_pitfall("A", REGRESSION, LOGITS, TEMPERATURE)
    quiet = type(run)(**{**run.__dict__, "error_type": None, "error_message": None})
    assert not quiet.raised
    assert "No error" in quiet.outcome

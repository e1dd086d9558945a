"""The MSE-vs-CE sweep against closed forms, and the fact it teaches: MSE's gradient vanishes."""

import numpy as np
import pytest

from core import Regression, State, Surface, compute
from core.mse_vs_ce import mse_vs_ce
from tests.reference_math import numpy_y_eff

STATES = [
    State(),
    State(logits=(-1.0, 0.5, 3.0, 0.0), target=(0.1, 0.2, 0.3, 0.4), temperature=2.5,
          label_smoothing=0.15, reduction="sum"),
    State(logits=(1.0, 2.0, 3.0, 4.0, 5.0), target=1, temperature=0.7, label_smoothing=0.1),
]


def closed_forms(state: State, c: int, a_c: np.ndarray):
    """Per value of a_c: CE, MSE, ∂CE/∂a_c and ∂MSE/∂a_c from the formulas (numpy only)."""
    n = state.n_classes
    a = np.tile(np.array(state.logits), (len(a_c), 1))
    a[:, c] = a_c
    z = a / state.temperature
    log_p = z - z.max(axis=1, keepdims=True)
    log_p -= np.log(np.exp(log_p).sum(axis=1, keepdims=True))
    p = np.exp(log_p)
    y_eff = numpy_y_eff(state)
    scale = 1 / n if state.reduction == "mean" else 1.0
    ce = -(y_eff * log_p).sum(axis=1)
    mse = scale * ((p - y_eff) ** 2).sum(axis=1)
    grad_ce = (p[:, c] - y_eff[c]) / state.temperature
    g = 2 * scale * (p - y_eff)                      # ∂MSE/∂p
    # (Jᵀ g)_c with J_ic = p_i (δ_ic - p_c) / T
    grad_mse = p[:, c] * (g[:, c] - (g * p).sum(axis=1)) / state.temperature
    return ce, mse, grad_ce, grad_mse


@pytest.mark.parametrize("state", STATES)
def test_sweep_matches_closed_forms(state):
    m = mse_vs_ce(state, points=101, span=12.0)
    ce, mse, grad_ce, grad_mse = closed_forms(state, m.class_index, m.logit_values)
    np.testing.assert_allclose(m.cross_entropy, ce, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(m.mse, mse, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(m.grad_cross_entropy_abs, np.abs(grad_ce), rtol=1e-10,
                               atol=1e-15)
    np.testing.assert_allclose(m.grad_mse_abs, np.abs(grad_mse), rtol=1e-9, atol=1e-15)


@pytest.mark.parametrize("state", STATES)
def test_axis_runs_from_very_wrong_to_very_right_around_the_largest_other_logit(state):
    m = mse_vs_ce(state, points=51, span=10.0)
    c = m.class_index
    largest_other = max(v for i, v in enumerate(state.logits) if i != c)
    assert len(m.logit_values) == 51
    assert m.logit_values[0] == pytest.approx(largest_other - 10.0, abs=1e-14)
    assert m.logit_values[-1] == pytest.approx(largest_other + 10.0, abs=1e-14)
    assert m.current_logit == state.logits[c]


def test_the_true_class_of_a_probability_target_is_its_most_likely_class():
    assert mse_vs_ce(STATES[1]).class_index == 3
    assert mse_vs_ce(STATES[2]).class_index == 1


def test_confidently_wrong_mse_gradient_vanishes_but_ce_does_not():
    m = mse_vs_ce(State())
    ratio = m.grad_mse_abs[0] / m.grad_cross_entropy_abs[0]
    assert ratio < 1e-3
    assert m.grad_cross_entropy_abs[0] > 0.99        # CE pushes at full strength
    # and MSE's loss barely changes there: its plateau is flat
    assert abs(m.mse[1] - m.mse[0]) < 1e-3 * abs(m.cross_entropy[1] - m.cross_entropy[0])


@pytest.mark.parametrize("state", STATES)
def test_current_point_equals_compute(state):
    m = mse_vs_ce(state)
    r = compute(state.replace(surface=Surface(grid=10)))  # the surface grid is not compared
    c = m.class_index
    assert m.current.cross_entropy == pytest.approx(r.classifier.cross_entropy, rel=1e-13)
    assert m.current.mse == pytest.approx(r.classifier.mse, rel=1e-13)
    assert m.current.grad_cross_entropy_abs == pytest.approx(
        abs(r.grads["cross_entropy"].autograd[c]), rel=1e-12)
    assert m.current.grad_mse_abs == pytest.approx(abs(r.grads["mse"].autograd[c]), rel=1e-12)


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError, match="points"):
        mse_vs_ce(State(), points=1)
    with pytest.raises(ValueError, match="span"):
        mse_vs_ce(State(), span=0.0)
    assert mse_vs_ce(State(regression=Regression(w=1.0)), points=2).logit_values.shape == (2,)

"""compute() against torch's own losses, closed forms and central finite differences (float64)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core import State, compute
from tests.reference_math import numpy_y_eff

FD_STEP = 1e-6
FD_TOL = 1e-7      # central differences: O(h²) truncation plus O(eps/h) rounding


def numpy_losses(state: State, logits: np.ndarray) -> tuple[float, float]:
    """An independent implementation (numpy, no torch) of the contract's definitions."""
    z = logits / state.temperature
    log_p = z - (z.max() + np.log(np.exp(z - z.max()).sum()))
    p = np.exp(log_p)
    n = len(logits)
    y_eff = numpy_y_eff(state)
    ce = -(y_eff * log_p).sum()
    mse = ((p - y_eff) ** 2).sum() / (n if state.reduction == "mean" else 1)
    return float(ce), float(mse)


def finite_difference(state: State) -> tuple[np.ndarray, np.ndarray]:
    a = np.array(state.logits)
    grads = np.zeros((2, len(a)))
    for k in range(len(a)):
        up, down = a.copy(), a.copy()
        up[k] += FD_STEP
        down[k] -= FD_STEP
        grads[:, k] = (np.array(numpy_losses(state, up)) -
                       np.array(numpy_losses(state, down))) / (2 * FD_STEP)
    return grads[0], grads[1]


STATES = [
    State(logits=(2.0, 1.0, 0.1), target=0),
    State(logits=(2.0, 1.0, 0.1), target=2, temperature=0.5),
    State(logits=(-1.0, 0.5, 3.0, 0.0), target=(0.1, 0.2, 0.3, 0.4), temperature=2.5),
    State(logits=(0.3, -0.7), target=1, label_smoothing=0.2, reduction="sum"),
    State(logits=(1.0, 2.0, 3.0, 4.0, 5.0), target=(0.0, 0.0, 1.0, 0.0, 0.0),
          label_smoothing=0.1, temperature=0.7, reduction="sum"),
]


@pytest.mark.parametrize("state", STATES)
def test_losses_match_definitions_and_torch(state):
    result = compute(state)
    ce, mse = numpy_losses(state, np.array(state.logits))
    assert result.classifier.cross_entropy == pytest.approx(ce, rel=1e-13)
    assert result.classifier.mse == pytest.approx(mse, rel=1e-13)
    # ... and torch's own functions agree with the definitions
    z = torch.tensor(state.logits, dtype=torch.float64) / state.temperature
    y_eff = torch.tensor(result.classifier.target_effective)
    torch_ce = F.cross_entropy(z[None], y_eff[None])
    assert float(torch_ce) == pytest.approx(ce, rel=1e-13)


@pytest.mark.parametrize("state", STATES)
def test_gradients_match_finite_differences(state):
    result = compute(state)
    fd_ce, fd_mse = finite_difference(state)
    for ways, fd in ((result.grads["cross_entropy"], fd_ce), (result.grads["mse"], fd_mse)):
        for way in (ways.autograd, ways.backward, ways.formula):
            np.testing.assert_allclose(way, fd, atol=FD_TOL)
        assert ways.max_abs_diff < 1e-14


@pytest.mark.parametrize("state", STATES)
def test_jacobian_matches_finite_differences(state):
    result = compute(state)
    a = np.array(state.logits)
    n = len(a)

    def softmax(v):
        z = v / state.temperature
        e = np.exp(z - z.max())
        return e / e.sum()

    fd = np.zeros((n, n))
    for j in range(n):
        up, down = a.copy(), a.copy()
        up[j] += FD_STEP
        down[j] -= FD_STEP
        fd[:, j] = (softmax(up) - softmax(down)) / (2 * FD_STEP)
    np.testing.assert_allclose(result.classifier.jacobian.autograd, fd, atol=FD_TOL)
    np.testing.assert_allclose(result.classifier.jacobian.formula, fd, atol=FD_TOL)


def test_ce_gradient_is_p_minus_y_over_t():
    state = State(logits=(0.5, -1.0, 2.0), target=1, temperature=4.0)
    result = compute(state)
    expected = (result.probs - np.array([0.0, 1.0, 0.0])) / 4.0
    np.testing.assert_allclose(result.grads["cross_entropy"].formula, expected, atol=1e-16)
    np.testing.assert_allclose(result.grads["cross_entropy"].autograd, expected, atol=1e-15)


def test_label_smoothing_matches_torch_with_class_target():
    state = State(logits=(1.0, 0.0, -1.0, 2.0), target=3, label_smoothing=0.3)
    result = compute(state)
    expected = F.cross_entropy(torch.tensor([state.logits], dtype=torch.float64),
                               torch.tensor([3]), label_smoothing=0.3)
    assert result.classifier.cross_entropy == pytest.approx(float(expected), rel=1e-14)
    np.testing.assert_allclose(result.classifier.target_effective,
                               [0.075, 0.075, 0.075, 0.775], atol=1e-15)


def test_reduction_sum_is_n_times_mean():
    mean = compute(State(logits=(1.0, 2.0, 0.0, -1.0), target=1))
    total = compute(State(logits=(1.0, 2.0, 0.0, -1.0), target=1, reduction="sum"))
    assert total.classifier.mse == pytest.approx(4 * mean.classifier.mse, rel=1e-14)
    np.testing.assert_allclose(total.grads["mse"].formula, 4 * mean.grads["mse"].formula,
                               rtol=1e-13)
    # cross-entropy is a single sample: reduction does not change it
    assert total.classifier.cross_entropy == mean.classifier.cross_entropy


def test_batched_jacobian_for_large_n_equals_closed_form():
    rng = np.random.default_rng(7)
    state = State(logits=tuple(rng.normal(0, 3, 100)), target=5, temperature=0.8)
    jac = compute(state).classifier.jacobian
    np.testing.assert_allclose(jac.autograd, jac.formula, atol=1e-15)
    a = torch.tensor(state.logits, dtype=torch.float64, requires_grad=True)
    p = torch.softmax(a / 0.8, 0)
    (row,) = torch.autograd.grad(p[7], a)
    np.testing.assert_allclose(jac.autograd[7], row.numpy(), atol=1e-16)

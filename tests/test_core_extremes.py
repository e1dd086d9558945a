"""Extreme and random states: no NaN or inf where the true value is finite; all ways agree."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import State, Surface, compute


def assert_all_finite(result):
    c = result.classifier
    for name, values in [("probs", c.probs), ("log_probs", c.log_probs),
                         ("ce", c.cross_entropy), ("mse", c.mse),
                         ("jacobian", c.jacobian.autograd), ("jacobian", c.jacobian.formula)]:
        assert np.isfinite(values).all(), name
    for ways in result.grads.values():
        for way in (ways.autograd, ways.backward, ways.formula):
            assert np.isfinite(way).all()
    for surface in result.surfaces.values():
        assert np.isfinite(surface.values).all()


def assert_ways_agree(result):
    """Agreement relative to the gradient's own scale (1/T can make it 1000×)."""
    c = result.classifier
    scale = 1.0 / result.state.temperature
    assert c.grad_cross_entropy.max_abs_diff <= 1e-12 * scale
    assert c.grad_mse.max_abs_diff <= 1e-12 * scale
    assert c.jacobian.max_abs_diff <= 1e-12 * scale


@pytest.mark.parametrize("state", [
    State(logits=(1e4, -1e4, 0.0), target=1),
    State(logits=(1e4, -1e4, 0.0), target=1, temperature=1e-3),
    State(logits=(1000.0, -1000.0), target=0),
    State(logits=(-1e4, -1e4), target=(0.0, 1.0), temperature=1e-3, label_smoothing=0.5),
    State(logits=(1e4,) * 1024, target=1023, temperature=1e-3,
          surface=Surface(range=(-1e4, 1e4), axes=(0, 1023))),
    State(logits=(0.0, 1e4, -1e4), target=(0.0, 0.0, 1.0), temperature=1e-3,
          surface=Surface(range=(-1e4, 1e4))),
])
def test_extremes_stay_finite(state):
    result = compute(state)
    assert_all_finite(result)
    assert_ways_agree(result)


def test_confidently_wrong_gives_huge_but_finite_ce():
    result = compute(State(logits=(1e4, -1e4), target=1, temperature=1e-3))
    # z = ±1e7, CE = -log p_1 = 2e7 exactly
    assert result.classifier.cross_entropy == pytest.approx(2e7, rel=1e-12)
    np.testing.assert_array_equal(result.probs, [1.0, 0.0])


@st.composite
def states(draw):
    n = draw(st.integers(2, 40))
    logit = st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False)
    logits = draw(st.lists(logit, min_size=n, max_size=n))
    if draw(st.booleans()):
        target = draw(st.integers(0, n - 1))
    else:
        weights = draw(st.lists(st.sampled_from([0.0, 0.0, 1e-9, 0.3, 1.0, 7.0]),
                                min_size=n, max_size=n))
        if sum(weights) == 0:
            weights[0] = 1.0
        total = sum(weights)
        target = [w / total for w in weights]
    temperature = draw(st.sampled_from([1e-3, 0.01, 0.5, 1.0, 3.0, 20.0])
                       | st.floats(1e-3, 100.0))
    smoothing = draw(st.sampled_from([0.0, 0.1, 0.999]) | st.floats(0.0, 0.99))
    i, j = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
    return State(logits=tuple(logits), target=target, temperature=temperature,
                 label_smoothing=smoothing, reduction=draw(st.sampled_from(["mean", "sum"])),
                 surface=Surface(axes=(i, j), grid=12, range=(-1e4, 1e4)))


@given(states())
def test_random_states_are_finite_and_ways_agree(state):
    result = compute(state)
    assert_all_finite(result)
    assert_ways_agree(result)
    assert result.probs.sum() == pytest.approx(1.0, abs=1e-12)
    assert result.classifier.cross_entropy >= -1e-12

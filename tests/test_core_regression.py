"""Regression: loss, gradients two ways, and gradient descent."""

from dataclasses import replace

import numpy as np
import pytest

from core import Regression, State, compute


def test_gradients_autograd_equal_formula_and_fd():
    reg = Regression(x=(1.0, 2.0, 3.0), y=(2.0, 2.5, 4.5), w=0.3, b=0.1)
    r = compute(State(regression=reg)).regression
    x, y = np.array(reg.x), np.array(reg.y)

    def loss(w, b):
        return float(((w * x + b - y) ** 2).mean())

    h = 1e-6
    assert r.loss == pytest.approx(loss(0.3, 0.1), rel=1e-14)
    assert r.grad_w == pytest.approx((loss(0.3 + h, 0.1) - loss(0.3 - h, 0.1)) / (2 * h), abs=1e-7)
    assert r.grad_b == pytest.approx((loss(0.3, 0.1 + h) - loss(0.3, 0.1 - h)) / (2 * h), abs=1e-7)
    assert r.max_abs_diff < 1e-14


def test_descent_follows_the_update_rule_and_converges():
    reg = Regression(x=(1.0, 2.0, 3.0), y=(2.0, 4.0, 6.0), w=0.0, b=0.0,
                     learning_rate=0.05, steps=1000)
    r = compute(State(regression=reg)).regression
    assert r.path.shape == (1001, 2)
    assert not r.diverged
    # first step by hand: grad_w = 2·mean(r·x) = 2·(-28/3), grad_b = 2·mean(r) = 2·(-4)
    np.testing.assert_allclose(r.path[1], [0.05 * 56 / 3, 0.05 * 8], rtol=1e-14)
    assert (np.diff(r.path_loss) <= 1e-15).all()
    assert r.path_loss[-1] < 1e-6
    np.testing.assert_allclose(r.path[-1], [2.0, 0.0], atol=1e-3)


def test_descent_with_too_large_a_rate_is_marked_diverged_not_inf():
    reg = Regression(x=(10.0, 20.0), y=(1.0, 2.0), learning_rate=5.0, steps=1000)
    r = compute(State(regression=reg)).regression
    assert r.diverged
    assert len(r.path) < 1001
    assert np.isfinite(r.path).all() and np.isfinite(r.path_loss).all()


def test_sum_reduction_doubles_gradient_for_two_points():
    reg = Regression(x=(1.0, 2.0), y=(0.0, 1.0), w=1.0, b=1.0)
    mean = compute(State(regression=reg)).regression
    total = compute(State(regression=replace(reg, reduction="sum"))).regression
    assert total.loss == pytest.approx(2 * mean.loss)
    assert total.grad_w == pytest.approx(2 * mean.grad_w)

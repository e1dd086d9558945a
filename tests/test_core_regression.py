"""Regression: loss, gradients two ways, and gradient descent."""

from dataclasses import replace

import numpy as np
import pytest

from core import Regression, State, compute
from tests.reference_math import regression_descent
from tests.reference_math import regression_one_sided_slopes as one_sided_slopes
from tests.reference_math import regression_reference as reference


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


# ------------------------------------------------------------------ every regression loss
# Against the independent float64 references of tests/reference_math.py.
SPREAD = Regression(x=(-2.0, -0.5, 0.0, 1.0, 2.5, 4.0), y=(1.0, 0.2, -0.3, 2.0, 1.5, 9.0),
                    w=0.4, b=-0.2, learning_rate=0.3, steps=40, grid=41,
                    w_range=(-1.0, 3.0), b_range=(-2.0, 4.0))
LOSSES = [("l1", {}), ("huber", {"delta": 0.7}), ("smooth_l1", {"beta": 1.3}),
          ("smooth_l1", {"beta": 0.0}), ("mse", {})]


@pytest.mark.parametrize(("loss", "options"), LOSSES)
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_every_loss_value_gradients_surface_and_slice(loss, options, reduction):
    reg = replace(SPREAD, loss=loss, reduction=reduction, **options)
    r = compute(State(regression=reg)).regression
    assert r.loss_name == loss
    value, gw, gb = reference(reg, reg.w, reg.b)
    assert r.loss == pytest.approx(value, rel=1e-13)
    for got in ((r.grad_w, r.grad_b), (r.grad_w_formula, r.grad_b_formula)):
        np.testing.assert_allclose(got, (gw, gb), rtol=1e-12, atol=1e-14)
    # the surface: every grid point against the reference
    ws, bs = r.surface.xs, r.surface.ys
    expected = np.array([[reference(reg, w, b)[0] for w in ws] for b in bs])
    np.testing.assert_allclose(r.surface.values, expected, rtol=1e-12)
    # the slice at the current b
    np.testing.assert_allclose(r.slice_loss, [reference(reg, w, reg.b)[0] for w in r.slice_w],
                               rtol=1e-12)


@pytest.mark.parametrize(("loss", "options"), LOSSES)
def test_every_loss_descends_by_its_own_closed_form(loss, options):
    reg = replace(SPREAD, loss=loss, **options)
    r = compute(State(regression=reg)).regression
    path, losses = regression_descent(reg)
    np.testing.assert_allclose(r.path, path, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(r.path_loss, losses, rtol=1e-10)


def test_l1_descent_with_a_fixed_step_oscillates_where_mse_settles():
    data = Regression(x=(0.0, 1.0, 2.0), y=(0.0, 1.0, 2.0), w=1.0, b=0.5,
                      learning_rate=0.3, steps=60)
    l1 = compute(State(regression=replace(data, loss="l1"))).regression
    mse = compute(State(regression=data)).regression
    assert not l1.diverged and mse.path_loss[-1] < 1e-9
    tail = l1.path_loss[-10:]
    assert tail.min() > 1e-3                      # never settles: each step is ±η·(1, 1)/M
    assert np.any(np.diff(l1.path[-10:, 1]) > 0) and np.any(np.diff(l1.path[-10:, 1]) < 0)


def test_mse_numbers_are_unchanged_by_the_loss_family():
    """MSE keeps its structured surface and closed forms: the note's example exactly."""
    r = compute(State()).regression
    assert (r.loss, r.grad_w, r.grad_b, r.grad_w_formula) == (1.0, 2.0, 2.0, 2.0)
    assert r.kinks is None and r.surface.loss == "regression_mse"


@pytest.mark.parametrize(("loss", "options", "joints"), [
    ("l1", {}, (0.0,)), ("huber", {"delta": 0.9}, (-0.9, 0.9)),
    ("smooth_l1", {"beta": 1.3}, (-1.3, 1.3)), ("smooth_l1", {"beta": 0.0}, (0.0,))])
def test_kinks_of_each_loss_against_one_sided_differences(loss, options, joints):
    reg = replace(SPREAD, loss=loss, **options)
    kinks = compute(State(regression=reg)).regression.kinks
    assert kinks.residuals == joints
    assert kinks.points == 6 and len(kinks.checks) == 6 * len(joints)
    x, y = np.array(reg.x), np.array(reg.y)
    for k in range(6):
        for check, joint in zip(kinks.of_point(k), joints, strict=True):
            b = y[k] + joint - reg.w * x[k]
            assert check.at == pytest.approx(b, abs=1e-12)
            h = 1e-7
            left, right = one_sided_slopes(reg, b, h)
            assert check.left == pytest.approx(left, abs=1e-5)
            assert check.right == pytest.approx(right, abs=1e-5)
            assert check.brackets(1e-6)
    # nothing sits on a kink here; the nearest point is the one of smallest |r - r*|
    assert kinks.at_kink == ()
    r = reg.w * x + reg.b - y
    assert kinks.nearest == int(np.argmin([min(abs(v - j) for j in joints) for v in r]))


def test_a_point_on_a_kink_is_named():
    # the note's example: x = 1, y = 1, w = 2, b = 0 has r = 1 = δ
    kinks = compute(State(regression=Regression(loss="huber"))).regression.kinks
    assert kinks.at_kink == ((0, 1.0),)
    on_zero = Regression(x=(0.0, 1.0), y=(0.0, 3.0), w=2.0, b=0.0, loss="l1")
    assert compute(State(regression=on_zero)).regression.kinks.at_kink == ((0, 0.0),)
    off = replace(on_zero, b=1e-6)
    assert compute(State(regression=off)).regression.kinks.at_kink == ()

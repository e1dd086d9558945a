"""The Regression tab's pure edits keep every State valid and match what core computes."""

import numpy as np
import pytest

from core import State
from core.regression import compute_regression
from core.regression_edits import (
    add_point,
    descent_step,
    fit_ranges,
    least_squares,
    remove_point,
    set_beta,
    set_delta,
    set_learning_rate,
    set_loss,
    set_parameters,
    set_point,
    set_reduction,
    set_steps,
)
from core.state import MAX_POINTS, Regression


def data(x, y, **kwargs) -> State:
    return State(regression=Regression(x=tuple(x), y=tuple(y), **kwargs))


def test_set_parameters_changes_only_what_is_given():
    s = set_parameters(State(), w=-0.5)
    assert (s.regression.w, s.regression.b) == (-0.5, 0.0)
    s = set_parameters(s, b=1.25)
    assert (s.regression.w, s.regression.b) == (-0.5, 1.25)
    assert State().regression.w == 2.0  # the original is untouched


def test_set_point_moves_one_coordinate_or_both():
    s = data([0, 1, 2], [0, 1, 2])
    assert set_point(s, 1, y=5.0).regression.y == (0, 5.0, 2)
    moved = set_point(s, 2, x=-1.0, y=-2.0).regression
    assert moved.x == (0, 1, -1.0) and moved.y == (0, 1, -2.0)
    with pytest.raises(ValueError, match="no point 4"):
        set_point(s, 3, x=0.0)
    with pytest.raises(ValueError, match=r"regression\.x\[0\]"):
        set_point(s, 0, x=2e6)  # beyond ±1e6: the State refuses, naming the field


def test_add_point_goes_right_of_the_rightmost_at_the_last_height():
    s = add_point(data([0, 3, 1], [1, 2, 4]))
    assert s.regression.x == (0, 3, 1, 4.0) and s.regression.y == (1, 2, 4, 4)
    assert add_point(State(), 7.0, -1.0).regression.x == (1.0, 7.0)


def test_points_stay_between_one_and_max_points():
    full = data(range(MAX_POINTS), [0.0] * MAX_POINTS)
    with pytest.raises(ValueError, match=f"at most {MAX_POINTS}"):
        add_point(full)
    with pytest.raises(ValueError, match="at least one point"):
        remove_point(State(), 0)
    s = remove_point(data([0, 1, 2], [3, 4, 5]), 1)
    assert s.regression.x == (0, 2) and s.regression.y == (3, 5)
    with pytest.raises(ValueError, match="no point 3"):
        remove_point(s, 2)


def test_learning_rate_and_steps_are_validated():
    assert set_learning_rate(State(), 0.5).regression.learning_rate == 0.5
    assert set_steps(State(), 7).regression.steps == 7
    with pytest.raises(ValueError, match="learning_rate"):
        set_learning_rate(State(), 0.0)
    with pytest.raises(ValueError, match="steps"):
        set_steps(State(), 1001)


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_descent_step_is_the_second_point_of_the_path(reduction):
    s = data([0.0, 1.0, 2.5], [1.0, -1.0, 3.0], w=0.3, b=-0.2, learning_rate=0.05,
             steps=20)
    s = set_reduction(s, reduction)
    assert s.reduction == "mean"  # the classifier's reduction is not the regression's
    path = compute_regression(s.regression).path
    stepped = s
    for k in range(1, 4):  # step by step, exactly (bit for bit) along the drawn path
        stepped = descent_step(stepped)
        assert (stepped.regression.w, stepped.regression.b) == tuple(path[k])


def test_descent_step_with_zero_steps_drawn_still_moves():
    s = State(regression=Regression(steps=0))
    assert (descent_step(s).regression.w, descent_step(s).regression.b) == pytest.approx(
        (1.8, -0.2), abs=1e-15)  # the note's example: ∇L = (2, 2), η = 0.1


def test_descent_step_that_leaves_the_range_is_refused():
    s = data([1000.0], [0.0], w=1.0, learning_rate=10.0)
    with pytest.raises(ValueError, match="learning rate 10"):
        descent_step(s)


def test_least_squares_recovers_a_line_and_refuses_equal_x():
    w, b = least_squares(data([0, 1, 2, 3], [1, 3, 5, 7]))
    assert (w, b) == pytest.approx((2.0, 1.0), abs=1e-12)
    assert least_squares(data([2, 2], [0, 1])) is None


def test_fit_ranges_cover_point_path_and_best_fit():
    s = data([0, 1, 2, 3], [10, 13, 16, 19], w=0.0, b=0.0, learning_rate=0.05, steps=40)
    fitted = fit_ranges(s)
    reg = fitted.regression
    path = compute_regression(s.regression).path
    for ws, bs in ((path[:, 0], path[:, 1]), ([3.0], [10.0]), ([0.0], [0.0])):
        assert np.all((reg.w_range[0] <= np.asarray(ws)) & (np.asarray(ws) <= reg.w_range[1]))
        assert np.all((reg.b_range[0] <= np.asarray(bs)) & (np.asarray(bs) <= reg.b_range[1]))
    assert (reg.w, reg.b, reg.x, reg.y) == (0.0, 0.0, s.regression.x, s.regression.y)


def test_fit_ranges_ignore_a_diverging_path_beyond_its_first_step():
    s = data([0, 1, 2, 3], [0.5, 1.2, 1.9, 3.5], w=0.0, b=0.0, learning_rate=0.9, steps=60)
    assert compute_regression(s.regression).diverged
    reg = fit_ranges(s).regression
    assert reg.w_range[1] - reg.w_range[0] < 100
    assert reg.w_range[0] <= 0.0 <= reg.w_range[1]


def test_fit_ranges_have_a_minimum_width():
    s = State(regression=Regression(x=(1.0,), y=(2.0,), w=1.0, b=1.0, steps=0))
    reg = fit_ranges(s).regression
    assert reg.w_range[1] - reg.w_range[0] >= 1.0
    assert reg.b_range[1] - reg.b_range[0] >= 1.0


def test_loss_delta_and_beta_edits_are_checked_by_the_state():
    s = State()
    huber = set_delta(set_loss(s, "huber"), 0.25)
    assert (huber.regression.loss, huber.regression.delta) == ("huber", 0.25)
    assert set_loss(huber, "mse").regression.delta == 0.25      # kept for the next visit
    assert set_beta(s, 0.0).regression.beta == 0.0               # β = 0 is L1: allowed
    for edit, value, field in ((set_delta, 0.0, "regression.delta"),
                               (set_delta, -1.0, "regression.delta"),
                               (set_beta, -0.5, "regression.beta"),
                               (set_beta, 2e6, "regression.beta"),
                               (set_loss, "l2", "regression.loss")):
        with pytest.raises(ValueError, match=field):
            edit(s, value)


def test_descent_step_follows_the_chosen_loss():
    s = data([0, 1, 2], [0, 1, 5], w=0.0, b=0.0, learning_rate=0.1)
    huber = set_delta(set_loss(s, "huber"), 0.5)
    stepped = descent_step(huber).regression
    x, y = np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 5.0])
    slope = np.clip(-y, -0.5, 0.5) / 3                          # ℓ'(r) / M at w = b = 0
    assert (stepped.w, stepped.b) == pytest.approx((-0.1 * (slope * x).sum(),
                                                    -0.1 * slope.sum()), rel=1e-14)
    assert descent_step(s).regression.w != stepped.w

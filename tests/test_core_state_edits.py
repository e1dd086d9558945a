"""The pure edits behind the window's controls keep every State valid."""

import pytest

from core import State, Surface
from core.state_edits import (
    generated_logits,
    hard_target,
    set_class_count,
    set_logit,
    set_surface_axes,
    set_target_probability,
    soft_target,
)


def test_set_logit_changes_one():
    assert set_logit(State(), 1, -3.5).logits == (2.0, -3.5, 0.1)


def test_generated_logits_are_seeded_and_normal():
    a = generated_logits(1000, 2.0, 0.5, seed=3)
    assert a == generated_logits(1000, 2.0, 0.5, seed=3)
    assert a != generated_logits(1000, 2.0, 0.5, seed=4)
    assert sum(a) / 1000 == pytest.approx(2.0, abs=0.05)


def test_class_count_above_slider_limit_generates():
    s = set_class_count(State(), 100, generator=(0.0, 1.0, 0))
    assert s.n_classes == 100 and s.logits == generated_logits(100, 0.0, 1.0, 0)
    assert set_class_count(State(), 5, generator=(0.0, 1.0, 0)).logits == (2.0, 1.0, 0.1, 0, 0)


def test_probability_edit_rescales_the_others_proportionally():
    s = State(target=(0.5, 0.3, 0.2))
    t = set_target_probability(s, 0, 0.8).target
    assert t[0] == pytest.approx(0.8)
    assert t[1] / t[2] == pytest.approx(0.3 / 0.2)
    assert sum(t) == pytest.approx(1.0, abs=1e-15)


def test_probability_edit_when_others_are_zero_shares_equally():
    t = set_target_probability(State(target=(1.0, 0.0, 0.0)), 0, 0.4).target
    assert t == pytest.approx((0.4, 0.3, 0.3))


def test_soft_and_hard_switches():
    soft = soft_target(State(target=2))
    assert soft.target == (0.0, 0.0, 1.0)
    assert hard_target(State(target=(0.1, 0.6, 0.3))).target == 1


def test_axes_clash_swaps():
    s = State(logits=(1.0, 2.0, 3.0), surface=Surface(axes=(0, 1)))
    assert set_surface_axes(s, 0, 1).surface.axes == (1, 0)
    assert set_surface_axes(s, 1, 2).surface.axes == (0, 2)

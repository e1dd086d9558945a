"""Two ways to a gradient agree with the closed form and finite differences; .grad accumulates."""

import contextlib
import io
from dataclasses import replace

import numpy as np
import pytest

from core import Regression, State, Surface, compute
from core.two_ways import two_ways
from tests.reference_math import regression_reference

REG = Regression(x=(1.0, 2.0, 3.0), y=(2.0, 2.5, 4.5), w=0.3, b=0.1)
FD_STEP = 1e-6


def loss(w: float, b: float, reduction: str, reg: Regression = REG) -> float:
    x, y = np.array(reg.x), np.array(reg.y)
    squares = (w * x + b - y) ** 2
    return float(squares.mean() if reduction == "mean" else squares.sum())


def run_snippet(code: str) -> dict:
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<snippet>", "exec"), namespace)
    return namespace


def test_note_example():
    t = two_ways(Regression())
    assert t.loss == 1.0
    assert t.autograd == t.backward == t.formula == (2.0, 2.0)


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_ways_agree_with_closed_form_and_finite_differences(reduction):
    t = two_ways(replace(REG, reduction=reduction))
    x, y = np.array(REG.x), np.array(REG.y)
    r = REG.w * x + REG.b - y
    scale = 1 / len(x) if reduction == "mean" else 1.0
    closed = (2 * scale * np.dot(r, x), 2 * scale * r.sum())
    fd = ((loss(REG.w + FD_STEP, REG.b, reduction) - loss(REG.w - FD_STEP, REG.b, reduction))
          / (2 * FD_STEP),
          (loss(REG.w, REG.b + FD_STEP, reduction) - loss(REG.w, REG.b - FD_STEP, reduction))
          / (2 * FD_STEP))
    assert t.loss == pytest.approx(loss(REG.w, REG.b, reduction), rel=1e-14)
    for way in (t.autograd, t.backward, t.formula):
        np.testing.assert_allclose(way, closed, rtol=1e-13)
        np.testing.assert_allclose(way, fd, atol=1e-7)
    assert t.max_abs_diff < 1e-13
    # the same numbers as the Regression tab
    reg_result = compute(State(regression=replace(REG, reduction=reduction),
                               surface=Surface(grid=10))).regression
    assert t.autograd == (reg_result.grad_w, reg_result.grad_b)


def test_sum_is_m_times_mean_and_formula_text_says_which():
    mean, total = two_ways(REG), two_ways(replace(REG, reduction="sum"))
    np.testing.assert_allclose(total.autograd, np.multiply(mean.autograd, 3), rtol=1e-14)
    assert "/ M" in mean.formula_text and "/ M" not in total.formula_text


def test_backward_accumulates_and_zeroing_restores():
    t = two_ways(REG)
    assert t.grad_after_first == t.backward and all(g != 0 for g in t.grad_after_first)
    assert t.grad_after_second_without_zeroing == tuple(2 * g for g in t.grad_after_first)
    assert t.grad_after_zeroing_and_backward == t.grad_after_first


def test_snippets_run_and_give_the_same_numbers():
    t = two_ways(replace(REG, reduction="sum"))
    for code in (t.code_autograd, t.code_backward, t.code_accumulation):
        assert "[1.0, 2.0, 3.0]" in code and "0.3" in code and "reduction='sum'" in code
    ns = run_snippet(t.code_autograd)
    assert (float(ns["grad_w"]), float(ns["grad_b"])) == t.autograd
    ns = run_snippet(t.code_backward)
    assert (float(ns["w"].grad), float(ns["b"].grad)) == t.backward
    ns = run_snippet(t.code_accumulation)
    assert (float(ns["w"].grad), float(ns["b"].grad)) == t.grad_after_zeroing_and_backward
    assert "w.grad.zero_()" in t.code_accumulation


# ------------------------------------------------------------------ every regression loss
FAMILY = [("l1", {}, "F.l1_loss(w * x + b, y, reduction='mean')"),
          ("huber", {"delta": 0.5}, "F.huber_loss(w * x + b, y, reduction='mean', delta=0.5)"),
          ("smooth_l1", {"beta": 2.0},
           "F.smooth_l1_loss(w * x + b, y, reduction='mean', beta=2.0)")]


@pytest.mark.parametrize(("loss", "options", "call"), FAMILY)
def test_two_ways_use_the_chosen_loss_and_its_snippets_print_it(loss, options, call):
    reg = replace(REG, loss=loss, **options)
    t = two_ways(reg)
    value, gw, gb = regression_reference(reg, reg.w, reg.b)   # (mean, as FAMILY's)
    assert t.loss_name == loss and t.loss == pytest.approx(value, rel=1e-13)
    for way in (t.autograd, t.backward, t.formula):
        np.testing.assert_allclose(way, (gw, gb), rtol=1e-13)
    assert t.grad_after_second_without_zeroing == tuple(2 * g for g in t.autograd)
    for code in (t.code_autograd, t.code_backward, t.code_accumulation):
        assert f"loss = {call}\n" in code and "mse_loss" not in code
    ns = run_snippet(t.code_autograd)
    assert (float(ns["grad_w"]), float(ns["grad_b"])) == t.autograd
    assert ns["loss"].item() == t.loss
    ns = run_snippet(t.code_backward)
    assert (float(ns["w"].grad), float(ns["b"].grad)) == t.backward
    ns = run_snippet(t.code_accumulation)
    assert (float(ns["w"].grad), float(ns["b"].grad)) == t.grad_after_zeroing_and_backward
    # the same numbers as the Regression tab
    tab = compute(State(regression=reg, surface=Surface(grid=10))).regression
    assert t.autograd == (tab.grad_w, tab.grad_b) and t.loss == tab.loss


def test_formula_text_names_the_losss_slope_and_option():
    assert "sign(ŷ - y)" in two_ways(replace(REG, loss="l1")).formula_text
    huber = two_ways(replace(REG, loss="huber", delta=0.5)).formula_text
    assert "clamp(ŷ - y, −δ, δ)" in huber and "δ = 0.5" in huber
    smooth = two_ways(replace(REG, loss="smooth_l1", beta=2.0)).formula_text
    assert "clamp((ŷ - y)/β, −1, 1)" in smooth and "β = 2" in smooth
    assert "sign(ŷ - y)" in two_ways(replace(REG, loss="smooth_l1", beta=0.0)).formula_text

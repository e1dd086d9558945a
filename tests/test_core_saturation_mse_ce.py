"""The saturation sweep's MSE and cross-entropy (core.saturation_sweep, the default pair)
against closed forms and autograd, and the fact it teaches: MSE's gradient vanishes."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core import Regression, State, Surface, compute
from core.classifier import DTYPE, effective_target
from core.resources import preset
from core.saturation_sweep import LossCurve, SaturationSweep, saturation_sweep
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


def mse_vs_ce(state: State, **kwargs) -> tuple[SaturationSweep, LossCurve, LossCurve]:
    """The saturation sweep of the pair (MSE, cross-entropy), and its two curves."""
    sweep = saturation_sweep(state.replace(saturation_losses=("mse", "cross_entropy")),
                             **kwargs)
    mse, ce = sweep.curves
    assert (mse.name, ce.name) == ("mse", "cross_entropy")
    assert mse.applies and ce.applies and not mse.from_torch and not ce.from_torch
    return sweep, mse, ce


@pytest.mark.parametrize("state", STATES)
def test_sweep_matches_closed_forms(state):
    m, m_mse, m_ce = mse_vs_ce(state, points=101, span=12.0)
    ce, mse, grad_ce, grad_mse = closed_forms(state, m.class_index, m.logit_values)
    np.testing.assert_allclose(m_ce.loss, ce, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(m_mse.loss, mse, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(m_ce.grad_abs, np.abs(grad_ce), rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(m_mse.grad_abs, np.abs(grad_mse), rtol=1e-9, atol=1e-15)


@pytest.mark.parametrize("state", STATES)
def test_axis_runs_from_very_wrong_to_very_right_around_the_largest_other_logit(state):
    m, _, _ = mse_vs_ce(state, points=51, span=10.0)
    c = m.class_index
    largest_other = max(v for i, v in enumerate(state.logits) if i != c)
    assert len(m.logit_values) == 51
    assert m.logit_values[0] == pytest.approx(largest_other - 10.0, abs=1e-14)
    assert m.logit_values[-1] == pytest.approx(largest_other + 10.0, abs=1e-14)
    assert m.current_logit == state.logits[c]


def test_the_true_class_of_a_probability_target_is_its_most_likely_class():
    assert mse_vs_ce(STATES[1])[0].class_index == 3
    assert mse_vs_ce(STATES[2])[0].class_index == 1


def test_confidently_wrong_mse_gradient_vanishes_but_ce_does_not():
    _, mse, ce = mse_vs_ce(State())
    ratio = mse.grad_abs[0] / ce.grad_abs[0]
    assert ratio < 1e-3
    assert ce.grad_abs[0] > 0.99        # CE pushes at full strength
    # and MSE's loss barely changes there: its plateau is flat
    assert abs(mse.loss[1] - mse.loss[0]) < 1e-3 * abs(ce.loss[1] - ce.loss[0])


@pytest.mark.parametrize("state", STATES)
def test_current_point_equals_compute(state):
    m, mse, ce = mse_vs_ce(state)
    r = compute(state.replace(surface=Surface(grid=10)))  # the surface grid is not compared
    c = m.class_index
    assert ce.current_loss == pytest.approx(r.classifier.cross_entropy, rel=1e-13)
    assert mse.current_loss == pytest.approx(r.classifier.mse, rel=1e-13)
    assert ce.current_grad_abs == pytest.approx(
        abs(r.grads["cross_entropy"].autograd[c]), rel=1e-12)
    assert mse.current_grad_abs == pytest.approx(abs(r.grads["mse"].autograd[c]), rel=1e-12)
    # and their logs are the logs of those values
    for curve in (mse, ce):
        assert curve.current_log_loss == pytest.approx(math.log(curve.current_loss),
                                                       rel=1e-15, abs=1e-15)
        assert curve.current_log_grad_abs == pytest.approx(
            math.log(curve.current_grad_abs), rel=1e-15, abs=1e-15)


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError, match="points"):
        mse_vs_ce(State(), points=1)
    with pytest.raises(ValueError, match="span"):
        mse_vs_ce(State(), span=0.0)
    m, mse, ce = mse_vs_ce(State(regression=Regression(w=1.0)), points=2)
    assert m.logit_values.shape == mse.loss.shape == ce.grad_abs.shape == (2,)


# --- log space: no cliff where float64 underflows (issue 14) ---------------------------

def _autograd(state: State, m: SaturationSweep):
    """|∂L/∂a_c| and the losses the way autograd gives them, in float64, per sweep point."""
    c, points = m.class_index, len(m.logit_values)
    rows = torch.tensor(state.logits, dtype=DTYPE).repeat(points, 1)
    rows[:, c] = torch.tensor(m.logit_values)
    rows.requires_grad_(True)
    z = rows / state.temperature
    target = (torch.full((points,), c, dtype=torch.long) if state.target_is_index
              else torch.tensor(state.target, dtype=DTYPE).repeat(points, 1))
    ce = F.cross_entropy(z, target, label_smoothing=state.label_smoothing, reduction="none")
    p = torch.softmax(z, dim=1)
    squared = F.mse_loss(p, effective_target(state).repeat(points, 1), reduction="none")
    mse = squared.mean(dim=1) if state.reduction == "mean" else squared.sum(dim=1)
    (g_ce,) = torch.autograd.grad(ce.sum(), rows, retain_graph=True)
    (g_mse,) = torch.autograd.grad(mse.sum(), rows)
    q = (1 - p[:, c]).detach().numpy()   # autograd's own rounding error grows like eps/q
    return ([ce.detach().numpy(), mse.detach().numpy(), g_ce[:, c].abs().numpy(),
             g_mse[:, c].abs().numpy()], q)


def _values(mse: LossCurve, ce: LossCurve) -> list[np.ndarray]:
    return [ce.loss, mse.loss, ce.grad_abs, mse.grad_abs]


def _logs(mse: LossCurve, ce: LossCurve) -> list[np.ndarray]:
    return [ce.log_loss, mse.log_loss, ce.log_grad_abs, mse.log_grad_abs]


SATURATING = [preset(k).load() for k in ("confidently_wrong", "low_temperature", "huge_logits",
                                         "softmax")] + [
    State(logits=(0.0, 3.0, -2.0), target=0, temperature=1e-3),
    State(logits=(4.0, -3.0, 1.0, 0.5), target=3, temperature=0.02, reduction="sum"),
]


@pytest.mark.parametrize("state", SATURATING)
def test_log_curves_have_no_cliff_across_the_whole_sweep(state):
    """Every log is finite, and neighbours differ by at most the steepest true slope:
    d log p_c/dz_c = 1 - p_c, d log(1 - p_c)/dz_c = -p_c, so no curve is steeper than
    2/T per unit of a_c (MSE's values are squares). Before, 1 - p_c rounded to 0 and the
    curves fell from 1e-16 to the log axis's floor in one step."""
    m, mse, ce = mse_vs_ce(state)
    step = m.logit_values[1] - m.logit_values[0]
    for logs in _logs(mse, ce):
        assert np.all(np.isfinite(logs))
        assert np.max(np.abs(np.diff(logs))) <= 2 / state.temperature * step * (1 + 1e-9)


@pytest.mark.parametrize("state", SATURATING + STATES)
def test_values_match_autograd_where_float64_holds_them(state):
    m, mse, ce = mse_vs_ce(state)
    reference, q = _autograd(state, m)
    eps = np.finfo(np.float64).eps
    for ours, logs, ref in zip(_values(mse, ce), _logs(mse, ce), reference, strict=True):
        np.testing.assert_allclose(ours, np.exp(logs), rtol=1e-15)
        held = ref > 1e-300   # autograd's value is a normal float64 number
        # autograd's error: a few eps, plus eps/q from forming 1 - p_c (ours has neither)
        tolerance = 1e-12 + 64 * eps / np.maximum(q, eps)
        rel = np.abs(ours[held] - ref[held]) / ref[held]
        assert np.all(rel <= tolerance[held])
        assert np.sum(held & (q > 1e-3)) >= 3   # and the well-conditioned part is tested


@pytest.mark.parametrize("temperature", [1.0, 0.05, 1e-3])
def test_two_classes_follow_softplus_lines_far_into_saturation(temperature):
    """Two classes: p_0 = σ(Δ/T) with Δ = a_0 - a_1, so 1 - p_0 = σ(-Δ/T) and
    log(1 - p_0) = -softplus(Δ/T): a straight line of slope -1/T once Δ/T is large. The
    closed forms below are evaluated in plain Python floats, independently of torch."""
    state = State(logits=(0.0, 0.0), target=0, temperature=temperature)
    m, mse, ce = mse_vs_ce(state, points=61, span=15.0)

    def softplus(x: float) -> float:
        return max(x, 0.0) + math.log1p(math.exp(-abs(x)))

    for i, a in enumerate(m.logit_values):
        t = a / temperature
        log_q, log_p = -softplus(t), -softplus(-t)
        sp = softplus(-t)       # CE = -log p_0
        log_ce = -t if -t < -40 else math.log(sp)
        expected = [log_ce,
                    2 * log_q,  # MSE (mean over 2) = ((1 - p_0)^2 + p_1^2)/2 = q^2
                    log_q - math.log(temperature),                      # |∂CE/∂a| = q/T
                    math.log(2) + 2 * log_q + log_p - math.log(temperature)]  # 2 q^2 p/T
        got = [float(v[i]) for v in _logs(mse, ce)]
        assert got == pytest.approx(expected, rel=1e-13, abs=1e-13)
    # far right at T = 1e-3: 1 - p_0 ≈ e^-15000, far below float64, still a line
    if temperature == 1e-3:
        assert ce.log_grad_abs[-1] == pytest.approx(-15000 - math.log(1e-3), rel=1e-12)
        assert ce.grad_abs[-1] == 0.0   # as a float64 number it is 0

"""The saturation view's numbers for any pair of losses (core.saturation_sweep), against an
independent numpy float64 reference of each loss's ∂L/∂a_c, central differences of the
loss's own torch function, mpmath far past float64's range, and MSE's and CE's numbers as
they were before the old MSE-vs-CE module went."""

import math

import mpmath
import numpy as np
import pytest
import torch

from core import State
from core.classifier import DTYPE
from core.losses.catalog import CLASSIFIER_NAMES, INDEX_ONLY
from core.losses.registry import CLASSIFIER_LOSSES
from core.losses.spec import ClassifierInputs
from core.losses.views import target_sweep
from core.saturation_sweep import FROM_TORCH, saturation_sweep
from tests.reference_math import numpy_y_eff

STATES = [
    State(),
    State(logits=(-1.0, 0.5, 3.0, 0.0), target=(0.1, 0.2, 0.3, 0.4), temperature=2.5,
          label_smoothing=0.15, reduction="sum", gamma=0.5, alpha=-1.0, pos_weight=3.0),
    State(logits=(1.0, 2.0, 3.0, 4.0, 5.0), target=1, temperature=0.7, label_smoothing=0.1,
          class_weights=(1.0, 2.0, 3.0, 0.5, 1.0), gamma=3.0, alpha=0.8, margin=2.0, p=2),
    State(logits=(0.5, -2.0), target=1, temperature=0.3, gamma=0.0, pos_weight=0.5),
]
LOG_LOSSES = [n for n in CLASSIFIER_NAMES if n not in FROM_TORCH]


def with_pair(state: State, name: str) -> State:
    other = "cross_entropy" if name != "cross_entropy" else "mse"
    return state.replace(saturation_losses=(name, other))


def _sp(x: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, x)


def _sigma(x: np.ndarray) -> np.ndarray:
    return np.exp(-_sp(-x))


def numpy_grad(state: State, name: str, c: int, a_c: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
    """∂L/∂a_c per value of a_c from the closed forms, numpy only, and the sum of the sizes
    of the terms it is made of (the scale its rounding error is relative to)."""
    n, t = state.n_classes, state.temperature
    a = np.tile(np.array(state.logits), (len(a_c), 1))
    a[:, c] = a_c
    z = a / t
    lp = z - np.logaddexp.reduce(z, axis=1, keepdims=True)
    p = np.exp(lp)
    q = np.delete(p, c, axis=1).sum(axis=1)        # 1 - p_c without forming it
    y = numpy_y_eff(state)
    if name in ("cross_entropy", "kl_div", "nll"):
        v = y.copy()
        if name == "nll":
            v = np.eye(n)[c]
        elif name == "cross_entropy" and state.class_weights is not None:
            w = np.array(state.class_weights)
            v = w * y / (w[c] if state.target_is_index else 1.0)
        rest = v.sum() - v[c]
        terms = (p[:, c] * rest, v[c] * q)
        return (terms[0] - terms[1]) / t, (terms[0] + terms[1]) / t
    if name == "mse":
        s = 1 / n if state.reduction == "mean" else 1.0
        dev = p - y
        dev[:, c] = p[:, c] * (1 - y[c]) - y[c] * q
        g = 2 * s * dev
        terms = g[:, c] * q, (np.delete(g * p, c, axis=1)).sum(axis=1)
        scale = 2 * s * p[:, c] * (np.abs(dev[:, c]) * q + (np.abs(dev) * p).sum(axis=1))
        return p[:, c] * (terms[0] - terms[1]) / t, scale / t
    zc, yc = z[:, c], y[c]
    if name == "binary_cross_entropy_with_logits":
        pw = state.pos_weight
        terms = (1 - yc) * _sigma(zc), pw * yc * _sigma(-zc)
        return (terms[0] - terms[1]) / (n * t), (terms[0] + terms[1]) / (n * t)
    if name == "binary_cross_entropy":
        terms = (1 - yc) * _sigma(zc), yc * _sigma(-zc)
        return (terms[0] - terms[1]) / (n * t), (terms[0] + terms[1]) / (n * t)
    if name == "sigmoid_focal":
        gamma, alpha = state.gamma, state.alpha
        pc, qc = _sigma(zc), _sigma(-zc)
        qt = (1 - yc) * pc + yc * qc
        bce = yc * _sp(-zc) + (1 - yc) * _sp(zc)
        alpha_t = alpha * yc + (1 - alpha) * (1 - yc) if alpha >= 0 else 1.0
        first = (pc * (1 - yc) - yc * qc) * qt ** gamma
        second = (gamma * bce * qt ** (gamma - 1) * pc * qc * (2 * yc - 1) if gamma != 0
                  else np.zeros_like(zc))
        return (alpha_t * (first - second) / (n * t),
                abs(alpha_t) * (np.abs(first) + np.abs(second)) / (n * t))
    if name == "multi_margin":
        h = state.margin - zc[:, None] + np.delete(z, c, axis=1)
        g = -(state.p * np.where(h > 0, h, 0.0) ** (state.p - 1) * (h > 0)).sum(axis=1)
        return g / (n * t), np.abs(g) / (n * t)
    raise KeyError(name)


def _applicable(state: State) -> list[str]:
    return [n for n in CLASSIFIER_NAMES if state.target_is_index or n not in INDEX_ONLY]


@pytest.mark.parametrize("state", STATES)
def test_every_loss_matches_its_numpy_closed_form(state):
    for name in _applicable(state):
        sweep = saturation_sweep(with_pair(state, name))
        curve = sweep.curves[0]
        assert curve.name == name and curve.applies
        ref, scale = numpy_grad(state, name, sweep.class_index, sweep.logit_values)
        rtol = np.full(ref.shape, 1e-12)
        ours = curve.grad_abs
        if name == "binary_cross_entropy":
            # torch's own: it forms 1 - σ(z) (an error of eps·e^|z|) and departs from the
            # formula beyond |z| ≈ 27.6 (core/losses/binary_cross_entropy.py)
            z = np.abs(sweep.logit_values / state.temperature)
            near = z < 25
            rtol = 1e-12 + 4 * np.finfo(float).eps * np.exp(z)
            ref, scale, ours, rtol = ref[near], scale[near], ours[near], rtol[near]
        held = scale > 1e-290   # the reference itself is a normal float64 number
        assert held.sum() >= 50, name
        err = np.abs(ours[held] - np.abs(ref[held]))
        assert np.all(err <= rtol[held] * scale[held] + 1e-300), (
            name, np.max(err / scale[held]))
        np.testing.assert_allclose(np.exp(curve.log_grad_abs), curve.grad_abs, rtol=1e-14)


@pytest.mark.parametrize("state", STATES)
def test_every_loss_matches_central_differences_of_its_torch_function(state):
    h = 1e-5
    for name in _applicable(state):
        sweep = saturation_sweep(with_pair(state, name))
        curve, c = sweep.curves[0], sweep.class_index
        spec, cls = CLASSIFIER_LOSSES[name], ClassifierInputs.of(state)
        x = torch.tensor(sweep.logit_values[::10], dtype=DTYPE)

        def loss(a_c: torch.Tensor, c=c, spec=spec, cls=cls) -> np.ndarray:
            rows = torch.tensor(state.logits, dtype=DTYPE).repeat(a_c.numel(), 1)
            rows[:, c] = a_c
            return spec.rows(rows / state.temperature, cls).numpy()

        fd = (loss(x + h) - loss(x - h)) / (2 * h)
        ours = curve.grad_abs[::10]
        if name == "binary_cross_entropy":   # torch's forms 1 - σ(z): eps·e^|z| off
            near = np.abs(x.numpy() / state.temperature) < 12
            fd, ours = fd[near], ours[near]
        if name == "multi_margin":   # a kink within h of the point: no derivative there
            others = np.delete(np.array(state.logits), c)
            kinks = others[:, None] + state.margin * state.temperature
            smooth = np.all(np.abs(x.numpy()[None, :] - kinks) > 2 * h, axis=0)
            fd, ours = fd[smooth], ours[smooth]
        size = np.abs(loss(x)).max() if name != "multi_margin" else 1.0
        assert np.all(np.abs(np.abs(fd) - ours) <= 1e-6 * (ours + 1) + 1e-9 * size / h
                      ), name
        # torch's loss rounds like eps·|z| where it is small (log p = z - logsumexp z)
        z_size = 1 + max(np.abs(state.logits).max(), np.abs(x.numpy()).max()) / state.temperature
        assert curve.loss[::10] == pytest.approx(loss(x), rel=1e-12, abs=1e-14 * z_size)


@pytest.mark.parametrize("state", [*STATES, State(logits=(0.0, 3.0, -2.0), target=0,
                                                  temperature=1e-3)])
def test_mse_and_cross_entropy_do_not_depend_on_their_place_in_the_pair(state):
    first, second = (saturation_sweep(state.replace(saturation_losses=pair))
                     for pair in (("mse", "cross_entropy"), ("cross_entropy", "mse")))
    assert np.array_equal(first.logit_values, second.logit_values)
    assert first.class_index == second.class_index
    assert first.current_logit == second.current_logit == state.logits[first.class_index]
    for a, b in zip(first.curves, second.curves[::-1], strict=True):
        assert a.name == b.name
        for field in ("loss", "grad_abs", "log_loss", "log_grad_abs"):
            assert np.array_equal(getattr(a, field), getattr(b, field)), (a.name, field)
        for field in ("current_loss", "current_grad_abs", "current_log_loss",
                      "current_log_grad_abs"):
            assert getattr(a, field) == getattr(b, field), (a.name, field)


# (log L, log|∂L/∂a_c|) of MSE and cross-entropy at points 0, 50, 100, 150 and 200 of the
# default sweep (201 points, span 15), then at the state's own logits. Frozen on
# 2026-11-30 from the output of the since removed core.mse_vs_ce.mse_vs_ce(state), which
# saturation_sweep then equalled bit for bit (checked by the same script), printed with
# repr(). The closed forms, autograd and mpmath tests say these numbers are right; this one
# says they have not moved.
FROZEN_POINTS = (0, 50, 100, 150, 200)
FROZEN = [
    (State(), {
        "mse": [(-0.6355082229130993, -15.28351513456632),
                (-0.6362940634891129, -7.78469389543034),
                (-1.7096047501612541, -1.8946599254385523),
                (-14.954755336980279, -14.26238580566709),
                (-29.953200899032428, -29.26005414874531),
                (-2.787260071042433, -2.5111429067603215)],
        "cross_entropy": [(2.730539027282119, -2.17481078963596e-07),
                          (2.059436137919798, -0.0003931377690854773),
                          (-0.1298782382832562, -0.5370484811051562),
                          (-7.159234975088721, -7.159623774514669),
                          (-14.658846340404335, -14.658846555540743),
                          (-0.874597078292263, -1.0758761415457456)]}),
    (State(logits=(-1.0, 0.5, 3.0, 0.0), target=(0.1, 0.2, 0.3, 0.4), temperature=2.5,
           label_smoothing=0.15, reduction="sum"), {
        "mse": [(-1.3468158364413978, -7.18517914088678),
                (-1.4862239409268547, -4.318763274829736),
                (-4.164023136211334, -5.193652415484503),
                (-0.8860277244894968, -3.1891167594337984),
                (-0.6455424426526897, -5.922129387224242),
                (-2.246525180217592, -3.229583812743016)],
        "cross_entropy": [(1.1381568951949022, -1.8946605023254919),
                          (0.7021844098948677, -1.975416141532898),
                          (0.29811648390519907, -5.369686053426906),
                          (0.8528186597192428, -1.5141080672896368),
                          (1.4212713552299998, -1.3965483600765998),
                          (0.39403813785235353, -2.446376502345051)]}),
    (State(logits=(0.0, 3.0, -2.0), target=0, temperature=1e-3), {
        "mse": [(-0.4054651081081645, -14992.804562648565),
                (-0.4054651081081645, -7492.8045626485655),
                (-1.7917594692284549, 5.115995809753909),
                (-15000.405465108108, -14992.804562648565),
                (-30000.40546510811, -29992.80456264857),
                (-0.4054651081081645, -2992.804562648566)],
        "cross_entropy": [(9.615805480084347, 6.907755278982137),
                          (8.922658299524402, 6.907755278982137),
                          (-0.3665129205819924, 6.214608098421964),
                          (-7500.0, -7493.092244721018),
                          (-15000.0, -14993.092244721018),
                          (8.006367567650246, 6.907755278982137)]}),
]


@pytest.mark.parametrize(("state", "frozen"), FROZEN)
def test_mse_and_cross_entropy_are_the_numbers_frozen_from_the_old_sweep(state, frozen):
    sweep = saturation_sweep(state.replace(saturation_losses=("mse", "cross_entropy")))
    assert sweep.logit_values.size == 201
    for curve in sweep.curves:
        got = [(curve.log_loss[i], curve.log_grad_abs[i]) for i in FROZEN_POINTS]
        got.append((curve.current_log_loss, curve.current_log_grad_abs))
        # a relative error of 1e-13 in a value is an absolute one of 1e-13 in its log;
        # rel too, for the logs in the thousands (the run far below float64's range)
        for point, (g, want) in enumerate(zip(got, frozen[curve.name], strict=True)):
            assert g == pytest.approx(want, rel=1e-13, abs=1e-13), (curve.name, point)


# --- far past float64's range: mpmath --------------------------------------------------

def _mp_loss_and_grad(state: State, name: str, c: int, a_c: float):
    """The loss and ∂L/∂a_c at a_c in mpmath, from the closed forms, with every p_i and
    1 - p_i formed directly (never as 1 minus a number near 1), so 60 digits hold values
    far below float64's range."""
    mp = mpmath
    n, t = state.n_classes, mp.mpf(state.temperature)
    z = [mp.mpf(v) / t for v in state.logits]
    z[c] = mp.mpf(a_c) / t
    y = [mp.mpf(float(v)) for v in numpy_y_eff(state)]
    # log p_i = -log(1 + Σ_{j≠i} e^{z_j - z_i})
    lp = [-mp.log1p(mp.fsum(mp.exp(z[j] - z[i]) for j in range(n) if j != i))
          for i in range(n)]
    p = [mp.exp(v) for v in lp]
    q = mp.fsum(p[j] for j in range(n) if j != c)          # 1 - p_c

    def sp(x):
        return mp.log1p(mp.exp(x))

    def sigma(x):
        return 1 / (1 + mp.exp(-x))

    if name in ("cross_entropy", "nll", "kl_div"):
        v = y
        if name == "nll":
            v = [mp.mpf(i == c) for i in range(n)]
        elif name == "cross_entropy" and state.class_weights is not None:
            w = [mp.mpf(x) for x in state.class_weights]
            v = [w[i] * y[i] / (w[c] if state.target_is_index else 1) for i in range(n)]
        if name == "kl_div":
            loss = mp.fsum(y[i] * (mp.log(y[i]) - lp[i]) for i in range(n) if y[i] > 0)
        else:
            loss = -mp.fsum(v[i] * lp[i] for i in range(n))
        rest = mp.fsum(v[i] for i in range(n) if i != c)
        return loss, (p[c] * rest - v[c] * q) / t
    if name == "mse":
        s = mp.mpf(1) / n if state.reduction == "mean" else 1
        dev = [p[i] - y[i] for i in range(n)]
        dev[c] = p[c] * (1 - y[c]) - y[c] * q
        loss = s * mp.fsum(d ** 2 for d in dev)
        g = [2 * s * d for d in dev]
        return loss, p[c] * (g[c] * q - mp.fsum(g[i] * p[i] for i in range(n) if i != c)) / t
    if name == "binary_cross_entropy_with_logits":
        pw = mp.mpf(state.pos_weight)
        loss = mp.fsum(pw * y[i] * sp(-z[i]) + (1 - y[i]) * sp(z[i]) for i in range(n)) / n
        grad = ((1 - y[c]) * sigma(z[c]) - pw * y[c] * sigma(-z[c])) / (n * t)
        return loss, grad
    if name == "sigmoid_focal":
        gamma, al = mp.mpf(state.gamma), mp.mpf(state.alpha)
        terms, grad = [], None
        for i in range(n):
            pi, qi, yi = sigma(z[i]), sigma(-z[i]), y[i]
            qt = (1 - yi) * pi + yi * qi
            bce = yi * sp(-z[i]) + (1 - yi) * sp(z[i])
            at = al * yi + (1 - al) * (1 - yi) if state.alpha >= 0 else 1
            terms.append(at * qt ** gamma * bce)
            if i == c:
                second = (gamma * bce * qt ** (gamma - 1) * pi * qi * (2 * yi - 1)
                          if state.gamma != 0 else 0)
                grad = at * ((pi * (1 - yi) - yi * qi) * qt ** gamma - second) / (n * t)
        return mp.fsum(terms) / n, grad
    raise KeyError(name)


FAR = [
    State(logits=(0.0, 3.0, -2.0), target=0, temperature=1e-3),
    State(logits=(4.0, -3.0, 1.0, 0.5), target=3, temperature=0.02, reduction="sum",
          gamma=1.5, alpha=0.3),
    State(logits=(0.0, 3.0, -2.0), target=(0.2, 0.7, 0.1), temperature=0.01, gamma=0.5,
          label_smoothing=0.05),
]


@pytest.mark.parametrize("state", FAR)
def test_logs_stay_exact_far_past_float64s_range(state):
    """At T = 1e-3 the values run to e^-15000: as float64 numbers most are 0, as logs each
    equals mpmath's to 1e-9 (relative), loss and gradient, every 20th point and now."""
    tiny = np.log(np.finfo(np.float64).tiny)
    with mpmath.workdps(60):
        for name in [n for n in LOG_LOSSES if state.target_is_index or n not in INDEX_ONLY]:
            sweep = saturation_sweep(with_pair(state, name))
            curve, c = sweep.curves[0], sweep.class_index
            assert np.all(np.isfinite(curve.log_grad_abs)), name
            assert np.all(np.isfinite(curve.log_loss)), name
            points = list(range(0, len(sweep.logit_values), 20))
            xs = [sweep.logit_values[i] for i in points] + [sweep.current_logit]
            got = [(curve.log_loss[i], curve.log_grad_abs[i]) for i in points]
            got.append((curve.current_log_loss, curve.current_log_grad_abs))
            for x, (log_loss, log_grad) in zip(xs, got, strict=True):
                loss, grad = _mp_loss_and_grad(state, name, c, float(x))
                want_loss, want_grad = float(mpmath.log(loss)), float(mpmath.log(abs(grad)))
                assert log_loss == pytest.approx(want_loss, rel=1e-9, abs=1e-9), (name, x)
                assert log_grad == pytest.approx(want_grad, rel=1e-9, abs=1e-9), (name, x)
            if state.temperature == 1e-3:   # and the curve does run far below float64
                assert curve.log_grad_abs.min() < tiny, name


# --- what the view says ----------------------------------------------------------------

def test_verdicts_come_from_the_numbers():
    sweep = saturation_sweep(State())                     # MSE, CE
    mse, ce = sweep.curves
    assert (mse.name, ce.name) == ("mse", "cross_entropy")
    assert mse.verdict == "vanishes" and ce.verdict == "stays"
    assert mse.log_left_to_largest == pytest.approx(
        math.log(mse.grad_abs[0] / mse.grad_abs.max()), rel=1e-12)
    assert ce.log_left_to_largest == pytest.approx(0.0, abs=1e-12)
    # focal with a large γ: its gradient fades with (1 - p_t)^γ only once right, not wrong
    focal = saturation_sweep(State(saturation_losses=("sigmoid_focal", "mse"),
                                   gamma=5.0)).curves[0]
    assert focal.verdict == "stays"
    # no gradient along a_c at all: BCE with logits, pos_weight 0 and y_c = 1
    flat = saturation_sweep(State(saturation_losses=("binary_cross_entropy_with_logits",
                                                     "mse"), pos_weight=0.0)).curves[0]
    assert np.all(flat.grad_abs == 0) and flat.verdict == "none"


def test_the_hinge_is_zero_beyond_its_margin_and_says_where():
    state = State(logits=(0.0, 1.0, -1.0), target=0, saturation_losses=("multi_margin", "mse"))
    sweep = saturation_sweep(state)
    hinge = sweep.curves[0]
    assert hinge.from_torch and hinge.verdict == "stays"
    start, end = hinge.zero_from_to(sweep.logit_values)
    assert end == sweep.logit_values[-1]
    assert start == pytest.approx(1.0 + state.margin, abs=0.15 + 1e-12)  # the step is 0.15
    assert np.all(hinge.grad_abs[sweep.logit_values >= start] == 0)
    assert np.all(hinge.grad_abs[sweep.logit_values < start] > 0)
    assert sweep.curves[1].zero_from_to(sweep.logit_values) is None


def test_index_only_losses_with_a_probability_target_have_no_curve():
    state = State(target=(0.2, 0.5, 0.3), saturation_losses=("nll", "multi_margin"))
    sweep = saturation_sweep(state)
    for curve in sweep.curves:
        assert not curve.applies and curve.verdict == "none"
        assert curve.grad_abs.size == 0 and math.isnan(curve.current_grad_abs)
    assert sweep.class_index == 1
    assert sweep.logit_values.size == 201


def test_weighted_cross_entropy_is_the_familys():
    state = State(logits=(0.3, -1.0, 2.0), target=1, class_weights=(1.0, 4.0, 0.5),
                  label_smoothing=0.2, saturation_losses=("cross_entropy", "kl_div"))
    sweep = saturation_sweep(state)
    ref = target_sweep(state, "cross_entropy", np.array(sweep.logit_values), 1)
    np.testing.assert_allclose(sweep.curves[0].loss, ref.loss, rtol=1e-13)
    np.testing.assert_allclose(sweep.curves[0].grad_abs, np.abs(ref.grad), rtol=1e-9)
    # and differs from the unweighted (KL's gradient is CE's without the weights)
    assert not np.allclose(sweep.curves[0].grad_abs, sweep.curves[1].grad_abs, rtol=1e-3)


def test_right_end_ratio_says_focal_fades_what_bce_keeps_pushing():
    """Confidently right, focal's gradient is (1 − p_t)^γ of BCE's, in logs: the numpy
    closed forms of both at the sweep's right end against the sweep's ratio."""
    state = State(logits=(4.0, -2.0, -3.0), target=0,
                  saturation_losses=("sigmoid_focal", "binary_cross_entropy_with_logits"))
    sweep = saturation_sweep(state)
    a_c = float(sweep.logit_values[-1])
    z = np.array([a_c, -2.0, -3.0])
    p = 1 / (1 + np.exp(-z))
    # class 0, y = 1: BCE's ∂/∂z₀ = (p − 1)/N; focal's with α = 0.25, γ = 2:
    # α·[(p − 1)(1 − p)^2 − 2·(−log p)·(1 − p)·p(1 − p)]/N
    bce = (p[0] - 1) / 3
    focal = 0.25 * ((p[0] - 1) * (1 - p[0]) ** 2
                    - 2 * (-np.log(p[0])) * (1 - p[0]) * p[0] * (1 - p[0])) / 3
    assert sweep.log_right_ratio == pytest.approx(np.log(abs(focal) / abs(bce)), rel=1e-6)
    assert sweep.log_right_ratio < np.log(1e-10)
    # MSE vs CE: MSE's gradient goes like (1 − p_c)², CE's like 1 − p_c
    plain = saturation_sweep(State(logits=(4.0, -2.0, -3.0), target=0))
    one_minus_p = np.exp(plain.curves[1].log_grad_abs[-1])        # |∂CE/∂a_c| = 1 − p_c
    assert plain.log_right_ratio == pytest.approx(np.log(one_minus_p), abs=1.5)

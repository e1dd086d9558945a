"""The loss family (core.losses): each loss against a numpy float64 reference of our own,
its gradient four ways over random states, the kink inspector, BCE's saturation."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.losses import catalog
from core.losses.family import applicable_classifier_losses, classifier_loss, regression_loss
from core.losses.kinks import classifier_kinks, regression_kinks
from core.losses.registry import CLASSIFIER_LOSSES, REGRESSION_LOSSES
from core.losses.spec import ClassifierInputs, RegressionInputs
from core.losses.views import classifier_surface, regression_surface, target_sweep
from core.regression import compute_regression
from core.state import Regression, State, Surface
from core.surfaces import logit_surfaces

EXAMPLES = settings(max_examples=30, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ numpy references
def log_softmax(z: np.ndarray) -> np.ndarray:
    m = z.max()
    return z - m - np.log(np.exp(z - m).sum())


def log_sigmoid(z: np.ndarray) -> np.ndarray:
    return -np.logaddexp(0.0, -z)


def xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.where(x == 0, 0.0, x * np.log(np.where(x == 0, 1.0, y)))


def y_eff(s: State) -> np.ndarray:
    n = s.n_classes
    y = np.eye(n)[s.target] if s.target_is_index else np.array(s.target)
    return (1 - s.label_smoothing) * y + s.label_smoothing / n


def reference_classifier(s: State, name: str) -> float:
    """Each loss from its documented definition (torch.nn docs; torchvision for focal)."""
    z = np.array(s.logits) / s.temperature
    n = len(z)
    lp = log_softmax(z)
    q = y_eff(s)
    if name == "cross_entropy":
        w = np.ones(n) if s.class_weights is None else np.array(s.class_weights)
        total = -(w * q * lp).sum()
        return total / w[s.target] if s.target_is_index else total  # mean over a batch of 1
    if name == "mse":
        sq = (np.exp(lp) - q) ** 2
        return sq.mean() if s.reduction == "mean" else sq.sum()
    if name == "nll":
        return -lp[s.target]
    if name == "kl_div":
        return (xlogy(q, q) - q * lp).sum()
    ls, l1s = log_sigmoid(z), log_sigmoid(-z)
    if name == "binary_cross_entropy_with_logits":
        return np.mean(-(s.pos_weight * q * ls + (1 - q) * l1s))
    if name == "binary_cross_entropy":
        sig = 1 / (1 + np.exp(-z))
        with np.errstate(divide="ignore"):
            return np.mean(-(q * np.maximum(np.log(sig), -100)
                             + (1 - q) * np.maximum(np.log(1 - sig), -100)))
    if name == "sigmoid_focal":
        p = np.exp(ls)
        ce = -(q * ls + (1 - q) * l1s)
        p_t = p * q + (1 - p) * (1 - q)
        loss = ce * (1 - p_t) ** s.gamma
        if s.alpha >= 0:
            loss = (s.alpha * q + (1 - s.alpha) * (1 - q)) * loss
        return loss.mean()
    if name == "multi_margin":
        h = s.margin - z[s.target] + z
        h[s.target] = 0.0
        return (np.maximum(h, 0.0) ** s.p).sum() / n
    raise KeyError(name)


def reference_regression(s: State, name: str) -> float:
    reg = s.regression
    r = reg.w * np.array(reg.x) + reg.b - np.array(reg.y)
    a = np.abs(r)
    if name == "mse":
        ell = r * r
    elif name == "l1":
        ell = a
    elif name == "huber":
        ell = np.where(a <= reg.delta, 0.5 * r * r, reg.delta * (a - 0.5 * reg.delta))
    elif name == "smooth_l1":
        ell = a if reg.beta == 0 else np.where(a < reg.beta, 0.5 * r * r / reg.beta,
                                               a - 0.5 * reg.beta)
    else:
        raise KeyError(name)
    return ell.mean() if reg.reduction == "mean" else ell.sum()


# ------------------------------------------------------------------ random states
@st.composite
def states(draw) -> State:
    n = draw(st.integers(2, 6))
    finite = dict(allow_nan=False, allow_infinity=False)
    logits = tuple(draw(st.lists(st.floats(-8, 8, **finite), min_size=n, max_size=n)))
    if draw(st.booleans()):
        target: int | tuple[float, ...] = draw(st.integers(0, n - 1))
    else:
        raw = draw(st.lists(st.floats(0, 1, **finite), min_size=n, max_size=n))
        raw[draw(st.integers(0, n - 1))] += 0.5
        target = tuple(v / sum(raw) for v in raw)
    weights = None
    if draw(st.booleans()):
        weights = tuple(draw(st.lists(st.floats(0.1, 3, **finite), min_size=n, max_size=n)))
    m = draw(st.integers(1, 5))
    xs = tuple(draw(st.lists(st.floats(-3, 3, **finite), min_size=m, max_size=m)))
    ys = tuple(draw(st.lists(st.floats(-3, 3, **finite), min_size=m, max_size=m)))
    regression = Regression(x=xs, y=ys, w=draw(st.floats(-2, 2, **finite)),
                            b=draw(st.floats(-2, 2, **finite)),
                            reduction=draw(st.sampled_from(("mean", "sum"))),
                            delta=draw(st.floats(0.1, 3, **finite)),
                            beta=draw(st.sampled_from((0.0, 0.3, 1.0, 2.5))))
    return State(logits=logits, target=target, temperature=draw(st.floats(0.25, 4, **finite)),
                 label_smoothing=draw(st.floats(0, 0.5, **finite)),
                 reduction=draw(st.sampled_from(("mean", "sum"))), class_weights=weights,
                 pos_weight=draw(st.floats(0.1, 5, **finite)),
                 gamma=draw(st.sampled_from((0.0, 0.5, 1.0, 2.0, 3.5))),
                 alpha=draw(st.sampled_from((-1.0, 0.0, 0.25, 0.9))),
                 margin=draw(st.floats(0, 3, **finite)), p=draw(st.sampled_from((1, 2))),
                 regression=regression)


def near_a_kink(s: State, name: str, width: float = 1e-3) -> bool:
    """Whether a central difference could straddle a corner of the loss (there its error
    estimate must take the jump in, and the coordinate may be flagged at_corner)."""
    if name == "multi_margin":
        z = np.array(s.logits) / s.temperature
        h = s.margin - z[s.target] + np.delete(z, s.target)
        return bool(np.min(np.abs(h)) < width)
    reg = s.regression
    r = reg.w * np.array(reg.x) + reg.b - np.array(reg.y)
    joints = {"l1": (0.0,), "huber": (-reg.delta, reg.delta),
              "smooth_l1": (-reg.beta, reg.beta, 0.0)}.get(name, ())
    return any(np.min(np.abs(r - j)) < width for j in joints)


def assert_four_ways_agree(ways, scale: float) -> None:
    exact = 1e-12 * scale
    np.testing.assert_allclose(ways.autograd, ways.formula, rtol=1e-10, atol=exact)
    np.testing.assert_allclose(ways.backward, ways.autograd, rtol=0, atol=exact)
    fd_gap = np.abs(ways.finite_difference - ways.formula)
    assert np.all(fd_gap <= 4 * ways.finite_difference_error + 1e-9 * scale), \
        (fd_gap, ways.finite_difference_error)


@EXAMPLES
@given(states())
def test_every_classifier_loss_matches_numpy_and_its_gradient_agrees_four_ways(s):
    for name in applicable_classifier_losses(s):
        g = classifier_loss(s, name)
        assert g.value == pytest.approx(reference_classifier(s, name), rel=1e-12, abs=1e-13)
        scale = 1 + float(np.max(np.abs(g.grad.autograd)))
        ways = g.grad
        largest_z = max(abs(a) for a in s.logits) / s.temperature
        if name == "binary_cross_entropy" and largest_z > 8:
            # σ(z) then 1 − σ(z) cancels: the loss itself carries a relative error of about
            # ε·e^|z|, more than the finite differences' estimate assumes; and from |z| ≈ 27.6
            # torch's backward departs from (σ − y) on purpose (see its module). The
            # saturation tests below cover this range.
            continue
        assert_four_ways_agree(ways, scale)
        if not near_a_kink(s, name):
            assert not ways.at_corner.any(), name


@EXAMPLES
@given(states())
def test_each_loss_over_rows_is_the_loss_of_each_row(s):
    """`rows` (the batched form the finite differences use) is `value`, row by row."""
    c = ClassifierInputs.of(s)
    z = torch.tensor(s.logits, dtype=torch.float64) / s.temperature
    batch = torch.stack([z, z.flip(0), 0.5 * z])
    for name in applicable_classifier_losses(s):
        spec = CLASSIFIER_LOSSES[name]
        expected = torch.stack([spec.value(row, c) for row in batch])
        torch.testing.assert_close(spec.rows(batch, c), expected, rtol=1e-14, atol=1e-15)
    r = RegressionInputs.of(s.regression)
    x = torch.tensor(s.regression.x, dtype=torch.float64)
    preds = torch.stack([x * w + b for w, b in ((s.regression.w, s.regression.b), (0.5, -1.0))])
    for spec in REGRESSION_LOSSES.values():
        expected = torch.stack([spec.value(row, r) for row in preds])
        torch.testing.assert_close(spec.rows(preds, r), expected, rtol=1e-14, atol=1e-15)


@EXAMPLES
@given(states())
def test_every_regression_loss_matches_numpy_and_its_gradient_agrees_four_ways(s):
    for name in REGRESSION_LOSSES:
        g = regression_loss(s, name)
        assert g.value == pytest.approx(reference_regression(s, name), rel=1e-12, abs=1e-13)
        assert_four_ways_agree(g.grad, 1 + float(np.max(np.abs(g.grad.autograd))))
        if not near_a_kink(s, name):
            assert not g.grad.at_corner.any(), name


def test_index_only_losses_are_absent_with_probability_targets():
    soft = State(target=(0.7, 0.2, 0.1))
    assert set(applicable_classifier_losses(soft)) == set(catalog.CLASSIFIER_NAMES) - {
        "nll", "multi_margin"}
    assert applicable_classifier_losses(State()) == catalog.CLASSIFIER_NAMES
    with pytest.raises(ValueError, match=r"^loss: 'nll'"):
        classifier_loss(soft, "nll")


def test_the_registry_is_the_catalog_and_every_loss_has_its_texts():
    assert tuple(CLASSIFIER_LOSSES) == catalog.CLASSIFIER_NAMES
    assert tuple(REGRESSION_LOSSES) == catalog.REGRESSION_NAMES
    for spec in (*CLASSIFIER_LOSSES.values(), *REGRESSION_LOSSES.values()):
        assert spec.formula and spec.gradient and spec.torch_call.startswith(
            ("F.", "sigmoid_focal_loss")), spec.name
        has_points = getattr(spec, "kink_points", None) or getattr(spec, "kink_residuals", None)
        assert bool(spec.kinks) == bool(has_points), spec.name
        assert set(spec.info.options) <= set(catalog.OPTIONS) | {"class_weights"}


def test_identities_ce_is_nll_of_log_softmax_and_kl_is_ce_minus_entropy():
    s = State(logits=(1.5, -0.3, 0.2, 2.0), target=3, temperature=1.7)
    assert classifier_loss(s, "nll").value == pytest.approx(
        classifier_loss(s, "cross_entropy").value, rel=1e-15)
    soft = State(logits=(1.5, -0.3, 0.2, 2.0), target=(0.1, 0.2, 0.3, 0.4),
                 label_smoothing=0.2, temperature=4.0)
    q = y_eff(soft)
    entropy = -float(xlogy(q, q).sum())
    kl, ce = classifier_loss(soft, "kl_div"), classifier_loss(soft, "cross_entropy")
    assert kl.value == pytest.approx(ce.value - entropy, rel=1e-13)
    np.testing.assert_allclose(kl.grad.formula, ce.grad.formula, rtol=1e-13)


def test_focal_with_gamma_0_and_no_alpha_is_bce_with_logits():
    s = State(logits=(0.4, -2.0, 3.0), target=(0.2, 0.5, 0.3), gamma=0.0, alpha=-1.0)
    focal = classifier_loss(s, "sigmoid_focal")
    bce = classifier_loss(s, "binary_cross_entropy_with_logits")
    assert focal.value == pytest.approx(bce.value, rel=1e-15)
    np.testing.assert_allclose(focal.grad.autograd, bce.grad.autograd, rtol=1e-14)


def test_focal_closed_form_stays_finite_where_sigma_rounds_to_one():
    s = State(logits=(900.0, -900.0, 0.0), target=0, gamma=2.0)
    g = classifier_loss(s, "sigmoid_focal")
    assert np.all(np.isfinite(g.grad.formula))
    np.testing.assert_allclose(g.grad.formula, g.grad.autograd, rtol=1e-12, atol=1e-300)


# ------------------------------------------------------------------ kinks
KINK_CASES = [
    ("l1", Regression(x=(1.0, 2.0, -1.5), y=(1.0, 0.0, 2.0), w=0.7)),
    ("huber", Regression(x=(1.0, 2.0, -1.5), y=(1.0, 0.0, 2.0), w=0.7, delta=0.5)),
    ("smooth_l1", Regression(x=(1.0, 2.0, -1.5), y=(1.0, 0.0, 2.0), w=0.7, beta=0.8)),
    ("smooth_l1", Regression(x=(1.0, 2.0), y=(1.0, 0.0), w=0.7, beta=0.0)),
]


@pytest.mark.parametrize(("name", "reg"), KINK_CASES, ids=[f"{n}-{r.beta}" for n, r in KINK_CASES])
def test_regression_kinks_one_sided_differences_bracket_torchs_subgradient(name, reg):
    checks = regression_kinks(State(regression=reg), name)
    assert checks
    corner = name == "l1" or (name == "smooth_l1" and reg.beta == 0)
    for k in checks:
        assert k.brackets(1e-6), k
        if corner:  # a true corner: the two slopes differ by 2/M (mean reduction)
            assert k.right - k.left == pytest.approx(2 / len(reg.x), rel=1e-5), k
        else:       # only the curvature jumps: both slopes are torch's
            assert k.left == pytest.approx(k.right, abs=1e-6), k


@pytest.mark.parametrize("p", [1, 2])
def test_hinge_kink_at_the_margin(p):
    s = State(logits=(0.5, 1.0, -2.0, 0.3), target=1, temperature=0.8, margin=1.5, p=p)
    checks = classifier_kinks(s, "multi_margin")
    # every kink reached by moving one logit, nearest first: each other logit up to
    # a_y − margin·T, or the target's a_y down to a_i + margin·T
    distances = [abs(k.at - s.logits[int(k.coordinate[2:])]) for k in checks]
    assert distances == sorted(distances) and len(checks) == 6
    others = [k for k in checks if k.coordinate != "a_1"]
    assert sorted(k.coordinate for k in others) == ["a_0", "a_2", "a_3"]
    for k in others:
        assert k.at == pytest.approx(1.0 - 1.5 * 0.8)
        assert k.brackets(1e-6), k
        assert k.subgradient == 0.0 and k.left == pytest.approx(0.0, abs=1e-9)
        # p = 1: the slope jumps to 1/(N·T) beyond the corner; p = 2: it stays 0
        assert k.right == pytest.approx(1 / (4 * 0.8) if p == 1 else 0.0, abs=1e-6)
    own = sorted(k.at for k in checks if k.coordinate == "a_1")
    assert own == pytest.approx(sorted(a + 1.5 * 0.8 for a in (0.5, -2.0, 0.3)))
    for k in checks:
        if k.coordinate == "a_1":   # crossing it, one term stops pushing a_y up: p = 1,
            # the slope jumps by 1/(N·T); p = 2, only the curvature does
            assert k.brackets(1e-6)
            assert k.right - k.left == pytest.approx(1 / (4 * 0.8) if p == 1 else 0.0,
                                                     abs=1e-6)
    # a kink the logits sit on already is not "reached by moving": the four ways flag it
    on = State(logits=(2.0, 1.0, 0.1), target=0, p=p)
    assert all(abs(k.at - on.logits[int(k.coordinate[2:])]) > 1e-6
               for k in classifier_kinks(on, "multi_margin"))


def test_finite_differences_on_a_corner_are_flagged_and_their_error_holds_the_jump():
    # the default logits (2, 1, 0.1) with margin 1 put a_1 exactly on the hinge's corner
    g = classifier_loss(State(), "multi_margin")
    assert g.grad.at_corner.tolist() == [True, True, False]
    assert g.grad.autograd[1] == 0.0 and g.grad.finite_difference[1] == pytest.approx(1 / 6)
    assert g.grad.finite_difference_error[1] >= abs(g.grad.finite_difference[1])
    smooth = classifier_loss(State(), "cross_entropy")
    assert not smooth.grad.at_corner.any() and smooth.grad.finite_difference_error.max() < 1e-9


def test_smooth_losses_have_no_kinks():
    assert classifier_kinks(State(), "cross_entropy") == ()
    assert regression_kinks(State(), "mse") == ()


# ------------------------------------------------------------------ surfaces and sweeps
def test_generic_surfaces_equal_the_structured_ones_and_the_loss_at_the_state():
    s = State(logits=(0.3, -1.0, 2.0, 0.5), target=(0.1, 0.2, 0.3, 0.4), temperature=1.5,
              label_smoothing=0.1, surface=Surface(axes=(2, 0), range=(-3.0, 3.0), grid=31))
    structured = logit_surfaces(s)
    for name in ("cross_entropy", "mse"):
        np.testing.assert_allclose(classifier_surface(s, name).values,
                                   structured[name].values, rtol=1e-12, atol=1e-14)
    # a grid point on the state's own logits: a_2 = 2.0 (column), a_0 = 0.3 (row)
    on_grid = s.replace(logits=(0.4, -1.0, 2.0, 0.5))
    for name in applicable_classifier_losses(on_grid):
        surface = classifier_surface(on_grid, name)
        col = int(np.argmin(np.abs(surface.xs - 2.0)))
        row = int(np.argmin(np.abs(surface.ys - 0.4)))
        assert surface.values[row, col] == pytest.approx(classifier_loss(on_grid, name).value,
                                                         rel=1e-12)
    reg = State(regression=Regression(x=(1.0, 2.0, -1.0), y=(0.5, 1.0, 0.0), grid=21))
    np.testing.assert_allclose(regression_surface(reg, "mse").values,
                               compute_regression(reg.regression).surface.values, rtol=1e-12)


def test_target_sweep_gradient_is_the_family_gradient_along_the_target():
    s = State(logits=(1.0, -0.5, 0.25), target=1, temperature=0.7, margin=0.5)
    values = np.array([-3.0, -0.5, 2.0])
    for name in applicable_classifier_losses(s):
        sweep = target_sweep(s, name, values)
        assert sweep.class_index == 1
        g = classifier_loss(s, name)  # a_1 = -0.5 is the sweep's middle point
        assert sweep.loss[1] == pytest.approx(g.value, rel=1e-13)
        assert sweep.grad[1] == pytest.approx(g.grad.autograd[1], rel=1e-12, abs=1e-15)


# ------------------------------------------------------------------ BCE saturation
@pytest.mark.parametrize(("dtype", "z", "onset"), [(torch.float64, 37.0, 36.7),
                                                  (torch.float32, 17.0, 16.6)])
def test_bce_on_probabilities_sticks_at_100_where_with_logits_stays_exact(dtype, z, onset):
    from core.binary import compute_binary, dtype_name, rounds_to_one_from
    from core.state import Binary

    assert rounds_to_one_from(dtype) == pytest.approx(onset, abs=0.05)
    stuck = compute_binary(State(binary=Binary(z=z, y=0.0))).at(dtype_name(dtype))
    assert stuck.sigmoid == 1.0 and stuck.saturated
    assert stuck.on_probs == 100.0 and stuck.grad_on_probs == 0.0
    assert stuck.with_logits == z and stuck.grad_with_logits == 1.0
    before = compute_binary(State(binary=Binary(z=onset - 4, y=0.0))).at(dtype_name(dtype))
    assert before.sigmoid < 1.0 and before.on_probs == pytest.approx(onset - 4, rel=1e-3)


def test_saturated_bce_shows_torchs_gradient_departing_from_the_closed_form():
    s = State(logits=(40.0, 0.0), target=1)   # class 0's yes/no has label 0, σ(40) = 1
    g = classifier_loss(s, "binary_cross_entropy")
    assert g.grad.autograd[0] == 0.0
    assert g.grad.formula[0] == pytest.approx(0.5)  # (σ − y)/N
    with_logits = classifier_loss(s, "binary_cross_entropy_with_logits")
    assert with_logits.grad.autograd[0] == pytest.approx(0.5) and with_logits.max_abs_diff < 1e-9
    assert math.isclose(with_logits.value, (40.0 + math.log(2)) / 2, rel_tol=1e-12)


@pytest.mark.parametrize("offset", [0.0, 0.3, 0.55, 0.58, 0.6, 0.9, 1.5, -0.55])
def test_the_difference_error_estimate_holds_beside_a_corner(offset):
    """|x| with θ a fraction of the step from its corner: the estimate must cover the
    true error with no slack (it was 0.29 against 0.42 at 0.58h; review)."""
    import torch

    from core.losses.four_ways import central_differences, steps_for

    def batch_loss(rows):
        return rows[:, 0].abs()

    h = steps_for(torch.tensor([1.0], dtype=torch.float64), 1.0)
    theta = torch.tensor([offset * float(h[0])], dtype=torch.float64)
    d1, error, _corner = central_differences(batch_loss, theta, steps_for(theta, 1.0))
    true = 0.0 if offset == 0.0 else float(np.sign(offset))
    assert abs(d1[0] - true) <= error[0] + 1e-15


@pytest.mark.parametrize("name", ["binary_cross_entropy_with_logits", "binary_cross_entropy",
                                  "sigmoid_focal"])
def test_separable_differences_equal_the_full_rows_ones(name):
    """The sigmoid family's O(N) differences (one term changed per coordinate) give what
    the O(N²) evaluation of whole rows gives, error estimate and corner flags included."""
    from core.losses.four_ways import central_differences, separable_differences, steps_for
    from core.losses.registry import CLASSIFIER_LOSSES
    from core.losses.spec import ClassifierInputs

    spec = CLASSIFIER_LOSSES[name]
    rng = np.random.default_rng(11)
    for n in (2, 7, 40):
        state = State(logits=tuple(rng.normal(0, 3, n)), target=(rng.dirichlet(np.ones(n))
                      .tolist()), temperature=0.6, pos_weight=2.5, gamma=1.5, alpha=0.3)
        c = ClassifierInputs.of(state)
        theta = torch.tensor(state.logits, dtype=torch.float64)
        h = steps_for(theta, state.temperature)
        full = central_differences(lambda rows, c=c: spec.rows(rows / 0.6, c), theta, h)
        fast = separable_differences(lambda rows, c=c: spec.terms(rows / 0.6, c.y_eff, c),
                                     theta, h)
        # they differ by rounding only: within either's own error estimate
        assert np.all(np.abs(fast[0] - full[0]) <= full[1])
        formula = (spec.grad_z(theta / 0.6, c) / 0.6).numpy()
        assert np.all(np.abs(fast[0] - formula) <= fast[1])
        assert np.all(fast[1] <= 4 * full[1] + 1e-13)
        np.testing.assert_array_equal(fast[2], full[2])

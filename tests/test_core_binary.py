"""core.binary against an independent numpy reference, finite differences, and the facts of
saturation: binary_cross_entropy on σ(z) sticks at 100 with gradient 0 once σ(z) rounds to
1 (label 0; z = 40 in float64, z = 20 in float32), while the with-logits form stays exact."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from core.binary import compute_binary, rounds_to_one_from
from core.pipeline import compute
from core.state import Binary, State

RNG = np.random.default_rng(16)


# ------------------------------------------------------------------ numpy reference
def sigmoid_ref(z: float) -> float:
    return float(np.exp(-np.logaddexp(0.0, -z)))


def softplus_ref(x: float) -> float:
    return float(np.logaddexp(0.0, x))


def with_logits_ref(z: float, y: float, w: float) -> float:
    """−(w·y·log σ(z) + (1 − y)·log(1 − σ(z))), with log σ(z) = −softplus(−z)."""
    return w * y * softplus_ref(-z) + (1.0 - y) * softplus_ref(z)


def on_probs_ref(z: float, y: float) -> float:
    """torch's binary_cross_entropy: each log clamped at −100."""
    p = sigmoid_ref(z)
    log_p = max(math.log(p), -100.0) if p > 0 else -100.0
    log_q = max(math.log1p(-p), -100.0) if p < 1 else -100.0
    return -(y * log_p + (1.0 - y) * log_q)


def grad_ref(z: float, y: float, w: float) -> float:
    return (1.0 + (w - 1.0) * y) * sigmoid_ref(z) - w * y


def state_of(z: float, y: float, w: float = 1.0, logits=(2.0, 1.0, 0.1)) -> State:
    return State(logits=logits, binary=Binary(z=z, y=y, pos_weight=w))


def random_cases(n: int = 40):
    for _ in range(n):
        yield (float(RNG.uniform(-20, 20)), float(RNG.choice([0.0, 1.0, RNG.uniform()])),
               float(np.exp(RNG.uniform(-3, 3))))


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize(("z", "y", "w"), list(random_cases()))
def test_numbers_match_the_numpy_reference(z, y, w):
    r = compute_binary(state_of(z, y, w))
    assert r.sigmoid == pytest.approx(sigmoid_ref(z), rel=1e-14, abs=1e-300)
    assert r.with_logits == pytest.approx(with_logits_ref(z, y, w), rel=1e-13, abs=1e-15)
    assert r.on_probs == pytest.approx(on_probs_ref(z, y), rel=1e-8, abs=1e-12)
    for way in (r.grad.autograd, r.grad.backward, r.grad.formula):
        assert way == pytest.approx(grad_ref(z, y, w), rel=1e-12, abs=1e-15)
    assert r.grad.max_abs_diff < 1e-14
    assert r.at("float32").with_logits == pytest.approx(with_logits_ref(z, y, 1.0),
                                                        rel=1e-6, abs=1e-6)


@pytest.mark.parametrize(("z", "y", "w"), list(random_cases(15)))
def test_gradient_matches_central_differences(z, y, w):
    h = 1e-6
    up = compute_binary(state_of(z + h, y, w)).with_logits
    down = compute_binary(state_of(z - h, y, w)).with_logits
    assert compute_binary(state_of(z, y, w)).grad.autograd == pytest.approx(
        (up - down) / (2 * h), abs=1e-7)


def test_probability_form_agrees_where_sigma_is_far_from_0_and_1():
    for z, y in ((-5.0, 1.0), (0.0, 0.5), (3.0, 0.0), (8.0, 0.2)):
        r = compute_binary(state_of(z, y))
        assert r.on_probs == pytest.approx(r.with_logits, rel=1e-10)
        assert r.grad_on_probs == pytest.approx(sigmoid_ref(z) - y, rel=1e-8, abs=1e-12)


# ------------------------------------------------------------------ saturation
@pytest.mark.parametrize(("dtype", "z"), [("float64", 40.0), ("float32", 20.0)])
def test_binary_cross_entropy_on_probabilities_saturates(dtype, z):
    at = compute_binary(state_of(z, 0.0)).at(dtype)
    assert at.sigmoid == 1.0 and at.saturated
    assert at.on_probs == 100.0          # log(1 − 1) = −inf, clamped at −100
    assert at.grad_on_probs == 0.0
    assert at.with_logits == pytest.approx(z, rel=1e-15)   # exact: z + log1p(e^−z)
    assert at.grad_with_logits == 1.0


def test_float64_is_not_yet_saturated_where_float32_is():
    r = compute_binary(state_of(20.0, 0.0))
    assert not r.at("float64").saturated and r.at("float32").saturated
    assert r.at("float64").on_probs == pytest.approx(20.0, rel=1e-8)


def test_rounding_thresholds_are_where_torch_rounds_sigma_to_one():
    for dtype, near in ((torch.float64, 36.7), (torch.float32, 16.6)):
        z = rounds_to_one_from(dtype)
        assert z == pytest.approx(near, abs=0.1)
        assert torch.sigmoid(torch.tensor(z, dtype=dtype)).item() == 1.0
        assert torch.sigmoid(torch.tensor(z - 1e-6, dtype=dtype)).item() < 1.0


def test_the_sweep_shows_both_precisions():
    s = compute_binary(state_of(3.0, 0.0)).sweep
    at40 = int(np.argmin(np.abs(s.z - 40.0)))
    at20 = int(np.argmin(np.abs(s.z - 20.0)))
    assert s.on_probs["float64"][at40] == 100.0 and s.grad_on_probs_abs["float64"][at40] == 0
    assert s.on_probs["float32"][at20] == 100.0 and s.grad_on_probs_abs["float32"][at20] == 0
    assert s.on_probs["float64"][at20] == pytest.approx(20.0, rel=1e-6)
    for dtype in ("float64", "float32"):
        assert s.with_logits[dtype][at40] == pytest.approx(s.z[at40], rel=1e-6)
        assert s.grad_with_logits_abs[dtype][at40] == 1.0
    expected = [with_logits_ref(float(z), 0.0, 1.0) for z in s.z]
    assert np.allclose(s.with_logits["float64"], expected, rtol=1e-13)


def test_the_sweep_widens_to_hold_a_far_z():
    s = compute_binary(state_of(-300.0, 1.0)).sweep
    assert s.z[0] <= -300.0 <= s.z[-1]


# ------------------------------------------------------------------ two classes
@pytest.mark.parametrize("y", [0.0, 1.0, 0.3])
def test_two_class_softmax_is_the_sigmoid(y):
    a0, a1 = 0.7, -1.9
    t = compute_binary(state_of(3.0, y, logits=(a0, a1, 5.0))).two_class
    d = a1 - a0
    p1 = math.exp(a1) / (math.exp(a0) + math.exp(a1))
    assert t.softmax_p1 == pytest.approx(p1, rel=1e-14)
    assert t.sigmoid_d == pytest.approx(sigmoid_ref(d), rel=1e-14)
    ce = -(y * math.log(p1) + (1 - y) * math.log(1 - p1))
    assert t.cross_entropy == pytest.approx(ce, rel=1e-13)
    assert t.with_logits == pytest.approx(with_logits_ref(d, y, 1.0), rel=1e-13)
    assert t.grad_a1 == pytest.approx(p1 - y, abs=1e-15)
    assert t.grad_d == pytest.approx(sigmoid_ref(d) - y, abs=1e-15)
    assert t.max_abs_diff < 1e-14


def test_result_exposes_the_binary_numbers_lazily():
    result = compute(state_of(40.0, 0.0))
    assert result.binary is result.binary
    assert result.binary.at("float64").on_probs == 100.0


# ------------------------------------------------------------------ the state's section
def test_binary_section_round_trips_and_defaults():
    state = state_of(-2.5, 0.25, 3.0)
    assert State.from_json(state.to_json()) == state
    assert State.from_json("{}").binary == Binary()
    assert State.from_dict({"binary": {"z": 1}}).binary == Binary(z=1.0)
    assert state.to_dict()["binary"] == {"z": -2.5, "y": 0.25, "pos_weight": 3.0}


@pytest.mark.parametrize(("section", "message"), [
    ({"y": 1.5}, "binary.y"), ({"y": -0.1}, "binary.y"), ({"pos_weight": -1}, "binary.pos_weight"),
    ({"pos_weight": 1e5}, "binary.pos_weight"), ({"z": 1e5}, "binary.z"), ({"z": "1"}, "binary.z"),
    ({"z": True}, "binary.z"), ({"w": 1}, "binary.w: unknown key"), (3, "binary: expected")])
def test_binary_section_refuses_bad_values(section, message):
    with pytest.raises(ValueError, match=message.replace(".", r"\.")):
        State.from_dict({"binary": section})


@pytest.mark.parametrize(("z", "y", "saturated"), [
    (1e4, 1.0, False), (-800.0, 0.0, False),   # the clamped term is multiplied by 0
    (40.0, 0.0, True), (-800.0, 1.0, True), (40.0, 0.5, True)])
def test_saturation_needs_a_weight_on_the_clamped_log(z, y, saturated):
    from core.binary import compute_binary
    from core.state import Binary, State

    result = compute_binary(State(binary=Binary(z=z, y=y)))
    assert result.at("float64").saturated is saturated

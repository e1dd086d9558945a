"""The note's own numbers (SEED_NOTES.md), reproduced by compute()."""

import numpy as np
import pytest

from core import State, compute


@pytest.fixture(scope="module")
def note_example():
    return compute(State(logits=(2.0, 1.0, 0.1), target=0))


def test_softmax_of_2_1_point1(note_example):
    np.testing.assert_allclose(note_example.probs, [0.659001, 0.242433, 0.098566], atol=5e-7)
    assert note_example.probs.sum() == pytest.approx(1.0, abs=1e-15)


def test_ratio_of_top_two_is_e_to_the_gap(note_example):
    ratio = note_example.ratio
    assert (ratio.i, ratio.j) == (0, 1)
    assert ratio.ratio == pytest.approx(np.e, rel=1e-15)
    assert ratio.ratio_from_probs == pytest.approx(np.e, rel=1e-12)


def test_jacobian_matches_the_note(note_example):
    expected = [[0.224719, -0.159764, -0.064955],
                [-0.159764, 0.183659, -0.023896],
                [-0.064955, -0.023896, 0.088851]]
    for jac in (note_example.classifier.jacobian.autograd,
                note_example.classifier.jacobian.formula):
        np.testing.assert_allclose(jac, expected, atol=5e-7)
        np.testing.assert_allclose(jac, jac.T, atol=1e-15)
        np.testing.assert_allclose(jac.sum(axis=0), 0.0, atol=1e-15)
        assert (np.diag(jac) > 0).all()
        assert (jac[~np.eye(3, dtype=bool)] < 0).all()


def test_cross_entropy_and_its_gradient(note_example):
    assert note_example.classifier.cross_entropy == pytest.approx(0.417030, abs=5e-7)
    grads = note_example.grads["cross_entropy"]
    for way in (grads.autograd, grads.backward, grads.formula):
        np.testing.assert_allclose(way, [-0.340999, 0.242433, 0.098566], atol=5e-7)
    assert note_example.max_abs_diff < 1e-12


def test_mse_example_x1_w2_y1():
    reg = compute(State()).regression  # the default state is the note's example
    assert reg.loss == 1.0
    assert reg.grad_w == 2.0 and reg.grad_w_formula == 2.0
    assert reg.grad_b == 2.0


def test_result_dict_has_the_contract_keys(note_example):
    d = note_example.to_dict()
    assert len(d["probs"]) == 3
    assert set(d["loss"]) >= {"cross_entropy", "mse"}
    for loss in ("cross_entropy", "mse"):
        assert set(d["grad"][loss]) >= {"autograd", "backward", "formula"}
        assert len(d["grad"][loss]["formula"]) == 3
    assert np.array(d["jacobian"]["autograd"]).shape == (3, 3)
    assert np.array(d["jacobian"]["formula"]).shape == (3, 3)
    assert isinstance(d["max_abs_diff"], float)
    assert d["regression"]["loss"] == 1.0
    assert d["regression"]["grad_w"] == 2.0
    assert d["regression"]["grad_b"] == 2.0

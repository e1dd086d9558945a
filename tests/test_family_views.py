"""The classifier views with each loss of the family: what they say about it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from core import State, Surface
from core.losses.catalog import CLASSIFIER, THROUGH_SOFTMAX
from core.number_format import fmt


def shown(window, state: State) -> None:
    window.set_state(state)
    QApplication.processEvents()


@pytest.mark.parametrize("info", CLASSIFIER, ids=[i.name for i in CLASSIFIER])
def test_views_name_the_chosen_loss_and_the_jacobian_says_if_it_is_on_its_path(window, info):
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, loss=info.name))
    assert f"∂{info.short}/∂a" in window.softmax_view.title.text()
    assert f"∂{info.short}/∂a" in window.gradients_view.title.text()
    assert info.short in window.surface_view.title.text()
    off_path = "does not go through the softmax" in window.jacobian_view.info.text()
    assert off_path == (info.name not in THROUGH_SOFTMAX)
    value = window.result().chosen.value
    assert f"= {value:.6f}" in window.surface_view.info.text().replace("−", "-") \
        or f"{value:.4f}" in window.surface_view.info.text().replace("−", "-")


def test_focal_surface_at_n256_is_the_losses_own_and_finite(window):
    """The per-frame surface path at the largest benchmark size, against torch at corners."""
    import torch

    from core.losses.registry import CLASSIFIER_LOSSES
    from core.losses.spec import ClassifierInputs

    rng = np.random.default_rng(3)
    s = State(logits=tuple(rng.normal(0, 2, 256)), target=5, loss="sigmoid_focal",
              surface=Surface(axes=(5, 7), grid=60))
    shown(window, s)
    image = window.surface_view.image.image
    assert image.shape == (60, 60) and np.isfinite(image).all()
    spec, c = CLASSIFIER_LOSSES["sigmoid_focal"], ClassifierInputs.of(s)
    axis = np.linspace(*s.surface.range, 60)
    for r, col in ((0, 0), (59, 0), (0, 59), (31, 17)):
        a = torch.tensor(s.logits, dtype=torch.float64)
        a[5], a[7] = axis[col], axis[r]
        assert image[r, col] == pytest.approx(float(spec.value(a, c)), rel=1e-12, abs=1e-15)


def test_class_weighted_ce_is_named_so_beside_the_unweighted_one(window):
    shown(window, State(logits=(2.0, 1.0, 0.1), target=(0.2, 0.5, 0.3),
                        class_weights=(1.0, 4.0, 2.0)))
    text = window.gradients_view.summary.text()
    result = window.result()
    assert result.chosen.value != pytest.approx(result.classifier.cross_entropy)
    assert f"class-weighted CE = {result.chosen.value:.6f}" in text
    assert f"unweighted CE = {result.classifier.cross_entropy:.6f}" in text


@pytest.mark.parametrize("info", CLASSIFIER, ids=[i.name for i in CLASSIFIER])
def test_torch_gradient_alone_equals_the_four_ways_autograd(info):
    """What the softmax and surface views draw (O(N)) is the four ways' value and autograd."""
    from core.pipeline import compute

    rng = np.random.default_rng(5)
    state = State(logits=tuple(rng.normal(0, 3, 7)), target=3, loss=info.name,
                  temperature=0.7, class_weights=tuple(rng.uniform(0.5, 2, 7)))
    result = compute(state)
    alone, four = result.chosen_gradient, result.chosen
    assert alone.value == four.value
    np.testing.assert_array_equal(alone.gradient, four.grad.autograd)


@pytest.mark.parametrize(("options", "loss"), [
    ({"p": 2, "margin": 1e4}, "multi_margin"),         # |∂L/∂a| ≈ 1.3e4
    ({"pos_weight": 1e4}, "binary_cross_entropy_with_logits"),
    ({"gamma": 100.0, "alpha": 1.0}, "sigmoid_focal"),
])
def test_ways_agree_at_the_options_extremes(window, options, loss):
    """Agreement is judged relative to the gradient's size: at margin 1e4 the exact ways
    differ by ~1e-12 of a gradient of 1e4 — rounding, not disagreement."""
    shown(window, State(logits=(2.0, -1.0, 0.5), target=0, loss=loss, **options))
    assert "all ways agree ✓" in window.gradients_view.summary.text()


def test_soft_target_refused_for_nll_leaves_the_box_unticked(window, qtbot):
    """NLL takes a class index: ticking Soft target is refused with a message and the box
    shows the state again (it stayed ticked over a class target)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, loss="nll"))
    box = window.target_editor.soft
    messages = []
    window.target_editor.rejected.connect(messages.append)
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    QApplication.processEvents()
    assert window.state().target_is_index and window.state().loss == "nll"
    assert not box.isChecked()
    assert messages and "nll" in messages[-1]


def test_saturation_curves_have_no_nan_where_a_class_is_near_certain():
    """log p_i a hair above 0 (a class near certainty) made −log p_i's log NaN."""
    from core.saturation_sweep import saturation_sweep

    state = State(logits=(2.0, 1.0, 0.1), target=(0.5, 0.5, 0.0), temperature=1e-3,
                  saturation_losses=("kl_div", "cross_entropy"))
    for curve in saturation_sweep(state).curves:
        assert not np.isnan(curve.log_loss).any() and not np.isnan(curve.log_grad_abs).any()


def test_surfaces_of_a_loss_that_does_not_apply_are_refused():
    from core.pipeline import compute

    surfaces = compute(State(target=(0.2, 0.5, 0.3))).surfaces
    assert "nll" not in surfaces and "multi_margin" not in surfaces
    with pytest.raises(KeyError):
        surfaces["nll"]


def test_saturated_bce_on_probabilities_draws_torchs_zero_and_says_why(window):
    """σ(40) rounds to 1: torch's gradient for class 0 is 0 (its clamp), the closed form's
    1/3. The bars and arrow show what backward() gives; the table explains the gap."""
    shown(window, State(logits=(40.0, 0.0, -2.0), target=1, loss="binary_cross_entropy"))
    result = window.result()
    assert result.chosen.grad.autograd[0] == 0.0
    assert result.chosen.grad.formula[0] == pytest.approx(1 / 3)
    assert window.softmax_view.plotted_gradient()[0] == 0.0
    text = window.gradients_view.summary.text()
    assert "ways disagree" not in text and "clamp" in text


def test_status_bar_leads_with_the_loss_shown_and_weights_that_cancel_say_so(window):
    shown(window, State(logits=(4.0, -2.0, -3.0), target=0, loss="sigmoid_focal"))
    value = window.result().chosen.value
    assert window.numbers.text().split(" · ")[0] == f"FL {fmt(value, 4)}"
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, class_weights=(1.0, 2.0, 3.0)))
    assert "weights cancel" in window.gradients_view.summary.text()
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, class_weights=(1.0, 2.0, 3.0),
                        label_smoothing=0.1))
    assert "weights cancel" not in window.gradients_view.summary.text()


def test_kink_lines_skip_the_kink_under_the_point_and_the_table_gets_its_rows_back(window):
    """(2, 1, 0.1), margin 1: a₁ sits on its corner ("on a kink now"), so no line says
    "moving a₁ to 1" (trial); after the hinge's longer summary, another loss's summary
    gives the table its height back."""
    window.resize(1024, 680)
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0))
    table_height = window.gradients_view.table.height()
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, loss="multi_margin"))
    text = window.gradients_view.summary.text()
    assert "on a kink now at a₀, a₁" in text and "moving a₁ to 1.0000" not in text
    assert "moving a₀ to" in text   # the target's own corners count too
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, loss="mse"))
    QApplication.processEvents()
    assert window.gradients_view.table.height() == table_height


def test_at_n1024_the_table_takes_central_differences_for_the_first_logits(window):
    """All 1024 would cost ~100 ms a frame (a whole row of logits per evaluation): the
    table takes the first 256, shows '—' beyond and says so; the exact ways all agree."""
    from core.result import DIFFERENCES_IN_VIEW

    rng = np.random.default_rng(1)
    shown(window, State(logits=tuple(rng.normal(0, 2, 1024)), target=3, loss="kl_div"))
    ways = window.result().chosen.grad
    assert ways.differences_taken == DIFFERENCES_IN_VIEW == 256
    assert np.isnan(ways.finite_difference[256:]).all()
    assert np.isfinite(ways.finite_difference[:256]).all()
    table = window.gradients_view.table
    assert table.text(300, 4) == "—" and table.text(10, 4) != "—"
    text = window.gradients_view.summary.text()
    assert "first 256 of 1024 logits" in text and "all ways agree ✓" in text
    # the JSON's family takes them all
    from core.losses.family import classifier_loss

    assert np.isfinite(classifier_loss(window.state(), "kl_div").grad.finite_difference).all()

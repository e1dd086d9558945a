"""The classifier views with each loss of the family: what they say about it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from core import State, Surface
from core.losses.catalog import CLASSIFIER, THROUGH_SOFTMAX


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

"""The window's per-frame family surfaces equal the generic grid²·N evaluation point by
point, for every loss, target kind, axis pair (target on an axis or not) and option."""

from __future__ import annotations

import numpy as np
import pytest

from core.losses.catalog import CLASSIFIER_NAMES, INDEX_ONLY
from core.losses.fast_surfaces import family_surface
from core.losses.views import classifier_surface
from core.state import State, Surface

OPTIONS = (
    {},
    {"temperature": 0.7, "label_smoothing": 0.1, "pos_weight": 3.0, "gamma": 0.5,
     "alpha": -1.0, "margin": 2.0, "p": 2, "class_weights": (0.5, 2.0, 1.0, 3.0, 1.5)},
    {"temperature": 2.5, "gamma": 3.0, "alpha": 0.9, "margin": 0.3, "reduction": "sum"},
)


def _states():
    rng = np.random.default_rng(7)
    for options in OPTIONS:
        for target in (0, 2, 4, (0.1, 0.2, 0.3, 0.15, 0.25)):
            for axes in ((0, 2), (1, 3), (2, 0)):
                logits = tuple(rng.normal(scale=3.0, size=5))
                yield State(logits=logits, target=target, surface=Surface(
                    axes=axes, range=(-6.0, 6.0), grid=23), **options)


CASES = [(state, name) for state in _states() for name in CLASSIFIER_NAMES
         if state.target_is_index or name not in INDEX_ONLY]


@pytest.mark.parametrize("name", CLASSIFIER_NAMES)
def test_every_loss_has_cases(name: str) -> None:
    assert sum(1 for _, n in CASES if n == name) >= 24


@pytest.mark.parametrize(("state", "name"), CASES,
                         ids=[f"{n}-{k}" for k, (_, n) in enumerate(CASES)])
def test_fast_surface_equals_the_loss_at_every_grid_point(state: State, name: str) -> None:
    fast = family_surface(state, name)
    slow = classifier_surface(state, name)
    assert fast.axes == slow.axes
    np.testing.assert_array_equal(fast.xs, slow.xs)
    scale = max(1.0, float(np.abs(slow.values).max()))
    np.testing.assert_allclose(fast.values, slow.values, rtol=0, atol=1e-12 * scale)


def test_hinge_surface_has_its_flat_zero_beyond_the_margin() -> None:
    """Target 0 on the x axis: far right of the others by the margin, the hinge is 0."""
    state = State(logits=(0.0, 0.0, -5.0), target=0, loss="multi_margin",
                  surface=Surface(axes=(0, 1), range=(-6.0, 6.0), grid=13))
    values = family_surface(state, "multi_margin").values
    xs = np.linspace(-6, 6, 13)
    # a_0 ≥ a_1 + 1 and a_0 ≥ a_2 + 1 → every term is 0
    for r, y in enumerate(xs):
        for col, x in enumerate(xs):
            if x >= y + 1 and x >= -4:
                assert values[r, col] == 0.0
            elif x < y + 1:
                assert values[r, col] > 0.0

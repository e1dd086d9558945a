"""The 3-D surface's scene (gui/views/surface_scene.py): any surface a State allows fits the
fixed box the 3-D view's camera and grid are made for. Pure numpy, no OpenGL."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from core.pipeline import compute
from core.resources import RESOURCES
from core.state import State, min_range_span
from core.state_file import read_state
from core.surfaces import LossSurface
from gui.views.surface_scene import HALF_WIDTH, HEIGHT, mesh_indices, scene_of


def tiny_range_state(centre: float = 1.0) -> State:
    """The default state with a surface range just over the State's narrowest."""
    state = State()
    span = 1.5 * min_range_span(centre, centre)
    return replace(state, surface=replace(state.surface, range=(centre, centre + span)))


def scene_of_state(state: State):
    result = compute(state)
    surface = result.surface
    i, j = surface.axes
    point = (state.logits[i], state.logits[j], result.chosen.value)
    return surface, scene_of(surface.xs, surface.ys, surface.values, surface.finite_range, point)


def assert_in_box(scene) -> None:
    for name in ("x", "y", "z", "level"):
        assert np.isfinite(getattr(scene, name)).all(), name
    assert scene.x[0] == pytest.approx(-HALF_WIDTH) and scene.x[-1] == pytest.approx(HALF_WIDTH)
    assert scene.y[0] == pytest.approx(-HALF_WIDTH) and scene.y[-1] == pytest.approx(HALF_WIDTH)
    assert (np.diff(scene.x) > 0).all() and (np.diff(scene.y) > 0).all()
    assert scene.z.min() >= 0 and scene.z.max() <= HEIGHT
    if scene.point is not None:
        assert np.isfinite(scene.point).all()
        assert (np.abs(scene.point[:2]) <= HALF_WIDTH + 1e-9).all()
        assert 0 <= scene.point[2] <= HEIGHT


@pytest.mark.parametrize("preset", ["huge_logits.json", "softmax.json", "low_temperature.json",
                                    "confidently_wrong.json"])
def test_presets_fill_the_box(preset):
    state = read_state(RESOURCES / "presets" / preset)
    surface, scene = scene_of_state(state)
    assert_in_box(scene)
    low, high = surface.finite_range
    assert high > low and scene.z.min() == 0 and scene.z.max() == pytest.approx(HEIGHT)
    # the lowest and highest grid values are the floor and the top
    assert scene.z.flat[np.nanargmax(surface.values)] == pytest.approx(HEIGHT)


def test_huge_logits_point_sits_on_the_surface():
    """±1000 logits over ±1500: the point is at its logits' place and its loss's height."""
    state = read_state(RESOURCES / "presets" / "huge_logits.json")
    surface, scene = scene_of_state(state)
    i, j = surface.axes
    lo, hi = state.surface.range
    for axis, logit in enumerate((state.logits[i], state.logits[j])):
        expected = (logit - (lo + hi) / 2) / ((hi - lo) / 2) * HALF_WIDTH
        assert scene.point[axis] == pytest.approx(expected)
    low, high = surface.finite_range
    loss = compute(state).chosen.value
    assert scene.point[2] == pytest.approx((loss - low) / (high - low) * HEIGHT)


def test_a_tiny_range_still_fills_the_box():
    """A range a millionth wide is as wide as any other, and its slope shows at full height."""
    _, scene = scene_of_state(tiny_range_state())
    assert_in_box(scene)
    assert scene.z.max() == pytest.approx(HEIGHT)
    assert scene.point is None  # the logits (2, 1) are outside [1, 1 + 1.5e-6]


def test_a_constant_surface_lies_flat_on_the_floor():
    xs = np.linspace(-3.0, 3.0, 11)
    for value in (0.0, 2.5, 1e300):
        values = np.full((11, 11), value)
        scene = scene_of(xs, xs, values, (value, value), (0.0, 0.0, value))
        assert_in_box(scene)
        assert (scene.z == 0).all() and (scene.level == 0).all()
        assert scene.point is not None and scene.point[2] == 0


def test_a_numerically_flat_surface_is_not_magnified_noise():
    xs = np.linspace(0.0, 1.0, 11)
    values = 2.0 + np.random.default_rng(0).normal(0, 1e-15, (11, 11))
    surface = LossSurface("cross_entropy", (0, 1), xs, xs, values)
    scene = scene_of(xs, xs, values, surface.finite_range)
    assert (scene.z == 0).all()


def test_nan_and_inf_values_stay_in_the_box_and_are_marked():
    xs = np.linspace(-1.0, 1.0, 5)
    values = np.arange(25.0).reshape(5, 5)
    values[0, 0], values[1, 1], values[2, 2] = np.nan, np.inf, -np.inf
    surface = LossSurface("cross_entropy", (0, 1), xs, xs, values)
    scene = scene_of(xs, xs, values, surface.finite_range, (0.0, 0.0, np.nan))
    assert_in_box(scene)
    assert not scene.finite[0, 0] and not scene.finite[1, 1] and not scene.finite[2, 2]
    assert scene.finite.sum() == 22
    assert scene.z[1, 1] == HEIGHT and scene.z[0, 0] == 0 and scene.z[2, 2] == 0
    assert scene.point is None  # a loss that is not a number has no height


def test_all_nan_surface():
    xs = np.linspace(-1.0, 1.0, 5)
    values = np.full((5, 5), np.nan)
    surface = LossSurface("cross_entropy", (0, 1), xs, xs, values)
    scene = scene_of(xs, xs, values, surface.finite_range)
    assert_in_box(scene)
    assert not scene.finite.any()


def test_degenerate_axes_spread_evenly():
    """An axis whose ends coincide (no State allows it) still gives distinct vertices."""
    xs = np.full(5, 3.0)
    scene = scene_of(xs, xs, np.ones((5, 5)), (1.0, 1.0), (3.0, 3.0, 1.0))
    assert_in_box(scene)
    assert scene.point is None


def test_point_outside_the_range_is_left_out():
    state = State(logits=(50.0, 1.0, 0.1))  # a0 beyond the default range ±10
    _, scene = scene_of_state(state)
    assert scene.point is None


@pytest.mark.parametrize("n", [10, 119, 120, 121, 200, 1000])
def test_mesh_indices_span_the_whole_grid(n):
    indices = mesh_indices(n)
    assert indices[0] == 0 and indices[-1] == n - 1
    assert len(indices) <= 121 and (np.diff(indices) > 0).all()

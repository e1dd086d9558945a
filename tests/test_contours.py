"""Contour lines: on the level they belong to, one NaN break after each line, and none for a
flat or non-finite surface."""

from __future__ import annotations

import numpy as np

from gui.items.contours import contour_levels, contour_polyline


def test_circles_lie_on_their_levels():
    axis = np.linspace(-2.0, 2.0, 301)            # traced at a stride of 4 (76 points)
    values = axis[None, :] ** 2 + axis[:, None] ** 2
    levels = np.array([0.5, 1.0, 2.0])
    xs, ys = contour_polyline(axis, axis, values, levels)
    breaks = np.isnan(xs)
    assert np.array_equal(breaks, np.isnan(ys)) and breaks[-1]
    assert breaks.sum() == 3                      # three closed circles, one break after each
    radius = np.hypot(xs[~breaks], ys[~breaks])
    lines = np.split(radius, np.flatnonzero(breaks)[:-1] - np.arange(2))
    for line, level in zip(sorted(lines, key=np.mean), levels, strict=True):
        # linear interpolation on a 0.053 grid: on the circle to within its sagitta
        np.testing.assert_allclose(line, np.sqrt(level), atol=2e-3)
        assert len(line) > 20


def test_levels_strictly_inside_and_no_lines_for_flat_or_missing_data():
    levels = contour_levels(0.0, 1.3, count=12)
    assert len(levels) == 12 and levels.min() > 0.0 and levels.max() < 1.3
    assert len(contour_levels(2.0, 2.0)) == 0
    axis = np.linspace(0.0, 1.0, 50)
    xs, ys = contour_polyline(axis, axis, np.full((50, 50), 3.0), np.array([3.5]))
    assert xs.size == ys.size == 0
    values = np.where(axis[None, :] > 0.5, np.inf, axis[None, :] + 0 * axis[:, None])
    xs, _ = contour_polyline(axis, axis, values, np.array([0.25]))
    assert np.nanmax(np.abs(xs - 0.25)) < 1e-12  # the x = 0.25 line, nothing from the infs

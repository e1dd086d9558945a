"""The 3-D surface's scene: the loss surface fitted into one fixed box, whatever its units.

The 3-D view sets its camera, grid and clipping planes once, for this box. In data units
they broke at the ends of what a State allows: pyqtgraph's grid divides by its spacing
(ZeroDivisionError, or a 224 GiB arange after a tiny range), its near and far planes
follow the camera distance (a surface over ±1500 showed as a clipped slab), and a range
a millionth wide drew nothing. Pure numpy, so it is tested without OpenGL.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from gui.look.plot_style import MIN_LEVEL_SPAN

HALF_WIDTH = 10.0  # x and y span [−10, 10]
HEIGHT = 10.0      # z spans [0, 10]: half as tall as wide, as the 2-D view is square
MAX_MESH = 120     # vertices per side; finer meshes only cost frame time


@dataclass(frozen=True)
class Scene:
    """values[r, c] at (xs[c], ys[r]) in scene units; level is each vertex's place in
    the finite range, 0 to 1, for the colour map."""

    x: np.ndarray             # (columns,) in [−HALF_WIDTH, HALF_WIDTH]
    y: np.ndarray             # (rows,)
    z: np.ndarray             # (rows, columns) in [0, HEIGHT]
    level: np.ndarray         # (rows, columns) in [0, 1]
    finite: np.ndarray        # (rows, columns) False where the loss is NaN or ±inf
    point: np.ndarray | None  # (3,), or None when the current point is outside the box


def mesh_indices(n: int, max_mesh: int = MAX_MESH) -> np.ndarray:
    """Every k-th grid index, always with the last, so the mesh spans the whole range."""
    stride = max(1, -(-n // max_mesh))
    return np.unique(np.r_[np.arange(0, n, stride), n - 1])


def _axis_scale(lo: float, hi: float) -> tuple[float, float] | None:
    """(centre, factor) mapping [lo, hi] onto [−HALF_WIDTH, HALF_WIDTH]; None if the
    span is not a positive finite number."""
    span = hi - lo
    if not (math.isfinite(span) and span > 0):
        return None
    return (lo + hi) / 2, 2 * HALF_WIDTH / span


def _to_box(values: np.ndarray, scale: tuple[float, float] | None) -> np.ndarray:
    if scale is None:  # a degenerate axis: spread the vertices evenly, never on one spot
        return np.linspace(-HALF_WIDTH, HALF_WIDTH, len(values))
    centre, factor = scale
    return (np.asarray(values, dtype=float) - centre) * factor


def scene_of(xs: np.ndarray, ys: np.ndarray, values: np.ndarray,
             finite_range: tuple[float, float],
             point: tuple[float, float, float] | None = None) -> Scene:
    """The surface values[r, c] over (xs[c], ys[r]) in the box: x and y scaled from the
    axes' first to last value, height from the finite range's low (floor) to its high.

    A flat (or numerically flat) surface lies on the floor; +inf is drawn at the top and
    NaN and −inf on the floor, marked in `finite`; the point (x, y, loss) is dropped when
    it is outside the plotted range or not finite.
    """
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    values = np.asarray(values, dtype=float)
    sx = _axis_scale(float(xs[0]), float(xs[-1]))
    sy = _axis_scale(float(ys[0]), float(ys[-1]))
    low, high = finite_range
    span = high - low
    flat = not (math.isfinite(span) and
                span > MIN_LEVEL_SPAN * max(1.0, abs(low), abs(high)))

    def level_of(v: np.ndarray) -> np.ndarray:
        if flat:
            return np.zeros(v.shape)
        with np.errstate(invalid="ignore", over="ignore"):
            return np.clip((v - low) / span, 0.0, 1.0)

    finite = np.isfinite(values)
    level = level_of(values)
    level = np.where(finite, level, np.where(values == np.inf, 1.0, 0.0))
    scene_point = None
    if point is not None and sx is not None and sy is not None:
        px, py, pz = point
        inside = xs[0] <= px <= xs[-1] and ys[0] <= py <= ys[-1]
        if inside and math.isfinite(pz):
            pl = float(level_of(np.array(pz)))
            scene_point = np.array([_to_box(np.array([px]), sx)[0],
                                    _to_box(np.array([py]), sy)[0], pl * HEIGHT])
    return Scene(x=_to_box(xs, sx), y=_to_box(ys, sy), z=level * HEIGHT, level=level,
                 finite=finite, point=scene_point)

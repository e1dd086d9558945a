"""Edits the Regression tab can make, as pure State -> State functions.

The tab only says what the user did (point 2 is now at (1, 3), one descent step, …); keeping
the State valid — at least one point, at most MAX_POINTS, numbers within range — lives here,
where it is tested without Qt. An edit that cannot be made raises ValueError with a message
the window shows.
"""

from __future__ import annotations

import math
from dataclasses import replace

from core.state import MAX_ABS_DATA, MAX_POINTS, State

# fit_ranges: the margin around what must be visible, and the smallest half-width.
FIT_MARGIN = 0.15
MIN_HALF_WIDTH = 0.5


def _regression(state: State, **changes) -> State:
    return state.replace(regression=replace(state.regression, **changes))


def _clamp(value: float) -> float:
    return min(max(float(value), -MAX_ABS_DATA), MAX_ABS_DATA)


def set_parameters(state: State, w: float | None = None, b: float | None = None) -> State:
    """The line's slope w and/or intercept b."""
    reg = state.regression
    return _regression(state, w=reg.w if w is None else w, b=reg.b if b is None else b)


def set_point(state: State, index: int, x: float | None = None, y: float | None = None
              ) -> State:
    """Move point `index` to (x, y); a coordinate left None keeps its value."""
    reg = state.regression
    if not 0 <= index < len(reg.x):
        raise ValueError(f"regression.x: no point {index + 1} (there are {len(reg.x)})")
    xs, ys = list(reg.x), list(reg.y)
    if x is not None:
        xs[index] = x
    if y is not None:
        ys[index] = y
    return _regression(state, x=tuple(xs), y=tuple(ys))


def add_point(state: State, x: float | None = None, y: float | None = None) -> State:
    """Append a point; by default one step right of the rightmost, at the last point's height."""
    reg = state.regression
    if len(reg.x) >= MAX_POINTS:
        raise ValueError(f"regression.x: at most {MAX_POINTS} points")
    if x is None:
        x = _clamp(max(reg.x) + 1.0)
    if y is None:
        y = reg.y[-1]
    return _regression(state, x=(*reg.x, x), y=(*reg.y, y))


def remove_point(state: State, index: int) -> State:
    """Remove point `index`; the last remaining point cannot be removed."""
    reg = state.regression
    if len(reg.x) <= 1:
        raise ValueError("regression.x: at least one point is needed")
    if not 0 <= index < len(reg.x):
        raise ValueError(f"regression.x: no point {index + 1} (there are {len(reg.x)})")
    keep = [k for k in range(len(reg.x)) if k != index]
    return _regression(state, x=tuple(reg.x[k] for k in keep),
                       y=tuple(reg.y[k] for k in keep))


def set_reduction(state: State, reduction: str) -> State:
    """The regression's own reduction; the classifier's State.reduction is left alone."""
    return _regression(state, reduction=reduction)


def set_loss(state: State, loss: str) -> State:
    """The regression's loss (mse, l1, huber, smooth_l1); δ and β keep their values."""
    return _regression(state, loss=loss)


def set_delta(state: State, delta: float) -> State:
    """Huber's δ (> 0); the State refuses any other value with a message naming it."""
    return _regression(state, delta=delta)


def set_beta(state: State, beta: float) -> State:
    """SmoothL1's β (≥ 0; 0 is L1)."""
    return _regression(state, beta=beta)


def set_learning_rate(state: State, rate: float) -> State:
    return _regression(state, learning_rate=rate)


def set_steps(state: State, steps: int) -> State:
    return _regression(state, steps=steps)


def descent_step(state: State) -> State:
    """(w, b) after one gradient-descent step: exactly the second point of the drawn path."""
    from core.regression import compute_regression  # torch loads only when asked

    reg = state.regression
    path = compute_regression(replace(reg, steps=1)).path
    if len(path) < 2:
        raise ValueError(f"regression.learning_rate: one step with learning rate "
                         f"{reg.learning_rate:g} diverges; lower it")
    w, b = float(path[1][0]), float(path[1][1])
    if max(abs(w), abs(b)) > MAX_ABS_DATA:
        raise ValueError(f"regression.learning_rate: one step with learning rate "
                         f"{reg.learning_rate:g} leaves ±{MAX_ABS_DATA:g}; lower it")
    return set_parameters(state, w, b)


def least_squares(state: State) -> tuple[float, float] | None:
    """The (w, b) of least squared error, or None when all x are equal (no unique line)."""
    reg = state.regression
    m = len(reg.x)
    mx, my = math.fsum(reg.x) / m, math.fsum(reg.y) / m
    sxx = math.fsum((x - mx) ** 2 for x in reg.x)
    if sxx == 0:
        return None
    w = math.fsum((x - mx) * (y - my) for x, y in zip(reg.x, reg.y, strict=True)) / sxx
    return w, my - w * mx


def _nice_step(width: float) -> float:
    """A round tick (1, 2 or 5 × 10^k) about a tenth of width."""
    raw = width / 10
    base = 10.0 ** math.floor(math.log10(raw))
    return next(s * base for s in (1, 2, 5, 10) if s * base >= raw)


def _covering(values: list[float]) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    half = max((hi - lo) / 2 * (1 + 2 * FIT_MARGIN), MIN_HALF_WIDTH)
    centre = (lo + hi) / 2
    step = _nice_step(2 * half)
    low = _clamp(math.floor((centre - half) / step) * step)
    high = _clamp(math.ceil((centre + half) / step) * step)
    return (low, high) if high > low else (low, low + 1.0)


def fit_ranges(state: State) -> State:
    """Surface ranges around the current (w, b), its descent path and the best fit.

    A diverging path is left out beyond its first step: it would stretch the view to
    where nothing can be seen.
    """
    from core.regression import compute_regression

    reg = state.regression
    result = compute_regression(reg)
    path = result.path[:2] if result.diverged else result.path
    ws = [reg.w, *(float(w) for w in path[:, 0])]
    bs = [reg.b, *(float(b) for b in path[:, 1])]
    best = least_squares(state)
    if best is not None:
        ws.append(best[0])
        bs.append(best[1])
    return _regression(state, w_range=_covering(ws), b_range=_covering(bs))

"""The trail of gradient-descent steps taken with Step and Play: view state, not State.

It is history, not a setting: saving, loading or undoing never writes it. The tab keeps
it and draws it on every redraw. It belongs to one data set (x, y, the reduction, the loss
and its δ or β) and to the (w, b) it leads to: editing the data or the loss, or moving
(w, b) off the trail (typing w, dragging the line, a click on the map) ends it, and Reset
clears it. Undo along the trail
keeps it and shows it up to where (w, b) now is, so Redo finds it whole. At most
TRAIL_LIMIT points are kept (the oldest go first; where the descent began is kept apart
for Reset).
"""

from __future__ import annotations

import numpy as np

from core.state import MAX_GD_STEPS, Regression

TRAIL_LIMIT = MAX_GD_STEPS + 1   # one full Play of descent
LOSSES_KEPT = 4 * TRAIL_LIMIT


def _data(reg: Regression) -> tuple:
    """What the losses depend on besides (w, b): a new loss or δ, β begins a new trail."""
    return reg.x, reg.y, reg.reduction, reg.loss, reg.delta, reg.beta


class DescentTrail:
    def __init__(self) -> None:
        self.points: list[tuple[float, float]] = []
        self.origin: tuple[float, float] | None = None   # where this descent began
        self._data: tuple | None = None
        # the loss at each (w, b) the Results showed, for the current data (the view
        # computes nothing); at most LOSSES_KEPT, the oldest dropped first
        self._losses: dict[tuple[float, float], float] = {}
        self._loss_data: tuple | None = None

    def clear(self) -> None:
        self.points, self.origin, self._data = [], None, None

    def record(self, reg: Regression, loss: float, next_loss: float | None = None,
               next_point: tuple[float, float] | None = None) -> None:
        """A Result showed reg's (w, b) with this loss (and its path's next step)."""
        if _data(reg) != self._loss_data:
            self._losses, self._loss_data = {}, _data(reg)
        self._losses[(reg.w, reg.b)] = loss
        if next_point is not None and next_loss is not None:
            self._losses.setdefault(next_point, next_loss)
        while len(self._losses) > LOSSES_KEPT:
            del self._losses[next(iter(self._losses))]

    def losses(self, points: np.ndarray) -> np.ndarray:
        """The recorded loss at each row (w, b) of points; NaN where none was shown."""
        return np.array([self._losses.get((float(w), float(b)), np.nan) for w, b in points],
                        dtype=np.float64)

    def _index(self, here: tuple[float, float]) -> int | None:
        """The last position of `here` on the trail, or None."""
        for k in range(len(self.points) - 1, -1, -1):
            if self.points[k] == here:
                return k
        return None

    def follow(self, reg: Regression) -> None:
        """A State was shown: keep the trail only if it still leads to its (w, b)."""
        if self.points and (_data(reg) != self._data or self._index((reg.w, reg.b)) is None):
            self.clear()

    def stepped(self, before: Regression, after: Regression) -> None:
        """One descent step from `before` to `after`: a new trail begins unless `before`
        lies on this one (after an undo: the steps beyond it are replaced)."""
        here = (before.w, before.b)
        k = self._index(here) if _data(before) == self._data else None
        if k is None:
            self.points, self.origin, self._data = [here], here, _data(before)
        else:
            del self.points[k + 1:]
        self.points.append((after.w, after.b))
        del self.points[:-TRAIL_LIMIT]

    def shown(self, reg: Regression) -> np.ndarray:
        """The trail up to reg's (w, b), as rows (w, b); empty when there is none."""
        k = self._index((reg.w, reg.b)) if _data(reg) == self._data else None
        if k is None:
            return np.empty((0, 2))
        return np.array(self.points[:k + 1], dtype=np.float64)

"""The same four classifier views drawn with matplotlib, as a learner would in a notebook.

A fair baseline: Agg backend, the figure built once, and on each update the existing
artists updated in place (bar heights, image data, texts, point and arrow) — only the
contour set is re-made, as matplotlib cannot update one. The numbers come from the same
core.compute, so the comparison is drawing against drawing. The time of one update is
compute + the artists' updates + canvas.draw() of the whole figure.
"""

from __future__ import annotations

import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from core import State, Surface, compute

MAX_CELL_TEXT = 10
CONTOUR_LEVELS = 12


class MatplotlibViews:
    def __init__(self, state: State) -> None:
        result = compute(state)
        n = state.n_classes
        self.fig, axes = plt.subplots(2, 2, figsize=(12.8, 8.0), dpi=100)
        (self.ax_bars, self.ax_jac), (self.ax_surf, self.ax_table) = axes
        idx = np.arange(n)
        grad = result.grads["cross_entropy"].formula
        self.p_bars = self.ax_bars.bar(idx - 0.2, result.probs, 0.4, color="#2a9d8f")
        self.g_bars = self.ax_bars.bar(idx + 0.2, grad, 0.4,
                                       color=np.where(grad > 0, "#b2182b", "#2166ac"))
        self.targets = self.ax_bars.hlines(result.classifier.target_effective, idx - 0.4, idx,
                                           colors="k")
        self.p_text = [self.ax_bars.text(i - 0.2, p, f"{p:.3f}", ha="center", va="bottom")
                       for i, p in enumerate(result.probs)] if n <= 16 else []
        self.ax_bars.set_ylim(-1, 1.45)
        self.ax_bars.set_title("Softmax")

        jac = result.classifier.jacobian.formula
        m = np.abs(jac).max()
        self.jac_image = self.ax_jac.imshow(jac, cmap="RdBu_r", vmin=-m, vmax=m)
        self.fig.colorbar(self.jac_image, ax=self.ax_jac)
        self.jac_text = [self.ax_jac.text(j, i, f"{jac[i, j]:.3f}", ha="center", va="center")
                         for i in range(n) for j in range(n)] if n <= MAX_CELL_TEXT else []
        self.ax_jac.set_title("Jacobian")

        surface = result.surface
        extent = (surface.xs[0], surface.xs[-1], surface.ys[0], surface.ys[-1])
        self.surf_image = self.ax_surf.imshow(surface.values, origin="lower", extent=extent,
                                              cmap="viridis")
        self.fig.colorbar(self.surf_image, ax=self.ax_surf)
        self.contours = self.ax_surf.contour(surface.xs, surface.ys, surface.values,
                                             CONTOUR_LEVELS, colors="w", linewidths=0.7)
        i, j = surface.axes
        self.point, = self.ax_surf.plot([state.logits[i]], [state.logits[j]], "o", color="r")
        self.arrow = self.ax_surf.quiver([state.logits[i]], [state.logits[j]], [-grad[i]],
                                         [-grad[j]], color="r")
        self.ax_surf.set_title("Loss surface")

        self.ax_table.axis("off")
        rows = min(n, 20)
        self.table_text = [[self.ax_table.text(0.02 + 0.14 * c, 0.95 - 0.045 * r, "",
                                               family="monospace", fontsize=7)
                            for c in range(7)] for r in range(rows)]
        self.update(result)

    def update(self, result) -> None:
        state = result.state
        grad = result.grads["cross_entropy"].formula
        for bar, p in zip(self.p_bars, result.probs, strict=True):
            bar.set_height(p)
        for bar, g in zip(self.g_bars, grad, strict=True):
            bar.set_height(g)
            bar.set_color("#b2182b" if g > 0 else "#2166ac")
        for text, p in zip(self.p_text, result.probs, strict=False):
            text.set_text(f"{p:.3f}")
            text.set_y(p)
        jac = result.classifier.jacobian.formula
        m = np.abs(jac).max()
        self.jac_image.set_data(jac)
        self.jac_image.set_clim(-m, m)
        for text, v in zip(self.jac_text, jac.ravel(), strict=False):
            text.set_text(f"{v:.3f}")
        surface = result.surface
        self.surf_image.set_data(surface.values)
        self.surf_image.set_clim(*surface.finite_range)
        self.contours.remove()
        self.contours = self.ax_surf.contour(surface.xs, surface.ys, surface.values,
                                             CONTOUR_LEVELS, colors="w", linewidths=0.7)
        i, j = surface.axes
        self.point.set_data([state.logits[i]], [state.logits[j]])
        self.arrow.set_offsets([[state.logits[i], state.logits[j]]])
        self.arrow.set_UVC([-grad[i]], [-grad[j]])
        c = result.classifier
        columns = [c.probs, c.grad_cross_entropy.autograd, c.grad_cross_entropy.backward,
                   c.grad_cross_entropy.formula, c.grad_mse.autograd, c.grad_mse.backward,
                   c.grad_mse.formula]
        for r, row in enumerate(self.table_text):
            for k, text in enumerate(row):
                text.set_text(f"{columns[k][r]:.6f}")
        self.fig.canvas.draw()


def measure(n: int, grid: int, samples: int) -> list[float]:
    rng = np.random.default_rng(0)
    base = State(logits=tuple(rng.normal(0, 2, n)), target=0,
                 surface=Surface(grid=grid, axes=(0, 1)))
    views = MatplotlibViews(base)
    times = []
    for k in range(samples + 3):
        logits = list(base.logits)
        logits[k % n] = float(np.sin(k) * 5)
        start = time.perf_counter()
        views.update(compute(base.replace(logits=tuple(logits))))
        if k >= 3:
            times.append((time.perf_counter() - start) * 1000)
    plt.close(views.fig)
    return times

"""Loss surfaces: the reduced O(grid²) computation equals the full softmax at every grid point."""

from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core import Regression, State, Surface, compute


def brute_force(state: State) -> dict[str, np.ndarray]:
    """Every grid point as its own row of N logits, through torch's own losses."""
    i, j = state.surface.axes
    axis = np.linspace(*state.surface.range, state.surface.grid)
    xx, yy = np.meshgrid(axis, axis)  # xx varies along columns (a_i), yy along rows (a_j)
    logits = np.tile(np.array(state.logits), (xx.size, 1))
    logits[:, i] = xx.ravel()
    logits[:, j] = yy.ravel()
    z = torch.tensor(logits) / state.temperature
    y_eff = torch.tensor(compute(state).classifier.target_effective).expand_as(z)
    ce = F.cross_entropy(z, y_eff, reduction="none")
    mse = F.mse_loss(torch.softmax(z, 1), y_eff, reduction="none").sum(1)
    if state.reduction == "mean":
        mse = mse / state.n_classes
    shape = xx.shape
    return {"cross_entropy": ce.numpy().reshape(shape), "mse": mse.numpy().reshape(shape)}


@pytest.mark.parametrize("state", [
    State(logits=(2.0, 1.0, 0.1), target=0, surface=Surface(grid=25)),
    State(logits=(2.0, 1.0), target=1, surface=Surface(grid=20, range=(-3.0, 4.0))),
    State(logits=(0.0, 1.0, -2.0, 3.0, 0.5), target=(0.1, 0.2, 0.3, 0.2, 0.2),
          temperature=0.3, label_smoothing=0.1, reduction="sum",
          loss="mse", surface=Surface(axes=(3, 1), grid=30)),
    # a cold softmax over a wide range: z reaches ±10⁴, where a naive exp overflows
    State(logits=(50.0, -30.0, 10.0, 0.0), target=2, temperature=0.01,
          surface=Surface(axes=(0, 2), grid=15, range=(-100.0, 100.0))),
    # z near 9·10⁶: p taken as exp(z - lse) would be off by |lse|·eps ≈ 2e-9
    State(logits=(9000.0, 8999.99, 8999.995, 3.0), target=(0.2, 0.3, 0.4, 0.1),
          temperature=0.001, loss="mse",
          surface=Surface(axes=(0, 1), grid=21, range=(8999.9, 9000.1))),
])
def test_logit_surfaces_equal_full_softmax(state):
    result = compute(state)
    expected = brute_force(state)
    for name in ("cross_entropy", "mse"):
        surface = result.surfaces[name]
        assert surface.values.shape == (state.surface.grid, state.surface.grid)
        np.testing.assert_allclose(surface.values, expected[name], rtol=1e-12, atol=1e-14)


def test_current_point_on_surface_equals_the_loss():
    # grid through the current logits: (a_0, a_1) = (2, 1) lies on the grid of step 1
    state = State(logits=(2.0, 1.0, 0.1), surface=Surface(range=(-10.0, 10.0), grid=21))
    result = compute(state)
    ce = result.surfaces["cross_entropy"]
    col = int(np.argmin(abs(ce.xs - 2.0)))
    row = int(np.argmin(abs(ce.ys - 1.0)))
    assert ce.values[row, col] == pytest.approx(result.classifier.cross_entropy, rel=1e-13)
    assert result.surfaces["mse"].values[row, col] == pytest.approx(result.classifier.mse,
                                                                    rel=1e-12)


def test_surface_is_vectorised_cost_independent_of_n():
    # 1024 classes on a 300² grid would need 92M values if each point held a full softmax
    state = State(logits=tuple(np.linspace(-5, 5, 1024)), surface=Surface(grid=300))
    values = compute(state).surfaces["cross_entropy"].values
    assert values.shape == (300, 300)
    assert np.isfinite(values).all()


def test_regression_surface_and_slice_equal_brute_force():
    reg = Regression(x=(0.5, 1.0, 2.0, -1.0), y=(1.0, 0.0, 3.0, -2.0), w=0.7, b=-0.3,
                     w_range=(-2.0, 3.0), b_range=(-1.5, 2.5), grid=40)
    for reduction in ("mean", "sum"):
        # the regression's own reduction (the classifier's is State.reduction)
        r = compute(State(regression=replace(reg, reduction=reduction))).regression
        x, y = np.array(reg.x), np.array(reg.y)
        ww, bb = np.meshgrid(r.surface.xs, r.surface.ys)
        resid = ww[..., None] * x + bb[..., None] - y
        expected = (resid ** 2).sum(-1) / (len(x) if reduction == "mean" else 1)
        np.testing.assert_allclose(r.surface.values, expected, rtol=1e-12, atol=1e-13)
        resid_slice = r.slice_w[:, None] * x + reg.b - y
        expected_slice = (resid_slice ** 2).sum(-1) / (len(x) if reduction == "mean" else 1)
        np.testing.assert_allclose(r.slice_loss, expected_slice, rtol=1e-13)

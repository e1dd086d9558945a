"""Independent numpy versions of the contract's definitions, for tests to compare against."""

import numpy as np

from core import Regression, State


def numpy_y_eff(state: State) -> np.ndarray:
    """y_eff = (1 - ε)·y + ε/N, with y one-hot(target) or the given probabilities."""
    n = state.n_classes
    y = np.zeros(n)
    if state.target_is_index:
        y[state.target] = 1.0
    else:
        y[:] = state.target
    return (1 - state.label_smoothing) * y + state.label_smoothing / n


# ------------------------------------------------------------------ the regression losses
# ℓ(r) and ℓ'(r) per point, r = ŷ - y, written from the definitions (numpy float64).
def regression_ell(loss: str, r: np.ndarray, delta: float = 1.0, beta: float = 1.0
                   ) -> np.ndarray:
    a = np.abs(r)
    if loss == "mse":
        return r * r
    if loss == "l1" or (loss == "smooth_l1" and beta == 0):
        return a
    if loss == "huber":
        return np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))
    return np.where(a < beta, 0.5 * r * r / beta, a - 0.5 * beta)


def regression_ell_prime(loss: str, r: np.ndarray, delta: float = 1.0, beta: float = 1.0
                         ) -> np.ndarray:
    if loss == "mse":
        return 2 * r
    if loss == "l1" or (loss == "smooth_l1" and beta == 0):
        return np.sign(r)   # sign(0) = 0, as torch's
    if loss == "huber":
        return np.clip(r, -delta, delta)
    return np.where(np.abs(r) < beta, r / beta, np.sign(r))


def regression_reference(reg: Regression, w: float, b: float) -> tuple[float, float, float]:
    """(L, ∂L/∂w, ∂L/∂b) at (w, b) for reg's loss, data and reduction."""
    x, y = np.array(reg.x), np.array(reg.y)
    r = w * x + b - y
    s = 1 / len(x) if reg.reduction == "mean" else 1.0
    d = regression_ell_prime(reg.loss, r, reg.delta, reg.beta)
    return (float(s * regression_ell(reg.loss, r, reg.delta, reg.beta).sum()),
            float(s * (d * x).sum()), float(s * d.sum()))


def regression_descent(reg: Regression) -> tuple[list[tuple[float, float]], list[float]]:
    """Gradient descent from (reg.w, reg.b), reg.steps steps of reg.learning_rate, by the
    reference's gradient: the path of (w, b) and the loss at each of its points."""
    w, b = reg.w, reg.b
    path, losses = [(w, b)], [regression_reference(reg, w, b)[0]]
    for _ in range(reg.steps):
        _, gw, gb = regression_reference(reg, w, b)
        w, b = w - reg.learning_rate * gw, b - reg.learning_rate * gb
        path.append((w, b))
        losses.append(regression_reference(reg, w, b)[0])
    return path, losses


def regression_one_sided_slopes(reg: Regression, b: float, h: float) -> tuple[float, float]:
    """∂L/∂b from the left and from the right at b (w = reg.w): one-sided differences."""
    at = regression_reference(reg, reg.w, b)[0]
    return ((at - regression_reference(reg, reg.w, b - h)[0]) / h,
            (regression_reference(reg, reg.w, b + h)[0] - at) / h)

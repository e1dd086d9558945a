"""Independent numpy versions of the contract's definitions, for tests to compare against."""

import numpy as np

from core import State


def numpy_y_eff(state: State) -> np.ndarray:
    """y_eff = (1 - ε)·y + ε/N, with y one-hot(target) or the given probabilities."""
    n = state.n_classes
    y = np.zeros(n)
    if state.target_is_index:
        y[state.target] = 1.0
    else:
        y[:] = state.target
    return (1 - state.label_smoothing) * y + state.label_smoothing / n

"""Edits a control can make, as pure State -> State functions.

The window's controls only say *what* the user did (logit 2 is now 1.5, class 4 is the
target, …); the arithmetic of keeping a State valid lives here, where it is tested without Qt.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.state import MAX_ABS_LOGIT, State

# Up to this many classes the window shows one slider per logit; beyond, a generator row.
MAX_SLIDER_CLASSES = 32


def set_logit(state: State, index: int, value: float) -> State:
    logits = list(state.logits)
    logits[index] = value
    return state.replace(logits=tuple(logits))


def generated_logits(n: int, mean: float, sigma: float, seed: int) -> tuple[float, ...]:
    """n logits drawn from N(mean, sigma²) with a fixed seed, clipped to the allowed range."""
    values = np.random.default_rng(seed).normal(mean, sigma, n)
    return tuple(float(v) for v in np.clip(values, -MAX_ABS_LOGIT, MAX_ABS_LOGIT))


def set_class_count(state: State, n: int, generator: tuple[float, float, int] | None = None
                    ) -> State:
    """n classes; above MAX_SLIDER_CLASSES (or when asked) the logits come from the generator."""
    resized = state.with_classes(n)
    if generator is not None and n > MAX_SLIDER_CLASSES:
        resized = resized.replace(logits=generated_logits(n, *generator))
    return resized


def set_target_class(state: State, index: int) -> State:
    return state.replace(target=index)


def soft_target(state: State) -> State:
    """Switch to probability targets, starting from the current class as one-hot."""
    if not state.target_is_index:
        return state
    probs = [0.0] * state.n_classes
    probs[state.target] = 1.0
    return state.replace(target=tuple(probs))


def hard_target(state: State) -> State:
    """Switch to a class index: the most probable target class."""
    if state.target_is_index:
        return state
    return state.replace(target=int(np.argmax(state.target)))


def set_target_probability(state: State, index: int, value: float) -> State:
    """p_index = value; the others are rescaled in proportion so that all sum to 1.

    If the others are all 0, the remainder is shared equally among them.
    """
    probs = np.array(state.target if not state.target_is_index else soft_target(state).target)
    value = min(max(value, 0.0), 1.0)
    others = np.ones(len(probs), dtype=bool)
    others[index] = False
    rest = probs[others].sum()
    if rest > 0:
        probs[others] *= (1.0 - value) / rest
    else:
        probs[others] = (1.0 - value) / others.sum()
    probs[index] = value
    probs /= probs.sum()  # remove rounding so the sum is 1 to the last bit possible
    return state.replace(target=tuple(float(p) for p in probs))


def set_surface_axes(state: State, which: int, index: int) -> State:
    """Set axis `which` (0 = horizontal, 1 = vertical) to class index; a clash swaps them."""
    axes = list(state.surface.axes)
    if axes[1 - which] == index:
        axes[1 - which] = axes[which]
    axes[which] = index
    return state.replace(surface=replace(state.surface, axes=tuple(axes)))


def set_loss(state: State, loss: str) -> State:
    """The classifier loss every view follows (refused when it does not take the target)."""
    return state.replace(loss=loss)

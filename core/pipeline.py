"""compute(state) -> Result: the one pure function between what the user set and what is shown."""

from __future__ import annotations

import math

import numpy as np

from core.classifier import compute_classifier
from core.regression import compute_regression
from core.result import LazySurfaces, Result, SoftmaxRatio
from core.state import State

MAX_EXP = 709.0  # e^709.78 is the largest float64


def compute(state: State) -> Result:
    classifier = compute_classifier(state)
    return Result(
        state=state,
        classifier=classifier,
        ratio=_top_two_ratio(state, classifier.probs),
        surfaces=LazySurfaces(state),
        regression=compute_regression(state.regression),
    )


def _top_two_ratio(state: State, probs: np.ndarray) -> SoftmaxRatio:
    """The note's "2× becomes 3.5×", exactly: p_i/p_j depends only on the gap (a_i - a_j)/T."""
    order = np.argsort(-np.asarray(state.logits), kind="stable")
    i, j = int(order[0]), int(order[1])
    gap = (state.logits[i] - state.logits[j]) / state.temperature
    ratio = math.exp(gap) if gap < MAX_EXP else math.inf
    # p_i / p_j from the computed probabilities, in logs: a subnormal p_j must not overflow
    log_ratio = math.log(probs[i]) - math.log(probs[j]) if probs[j] > 0 else math.inf
    from_probs = math.exp(log_ratio) if log_ratio < MAX_EXP else math.inf
    return SoftmaxRatio(i=i, j=j, gap=gap, ratio=ratio, ratio_from_probs=from_probs,
                        logit_i=float(state.logits[i]), logit_j=float(state.logits[j]))

"""The Result: every number any view shows, computed from one State."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from core.binary import BinaryResult, compute_binary
from core.classifier import ClassifierResult, GradientWays
from core.code_generator import generate_script
from core.losses.catalog import CLASSIFIER_NAMES
from core.regression import RegressionResult
from core.state import Regression, State
from core.surfaces import LossSurface
from core.two_ways import TwoWays, two_ways

if TYPE_CHECKING:
    from core.autograd_graph import AutogradGraph
    from core.graph_pitfalls import FreedGraph, LateRequiresGrad, SoftmaxRow
    from core.losses.family import LossFamily, LossGradients, TorchGradient
    from core.losses.kinks import KinkCheck
    from core.saturation_sweep import SaturationSweep

# the gradient table inspects this many kinks of the chosen loss each frame (the JSON, all)
KINKS_IN_VIEW = 2
# the gradient table's central differences, for the first logits only: O(N) each (a whole
# row of logits per evaluation), so all 1024 cost ~100 ms a frame; the JSON has them all
DIFFERENCES_IN_VIEW = 256
# JSON output is indented for reading up to this size; above it (N ≳ 40) it is compact:
# at N = 1024 indentation alone added 19 MB and a second to the 1024×1024 Jacobians.
JSON_INDENT_MAX_CHARS = 100_000


@dataclass(frozen=True)
class SoftmaxRatio:
    """p_i / p_j = e^{(a_i - a_j)/T} for the two most probable classes i, j."""

    i: int
    j: int
    gap: float               # (a_i - a_j) / T
    ratio: float             # e^gap (inf when it overflows float64)
    ratio_from_probs: float  # p_i / p_j as the softmax computed them
    logit_i: float           # a_i and a_j: their ratio a_i/a_j is what does *not* matter
    logit_j: float

    @property
    def logit_ratio(self) -> float:
        """a_i / a_j (NaN when a_j = 0): the note's "2×", which p_i/p_j does not follow."""
        return self.logit_i / self.logit_j if self.logit_j != 0 else math.nan


class LazySurfaces(Mapping[str, LossSurface]):
    """The loss surfaces of a State, each computed the first time it is asked for: the
    window draws one of them per frame (the chosen loss's), so no other is computed."""

    def __init__(self, state: State) -> None:
        self._state = state
        self._done: dict[str, LossSurface] = {}

    def __getitem__(self, loss: str) -> LossSurface:
        if loss not in self._done:
            from core.losses.family import applies

            if loss not in CLASSIFIER_NAMES or not applies(self._state, loss):
                raise KeyError(loss)
            from core.losses.fast_surfaces import family_surface

            self._done[loss] = family_surface(self._state, loss)
        return self._done[loss]

    def __iter__(self) -> Iterator[str]:
        from core.losses.family import applicable_classifier_losses

        return iter(applicable_classifier_losses(self._state))

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass(frozen=True)
class Result:
    state: State
    classifier: ClassifierResult
    ratio: SoftmaxRatio
    surfaces: Mapping[str, LossSurface]
    regression: RegressionResult

    # Shortcuts the views and the CLI read most.
    @property
    def probs(self) -> np.ndarray:
        return self.classifier.probs

    @property
    def grads(self) -> dict[str, GradientWays]:
        return {"cross_entropy": self.classifier.grad_cross_entropy,
                "mse": self.classifier.grad_mse}

    @property
    def losses(self) -> dict[str, float]:
        return {"cross_entropy": self.classifier.cross_entropy, "mse": self.classifier.mse}

    @property
    def max_abs_diff(self) -> float:
        """The largest disagreement between the ways of computing each gradient and J."""
        c = self.classifier
        return max(c.grad_cross_entropy.max_abs_diff, c.grad_mse.max_abs_diff,
                   c.jacobian.max_abs_diff)

    # The learning panels' numbers are computed on first use: a drag on the classifier tab
    # does not pay for panels nobody is looking at. Still pure: the same State, the same
    # numbers, computed once.
    @cached_property
    def saturation(self) -> SaturationSweep:
        """The saturation view's numbers: the two losses of state.saturation_losses and
        |∂L/∂a_c| for each along the sweep of the true class's logit."""
        from core.saturation_sweep import saturation_sweep

        return saturation_sweep(self.state)

    @cached_property
    def two_ways(self) -> TwoWays:
        return _two_ways_cached(self.state.regression)

    @cached_property
    def binary(self) -> BinaryResult:
        """The Binary tab's numbers: its z, y, pos_weight and the first two logits."""
        return compute_binary(self.state)

    @cached_property
    def loss_family(self) -> LossFamily:
        """Every loss of the family that applies to the State (core.losses): value and
        gradient four ways. Computed on first use: the window's frame never pays for it."""
        from core.losses.family import loss_family

        return loss_family(self.state)

    @cached_property
    def chosen_gradient(self) -> TorchGradient:
        """The chosen loss's value and ∂L/∂a by torch's autograd alone, O(N): what the
        softmax and surface views draw (the gradient table's four ways are `chosen`)."""
        from core.losses.family import classifier_torch_gradient

        return classifier_torch_gradient(self.state, self.state.loss)

    @cached_property
    def chosen(self) -> LossGradients:
        """The classifier loss the views follow (state.loss): its value and ∂L/∂a four ways
        (autograd, backward, closed form, central differences)."""
        from core.losses.family import classifier_loss

        return classifier_loss(self.state, self.state.loss,
                               differences_first=DIFFERENCES_IN_VIEW)

    @cached_property
    def chosen_kinks(self) -> tuple[KinkCheck, ...]:
        """The chosen loss's kinks near these logits (the hinge's margins), inspected: the
        subgradient torch returns there and the two one-sided slopes; () when smooth."""
        from core.losses.kinks import classifier_kinks

        return classifier_kinks(self.state, self.state.loss, most=KINKS_IN_VIEW)

    @cached_property
    def autograd_graph(self) -> AutogradGraph:
        """torch's autograd graph of the chosen classifier loss, backward replayed step by
        step (core.autograd_graph); computed when the Graph panel first asks."""
        from core.autograd_graph import classifier_graph

        return classifier_graph(self.state)

    @cached_property
    def regression_graph(self) -> AutogradGraph:
        """The same for the regression loss of ŷ = w·x + b (leaves w and b)."""
        from core.autograd_graph import regression_graph

        return regression_graph(self.state)

    @cached_property
    def late_requires_grad(self) -> LateRequiresGrad:
        """Pitfall B on the regression loss's graph: recorded before w.requires_grad_(),
        then rebuilt (core.graph_pitfalls; reads the regression alone, memoised on it)."""
        from core.graph_pitfalls import late_requires_grad

        return late_requires_grad(self.state)

    @cached_property
    def freed_graph(self) -> FreedGraph:
        """Pitfall C on the chosen classifier loss: backward without retain_graph, twice."""
        from core.graph_pitfalls import freed_graph

        return freed_graph(self.state)

    @cached_property
    def softmax_rows(self) -> Mapping[int, SoftmaxRow]:
        """Pitfall D by row i: row i of ∂p/∂a as a vector–Jacobian product, each row formed
        the first time it is asked for."""
        from core.graph_pitfalls import SoftmaxRows

        return SoftmaxRows(self.state)

    @cached_property
    def script(self) -> str:
        """A runnable PyTorch script that reproduces these numbers."""
        return generate_script(self.state)

    @property
    def surface(self) -> LossSurface:
        """The chosen loss's surface, which the surface view shows."""
        return self.surfaces[self.state.loss]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data (no NaN/inf: a value that overflows is null)."""
        return self._data(lambda way: _list(getattr(self.classifier.jacobian, way)))

    def to_json(self) -> str:
        """to_dict as JSON text, every float in its exact shortest repr: indented when small
        enough to read, compact (no spaces) above JSON_INDENT_MAX_CHARS."""
        jacobian = self.classifier.jacobian
        encoded = {f"@jacobian.{way}@": _matrix_json(getattr(jacobian, way))
                   for way in ("autograd", "formula")}
        # The Jacobians go in as placeholders, then their faster exact text replaces them.
        text = json.dumps(self._data(lambda way: f"@jacobian.{way}@"),
                          separators=(",", ":"), allow_nan=False)
        if len(text) + sum(map(len, encoded.values())) <= JSON_INDENT_MAX_CHARS:
            return json.dumps(self.to_dict(), indent=2, allow_nan=False)
        for key, matrix in encoded.items():
            text = text.replace(json.dumps(key), matrix, 1)
        return text

    def _data(self, jacobian: Callable[[str], Any]) -> dict[str, Any]:
        """to_dict's content, the Jacobian of each way ("autograd", "formula") from `jacobian`."""
        c, r = self.classifier, self.regression

        def ways(g: GradientWays) -> dict[str, Any]:
            return {"autograd": _list(g.autograd), "backward": _list(g.backward),
                    "formula": _list(g.formula), "max_abs_diff": g.max_abs_diff}

        return {
            "probs": _list(c.probs),
            "target_effective": _list(c.target_effective),
            "loss": {"cross_entropy": c.cross_entropy, "mse": c.mse},
            "grad": {"cross_entropy": ways(c.grad_cross_entropy), "mse": ways(c.grad_mse)},
            "jacobian": {"autograd": jacobian("autograd"), "formula": jacobian("formula"),
                         "max_abs_diff": c.jacobian.max_abs_diff},
            "max_abs_diff": self.max_abs_diff,
            "softmax_ratio": {"i": self.ratio.i, "j": self.ratio.j, "gap": self.ratio.gap,
                              "ratio": _finite_or_none(self.ratio.ratio)},
            "regression": {
                "reduction": self.state.regression.reduction,
                "loss": r.loss, "grad_w": r.grad_w, "grad_b": r.grad_b,
                "grad_w_formula": r.grad_w_formula, "grad_b_formula": r.grad_b_formula,
                "max_abs_diff": r.max_abs_diff,
                "prediction": _list(r.prediction),
                "descent": {"path": _list(r.path), "loss": _list(r.path_loss),
                            "diverged": r.diverged},
            },
            "settings": {"temperature": self.state.temperature,
                         "label_smoothing": self.state.label_smoothing,
                         "reduction": self.state.reduction,
                         # the loss family's choices, so the output says what it used
                         "loss": self.state.loss,
                         "class_weights": (None if self.state.class_weights is None
                                           else list(self.state.class_weights)),
                         "pos_weight": self.state.pos_weight, "gamma": self.state.gamma,
                         "alpha": self.state.alpha, "margin": self.state.margin,
                         "p": self.state.p,
                         "regression_loss": self.state.regression.loss,
                         "delta": self.state.regression.delta,
                         "beta": self.state.regression.beta},
        }


@lru_cache(maxsize=16)
def _two_ways_cached(regression: Regression) -> TwoWays:
    """Memoised on the regression part alone (its reduction included)."""
    return two_ways(regression)


def _finite_or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _list(values: np.ndarray) -> list[Any]:
    return values.tolist()


def _matrix_json(a: np.ndarray) -> str:
    """json.dumps(a.tolist(), separators=(",", ":")) character for character, faster for a
    symmetric matrix such as the Jacobian: float repr is nearly all the cost of writing a
    1024×1024 matrix, and each mirrored pair of cells needs it only once."""
    bits = np.ascontiguousarray(a).view(np.int64)
    if a.ndim != 2 or bits.shape[0] != bits.shape[1] or not np.isfinite(a).all() \
            or not np.array_equal(bits, bits.T):  # bitwise, so -0.0 is kept apart from 0.0
        return json.dumps(a.tolist(), separators=(",", ":"), allow_nan=False)
    n = a.shape[0]
    upper = np.triu_indices(n)
    cells = np.empty((n, n), dtype=object)
    cells[upper] = np.array(list(map(float.__repr__, a[upper].tolist())), dtype=object)
    cells[upper[1], upper[0]] = cells[upper]
    return "[" + ",".join("[" + ",".join(row) + "]" for row in cells.tolist()) + "]"

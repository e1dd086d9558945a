"""What a node of the autograd graph is, in words and in values: the plain-words meaning of
each grad_fn type (MEANINGS, marked for the GUI to translate in context "Graph") and what a
node saved for backward, read into SavedValue records with their short display texts
(tensors with a head when large, options such as torch's reduction enum by name, a None
attribute with the reason it is None, a freed tensor as freed).

core.autograd_graph walks the graph and runs backward; this module only describes the
nodes it finds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from core.arrays import frozen
from core.classifier import DTYPE
from core.i18n import QT_TRANSLATE_NOOP
from core.losses.four_ways import finite_or_none
from core.number_format import minus, sig

MAX_SAVED_VALUES = 16       # a saved tensor with more values keeps its shape and a head
SAVED_HEAD = 6              # the values kept of a large saved tensor
SAVED_PREFIX = "_saved_"
FREED = QT_TRANSLATE_NOOP("Graph", "freed")

# A saved attribute that is None: why, by its name (English, marked for the GUI to
# translate). x·y and x / y save x only when y needs a gradient (∂(x·y)/∂y = x), and y only
# when x needs one; an optional argument not given is None too.
NOT_SAVED: dict[str, str] = {
    "self": QT_TRANSLATE_NOOP("Graph", "not saved: only the gradient of y needs x, and y "
                                       "needs none"),
    "other": QT_TRANSLATE_NOOP("Graph", "not saved: only the gradient of x needs y, and x "
                                        "needs none"),
    "weight": QT_TRANSLATE_NOOP("Graph", "none given: every class weighs 1"),
    "pos_weight": QT_TRANSLATE_NOOP("Graph", "none given: the positive term weighs 1"),
}
NOT_NEEDED = QT_TRANSLATE_NOOP("Graph", "not saved: this backward does not need it")


def _reduction_names() -> dict[int, str]:
    """torch's Reduction enum (at::Reduction: 0 none, 1 mean, 2 sum) by its number, read
    from torch's own mapping; the documented table if torch no longer offers it."""
    try:
        from torch.nn import _reduction

        return {_reduction.get_enum(name): name for name in ("none", "mean", "sum")}
    except Exception:  # a private module: keep working if it moves
        return {0: "none", 1: "mean", 2: "sum"}


REDUCTIONS = _reduction_names()

# What each node type of the family computes during backward, g being the gradient that
# flows into it (w.r.t. its output). tests/test_autograd_graph.py builds every loss's graph
# with every option and checks each name it meets is here.
MEANINGS: dict[str, str] = {
    "AccumulateGrad": QT_TRANSLATE_NOOP(
        "Graph", "a leaf tensor: adds the gradient that reaches it into its .grad"),
    "AbsBackward0": QT_TRANSLATE_NOOP("Graph", "backward of |x|: passes sign(x)·g (0 at x = 0)"),
    "AddBackward0": QT_TRANSLATE_NOOP("Graph", "backward of x + α·y: passes g to x and α·g to y"),
    "AddBackward1": QT_TRANSLATE_NOOP("Graph", "backward of x + a number: passes g unchanged"),
    "BinaryCrossEntropyBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of binary_cross_entropy on probabilities p: passes "
                 "(p − y)/(p(1 − p))·g (÷ N for the mean)"),
    "BinaryCrossEntropyWithLogitsBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of BCE with logits z: passes (σ(z) − y)·g, with pos_weight on the "
                 "positive term (÷ N for the mean)"),
    "DivBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of x / y: passes g / y to x (and −g·x / y² to y if y needs a "
                 "gradient); here z = a / T, so the gradient is divided by T"),
    "DivBackward1": QT_TRANSLATE_NOOP("Graph", "backward of x / a number c: passes g / c"),
    "ExpBackward0": QT_TRANSLATE_NOOP("Graph", "backward of exp(x): passes exp(x)·g"),
    "HuberLossBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of huber_loss: passes r·g where |r| ≤ δ and δ·sign(r)·g beyond, "
                 "r = input − target (÷ M for the mean)"),
    "LogBackward0": QT_TRANSLATE_NOOP("Graph", "backward of log(x): passes g / x"),
    "LogSoftmaxBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of log_softmax: passes g − softmax(z)·Σg"),
    "MaskedFillBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of masked_fill: passes g where the mask is off, 0 where it filled"),
    "MeanBackward0": QT_TRANSLATE_NOOP("Graph", "backward of mean: spreads g / N over every "
                                                "element"),
    "MeanBackward1": QT_TRANSLATE_NOOP("Graph", "backward of mean over a dimension: spreads "
                                                "g / n along it"),
    "MseLossBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of mse_loss: passes 2(input − target)·g (÷ N for the mean)"),
    "MulBackward0": QT_TRANSLATE_NOOP("Graph", "backward of x·y: passes g·y to x and g·x to y"),
    "MulBackward1": QT_TRANSLATE_NOOP("Graph", "backward of x·a number c: passes c·g"),
    "MultiMarginLossBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of multi_margin_loss: for each active hinge h_i > 0, p·h_i^(p−1)·g/N "
                 "to z_i and minus it to the target's z_y"),
    "NegBackward0": QT_TRANSLATE_NOOP("Graph", "backward of −x: passes −g"),
    "NllLossBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of nll_loss: passes −g (times the class weight) to the target's "
                 "log-probability, 0 to the others"),
    "PowBackward0": QT_TRANSLATE_NOOP("Graph", "backward of x^e for a number e: passes "
                                               "e·x^(e−1)·g"),
    "RsubBackward1": QT_TRANSLATE_NOOP("Graph", "backward of c − α·x (a number minus a "
                                                "tensor): passes −α·g"),
    "SigmoidBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of sigmoid: passes σ(1 − σ)·g, from the saved result σ"),
    "SmoothL1LossBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of smooth_l1_loss: passes r/β·g where |r| < β and sign(r)·g "
                 "beyond, r = input − target (÷ M for the mean)"),
    "SoftmaxBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of softmax: passes p ⊙ (g − p·g), the softmax Jacobian "
                 "(diag(p) − p pᵀ) times g"),
    "SubBackward0": QT_TRANSLATE_NOOP("Graph", "backward of x − α·y: passes g to x and −α·g "
                                               "to y"),
    "SumBackward0": QT_TRANSLATE_NOOP("Graph", "backward of sum: copies g to every element"),
    "SumBackward1": QT_TRANSLATE_NOOP("Graph", "backward of sum over a dimension: copies g "
                                               "along it"),
    "UnsqueezeBackward0": QT_TRANSLATE_NOOP(
        "Graph", "backward of unsqueeze: drops the added dimension of g"),
}
# For a node type not in MEANINGS; {op} is the name without "Backward…" (GUI: translate,
# then format).
GENERIC_MEANING = QT_TRANSLATE_NOOP(
    "Graph", "backward of torch's {op}: turns g into the gradients of its inputs")


def meaning(name: str) -> str:
    """The plain-words line for a node class name (English; the GUI translates it)."""
    known = MEANINGS.get(name)
    if known is not None:
        return known
    op = name.split("Backward")[0] or name
    return GENERIC_MEANING.format(op=op)


# --------------------------------------------------------------------------- saved values
@dataclass(frozen=True)
class SavedValue:
    """One attribute a node saved for backward (`_saved_self`, `_saved_dim`, …)."""

    name: str                    # e.g. "_saved_self"
    values: np.ndarray | None    # float64 (flattened head when large); None if freed/not a tensor
    shape: tuple[int, ...]
    text: str                    # short display text: "[0.659, 0.242, 0.0986]", "dim = 0", "freed"
    freed: bool = False
    value: Any = None            # a non-tensor attribute as it is (int, float, tuple, None)
    is_tensor: bool = False
    truncated: bool = False      # values holds only the first SAVED_HEAD of a large tensor
    absent: str = ""             # a None attribute: why (English, NOT_SAVED or NOT_NEEDED)

    @property
    def short_name(self) -> str:
        """"self" for "_saved_self"."""
        return self.name[len(SAVED_PREFIX):]

    def to_json(self) -> Any:
        if self.freed:
            return {"freed": True}
        if not self.is_tensor:
            return _json_plain(self.value)
        assert self.values is not None
        return {"shape": list(self.shape), "values": json_floats(self.values),
                "truncated": self.truncated}


@functools.cache
def _saved_names(node_type: type) -> tuple[str, ...]:
    return tuple(k for k in dir(node_type) if k.startswith(SAVED_PREFIX))


def read_saved(fn: Any) -> tuple[SavedValue, ...]:
    """Every attribute the node saved for backward (freed ones marked freed)."""
    return tuple(_saved_value(fn, name) for name in _saved_names(type(fn)))


def _saved_value(fn: Any, name: str) -> SavedValue:
    try:
        v = getattr(fn, name)
    except RuntimeError:  # torch freed it: backward ran without retain_graph
        return SavedValue(name=name, values=None, shape=(), text=FREED, freed=True,
                          is_tensor=True)
    short = name[len(SAVED_PREFIX):]
    if isinstance(v, torch.Tensor):
        t = v.detach()
        shape = tuple(t.shape)
        flat = t.reshape(-1).to(DTYPE)
        truncated = flat.numel() > MAX_SAVED_VALUES
        values = frozen(flat[:SAVED_HEAD] if truncated else t.to(DTYPE))
        integral = not (t.is_floating_point() or t.is_complex())
        return SavedValue(name=name, values=values, shape=shape,
                          text=_tensor_text(values, shape, truncated, integral),
                          is_tensor=True, truncated=truncated)
    value = _plain(v)
    if value is None:
        absent = NOT_SAVED.get(short, NOT_NEEDED)
        return SavedValue(name=name, values=None, shape=(), text=f"{short}: {absent}",
                          value=None, absent=absent)
    text = f"{short} = {_plain_text(value)}"
    if short == "reduction" and value in REDUCTIONS:
        text += f" ({REDUCTIONS[value]})"  # torch's enum: 1 is "mean"
    return SavedValue(name=name, values=None, shape=(), text=text, value=value)


def _plain(v: Any) -> Any:
    """Numbers as numbers, tuples as tuples; torch hands int64 -100 out as 2⁶⁴ − 100."""
    if isinstance(v, bool) or v is None or isinstance(v, float):
        return v
    if isinstance(v, int):
        return v - 2 ** 64 if v >= 2 ** 63 else v
    if isinstance(v, (tuple, list)):
        return tuple(_plain(x) for x in v)
    return str(v)


def _json_plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_json_plain(x) for x in value]
    return finite_or_none(value) if isinstance(value, float) else value


def _plain_text(value: Any) -> str:
    if isinstance(value, float):
        return sig(value)
    if isinstance(value, tuple):
        return "(" + ", ".join(_plain_text(x) for x in value) + ("," if len(value) == 1
                                                                  else "") + ")"
    return minus(str(value))


def _tensor_text(values: np.ndarray, shape: tuple[int, ...], truncated: bool,
                 integral: bool) -> str:
    def one(x: float) -> str:
        return minus(str(int(x))) if integral and np.isfinite(x) else sig(float(x))

    if truncated:
        dims = "×".join(str(d) for d in shape)
        return "[" + ", ".join(one(x) for x in values) + ", …]  " + dims

    def nested(a: np.ndarray) -> str:
        if a.ndim == 0:
            return one(float(a))
        return "[" + ", ".join(nested(x) for x in a) + "]"

    return nested(values)


def json_floats(values: np.ndarray) -> list[float | None]:
    """The values as a JSON list, NaN/inf as null."""
    return [finite_or_none(float(v)) for v in np.ravel(values)]

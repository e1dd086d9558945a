"""What the State must know about each loss without importing torch: names, which losses
take only a class index, and every option with its default and allowed range.

The torch side (core.losses.registry) has one LossSpec per name listed here; a test checks
that the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class OptionInfo:
    """One loss option: its State/JSON name, its CLI flag, default, range and meaning."""

    name: str
    flag: str
    default: float | int
    low: float
    high: float
    low_open: bool = False
    choices: tuple[int, ...] = ()   # a whole-number option (p): only these
    meaning: str = ""

    @property
    def allowed(self) -> str:
        """The range as an error message and the help say it."""
        if self.choices:
            return " or ".join(str(c) for c in self.choices)
        left = "(" if self.low_open else "["
        return f"a number in {left}{self.low:g}, {self.high:g}]"


@dataclass(frozen=True)
class LossInfo:
    """A loss as the State and the CLI see it."""

    name: str
    kind: str                 # "classifier" or "regression"
    index_only: bool          # needs a class index target (not probabilities)
    options: tuple[str, ...]  # the option names it reads
    title: str
    short: str = ""           # its symbol in plot labels (∂CE/∂a): the same in every language


MAX_OPTION = 1e4
MAX_REGRESSION_OPTION = 1e6

OPTIONS: dict[str, OptionInfo] = {o.name: o for o in (
    OptionInfo("pos_weight", "--pos-weight", 1.0, 0.0, MAX_OPTION,
               meaning=QT_TRANSLATE_NOOP("Losses", "weight of the positive (y = 1) term")),
    OptionInfo("gamma", "--gamma", 2.0, 0.0, 100.0,
               meaning=QT_TRANSLATE_NOOP("Losses", "focusing exponent γ: (1 − p_t)^γ "
                                                   "down-weights easy examples")),
    OptionInfo("alpha", "--alpha", 0.25, -1.0, 1.0,
               meaning=QT_TRANSLATE_NOOP("Losses", "balance α of positives; α < 0 turns the "
                                                   "α-weighting off")),
    OptionInfo("margin", "--margin", 1.0, 0.0, MAX_OPTION,
               meaning=QT_TRANSLATE_NOOP("Losses", "the hinge's margin")),
    OptionInfo("p", "--p", 1, 1.0, 2.0, choices=(1, 2),
               meaning=QT_TRANSLATE_NOOP("Losses", "hinge power: 1 (hinge) or 2 (squared)")),
    OptionInfo("delta", "--delta", 1.0, 0.0, MAX_REGRESSION_OPTION, low_open=True,
               meaning=QT_TRANSLATE_NOOP("Losses", "Huber's δ: quadratic for |r| ≤ δ, "
                                                   "linear beyond")),
    OptionInfo("beta", "--beta", 1.0, 0.0, MAX_REGRESSION_OPTION,
               meaning=QT_TRANSLATE_NOOP("Losses", "SmoothL1's β: quadratic for |r| < β; "
                                                   "β = 0 is L1")),
)}
CLASS_WEIGHT_MAX = MAX_OPTION  # each class weight in [0, CLASS_WEIGHT_MAX]

CLASSIFIER: tuple[LossInfo, ...] = (
    LossInfo("cross_entropy", "classifier", False, ("class_weights",),
             QT_TRANSLATE_NOOP("Losses", "cross-entropy"), "CE"),
    LossInfo("mse", "classifier", False, (),
             QT_TRANSLATE_NOOP("Losses", "MSE on the softmax"), "MSE"),
    LossInfo("nll", "classifier", True, (),
             QT_TRANSLATE_NOOP("Losses", "NLL on log_softmax"), "NLL"),
    LossInfo("kl_div", "classifier", False, (),
             QT_TRANSLATE_NOOP("Losses", "KL divergence (batchmean)"), "KL"),
    LossInfo("binary_cross_entropy_with_logits", "classifier", False, ("pos_weight",),
             QT_TRANSLATE_NOOP("Losses", "BCE with logits (one yes/no per class)"), "BCE"),
    LossInfo("binary_cross_entropy", "classifier", False, (),
             QT_TRANSLATE_NOOP("Losses", "BCE on σ(z)"), "BCE(σ)"),
    LossInfo("sigmoid_focal", "classifier", False, ("gamma", "alpha"),
             QT_TRANSLATE_NOOP("Losses", "sigmoid focal loss"), "FL"),
    LossInfo("multi_margin", "classifier", True, ("p", "margin"),
             QT_TRANSLATE_NOOP("Losses", "multi-class hinge (multi_margin)"), "Hinge"),
)
REGRESSION: tuple[LossInfo, ...] = (
    LossInfo("mse", "regression", False, (), QT_TRANSLATE_NOOP("Losses", "MSE"), "MSE"),
    LossInfo("l1", "regression", False, (),
             QT_TRANSLATE_NOOP("Losses", "L1 (absolute error)"), "L1"),
    LossInfo("huber", "regression", False, ("delta",),
             QT_TRANSLATE_NOOP("Losses", "Huber"), "Huber"),
    LossInfo("smooth_l1", "regression", False, ("beta",),
             QT_TRANSLATE_NOOP("Losses", "SmoothL1"), "SmoothL1"),
)
CLASSIFIER_NAMES: tuple[str, ...] = tuple(i.name for i in CLASSIFIER)
REGRESSION_NAMES: tuple[str, ...] = tuple(i.name for i in REGRESSION)
INDEX_ONLY: frozenset[str] = frozenset(i.name for i in CLASSIFIER if i.index_only)
# the losses whose gradient passes through the softmax's Jacobian (the others take σ(z) of
# each logit, or z itself)
THROUGH_SOFTMAX: frozenset[str] = frozenset({"cross_entropy", "mse", "nll", "kl_div"})

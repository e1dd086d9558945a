"""The State: everything the user set, and nothing computed.

Its JSON form is the file format of saved states and presets, so field names are part
of the contract. Construction validates, so no invalid State can exist anywhere in the
app; `from_dict` turns any problem into a ValueError naming the field and what is allowed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from core.losses.catalog import (
    CLASS_WEIGHT_MAX,
    CLASSIFIER_NAMES,
    INDEX_ONLY,
    OPTIONS,
    REGRESSION_NAMES,
)

# printable, shown, min_range_span and the span limits are imported from here elsewhere
from core.state_checks import (  # noqa: F401
    ECHO_LIMIT,
    MIN_RANGE_SPAN,
    MIN_RANGE_SPAN_RELATIVE,
    allowed_keys_text,
    check_choice,
    check_grid,
    check_integer,
    check_known_keys,
    check_mapping,
    check_number,
    check_numbers,
    check_option,
    check_section,
    checked_range,
    min_range_span,
    parse_json,
    printable,
    quoted_key,
    refusal,
    shown,
)

STATE_VERSION = 2
# Files of these versions load; version 1 had no loss choice (its losses are the defaults).
READABLE_VERSIONS = (1, 2)
MAX_CLASSES = 1024
MAX_ABS_LOGIT = 1e4
MIN_TEMPERATURE = 1e-3
MAX_TEMPERATURE = 1e4
TARGET_SUM_TOLERANCE = 1e-6
MAX_POINTS = 1000
MAX_ABS_DATA = 1e6
MAX_GD_STEPS = 1000
SURFACE_GRID_LIMITS = (10, 1000)
REGRESSION_GRID_LIMITS = (10, 500)
MAX_POS_WEIGHT = 1e4  # binary.pos_weight: the positive term's weight, at most


Reduction = Literal["mean", "sum"]
REDUCTIONS: tuple[str, ...] = ("mean", "sum")
# version 1's surface.loss: the surface showed one of these; version 2's top-level `loss`
# (any of the family) is what every view follows
OLD_SURFACE_LOSSES: tuple[str, ...] = ("cross_entropy", "mse")


# --------------------------------------------------------------------------- parts
@dataclass(frozen=True)
class Surface:
    """Over which two logits the surface view shows the loss, on what grid."""

    axes: tuple[int, int] = (0, 1)
    range: tuple[float, float] = (-10.0, 10.0)
    grid: int = 200

    def __post_init__(self) -> None:
        if isinstance(self.axes, list):
            object.__setattr__(self, "axes", tuple(self.axes))
        if (not isinstance(self.axes, tuple) or len(self.axes) != 2
                or any(isinstance(a, bool) or not isinstance(a, int) or a < 0 for a in self.axes)
                or self.axes[0] == self.axes[1]):
            raise refusal("surface.axes", "two different class indices [i, j]", self.axes)
        object.__setattr__(self, "range", checked_range("surface.range", self.range, MAX_ABS_LOGIT))
        check_grid("surface.grid", self.grid, SURFACE_GRID_LIMITS)

    @classmethod
    def from_dict(cls, data: Any) -> Surface:
        return check_section(cls, "surface", data)


@dataclass(frozen=True)
class Regression:
    """The note's MSE example, generalised: points (x, y), the line w·x + b, and descent.

    `reduction` is the regression's own (mean or sum of the squared residuals), apart from
    the classifier's State.reduction: choosing one never changes the other's numbers.
    """

    x: tuple[float, ...] = (1.0,)
    y: tuple[float, ...] = (1.0,)
    w: float = 2.0
    b: float = 0.0
    learning_rate: float = 0.1
    steps: int = 50
    w_range: tuple[float, float] = (-1.0, 3.0)
    b_range: tuple[float, float] = (-2.0, 2.0)
    grid: int = 101
    reduction: Reduction = "mean"
    loss: str = "mse"
    delta: float = OPTIONS["delta"].default
    beta: float = OPTIONS["beta"].default

    def __post_init__(self) -> None:
        data_allowed = f"a list of 1 to {MAX_POINTS} finite numbers within ±{MAX_ABS_DATA:g}"
        x = check_numbers("regression.x", self.x, 1, MAX_POINTS, -MAX_ABS_DATA, MAX_ABS_DATA,
                     data_allowed)
        y = check_numbers("regression.y", self.y, 1, MAX_POINTS, -MAX_ABS_DATA, MAX_ABS_DATA,
                     data_allowed)
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
        if len(x) != len(y):
            raise ValueError(f"regression.y: expected as many values as regression.x "
                             f"({len(x)}), got {len(y)}")
        for name in ("w", "b"):
            value = check_number(f"regression.{name}", getattr(self, name), -MAX_ABS_DATA,
                            MAX_ABS_DATA, f"a finite number within ±{MAX_ABS_DATA:g}")
            object.__setattr__(self, name, value)
        rate = check_number("regression.learning_rate", self.learning_rate, 0.0, 10.0,
                       "a number in (0, 10]", lo_open=True)
        object.__setattr__(self, "learning_rate", rate)
        check_integer("regression.steps", self.steps, 0, MAX_GD_STEPS,
                 f"an integer from 0 to {MAX_GD_STEPS}")
        for name in ("w_range", "b_range"):
            object.__setattr__(self, name, checked_range(f"regression.{name}", getattr(self, name),
                                                  MAX_ABS_DATA))
        check_grid("regression.grid", self.grid, REGRESSION_GRID_LIMITS)
        check_choice("regression.reduction", self.reduction, REDUCTIONS)
        check_choice("regression.loss", self.loss, REGRESSION_NAMES)
        for name in ("delta", "beta"):
            try:
                object.__setattr__(self, name, float(check_option(name, getattr(self, name))))
            except ValueError as exc:
                raise ValueError(f"regression.{exc}") from None

    @classmethod
    def from_dict(cls, data: Any) -> Regression:
        return check_section(cls, "regression", data)


@dataclass(frozen=True)
class Binary:
    """The Binary tab's one example: a logit z, its label y (0, 1 or soft, in between), and
    the weight of the positive term in binary_cross_entropy_with_logits."""

    z: float = 3.0
    y: float = 0.0
    pos_weight: float = 1.0

    def __post_init__(self) -> None:
        z = check_number("binary.z", self.z, -MAX_ABS_LOGIT, MAX_ABS_LOGIT,
                    f"a finite number within ±{MAX_ABS_LOGIT:g}")
        y = check_number("binary.y", self.y, 0.0, 1.0, "a number in [0, 1]")
        weight = check_number("binary.pos_weight", self.pos_weight, 0.0, MAX_POS_WEIGHT,
                         f"a number in [0, {MAX_POS_WEIGHT:g}]")
        object.__setattr__(self, "z", z)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "pos_weight", weight)

    @classmethod
    def from_dict(cls, data: Any) -> Binary:
        return check_section(cls, "binary", data)


# --------------------------------------------------------------------------- State
@dataclass(frozen=True)
class State:
    """What the user set: logits, target, temperature, smoothing, reduction, views' inputs.

    `target` is a class index (int) or a tuple of N probabilities. `loss` and its options
    (pos_weight, gamma, alpha, margin, p, class_weights) choose the classifier loss of the
    family (core.losses) that the views follow; `saturation_losses` the two losses the
    saturation view compares.
    """

    logits: tuple[float, ...] = (2.0, 1.0, 0.1)
    target: int | tuple[float, ...] = 0
    temperature: float = 1.0
    label_smoothing: float = 0.0
    reduction: Reduction = "mean"
    surface: Surface = field(default_factory=Surface)
    regression: Regression = field(default_factory=Regression)
    binary: Binary = field(default_factory=Binary)
    loss: str = "cross_entropy"
    class_weights: tuple[float, ...] | None = None
    pos_weight: float = OPTIONS["pos_weight"].default
    gamma: float = OPTIONS["gamma"].default
    alpha: float = OPTIONS["alpha"].default
    margin: float = OPTIONS["margin"].default
    p: int = int(OPTIONS["p"].default)
    saturation_losses: tuple[str, str] = ("mse", "cross_entropy")
    version: int = STATE_VERSION

    def __post_init__(self) -> None:
        if isinstance(self.version, bool) or self.version not in READABLE_VERSIONS:
            raise refusal("version", " or ".join(map(str, READABLE_VERSIONS)), self.version)
        object.__setattr__(self, "version", STATE_VERSION)  # an old file is read as new
        logits = check_numbers("logits", self.logits, 2, MAX_CLASSES, -MAX_ABS_LOGIT, MAX_ABS_LOGIT,
                          f"a list of 2 to {MAX_CLASSES} finite numbers within "
                          f"±{MAX_ABS_LOGIT:g}")
        object.__setattr__(self, "logits", logits)
        n = len(logits)
        if isinstance(self.target, list | tuple):
            probs = check_numbers("target", self.target, n, n, 0.0, 1.0,
                             f"{n} probabilities in [0, 1] (one per logit)")
            total = math.fsum(probs)
            if abs(total - 1.0) > TARGET_SUM_TOLERANCE:
                raise ValueError(f"target: probabilities must sum to 1 "
                                 f"(within {TARGET_SUM_TOLERANCE:g}), they sum to {total:.9g}")
            if total != 1.0:
                probs = _normalised(probs, total)
            object.__setattr__(self, "target", probs)
        else:
            check_integer("target", self.target, 0, n - 1,
                     f"a class index in [0, {n}) or a list of {n} probabilities")
        temperature = check_number("temperature", self.temperature, MIN_TEMPERATURE,
                              MAX_TEMPERATURE,
                              f"a number in [{MIN_TEMPERATURE:g}, {MAX_TEMPERATURE:g}]")
        smoothing = check_number("label_smoothing", self.label_smoothing, 0.0, 1.0,
                            "a number in [0, 1)", hi_open=True)
        object.__setattr__(self, "temperature", temperature)
        object.__setattr__(self, "label_smoothing", smoothing)
        check_choice("reduction", self.reduction, REDUCTIONS)
        if not isinstance(self.surface, Surface):
            raise refusal("surface", "a Surface", self.surface)
        if not isinstance(self.regression, Regression):
            raise refusal("regression", "a Regression", self.regression)
        if not isinstance(self.binary, Binary):
            raise refusal("binary", "a Binary", self.binary)
        if max(self.surface.axes) >= n:
            raise refusal("surface.axes", f"two different class indices in [0, {n})",
                        list(self.surface.axes))
        self._check_loss(n)

    def _check_loss(self, n: int) -> None:
        """The classifier loss, its options, and whether it applies to this target."""
        check_choice("loss", self.loss, CLASSIFIER_NAMES)
        for name in ("pos_weight", "gamma", "alpha", "margin", "p"):
            value = check_option(name, getattr(self, name))
            object.__setattr__(self, name, value if name == "p" else float(value))
        if self.loss in INDEX_ONLY and not self.target_is_index:
            raise ValueError(f"loss: {self.loss!r} takes a class index target, and the "
                             f"target is probabilities (use cross_entropy or kl_div)")
        pair = self.saturation_losses
        if isinstance(pair, list):
            pair = tuple(pair)
        if (not isinstance(pair, tuple) or len(pair) != 2
                or any(not isinstance(n, str) or n not in CLASSIFIER_NAMES for n in pair)
                or pair[0] == pair[1]):
            raise refusal("saturation_losses",
                          f"two different loss names of {', '.join(CLASSIFIER_NAMES)}", pair)
        object.__setattr__(self, "saturation_losses", pair)
        if self.class_weights is not None:
            weights = check_numbers("class_weights", self.class_weights, n, n, 0.0,
                                    CLASS_WEIGHT_MAX,
                                    f"{n} weights in [0, {CLASS_WEIGHT_MAX:g}] (one per logit)")
            object.__setattr__(self, "class_weights", weights)
            if self.target_is_index and weights[self.target] == 0.0:
                raise ValueError(f"class_weights[{self.target}]: the target class's weight "
                                 f"must be above 0 (cross_entropy divides by it), got 0")

    # ----------------------------------------------------------------- conveniences
    @property
    def n_classes(self) -> int:
        return len(self.logits)

    @property
    def target_is_index(self) -> bool:
        return not isinstance(self.target, tuple)

    def replace(self, **changes: Any) -> State:
        """A validated copy with `changes` applied."""
        return replace(self, **changes)

    def with_classes(self, n: int) -> State:
        """This state with n classes: logits padded with 0 or cut; target and axes kept valid."""
        if n == self.n_classes:
            return self
        logits = (self.logits + (0.0,) * n)[:n]
        if self.target_is_index:
            target: int | tuple[float, ...] = min(int(self.target), n - 1)
        else:
            kept = list(self.target[:n]) + [0.0] * max(0, n - self.n_classes)
            total = math.fsum(kept)
            target = tuple(v / total for v in kept) if total > 0 else 0
        i, j = self.surface.axes
        axes = (i, j) if max(i, j) < n else (0, 1)
        weights = (None if self.class_weights is None
                   else (self.class_weights + (1.0,) * n)[:n])
        return replace(self, logits=logits, target=target, class_weights=weights,
                       surface=replace(self.surface, axes=axes))

    # ----------------------------------------------------------------- (de)serialise
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = self.target if self.target_is_index else list(self.target)
        return _lists(data)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, allow_nan=False)

    @classmethod
    def from_dict(cls, data: Any) -> State:
        """Build a State from plain data: missing keys take defaults, anything else is checked."""
        if not isinstance(data, Mapping):
            raise ValueError(f"state: expected a JSON object {{...}}, got {type(data).__name__}")
        check_known_keys("", data, cls)
        values = dict(data)
        if "surface" in data:
            surface = _without_old_loss(data["surface"], values)
            values["surface"] = Surface.from_dict(surface)
        if "regression" in data:
            values["regression"] = Regression.from_dict(
                _with_old_reduction(data["regression"], data))
        elif data.get("reduction") in REDUCTIONS:
            values["regression"] = Regression(reduction=data["reduction"])
        if "binary" in data:
            values["binary"] = Binary.from_dict(data["binary"])
        return cls(**values)

    @classmethod
    def from_json(cls, text: str) -> State:
        data = parse_json(text)
        try:
            return cls.from_dict(data)
        except RecursionError:
            raise ValueError("state: JSON nested too deeply") from None



def _without_old_loss(surface: Any, values: dict[str, Any]) -> Any:
    """surface.loss (CE or MSE, the loss the surface showed, written until this release)
    becomes the top-level `loss`, which every view now follows. A file with both was
    written while `loss` chose only the family's numbers and nearly always held the
    default, cross_entropy: there surface.loss says what the window showed, and wins;
    any other `loss` was chosen on purpose and is kept."""
    if not isinstance(surface, Mapping) or "loss" not in surface:
        return surface
    old = surface["loss"]
    check_choice("surface.loss", old, OLD_SURFACE_LOSSES)
    if values.get("loss", "cross_entropy") == "cross_entropy":
        values["loss"] = old
    return {k: v for k, v in surface.items() if k != "loss"}


def _with_old_reduction(regression: Any, data: Mapping[str, Any]) -> Any:
    """A file written before the regression had its own reduction meant the top-level one
    for both MSE losses: without regression.reduction, it still does. (An invalid top-level
    reduction is left for the State to report under its own name.)"""
    if (isinstance(regression, Mapping) and "reduction" not in regression
            and data.get("reduction") in REDUCTIONS):
        return {**regression, "reduction": data["reduction"]}
    return regression


def _normalised(probs: tuple[float, ...], total: float) -> tuple[float, ...]:
    """probs / total, so the closed-form gradient (p - y)/T, which assumes Σy = 1, agrees
    with autograd; the largest is nudged until math.fsum is exactly 1, so a saved and
    reloaded state is not normalised again (the round trip stays exact)."""
    out = [p / total for p in probs]
    for _ in range(4):
        residual = 1.0 - math.fsum(out)
        if residual == 0.0:
            break
        k = max(range(len(out)), key=out.__getitem__)
        out[k] = min(1.0, max(0.0, out[k] + residual))
    return tuple(out)


def _lists(value: Any) -> Any:
    """Tuples to lists, recursively, so to_dict is plain JSON data."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value

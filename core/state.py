"""The State: everything the user set, and nothing computed.

Its JSON form is the file format of saved states and presets, so field names are part
of the contract. Construction validates, so no invalid State can exist anywhere in the
app; `from_dict` turns any problem into a ValueError naming the field and what is allowed.
"""

from __future__ import annotations

import difflib
import json
import math
import reprlib
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

from core.losses.catalog import (
    CLASS_WEIGHT_MAX,
    CLASSIFIER_NAMES,
    INDEX_ONLY,
    OPTIONS,
    REGRESSION_NAMES,
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
# A range must span at least this much (and a billionth of its largest end): narrower ones
# collapse a grid to subnormal steps that make NaN/inf pixels (and crash pyqtgraph's paint).
MIN_RANGE_SPAN = 1e-6
MIN_RANGE_SPAN_RELATIVE = 1e-9
ECHO_LIMIT = 50  # characters of a bad value shown back in a message
MAX_KEYS_SHOWN = 100  # characters of allowed keys an "unknown key" message lists
MAX_POS_WEIGHT = 1e4  # binary.pos_weight: the positive term's weight, at most


def min_range_span(low: float, high: float) -> float:
    """The narrowest [low, high] allowed: absolute near 0, relative far from it."""
    return max(MIN_RANGE_SPAN, MIN_RANGE_SPAN_RELATIVE * max(abs(low), abs(high)))


Reduction = Literal["mean", "sum"]
LossName = Literal["cross_entropy", "mse"]
REDUCTIONS: tuple[str, ...] = ("mean", "sum")
LOSS_NAMES: tuple[str, ...] = ("cross_entropy", "mse")


# --------------------------------------------------------------------------- messages
class _ShortRepr(reprlib.Repr):
    """repr that stays short and shallow whatever it is given: 400-digit ints, megabyte
    strings, lists nested 1000 deep (builtin repr would hit the recursion limit)."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 2
        self.maxtuple = self.maxlist = self.maxdict = self.maxset = self.maxfrozenset = 4
        self.maxdeque = self.maxarray = 4
        self.maxstring = self.maxother = ECHO_LIMIT - 10
        self.fillvalue = "…"

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() <= 64:
            return repr(x)
        try:
            digits = str(abs(x))
        except ValueError:  # beyond sys.get_int_max_str_digits()
            return f"an integer of more than {sys.get_int_max_str_digits()} digits"
        sign = "-" if x < 0 else ""
        return f"{sign}{digits[:20]}… ({len(digits)} digits)"


_SHORT_REPR = _ShortRepr()


def printable(text: str) -> str:
    """text with every non-printable character (newline, ESC, …) escaped, so a message
    stays one line and cannot drive the terminal."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown(value: Any, limit: int = ECHO_LIMIT) -> str:
    """A user's value as a message echoes it: repr-style, one line, at most `limit` chars."""
    try:
        text = printable(_SHORT_REPR.repr(value))
    except Exception:  # an object whose repr fails must not hide the real problem
        text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _key(key: Any) -> str:
    """A key as a message names it: plain when it is a plain name, else escaped and short."""
    if isinstance(key, str) and key.isidentifier() and key.isascii() and len(key) <= 40:
        return key
    return shown(key)


# --------------------------------------------------------------------------- checks
def _fail(name: str, allowed: str, got: Any) -> ValueError:
    return ValueError(f"{name}: expected {allowed}, got {shown(got)}")


def _number(name: str, value: Any, lo: float = -math.inf, hi: float = math.inf,
            allowed: str = "a finite number", lo_open: bool = False,
            hi_open: bool = False) -> float:
    """A real number (int or float, never bool or str), finite and within [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(name, allowed, value)
    try:
        number = float(value)
    except OverflowError:  # an int beyond float64, e.g. 400 digits from a JSON file
        raise _fail(name, allowed, value) from None
    if not math.isfinite(number):
        raise _fail(name, allowed, value)
    below = number <= lo if lo_open else number < lo
    above = number >= hi if hi_open else number > hi
    if below or above:
        raise _fail(name, allowed, value)
    return number


def _integer(name: str, value: Any, lo: int, hi: int, allowed: str) -> int:
    """An int (never bool, never 1.0) within [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise _fail(name, allowed, value)
    return value


def _numbers(name: str, value: Any, min_len: int, max_len: int, lo: float, hi: float,
             allowed: str) -> tuple[float, ...]:
    if not isinstance(value, list | tuple):
        raise _fail(name, allowed, value)
    if not min_len <= len(value) <= max_len:
        count = f"{len(value)} value" + ("" if len(value) == 1 else "s")
        raise ValueError(f"{name}: expected {allowed}, got {count}")
    return tuple(_number(f"{name}[{i}]", v, lo, hi, f"a finite number in [{lo:g}, {hi:g}]")
                 for i, v in enumerate(value))


def _range(name: str, value: Any, bound: float) -> tuple[float, float]:
    """[low, high] with low < high, both within ±bound, at least min_range_span apart."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise _fail(name, "[low, high]", value)
    lo = _number(f"{name}[0]", value[0], -bound, bound, f"a number within ±{bound:g}")
    hi = _number(f"{name}[1]", value[1], lo, bound,
                 f"a number above {name}[0] = {lo:g}, at most {bound:g}", lo_open=True)
    span = min_range_span(lo, hi)
    if hi - lo < span:
        raise _fail(name, f"[low, high] at least {span:.3g} apart", [lo, hi])
    return lo, hi


def _option(name: str, value: Any) -> float | int:
    """A loss option (core.losses.catalog.OPTIONS) within its range; p is 1 or 2."""
    info = OPTIONS[name]
    if info.choices:
        if isinstance(value, bool) or value not in info.choices or not isinstance(value, int):
            raise _fail(name, info.allowed, value)
        return value
    return _number(name, value, info.low, info.high, info.allowed, lo_open=info.low_open)


def _choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _fail(name, " or ".join(repr(c) for c in choices), value)
    return value


def _mapping(name: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail(name, "an object {...}", value)
    return value


def _grid(name: str, value: Any, limits: tuple[int, int]) -> int:
    return _integer(name, value, *limits, f"an integer from {limits[0]} to {limits[1]}")


def _section(cls: type, name: str, data: Any) -> Any:
    """A nested part of the State from its JSON object: known keys only, defaults for the rest."""
    data = _mapping(name, data)
    _known_keys(name, data, cls)
    return cls(**data)


def _known_keys(name: str, data: Mapping[str, Any], cls: type) -> None:
    known = {f.name for f in fields(cls)}
    unknown = sorted((k for k in data if k not in known), key=str)
    if unknown:
        prefix = f"{name}." if name else ""
        raise ValueError(f"{prefix}{_key(unknown[0])}: unknown key "
                         f"({_allowed_keys(unknown[0], known)})")


def _allowed_keys(key: Any, known: set[str]) -> str:
    """The allowed keys, or, when they are too many for one short line, the ones closest
    to the unknown key (a typo) and else the list cut short."""
    listed = ", ".join(sorted(known))
    if len(listed) <= MAX_KEYS_SHOWN:
        return f"allowed: {listed}"
    close = difflib.get_close_matches(key, known, n=3) if isinstance(key, str) else []
    if close:
        return f"did you mean {' or '.join(close)}?"
    return f"allowed: {listed[:MAX_KEYS_SHOWN - 1].rpartition(',')[0]}, …"


# --------------------------------------------------------------------------- parts
@dataclass(frozen=True)
class Surface:
    """Which loss the surface view shows, over which two logits, on what grid."""

    loss: LossName = "cross_entropy"
    axes: tuple[int, int] = (0, 1)
    range: tuple[float, float] = (-10.0, 10.0)
    grid: int = 200

    def __post_init__(self) -> None:
        _choice("surface.loss", self.loss, LOSS_NAMES)
        if isinstance(self.axes, list):
            object.__setattr__(self, "axes", tuple(self.axes))
        if (not isinstance(self.axes, tuple) or len(self.axes) != 2
                or any(isinstance(a, bool) or not isinstance(a, int) or a < 0 for a in self.axes)
                or self.axes[0] == self.axes[1]):
            raise _fail("surface.axes", "two different class indices [i, j]", self.axes)
        object.__setattr__(self, "range", _range("surface.range", self.range, MAX_ABS_LOGIT))
        _grid("surface.grid", self.grid, SURFACE_GRID_LIMITS)

    @classmethod
    def from_dict(cls, data: Any) -> Surface:
        return _section(cls, "surface", data)


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
        x = _numbers("regression.x", self.x, 1, MAX_POINTS, -MAX_ABS_DATA, MAX_ABS_DATA,
                     data_allowed)
        y = _numbers("regression.y", self.y, 1, MAX_POINTS, -MAX_ABS_DATA, MAX_ABS_DATA,
                     data_allowed)
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
        if len(x) != len(y):
            raise ValueError(f"regression.y: expected as many values as regression.x "
                             f"({len(x)}), got {len(y)}")
        for name in ("w", "b"):
            value = _number(f"regression.{name}", getattr(self, name), -MAX_ABS_DATA,
                            MAX_ABS_DATA, f"a finite number within ±{MAX_ABS_DATA:g}")
            object.__setattr__(self, name, value)
        rate = _number("regression.learning_rate", self.learning_rate, 0.0, 10.0,
                       "a number in (0, 10]", lo_open=True)
        object.__setattr__(self, "learning_rate", rate)
        _integer("regression.steps", self.steps, 0, MAX_GD_STEPS,
                 f"an integer from 0 to {MAX_GD_STEPS}")
        for name in ("w_range", "b_range"):
            object.__setattr__(self, name, _range(f"regression.{name}", getattr(self, name),
                                                  MAX_ABS_DATA))
        _grid("regression.grid", self.grid, REGRESSION_GRID_LIMITS)
        _choice("regression.reduction", self.reduction, REDUCTIONS)
        _choice("regression.loss", self.loss, REGRESSION_NAMES)
        for name in ("delta", "beta"):
            try:
                object.__setattr__(self, name, float(_option(name, getattr(self, name))))
            except ValueError as exc:
                raise ValueError(f"regression.{exc}") from None

    @classmethod
    def from_dict(cls, data: Any) -> Regression:
        return _section(cls, "regression", data)


@dataclass(frozen=True)
class Binary:
    """The Binary tab's one example: a logit z, its label y (0, 1 or soft, in between), and
    the weight of the positive term in binary_cross_entropy_with_logits."""

    z: float = 3.0
    y: float = 0.0
    pos_weight: float = 1.0

    def __post_init__(self) -> None:
        z = _number("binary.z", self.z, -MAX_ABS_LOGIT, MAX_ABS_LOGIT,
                    f"a finite number within ±{MAX_ABS_LOGIT:g}")
        y = _number("binary.y", self.y, 0.0, 1.0, "a number in [0, 1]")
        weight = _number("binary.pos_weight", self.pos_weight, 0.0, MAX_POS_WEIGHT,
                         f"a number in [0, {MAX_POS_WEIGHT:g}]")
        object.__setattr__(self, "z", z)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "pos_weight", weight)

    @classmethod
    def from_dict(cls, data: Any) -> Binary:
        return _section(cls, "binary", data)


# --------------------------------------------------------------------------- State
@dataclass(frozen=True)
class State:
    """What the user set: logits, target, temperature, smoothing, reduction, views' inputs.

    `target` is a class index (int) or a tuple of N probabilities. `loss` and its options
    (pos_weight, gamma, alpha, margin, p, class_weights) choose the classifier loss of the
    family (core.losses); the window's CE/MSE views do not depend on them.
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
    version: int = STATE_VERSION

    def __post_init__(self) -> None:
        if isinstance(self.version, bool) or self.version not in READABLE_VERSIONS:
            raise _fail("version", " or ".join(map(str, READABLE_VERSIONS)), self.version)
        object.__setattr__(self, "version", STATE_VERSION)  # an old file is read as new
        logits = _numbers("logits", self.logits, 2, MAX_CLASSES, -MAX_ABS_LOGIT, MAX_ABS_LOGIT,
                          f"a list of 2 to {MAX_CLASSES} finite numbers within "
                          f"±{MAX_ABS_LOGIT:g}")
        object.__setattr__(self, "logits", logits)
        n = len(logits)
        if isinstance(self.target, list | tuple):
            probs = _numbers("target", self.target, n, n, 0.0, 1.0,
                             f"{n} probabilities in [0, 1] (one per logit)")
            total = math.fsum(probs)
            if abs(total - 1.0) > TARGET_SUM_TOLERANCE:
                raise ValueError(f"target: probabilities must sum to 1 "
                                 f"(within {TARGET_SUM_TOLERANCE:g}), they sum to {total:.9g}")
            if total != 1.0:
                probs = _normalised(probs, total)
            object.__setattr__(self, "target", probs)
        else:
            _integer("target", self.target, 0, n - 1,
                     f"a class index in [0, {n}) or a list of {n} probabilities")
        temperature = _number("temperature", self.temperature, MIN_TEMPERATURE,
                              MAX_TEMPERATURE,
                              f"a number in [{MIN_TEMPERATURE:g}, {MAX_TEMPERATURE:g}]")
        smoothing = _number("label_smoothing", self.label_smoothing, 0.0, 1.0,
                            "a number in [0, 1)", hi_open=True)
        object.__setattr__(self, "temperature", temperature)
        object.__setattr__(self, "label_smoothing", smoothing)
        _choice("reduction", self.reduction, REDUCTIONS)
        if not isinstance(self.surface, Surface):
            raise _fail("surface", "a Surface", self.surface)
        if not isinstance(self.regression, Regression):
            raise _fail("regression", "a Regression", self.regression)
        if not isinstance(self.binary, Binary):
            raise _fail("binary", "a Binary", self.binary)
        if max(self.surface.axes) >= n:
            raise _fail("surface.axes", f"two different class indices in [0, {n})",
                        list(self.surface.axes))
        self._check_loss(n)

    def _check_loss(self, n: int) -> None:
        """The classifier loss, its options, and whether it applies to this target."""
        _choice("loss", self.loss, CLASSIFIER_NAMES)
        for name in ("pos_weight", "gamma", "alpha", "margin", "p"):
            value = _option(name, getattr(self, name))
            object.__setattr__(self, name, value if name == "p" else float(value))
        if self.loss in INDEX_ONLY and not self.target_is_index:
            raise ValueError(f"loss: {self.loss!r} takes a class index target, and the "
                             f"target is probabilities (use cross_entropy or kl_div)")
        if self.class_weights is not None:
            weights = _numbers("class_weights", self.class_weights, n, n, 0.0, CLASS_WEIGHT_MAX,
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
        _known_keys("", data, cls)
        values = dict(data)
        if "surface" in data:
            values["surface"] = Surface.from_dict(data["surface"])
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


class _RefusedConstant(ValueError):
    """NaN or Infinity in a state file."""


def _reject_constant(name: str) -> Any:
    raise _RefusedConstant(f"state: {name} is not allowed in a state file "
                           f"(numbers must be finite)")


def parse_json(text: str) -> Any:
    """json.loads that refuses NaN/Infinity, and reports syntax errors, nesting too deep and
    integers too long for Python in one line."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"state: not valid JSON ({exc.msg} at line {exc.lineno}, "
                         f"column {exc.colno})") from None
    except _RefusedConstant:
        raise
    except RecursionError:
        raise ValueError("state: JSON nested too deeply") from None
    except ValueError as exc:  # an integer beyond sys.get_int_max_str_digits()
        if "digits" in str(exc):
            raise ValueError(f"state: a number in the file has more than "
                             f"{sys.get_int_max_str_digits()} digits") from None
        raise ValueError(f"state: not valid JSON ({shown(str(exc))})") from None

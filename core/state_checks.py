"""Checking what a state file holds, one value at a time: each problem becomes one line
that names the field, what is allowed and (shortened) what was there. core.state builds
its dataclasses with these; the JSON is read here too, refusing NaN and Infinity."""

from __future__ import annotations

import difflib
import json
import math
import reprlib
import sys
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from core.losses.catalog import OPTIONS

# A range must span at least this much (and a billionth of its largest end): narrower ones
# collapse a grid to subnormal steps that make NaN/inf pixels (and crash pyqtgraph's paint).
MIN_RANGE_SPAN = 1e-6
MIN_RANGE_SPAN_RELATIVE = 1e-9
ECHO_LIMIT = 50  # characters of a bad value shown back in a message
MAX_KEYS_SHOWN = 100  # characters of allowed keys an "unknown key" message lists


def min_range_span(low: float, high: float) -> float:
    """The narrowest [low, high] allowed: absolute near 0, relative far from it."""
    return max(MIN_RANGE_SPAN, MIN_RANGE_SPAN_RELATIVE * max(abs(low), abs(high)))


# --------------------------------------------------------------------------- messages
class ShortRepr(reprlib.Repr):
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


SHORT_REPR = ShortRepr()


def printable(text: str) -> str:
    """text with every non-printable character (newline, ESC, …) escaped, so a message
    stays one line and cannot drive the terminal."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown(value: Any, limit: int = ECHO_LIMIT) -> str:
    """A user's value as a message echoes it: repr-style, one line, at most `limit` chars."""
    try:
        text = printable(SHORT_REPR.repr(value))
    except Exception:  # an object whose repr fails must not hide the real problem
        text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def quoted_key(key: Any) -> str:
    """A key as a message names it: plain when it is a plain name, else escaped and short."""
    if isinstance(key, str) and key.isidentifier() and key.isascii() and len(key) <= 40:
        return key
    return shown(key)


# --------------------------------------------------------------------------- checks
def refusal(name: str, allowed: str, got: Any) -> ValueError:
    return ValueError(f"{name}: expected {allowed}, got {shown(got)}")


def check_number(name: str, value: Any, lo: float = -math.inf, hi: float = math.inf,
            allowed: str = "a finite number", lo_open: bool = False,
            hi_open: bool = False) -> float:
    """A real number (int or float, never bool or str), finite and within [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise refusal(name, allowed, value)
    try:
        number = float(value)
    except OverflowError:  # an int beyond float64, e.g. 400 digits from a JSON file
        raise refusal(name, allowed, value) from None
    if not math.isfinite(number):
        raise refusal(name, allowed, value)
    below = number <= lo if lo_open else number < lo
    above = number >= hi if hi_open else number > hi
    if below or above:
        raise refusal(name, allowed, value)
    return number


def check_integer(name: str, value: Any, lo: int, hi: int, allowed: str) -> int:
    """An int (never bool, never 1.0) within [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise refusal(name, allowed, value)
    return value


def check_numbers(name: str, value: Any, min_len: int, max_len: int, lo: float, hi: float,
             allowed: str) -> tuple[float, ...]:
    if not isinstance(value, list | tuple):
        raise refusal(name, allowed, value)
    if not min_len <= len(value) <= max_len:
        count = f"{len(value)} value" + ("" if len(value) == 1 else "s")
        raise ValueError(f"{name}: expected {allowed}, got {count}")
    return tuple(check_number(f"{name}[{i}]", v, lo, hi, f"a finite number in [{lo:g}, {hi:g}]")
                 for i, v in enumerate(value))


def checked_range(name: str, value: Any, bound: float) -> tuple[float, float]:
    """[low, high] with low < high, both within ±bound, at least min_range_span apart."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise refusal(name, "[low, high]", value)
    lo = check_number(f"{name}[0]", value[0], -bound, bound, f"a number within ±{bound:g}")
    hi = check_number(f"{name}[1]", value[1], lo, bound,
                 f"a number above {name}[0] = {lo:g}, at most {bound:g}", lo_open=True)
    span = min_range_span(lo, hi)
    if hi - lo < span:
        raise refusal(name, f"[low, high] at least {span:.3g} apart", [lo, hi])
    return lo, hi


def check_option(name: str, value: Any) -> float | int:
    """A loss option (core.losses.catalog.OPTIONS) within its range; p is 1 or 2."""
    info = OPTIONS[name]
    if info.choices:
        if isinstance(value, bool) or value not in info.choices or not isinstance(value, int):
            raise refusal(name, info.allowed, value)
        return value
    return check_number(name, value, info.low, info.high, info.allowed, lo_open=info.low_open)


def check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise refusal(name, " or ".join(repr(c) for c in choices), value)
    return value


def check_mapping(name: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise refusal(name, "an object {...}", value)
    return value


def check_grid(name: str, value: Any, limits: tuple[int, int]) -> int:
    return check_integer(name, value, *limits, f"an integer from {limits[0]} to {limits[1]}")


def check_section(cls: type, name: str, data: Any) -> Any:
    """A nested part of the State from its JSON object: known keys only, defaults for the rest."""
    data = check_mapping(name, data)
    check_known_keys(name, data, cls)
    return cls(**data)


def check_known_keys(name: str, data: Mapping[str, Any], cls: type) -> None:
    known = {f.name for f in fields(cls)}
    unknown = sorted((k for k in data if k not in known), key=str)
    if unknown:
        prefix = f"{name}." if name else ""
        raise ValueError(f"{prefix}{quoted_key(unknown[0])}: unknown key "
                         f"({allowed_keys_text(unknown[0], known)})")


def allowed_keys_text(key: Any, known: set[str]) -> str:
    """The allowed keys, or, when they are too many for one short line, the ones closest
    to the unknown key (a typo) and else the list cut short."""
    listed = ", ".join(sorted(known))
    if len(listed) <= MAX_KEYS_SHOWN:
        return f"allowed: {listed}"
    close = difflib.get_close_matches(key, known, n=3) if isinstance(key, str) else []
    if close:
        return f"did you mean {' or '.join(close)}?"
    return f"allowed: {listed[:MAX_KEYS_SHOWN - 1].rpartition(',')[0]}, …"


class RefusedConstant(ValueError):
    """NaN or Infinity in a state file."""


def reject_constant(name: str) -> Any:
    raise RefusedConstant(f"state: {name} is not allowed in a state file "
                           f"(numbers must be finite)")


def parse_json(text: str) -> Any:
    """json.loads that refuses NaN/Infinity, and reports syntax errors, nesting too deep and
    integers too long for Python in one line."""
    try:
        return json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"state: not valid JSON ({exc.msg} at line {exc.lineno}, "
                         f"column {exc.colno})") from None
    except RefusedConstant:
        raise
    except RecursionError:
        raise ValueError("state: JSON nested too deeply") from None
    except ValueError as exc:  # an integer beyond sys.get_int_max_str_digits()
        if "digits" in str(exc):
            raise ValueError(f"state: a number in the file has more than "
                             f"{sys.get_int_max_str_digits()} digits") from None
        raise ValueError(f"state: not valid JSON ({shown(str(exc))})") from None

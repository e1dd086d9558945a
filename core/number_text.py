"""Typed text to a number, exactly: the one parser behind every numeric entry in the window.

A learner types `1e-3`, `−2` (a Unicode minus copied from a formula) or full-width digits
from a Chinese input method; each must become exactly that float, or be refused with a
message that says why. Nothing is rounded, and nothing ambiguous is guessed: `1,000` could
be one thousand or one, so it is refused rather than read as either.
"""

from __future__ import annotations

import math
import re
import unicodedata

# A decimal number with an optional exponent: 2, -0.5, .5, 5., 1e-3, +1.5E+04.
# (No two parts may match the same digits: `\d+\.?\d*` backtracks for minutes on 10⁵ digits.)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_MINUS_SIGNS = str.maketrans({"−": "-", "‐": "-", "‑": "-", "–": "-", "﹣": "-"})
MAX_ECHO = 40  # characters of the typed text repeated in a message


class NumberTextError(ValueError):
    """Typed text that is not a number the app can store; the message says why in one line.

    `kind` (empty, comma, not_number, not_finite, too_large, fraction, out_of_range) and
    `text` let the window say the same in the user's language."""

    def __init__(self, kind: str, text: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.text = text


def echo(text: str, limit: int = MAX_ECHO) -> str:
    """text quoted for a one-line message: control characters escaped, cut short."""
    shown = repr(text)[1:-1]
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"


def normalise(text: str) -> str:
    """Full-width digits and signs (NFKC), Unicode minus signs and surrounding spaces made
    plain, so `－１.５` and `−1.5` read as -1.5."""
    return unicodedata.normalize("NFKC", text).translate(_MINUS_SIGNS).strip()


def parse_number(text: str) -> float:
    """The finite float that `text` writes, exactly as float() reads it, or NumberTextError."""
    plain = normalise(text)
    if not plain:
        raise NumberTextError("empty", text, "nothing typed")
    if not _NUMBER.fullmatch(plain):
        if plain.lstrip("+-").lower() in ("nan", "inf", "infinity"):
            raise NumberTextError("not_finite", text, f"{echo(text)} is not a finite number")
        if "," in plain and _NUMBER.fullmatch(plain.replace(",", "")):
            raise NumberTextError("comma", text, f"{echo(text)} is not a number: write "
                                  "decimals with a point and no thousands separators "
                                  "(1000 or 1e3)")
        raise NumberTextError("not_number", text,
                              f"{echo(text)} is not a number (examples: 0.5, -2, 1e-3)")
    value = float(plain)
    if not math.isfinite(value):
        raise NumberTextError("too_large", text, f"{echo(text)} is too large for a number")
    return value


def parse_integer(text: str) -> int:
    """A whole number, also written as 1e3 or 10.0; a fraction is refused, never rounded."""
    value = parse_number(text)
    if not value.is_integer():
        raise NumberTextError("fraction", text, f"{echo(text)} is not a whole number")
    return int(value)


def format_number(value: float) -> str:
    """The shortest text that reads back as exactly `value` (Python's repr), shortened to 8
    significant digits only when it would not fit an entry; -0 shows as 0."""
    value += 0.0
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if len(text) <= 12:
        return text
    return f"{value:.8g}"

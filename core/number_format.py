"""How numbers are written for people, the same in the CLI table and in the window."""

from __future__ import annotations

import math
import re


def fmt(x: float, digits: int = 6) -> str:
    """Fixed-point with `digits` decimals in the readable range, scientific outside it."""
    if not math.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "NaN")
    x += 0.0  # -0.0 prints as 0
    if x == 0 or 10.0 ** -(digits - 2) <= abs(x) < 1e5:
        return f"{x:.{digits}f}"
    return f"{x:.{digits - 1}e}"


def fmt_fit(x: float, chars: int) -> str:
    """x in at most `chars` characters, keeping as many digits as fit: fixed point while it
    keeps the number (0.340999 → 0.341), scientific when it would not (2.7e-05)."""
    text = fmt(x)
    if len(text) <= chars or not math.isfinite(x):
        return text
    x += 0.0
    fixed = [f"{x:.{k}f}" for k in range(6, -1, -1)]
    fixed = [t for t in fixed if x == 0 or float(t) != 0]
    # short exponents (2.35e-4, not 2.35e-04): a narrow column keeps a digit more
    scientific = [re.sub(r"e([-+])0*(\d)", r"e\1\2", f"{x:.{k}e}").replace("e+", "e")
                  for k in range(4, -1, -1)]
    fitting = [t for t in fixed + scientific if len(t) <= chars]
    if not fitting:
        return scientific[-1]
    return max(fitting, key=_significant_digits)  # fixed point wins a tie


def _significant_digits(text: str) -> int:
    mantissa = text.lstrip("-").split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa)


MINUS = "\u2212"  # −, the minus sign every displayed negative number uses


def minus(text: str) -> str:
    """Displayed text with each ASCII hyphen-minus as the minus sign −: Python and Qt write
    "-0.5" and "1e-05", the app's formulas write "−"."""
    return text.replace("-", MINUS)


_NUMBER_MINUS = re.compile(r"(?<![A-Za-z_\d])-(?=\.?\d)|(?<=\de)-(?=\d)")


def minus_in_numbers(text: str) -> str:
    """A sentence with the minus sign − in its numbers ("(−2.000, −0.5)", "6.5e−23") and
    its hyphens left alone ("log-sum-exp", "x-axis", "float64-safe")."""
    return _NUMBER_MINUS.sub(MINUS, text)


def sig(x: float, digits: int = 3) -> str:
    """x to `digits` significant digits, the same number for every value: fixed point from
    1e-3 up to where the integer part holds them all (0.0650, 0.225, 2.72, 250), a short
    exponent outside (3.9e−4, 2.5e3); − for minus, never a negative zero."""
    if not math.isfinite(x):
        return fmt(x)
    x += 0.0
    if x == 0:
        return "0"
    # the exponent after rounding: 0.000999 to 2 digits is 0.0010, not 0.00100
    exponent = math.floor(math.log10(abs(float(f"{x:.{digits - 1}e}"))))
    if -3 <= exponent < digits:
        return minus(f"{x:.{max(0, digits - 1 - exponent)}f}")
    mantissa, power = f"{x:.{digits - 1}e}".split("e")
    return minus(f"{mantissa}e{int(power)}")


CELL_DIGITS = 2


def fmt_cell(x: float) -> str:
    """Short text for a heatmap cell: CELL_DIGITS significant digits for every cell
    (−0.16, 0.089, 0.0012, 3.9e−4), so a cell's digits never depend on its size."""
    return sig(x, CELL_DIGITS)


def tick_texts(values: list[float], spacing: float) -> list[str]:
    """Axis tick labels that stay short at any range and are exact: fixed point with the
    fewest decimals that write every tick exactly (0.25, −0.5, 2.5), or, when the values
    are tiny or huge, short exponents (2e−4, 2.5e4) that fit a narrow colour bar's axis;
    − for minus."""
    if not values:
        return []
    largest = max(abs(v) for v in values)
    if spacing <= 0 or not math.isfinite(spacing):
        return [sig(v, 3) for v in values]
    tolerance = spacing * 1e-6
    shown = [0.0 if abs(v) <= tolerance else v for v in values]
    if 1e-3 <= largest < 1e4 or largest == 0:
        places = next((p for p in range(16)
                       if all(abs(round(v, p) - v) <= tolerance for v in shown)), 15)
        return [minus(f"{v + 0.0:.{places}f}") for v in shown]
    digits = next((d for d in range(1, 17)
                   if all(abs(float(f"{v:.{d - 1}e}") - v) <= tolerance for v in shown)), 16)
    texts = []
    for v in shown:
        if v == 0.0:
            texts.append("0")
            continue
        mantissa, power = f"{v:.{digits - 1}e}".split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        texts.append(minus(f"{mantissa}e{int(power)}"))
    return texts


def fmt_diff(x: float) -> str:
    """A disagreement between two ways: 0, or its order of magnitude."""
    return "0" if x == 0 else minus(f"{x:.2g}")


_SUBSCRIPT = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")


def sub(n: int | str) -> str:
    """Subscript digits, for plain-text labels: sub(12) == '₁₂'."""
    return str(n).translate(_SUBSCRIPT)

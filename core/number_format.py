"""How numbers are written for people, the same in the CLI table and in the window."""

from __future__ import annotations

import math


def fmt(x: float, digits: int = 6) -> str:
    """Fixed-point with `digits` decimals in the readable range, scientific outside it."""
    if not math.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "NaN")
    x += 0.0  # -0.0 prints as 0
    if x == 0 or 10.0 ** -(digits - 2) <= abs(x) < 1e5:
        return f"{x:.{digits}f}"
    return f"{x:.{digits - 1}e}"


def fmt_fit(x: float, chars: int) -> str:
    """fmt(x) with as many digits as fit in `chars` characters (at least 1)."""
    for digits in range(6, 0, -1):
        text = fmt(x, digits)
        if len(text) <= chars:
            return text
    return text


def fmt_cell(x: float) -> str:
    """Short text for a heatmap cell: 3 decimals, or 2 significant digits when smaller."""
    if x == 0:
        return "0"
    return f"{x:.3f}" if abs(x) >= 0.0005 else f"{x:.1e}"


def fmt_diff(x: float) -> str:
    """A disagreement between two ways: 0, or its order of magnitude."""
    return "0" if x == 0 else f"{x:.2g}"


_SUBSCRIPT = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")


def sub(n: int | str) -> str:
    """Subscript digits, for plain-text labels: sub(12) == '₁₂'."""
    return str(n).translate(_SUBSCRIPT)

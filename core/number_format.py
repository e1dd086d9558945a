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
    """x in at most `chars` characters, keeping as many digits as fit: fixed point while it
    keeps the number (0.340999 → 0.341), scientific when it would not (2.7e-05)."""
    text = fmt(x)
    if len(text) <= chars or not math.isfinite(x):
        return text
    x += 0.0
    fixed = [f"{x:.{k}f}" for k in range(6, -1, -1)]
    fixed = [t for t in fixed if x == 0 or float(t) != 0]
    scientific = [f"{x:.{k}e}" for k in range(4, -1, -1)]
    fitting = [t for t in fixed + scientific if len(t) <= chars]
    if not fitting:
        return scientific[-1]
    return max(fitting, key=_significant_digits)  # fixed point wins a tie


def _significant_digits(text: str) -> int:
    mantissa = text.lstrip("-").split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa)


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

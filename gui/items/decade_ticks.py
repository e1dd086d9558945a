"""A log axis drawn as a linear axis of log10 values, labelled 10ⁿ at whole decades.

pyqtgraph's log mode takes the values themselves, so it cannot draw one below float64's
smallest number (a loss of e^-15000 at a low temperature), and it labels ticks in two
styles ("0.001" beside "10⁻⁵"). A view that has log10 of its values plots those on a
linear axis and calls `decade_ticks`: major ticks at whole decades every 1, 2, 5, 10, …
decades, as many as fit, all written as powers of ten; minor ticks at 2…9 × 10ⁿ while
single decades are labelled, otherwise at whole decades between the labels.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from gui.look.plot_style import step_at_least

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
PIXELS_PER_LABEL = 28.0   # a vertical axis's label height and the gap to the next one
_MINOR_IN_DECADE = np.log10(np.arange(2, 10))


def power_of_ten(exponent: int) -> str:
    """power_of_ten(-5) == '10⁻⁵': one style for every tick, 10⁰ and 10¹ included."""
    return "10" + str(exponent).translate(_SUPERSCRIPT)


def decade_step(decades: float, pixels: float) -> int:
    """The smallest step of 1, 2, 5, 10, 20, … decades that keeps labels apart."""
    fitting = max(1.0, pixels / PIXELS_PER_LABEL)
    return int(step_at_least(max(1.0, decades / fitting)))


def decade_tick_values(low: float, high: float, pixels: float) -> list[tuple[float, list]]:
    """pyqtgraph's tick levels for log10 values in [low, high] on an axis `pixels` long."""
    low, high = sorted((low, high))
    if not (math.isfinite(low) and math.isfinite(high)) or pixels <= 0:
        return []
    step = decade_step(high - low, pixels)
    first = math.ceil(low / step) * step
    majors = [float(e) for e in range(first, math.floor(high) + 1, step)]
    if step == 1:
        starts = np.arange(math.floor(low), math.ceil(high))
        minors = (starts[:, None] + _MINOR_IN_DECADE[None, :]).ravel()
    else:
        minor_step = step // 5 if step % 5 == 0 else step // 2 if step % 2 == 0 else 0
        minors = (np.arange(math.ceil(low / minor_step) * minor_step, math.floor(high) + 1,
                            minor_step) if minor_step else np.array([]))
    minors = [float(v) for v in minors if low <= v <= high and float(v) not in majors]
    return [(float(step), majors), (float(step) / 5, minors)]


def decade_tick_strings(values: list[float], scale: float, spacing: float) -> list[str]:
    """10ⁿ at whole decades, nothing elsewhere (minor ticks are unlabelled)."""
    return [power_of_ten(round(v)) if float(v).is_integer() else "" for v in values]


def decade_ticks(axis: pg.AxisItem) -> None:
    """The axis labels log10 values as powers of ten (see the module docstring)."""
    axis.enableAutoSIPrefix(False)  # no "(×1e3)" on an axis running to -6000
    axis.setStyle(maxTextLevel=0)   # minor ticks stay unlabelled
    axis.tickValues = decade_tick_values
    axis.tickStrings = decade_tick_strings

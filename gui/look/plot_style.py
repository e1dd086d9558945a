"""Colours and pyqtgraph settings shared by every view, so colours mean the same everywhere.

- probabilities: a calm teal; the target: black marks;
- gradients: diverging, blue for negative and red for positive, the same map as the Jacobian;
- surfaces: viridis (ordered, readable in grey), contours in white;
- the two losses compared side by side: cross-entropy red, MSE blue, in the middle shades
  of the same RdBu map, which stand out on the white and on the dark plot background alike.

Every data colour here is the same in both themes (README: a figure means the same thing
in either); only ink, text and the plot background follow the theme (gui/look/theme.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsScene

from gui.look import presentation, theme

PROB_COLOR = QColor("#2a9d8f")
NEGATIVE_COLOR = QColor("#2166ac")
POSITIVE_COLOR = QColor("#b2182b")
HIGHLIGHT_COLOR = QColor("#ff8c00")
POINT_COLOR = QColor("#ff3b30")
CONTOUR_COLOR = QColor(255, 255, 255, 170)
POSITIVE_TEXT_ON_DARK = QColor("#f4a582")
NEGATIVE_TEXT_ON_DARK = QColor("#92c5de")
SEQUENTIAL_MAP = "viridis"
CE_COLOR = QColor("#d6604d")
MSE_COLOR = QColor("#4393c3")


def data_colors() -> dict[str, QColor]:
    """Every data series colour by role; none depends on the theme (tests compare them)."""
    return {"probability": PROB_COLOR, "negative": NEGATIVE_COLOR,
            "positive": POSITIVE_COLOR, "highlight": HIGHLIGHT_COLOR, "point": POINT_COLOR,
            "contour": CONTOUR_COLOR, "cross_entropy": CE_COLOR, "mse": MSE_COLOR}


def configure_pyqtgraph() -> None:
    """Options every plot shares; light until gui/theme.py sets the theme's background and ink."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k",
                        imageAxisOrder="row-major")


def data_pen(color, width: float = 1.0, **options) -> QPen:
    """pg.mkPen for what a plot draws (curves, bar outlines, arrows, marker edges, contours):
    `width` is its normal width, thickened by presentation mode's one factor."""
    return pg.mkPen(color, width=width * presentation.line_scale(), **options)


def marker_size(size: float) -> float:
    """A marker's size in pixels, grown with the lines in presentation mode."""
    return size * presentation.marker_scale()


def new_plot_widget(parent, accessible_name: str) -> pg.PlotWidget:
    """A PlotWidget whose scene has a fixed rectangle and no spatial index.

    Without one, QGraphicsScene recomputes the bounding rectangle of every item after each
    change (measured: ~4% of a frame); the view sets its own visible range anyway.
    """
    widget = pg.PlotWidget(parent)
    widget.setAccessibleName(accessible_name)
    widget.scene().setSceneRect(0, 0, 16000, 16000)
    # items change every frame: a BSP index would be rebuilt each time for a dozen items
    widget.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    for side in ("bottom", "top"):
        spaced_ticks(widget.getPlotItem().getAxis(side))
    return widget


TICK_GAP_PX = 8.0  # free space kept between two neighbouring tick labels
_STEP_UP = {1: 2.0, 2: 2.5, 5: 2.0}  # 0.1 → 0.2 → 0.5 → 1 → 2 …


def step_at_least(minimum: float) -> float:
    """The smallest step of 1, 2 or 5 × 10ⁿ that is at least `minimum` (> 0): the one
    rule for thinning ticks (class ticks, decades, spaced axes)."""
    power = 10.0 ** math.floor(math.log10(minimum))
    for factor in (1, 2, 5, 10):
        if factor * power >= minimum * (1 - 1e-12):
            return factor * power
    return 10 * power
_MINOR_PER = {1: 5, 2: 4, 5: 5}     # unlabelled ticks: 0.2 under 1, 0.5 under 2, 1 under 5


def _mantissa(step: float) -> int:
    """1, 2 or 5: the leading digit of a nice step."""
    return round(step / 10.0 ** math.floor(math.log10(step) + 1e-9))


def spaced_ticks(axis: pg.AxisItem) -> None:
    """A horizontal axis whose labelled ticks are far enough apart for their labels.

    pyqtgraph picks the spacing from the axis's length alone and always labels every major
    tick, so on a narrow plot, or in presentation mode's larger font, "0.6 0.8 1.0" ran
    together into "0.60.81.0". The spacing is widened (1, 2, 5 × 10ⁿ) until the widest
    label and a gap fit between two ticks; explicit ticks (setTicks) are left alone.
    """
    choose = axis.tickSpacing

    def spacing(low: float, high: float, size: float) -> list[tuple[float, float]]:
        levels = choose(low, high, size)
        span = abs(high - low)
        if not levels or size <= 0 or span == 0 or axis._tickSpacing is not None:
            return levels  # nothing to space, or spacing the owner chose
        metrics = QFontMetricsF(axis.style["tickFont"] or axis.font())
        major = levels[0][0]
        for _ in range(8):
            start = math.ceil(min(low, high) / major) * major
            values = [start + k * major for k in range(int(span / major) + 1)][:50]
            texts = axis.tickStrings([v / axis.scale for v in values],
                                     axis.autoSIPrefixScale * axis.scale, major / axis.scale)
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0.0)
            if major * size / span >= widest + TICK_GAP_PX:
                break
            major *= _STEP_UP.get(_mantissa(major), 2.0)
        if major == levels[0][0]:
            return levels
        return [(major, 0.0), (major / _MINOR_PER.get(_mantissa(major), 5), 0.0)]

    axis.tickSpacing = spacing  # pyqtgraph asks the instance (as readable_ticks' strings)


def diverging_map() -> pg.ColorMap:
    """Blue – white – red with white exactly at the centre (ColorBrewer RdBu), so a value
    of 0 is white and the sign is the hue."""
    return pg.ColorMap(pos=[0.0, 0.25, 0.5, 0.75, 1.0],
                       color=["#2166ac", "#92c5de", "#ffffff", "#f4a582", "#b2182b"])


def sequential_map() -> pg.ColorMap:
    return pg.colormap.get(SEQUENTIAL_MAP)


def symmetric_levels(values_abs_max: float) -> tuple[float, float]:
    """Levels centred on 0, so white always means 0; never a zero-width range."""
    m = max(nice_ceiling(values_abs_max), MIN_LEVEL_SPAN)
    return (-m, m)


def sign_color(value: float) -> QColor | None:
    """Text colour for a signed number: red for positive, blue for negative, None (the text
    colour) for zero; lighter shades of the same hues on a dark background."""
    dark = theme.is_dark()
    if value > 0:
        return POSITIVE_TEXT_ON_DARK if dark else POSITIVE_COLOR
    if value < 0:
        return NEGATIVE_TEXT_ON_DARK if dark else NEGATIVE_COLOR
    return None


# Colour levels never span less than this: pyqtgraph divides by the span, and a subnormal
# span (a Jacobian of 1e-310) overflows. Below it the picture is flat anyway.
MIN_LEVEL_SPAN = 1e-12
_NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceiling(x: float) -> float:
    """The smallest 'round' number ≥ x > 0 (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k).

    Plot ranges and colour levels snap to these, so a small change of the data does not
    rescale the axes (which would cost a redraw of every tick label and make colours drift).
    """
    if not x > 0:
        return 0.0
    exponent = math.floor(math.log10(x))
    base = 10.0 ** exponent
    for step in _NICE_STEPS:
        if step * base >= x * (1 - 1e-12):
            return step * base
    return 10.0 * base


def nice_range(low: float, high: float) -> tuple[float, float]:
    """low and high pushed outward to nice_ceiling of their distance from 0."""
    lo = -nice_ceiling(-low) if low < 0 else (0.0 if low >= 0 and high > 0 else low)
    hi = nice_ceiling(high) if high > 0 else 0.0
    if hi - lo < MIN_LEVEL_SPAN * max(1.0, abs(hi), abs(lo)):
        hi = lo + MIN_LEVEL_SPAN * max(1.0, abs(lo))  # a flat or subnormal surface
    return lo, hi


_only_grow = False  # an animation's ranges: see ranges_only_grow


@contextmanager
def ranges_only_grow() -> Iterator[None]:
    """Within the block sticky ranges never shrink: an animation shows every frame's state
    once before drawing any, so its axes cover all frames and hold from the first."""
    global _only_grow
    before, _only_grow = _only_grow, True
    try:
        yield
    finally:
        _only_grow = before


def sticky_range(current: tuple[float, float] | None, needed: tuple[float, float],
                 keep_above: float = 0.5) -> tuple[float, float]:
    """The range to show: `current` while it holds `needed` and `needed` fills at least
    keep_above of it; otherwise `needed` (within ranges_only_grow: both together).

    While a slider is dragged, an axis or colour scale that re-fits every frame jumps
    about (and re-laying out the axis costs 3–7 ms a frame); this one grows at once and
    shrinks only when the data has shrunk to less than half of it.
    """
    if current is None:
        return needed
    lo, hi = current
    if _only_grow:
        return min(lo, needed[0]), max(hi, needed[1])
    span = hi - lo
    inside = lo <= needed[0] and needed[1] <= hi
    if inside and span > 0 and (needed[1] - needed[0]) >= keep_above * span:
        return current
    return needed

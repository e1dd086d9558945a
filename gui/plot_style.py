"""Colours and pyqtgraph settings shared by every view, so colours mean the same everywhere.

- probabilities: a calm teal; the target: black marks;
- gradients: diverging, blue for negative and red for positive, the same map as the Jacobian;
- surfaces: viridis (ordered, readable in grey), contours in white.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

PROB_COLOR = QColor("#2a9d8f")
TARGET_COLOR = QColor("#111111")
NEGATIVE_COLOR = QColor("#2166ac")
POSITIVE_COLOR = QColor("#b2182b")
HIGHLIGHT_COLOR = QColor("#ff8c00")
POINT_COLOR = QColor("#ff3b30")
CONTOUR_COLOR = QColor(255, 255, 255, 170)
DIVERGING_MAP = "CET-D1A"     # blue – white – red, perceptually even
SEQUENTIAL_MAP = "viridis"


def configure_pyqtgraph() -> None:
    pg.setConfigOptions(antialias=True, background="w", foreground="k",
                        imageAxisOrder="row-major")


def diverging_map() -> pg.ColorMap:
    return pg.colormap.get(DIVERGING_MAP)


def sequential_map() -> pg.ColorMap:
    return pg.colormap.get(SEQUENTIAL_MAP)


def symmetric_levels(values_abs_max: float) -> tuple[float, float]:
    """Levels centred on 0, so white always means 0; never a zero-width range."""
    m = values_abs_max if values_abs_max > 0 else 1e-12
    return (-m, m)


def sign_color(value: float) -> QColor:
    return POSITIVE_COLOR if value > 0 else NEGATIVE_COLOR

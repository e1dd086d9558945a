"""Presentation mode: larger text and thicker lines, for a classroom projector.

A projected 1024×768 picture is read from the back of a room, where 9-point text and
1-pixel curves vanish. Like the theme and the language, it is an appearance chosen before
a window is built: set_presentation scales the application's font (every label, menu,
axis tick and readout follows it), and plot items read font_scale and line_scale when they
are created (plot_style.data_pen, TextGridItem, the fixed-width code font). The window is
rebuilt when it changes (appearance_switch.py), and the headless export calls it before it
builds its window.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONT_SCALE = 1.3   # 9 pt → 11.7 pt: readable from the back, still fits 1024×768
LINE_SCALE = 2.0   # a 1.5 px curve → 3 px: visible through a projector's blur
MARKER_SCALE = 1.5  # markers grow less: a 12 px point at 24 px would hide what it marks

_on = False
_base_font: QFont | None = None  # the application's own font, before any scaling


def set_presentation(on: bool) -> None:
    """Presentation mode on or off for everything built from now on. Call it once the
    QApplication exists and before the window is built (as apply_theme)."""
    global _on, _base_font
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("set_presentation needs a QApplication: make it first")
    if _base_font is None:
        _base_font = QFont(app.font())
    app.setFont(scaled_font(_base_font, FONT_SCALE if on else 1.0))
    _on = bool(on)


def is_presentation() -> bool:
    return _on


def font_scale() -> float:
    """What a font size fixed in points is multiplied by (1 outside presentation mode)."""
    return FONT_SCALE if _on else 1.0


def line_scale() -> float:
    """What a plot pen's width is multiplied by."""
    return LINE_SCALE if _on else 1.0


def marker_scale() -> float:
    """What a marker's size (points, handles, the current point) is multiplied by."""
    return MARKER_SCALE if _on else 1.0


def scaled_font(font: QFont, factor: float) -> QFont:
    """A copy of font, factor times as large (in points, or pixels if it was set so)."""
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return font


def fixed_font() -> QFont:
    """The system's fixed-width font (code, tracebacks) at the mode's size: Qt gives it its
    own point size, which the application font's scaling does not reach."""
    return scaled_font(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont),
                       font_scale())

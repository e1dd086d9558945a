"""Light and dark themes: the Qt palette, the plots' background and ink, and the few plot
colours that must contrast with the background.

The data colours (teal probabilities, red/blue signs, the RdBu and viridis maps) are the
same in both themes, so a figure means the same thing in either; the diverging map keeps
white at 0 in both, and the Jacobian picks each cell's text colour from the cell, not from
the theme. Plots read these colours when they are built, and the window is rebuilt when the
theme changes (see window_host.py).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

THEMES = ("system", "light", "dark")
PLOT_BACKGROUND = {"light": "#ffffff", "dark": "#1e1f22"}

_dark = False


class ThemeError(ValueError):
    """An unknown theme name."""


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    return app is not None and app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(name: str) -> str:
    """light or dark: what `name` means on this system."""
    if name not in THEMES:
        raise ThemeError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}")
    if name == "system":
        return "dark" if system_is_dark() else "light"
    return name


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e6e6e6",
        # inputs lighter than the window, so Fusion's check and radio boxes stand out
        QPalette.ColorRole.Base: "#3a3d41", QPalette.ColorRole.AlternateBase: "#34373b",
        QPalette.ColorRole.ToolTipBase: "#3c3f41", QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c", QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#3a3d41", QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b", QPalette.ColorRole.Light: "#4a4d51",
        QPalette.ColorRole.Midlight: "#404347", QPalette.ColorRole.Mid: "#55585c",
        QPalette.ColorRole.Dark: "#1a1b1e", QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3d7bd9", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb2ff", QPalette.ColorRole.LinkVisited: "#c09cff",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


# Check and radio box outlines on the dark theme: Fusion draws them in the window colour
# made darker, which vanishes on a dark window; these keep a contrast ratio of at least
# 3:1 with the window (WCAG's minimum for a control's boundary), the disabled one too.
DARK_INDICATOR = {"enabled": QColor("#b4b4b4"), "disabled": QColor("#8a8a8a")}


class IndicatorContrastStyle(QProxyStyle):
    """Fusion, with check and radio boxes whose outline and mark stand out on dark.

    Fusion takes an indicator's outline from the window colour and paints the radio
    button's dot half transparent, both invisible on a dark window; the palette cannot
    change that, so this style draws a light outline (and an opaque dot) over Fusion's.
    """

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        kinds = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                 QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        if not _dark or element not in kinds:
            return
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        colour = DARK_INDICATOR["enabled" if enabled else "disabled"]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            painter.drawRect(box)
        else:
            painter.drawEllipse(box)
            if option.state & QStyle.StateFlag.State_On:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(option.palette.color(QPalette.ColorRole.Text) if enabled
                                 else colour)
                r = box.width() / 4.5
                painter.drawEllipse(box.center(), r, r)
        painter.restore()


def apply_theme(name: str) -> str:
    """Make `name` the theme of everything built from now on; returns light or dark."""
    global _dark
    resolved = resolve(name)
    app = QApplication.instance()
    # the same look, and a palette it honours, on every platform
    app.setStyle(IndicatorContrastStyle("Fusion"))
    palette = dark_palette() if resolved == "dark" else app.style().standardPalette()
    app.setPalette(palette)
    _dark = resolved == "dark"
    pg.setConfigOptions(background=QColor(PLOT_BACKGROUND[resolved]),
                        foreground=palette.color(QPalette.ColorRole.Text))
    return resolved


def is_dark() -> bool:
    return _dark


def arrow_icon(direction: str) -> QIcon:
    """A left or right arrow (undo, redo) in the theme's ink, sharp at any scale factor.

    Fusion's standard arrows are black whatever the palette, so invisible on dark.
    """
    icon = QIcon()
    for scale in (1, 2, 3):
        pixmap = QPixmap(16 * scale, 16 * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(ink(), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        tip, tail = (QPointF(3, 8), QPointF(13, 8)) if direction == "left" else (
            QPointF(13, 8), QPointF(3, 8))
        head = -4.5 if direction == "right" else 4.5
        painter.drawLine(tail, tip)
        painter.drawLine(tip, QPointF(tip.x() + head, 3.5))
        painter.drawLine(tip, QPointF(tip.x() + head, 12.5))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def ink() -> QColor:
    """Marks drawn in the text colour (the target bars, reference lines)."""
    return QColor("#e6e6e6") if _dark else QColor("#111111")


def muted_ink() -> QColor:
    """Reference lines and secondary curves."""
    return QColor("#9a9a9a") if _dark else QColor("#555555")


def error_text() -> QColor:
    """What went wrong (torch's exceptions on the pitfall cards)."""
    return QColor("#ff8a80") if _dark else QColor("#b2182b")


def fix_text() -> QColor:
    """What the fix gives."""
    return QColor("#7ee29b") if _dark else QColor("#1a7f37")


def value_text() -> QColor:
    """The probability labels above the teal bars."""
    return QColor("#7fd6cb") if _dark else QColor("#1c6960")

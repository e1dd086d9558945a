"""What a figure leaves out: the window's hints and controls (a "3-D" check box, "hover a
cell") help someone at the screen and mean nothing on paper.

A widget marked with mark_hint is hidden while a figure is drawn (gui/shell/figure_mode.py).
A view whose text holds a hint (a title ending "— hover a cell") instead has a method
set_figure_mode(on) that writes its texts without the hint while on, also on the updates
that come meanwhile (the frames of an animation).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

HINT_PROPERTY = "lossLensHint"  # a dynamic property: True on a widget a figure leaves out


def mark_hint(widget: QWidget) -> QWidget:
    """Leave widget (a control or a hint for the screen) out of figures; returns it."""
    widget.setProperty(HINT_PROPERTY, True)
    return widget


def is_hint(widget: QWidget) -> bool:
    return bool(widget.property(HINT_PROPERTY))

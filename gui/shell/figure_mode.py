"""Figure mode: while a figure is drawn, the view shows what a figure shows (the plot, its
title, axes, legend and colour bar) and none of the window's hints and controls.

Every figure goes through here, the window's File ▸ Export and `main.py export` and
`animate` alike, so a figure from the command line equals one from the window. Within the
block:
- widgets marked with gui.items.figure_hints.mark_hint (the surface's "3-D" box) are hidden;
- views with set_figure_mode(on) write their texts without hints ("— hover a cell");
- one view drawn alone gets its plots' background all round, not the window's grey frame
  (the whole window keeps its own look: it is a picture of the app).
The layout is settled before the block runs and everything is restored after.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from gui.items.figure_hints import is_hint

SETTLE_ROUNDS = 4  # paints until the picture stops changing (pyqtgraph sizes axes as it paints)


@contextmanager
def figure_mode(root: QWidget) -> Iterator[None]:
    """root (a view, a panel or the whole window) drawn as a figure within the block."""
    widgets = [root, *root.findChildren(QWidget)]
    hidden = [w for w in widgets if is_hint(w) and not w.isHidden()]
    views = [w for w in widgets if callable(getattr(w, "set_figure_mode", None))]
    own_palette = root.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
    palette = QPalette(root.palette())
    try:
        for widget in hidden:
            widget.hide()
        for view in views:
            view.set_figure_mode(True)
        if not isinstance(root, QMainWindow):
            page = QPalette(root.palette())
            page.setColor(QPalette.ColorRole.Window, figure_background())
            root.setPalette(page)
        settle(root)
        yield
    finally:
        for widget in hidden:
            widget.show()
        for view in views:
            view.set_figure_mode(False)
        if not isinstance(root, QMainWindow):
            # back to the palette it had, or to inheriting its parent's (the app's)
            root.setPalette(palette if own_palette else QPalette())


def figure_background() -> QColor:
    """The plots' background (the theme's), which a figure has all round."""
    return QColor(pg.mkColor(pg.getConfigOption("background")))


def settle(root: QWidget, rounds: int = SETTLE_ROUNDS) -> None:
    """Lay out and paint until the picture stops changing: pyqtgraph sizes an axis to its
    tick labels while it paints, and its layout follows in the next event pass."""
    app = QApplication.instance()
    app.processEvents()
    picture = root.grab().toImage()
    for _ in range(rounds):
        app.processEvents()
        again = root.grab().toImage()
        if again == picture:
            return
        picture = again

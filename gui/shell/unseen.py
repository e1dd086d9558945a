"""Build the offscreen export window inside the running app without it showing on screen.

`main.py export` and `animate` draw a view in a MainWindow of their own, on the offscreen
platform. The window's File ▸ Export figure (at a chosen pixel size) and File ▸ Export
animation use the same code inside the app, where the platform is the real screen: there
that window would flash up over the user's. Qt draws a widget marked WA_DontShowOnScreen
exactly as a shown one (layout, painting, grab) but never maps it, and the mark is set on
each new top-level widget as its Show event arrives, which Qt sends before it maps it.
The language, theme and presentation mode the export installs are the app's own, given
back unchanged, and QT_QPA_PLATFORM (which the export sets for a fresh process) is put back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from gui.look.language import current_language
from gui.look.presentation import is_presentation
from gui.look.theme import is_dark


class _KeepOffScreen(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and watched not in self.existing):
            watched.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        return False


def appearance() -> dict[str, object]:
    """The app's language, theme (light or dark) and presentation mode, as the export's
    keyword arguments, so a figure from the window looks like the window."""
    return {"language": current_language(), "theme": "dark" if is_dark() else "light",
            "presentation": is_presentation()}


@contextmanager
def unseen_windows() -> Iterator[None]:
    """Windows made inside this block are drawn but never appear on the screen."""
    app = QApplication.instance()
    keeper = _KeepOffScreen()
    keeper.existing = set(app.topLevelWidgets())
    platform = os.environ.get("QT_QPA_PLATFORM")
    app.installEventFilter(keeper)
    try:
        yield
    finally:
        app.removeEventFilter(keeper)
        if platform is None:
            os.environ.pop("QT_QPA_PLATFORM", None)
        else:
            os.environ["QT_QPA_PLATFORM"] = platform

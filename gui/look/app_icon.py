"""The application's icon (window title bars, task switchers, the About box): the same
SVG the desktop entry installs, so every place shows one picture."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from core.resources import resource_path

ICON_FILE = "loss-lens.svg"


def app_icon() -> QIcon:
    return QIcon(str(resource_path("desktop", ICON_FILE)))

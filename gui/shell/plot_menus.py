"""The plots' right-click menu: in the app's language, and exporting with the app's export.

pyqtgraph builds each plot's menu itself (View All, X axis, Y axis, Mouse Mode, Plot
Options) with QCoreApplication.translate under its own contexts ("ViewBox", "PlotItem",
"Form"). PYQTGRAPH_TEXTS marks those same strings for lupdate, so the app's .ts carries
their translations and the installed translator answers pyqtgraph's own calls; the window
is rebuilt on a language switch, so its menus are always made in the current language.
Their tooltips stay pyqtgraph's English.

The menu's last entry, pyqtgraph's "Export...", opened pyqtgraph's own exporter; install()
replaces it on every plot of the window by File ▸ Export figure for the view the plot
belongs to, so a figure from the menu equals one from the File menu, and adds Copy
picture, that view alone on the clipboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from gui import registry

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow


# pyqtgraph 0.14's texts, in its contexts (ViewBoxMenu.py, PlotItem.py and the two forms
# axisCtrlTemplate_generic.py and plotConfigTemplate_generic.py), for lupdate to collect
PYQTGRAPH_TEXTS = (
    QT_TRANSLATE_NOOP("ViewBox", "ViewBox options"),
    QT_TRANSLATE_NOOP("ViewBox", "View All"),
    QT_TRANSLATE_NOOP("ViewBox", "axis"),
    QT_TRANSLATE_NOOP("ViewBox", "Mouse Mode"),
    QT_TRANSLATE_NOOP("ViewBox", "3 button"),
    QT_TRANSLATE_NOOP("ViewBox", "1 button"),
    QT_TRANSLATE_NOOP("PlotItem", "Plot Options"),
    QT_TRANSLATE_NOOP("PlotItem", "Transforms"),
    QT_TRANSLATE_NOOP("PlotItem", "Downsample"),
    QT_TRANSLATE_NOOP("PlotItem", "Average"),
    QT_TRANSLATE_NOOP("PlotItem", "Alpha"),
    QT_TRANSLATE_NOOP("PlotItem", "Grid"),
    QT_TRANSLATE_NOOP("PlotItem", "Points"),
    QT_TRANSLATE_NOOP("Form", "Link Axis:"),
    QT_TRANSLATE_NOOP("Form", "Auto"),
    QT_TRANSLATE_NOOP("Form", "Manual"),
    QT_TRANSLATE_NOOP("Form", "Invert Axis"),
    QT_TRANSLATE_NOOP("Form", "Mouse Enabled"),
    QT_TRANSLATE_NOOP("Form", "Visible Data Only"),
    QT_TRANSLATE_NOOP("Form", "Auto Pan Only"),
    QT_TRANSLATE_NOOP("Form", "Average"),
    QT_TRANSLATE_NOOP("Form", "Clip to View"),
    QT_TRANSLATE_NOOP("Form", "Max Traces:"),
    QT_TRANSLATE_NOOP("Form", "Downsample"),
    QT_TRANSLATE_NOOP("Form", "Peak"),
    QT_TRANSLATE_NOOP("Form", "Forget hidden traces"),
    QT_TRANSLATE_NOOP("Form", "Mean"),
    QT_TRANSLATE_NOOP("Form", "Subsample"),
    QT_TRANSLATE_NOOP("Form", "Log X"),
    QT_TRANSLATE_NOOP("Form", "Log Y"),
    QT_TRANSLATE_NOOP("Form", "Power Spectrum (FFT)"),
    QT_TRANSLATE_NOOP("Form", "Subtract Mean"),
    QT_TRANSLATE_NOOP("Form", "Points"),
    QT_TRANSLATE_NOOP("Form", "Show X Grid"),
    QT_TRANSLATE_NOOP("Form", "Show Y Grid"),
    QT_TRANSLATE_NOOP("Form", "Opacity"),
    QT_TRANSLATE_NOOP("Form", "Alpha"),
)


def scenes_of(widget: QWidget) -> list[pg.GraphicsScene]:
    """The pyqtgraph scenes drawn inside widget (its plots)."""
    views = ([widget] if isinstance(widget, pg.GraphicsView) else []) + \
        widget.findChildren(pg.GraphicsView)
    return [v.scene() for v in views if isinstance(v.scene(), pg.GraphicsScene)]


def export_action(window: MainWindow, view: str, parent) -> QAction:
    """The menu's export entry: File ▸ Export figure, with `view` chosen."""
    text = QCoreApplication.translate("PlotMenus", "Export figure of “%1”…")
    action = QAction(text.replace("%1", registry.entry(view).title()), parent)
    action.setObjectName(f"export_{view}")
    action.triggered.connect(lambda _=False: window.files.export_dialog(view))
    return action


def copy_action(window: MainWindow, view: str, parent) -> QAction:
    """The menu's copy entry: a picture of `view` alone on the clipboard (Edit ▸ Copy
    picture copies the whole window)."""
    text = QCoreApplication.translate("PlotMenus", "Copy picture of “%1”")
    action = QAction(text.replace("%1", registry.entry(view).title()), parent)
    action.setObjectName(f"copy_{view}")
    action.triggered.connect(lambda _=False: window.files.copy_view(view))
    return action


def take_over_menus(window: MainWindow, view: str, widget: QWidget) -> None:
    """Every plot of `view` (built as widget) exports and copies with the app's export."""
    for scene in scenes_of(widget):
        scene.contextMenu = [export_action(window, view, scene),
                             copy_action(window, view, scene)]


def install(window: MainWindow) -> None:
    """The window's plots, those built now and the panels built later, use the app's export."""
    for name, view in window.views.items():
        take_over_menus(window, name, view)
    for name, lazy in window.lazy_panels.items():
        if lazy.is_built():
            take_over_menus(window, name, lazy.content())
        lazy.built.connect(lambda panel, name=name: take_over_menus(window, name, panel))

"""The main window's centre: the tab bar across the top (the classifier views in a 2×2
grid, then each panel on a tab of its own, in gui/registry.py's order), and below it the
controls in a column on the left of the page, in a splitter the user can drag. The column
is hidden on tabs that read none of it (control_scope); the tab bar stays put."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import registry
from gui.items.view_grid import two_by_two
from gui.shell.view_tabs import ViewTabs

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow

DEFAULT_SIZE = QSize(1280, 800)
TITLE_BAR_ROOM = 64  # what a window manager adds above and around a window, at most
CONTROLS_WIDTH = 300      # the controls column at first; the views take the rest
CONTROLS_MIN_WIDTH = 270  # its entries still show a full number (−1.23456789)
translate = QCoreApplication.translate  # lupdate reads translate("MainWindow", "…")


def first_size(window: QWidget) -> QSize:
    """DEFAULT_SIZE, or less where the screen's free area is smaller: at 1280×800 on a
    1280×800 screen the title bar pushed the status bar (and what it says) off screen.
    The offscreen platform's screen is nominal, so exports and tests keep DEFAULT_SIZE."""
    screen = window.screen()
    if screen is None or QGuiApplication.platformName() == "offscreen":
        return DEFAULT_SIZE
    free = screen.availableGeometry().size()
    return DEFAULT_SIZE.boundedTo(QSize(free.width(), free.height() - TITLE_BAR_ROOM))


def build_centre(window: MainWindow) -> ViewTabs:
    """The central widget, window.tabs: the tab bar over [controls column | page]."""
    window.controls_column = controls_column(window)
    window.tabs = view_tabs(window, window.controls_column)
    return window.tabs


def controls_column(window: MainWindow) -> QScrollArea:
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(6, 6, 6, 6)
    window.scope_note = QLabel(panel)  # why some controls are greyed (control_scope)
    layout.addWidget(window.scope_note)
    window.control_boxes = {}
    for name, title, editor in (
            ("logits", translate("MainWindow", "Logits a"), window.logits_editor),
            ("target", translate("MainWindow", "Target y"), window.target_editor),
            ("loss", translate("MainWindow", "Loss"), window.loss_editor)):
        box = QGroupBox(title, panel)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(6, 4, 6, 6)
        box_layout.addWidget(editor)
        layout.addWidget(box)
        window.control_boxes[name] = box
    layout.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(panel)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(CONTROLS_MIN_WIDTH)
    scroll.setAccessibleName(translate("MainWindow", "Controls"))
    return scroll


def view_tabs(window: MainWindow, column: QWidget) -> ViewTabs:
    tabs = ViewTabs(column)
    tabs.splitter.setSizes([CONTROLS_WIDTH, DEFAULT_SIZE.width() - CONTROLS_WIDTH])
    tabs.addTab(two_by_two(*window.views.values()), translate("MainWindow", "Classifier"))
    for name, lazy in window.lazy_panels.items():
        tabs.addTab(lazy, registry.entry(name).title())
    return tabs

"""Four views in a resizable 2×2 grid: nested splitters that share out the space evenly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget


def two_by_two(top_left: QWidget, top_right: QWidget, bottom_left: QWidget,
               bottom_right: QWidget) -> QSplitter:
    top = QSplitter(Qt.Orientation.Horizontal)
    top.addWidget(top_left)
    top.addWidget(top_right)
    bottom = QSplitter(Qt.Orientation.Horizontal)
    bottom.addWidget(bottom_left)
    bottom.addWidget(bottom_right)
    grid = QSplitter(Qt.Orientation.Vertical)
    grid.addWidget(top)
    grid.addWidget(bottom)
    for splitter in (top, bottom, grid):
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([1, 1])
    return grid

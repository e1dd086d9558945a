"""Four views in a resizable 2×2 grid: nested splitters.

The left column holds the plots that use any width (softmax bars, the loss surface); the
right one the Jacobian map and the gradient table, which show all they have at about
RIGHT_WIDE pixels. Until the user drags a row's handle, the columns share the width
evenly up to that, and the left column takes the rest: in a 1920-pixel window the table
took half the width and left the plots a third of the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

MIN_VIEW_WIDTH = 230  # a view narrower than this is unreadable (titles wrap, plots shrink)
MIN_VIEW_HEIGHT = 160
RIGHT_WIDE = 560  # the right column's width beyond which the left one takes the extra


class _Row(QSplitter):
    """A row of two views; shares its width by the rule above until its handle is dragged."""

    def __init__(self, left: QWidget, right: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        for view in (left, right):
            view.setMinimumWidth(MIN_VIEW_WIDTH)
            view.setMinimumHeight(MIN_VIEW_HEIGHT)
            self.addWidget(view)
        self.setChildrenCollapsible(False)
        self.user_sized = False
        self.splitterMoved.connect(self._on_moved)

    def _on_moved(self, _pos: int, _index: int) -> None:
        self.user_sized = True

    def share(self) -> None:
        if self.user_sized:
            return
        room = self.width() - self.handleWidth()
        right = max(MIN_VIEW_WIDTH, min(room // 2, RIGHT_WIDE))
        self.setSizes([room - right, right])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share()


def two_by_two(top_left: QWidget, top_right: QWidget, bottom_left: QWidget,
               bottom_right: QWidget) -> QSplitter:
    grid = QSplitter(Qt.Orientation.Vertical)
    grid.addWidget(_Row(top_left, top_right))
    grid.addWidget(_Row(bottom_left, bottom_right))
    grid.setChildrenCollapsible(False)
    grid.setSizes([1, 1])
    return grid

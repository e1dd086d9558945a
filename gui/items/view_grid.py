"""Four views in a resizable 2×2 grid: nested splitters; a double-click on a view's texts
shows it alone (and again all four).

The left column holds the plots that use any width (softmax bars, the loss surface); the
right one the Jacobian map and the gradient table, which show all they have at about
RIGHT_WIDE pixels. Until the user drags a row's handle, the columns share the width
evenly up to that, and the left column takes the rest: in a 1920-pixel window the table
took half the width and left the plots a third of the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSplitter, QWidget

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


class ViewGrid(QSplitter):
    """The two rows; a double-click on a view's title or captions shows that view alone
    (for a projector, where four views are too small), and again shows all four."""

    def __init__(self, views: tuple[QWidget, QWidget, QWidget, QWidget]) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.views = views
        self.rows = (_Row(views[0], views[1]), _Row(views[2], views[3]))
        for row in self.rows:
            self.addWidget(row)
        self.setChildrenCollapsible(False)
        self.setSizes([1, 1])
        self.alone: QWidget | None = None
        for view in views:
            view.installEventFilter(self)
            title = _title(view)
            if title is not None and not title.toolTip():
                title.setToolTip(QCoreApplication.translate(
                    "ViewGrid", "Double-click to show this view alone; again for all four"))

    def show_alone(self, view: QWidget | None) -> None:
        """view by itself in the grid's space, or (None) all four."""
        self.alone = view
        for row, pair in zip(self.rows, (self.views[:2], self.views[2:]), strict=True):
            row.setVisible(view is None or view in pair)
            for member in pair:
                member.setVisible(view is None or member is view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # plots take their own double-clicks; what reaches the view is on its texts
        if event.type() == QEvent.Type.MouseButtonDblClick and watched in self.views:
            self.show_alone(None if self.alone is watched else watched)
            return True
        return super().eventFilter(watched, event)


def _title(view: QWidget) -> QLabel | None:
    """The view's first row, when it is a label (view_column puts the title there)."""
    layout = view.layout()
    first = layout.itemAt(0).widget() if layout is not None and layout.count() else None
    return first if isinstance(first, QLabel) else None


def two_by_two(top_left: QWidget, top_right: QWidget, bottom_left: QWidget,
               bottom_right: QWidget) -> ViewGrid:
    return ViewGrid((top_left, top_right, bottom_left, bottom_right))

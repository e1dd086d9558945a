"""A QGraphicsView that shows its whole drawing, scaled to fit with its aspect kept, but
never so small that its text cannot be read: a drawing too large for that keeps the
smallest readable scale and scrolls. The wheel zooms about the pointer (and then the view
stops fitting itself); a double click fits again."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

MIN_FIT = 0.8    # below this the boxes' small text is not readable: scroll instead
MAX_FIT = 1.3    # a small drawing is not blown up beyond this
MARGIN = 8.0     # scene units kept around the drawing


class ZoomView(QGraphicsView):
    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.zoomed = False  # the user chose a scale: leave it until fit() is asked for
        self.whole = False   # a figure: the whole drawing, however small, no scroll bars

    def set_drawing(self, rect: QRectF) -> None:
        """The drawing's extent changed: fit it again."""
        self.scene().setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self.zoomed = False
        self.fit()

    def fit_scale(self) -> float:
        rect = self.sceneRect()
        view = self.viewport().rect()
        if rect.width() <= 0 or rect.height() <= 0 or view.width() <= 0:
            return 1.0
        scale = min(view.width() / rect.width(), view.height() / rect.height())
        return min(MAX_FIT, scale if self.whole else max(MIN_FIT, scale))

    def set_whole(self, on: bool) -> None:
        """A figure shows the whole drawing (scaled down if need be), without scroll bars."""
        self.whole = on
        policy = (Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on
                  else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)
        self.zoomed = False
        self.fit()

    def fit(self) -> None:
        """The whole drawing, or its top (the loss) at the smallest readable scale."""
        scale = self.fit_scale()
        self.resetTransform()
        self.scale(scale, scale)
        rect = self.sceneRect()
        view = self.viewport().rect()
        visible_height = view.height() / scale
        y = rect.center().y() if visible_height >= rect.height() else (
            rect.top() + visible_height / 2)
        self.centerOn(rect.center().x(), y)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.zoomed:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if not steps:
            return super().wheelEvent(event)
        factor = 1.15 ** steps
        now = self.transform().m11()
        if 0.2 <= now * factor <= 4.0:
            self.scale(factor, factor)
            self.zoomed = True
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.zoomed = False
        self.fit()
        event.accept()

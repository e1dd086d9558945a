"""A QGraphicsView that shows its whole drawing, scaled to fit with its aspect kept, but
never so small that its text cannot be read: a drawing too large for that keeps the
smallest readable scale and scrolls, its top left (the caption's start) in sight. The wheel
scrolls, as in most viewers; Ctrl+wheel zooms about the pointer (and then the view stops
fitting itself); a double click fits again.

Its size hint is its minimum size, never the drawing's: a layout that sizes the tab from
its children's hints (a scroll area asks the tab's height for its width) must not grow
with the drawing. The hints Qt caches used to hide that until a style change (an export
at a size re-applies the theme) dropped them: the tab then grew an outer scroll bar.
A figure (set_whole) is drawn whole; afterwards the view is given back as it was: its
scale, where it was scrolled to, its scroll bars."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QStyle, QWidget

MIN_FIT = 0.8    # below this the boxes' small text is not readable: scroll instead
MIN_WIDTH_FIT = 0.75  # …but a drawing a little too wide is fitted to the width down to this
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
        # what a figure changed, given back after it: (scale, scroll positions, zoomed,
        # viewport size)
        self._kept: tuple[QTransform, int, int, bool, QSize] | None = None

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def set_drawing(self, rect: QRectF) -> None:
        """The drawing's extent changed: fit it again."""
        self.scene().setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self.zoomed = False
        self._kept = None
        self.fit()

    def fit_scale(self) -> float:
        """The whole drawing's scale, at least MIN_FIT on screen; a drawing that scrolls
        down is fitted to the width left beside the scroll bar if MIN_WIDTH_FIT allows, so
        it does not also scroll sideways for a few pixels."""
        rect = self.sceneRect()
        if rect.width() <= 0 or rect.height() <= 0 or self.width() <= 0:
            return 1.0
        if self.whole:
            view = self.viewport().rect()
            return min(MAX_FIT, view.width() / rect.width(), view.height() / rect.height())
        width, height = self.width(), self.height()  # no frame: the viewport without bars
        scale = min(width / rect.width(), height / rect.height())
        if scale >= MIN_FIT:
            return min(MAX_FIT, scale)
        if rect.height() * MIN_FIT > height:  # it scrolls down: a vertical bar takes room
            width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        across = width / rect.width()
        return across if MIN_WIDTH_FIT <= across < MIN_FIT else MIN_FIT

    def set_whole(self, on: bool) -> None:
        """A figure shows the whole drawing (scaled down if need be), without scroll bars;
        off again, the view is as it was before (scale, scroll position)."""
        if on == self.whole:
            return
        if on:
            self._kept = (self.transform(), self.horizontalScrollBar().value(),
                          self.verticalScrollBar().value(), self.zoomed,
                          self.viewport().size())
        self.whole = on
        policy = (Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on
                  else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)
        if on:
            self.zoomed = False
            self.fit()
        else:
            self._give_back()

    def _give_back(self) -> None:
        """The scale and scroll position kept when the figure began; again when the layout
        gives the view its old size back (the figure's hidden controls shown again)."""
        if self._kept is None:
            return
        transform, h, v, zoomed, size = self._kept
        self.zoomed = zoomed
        if zoomed:
            self.setTransform(transform)
        else:
            self.fit()
        self.horizontalScrollBar().setValue(h)
        self.verticalScrollBar().setValue(v)
        if self.viewport().size() == size:
            self._kept = None

    def fit(self) -> None:
        """The whole drawing, or its top (the loss) at the smallest readable scale."""
        scale = self.fit_scale()
        self.resetTransform()
        self.scale(scale, scale)
        rect = self.sceneRect()
        view = self.viewport().rect()
        visible_width = view.width() / scale
        visible_height = view.height() / scale
        x = rect.center().x() if visible_width >= rect.width() else (
            rect.left() + visible_width / 2)
        y = rect.center().y() if visible_height >= rect.height() else (
            rect.top() + visible_height / 2)
        self.centerOn(x, y)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._kept is not None and not self.whole:
            self._give_back()
        elif not self.zoomed:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel scrolls; Ctrl+wheel zooms about the pointer."""
        self._kept = None
        steps = event.angleDelta().y() / 120.0
        if not steps or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
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

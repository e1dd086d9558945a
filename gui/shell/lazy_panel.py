"""A tab page that builds its content the first time it is needed.

Five learning panels with a dozen plots cost a third of a second to build; nobody sees
them at start-up, so they are built when their tab is first shown (or exported).

The content sits in a scroll area: a panel wider or taller than a small window scrolls
within its tab, rather than setting the whole window's minimum size (one panel 724 px
wide made every tab, and the window, at least 1062 px wide).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class LazyPanel(QWidget):
    built = Signal(QWidget)  # the content, once it exists

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self._layout.addWidget(self.scroll_area)

    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._factory()
            self.scroll_area.setWidget(self._content)
            self._content.show()  # a layout shows a new child only later, in a queued call
            self.built.emit(self._content)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)

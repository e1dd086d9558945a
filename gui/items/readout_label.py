"""Text that changes every frame without re-laying out the window.

A QLabel's setText calls updateGeometry(), and every QLayout that activates calls
updateGeometry() on its own widget in turn, so one changing label makes the whole window
re-lay out and repaint every frame (measured: ~15 ms a frame here). A ReadoutLabel is a
plain widget that reserves a fixed number of lines and only repaints itself on setText.
Use it for numbers that follow the state; keep QLabel for text that rarely changes.

A ReadoutLabel of several lines wraps its words and grows by whole lines when its text
needs more at its width (a narrow window cut the gradient summary at "— all"); it shrinks
back only when its width changes, so a drag whose numbers need a line more, then less,
re-lays out the window once, not every frame.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent, QStaticText, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from core.number_format import minus_in_numbers


class GrowingLabel(QLabel):
    """A QLabel (its text selectable) whose size changes only when its text outgrows it.

    A widget whose minimum and maximum sizes are equal does not ask its layout to re-run
    on setText; the status bar's numbers, a plain QLabel, re-laid out the whole window on
    every frame of a drag.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._fit()

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setMinimumSize(0, 0)
            self.setMaximumSize(16777215, 16777215)
            self._fit()

    def _fit(self) -> None:
        hint = super().sizeHint()
        if hint.width() > self.maximumWidth() or hint.height() != self.maximumHeight():
            self.setFixedSize(max(hint.width(), self.minimumWidth()), hint.height())


def set_text(label: QLabel, text: str) -> None:
    """setText only when the text differs: QLabel repaints even for the same text."""
    if label.text() != text:
        label.setText(text)


class ReadoutLabel(QWidget):
    """lines: the lines reserved at least (one line never wraps)."""

    def __init__(self, lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._text = ""
        # QStaticText lays the text out once per change, not once per paint
        self._static = QStaticText()
        self._static.setTextFormat(Qt.TextFormat.PlainText)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap if lines > 1
                           else QTextOption.WrapMode.NoWrap)
        self._static.setTextOption(option)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._height())
        # it paints its whole rectangle, so Qt need not repaint the parents beneath it
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._see_through = False

    def set_see_through(self, on: bool) -> None:
        """No background while on: a transparent export shows the text alone."""
        self._see_through = on
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, not on)
        self.update()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        text = minus_in_numbers(text)  # one minus sign in every readout: −
        if text != self._text:
            self._text = text
            # QStaticText's plain text ignores "\n"; the Unicode line separator breaks lines
            self._static.setText(text.replace("\n", "\u2028"))
            self.setAccessibleDescription(text)
            needed = self._needed_height()
            if needed > self.height():
                self.setFixedHeight(needed)
            self.update()

    def refit(self) -> None:
        """Take the height the text needs now, smaller too: for a change of what is shown
        (another loss), never per frame (a drag must not re-lay out the window)."""
        needed = self._needed_height()
        if needed != self.height():
            self.setFixedHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            needed = self._needed_height()
            if needed != self.height():
                self.setFixedHeight(needed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setFixedHeight(self._needed_height())

    def _height(self) -> int:
        return self.fontMetrics().lineSpacing() * self._lines + 4

    def _needed_height(self) -> int:
        """The reserved lines, or as many as the text takes at the current width."""
        if self._lines == 1 or not self._text or self.width() <= 8:
            return self._height()
        self._static.setTextWidth(self.width() - 4)
        lines = math.ceil(self._static.size().height() / self.fontMetrics().lineSpacing()
                          - 0.01)
        return max(self._height(), self.fontMetrics().lineSpacing() * lines + 4)

    def sizeHint(self) -> QSize:
        return QSize(120, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self._height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self._see_through:
            painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(self.palette().windowText().color())
        width = self.width() - 4
        if self._static.textWidth() != width:
            self._static.setTextWidth(width)
        painter.setClipRect(QRect(2, 2, width, self.height() - 4))
        painter.drawStaticText(2, 2, self._static)

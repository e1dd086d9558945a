"""A read-only grid of numbers, painted directly, for tables that change every frame.

QTableView asks the model for ~10 roles per cell through Python on every repaint and lays
out each cell's text with the style: measured at ~40% of a frame for a 10×7 table. This
widget keeps the numbers and formats and paints only the rows in view (with 1024 classes,
formatting every cell each frame would cost more than drawing the visible ones).
Hovering a cell shows its column's meaning and the full-precision value.

A header is one or two lines ("∂CE/∂a_i\nautograd"); neighbouring columns whose first line
is the same share it, written once across them, so in a narrow table the second lines
have a column each; a line still too long is cut with "…" and its tooltip says it whole.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from core.number_format import fmt, fmt_fit, minus

HEADER_LINES = 2
INDEX_WIDTH_CHARS = 5
CELL_CHARS = 8  # −0.34100: five significant digits and a sign, before digits are dropped
MIN_CELL_SCALE = 0.75


# a cell with no number (NaN): a value not taken, e.g. central differences beyond the first
# logits at large N
NOT_TAKEN = "—"


class NumberGrid(QAbstractScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(7.5, self.font().pointSizeF() - 1))
        self.viewport().setFont(font)
        self.setFont(font)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)
        self._headers: list[str] = []
        self._tips: list[str] = []
        self._values: list[np.ndarray] = []
        self._colour_of: Callable[[float], QColor | None] | None = None
        self._coloured: list[bool] = []

    # ------------------------------------------------------------------ data
    def set_headers(self, headers: Sequence[str], tips: Sequence[str]) -> None:
        self._headers, self._tips = list(headers), list(tips)
        self.viewport().update()

    def set_columns(self, columns: Sequence[np.ndarray],
                    colour_of: Callable[[float], QColor | None] | None = None,
                    coloured: Sequence[bool] | None = None) -> None:
        """One array per column; colour_of(value) picks a text's colour in the columns
        flagged in `coloured` (all columns when it is None)."""
        rows_before = self.row_count()
        self._values = [np.asarray(c) for c in columns]
        self._colour_of = colour_of
        self._coloured = list(coloured) if coloured is not None else [True] * len(columns)
        if self.row_count() != rows_before:
            self._update_scrollbar()
        self.viewport().update()

    def row_count(self) -> int:
        return len(self._values[0]) if self._values else 0

    def column_count(self) -> int:
        return len(self._headers)

    def text(self, row: int, column: int) -> str:
        value = float(self._values[column][row])
        return NOT_TAKEN if math.isnan(value) else fmt(value)

    def value(self, row: int, column: int) -> float:
        return float(self._values[column][row])

    # ------------------------------------------------------------------ geometry
    def _row_height(self) -> int:
        return self.fontMetrics().lineSpacing() + 4

    def _header_height(self) -> int:
        return self._row_height() * HEADER_LINES

    def _index_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("0" * INDEX_WIDTH_CHARS)

    def _header_lines(self, column: int) -> list[str]:
        """The header's lines, top to bottom, HEADER_LINES of them (a short one at the foot)."""
        lines = self._headers[column].split("\n")[:HEADER_LINES]
        return [""] * (HEADER_LINES - len(lines)) + lines

    def _header_spans(self, line: int) -> list[tuple[int, int, str]]:
        """(first column, last column, text) of each run of columns showing the same text
        on `line`; the last line is one column each."""
        spans: list[tuple[int, int, str]] = []
        for column in range(len(self._headers)):
            lines = self._header_lines(column)
            text = lines[line]
            if (line < HEADER_LINES - 1 and spans and spans[-1][2] == text and text
                    and self._header_lines(spans[-1][1])[:line + 1] == lines[:line + 1]):
                spans[-1] = (spans[-1][0], column, text)
            else:
                spans.append((column, column, text))
        return spans

    def header_shown(self, column: int) -> list[str]:
        """The header's lines as painted (cut with "…" where they do not fit)."""
        shown = []
        for line in range(HEADER_LINES):
            for first, last, text in self._header_spans(line):
                if first <= column <= last:
                    shown.append(self._elided(text, first, last))
        return [text for text in shown if text]

    def header_tooltip(self, column: int) -> str:
        """The header in full, then what the column means."""
        full = " ".join(text for text in self._header_lines(column) if text)
        return f"{full}\n{self._tips[column]}" if self._tips[column] else full

    def _elided(self, text: str, first: int, last: int) -> str:
        x, width = self._column_rect(first)
        span = self._column_rect(last)[0] + width - x
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, span - 6)

    def _column_rect(self, column: int) -> tuple[int, int]:
        """x and width of a data column: the columns share the width after the index."""
        left = self._index_width()
        width = max(1, (self.viewport().width() - left) // max(1, len(self._headers)))
        return left + column * width, width

    def _update_scrollbar(self) -> None:
        visible = max(0, (self.viewport().height() - self._header_height()) // self._row_height())
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, self.row_count() - visible))
        bar.setPageStep(max(1, visible))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_scrollbar()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()  # rows are painted by index, not scrolled as pixels

    def sizeHint(self) -> QSize:
        return QSize(480, self._header_height() + 6 * self._row_height())

    def cell_at(self, x: int, y: int) -> tuple[int, int] | None:
        if y < self._header_height() or x < self._index_width() or not self._headers:
            return None
        row = (y - self._header_height()) // self._row_height() + self.verticalScrollBar().value()
        left = self._index_width()
        width = self._column_rect(0)[1]
        column = (x - left) // width
        if 0 <= row < self.row_count() and 0 <= column < len(self._headers):
            return int(row), int(column)
        return None

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        rect = self.viewport().rect()
        painter.fillRect(rect, palette.base())
        row_h, head_h = self._row_height(), self._header_height()
        index_w = self._index_width()
        columns = [self._column_rect(c) for c in range(len(self._headers))]
        # narrow columns first take a smaller font (to 3/4 size), then fewer digits rather
        # than clip; the tooltip has them all
        cell_font = self._cell_font(columns[0][1] - 8)
        cell_metrics = QFontMetrics(cell_font)
        chars = max(1, (columns[0][1] - 8) // max(1, cell_metrics.horizontalAdvance("0")))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.fillRect(QRect(0, 0, rect.width(), head_h), palette.button())
        painter.fillRect(QRect(0, head_h, index_w, rect.height()), palette.button())
        text_colour = palette.text().color()
        header_colour = palette.buttonText().color()
        grid_colour = palette.mid().color()

        painter.setPen(palette.buttonText().color())
        centre = Qt.AlignmentFlag.AlignCenter
        for line in range(HEADER_LINES):
            for first, last, text in self._header_spans(line):
                x = columns[first][0]
                span = columns[last][0] + columns[last][1] - x
                painter.drawText(QRect(x + 2, line * row_h, span - 6, row_h),
                                 centre if last > first else right,
                                 self._elided(text, first, last))
                if last > first:  # a shared line: a rule under it, over its columns
                    painter.setPen(grid_colour)
                    painter.drawLine(x + 4, (line + 1) * row_h - 1, x + span - 4,
                                     (line + 1) * row_h - 1)
                    painter.setPen(header_colour)

        first = self.verticalScrollBar().value()
        count = min(self.row_count() - first, (rect.height() - head_h) // row_h + 1)
        alternate = palette.alternateBase()
        # the font is fixed-pitch, so a right-aligned text starts len × advance before the
        # column's edge: drawing at a point skips QPainter's per-call layout of a rectangle
        advance = self.fontMetrics().horizontalAdvance("0")
        baseline = (row_h + self.fontMetrics().ascent() - self.fontMetrics().descent()) // 2
        cell_advance = cell_metrics.horizontalAdvance("0")
        cell_baseline = (row_h + cell_metrics.ascent() - cell_metrics.descent()) // 2
        rows = range(first, first + max(0, count))
        # plain floats once per column: indexing numpy per cell costs more than drawing
        cells = [values[first:first + max(0, count)].tolist() for values in self._values]
        colour_of = self._colour_of
        pen = None
        for k, row in enumerate(rows):
            y = head_h + k * row_h
            if row % 2:
                painter.fillRect(QRect(index_w, y, rect.width() - index_w, row_h), alternate)
            painter.setPen(header_colour)
            pen = header_colour
            label = str(row)
            painter.setFont(self.font())
            painter.drawText(index_w - 4 - len(label) * advance, y + baseline, label)
            painter.setFont(cell_font)
            for (x, width), column, coloured in zip(columns, cells, self._coloured,
                                                    strict=False):
                value = column[k]
                colour = (colour_of(value) if coloured and colour_of else None) or text_colour
                if colour != pen:  # QPen changes are not free; runs of one sign are common
                    painter.setPen(colour)
                    pen = colour
                text = NOT_TAKEN if value != value else minus(fmt_fit(value, chars))
                painter.drawText(x + width - 6 - len(text) * cell_advance, y + cell_baseline,
                                 text)
        painter.setFont(self.font())
        painter.setPen(grid_colour)
        painter.drawLine(0, head_h - 1, rect.width(), head_h - 1)
        painter.drawLine(index_w - 1, 0, index_w - 1, rect.height())

    def _cell_font(self, width: int) -> QFont:
        """The font for the numbers: the table's, or smaller (down to MIN_CELL_SCALE of it)
        so that CELL_CHARS characters (−0.34100) fit a column `width` pixels wide."""
        font = QFont(self.font())
        advance = self.fontMetrics().horizontalAdvance("0")
        if advance * CELL_CHARS <= width or font.pointSizeF() <= 0:
            return font
        font.setPointSizeF(font.pointSizeF() * max(MIN_CELL_SCALE, width / (advance * CELL_CHARS)))
        return font

    # ------------------------------------------------------------------ interaction
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.position().toPoint() if hasattr(event, "position") else event.pos()
            cell = self.cell_at(pos.x(), pos.y())
            if cell is not None:
                row, column = cell
                QToolTip.showText(event.globalPos(), f"{self._tips[column]}\n[{row}] = "
                                  f"{self.value(row, column)!r}", self.viewport())
            elif pos.y() < self._header_height():
                column = (pos.x() - self._index_width()) // max(1, self._column_rect(0)[1])
                if 0 <= column < len(self._tips):
                    QToolTip.showText(event.globalPos(), self.header_tooltip(column),
                                      self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: bar.pageStep(),
                 Qt.Key.Key_PageUp: -bar.pageStep()}
        if event.key() in steps:
            bar.setValue(bar.value() + steps[event.key()])
        elif event.key() == Qt.Key.Key_Home:
            bar.setValue(0)
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

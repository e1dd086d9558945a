"""The painted pieces of the autograd graph: a node's box and an edge's arrow.

A node box is sized once from what its rows can hold (set by the graph's shape: how many
rows, how many lines each may wrap to), never from the numbers in them, so a drag that only
changes numbers keeps every box's size, and so the cached layout (core/graph_layout.py).
Above its box a node keeps a band for the gradients arriving along its incoming edges,
where each edge's arrow ends: the edge's numbers are written at its head.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QStyleOptionGraphicsItem,
)

BOX_WIDTH = 300.0   # every node box: a 4-vector in one line, a meaning in two or three
PAD = 5.0           # inside a box, around its text
BAND_GAP = 4.0      # between the band's last line and the box
RADIUS = 5.0

# what a row is: its font and colour role (FREED: a saved tensor freed, struck through,
# never italic like a MEANING line)
TITLE, MEANING, SAVED, FREED, GRAD, BAND = "title", "meaning", "saved", "freed", "grad", "band"
# a node's part in the step-through
PENDING, NOW, DONE = "pending", "now", "done"


@dataclass
class Palette:
    """The colours the items use: ink and background follow the theme, the meanings
    (now, leaf) are data colours, the same in both."""

    ink: QColor
    muted: QColor
    background: QColor
    now: QColor
    leaf: QColor


def fit_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """text wrapped at `width` into at most max_lines lines, the last elided with … if
    it does not all fit."""
    if not text:
        return [""]
    layout = QTextLayout(text, font)
    layout.beginLayout()
    spans = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[s:s + n].rstrip() for s, n in spans]
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    rest = text[spans[max_lines - 1][0]:]
    kept[-1] = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return kept


class NodeItem(QGraphicsItem):
    """One node: a band of incoming gradients, then its box (name, meaning, saved tensors,
    the gradient flowing in). rows: (kind, max lines) in order; band rows first."""

    def __init__(self, rows: list[tuple[str, int]], fonts: dict[str, QFont],
                 palette: Palette, leaf: bool = False, width: float = BOX_WIDTH) -> None:
        super().__init__()
        self._rows = rows
        self._fonts = fonts
        self._palette = palette
        self._leaf = leaf
        self._line = {kind: QFontMetricsF(font).lineSpacing() for kind, font in fonts.items()}
        self._ascent = {kind: QFontMetricsF(font).ascent() for kind, font in fonts.items()}
        self._texts = ["" for _ in rows]
        self._lines: list[list[str]] = [[""] for _ in rows]
        self._kinds = [kind for kind, _ in rows]
        self._row_roles: list[str | None] = [None for _ in rows]  # a band row's edge's role
        self.role = DONE
        self.band_height = sum(self._line[k] * n for k, n in rows if k == BAND)
        if self.band_height:
            self.band_height += BAND_GAP
        body = sum(self._line[k] * n for k, n in rows if k != BAND)
        self.box_height = body + 2 * PAD
        self.width = width
        self.height = self.band_height + self.box_height
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)

    # ------------------------------------------------------------------ content
    def texts(self) -> list[str]:
        return list(self._texts)

    def row_texts(self, kind: str) -> list[str]:
        return [t for t, k in zip(self._texts, self._kinds, strict=True) if k == kind]

    def set_row(self, index: int, text: str, kind: str | None = None,
                role: str | None = None) -> None:
        """Row `index` shows text (its kind may switch between SAVED and FREED); a band
        row is coloured by `role`, its edge's part in the step-through."""
        if role != self._row_roles[index]:
            self._row_roles[index] = role
            self.update()
        if kind is not None and kind != self._kinds[index]:
            self._kinds[index] = kind
            self._texts[index] = None  # type: ignore[call-overload]  # force a refit
        if text == self._texts[index]:
            return
        self._texts[index] = text
        limit = self._rows[index][1]
        font = self._fonts[self._kinds[index]]
        self._lines[index] = fit_lines(text, font, self.width - 2 * PAD, limit)
        self.update()

    def set_role(self, role: str) -> None:
        if role != self.role:
            self.role = role
            self.update()

    def box_rect(self) -> QRectF:
        return QRectF(0.0, self.band_height, self.width, self.box_height)

    # ------------------------------------------------------------------ painting
    def boundingRect(self) -> QRectF:
        return QRectF(-2.0, -2.0, self.width + 4.0, self.height + 4.0)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        p = self._palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.box_rect()
        if self.role == NOW:
            edge = QPen(p.now, 3.0)
        elif self._leaf:
            edge = QPen(p.leaf, 2.5)
        else:
            edge = QPen(p.ink, 1.0)
        if self.role == PENDING:
            edge.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(edge)
        painter.setBrush(QBrush(p.background))
        painter.drawRoundedRect(box, RADIUS, RADIUS)
        y = 0.0
        inside = False
        for (kind, limit), shown, lines, role in zip(self._rows, self._kinds, self._lines,
                                                      self._row_roles, strict=True):
            if kind != BAND and not inside:
                inside = True
                y = self.band_height + PAD
            painter.setFont(self._fonts[shown])  # a saved tensor freed: struck through
            painter.setPen(self._colour(shown, role or self.role))
            step = self._line[kind]
            ascent = self._ascent[kind]
            for k, line in enumerate(lines[:limit]):
                painter.drawText(QPointF(PAD, y + k * step + ascent), line)
            y += step * limit

    def _colour(self, kind: str, role: str) -> QColor:
        p = self._palette
        if kind in (FREED, MEANING):
            return p.muted
        if kind == BAND:
            if role == NOW:
                return p.now
            return p.muted if role == PENDING else p.ink
        if kind == TITLE and self._leaf:
            return p.leaf
        return p.ink


class EdgeItem(QGraphicsPathItem):
    """An edge: the layout's polyline, ending in an arrowhead where the gradient arrives."""

    HEAD = 7.0

    def __init__(self, points: list[tuple[float, float]], palette: Palette) -> None:
        super().__init__()
        self._palette = palette
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(QPointF(x, y))
        self.setPath(path)
        self.setBrush(Qt.BrushStyle.NoBrush)
        (x0, y0), (x1, y1) = points[-2], points[-1]
        angle = math.atan2(y1 - y0, x1 - x0)
        self.head = QGraphicsPolygonItem(QPolygonF([QPointF(x1, y1)] + [
            QPointF(x1 - self.HEAD * math.cos(angle + s), y1 - self.HEAD * math.sin(angle + s))
            for s in (0.45, -0.45)]), self)
        self.role = ""
        self.set_role(DONE)

    def set_role(self, role: str) -> None:
        if role == self.role:
            return
        self.role = role
        p = self._palette
        colour = p.now if role == NOW else (p.muted if role == PENDING else p.ink)
        pen = QPen(colour, 2.5 if role == NOW else 1.2)
        if role == PENDING:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.head.setPen(QPen(colour, 1.0))
        self.head.setBrush(QBrush(colour))

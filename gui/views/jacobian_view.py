"""Jacobian view: ∂p_i/∂a_j as an N×N heatmap, white at 0, with values, hover and row check.

Colours are diverging with symmetric levels, so white always means 0, red positive (the
diagonal p_i(1 − p_i)/T) and blue negative (−p_i p_j/T). Hovering a cell explains it with
the formula and both ways' values; clicking a row shows that it is autograd.grad(p_i, a).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QWidget

from core.losses.catalog import THROUGH_SOFTMAX
from core.number_format import fmt_cell, fmt_diff, sig, sub
from core.number_text import format_number
from gui.items.heatmap_item import HeatmapItem
from gui.items.readout_label import ReadoutLabel, set_text
from gui.items.text_grid_item import TextGridItem
from gui.items.tick_labels import ClassTicks, readable_ticks
from gui.items.view_column import view_column
from gui.look.language import short_name
from gui.look.plot_style import (
    HIGHLIGHT_COLOR,
    data_pen,
    diverging_map,
    new_plot_widget,
    sticky_range,
    symmetric_levels,
)

if TYPE_CHECKING:
    from core.result import Result

MAX_CELL_LABELS = 10
WIDEST_TICK = "−2.5e−10"  # the longest colour-bar label tick_texts writes for usual ranges
LIGHT_TEXT = QColor("white")
LUMA = np.array([0.2126, 0.7152, 0.0722]) / 255  # relative luminance of an sRGB colour
DARK_CELL_LUMA = 0.55  # below this a cell takes white text, above it dark text
DARK_TEXT = QColor("#202020")


class JacobianView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self._figure = False  # drawn as a figure: texts without the hints for the screen
        self._set_title()
        self.info = ReadoutLabel(2, parent=self)
        self.info.setAccessibleName(self.tr("Jacobian cell details"))

        self.plot_widget = new_plot_widget(self, self.tr("Jacobian heatmap"))
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setLabel("bottom", self.tr("j (logit aⱼ)"))
        self.plot.setLabel("left", self.tr("i (probability pᵢ)"))
        self.plot.invertY(True)  # row 0 at the top, as in a matrix
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.layout.setContentsMargins(2, 10, 2, 2)  # room for the colour bar's top label
        self.image = HeatmapItem(np.zeros((2, 2)), levels=(-1, 1))
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=diverging_map(),
                                        interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        self._lut = diverging_map().getLookupTable(nPts=256, alpha=False).astype(float)
        self.colorbar.axis.enableAutoSIPrefix(False)
        readable_ticks(self.colorbar.axis)  # short labels (2e−4, −1e−4) on an axis as wide
        self.colorbar.axis.setWidth(round(  # as the longest of them needs, not 45 pixels
            QFontMetricsF(self.colorbar.axis.font()).horizontalAdvance(WIDEST_TICK)) + 14)
        self.class_ticks = [ClassTicks(self.plot, side) for side in ("bottom", "left")]
        self.row_highlight = QGraphicsRectItem()
        self.row_highlight.setPen(data_pen(HIGHLIGHT_COLOR, width=3))
        self.row_highlight.setVisible(False)
        self.plot.addItem(self.row_highlight)
        self.cell_labels = TextGridItem(anchor=(0.5, 0.5), cell=(1.0, 1.0))
        self.plot.addItem(self.cell_labels)
        self.selected_row: int | None = None
        self.levels: tuple[float, float] = (-1.0, 1.0)
        self._result: Result | None = None
        self._n = 0

        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot_widget.setToolTip(self.tr("Hover a cell for its formula; click a row, or "
                                            "press ↑/↓, to check it against autograd"))
        self.plot_widget.installEventFilter(self)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)

        view_column(self, self.title, self.plot_widget, self.info, stretch=self.plot_widget)

    # ------------------------------------------------------------------ update
    def set_figure_mode(self, on: bool) -> None:
        """A figure's title and caption leave out how to hover and click (figure_hints)."""
        self._figure = on
        self._set_title()
        self._show_row()

    def _set_title(self) -> None:
        if self._figure:
            text = self.tr("<b>Jacobian</b> ∂p<sub>i</sub>/∂a<sub>j</sub> = "
                           "p<sub>i</sub>(δ<sub>ij</sub> − p<sub>j</sub>)/T")
        else:
            text = self.tr("<b>Jacobian</b> ∂p<sub>i</sub>/∂a<sub>j</sub> = "
                           "p<sub>i</sub>(δ<sub>ij</sub> − p<sub>j</sub>)/T "
                           "— hover a cell, click a row")
        set_text(self.title, text)

    def _rebuild_for(self, n: int) -> None:
        self.cell_labels.set_font_size(max(7.0, min(10.0, 60.0 / n)))
        self.plot.setRange(xRange=(-0.5, n - 0.5), yRange=(-0.5, n - 0.5), padding=0)
        for ticks in self.class_ticks:
            ticks.set_count(n)
        if self.selected_row is not None and self.selected_row >= n:
            self.selected_row = None
        self._n = n

    def set_result(self, result: Result) -> None:
        self._result = result
        jac = result.classifier.jacobian.formula
        n = jac.shape[0]
        rebuilt = n != self._n
        if rebuilt:
            self._rebuild_for(n)
        levels = sticky_range(None if rebuilt else self.levels,
                              symmetric_levels(float(np.abs(jac).max())))
        self.image.setImage(jac, levels=levels, autoLevels=False)
        if levels != self.levels or rebuilt:  # the colour bar's axis redraws on every call
            self.colorbar.setLevels(levels)
            self.levels = levels
        if rebuilt:  # setRect scales by the current image's size, so it follows setImage
            self.image.setRect(QRectF(-0.5, -0.5, n, n))
        if n <= MAX_CELL_LABELS:
            rows, cols = np.indices(jac.shape)
            values = jac.ravel()
            # each cell's text contrasts with that cell's own colour, in either theme
            low, high = self.levels
            rgb = self._lut[np.clip(np.rint((values - low) / (high - low) * 255), 0, 255)
                            .astype(int)]
            dark_cell = rgb @ LUMA < DARK_CELL_LUMA
            self.cell_labels.set_texts(cols.ravel(), rows.ravel(),
                                       [fmt_cell(v) for v in values],
                                       [LIGHT_TEXT if d else DARK_TEXT for d in dark_cell])
        else:
            self.cell_labels.set_texts([], [], [], [])
        self._show_row()

    # ------------------------------------------------------------------ interaction
    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        if self._result is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        i, j = round(point.y()), round(point.x())
        return (i, j) if 0 <= i < self._n and 0 <= j < self._n else None

    def describe_cell(self, i: int, j: int) -> str:
        """The cell's formula with numbers, and the value by autograd and by the closed form."""
        assert self._result is not None
        c = self._result.classifier
        p, t = c.probs, self._result.state.temperature
        delta = 1 if i == j else 0
        return self.tr(
            "∂p%1/∂a%2 = p%1(δ%1%2 − p%2)/T = %3 × (%4 − %5) / %6 = %7\n"
            "autograd %8 · closed form %9").replace("%1", sub(i)).replace("%2", sub(j)) \
            .replace("%3", sig(p[i], 6)).replace("%4", str(delta)) \
            .replace("%5", sig(p[j], 6)).replace("%6", format_number(t)) \
            .replace("%7", sig(c.jacobian.formula[i, j], 6)) \
            .replace("%8", sig(c.jacobian.autograd[i, j], 9)) \
            .replace("%9", sig(c.jacobian.formula[i, j], 9))

    def select_row(self, i: int | None) -> None:
        self.selected_row = i
        self._show_row()

    def _show_row(self) -> None:
        i = self.selected_row
        if i is None or self._result is None or i >= self._n:
            self.row_highlight.setVisible(False)
            if self._result is None:
                return
            text = self.tr("Diagonal > 0, off-diagonal < 0; every row and column sums to 0.")
            if not self._figure:
                text += self.tr(" Click a row (or focus the map and press ↑/↓) to check it "
                                "against autograd.")
            loss = self._result.state.loss
            if loss not in THROUGH_SOFTMAX:
                text += "\n" + self.tr("%1 does not go through the softmax, so this "
                                       "Jacobian is not on its gradient's path.") \
                    .replace("%1", short_name(loss))
            set_text(self.info, text)
            return
        self.row_highlight.setRect(QRectF(-0.5, i - 0.5, self._n, 1))
        self.row_highlight.setVisible(True)
        jac = self._result.classifier.jacobian
        shown = ", ".join(sig(float(v), 4) for v in jac.autograd[i][:6])
        more = ", …" if self._n > 6 else ""
        diff = float(np.abs(jac.autograd[i] - jac.formula[i]).max())
        set_text(self.info,
            self.tr("Row %1 = ∂p[%1]/∂a by autograd, as torch.autograd.grad(p[%1], a, "
                    "retain_graph=True) gives it = [%2%3]; max |autograd − formula| = %4 %5")
            .replace("%1", str(i)).replace("%2", shown).replace("%3", more)
            .replace("%4", fmt_diff(diff)).replace("%5", "✓" if diff < 1e-12 else "✗"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑/↓ select a row from the keyboard, Esc clears it."""
        if watched is self.plot_widget and event.type() == QEvent.Type.KeyPress and self._n:
            key = event.key()
            row = self.selected_row
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                start = -1 if step == 1 else self._n
                self.select_row(((start if row is None else row) + step) % self._n)
                return True
            if key == Qt.Key.Key_Escape and row is not None:
                self.select_row(None)
                return True
        return super().eventFilter(watched, event)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        cell = self.cell_at(scene_pos)
        if cell is None:
            return
        text = self.describe_cell(*cell)
        self.plot_widget.setToolTip(text)
        if self.selected_row is None:
            set_text(self.info, text)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # a right click opens the menu only
            return
        cell = self.cell_at(event.scenePos())
        if cell is None:
            return
        row = cell[0]
        self.select_row(None if row == self.selected_row else row)


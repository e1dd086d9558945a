"""Gradients & checks: ∂L/∂a for CE and MSE by three independent ways, and how far apart.

autograd.grad, backward()/.grad and the closed form are computed separately in core; this
table lays them side by side so a learner sees them agree to the last digits.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from core.number_format import fmt, fmt_diff
from core.result import Result
from gui.plot_style import NEGATIVE_COLOR, POSITIVE_COLOR

AGREE_BELOW = 1e-12  # relative to 1/T, since every gradient scales with it


class GradientTableModel(QAbstractTableModel):
    """Rows are classes; columns p_i, then ∂CE/∂a_i and ∂MSE/∂a_i three ways each."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns: list[np.ndarray] = []
        self._headers = [
            self.tr("p_i"),
            self.tr("∂CE/∂a_i\nautograd"), self.tr("∂CE/∂a_i\nbackward"),
            self.tr("∂CE/∂a_i\nformula"),
            self.tr("∂MSE/∂a_i\nautograd"), self.tr("∂MSE/∂a_i\nbackward"),
            self.tr("∂MSE/∂a_i\nformula"),
        ]
        self._header_tips = [
            self.tr("softmax(a/T)_i"),
            self.tr("torch.autograd.grad(loss, [a])[0]"),
            self.tr("loss.backward(); a.grad — on a fresh leaf tensor"),
            self.tr("the closed form (p − y_eff)/T"),
            self.tr("torch.autograd.grad(loss, [a])[0]"),
            self.tr("loss.backward(); a.grad — on a fresh leaf tensor"),
            self.tr("the closed form Jᵀ·∂MSE/∂p with J = (diag(p) − p pᵀ)/T"),
        ]

    def set_result(self, result: Result) -> None:
        c = result.classifier
        columns = [c.probs,
                   c.grad_cross_entropy.autograd, c.grad_cross_entropy.backward,
                   c.grad_cross_entropy.formula,
                   c.grad_mse.autograd, c.grad_mse.backward, c.grad_mse.formula]
        if not self._columns or len(columns[0]) != len(self._columns[0]):
            self.beginResetModel()
            self._columns = columns
            self.endResetModel()
        else:
            self._columns = columns
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def value(self, row: int, column: int) -> float:
        return float(self._columns[column][row])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._columns else len(self._columns[0])

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() >= 1 and value != 0:
            return QColor(POSITIVE_COLOR if value > 0 else NEGATIVE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._header_tips[index.column()]}: {value!r}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips[section]
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section)
        return None


class GradientsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("<b>Gradients &amp; checks</b> ∂L/∂a three independent "
                                    "ways"), self)
        self.model = GradientTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Gradient table"))
        self.table.setToolTip(self.tr("Each gradient computed by torch.autograd.grad, by "
                                      "backward() then .grad, and by the closed form"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(7.5, QFont().pointSizeF() - 1))
        self.table.setFont(mono)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 4)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.setAlternatingRowColors(True)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Losses and agreement"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def set_result(self, result: Result) -> None:
        self.model.set_result(result)
        c, s = result.classifier, result.state
        tolerance = AGREE_BELOW / s.temperature
        verdict = (self.tr("all ways agree ✓") if result.max_abs_diff <= tolerance
                   else self.tr("ways disagree ✗"))
        mse_formula = "Σ(p−y_eff)²/N" if s.reduction == "mean" else "Σ(p−y_eff)²"
        self.summary.setText(
            self.tr("CE = −Σ y_eff log p = <b>%1</b> &nbsp; MSE = %2 = <b>%3</b><br>"
                    "max |diff|: ∂CE %4 · ∂MSE %5 · Jacobian %6 — %7<br>"
                    "T = %8 · label smoothing ε = %9 · reduction = %10")
            .replace("%10", s.reduction)
            .replace("%1", fmt(c.cross_entropy)).replace("%2", mse_formula)
            .replace("%3", fmt(c.mse))
            .replace("%4", fmt_diff(c.grad_cross_entropy.max_abs_diff))
            .replace("%5", fmt_diff(c.grad_mse.max_abs_diff))
            .replace("%6", fmt_diff(c.jacobian.max_abs_diff)).replace("%7", verdict)
            .replace("%8", f"{s.temperature:g}").replace("%9", f"{s.label_smoothing:g}"))

"""Every dialog the app opens goes through here, so tests can patch this one module.

No test may open a modal dialog: offscreen it would block forever.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from gui.figure_export import SCALES


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


STATE_FILTER = "Loss Lens state (*.json)"


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    view: str      # a key of MainWindow.views, or "all"
    scale: int     # PNG pixels per screen pixel


def about(parent: QWidget) -> None:
    QMessageBox.about(parent, _tr("About Loss Lens"), _tr(
        "<h3>Loss Lens</h3><p>Loss functions and their gradients, made visible. Every "
        "number is computed by torch in float64: the softmax, cross-entropy and MSE, their "
        "gradients three independent ways, and the softmax Jacobian two ways.</p>"
        "<p>Built on PySide6, pyqtgraph, torch and numpy.</p>"))


def error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def open_state_path(parent: QWidget, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Open state"), folder,
                                          _tr(STATE_FILTER))
    return path or None


def save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


class ExportDialog(QDialog):
    """Which view, PNG or SVG (by the file name), and the PNG scale."""

    def __init__(self, parent: QWidget, views: list[tuple[str, str]], suggested: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Export figure"))
        self.view = QComboBox(self)
        for key, label in views:
            self.view.addItem(label, key)
        self.view.setAccessibleName(_tr("View to export"))
        self.view.setToolTip(_tr("The whole window or one view"))
        self.scale = QComboBox(self)
        for s in SCALES:
            self.scale.addItem(f"{s}×", s)
        self.scale.setAccessibleName(_tr("PNG scale"))
        self.scale.setToolTip(_tr("Pixels per screen pixel of a PNG; SVG is vector"))
        self.path = QLineEdit(suggested, self)
        self.path.setAccessibleName(_tr("File name"))
        self.path.setToolTip(_tr("Ends in .png or .svg"))
        browse = QPushButton(_tr("Browse…"), self)
        browse.setToolTip(_tr("Choose the file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_tr("&View"), self.view)
        form.addRow(_tr("&Scale (PNG)"), self.scale)
        form.addRow(_tr("&File"), row)
        form.addRow(buttons)

    def _browse(self) -> None:
        path = save_path(self, _tr("Export figure"), self.path.text(),
                         _tr("PNG image (*.png);;SVG vector image (*.svg)"))
        if path:
            self.path.setText(path)


def ask_export(parent: QWidget, views: list[tuple[str, str]], suggested: str
               ) -> ExportRequest | None:
    dialog = ExportDialog(parent, views, suggested)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path.text().strip():
        return None
    return ExportRequest(Path(dialog.path.text().strip()), dialog.view.currentData(),
                         dialog.scale.currentData())

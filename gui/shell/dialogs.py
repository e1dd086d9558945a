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
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from gui.shell.figure_export import SCALES

translate = QCoreApplication.translate  # lupdate reads translate("dialogs", "…")
_warned: set[str] = set()


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    view: str      # a key of MainWindow.views, or "all"
    scale: int     # PNG pixels per screen pixel


def about(parent: QWidget) -> None:
    QMessageBox.about(parent, translate("dialogs", "About Loss Lens"), translate("dialogs",
        "<h3>Loss Lens</h3><p>Loss functions and their gradients, made visible. Every "
        "number is computed by torch in float64: the softmax, cross-entropy and MSE, their "
        "gradients three independent ways, and the softmax Jacobian two ways.</p>"
        "<p>Built on PySide6, pyqtgraph, torch and numpy.</p>"))


def error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def warn_once(parent: QWidget | None, message: str) -> None:
    """A warning shown at most once per run (a missing font need not nag on every switch)."""
    if message in _warned:
        return
    _warned.add(message)
    QMessageBox.warning(parent, "Loss Lens", message)


def open_state_path(parent: QWidget, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("dialogs", "Open state"), folder,
                                          translate("dialogs", "Loss Lens state (*.json)"))
    return path or None


def save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


class ExportDialog(QDialog):
    """Which view, PNG or SVG (by the file name), and the PNG scale."""

    def __init__(self, parent: QWidget, views: list[tuple[str, str]], suggested: str,
                 current: str = "all") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("dialogs", "Export figure"))
        self.view = QComboBox(self)
        for key, label in views:
            self.view.addItem(label, key)
        self.view.setCurrentIndex(max(0, self.view.findData(current)))
        self.view.setAccessibleName(translate("dialogs", "View to export"))
        self.view.setToolTip(translate("dialogs", "The whole window or one view"))
        self.scale = QComboBox(self)
        for s in SCALES:
            self.scale.addItem(f"{s}×", s)
        self.scale.setAccessibleName(translate("dialogs", "PNG scale"))
        self.scale.setToolTip(translate("dialogs",
                                        "Pixels per screen pixel of a PNG; SVG is vector"))
        self.path = QLineEdit(suggested, self)
        self.path.setAccessibleName(translate("dialogs", "File name"))
        self.path.setToolTip(translate("dialogs", "Ends in .png or .svg"))
        browse = QPushButton(translate("dialogs", "Browse…"), self)
        browse.setToolTip(translate("dialogs", "Choose the file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("dialogs", "&View"), self.view)
        form.addRow(translate("dialogs", "&Scale (PNG)"), self.scale)
        file_label = QLabel(translate("dialogs", "&File"), self)
        file_label.setBuddy(self.path)  # a row that is a layout gets no buddy by itself
        form.addRow(file_label, row)
        form.addRow(buttons)

    def _browse(self) -> None:
        path = save_path(self, translate("dialogs", "Export figure"), self.path.text(),
                         translate("dialogs", "PNG image (*.png);;SVG vector image (*.svg)"))
        if path:
            self.path.setText(path)


def ask_export(parent: QWidget, views: list[tuple[str, str]], suggested: str,
               current: str = "all") -> ExportRequest | None:
    """Which view (`current` chosen first), where and at which scale; None if cancelled."""
    dialog = ExportDialog(parent, views, suggested, current)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path.text().strip():
        return None
    return ExportRequest(Path(dialog.path.text().strip()), dialog.view.currentData(),
                         dialog.scale.currentData())

"""Every dialog the app opens goes through here, so tests can patch this one module.

No test may open a modal dialog: offscreen it would block forever.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def about(parent: QWidget) -> None:
    QMessageBox.about(parent, _tr("About Loss Lens"), _tr(
        "<h3>Loss Lens</h3><p>Loss functions and their gradients, made visible. Every "
        "number is computed by torch in float64: the softmax, cross-entropy and MSE, their "
        "gradients three independent ways, and the softmax Jacobian two ways.</p>"
        "<p>Built on PySide6, pyqtgraph, torch and numpy.</p>"))


def error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)

"""Read-only code, in a monospace box sized to its lines, with a Copy button."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.look.presentation import fixed_font


class CodeBlock(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None, max_lines: int = 0) -> None:
        """max_lines: grow to fit up to this many lines (0: fill the space given)."""
        super().__init__(parent)
        self._max_lines = max_lines
        self.title = QLabel(title, self)
        self.copy = QPushButton(self.tr("Copy"), self)
        self.copy.setAccessibleName(self.tr("Copy %1").replace("%1", title))
        self.copy.setToolTip(self.tr("Copy this code to the clipboard"))
        self.copy.clicked.connect(self.copy_to_clipboard)
        self.editor = QPlainTextEdit(self)
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setFont(fixed_font())
        self.editor.setAccessibleName(title)
        self.editor.setToolTip(self.tr("Runnable Python; select text or use Copy"))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.editor, 1)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_code(self, code: str) -> None:
        if code == self.editor.toPlainText():
            return
        self.editor.setPlainText(code)
        if self._max_lines:
            lines = min(self._max_lines, code.count("\n") + 1)
            # room for a horizontal scroll bar too, or a long line hides the last line
            height = (self.editor.fontMetrics().lineSpacing() * lines + 12
                      + self.editor.horizontalScrollBar().sizeHint().height())
            self.editor.setFixedHeight(height)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Copied to the clipboard"), 3000)

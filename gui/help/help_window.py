"""The shape the Help windows share: non-modal, their content above a Close button.

Non-modal so that they stay open beside the main window while the learner drags sliders or
tries the keys they describe.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setObjectName(type(self).__name__)

    def set_content(self, content: QWidget) -> None:
        """Lay out content above a Close button (Esc closes too, as in any QDialog)."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(content, 1)
        layout.addWidget(buttons)

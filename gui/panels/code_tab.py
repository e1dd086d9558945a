"""Code tab: a runnable PyTorch script that reproduces the numbers on screen.

Its comments are in the window's language (core.code_generator marks them for translation);
its code and what it prints are the same in every language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.code_generator import generate_script
from gui.items.code_block import CodeBlock

if TYPE_CHECKING:
    from core.result import Result


class CodeTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr("This script computes, with plain PyTorch, every number the "
                               "other tabs show for the current state: run it with "
                               "<tt>python script.py</tt>; its last line is the numbers as "
                               "JSON."), self)
        intro.setWordWrap(True)
        self.code = CodeBlock(self.tr("Generated PyTorch script"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(intro)
        layout.addWidget(self.code, 1)

    def set_result(self, result: Result) -> None:
        self.code.set_code(generate_script(result.state, QCoreApplication.translate))

"""Typing into the app's number entries with real key events, as a user would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def type_into(qtbot, entry, text: str) -> None:
    """Click into the entry, select all with Ctrl+A, type, press Enter (real key events)."""
    line = entry.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:  # QTest types ASCII only; an input method hands over text like this
        line.insert(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()

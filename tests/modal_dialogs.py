"""Driving a modal dialog from a test: it blocks in exec(), so the test's steps run from a
timer once the dialog is the active modal widget (shared by the export and animation
dialog tests)."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def run_in_modal(dialog_type, open_dialog, steps) -> dict:
    """Call open_dialog(), then steps(dialog) once a dialog_type shows; the dialog is
    rejected after if still open. Returns {"result": steps' result, "open": whether the
    steps left it open}."""
    seen = {}

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(20, act)
            return
        try:
            seen["result"] = steps(dialog)
        finally:
            seen["open"] = dialog.isVisible()
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, act)
    open_dialog()
    assert "result" in seen, f"the {dialog_type.__name__} did not open"
    return seen

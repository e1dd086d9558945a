"""Start the window: QApplication, the main window, and a clean exit on Ctrl+C or SIGTERM."""

from __future__ import annotations

import signal
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui.plot_style import configure_pyqtgraph


def run_app(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Loss Lens")
    app.setOrganizationName("LossLens")
    app.setApplicationDisplayName("Loss Lens")
    configure_pyqtgraph()

    from gui.main_window import MainWindow

    window = MainWindow(restore=True)
    window.show()

    # Qt's event loop does not run Python signal handlers; a short timer lets them in.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__":
    sys.exit(run_app(sys.argv))

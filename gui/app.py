"""Start the window: QApplication, the main window, and a clean exit on Ctrl+C or SIGTERM."""

from __future__ import annotations

import os
import signal
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from gui.plot_style import configure_pyqtgraph
from gui.torch_loader import finish_import, preload


def _report_startup(app: QApplication, window, launched: float) -> None:
    """For benchmarks/bench_startup.py: print when the window first painted and when the
    first numbers were shown (seconds since `launched`, a time.time()), then quit."""

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and obj is window:
                print(f"shown {time.time() - launched:.3f}", flush=True)
                window.removeEventFilter(self)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)

    def numbers(_result) -> None:
        window.repaint()  # the numbers are on screen, not just computed
        print(f"numbers {time.time() - launched:.3f}", flush=True)
        QTimer.singleShot(0, app.quit)

    window.result_changed.connect(numbers)


def run_app(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Loss Lens")
    app.setOrganizationName("LossLens")
    app.setApplicationDisplayName("Loss Lens")
    configure_pyqtgraph()

    from gui.main_window import MainWindow

    window = MainWindow(restore=True)
    probe = os.environ.get("LOSS_LENS_STARTUP_PROBE")
    if probe:
        _report_startup(app, window, float(probe))
    window.show()
    app.processEvents()  # paint the window first: torch's import would slow it down
    preload()

    # Qt's event loop does not run Python signal handlers; a short timer lets them in.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)
    code = app.exec()
    window.close()
    finish_import()  # quitting while torch still loads must not crash on the way out
    return code


if __name__ == "__main__":
    sys.exit(run_app(sys.argv))

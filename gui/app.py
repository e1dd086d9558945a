"""Start the window: QApplication, the main window, and a clean exit on Ctrl+C or SIGTERM."""

from __future__ import annotations

import os
import signal
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from gui import dialogs
from gui.app_settings import app_settings, saved_choice
from gui.language import LANGUAGES, LanguageError, install_language, missing_font, system_language
from gui.plot_style import configure_pyqtgraph
from gui.theme import THEMES, apply_theme
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


def start_language(settings) -> str:
    """Install the remembered language (the system's by default); returns a warning, or ''
    if none: a missing Chinese font, or translations that could not be loaded."""
    language = saved_choice(settings, "ui/language", LANGUAGES, system_language())
    try:
        install_language(language)
    except LanguageError as exc:
        install_language("en")
        return str(exc)
    return missing_font(language)


def run_app(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Loss Lens")
    app.setOrganizationName("LossLens")
    app.setApplicationDisplayName("Loss Lens")
    configure_pyqtgraph()
    settings = app_settings()
    warning = start_language(settings)
    apply_theme(saved_choice(settings, "ui/theme", THEMES, "system"))

    from gui.main_window import MainWindow

    window = MainWindow(restore=True, settings=settings)
    current = [window]  # a new language or theme builds a new window in its place

    def adopt(new_window) -> None:
        current[0] = new_window
        new_window.replaced.connect(adopt)

    window.replaced.connect(adopt)
    probe = os.environ.get("LOSS_LENS_STARTUP_PROBE")
    if probe:
        _report_startup(app, window, float(probe))
    window.show()
    app.processEvents()  # paint the window first: torch's import would slow it down
    preload()
    if warning:
        QTimer.singleShot(0, lambda: dialogs.warn_once(current[0], warning))

    # Qt's event loop does not run Python signal handlers; a short timer lets them in.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)
    code = app.exec()
    current[0].close()
    finish_import()  # quitting while torch still loads must not crash on the way out
    return code


if __name__ == "__main__":
    sys.exit(run_app(sys.argv))

"""Start the window: QApplication, the main window, and a clean exit on Ctrl+C or SIGTERM."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from gui.look.app_icon import app_icon
from gui.look.language import (
    LANGUAGES,
    LanguageError,
    install_language,
    missing_font,
    system_language,
)
from gui.look.plot_style import configure_pyqtgraph
from gui.look.presentation import set_presentation
from gui.look.theme import THEMES, apply_theme
from gui.shell import dialogs
from gui.shell.app_settings import app_settings, saved_choice, saved_flag, take_reset_settings
from gui.shell.torch_loader import finish_import, preload

FIRST_FRAME_FALLBACK_MS = 500  # if a platform never paints a hidden or unexposed window
RESET_MESSAGE_MS = 30_000


def after_first_frame(window, callback: Callable[[], None]) -> None:
    """Call callback once, when the window's first frame has been painted (or after
    FIRST_FRAME_FALLBACK_MS if it never is): torch's import holds the GIL, and begun
    earlier it slowed that frame from 0.6 s to 1.0–1.4 s."""
    fired: list[bool] = []

    def fire() -> None:
        if not fired:
            fired.append(True)
            callback()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and obj is window:
                window.removeEventFilter(self)
                QTimer.singleShot(0, fire)  # runs once the rest of this frame has painted
            return False

    window.installEventFilter(FirstPaint(window))
    QTimer.singleShot(FIRST_FRAME_FALLBACK_MS, fire)


def _report_startup(app: QApplication, window, launched: float) -> None:
    """For benchmarks/bench_startup.py: print when the window's first frame was complete and
    when the first numbers were on screen (seconds since `launched`, a time.time()), then
    quit."""
    after_first_frame(window, lambda: print(f"shown {time.time() - launched:.3f}", flush=True))

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


def start_presentation(settings) -> None:
    """Presentation mode (larger text, thicker lines) if it was on when the app last ran."""
    set_presentation(saved_flag(settings, "ui/presentation"))


def say_reset_settings(window) -> None:
    """Saved settings that could not be used were removed as they were read (see
    app_settings); say which, once, in the status bar: a reset should not go unexplained."""
    labels = take_reset_settings()
    if labels:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Settings", "Some saved settings could not be used and were reset: %1")
            .replace("%1", ", ".join(labels)), RESET_MESSAGE_MS)


def follow_replacements(window) -> Callable[[], object]:
    """A function that returns the window on screen: a language or theme switch builds a
    new window in its place (MainWindow.replaced) and the old one deletes itself, so only
    this function may hold on to it."""
    current = [window]

    def adopt(new_window) -> None:
        current[0] = new_window
        new_window.replaced.connect(adopt)

    window.replaced.connect(adopt)
    return lambda: current[0]


def run_app(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Loss Lens")
    app.setOrganizationName("LossLens")
    app.setApplicationDisplayName("Loss Lens")
    app.setDesktopFileName("loss-lens")  # resources/desktop/loss-lens.desktop
    app.setWindowIcon(app_icon())
    configure_pyqtgraph()
    settings = app_settings()
    warning = start_language(settings)
    apply_theme(saved_choice(settings, "ui/theme", THEMES, "system"))
    start_presentation(settings)

    from gui.shell.main_window import MainWindow

    # torch's import would hold the GIL while the first frame paints: it starts after it
    window = MainWindow(restore=True, settings=settings, begin_torch_import=False)
    say_reset_settings(window)
    current = follow_replacements(window)
    probe = os.environ.get("LOSS_LENS_STARTUP_PROBE")
    if probe:
        _report_startup(app, window, float(probe))
    window.show()
    after_first_frame(window, preload)
    del window  # a switch deletes it: only current() may hold the window on screen
    if warning:
        QTimer.singleShot(0, lambda: dialogs.warn_once(current(), warning))

    # Qt's event loop does not run Python signal handlers; a short timer lets them in.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)
    code = app.exec()
    current().close()
    finish_import()  # quitting while torch still loads must not crash on the way out
    return code


if __name__ == "__main__":
    sys.exit(run_app(sys.argv))

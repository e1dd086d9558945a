"""`main.py export`: build the window offscreen for a State and write one figure.

It goes through the same MainWindow, views and figure_export code as the window's own
File ▸ Export, so a figure made on a headless machine equals one made on screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from core.state import State
from gui import registry

HARMLESS = ("This plugin does not support",)  # the offscreen plugin's notes, not problems
DEFAULT_SIZE = (1280, 800)  # the whole window; one view: its registry entry's export_size


def quiet_offscreen_messages() -> None:
    """Keep the offscreen platform's notes out of a command-line user's terminal."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if not message.startswith(HARMLESS):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def export_figure(state: State, out: str | Path, view: str = "all",
                  size: tuple[int, int] | None = None, scale: float = 1.0,
                  language: str = "en", theme: str = "light") -> Path:
    """Write a PNG or SVG of the whole window (view="all") or of one view, in `language`
    (en, zh_CN) and `theme` (light, dark)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed, none used
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.look.language import LanguageError, install_language, missing_font
    from gui.look.plot_style import configure_pyqtgraph
    from gui.look.theme import apply_theme
    from gui.shell.figure_export import ExportError, export_widget, format_of

    format_of(out)  # refuse an unknown format before any work
    folder = Path(out).resolve().parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):  # say so before rendering
        raise ExportError(f"{out}: cannot write (no writable folder {folder})")
    quiet_offscreen_messages()
    app = QApplication.instance() or QApplication(["loss-lens-export"])
    configure_pyqtgraph()
    try:
        install_language(language)
    except LanguageError as exc:
        raise ExportError(str(exc)) from None
    warning = missing_font(language)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    apply_theme(theme)
    from gui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        # a throw-away settings file: exporting must not touch the user's settings
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(state, settings=settings)
        target = window.export_target(view)
        entry = None if view == "all" else registry.entry(view)
        wanted = size or (DEFAULT_SIZE if entry is None else entry.export_size)
        if entry is None:
            window.resize(*wanted)
            window.show()
        else:
            target.setParent(None)  # the view alone, at the size asked for
            target.resize(*wanted)
            target.show()
        while window.result() is None:
            app.processEvents()
        if entry is not None and entry.before_export is not None:
            entry.before_export(target)
        app.processEvents()
        if (target.width(), target.height()) != tuple(wanted):
            minimum = target.minimumSizeHint()
            raise ExportError(f"--size {wanted[0]}x{wanted[1]}: this view needs at least "
                              f"{minimum.width()}x{minimum.height()} pixels")
        try:
            return export_widget(target, out, scale)
        finally:
            target.close()
            window.store.undo_stack.clear()
            window.deleteLater()
            if target is not window:
                target.deleteLater()
            app.processEvents()

"""`main.py export`: build the window offscreen for a State and write one figure.

It goes through the same MainWindow, views and figure_export code as the window's own
File ▸ Export, so a figure made on a headless machine equals one made on screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.state import State
from gui import registry

HARMLESS = ("This plugin does not support",)  # the offscreen plugin's notes, not problems
STATE_TIMEOUT_S = 120  # torch's import and a first compute on a slow, busy machine
DEFAULT_SIZE = (1280, 800)  # the whole window; one view: its registry entry's export_size


def view_size(view: str) -> tuple[int, int]:
    """The pixels a view is laid out at by default: its registry entry's export_size (the
    whole window: DEFAULT_SIZE)."""
    return DEFAULT_SIZE if view == "all" else registry.entry(view).export_size


def quiet_offscreen_messages() -> None:
    """Keep the offscreen platform's notes out of a command-line user's terminal."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if not message.startswith(HARMLESS):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


@contextmanager
def offscreen_view(state: State, view: str = "all", size: tuple[int, int] | None = None,
                   language: str = "en", theme: str = "light",
                   presentation: bool = False) -> Iterator[OffscreenView]:
    """The window (view="all") or one view, built offscreen at its export size for state,
    in `language` (en, zh_CN) and `theme` (light, dark), in presentation mode (larger
    text, thicker lines) if asked; closed and deleted after.

    Without a size, a view that says it needs more room to be read (figure_size(): the
    graph, whose whole drawing would shrink to unreadable text) is laid out larger.
    Inside the running app (File ▸ Export at a size) the language, theme and presentation
    mode are the app's own: they are installed only if they differ, since installing them
    again restyles every widget of the user's window (an export of the graph used to leave
    its tab with an outer scroll bar)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed, none used
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.look.language import LanguageError, current_language, install_language, missing_font
    from gui.look.plot_style import configure_pyqtgraph
    from gui.look.presentation import is_presentation, set_presentation
    from gui.look.theme import IndicatorContrastStyle, apply_theme, is_dark, resolve
    from gui.shell.figure_export import ExportError

    quiet_offscreen_messages()
    app = QApplication.instance() or QApplication(["loss-lens-export"])
    configure_pyqtgraph()
    try:
        if language != current_language():
            install_language(language)
    except LanguageError as exc:
        raise ExportError(str(exc)) from None
    warning = missing_font(language)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    if not (isinstance(app.style(), IndicatorContrastStyle)
            and resolve(theme) == ("dark" if is_dark() else "light")):
        apply_theme(theme)
    if presentation != is_presentation():
        set_presentation(presentation)
    from gui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        # a throw-away settings file: exporting must not touch the user's settings
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(state, settings=settings)
        target = window.export_target(view)
        entry = None if view == "all" else registry.entry(view)
        wanted = size or view_size(view)
        if entry is None:
            window.resize(*wanted)
            window.show()
        else:
            _take_out(target)  # the view alone, at the size asked for
            target.resize(*wanted)
            target.show()
        shown = OffscreenView(app, window, target, entry)
        try:
            shown.show_state(state)
            if size is None and entry is not None:
                wanted = shown.grow_to_figure_size(wanted)
            if (target.width(), target.height()) != tuple(wanted):
                minimum = target.minimumSizeHint()
                raise ExportError(f"--size {wanted[0]}x{wanted[1]}: this view needs at least "
                                  f"{minimum.width()}x{minimum.height()} pixels")
            yield shown
        finally:
            target.close()
            window.store.undo_stack.clear()
            window.deleteLater()
            if target is not window:
                target.deleteLater()
            app.processEvents()


def _take_out(target) -> None:
    """Make target a window of its own. A panel in a scroll area (its tab) is taken from
    the area first: otherwise the area keeps resizing it to the area's viewport."""
    from PySide6.QtWidgets import QScrollArea

    holder = target.parentWidget()
    area = holder.parentWidget() if holder is not None else None
    if isinstance(area, QScrollArea) and area.widget() is target:
        area.takeWidget()
    target.setParent(None)


class OffscreenView:
    """A view on no screen that can be shown one State after another (animation frames)."""

    def __init__(self, app, window, target, entry) -> None:
        self.app, self.window, self.target, self._entry = app, window, target, entry

    def show_state(self, state: State, settle: bool = True) -> None:
        """Draw state: returns when every view shows its numbers (and, settle, once the
        picture has stopped changing)."""
        if self.window.result() is None or self.window.state() != state:
            self.window.set_state(state)
        deadline = time.monotonic() + STATE_TIMEOUT_S
        while self.window.result() is None or self.window.result().state != state:
            if time.monotonic() > deadline:
                from gui.shell.figure_export import ExportError

                raise ExportError(f"the views did not show the state within "
                                  f"{STATE_TIMEOUT_S} s")
            self.app.processEvents()
        if self._entry is not None and self._entry.before_export is not None:
            self._entry.before_export(self.target)
        self.app.processEvents()
        if settle:
            self._settle()

    def grow_to_figure_size(self, size: tuple[int, int]) -> tuple[int, int]:
        """The view laid out larger if it says its figure needs more (figure_size()); the
        size it now has."""
        needs = getattr(self.target, "figure_size", None)
        if needs is None:
            return size
        width, height = needs()
        grown = (max(size[0], width), max(size[1], height))
        if grown != tuple(size):
            self.target.resize(*grown)
            self._settle()
        return grown

    def _settle(self, rounds: int = 4) -> None:
        """Paint until the picture stops changing. pyqtgraph sizes an axis to its tick
        labels while it paints, and its layout follows in the next event pass; a window on
        screen gets there by itself, one offscreen must be painted again (else a figure
        keeps the axis widths of the picture before: the ticks drawn before the numbers)."""
        picture = self.target.grab().toImage()
        for _ in range(rounds):
            self.app.processEvents()
            again = self.target.grab().toImage()
            if again == picture:
                break
            picture = again


def export_figure(state: State, out: str | Path, view: str = "all",
                  size: tuple[int, int] | None = None, scale: float = 1.0,
                  language: str = "en", theme: str = "light",
                  presentation: bool = False) -> Path:
    """Write a PNG, SVG or PDF of the whole window (view="all") or of one view, in
    `language` (en, zh_CN) and `theme` (light, dark)."""
    from gui.shell.figure_export import export_widget, format_of

    format_of(out)  # refuse an unknown format before any work
    check_folder(out)
    with offscreen_view(state, view, size, language, theme, presentation) as shown:
        return export_widget(shown.target, out, scale)


def check_folder(out: str | Path) -> None:
    """Say a folder is missing or read-only before rendering anything."""
    from gui.shell.figure_export import ExportError

    folder = Path(out).resolve().parent
    if not folder.is_dir():
        raise ExportError(f"{out}: cannot write (the folder {folder} does not exist)")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"{out}: cannot write (the folder {folder} is not writable)")

"""View ▸ Language, ▸ Theme and ▸ Presentation mode: a new window is built in the old one's
place.

Every text and plot colour is set when a widget is built, so a switch builds a new window
that takes over the state, the undo history, the geometry, the current tab, the open Help
windows and what each panel keeps (registry Entry.hand_over); the old window deletes
itself and its garbage is collected once the new one has painted.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from gui import registry
from gui.look.language import LanguageError, current_language, install_language, missing_font
from gui.look.presentation import set_presentation
from gui.look.theme import apply_theme
from gui.shell import dialogs

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow

COLLECT_DELAY_MS = 500  # after a switch, before the replaced window's garbage is collected
_collector: list[QTimer] = []  # the one timer that does it, made when first needed


def freeze_heap() -> None:
    """Start-up (torch, Qt, pyqtgraph) leaves ~10⁶ long-lived objects; keep the cyclic GC
    from walking them during drags, where a full pass costs tens of ms."""
    gc.freeze()


def _collect_after_switch() -> None:
    """A replaced window is gone: collect its cycles (pyqtgraph's items and parentless
    menus, which own C++ objects), frozen with everything else by freeze_heap, then
    freeze the heap again. The full pass takes 0.15–0.25 s, so it waits until the new
    window has painted; a burst of switches shares one."""
    gc.unfreeze()
    if not _collector:
        timer = QTimer(QApplication.instance())
        timer.setSingleShot(True)
        timer.setInterval(COLLECT_DELAY_MS)
        timer.timeout.connect(_collect_and_freeze)
        _collector.append(timer)
    if not _collector[0].isActive():
        _collector[0].start()


def _collect_and_freeze() -> None:
    gc.collect()
    freeze_heap()


def switch_appearance(old: MainWindow, language: str | None = None,
                      theme_name: str | None = None,
                      presentation: bool | None = None) -> MainWindow:
    """Show `old` in another language, theme and/or presentation mode (larger text, thicker
    lines), and remember the choice; returns the window built in its place, which
    `old.replaced` announces."""
    if language is not None:
        try:
            install_language(language)
        except LanguageError as exc:  # its translations could not be loaded: stay as we are
            install_language(current_language())  # its translators back
            for action in old.choice_menus["language"].actions():
                action.setChecked(action.data() == current_language())
            dialogs.error(old, QCoreApplication.translate("MainWindow", "Language"), str(exc))
            return old
        old.settings.setValue("ui/language", language)
    if theme_name is not None:
        apply_theme(theme_name)
        old.settings.setValue("ui/theme", theme_name)
    if presentation is not None:
        set_presentation(presentation)
        old.settings.setValue("ui/presentation", presentation)
    old.hand_over_store()
    help_open = {name: w is not None and w.isVisible()
                 for name, w in (("formulas", old.formulas_window),
                                 ("shortcuts", old.shortcuts_window))}
    window = type(old)(settings=old.settings, store=old.store)
    take_geometry_of(window, old)
    for entry in registry.entries():
        if entry.hand_over is not None and old.is_built(entry.name):
            entry.hand_over(old.panel(entry.name), window.panel(entry.name), old.state())
    window.tabs.setCurrentIndex(old.tabs.currentIndex())
    if old.isVisible():
        window.show()
    # the Help windows belong to the old window: the new one opens its own, in its language
    if help_open["formulas"]:
        window.show_formulas()
    if help_open["shortcuts"]:
        window.show_shortcuts()
    for help_window in (old.formulas_window, old.shortcuts_window):
        if help_window is not None:
            help_window.close()
    old.close()
    old.replaced.emit(window)
    # Lambdas connected to the old window's own children keep its Python object alive,
    # so nothing frees it but deleting it; once its C++ side is gone, the collector
    # takes the rest.
    old.destroyed.connect(_collect_after_switch)
    old.deleteLater()
    warning = missing_font(current_language())
    if warning:
        dialogs.warn_once(window, warning)
    return window


def take_geometry_of(window: QWidget, other: QWidget) -> None:
    """Stand `window` exactly where `other` stands: same place, size and maximised or
    full-screen state. Not restoreGeometry(saveGeometry()): that moves a window that does
    not fit its screen (partly off it, or larger than it) back inside, a jump at every
    switch."""
    state = other.windowState() & ~Qt.WindowState.WindowActive
    if state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        window.setGeometry(other.normalGeometry())  # where it goes when un-maximised
    else:
        window.resize(other.size())
        window.move(other.pos())  # the frame's corner, as the user placed it
    window.setWindowState(state)

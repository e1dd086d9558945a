"""The window's actions, menu bar and toolbar, declared as data.

ACTIONS lists the window's own actions (File ▸ Open and the other file actions are
FileActions'); each menu is one tuple below, in the order it shows its items. An item is
the dotted name of a window attribute ("quit_action", "files.open_action"), SEPARATOR, or
a function that makes the item for a window. The texts are the main window's (translation
context "MainWindow"), translated when the window is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from gui.look import theme
from gui.look.language import LANGUAGES, current_language
from gui.look.presentation import is_presentation
from gui.look.theme import THEMES
from gui.shell import dialogs
from gui.shell.app_settings import saved_choice

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow

CONTEXT = "MainWindow"
SEPARATOR = "-"
StandardKey = QKeySequence.StandardKey


translate = QCoreApplication.translate  # lupdate reads translate("MainWindow", "…")


def tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("MainWindow", …), in the current language."""
    return translate(CONTEXT, text)


@dataclass(frozen=True)
class Action:
    """window.<attribute>: a QAction of the window."""

    attribute: str
    text: str  # marked with QT_TRANSLATE_NOOP("MainWindow", …)
    run: Callable[[MainWindow], object] | None = None  # what triggering it does
    shortcuts: tuple[StandardKey | str, ...] = ()
    tip: str = ""
    undo_stack: str = ""  # "undo" or "redo": the store's undo stack makes it (its text follows)
    icon: str = ""  # theme.arrow_icon's direction


@dataclass(frozen=True)
class Menu:
    title: str  # marked with QT_TRANSLATE_NOOP("MainWindow", …)
    items: tuple[str | Callable[[MainWindow], QAction | QMenu], ...]
    tips: bool = False  # show the items' tooltips


ACTIONS = (
    Action("undo_action", QT_TRANSLATE_NOOP("MainWindow", "&Undo"),
           shortcuts=(StandardKey.Undo,), undo_stack="undo", icon="left"),
    Action("redo_action", QT_TRANSLATE_NOOP("MainWindow", "&Redo"),
           shortcuts=("Ctrl+Shift+Z", "Ctrl+Y"), undo_stack="redo", icon="right"),
    Action("quit_action", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), lambda w: w.close(),
           (StandardKey.Quit,)),
    Action("about_action", QT_TRANSLATE_NOOP("MainWindow", "&About Loss Lens"),
           lambda w: dialogs.about(w)),
    Action("formulas_action", QT_TRANSLATE_NOOP("MainWindow", "&Formulas"),
           lambda w: w.show_formulas(), ("F1",),
           QT_TRANSLATE_NOOP("MainWindow", "The note's formulas, each linked to its view")),
    Action("shortcuts_action", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"),
           lambda w: w.show_shortcuts(), ("Ctrl+/",)),
    # ε and η cannot be Alt+letter accelerators on most keyboards: these reach them
    Action("smoothing_focus_action",
           QT_TRANSLATE_NOOP("MainWindow", "Go to &label smoothing ε"),
           lambda w: w.focus_entry("smoothing"), ("Ctrl+L",)),
    Action("rate_focus_action", QT_TRANSLATE_NOOP("MainWindow", "Go to lear&ning rate η"),
           lambda w: w.focus_entry("rate"), ("Ctrl+R",)),
)


def three_d_action(window: MainWindow) -> QAction:
    """View ▸ 3-D surface: the surface view's own 3-D switch, in the menu."""
    toggle = window.surface_view.toggle_3d
    window.gl_action = action = QAction(translate("MainWindow", "&3-D surface"), window)
    action.setCheckable(True)
    action.setEnabled(toggle.isEnabled())
    action.setToolTip(toggle.toolTip())
    action.toggled.connect(toggle.setChecked)
    toggle.toggled.connect(action.setChecked)
    return action


def language_menu(window: MainWindow) -> QMenu:
    return choice_menu(window, "language", translate("MainWindow", "&Language"),
                       list(LANGUAGES.items()), current_language(),
                       lambda code: window.switch_appearance(language=code))


def theme_menu(window: MainWindow) -> QMenu:
    names = {"system": translate("MainWindow", "Follow the &system"),
             "light": translate("MainWindow", "&Light"),
             "dark": translate("MainWindow", "&Dark")}
    return choice_menu(window, "theme", translate("MainWindow", "&Theme"),
                       [(t, names[t]) for t in THEMES],
                       saved_choice(window.settings, "ui/theme", THEMES, "system"),
                       lambda name: window.switch_appearance(theme_name=name))


def presentation_action(window: MainWindow) -> QAction:
    """View ▸ Presentation mode (F5, as in slide software): larger text and thicker lines
    for a projector; like a theme, the window is rebuilt in it."""
    window.presentation_action = action = QAction(
        translate("MainWindow", "&Presentation mode"), window)
    action.setCheckable(True)
    action.setChecked(is_presentation())
    action.setShortcut(QKeySequence("F5"))
    action.setToolTip(translate("MainWindow", "Larger text and thicker lines, for a projector"))
    action.triggered.connect(
        lambda on: window.switch_appearance(presentation=on))
    return action


def presets_button(window: MainWindow) -> QToolButton:
    button = QToolButton(window)
    button.setText(translate("MainWindow", "Presets"))
    button.setMenu(window.files.presets_menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolTip(
        translate("MainWindow", "Load one of the note's examples or another preset"))
    button.setAccessibleName(translate("MainWindow", "Presets"))
    return button


MENU_BAR = (
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&File"), (
        "files.open_action", "files.recent_menu", "files.save_action", SEPARATOR,
        "files.export_action", "files.animation_action", "files.copy_action",
        "files.json_action", "files.csv_action",
        SEPARATOR, "quit_action"), tips=True),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (
        "undo_action", "redo_action", SEPARATOR, "smoothing_focus_action",
        "rate_focus_action")),
    "files.presets_menu",
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&View"), (
        three_d_action, SEPARATOR, language_menu, theme_menu, presentation_action), tips=True),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Help"), (
        "formulas_action", "shortcuts_action", SEPARATOR, "about_action")),
)

TOOLBAR = (presets_button, "undo_action", "redo_action", SEPARATOR, "global_controls",
           SEPARATOR, "files.export_action")


def build_actions(window: MainWindow) -> None:
    """Make ACTIONS, each as window.<attribute>."""
    for spec in ACTIONS:
        if spec.undo_stack:
            stack = window.store.undo_stack
            make = stack.createUndoAction if spec.undo_stack == "undo" else stack.createRedoAction
            action = make(window, tr(spec.text))
        else:
            action = QAction(tr(spec.text), window)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.icon:
            action.setIcon(theme.arrow_icon(spec.icon))
        if spec.tip:
            action.setToolTip(tr(spec.tip))
        if spec.run is not None:
            action.triggered.connect(lambda _=False, run=spec.run: run(window))
        setattr(window, spec.attribute, action)
    window.choice_menus = {}


def _item(window: MainWindow, item) -> QAction | QMenu | QWidget:
    return item(window) if callable(item) else attrgetter(item)(window)


def _add(target: QMenu | QToolBar, thing: QAction | QMenu | QWidget) -> None:
    if isinstance(thing, QAction):
        target.addAction(thing)
    elif isinstance(thing, QMenu):
        target.addMenu(thing)
    else:
        target.addWidget(thing)


def build_menu_bar(window: MainWindow) -> None:
    bar = window.menuBar()
    for spec in MENU_BAR:
        if isinstance(spec, str):  # a menu made elsewhere
            bar.addMenu(attrgetter(spec)(window))
            continue
        menu = bar.addMenu(tr(spec.title))
        menu.setToolTipsVisible(spec.tips)
        for item in spec.items:
            if item == SEPARATOR:
                menu.addSeparator()
            else:
                _add(menu, _item(window, item))


def build_toolbar(window: MainWindow) -> QToolBar:
    toolbar = QToolBar(translate("MainWindow", "Main"), window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    for item in TOOLBAR:
        if item == SEPARATOR:
            toolbar.addSeparator()
        else:
            _add(toolbar, _item(window, item))
    return toolbar


def choice_menu(window: MainWindow, name: str, title: str, choices: list[tuple[str, str]],
                current: str, choose: Callable[[str], object]) -> QMenu:
    """A menu of exclusive, checkable choices, kept as window.choice_menus[name]; picking
    another one calls choose(key)."""
    menu = QMenu(title, window)
    group = QActionGroup(menu)
    for key, label in choices:
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(key == current)
        action.setData(key)
        group.addAction(action)
        action.triggered.connect(
            lambda _=False, key=key: None if key == current else choose(key))
    window.choice_menus[name] = menu
    return menu

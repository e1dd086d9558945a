"""The main window: controls on the left; the classifier views in a resizable 2×2 grid
and the learning panels on tabs beside them, all as gui/registry.py declares them.

Data flows one way: a control edits the State in the StateStore; the store says `changed`
at most once per event-loop pass; the window computes the Result once and hands it to
every view, which updates its existing plot items in place.
"""

from __future__ import annotations

import gc
import itertools
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.number_format import fmt, fmt_diff
from core.state import State
from gui import registry
from gui.controls.global_controls import GlobalControls
from gui.controls.logits_editor import LogitsEditor
from gui.controls.loss_editor import LossEditor
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.controls.target_editor import TargetEditor
from gui.items.axis_cache import cache_axes
from gui.items.readout_label import GrowingLabel, set_text
from gui.items.view_grid import two_by_two
from gui.look import theme
from gui.look.language import (
    LANGUAGES,
    current_language,
    install_language,
    missing_font,
    reduction_label,
)
from gui.look.theme import THEMES, apply_theme
from gui.shell import dialogs
from gui.shell.app_settings import app_settings, restore_geometry, saved_choice, saved_state
from gui.shell.file_actions import FileActions
from gui.shell.lazy_panel import LazyPanel
from gui.shell.torch_loader import TorchLoader

if TYPE_CHECKING:
    from core.result import Result

DEFAULT_SIZE = QSize(1280, 800)
CONTROLS_WIDTH = 330
FAILURE_MESSAGE_MS = 15_000  # how long the status bar says that a view failed
COLLECT_DELAY_MS = 500  # after a switch, before the replaced window's garbage is collected
_collector: list[QTimer] = []  # the one timer that does it, made when first needed


def _freeze_heap() -> None:
    """Start-up (torch, Qt, pyqtgraph) leaves ~10⁶ long-lived objects; keep the cyclic GC
    from walking them during drags, where a full pass costs tens of ms."""
    gc.freeze()


def _collect_after_switch() -> None:
    """A replaced window is gone: collect its cycles (pyqtgraph's items and parentless
    menus, which own C++ objects), frozen with everything else by _freeze_heap, then
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
    _freeze_heap()


class FailureCover(QLabel):
    """Hides a view that could not draw the current state behind what went wrong, so an
    older drawing never passes for the state every other view shows."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("view_failure")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAutoFillBackground(True)  # opaque, in the window's colour
        self.setMargin(12)
        view.installEventFilter(self)
        self.setGeometry(view.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False


class MainWindow(QMainWindow):
    result_changed = Signal(object)  # the Result every view now shows
    replaced = Signal(object)  # the window built to take this one's place (language, theme)

    def __init__(self, state: State | None = None, parent: QWidget | None = None, *,
                 settings: QSettings | None = None, restore: bool = False,
                 store: StateStore | None = None, begin_torch_import: bool = True) -> None:
        """restore: start from the last session's state and window geometry.
        store: carry on from another window's state and undo history (see switch_appearance).
        begin_torch_import=False: the caller starts torch's import (torch_loader.preload)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Loss Lens"))
        self.setObjectName("LossLensMainWindow")
        self.settings = settings or app_settings()
        if restore and state is None:
            state = saved_state(self.settings)
        if store is not None:
            store.setParent(self)
        self.store = store or StateStore(state or State(), self)
        self._handed_over = False
        self._took_over = store is not None  # from a window replaced by a switch
        self._result: Result | None = None

        # controls
        self.logits_editor = LogitsEditor(self.store)
        self.target_editor = TargetEditor(self.store)
        self.loss_editor = LossEditor(self.store)
        self.global_controls = GlobalControls(self.store, self.logits_editor.generator)
        self.editors = [self.global_controls, self.logits_editor, self.target_editor,
                        self.loss_editor]
        for editor in self.editors:
            editor.rejected.connect(self._on_edit_rejected)
        # the classifier views: created without a parent, so that the keyboard's Tab order
        # follows the layout (controls first, then the views) when the layout adopts them
        self.views = {e.name: e.build(self.store) for e in registry.entries(registry.GRID)}
        for view in self.views.values():
            self._adopt(view)
        # the learning panels, each a tab beside the classifier views, built when first shown
        self.lazy_panels = {e.name: LazyPanel(partial(e.build, self.store))
                            for e in registry.entries(registry.TAB)}
        for name, lazy in self.lazy_panels.items():
            lazy.built.connect(lambda panel, name=name: self._on_panel_built(name, panel))
        self._stale: set[str] = set()  # views not shown when the last result came
        self._failure_covers: dict[str, FailureCover] = {}  # views that could not draw it
        self._failures_said: set[tuple[str, str]] = set()  # (view, error) told the user
        self._focus_chain_for = 0  # the number of classes the Tab order was built for

        self.files = FileActions(self)
        self._build_actions()
        self._build_toolbar()
        self.setCentralWidget(self._build_centre())
        self._build_menus()
        self.numbers = GrowingLabel(self.tr("Loading torch…"), self)
        self.numbers.setAccessibleName(self.tr("Key numbers"))
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.numbers)
        self.resize(DEFAULT_SIZE)
        if restore:  # only a usable saved geometry (see app_settings)
            restore_geometry(self, self.settings)
        self.setAcceptDrops(True)
        for entry in registry.entries(registry.TAB):
            if not entry.lazy:
                self.lazy_panels[entry.name].content()

        self.torch = TorchLoader(self)
        self._begin_torch_import = begin_torch_import
        self.torch.ready.connect(lambda: self._on_state_changed(self.store.state()))
        self.torch.failed.connect(self._on_torch_failed)
        self.store.changed.connect(self._on_state_changed)
        for editor in self.editors:
            editor.set_state(self.store.state())
        self.store.refresh()

    # ------------------------------------------------------------------ public API
    def state(self) -> State:
        return self.store.state()

    def set_state(self, state: State) -> None:
        """Make state current (undoable); views show it after the next event-loop pass."""
        self.store.request(state, "", self.tr("Set state"))

    def result(self) -> Result | None:
        return self._result

    def panel(self, name: str) -> QWidget:
        """The view or panel `name` (its export name in gui/registry.py), built if need be."""
        return self.views[name] if name in self.views else self.lazy_panels[name].content()

    def is_built(self, name: str) -> bool:
        return name in self.views or self.lazy_panels[name].is_built()

    def export_choices(self) -> list[tuple[str, str]]:
        """(key, label) of what can be exported: the whole window, then each view."""
        return [("all", self.tr("Whole window"))] + [
            (name, registry.entry(name).title()) for name in self.all_views()]

    def show_view(self, view: str) -> None:
        """Bring the tab holding `view` to the front."""
        target = self.all_views()[view]
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if target is page or page.isAncestorOf(target):
                self.tabs.setCurrentIndex(index)
                return

    @contextmanager
    def showing(self, view: str) -> Iterator[QWidget]:
        """The export target of `view`, on screen and laid out for as long as it is drawn.

        A view on a hidden tab has never been laid out; its tab is shown while it is
        drawn, then the user's tab comes back.
        """
        before = self.tabs.currentIndex()
        if view != "all":
            self.show_view(view)
            entry = registry.entry(view)
            if entry.before_export is not None:  # e.g. the pitfalls run every card
                entry.before_export(self.panel(view))
        QApplication.processEvents()
        try:
            yield self.export_target(view)
        finally:
            self.tabs.setCurrentIndex(before)

    def all_views(self) -> dict[str, QWidget]:
        """Every view and panel that shows a Result, by its export name (built or not)."""
        return {**self.views, **self.lazy_panels}

    def _built_views(self) -> dict[str, QWidget]:
        return {name: self.panel(name) for name in self.all_views() if self.is_built(name)}

    def _adopt(self, view: QWidget) -> None:
        cache_axes(view)
        if isinstance(view, StateEditor):  # built with the store (registry: needs_store)
            view.rejected.connect(self._on_edit_rejected)
            view.set_state(self.store.state())
            self.editors.append(view)

    def _on_panel_built(self, name: str, panel: QWidget) -> None:
        self._adopt(panel)
        self._stale.add(name)  # it shows the current result when it is shown

    def export_target(self, view: str) -> QWidget:
        """The widget to draw for `view`, brought up to date even if it is not shown."""
        if view == "all":
            return self
        if view not in self.all_views():
            raise KeyError(f"no view {view!r}; choose from all, {', '.join(self.all_views())}")
        target = self.panel(view)
        if view in self._stale and self._result is not None:
            target.set_result(self._result)
            self._stale.discard(view)
        return target

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        stack = self.store.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setIcon(theme.arrow_icon("left"))
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(theme.arrow_icon("right"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self.tr("&About Loss Lens"), self)
        self.about_action.triggered.connect(lambda: dialogs.about(self))
        self.formulas_action = QAction(self.tr("&Formulas"), self)
        self.formulas_action.setShortcut(QKeySequence("F1"))
        self.formulas_action.setToolTip(self.tr("The note's formulas, each linked to its view"))
        self.formulas_action.triggered.connect(self.show_formulas)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self._formulas: QWidget | None = None
        self._shortcuts: QWidget | None = None
        self.choice_menus: dict[str, QMenu] = {}

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        presets_button = QToolButton(self)
        presets_button.setText(self.tr("Presets"))
        presets_button.setMenu(self.files.presets_menu)
        presets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        presets_button.setToolTip(self.tr("Load one of the note's examples or another preset"))
        presets_button.setAccessibleName(self.tr("Presets"))
        toolbar.addWidget(presets_button)
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.global_controls)
        toolbar.addSeparator()
        toolbar.addAction(self.files.export_action)
        self.addToolBar(toolbar)

    def _build_centre(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 6, 6, 6)
        for title, editor in ((self.tr("Logits a"), self.logits_editor),
                              (self.tr("Target y"), self.target_editor),
                              (self.tr("Loss"), self.loss_editor)):
            box = QGroupBox(title, panel)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(6, 4, 6, 6)
            box_layout.addWidget(editor)
            layout.addWidget(box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(CONTROLS_WIDTH)
        scroll.setAccessibleName(self.tr("Controls"))

        grid = two_by_two(*self.views.values())

        self.tabs = QTabWidget()
        self.tabs.addTab(grid, self.tr("Classifier"))
        for name, lazy in self.lazy_panels.items():
            self.tabs.addTab(lazy, registry.entry(name).title())
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        centre = QSplitter(Qt.Orientation.Horizontal)
        centre.addWidget(scroll)
        centre.addWidget(self.tabs)
        centre.setStretchFactor(1, 1)
        centre.setChildrenCollapsible(False)
        centre.setSizes([CONTROLS_WIDTH, DEFAULT_SIZE.width() - CONTROLS_WIDTH])
        return centre

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)
        file_menu.addAction(self.files.open_action)
        file_menu.addMenu(self.files.recent_menu)
        file_menu.addAction(self.files.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.files.export_action)
        file_menu.addAction(self.files.copy_action)
        file_menu.addAction(self.files.json_action)
        file_menu.addAction(self.files.csv_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        bar.addMenu(self.files.presets_menu)
        view_menu = bar.addMenu(self.tr("&View"))
        toggle = self.surface_view.toggle_3d
        self.gl_action = QAction(self.tr("&3-D surface"), self)
        self.gl_action.setCheckable(True)
        self.gl_action.setEnabled(toggle.isEnabled())
        self.gl_action.setToolTip(toggle.toolTip())
        self.gl_action.toggled.connect(toggle.setChecked)
        toggle.toggled.connect(self.gl_action.setChecked)
        view_menu.addAction(self.gl_action)
        view_menu.addSeparator()
        view_menu.addMenu(self._choice_menu(
            "language", self.tr("&Language"), list(LANGUAGES.items()), current_language(),
            lambda code: self.switch_appearance(language=code)))
        theme_names = {"system": self.tr("Follow the &system"), "light": self.tr("&Light"),
                       "dark": self.tr("&Dark")}
        view_menu.addMenu(self._choice_menu(
            "theme", self.tr("&Theme"), [(t, theme_names[t]) for t in THEMES],
            saved_choice(self.settings, "ui/theme", THEMES, "system"),
            lambda name: self.switch_appearance(theme_name=name)))
        view_menu.setToolTipsVisible(True)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.formulas_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _choice_menu(self, name: str, title: str, choices: list[tuple[str, str]],
                     current: str, choose) -> QMenu:
        """A menu of exclusive, checkable choices, kept as choice_menus[name]; picking
        another one calls choose(key)."""
        menu = QMenu(title, self)
        group = QActionGroup(menu)
        for key, label in choices:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.setData(key)
            group.addAction(action)
            action.triggered.connect(
                lambda _=False, key=key: None if key == current else choose(key))
        self.choice_menus[name] = menu
        return menu

    def show_formulas(self) -> None:
        from gui.help.formulas_window import FormulasWindow

        if self._formulas is None:
            self._formulas = FormulasWindow(self.show_view, self)
        self._formulas.show()
        self._formulas.raise_()

    def show_shortcuts(self) -> None:
        from gui.help.shortcuts_window import ShortcutsWindow

        if self._shortcuts is None:
            self._shortcuts = ShortcutsWindow(self, self)
        self._shortcuts.show()
        self._shortcuts.raise_()

    # ------------------------------------------------------------------ updates
    def _on_state_changed(self, state: State) -> None:
        if not self.torch.loaded:  # the first numbers come when torch has loaded
            self.torch.start(self._begin_torch_import)
            for editor in self.editors:
                editor.set_state(state)
            return
        from core.pipeline import compute

        result = compute(state)
        if self._result is None and not self._took_over:  # (after a switch, the heap is
            _freeze_heap()                                  # frozen by _collect_after_switch)
        self._result = result
        built = self._built_views()
        for name in self.all_views():
            view = built.get(name)
            if view is not None and view.isVisible():  # a hidden tab catches up when shown
                self._draw(name, view, result)
                self._stale.discard(name)
            else:
                self._stale.add(name)
        for editor in self.editors:
            editor.set_state(state)
        if state.n_classes != self._focus_chain_for:
            self._chain_focus(state.n_classes)
        self.loss_editor.set_result(result)
        c = result.classifier
        self.result_changed.emit(result)
        set_text(self.numbers,
            self.tr("CE %1 · MSE (%2) %3 · max |diff| %4 · T %5 · ε %6 · N %7")
            .replace("%1", fmt(c.cross_entropy, 4)).replace("%2", reduction_label(state.reduction))
            .replace("%3", fmt(c.mse, 4)).replace("%4", fmt_diff(result.max_abs_diff))
            .replace("%5", f"{state.temperature:g}").replace("%6", f"{state.label_smoothing:g}")
            .replace("%7", str(state.n_classes)))

    def _draw(self, name: str, view: QWidget, result: Result) -> None:
        """view.set_result(result), isolated: a view that raises must not stop the others,
        the editors and the status line from showing the new state. It is covered with
        what went wrong (never left showing an older state as if current), said once in
        the status bar, and uncovered when a later state draws."""
        try:
            view.set_result(result)
        except Exception as exc:  # any bug in one view; the window goes on
            self._on_view_failed(name, view, exc)
            return
        cover = self._failure_covers.pop(name, None)
        if cover is not None:
            cover.hide()
            cover.deleteLater()

    def _on_view_failed(self, name: str, view: QWidget, exc: Exception) -> None:
        label = registry.entry(name).title()
        error = f"{type(exc).__name__}: {exc}"
        cover = self._failure_covers.get(name)
        if cover is None:
            cover = self._failure_covers[name] = FailureCover(view)
        cover.setText(self.tr("%1 could not draw this state.\n%2").replace("%1", label)
                      .replace("%2", error))
        if (name, error) in self._failures_said:
            return
        self._failures_said.add((name, error))
        self.statusBar().showMessage(
            self.tr("%1 could not draw this state (%2); the other views show it.")
            .replace("%1", label).replace("%2", error), FAILURE_MESSAGE_MS)
        if os.environ.get("LOSS_LENS_DEBUG"):
            traceback.print_exception(exc, file=sys.stderr)
        else:
            print(f"loss-lens: the {name} view could not draw a state: {error} (run with "
                  f"LOSS_LENS_DEBUG=1 for the traceback)", file=sys.stderr)

    def _chain_focus(self, n_classes: int) -> None:
        """Tab visits the controls top to bottom: rows made for a new N join the chain at
        its end otherwise, after the views."""
        chain = [w for editor in (self.global_controls, self.logits_editor,
                                  self.target_editor, self.loss_editor)
                 for w in editor.focus_widgets()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._focus_chain_for = n_classes

    def _on_torch_failed(self, message: str) -> None:
        set_text(self.numbers, self.tr("torch could not be loaded: %1").replace("%1", message))
        dialogs.error(self, self.tr("torch could not be loaded"), message)

    def _on_tab_changed(self, _index: int) -> None:
        if self._result is None:
            return
        for name, view in self._built_views().items():
            if name in self._stale and view.isVisible():
                self._draw(name, view, self._result)
                self._stale.discard(name)

    def _on_edit_rejected(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("state/last", self.state().to_json(indent=None))
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        if not self._handed_over:
            self.store.undo_stack.clear()
        super().closeEvent(event)

    # ------------------------------------------------------------------ language and theme
    def switch_appearance(self, language: str | None = None,
                          theme_name: str | None = None) -> MainWindow:
        """Show the window in another language and/or theme, and remember the choice.

        Every text and plot colour is set when a widget is built, so a new window is built
        in this one's place; it takes over the state, the undo history, the geometry and
        the current tab, and `replaced` tells the application about it.
        """
        if language is not None:
            install_language(language)
            self.settings.setValue("ui/language", language)
        if theme_name is not None:
            apply_theme(theme_name)
            self.settings.setValue("ui/theme", theme_name)
        self.store.changed.disconnect(self._on_state_changed)
        self._handed_over = True
        help_open = {name: w is not None and w.isVisible()
                     for name, w in (("formulas", self._formulas), ("shortcuts", self._shortcuts))}
        window = MainWindow(settings=self.settings, store=self.store)
        window.take_geometry_of(self)
        for entry in registry.entries():  # what a panel keeps (pitfalls: the cards run)
            if entry.hand_over is not None and self.is_built(entry.name):
                entry.hand_over(self.panel(entry.name), window.panel(entry.name), self.state())
        window.tabs.setCurrentIndex(self.tabs.currentIndex())
        if self.isVisible():
            window.show()
        # the Help windows belong to this window: the new one opens its own, in its language
        if help_open["formulas"]:
            window.show_formulas()
        if help_open["shortcuts"]:
            window.show_shortcuts()
        for help_window in (self._formulas, self._shortcuts):
            if help_window is not None:
                help_window.close()
        self.close()
        self.replaced.emit(window)
        # Lambdas connected to this window's own children keep its Python object alive,
        # so nothing frees it but deleting it; once its C++ side is gone, the collector
        # takes the rest.
        self.destroyed.connect(_collect_after_switch)
        self.deleteLater()
        warning = missing_font(current_language())
        if warning:
            dialogs.warn_once(window, warning)
        return window

    def take_geometry_of(self, other: QWidget) -> None:
        """Stand exactly where `other` stands: same place, size and maximised or full-screen
        state. Not restoreGeometry(saveGeometry()): that moves a window that does not fit
        its screen (partly off it, or larger than it) back inside, a jump at every switch."""
        state = other.windowState() & ~Qt.WindowState.WindowActive
        if state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            self.setGeometry(other.normalGeometry())  # where it goes when un-maximised
        else:
            self.resize(other.size())
            self.move(other.pos())  # the frame's corner, as the user placed it
        self.setWindowState(state)

    # ------------------------------------------------------------------ drag & drop
    def _dropped_state_file(self, event) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        return next((p for p in paths if p.lower().endswith(".json")), None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_state_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_state_file(event)
        if path:
            event.acceptProposedAction()
            self.files.open_file(path)


def _accessor(name: str) -> property:
    return property(lambda window: window.panel(name), doc=f"window.panel({name!r})")


# window.softmax_view, window.regression_tab …: the attributes the registry names
for _entry in registry.entries():
    if _entry.attribute:
        setattr(MainWindow, _entry.attribute, _accessor(_entry.name))

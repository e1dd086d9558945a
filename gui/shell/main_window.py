"""The main window: controls on the left; the classifier views in a resizable 2×2 grid
and the learning panels on tabs beside them, all as gui/registry.py declares them.

Data flows one way: a control edits the State in the StateStore; the store says `changed`
at most once per event-loop pass; the window computes the Result once and hands it to
every view (view_updates), which updates its existing plot items in place. Its menus and
toolbar are declared in menus.py; a language or theme switch is appearance_switch.py's.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from core.state import State
from gui import registry
from gui.controls.global_controls import GlobalControls
from gui.controls.logits_editor import LogitsEditor
from gui.controls.loss_editor import LossEditor
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.controls.target_editor import TargetEditor
from gui.items.axis_cache import cache_axes
from gui.shell import appearance_switch, dialogs, menus, plot_menus
from gui.shell.app_settings import app_settings, restore_geometry, saved_state
from gui.shell.control_scope import ControlScope
from gui.shell.file_actions import FileActions
from gui.shell.lazy_panel import LazyPanel
from gui.shell.status_line import StatusLine
from gui.shell.torch_loader import TorchLoader
from gui.shell.view_updates import ViewUpdates
from gui.shell.window_layout import build_centre, first_size

if TYPE_CHECKING:
    from core.result import Result


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
        self.updates = ViewUpdates(self)
        self._focus_chain_for = 0  # the number of classes the Tab order was built for

        self.files = FileActions(self)
        plot_menus.install(self)  # the plots' right-click menus export with the app's export
        self.formulas_window: QWidget | None = None
        self.shortcuts_window: QWidget | None = None
        menus.build_actions(self)
        self.addToolBar(menus.build_toolbar(self))
        self.setCentralWidget(build_centre(self))  # and self.tabs
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.scope = ControlScope(self, self.scope_note)  # greys what a tab does not read
        menus.build_menu_bar(self)
        self.status = StatusLine(self.statusBar())
        self.numbers = self.status.numbers
        self.resize(first_size(self))
        if restore:  # only a usable saved geometry (see app_settings)
            restore_geometry(self, self.settings)
        self.setAcceptDrops(True)
        self.torch = TorchLoader(self)
        for entry in registry.entries(registry.TAB):
            if not entry.lazy:
                self.lazy_panels[entry.name].content()

        for name, view in self.views.items():  # no half-drawn views while torch loads
            self.updates.cover_until_drawn(name, view, self.torch.loaded)
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

    def all_views(self) -> dict[str, QWidget]:
        """Every view and panel that shows a Result, by its export name (built or not)."""
        return {**self.views, **self.lazy_panels}

    def _built_views(self) -> dict[str, QWidget]:
        return {name: self.panel(name) for name in self.all_views() if self.is_built(name)}

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

    def export_target(self, view: str) -> QWidget:
        """The widget to draw for `view`, brought up to date even if it is not shown."""
        if view == "all":
            return self
        if view not in self.all_views():
            raise KeyError(f"no view {view!r}; choose from all, {', '.join(self.all_views())}")
        target = self.panel(view)
        if view in self.updates.stale and self._result is not None:
            self.updates.draw(view, target, self._result)  # isolated, as on screen
            self.updates.stale.discard(view)
        return target

    def switch_appearance(self, language: str | None = None, theme_name: str | None = None,
                          presentation: bool | None = None) -> MainWindow:
        """Show the window in another language, theme and/or presentation mode, and
        remember the choice: a new window is built in this one's place (see
        appearance_switch) and returned."""
        return appearance_switch.switch_appearance(self, language, theme_name, presentation)

    def focus_entry(self, name: str) -> None:
        """Put the cursor in the label smoothing ("smoothing") or the regression's learning
        rate ("rate") entry, text selected: Edit ▸ Go to… (Ctrl+L, Ctrl+R)."""
        if name == "rate":
            self.show_view("regression")
            entry = self.regression_tab.rate_control.entry
        else:
            entry = self.global_controls.smoothing.entry
            if not entry.isEnabled():  # on a tab the classifier does not reach
                self.tabs.setCurrentIndex(0)
        entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        entry.selectAll()

    def hand_over_store(self) -> None:
        """The store now belongs to the window built in this one's place."""
        self.store.changed.disconnect(self._on_state_changed)
        self._handed_over = True

    def show_formulas(self) -> None:
        from gui.help.formulas_window import FormulasWindow

        if self.formulas_window is None:
            self.formulas_window = FormulasWindow(self.show_view, self)
        self.formulas_window.show()
        self.formulas_window.raise_()

    def show_shortcuts(self) -> None:
        from gui.help.shortcuts_window import ShortcutsWindow

        if self.shortcuts_window is None:
            self.shortcuts_window = ShortcutsWindow(self, self)
        self.shortcuts_window.show()
        self.shortcuts_window.raise_()

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
            appearance_switch.freeze_heap()              # frozen when the old one is gone)
        self._result = result
        self.updates.show(result, list(self.all_views()), self._built_views())
        for editor in self.editors:
            editor.set_state(state)
        if state.n_classes != self._focus_chain_for:
            self._chain_focus(state.n_classes)
        self.loss_editor.set_result(result)
        self.result_changed.emit(result)
        self.status.show_result(result)

    def _adopt(self, view: QWidget) -> None:
        cache_axes(view)
        if isinstance(view, StateEditor):  # built with the store (registry: needs_store)
            view.rejected.connect(self._on_edit_rejected)
            view.set_state(self.store.state())
            self.editors.append(view)

    def _on_panel_built(self, name: str, panel: QWidget) -> None:
        self._adopt(panel)
        self.updates.stale.add(name)  # it shows the current result when it is shown
        if self._result is None:
            self.updates.cover_until_drawn(name, panel, self.torch.loaded)

    def _on_tab_changed(self, _index: int) -> None:
        self.status.forget_refusal()  # it was about a control of the tab left behind
        if self._result is not None:
            self.updates.catch_up(self._result, self._built_views())

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
        self.status.torch_failed(message)
        self.updates.no_result(self.tr("torch could not be loaded: %1").replace("%1", message))
        dialogs.error(self, self.tr("torch could not be loaded"), message)

    def _on_edit_rejected(self, message: str) -> None:
        self.status.refuse(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("state/last", self.state().to_json(indent=None))
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        if not self._handed_over:
            self.store.undo_stack.clear()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.files.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.drop(event)


def _accessor(name: str) -> property:
    return property(lambda window: window.panel(name), doc=f"window.panel({name!r})")


# window.softmax_view, window.regression_tab …: the attributes the registry names
for _entry in registry.entries():
    if _entry.attribute:
        setattr(MainWindow, _entry.attribute, _accessor(_entry.name))

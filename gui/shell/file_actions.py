"""File menu actions: open and save states, recent files, presets, figures and numbers;
a state file dropped on the window opens.

Nothing here may lose the user's work: a file that does not load leaves the current state
as it was and says why; every write is all-or-nothing (see core.state_file.write_atomic).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from core.resources import presets
from core.state_file import StateFileError, WriteError, read_state, write_atomic, write_state
from gui import registry
from gui.shell import dialogs
from gui.shell.app_settings import (
    ExportChoices,
    add_recent_file,
    recent_files,
    saved_export_choices,
    saved_folder,
)
from gui.shell.figure_export import (
    ExportError,
    export_widget,
    figure_image,
    format_of,
)
from gui.shell.headless_export import check_folder, offscreen_view
from gui.shell.unseen import appearance, unseen_windows

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.open_action = self._action(self.tr("&Open state…"), QKeySequence.StandardKey.Open,
                                        self.tr("Open a saved state (.json)"), self.open_dialog)
        self.save_action = self._action(self.tr("&Save state…"), QKeySequence.StandardKey.Save,
                                        self.tr("Save the current state as JSON"), self.save_dialog)
        self.export_action = self._action(self.tr("&Export figure…"), QKeySequence("Ctrl+E"),
                                          self.tr("Save the window or one view as PNG, SVG or PDF"),
                                          lambda: self.export_dialog())
        # the toolbar shows the icon text: without it Chinese shows 导出图(E), an accelerator's
        # letter that does nothing there
        self.export_action.setIconText(self.tr("Export figure"))
        self.animation_action = self._action(
            self.tr("Export &animation…"), None,
            self.tr("A GIF or MP4 of a view while one number moves"), self.animation_dialog)
        self.copy_action = self._action(self.tr("&Copy image"), QKeySequence("Ctrl+Shift+C"),
                                        self.tr("Copy a picture of the window to the clipboard"),
                                        self.copy_image)
        self.json_action = self._action(self.tr("Export numbers as &JSON…"), None,
                                        self.tr("Every number of the current result, as JSON"),
                                        lambda: self.numbers_dialog("json"))
        self.csv_action = self._action(self.tr("Export numbers as CS&V…"), None,
                                       self.tr("Probabilities, gradients and the Jacobian, one row "
                                          "per class"), lambda: self.numbers_dialog("csv"))
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.recent_menu.setToolTipsVisible(True)
        self.presets_menu = QMenu(self.tr("&Presets"), window)
        self.presets_menu.setToolTipsVisible(True)
        self.preset_actions: list[QAction] = []
        for item in presets():
            # names and descriptions come from presets/index.json; tools/translations.py
            # puts them in the .ts under the context "Presets"
            description = QCoreApplication.translate("Presets", item.description)
            action = QAction(QCoreApplication.translate("Presets", item.name), window)
            action.setToolTip(description)
            action.setStatusTip(description)
            action.triggered.connect(lambda _=False, item=item: self.load_preset(item))
            self.presets_menu.addAction(action)
            self.preset_actions.append(action)
        self._refresh_recent()

    def _action(self, text: str, shortcut, tip: str, slot) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    # ------------------------------------------------------------------ state files
    def _folder(self) -> str:
        recent = recent_files(self.window.settings)
        if recent:
            return str(Path(recent[0]).parent)
        return default_folder()

    def open_dialog(self) -> None:
        path = dialogs.open_state_path(self.window, self._folder())
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        """Load a state file; on any problem say so and keep the current state."""
        try:
            state = read_state(path)
        except StateFileError as exc:
            self._fail(self.tr("Could not open the state"), str(exc))
            return False
        self.window.store.request(state, "", self.tr("Open %1").replace("%1", Path(path).name))
        self._remember(path)
        self.window.statusBar().showMessage(self.tr("Opened %1").replace("%1", path), 5000)
        return True

    def drag_enter(self, event: QDragEnterEvent) -> None:
        """The window's dragEnterEvent: a state file may be dropped on it."""
        if dropped_state_file(event):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        """The window's dropEvent: open the state file dropped on it."""
        path = dropped_state_file(event)
        if path:
            event.acceptProposedAction()
            self.open_file(path)

    def save_dialog(self) -> None:
        suggested = str(Path(self._folder()) / "loss-lens-state.json")
        path = dialogs.save_path(self.window, self.tr("Save state"), suggested,
                                 dialogs.translate("dialogs", "Loss Lens state (*.json)"))
        if path:
            self.save_file(path)

    def save_file(self, path: str) -> bool:
        try:
            write_state(path, self.window.state())
        except StateFileError as exc:
            self._fail(self.tr("Could not save the state"), str(exc))
            return False
        self._remember(path)
        self.window.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 5000)
        return True

    def load_preset(self, item) -> None:
        try:
            state = item.load()
        except StateFileError as exc:  # a broken install: say so, keep the state
            self._fail(self.tr("Could not load the preset"), str(exc))
            return
        self.window.store.request(state, "", self.tr("Preset %1").replace("%1", item.name))
        if item.view:
            self.window.show_view(item.view)

    def _remember(self, path: str) -> None:
        add_recent_file(self.window.settings, str(Path(path).resolve()))
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        files = recent_files(self.window.settings)
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, path=path: self.open_file(path))
        self.recent_menu.setEnabled(bool(files))

    # ------------------------------------------------------------------ figures & numbers
    def export_dialog(self, view: str | None = None) -> None:
        """File ▸ Export figure: the last choices, or `view` chosen (a plot's right-click
        menu names its own). The dialog writes the file itself and stays open on an error."""
        remembered = self._export_choices()
        # on a panel's own tab, that panel (a trial exported "Whole window" from the graph's)
        tab = self.window.scope.tab_name(self.window.tabs.currentIndex())
        if view is None and tab != "classifier":
            view = tab
        current = view or remembered.view or "all"
        if view is not None:
            remembered = replace(remembered, view=None)
        # the dialog names the file after the view (loss-lens-jacobian.png, -2, …)
        suggested = str(Path(remembered.folder) / f"loss-lens.{remembered.format}")
        dialogs.ask_export(self.window, self.window.export_choices(), suggested, current,
                           save=self.save_request, copy=self.copy_request,
                           remembered=remembered)

    def _export_choices(self) -> ExportChoices:
        """The export dialog's remembered choices; a value that cannot be used is ignored."""
        return saved_export_choices(self.window.settings,
                                    [key for key, _ in self.window.export_choices()],
                                    default_folder())

    def _remember_export(self, request: dialogs.ExportRequest) -> None:
        settings = self.window.settings
        settings.setValue("export/folder", str(Path(request.path).resolve().parent))
        settings.setValue("export/view", request.view)
        settings.setValue("export/format", format_of(request.path))
        if format_of(request.path) == "png":
            settings.setValue("export/scale", request.scale)
            settings.setValue("export/transparent", request.transparent)
        settings.setValue("export/fixed_size", request.size is not None)
        if request.size is not None:
            settings.setValue("export/size", f"{request.size[0]}x{request.size[1]}")

    def save_request(self, request: dialogs.ExportRequest) -> str:
        """The export dialog's Save: "" once written (choices remembered), else why not."""
        try:
            format_of(request.path)
            check_folder(request.path)  # before anything is drawn
            with self._drawn(request.view, request.size, request.path) as target:
                written = export_widget(target, request.path, request.scale,
                                        request.transparent)
        except ExportError as exc:
            return str(exc)
        self._remember_export(request)
        self.window.statusBar().showMessage(self.tr("Wrote %1").replace("%1", str(written)),
                                            5000)
        return ""

    def copy_request(self, request: dialogs.ExportRequest) -> str:
        """The export dialog's Copy: the PNG it would save (figure mode, its size, scale
        and background), on the clipboard."""
        try:
            with self._drawn(request.view, request.size) as target:
                image = figure_image(target, request.scale, request.transparent)
        except ExportError as exc:
            return str(exc)
        self._copied(image, request.view)
        return ""

    def _copied(self, image, view: str) -> None:
        """image on the clipboard, and the status bar says what was copied."""
        QGuiApplication.clipboard().setImage(image)
        what = (self.tr("the window") if view == "all" else
                self.tr("“%1”").replace("%1", registry.entry(view).title()))
        self.window.statusBar().showMessage(
            self.tr("Copied a picture of %1 (%2 × %3 pixels)").replace("%1", what)
            .replace("%2", str(image.width())).replace("%3", str(image.height())), 5000)

    @contextmanager
    def _drawn(self, view: str, size: tuple[int, int] | None = None,
               path: str | Path | None = None) -> Iterator[QWidget]:
        """The widget to draw for view: the one on screen, or (size given) the view laid
        out at size in a window of its own that never shows, as `main.py export --size`
        does, in the window's language, theme and presentation mode, showing what the one
        on screen shows (the graph chosen, the step of backward: the entry's hand_over).
        A view too small on screen for its figure to be read (figure_size(): the graph)
        is laid out at the size it needs, the same way."""
        if size is None:
            with self.window.showing(view) as target:
                needs = getattr(target, "figure_size", None)
                grown = None if needs is None or view == "all" else tuple(needs())
                if grown is None or grown == (target.width(), target.height()):
                    yield target
                    return
            size = grown
        if path is not None:
            format_of(path)
            check_folder(path)  # before the view is built
        with unseen_windows(), offscreen_view(self.window.state(), view, size,
                                              **appearance()) as shown:
            entry = None if view == "all" else registry.entry(view)
            if entry is not None and entry.hand_over is not None \
                    and self.window.is_built(view):
                entry.hand_over(self.window.panel(view), shown.target, self.window.state())
                shown.show_state(self.window.state())  # drawn again, settled
            yield shown.target

    def export(self, path: str | Path, view: str = "all", scale: float = 1.0,
               transparent: bool = False) -> bool:
        try:
            with self.window.showing(view) as target:
                written = export_widget(target, path, scale, transparent)
        except ExportError as exc:
            self._fail(self.tr("Could not export the figure"), str(exc))
            return False
        self.window.statusBar().showMessage(self.tr("Wrote %1").replace("%1", str(written)),
                                            5000)
        return True

    def copy_image(self) -> None:
        """Edit ▸ Copy image: the window as a figure (no hints), as sharp as the screen."""
        image = figure_image(self.window.export_target("all"), self.window.devicePixelRatioF())
        self._copied(image, "all")

    def copy_view(self, view: str) -> None:
        """A plot's right-click ▸ Copy picture: that view as Save draws it (figure mode), at
        its size on screen × the export dialog's remembered scale."""
        with self.window.showing(view) as target:
            image = figure_image(target, self._export_choices().scale)
        self._copied(image, view)

    def animation_dialog(self) -> None:
        """File ▸ Export animation, starting from the view on screen."""
        shown = next((name for name in self.window.all_views()
                      if self.window.is_built(name) and self.window.panel(name).isVisible()),
                     "all")
        written = dialogs.ask_animation(self.window, self.window.state(),
                                        self.window.export_choices(), shown,
                                        saved_folder(self.window.settings, "export/folder")
                                        or default_folder(), self.window.settings)
        if written is not None:
            self.window.settings.setValue("export/folder", str(Path(written).resolve().parent))
            self.window.statusBar().showMessage(
                self.tr("Wrote %1").replace("%1", str(written)), 5000)

    def numbers_dialog(self, kind: str) -> None:
        suggested = str(Path(self._folder()) / f"loss-lens-numbers.{kind}")
        file_filter = (self.tr("JSON (*.json)") if kind == "json"
                       else self.tr("CSV table (*.csv)"))
        path = dialogs.save_path(self.window, self.tr("Export numbers"), suggested, file_filter)
        if path:
            self.export_numbers(path, kind)

    def export_numbers(self, path: str, kind: str) -> bool:
        result = self.window.result()
        if result is None:
            return False
        from core.numbers_export import result_csv, result_json

        text = result_json(result) if kind == "json" else result_csv(result)
        try:
            write_atomic(path, text)
        except WriteError as exc:
            self._fail(self.tr("Could not export the numbers"), str(exc))
            return False
        self.window.statusBar().showMessage(self.tr("Wrote %1").replace("%1", path), 5000)
        return True

    def _fail(self, title: str, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)
        dialogs.error(self.window, title, message)


def default_folder() -> str:
    """Documents if this user has that folder, else home: a folder that exists, so the
    first save does not fail where Documents was never made."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and os.path.isdir(documents) else str(Path.home())


def dropped_state_file(event: QDropEvent) -> str | None:
    """The first local .json file among what is dragged, if any."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
    return next((p for p in paths if p.lower().endswith(".json")), None)

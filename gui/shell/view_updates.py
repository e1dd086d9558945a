"""Hands each Result to the views and panels, one at a time and each isolated.

A view on a hidden tab is not drawn: it is marked stale and catches up when it is shown
(or exported). A view that raises must not stop the others, the editors and the status
line from showing the new state: it is covered with what went wrong (never left showing an
older state as if current), said once in the status bar, and uncovered when a later state
draws.

Until the first result (torch takes a second or two to import) each view is covered by a
quiet "Loading torch…": before, the views showed placeholder axes (±400, a dark square, a
Jacobian of 0–2) that then jumped into place.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from gui import registry

if TYPE_CHECKING:
    from core.result import Result

FAILURE_MESSAGE_MS = 15_000  # how long the status bar says that a view failed


class Cover(QLabel):
    """An opaque label over the whole of a view, following its size."""

    def __init__(self, view: QWidget, name: str) -> None:
        super().__init__(view)
        self.setObjectName(name)
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


class FailureCover(Cover):
    """Hides a view that could not draw the current state behind what went wrong, so an
    older drawing never passes for the state every other view shows."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view, "view_failure")


class LoadingCover(Cover):
    """Hides a view that has nothing to show yet: its axes before the first result are
    placeholders, not numbers."""

    def __init__(self, view: QWidget, text: str) -> None:
        super().__init__(view, "view_loading")
        self.setText(text)
        self.setEnabled(False)  # the disabled text colour: quiet, not a message


class ViewUpdates:
    """The window's views by name: which are stale, which are covered, what was said."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window  # whose status bar says what failed
        self.stale: set[str] = set()  # views not shown when the last result came
        self.covers: dict[str, FailureCover] = {}  # views that could not draw it
        self.loading: dict[str, LoadingCover] = {}  # views with no result drawn yet
        self.said: dict[str, str] = {}  # view -> the error last told in the status bar
        # (view, kind of error) written to stderr: keyed by the kind, not the text, which
        # holds values and would print (and remember) a new line on every frame of a drag
        self.logged: set[tuple[str, str]] = set()

    def cover_until_drawn(self, name: str, view: QWidget, torch_loaded: bool) -> None:
        """A quiet cover over `view` until it first draws a result."""
        translate = QCoreApplication.translate  # lupdate reads translate("MainWindow", "…")
        if name not in self.loading:
            self.loading[name] = LoadingCover(view, translate("MainWindow", "Computing…")
                                              if torch_loaded else
                                              translate("MainWindow", "Loading torch…"))

    def no_result(self, message: str) -> None:
        """The views still waiting for their first result will not get one: say why."""
        for cover in self.loading.values():
            cover.setText(message)
            cover.setEnabled(True)

    def show(self, result: Result, names: list[str], built: dict[str, QWidget]) -> None:
        """Draw result on every view of `names` that is built and shown; the rest are stale."""
        for name in names:
            view = built.get(name)
            if view is not None and view.isVisible():  # a hidden tab catches up when shown
                self.draw(name, view, result)
                self.stale.discard(name)
            else:
                self.stale.add(name)

    def catch_up(self, result: Result, built: dict[str, QWidget]) -> None:
        """Draw result on the stale views that are now shown."""
        for name, view in built.items():
            if name in self.stale and view.isVisible():
                self.draw(name, view, result)
                self.stale.discard(name)

    def draw(self, name: str, view: QWidget, result: Result) -> None:
        """view.set_result(result), isolated: a failure covers this view only."""
        try:
            view.set_result(result)
        except Exception as exc:  # any bug in one view; the window goes on
            self._failed(name, view, exc)
            return
        loading = self.loading.pop(name, None)
        if loading is not None:
            loading.hide()
            loading.deleteLater()
        cover = self.covers.pop(name, None)
        if cover is not None:
            cover.hide()
            cover.deleteLater()
            self.said.pop(name, None)
            self.logged = {logged for logged in self.logged if logged[0] != name}

    def _failed(self, name: str, view: QWidget, exc: Exception) -> None:
        translate = QCoreApplication.translate  # lupdate reads translate("MainWindow", "…")
        label = registry.entry(name).title()
        error = f"{type(exc).__name__}: {exc}"
        cover = self.covers.get(name)
        if cover is None:
            cover = self.covers[name] = FailureCover(view)
        cover.setText(translate("MainWindow", "%1 could not draw this state.\n%2")
                      .replace("%1", label).replace("%2", error))
        if self.said.get(name) != error:
            self.said[name] = error
            self.window.statusBar().showMessage(
                translate("MainWindow",
                          "%1 could not draw this state (%2); the other views show it.")
                .replace("%1", label).replace("%2", error), FAILURE_MESSAGE_MS)
        if (name, type(exc).__name__) in self.logged:
            return
        self.logged.add((name, type(exc).__name__))
        if os.environ.get("LOSS_LENS_DEBUG"):
            traceback.print_exception(exc, file=sys.stderr)
        else:
            print(f"loss-lens: the {name} view could not draw a state: {error} (run with "
                  f"LOSS_LENS_DEBUG=1 for the traceback)", file=sys.stderr)

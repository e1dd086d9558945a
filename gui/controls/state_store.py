"""The one place the current State lives, with undo/redo, and coalesced change notification.

Controls push new States here; views never see a State directly, only the Result the window
computes when `changed` fires. `changed` fires at most once per pass of the event loop (a
queued call), so a burst of slider events costs one compute and one redraw, and is never
delayed past the next processEvents().
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.state import State

UNDO_LIMIT = 500


class _ChangeState(QUndoCommand):
    """One change of state. Consecutive changes from the same control are merged by the
    store before a command is made, not by Qt's mergeWith: PySide 6.11 keeps the Python
    object of every command Qt deletes after a merge alive (measured: one per slider
    step, ~50 MB per 10k updates)."""

    def __init__(self, store: StateStore, before: State, after: State, source: str,
                 text: str) -> None:
        super().__init__(text)
        self._store = store
        self.before = before
        self.after = after
        self.source = source

    def redo(self) -> None:
        self._store._apply(self.after)

    def undo(self) -> None:
        self._store._apply(self.before)


class StateStore(QObject):
    changed = Signal(object)  # the new State, at most once per event-loop pass

    def __init__(self, initial: State, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = initial
        self._pending = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)

    def state(self) -> State:
        return self._state

    def request(self, new_state: State, source: str = "", text: str = "") -> None:
        """Make new_state current, as one undoable step (merged with the last if same source)."""
        if new_state == self._state:
            return
        stack = self.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() == stack.count() > 0 else None
        if source and isinstance(top, _ChangeState) and top.source == source:
            top.after = new_state  # the same drag goes on: one undo step for all of it
            self._apply(new_state)
            return
        stack.push(_ChangeState(self, self._state, new_state, source, text or self.tr("Change")))

    def _apply(self, state: State) -> None:
        self._state = state
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._flush)

    def refresh(self) -> None:
        """Announce the current state again (e.g. once at start-up)."""
        self._apply(self._state)

    def _flush(self) -> None:
        if not self._pending:
            return
        self._pending = False
        self.changed.emit(self._state)

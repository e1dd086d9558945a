"""The one way a control changes the state: apply a pure edit to the store's current State.

Edits start from the store's State (never from what other widgets show), so two edits in
one event-loop pass both survive. An edit that would make an invalid State is refused with
a message, and the control is put back to the current State.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from core.state import State
from gui.controls.state_store import StateStore


class StateEditor(QWidget):
    rejected = Signal(str)  # a one-line message: why an edit was refused

    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def edit(self, change: Callable[[State], State], source: str, text: str) -> None:
        try:
            new_state = change(self.store.state())
        except ValueError as exc:
            self.rejected.emit(str(exc))
            self.set_state(self.store.state())
            return
        self.store.request(new_state, source, text)

    def set_state(self, state: State) -> None:
        """Show state in the widgets, with their signals blocked. Subclasses implement."""
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        """The editor's controls in the order Tab should visit them."""
        return []

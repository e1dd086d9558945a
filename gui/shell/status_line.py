"""The status bar: the key numbers of the current result on the right, and one-line
messages (why an edit was refused) on the left.

The numbers sit in a GrowingLabel, so a drag does not re-lay out the window every frame;
a refusal goes as soon as a later edit is accepted (left up for its eight seconds beside
the new numbers, it read as if the new value had been refused), and while a message too
long for the space beside the numbers shows, the numbers step aside.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QStatusBar

from core.number_format import fmt, fmt_diff
from core.number_text import format_number
from gui.items.readout_label import GrowingLabel, set_text
from gui.look.language import reduction_label, short_name

if TYPE_CHECKING:
    from core.result import Result

REFUSAL_MS = 8000  # how long a refusal stays at most
translate = QCoreApplication.translate  # lupdate reads translate("MainWindow", "…")


class StatusLine:
    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.numbers = GrowingLabel(translate("MainWindow", "Loading torch…"), bar)
        self.numbers.setAccessibleName(translate("MainWindow", "Key numbers"))
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addPermanentWidget(self.numbers)
        self._refusal = ""  # the last refusal, while it shows
        bar.messageChanged.connect(self._make_room)

    def _make_room(self, message: str) -> None:
        """A message too long to sit beside the numbers hides them while it shows: cut at
        the numbers, "no thousands separators (1" told the user nothing."""
        room = self.bar.width() - self.numbers.sizeHint().width() - 40
        self.numbers.setVisible(not message or
                                self.bar.fontMetrics().horizontalAdvance(message) <= room)

    def show_result(self, result: Result) -> None:
        """The result's key numbers; a refusal still showing goes (the state moved on)."""
        self.forget_refusal()
        state, c = result.state, result.classifier
        text = (translate("MainWindow", "CE %1 · MSE (%2) %3 · max |diff| %4 · T %5 · ε %6 · N %7")
                .replace("%1", fmt(c.cross_entropy, 4))
                .replace("%2", reduction_label(state.reduction))
                .replace("%3", fmt(c.mse, 4)).replace("%4", fmt_diff(result.max_abs_diff))
                .replace("%5", format_number(state.temperature))  # exactly, as the entries
                .replace("%6", format_number(state.label_smoothing))
                .replace("%7", str(state.n_classes)))
        if state.loss not in ("cross_entropy", "mse"):  # the loss the views show, first
            text = f"{short_name(state.loss)} {fmt(result.chosen_gradient.value, 4)} · {text}"
        set_text(self.numbers, text)

    def forget_refusal(self) -> None:
        """A refusal still showing goes (its control is no longer in view)."""
        if self._refusal and self.bar.currentMessage() == self._refusal:
            self.bar.clearMessage()
        self._refusal = ""

    def refuse(self, message: str) -> None:
        """Why an edit was refused, in one line."""
        self.bar.showMessage(message, REFUSAL_MS)
        self._refusal = message

    def torch_failed(self, message: str) -> None:
        set_text(self.numbers, translate("MainWindow", "torch could not be loaded: %1")
                 .replace("%1", message))

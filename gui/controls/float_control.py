"""A labelled float slider with an exact entry beside it.

The slider covers the comfortable range (optionally on a log scale); the entry stores exactly
the number typed (gui.controls.number_entry), any value the State allows, and a typed value outside
the slider's range pins the slider at its end. `value_edited` fires only for the user's own
edits, never for set_value; `refused` says in one line why typed text was not stored.

The slider is a plain QSlider over integer ticks: superqt's float sliders ignore the
keyboard, and every control here must work without a mouse. Arrows step by 1/200 of the
range, Page Up/Down by 1/20, and Shift+arrows by one tick (fine).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QSlider,
    QWidget,
)

from gui.controls.number_entry import NumberEntry

TICKS = 2000  # slider resolution: 1/2000 of its range
KEY_STEP_PAUSE_S = 1.0  # slider key presses further apart than this are separate undo steps


class FineSlider(QSlider):
    """QSlider whose Shift+arrow keys move one tick, for fine adjustment."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = {Qt.Key.Key_Right: 1, Qt.Key.Key_Up: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1}
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.key() in keys:
            self.setValue(self.value() + keys[event.key()])
            event.accept()
            return
        super().keyPressEvent(event)


class FloatControl(QWidget):
    """`gesture` numbers the user's separate edits, so that one drag (or a run of slider
    keys) is one undo step and each typed value another: editors put it in the source
    they give the store, which merges consecutive edits of the same source."""

    value_edited = Signal(float)
    refused = Signal(str)

    def __init__(self, label: str, *, slider_range: tuple[float, float],
                 entry_range: tuple[float, float], decimals: int = 4, step: float = 0.01,
                 log_scale: bool = False, tooltip: str = "", accessible_name: str = "",
                 label_width: int = 0, open_ends: tuple[bool, bool] = (False, False),
                 parent: QWidget | None = None) -> None:
        """open_ends: whether entry_range excludes its low and high end (ε < 1, η > 0)."""
        super().__init__(parent)
        self._log = log_scale
        self._value = math.nan
        self.gesture = 0
        self._last_key_step = -math.inf
        name = accessible_name or label

        self.label = QLabel(label, self)
        if label_width:
            self.label.setMinimumWidth(label_width)
        self.slider = FineSlider(Qt.Orientation.Horizontal, self)
        lo, hi = slider_range
        if log_scale:
            lo, hi = math.log10(lo), math.log10(hi)
        self._lo, self._hi = lo, hi
        self.slider.setRange(0, TICKS)
        self.slider.setSingleStep(TICKS // 200)
        self.slider.setPageStep(TICKS // 20)
        self.slider.setMinimumWidth(80)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._decimals = decimals  # a slider position is rounded to these (typed values never)
        self.entry = NumberEntry(name, self)
        self.entry.setRange(*entry_range)
        self.entry.set_open_ends(*open_ends)
        self.entry.setSingleStep(step)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.entry.refused.connect(self.refused)
        self.label.setBuddy(self.entry)

        for widget, role in ((self.slider, self.tr("slider")), (self.entry, self.tr("value"))):
            widget.setAccessibleName(f"{name} {role}")
            widget.setToolTip(tooltip)
        self.setToolTip(tooltip)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.entry)

        self.slider.valueChanged.connect(self._on_slider_changed)
        self.slider.sliderPressed.connect(self._new_gesture)
        self.entry.valueChanged.connect(self._on_entry_changed)

    def _new_gesture(self) -> None:
        self.gesture += 1

    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        """Show value without emitting value_edited (and without repainting if unchanged)."""
        if value == self._value:
            return
        self._value = value
        for widget in (self.slider, self.entry):
            widget.blockSignals(True)
        self.entry.setValue(value)
        self.slider.setValue(self._to_slider(value))
        for widget in (self.slider, self.entry):
            widget.blockSignals(False)

    def set_slider_range(self, lo: float, hi: float) -> None:
        """Move the slider's ends (in the control's units); the entry's range stays."""
        if self._log:
            lo, hi = math.log10(lo), math.log10(hi)
        if (lo, hi) == (self._lo, self._hi):
            return
        self._lo, self._hi = lo, hi
        if math.isfinite(self._value):
            self.slider.blockSignals(True)
            self.slider.setValue(self._to_slider(self._value))
            self.slider.blockSignals(False)

    def slider_value(self) -> float:
        """Where the slider stands, in the control's units."""
        return self._from_slider(self.slider.value())

    def _to_slider(self, value: float) -> int:
        position = math.log10(max(value, 1e-300)) if self._log else value
        fraction = (position - self._lo) / (self._hi - self._lo)
        return round(min(max(fraction, 0.0), 1.0) * TICKS)

    def _from_slider(self, tick: int) -> float:
        position = self._lo + (self._hi - self._lo) * tick / TICKS
        return 10.0 ** position if self._log else position

    def _on_slider_changed(self, tick: int) -> None:
        if not self.slider.isSliderDown():  # keys: a pause of a second starts a new step
            now = time.monotonic()
            if now - self._last_key_step > KEY_STEP_PAUSE_S:
                self._new_gesture()
            self._last_key_step = now
        value = self._from_slider(tick)
        # a drag stores a short number (the position rounded), which the entry shows exactly
        value = float(f"{value:.4g}") if self._log else round(value, self._decimals)
        self._commit(value, update_slider=False)

    def _on_entry_changed(self, value: float) -> None:
        self._new_gesture()  # each typed value is its own undo step
        self._commit(value, update_slider=True)

    def _commit(self, value: float, update_slider: bool) -> None:
        if value == self._value:
            return
        self._value = value
        self.entry.blockSignals(True)
        self.entry.setValue(value)
        self.entry.blockSignals(False)
        if update_slider:
            self.slider.blockSignals(True)
            self.slider.setValue(self._to_slider(value))
            self.slider.blockSignals(False)
        self.value_edited.emit(value)


def replace_rows(old: list[FloatControl], layout: QLayout, n: int,
                 make_row: Callable[[int], FloatControl],
                 on_edit: Callable[[int, float], None],
                 on_refused: Callable[[str], None]) -> list[FloatControl]:
    """n new rows, one per class, in place of `old` (which are deleted).

    Rows exist once per number of classes: only a change of N re-creates them.
    """
    for row in old:
        row.setParent(None)
        row.deleteLater()
    rows = []
    for i in range(n):
        row = make_row(i)
        row.value_edited.connect(lambda v, i=i: on_edit(i, v))
        row.refused.connect(on_refused)
        layout.addWidget(row)
        rows.append(row)
    return rows

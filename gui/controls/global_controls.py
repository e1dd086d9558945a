"""The toolbar's controls: number of classes, temperature (log scale) and label smoothing."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from core.state import MAX_CLASSES, MAX_TEMPERATURE, MIN_TEMPERATURE, State
from core.state_edits import set_class_count
from gui.controls.float_control import FloatControl
from gui.controls.number_entry import IntegerEntry
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.look.presentation import font_scale


class GlobalControls(StateEditor):
    def __init__(self, store: StateStore, generator, parent: QWidget | None = None) -> None:
        """generator() gives (mean, σ, seed) for logits beyond the slider rows."""
        super().__init__(store, parent)
        self._generator = generator
        classes_label = QLabel(self.tr("&Classes"), self)
        self.classes = IntegerEntry(self.tr("Classes"), self)
        self.classes.setRange(2, MAX_CLASSES)
        self.classes.refused.connect(self.rejected)
        self.classes.setAccessibleName(self.tr("Number of classes"))
        self.classes.setToolTip(self.tr("Number of classes N (2–1024). Up to 32 each logit "
                                        "has a slider; beyond, logits are generated."))
        classes_label.setBuddy(self.classes)
        self.classes.valueChanged.connect(self._on_classes_changed)

        self.temperature = FloatControl(
            self.tr("&T"), slider_range=(0.05, 20.0),
            entry_range=(MIN_TEMPERATURE, MAX_TEMPERATURE), decimals=3, step=0.05,
            log_scale=True, accessible_name=self.tr("Temperature"),
            tooltip=self.tr("Softmax temperature T: p = softmax(a/T). The slider is "
                            "logarithmic from 0.05 to 20; type any value ≥ 0.001."), parent=self)
        self.temperature.value_edited.connect(self._on_temperature_edited)
        self.smoothing = FloatControl(
            self.tr("ε"), slider_range=(0.0, 0.99), entry_range=(0.0, 1.0), decimals=4,
            step=0.01, open_ends=(False, True), accessible_name=self.tr("Label smoothing"),
            tooltip=self.tr("Label smoothing ε: y_eff = (1 − ε)·y + ε/N"), parent=self)
        self.smoothing.value_edited.connect(self._on_smoothing_edited)
        for control in (self.temperature, self.smoothing):
            # presentation mode's larger labels and entries take some of the sliders' room,
            # so the toolbar's last button stays on a 1024-pixel screen
            control.slider.setMinimumWidth(round(110 / font_scale()))
            control.refused.connect(self.rejected)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(8)
        layout.addWidget(classes_label)
        layout.addWidget(self.classes)
        layout.addSpacing(10)
        layout.addWidget(self.temperature, 3)
        layout.addSpacing(10)
        layout.addWidget(self.smoothing, 2)

    def focus_widgets(self) -> list[QWidget]:
        return [self.classes, self.temperature.slider, self.temperature.entry,
                self.smoothing.slider, self.smoothing.entry]

    def set_state(self, state: State) -> None:
        if self.classes.value() != state.n_classes:
            self.classes.blockSignals(True)
            self.classes.setValue(state.n_classes)
            self.classes.blockSignals(False)
        self.temperature.set_value(state.temperature)
        self.smoothing.set_value(state.label_smoothing)

    def _on_classes_changed(self, n: int) -> None:
        generator = self._generator()
        self.edit(lambda s: set_class_count(s, n, generator), "",
                  self.tr("%1 classes").replace("%1", str(n)))

    def _on_temperature_edited(self, value: float) -> None:
        self.edit(lambda s: s.replace(temperature=value),
                  f"temperature #{self.temperature.gesture}", self.tr("Set T"))

    def _on_smoothing_edited(self, value: float) -> None:
        self.edit(lambda s: s.replace(label_smoothing=value),
                  f"label smoothing #{self.smoothing.gesture}",
                  self.tr("Set ε"))

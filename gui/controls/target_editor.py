"""The target: a class (radio buttons), or in soft mode probabilities kept summing to 1."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.state import State
from core.state_edits import (
    MAX_SLIDER_CLASSES,
    hard_target,
    set_target_class,
    set_target_probability,
    soft_target,
)
from gui.controls.float_control import FloatControl, replace_rows
from gui.controls.number_entry import IntegerEntry
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore

RADIO_COLUMNS = 6


class TargetEditor(StateEditor):
    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.soft = QCheckBox(self.tr("S&oft target (probabilities)"), self)
        self.soft.setAccessibleName(self.tr("Soft target"))
        self.soft_tip = self.tr("Use a probability for every class instead of one class. "
                                "Moving one probability rescales the others in proportion, "
                                "so they always sum to 1.")
        self.soft.setToolTip(self.soft_tip)
        self.soft.toggled.connect(self._on_soft_toggled)

        self.radio_box = QWidget(self)
        self.radio_layout = QGridLayout(self.radio_box)
        self.radio_layout.setContentsMargins(0, 0, 0, 0)
        self.radio_layout.setHorizontalSpacing(8)
        self.radio_group = QButtonGroup(self)
        self.radio_group.idClicked.connect(self._on_class_chosen)
        self.radios: list[QRadioButton] = []

        self.index_box = QWidget(self)
        index_row = QHBoxLayout(self.index_box)
        index_row.setContentsMargins(0, 0, 0, 0)
        index_label = QLabel(self.tr("Target class"), self.index_box)
        self.index = IntegerEntry(self.tr("Target class"), self.index_box)
        self.index.refused.connect(self.rejected)
        self.index.setAccessibleName(self.tr("Target class"))
        self.index.setToolTip(self.tr("The index of the true class"))
        index_label.setBuddy(self.index)
        self.index.valueChanged.connect(self._on_class_chosen)
        index_row.addWidget(index_label)
        index_row.addWidget(self.index, 1)

        self.prob_box = QWidget(self)
        self.prob_layout = QVBoxLayout(self.prob_box)
        self.prob_layout.setContentsMargins(0, 0, 0, 0)
        self.prob_layout.setSpacing(2)
        note = QLabel(self.tr("Moving one probability rescales the others in proportion, "
                              "so they always sum to 1."), self.prob_box)
        note.setWordWrap(True)
        self.prob_layout.addWidget(note)
        self.prob_rows: list[FloatControl] = []
        self._mode: tuple[bool, bool] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.soft)
        layout.addWidget(self.radio_box)
        layout.addWidget(self.index_box)
        layout.addWidget(self.prob_box)

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.soft, *self.radios, self.index]
        return widgets + [w for row in self.prob_rows for w in (row.slider, row.entry)]

    # ------------------------------------------------------------------ building
    def _rebuild_radios(self, n: int) -> None:
        for radio in self.radios:
            self.radio_group.removeButton(radio)
            radio.setParent(None)
            radio.deleteLater()
        self.radios = []
        for i in range(n):
            radio = QRadioButton(str(i), self.radio_box)
            radio.setAccessibleName(self.tr("Target class %1").replace("%1", str(i)))
            radio.setToolTip(self.tr("Class %1 is the true class").replace("%1", str(i)))
            self.radio_group.addButton(radio, i)
            self.radio_layout.addWidget(radio, i // RADIO_COLUMNS, i % RADIO_COLUMNS)
            self.radios.append(radio)

    def _rebuild_probs(self, n: int) -> None:
        def make_row(i: int) -> FloatControl:
            return FloatControl(f"y{i}", slider_range=(0.0, 1.0), entry_range=(0.0, 1.0),
                                decimals=4, step=0.01, label_width=28,
                                accessible_name=self.tr("Target probability %1")
                                .replace("%1", str(i)),
                                tooltip=self.tr("Target probability of class %1; the others "
                                                "rescale so all sum to 1")
                                .replace("%1", str(i)),
                                parent=self.prob_box)

        self.prob_rows = replace_rows(self.prob_rows, self.prob_layout, n, make_row,
                                      self._on_prob_edited, self.rejected.emit)

    # ------------------------------------------------------------------ state -> widgets
    def set_state(self, state: State) -> None:
        n = state.n_classes
        few = n <= MAX_SLIDER_CLASSES
        soft = not state.target_is_index
        mode = (few, soft)
        # always: a refused switch (NLL or the hinge take a class index) must untick it
        self.soft.blockSignals(True)
        self.soft.setChecked(soft)
        self.soft.blockSignals(False)
        if mode != self._mode:
            self.soft.setEnabled(few or soft)
            self.soft.setToolTip(self.soft_tip if few else self.tr(
                "Soft targets are edited with sliders, shown up to %1 classes; load a state "
                "file for more.").replace("%1", str(MAX_SLIDER_CLASSES)))
            self.radio_box.setVisible(few and not soft)
            self.index_box.setVisible(not few and not soft)
            self.prob_box.setVisible(few and soft)
            self._mode = mode
        if few and len(self.radios) != n:
            self._rebuild_radios(n)
        if few and soft and len(self.prob_rows) != n:
            self._rebuild_probs(n)
        if not soft:
            if few:
                self.radios[state.target].setChecked(True)
            if self.index.maximum() != n - 1 or self.index.value() != state.target:
                self.index.blockSignals(True)
                self.index.setRange(0, n - 1)
                self.index.setValue(state.target)
                self.index.blockSignals(False)
        elif few:
            for row, value in zip(self.prob_rows, state.target, strict=True):
                row.set_value(value)

    # ------------------------------------------------------------------ widgets -> edits
    def _on_soft_toggled(self, on: bool) -> None:
        self.edit(soft_target if on else hard_target, "",
                  self.tr("Soft target") if on else self.tr("Class target"))

    def _on_class_chosen(self, index: int) -> None:
        self.edit(lambda s: set_target_class(s, index), "",
                  self.tr("Target class %1").replace("%1", str(index)))

    def _on_prob_edited(self, index: int, value: float) -> None:
        self.edit(lambda s: set_target_probability(s, index, value),
                  f"target prob {index} #{self.prob_rows[index].gesture}",
                  self.tr("Set y%1").replace("%1", str(index)))

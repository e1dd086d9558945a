"""The logits: one slider-and-entry row per class up to 32 classes, a generator beyond."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.state import MAX_ABS_LOGIT, State
from core.state_edits import MAX_SLIDER_CLASSES, generated_logits, set_logit
from gui.controls.float_control import FloatControl, replace_rows
from gui.controls.number_entry import IntegerEntry, NumberEntry
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore

SLIDER_RANGE = (-10.0, 10.0)


class LogitsEditor(StateEditor):
    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.rows: list[FloatControl] = []
        self.rows_box = QWidget(self)
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(2)

        self.generator_box = QWidget(self)
        form = QFormLayout(self.generator_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.mean = NumberEntry(self.tr("Mean"), self.generator_box)
        self.mean.setRange(-100.0, 100.0)
        self.mean.setSingleStep(0.1)
        self.mean.setValue(0.0)
        self.sigma = NumberEntry(self.tr("σ"), self.generator_box)
        self.sigma.setRange(0.0, 100.0)
        self.sigma.setSingleStep(0.1)
        self.sigma.setValue(2.0)
        self.seed = IntegerEntry(self.tr("Seed"), self.generator_box)
        self.seed.setRange(0, 2_147_483_647)
        for entry in (self.mean, self.sigma, self.seed):
            entry.refused.connect(self.rejected)
        self.generate = QPushButton(self.tr("&Generate logits"), self.generator_box)
        for widget, name, tip in (
                (self.mean, self.tr("Mean"), self.tr("Mean of the normal distribution")),
                (self.sigma, self.tr("σ"), self.tr("Standard deviation")),
                (self.seed, self.tr("Seed"), self.tr("Random seed: the same seed gives the "
                                                     "same logits")),
                (self.generate, self.tr("Generate logits"),
                 self.tr("Draw N logits from the normal distribution with this seed"))):
            widget.setAccessibleName(name)
            widget.setToolTip(tip)
        form.addRow(self.tr("Mean"), self.mean)
        form.addRow(self.tr("σ"), self.sigma)
        form.addRow(self.tr("Seed"), self.seed)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.generate)
        form.addRow(row)
        self.summary = QLabel(self.generator_box)
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        self.generate.clicked.connect(self._on_generate_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rows_box)
        layout.addWidget(self.generator_box)

    def focus_widgets(self) -> list[QWidget]:
        if self.rows:
            return [w for row in self.rows for w in (row.slider, row.entry)]
        return [self.mean, self.sigma, self.seed, self.generate]

    def generator(self) -> tuple[float, float, int]:
        """The generator's settings (a one-shot action's inputs, not part of the State)."""
        return (self.mean.value(), self.sigma.value(), self.seed.value())

    def _rebuild_rows(self, n: int) -> None:
        def make_row(i: int) -> FloatControl:
            return FloatControl(f"a{i}", slider_range=SLIDER_RANGE,
                                entry_range=(-MAX_ABS_LOGIT, MAX_ABS_LOGIT), decimals=4,
                                step=0.1, label_width=28,
                                accessible_name=self.tr("Logit a%1").replace("%1", str(i)),
                                tooltip=self.tr("Logit a%1: drag within −10…10, or type any "
                                                "value within ±10000").replace("%1", str(i)),
                                parent=self.rows_box)

        self.rows = replace_rows(self.rows, self.rows_layout, n, make_row,
                                 self._on_logit_edited, self.rejected.emit)

    def set_state(self, state: State) -> None:
        n = state.n_classes
        sliders = n <= MAX_SLIDER_CLASSES
        self.rows_box.setVisible(sliders)
        self.generator_box.setVisible(not sliders)
        if sliders:
            if len(self.rows) != n:
                self._rebuild_rows(n)
            for row, value in zip(self.rows, state.logits, strict=True):
                row.set_value(value)
        else:
            if self.rows:
                self._rebuild_rows(0)
            self.summary.setText(
                self.tr("%1 logits, from %2 to %3. Above %4 classes they are not shown one "
                        "by one: Generate draws new ones from N(mean, σ²).")
                .replace("%1", str(n)).replace("%2", f"{min(state.logits):.3g}")
                .replace("%3", f"{max(state.logits):.3g}")
                .replace("%4", str(MAX_SLIDER_CLASSES)))

    def _on_logit_edited(self, index: int, value: float) -> None:
        self.edit(lambda s: set_logit(s, index, value),
                  f"logit {index} #{self.rows[index].gesture}",
                  self.tr("Set a%1").replace("%1", str(index)))

    def _on_generate_clicked(self) -> None:
        mean, sigma, seed = self.generator()
        self.edit(lambda s: s.replace(logits=generated_logits(s.n_classes, mean, sigma, seed)),
                  "", self.tr("Generate logits"))

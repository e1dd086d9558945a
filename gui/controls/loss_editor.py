"""Which loss the views follow, its value readouts, the MSE reduction and the surface's axes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QWidget

from core.losses.catalog import CLASSIFIER
from core.number_format import fmt
from core.state import State
from core.state_edits import set_loss, set_surface_axes
from gui.controls.number_entry import IntegerEntry
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.items.readout_label import ReadoutLabel, set_text
from gui.look.language import loss_title

if TYPE_CHECKING:
    from core.result import Result


class LossEditor(StateEditor):
    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.loss = QComboBox(self)
        for info in CLASSIFIER:
            self.loss.addItem(f"{info.short} — {loss_title(info.name)}", info.name)
        self.loss.setAccessibleName(self.tr("Loss shown"))
        self.loss.setToolTip(self.tr("The loss whose surface, gradient bars and gradient "
                                     "table are shown"))
        self.loss.activated.connect(self._on_loss_chosen)

        self.ce_value = ReadoutLabel(1, parent=self)
        self.mse_value = ReadoutLabel(1, parent=self)
        for label, name in ((self.ce_value, self.tr("Cross-entropy value")),
                            (self.mse_value, self.tr("MSE value"))):
            label.setAccessibleName(name)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            font.setBold(True)
            label.setFont(font)
        self.ce_value.setToolTip(self.tr("−Σ y_eff·log p, equal to F.cross_entropy(a/T, "
                                         "target, label_smoothing=ε)"))
        self.mse_value.setToolTip(self.tr("Σ(p − y_eff)²/N for mean, without /N for sum; "
                                          "equal to F.mse_loss(p, y_eff, reduction)"))

        self.reduction = QComboBox(self)
        self.reduction.addItem(self.tr("mean (÷ N)"), "mean")
        self.reduction.addItem(self.tr("sum"), "sum")
        self.reduction.setAccessibleName(self.tr("MSE reduction"))
        self.reduction.setToolTip(self.tr("How MSE combines its terms: mean divides the sum "
                                          "of squares by their number; the note drops the "
                                          "division (sum). Applies to both MSE losses."))
        self.reduction.activated.connect(self._on_reduction_chosen)

        self.axis_i = IntegerEntry(self.tr("Surface horizontal axis"), self)
        self.axis_j = IntegerEntry(self.tr("Surface vertical axis"), self)
        for which, box, name in ((0, self.axis_i, self.tr("Surface horizontal axis logit")),
                                 (1, self.axis_j, self.tr("Surface vertical axis logit"))):
            box.setPrefix("a")
            box.refused.connect(self.rejected)
            box.setAccessibleName(name)
            box.setToolTip(self.tr("The surface varies these two logits and keeps the others "
                                   "fixed; choosing the other axis's logit swaps them"))
            box.valueChanged.connect(lambda v, which=which: self._on_axis_changed(which, v))
        axes = QWidget(self)
        axes_layout = QHBoxLayout(axes)
        axes_layout.setContentsMargins(0, 0, 0, 0)
        axes_layout.addWidget(self.axis_i, 1)
        axes_layout.addWidget(QLabel("×", axes))
        axes_layout.addWidget(self.axis_j, 1)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Loss show&n"), self.loss)
        form.addRow(self.tr("CE"), self.ce_value)
        form.addRow(self.tr("MSE"), self.mse_value)
        form.addRow(self.tr("Red&uction"), self.reduction)
        form.addRow(self.tr("Surface a&xes"), axes)
        form.labelForField(axes).setBuddy(self.axis_i)

    def focus_widgets(self) -> list[QWidget]:
        return [self.loss, self.reduction, self.axis_i, self.axis_j]

    def set_state(self, state: State) -> None:
        for combo, value in ((self.loss, state.loss), (self.reduction, state.reduction)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        for box, value in zip((self.axis_i, self.axis_j), state.surface.axes, strict=True):
            if box.maximum() == state.n_classes - 1 and box.value() == value:
                continue
            box.blockSignals(True)
            box.setRange(0, state.n_classes - 1)
            box.setValue(value)
            box.blockSignals(False)

    def set_result(self, result: Result) -> None:
        set_text(self.ce_value, fmt(result.classifier.cross_entropy))
        set_text(self.mse_value, fmt(result.classifier.mse))

    def _on_loss_chosen(self, index: int) -> None:
        loss = self.loss.itemData(index)
        self.edit(lambda s: set_loss(s, loss), "", self.tr("Show %1")
                  .replace("%1", self.loss.itemText(index)))

    def _on_reduction_chosen(self, index: int) -> None:
        reduction = self.reduction.itemData(index)
        self.edit(lambda s: s.replace(reduction=reduction), "",
                  self.tr("Reduction %1").replace("%1", reduction))

    def _on_axis_changed(self, which: int, index: int) -> None:
        self.edit(lambda s: set_surface_axes(s, which, index), "",
                  self.tr("Surface axes"))

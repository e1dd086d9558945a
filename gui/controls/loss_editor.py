"""Which loss the views follow, its options, its value readouts, the MSE reduction and the
surface's axes.

Only the chosen loss's options are shown (class weights for cross-entropy, pos_weight for
BCE with logits, γ and α for the focal loss, margin and p for the hinge): a control that
changes nothing is not there at all. Each option is edited with the app's exact entries
(what is typed is what is stored, or refused aloud) and each change is one undo step.

The losses' formulas (the combo's item tooltips) live in core.losses.registry, which
imports torch: they are read when the first result arrives, so the window still shows
before torch has loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from core.losses.catalog import CLASSIFIER, OPTIONS
from core.number_format import fmt
from core.number_text import NumberTextError, format_number, parse_number
from core.state import State
from core.state_edits import set_loss, set_surface_axes
from gui.controls.float_control import FloatControl
from gui.controls.number_entry import IntegerEntry, interval, refusal_message
from gui.controls.state_editor import StateEditor
from gui.controls.state_store import StateStore
from gui.items.readout_label import ReadoutLabel, set_text
from gui.look.language import loss_title

if TYPE_CHECKING:
    from core.result import Result

INFO = {info.name: info for info in CLASSIFIER}
# the numeric options edited with a slider and an exact entry: the slider's comfortable
# range (pos_weight on a log scale: a weight is a ratio) and its step; the entry takes the
# catalog's whole range
SLIDERS: dict[str, tuple[tuple[float, float], bool, float]] = {
    "pos_weight": ((0.01, 100.0), True, 0.1),
    "gamma": ((0.0, 5.0), False, 0.1),
    "alpha": ((-1.0, 1.0), False, 0.05),
    "margin": ((0.0, 5.0), False, 0.1),
}
COMBO_CHARACTERS = 14  # the loss combo's width in characters: long titles are elided


def weights_text(weights: tuple[float, ...] | None) -> str:
    """The class weights as the entry shows them: exactly the stored numbers (the shortest
    text that reads back as each), comma-separated; empty for none."""
    if weights is None:
        return ""
    texts = []
    for w in weights:
        text = format_number(w)
        texts.append(text if float(text) == w else repr(w))
    return ", ".join(texts)


class LossEditor(StateEditor):
    def __init__(self, store: StateStore, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self._formulas: dict[str, str] | None = None  # read once torch has loaded
        self._index_target: bool | None = None        # the combo's enabled items are for
        self._options_for: tuple[str, bool] | None = None
        self._weights_shown: object = None

        self.loss = QComboBox(self)
        for info in CLASSIFIER:
            self.loss.addItem(f"{info.short} — {loss_title(info.name)}", info.name)
        # the column is 300 pixels wide: the combo elides, its list shows the whole names
        self.loss.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.loss.setMinimumContentsLength(COMBO_CHARACTERS)
        self.loss.view().setMinimumWidth(self.loss.view().sizeHintForColumn(0) + 24)
        self.loss.setAccessibleName(self.tr("Loss shown"))
        self.loss.setToolTip(self.tr("The loss whose surface, gradient bars and gradient "
                                     "table are shown"))
        self.loss.activated.connect(self._on_loss_chosen)

        # ---- the chosen loss's options
        self.class_weights = QLineEdit(self)
        self.class_weights.setPlaceholderText(self.tr("w₀, w₁, …"))
        self.class_weights.setAccessibleName(self.tr("Class weights"))
        self.class_weights.setToolTip(self.tr(
            "Cross-entropy's class weights: one number ≥ 0 per class, separated by commas "
            "(the target class's above 0), then Enter. Empty: no weights."))
        self.class_weights.editingFinished.connect(self._on_weights_entered)

        self.option_controls: dict[str, FloatControl] = {}
        self.option_labels = labels = {"pos_weight": self.tr("pw"), "gamma": "γ", "alpha": "α",
                  "margin": self.tr("Margin")}
        names = {"pos_weight": self.tr("Positive weight pw"), "gamma": self.tr("Focal γ"),
                 "alpha": self.tr("Focal α"), "margin": self.tr("Hinge margin")}
        for name, (slider_range, log_scale, step) in SLIDERS.items():
            option = OPTIONS[name]
            tip = (self.tr("%1. Type any value in %2.")
                   .replace("%1", QCoreApplication.translate("Losses", option.meaning))
                   .replace("%2", interval(option.low, option.high, option.low_open)))
            control = FloatControl(
                "", slider_range=slider_range, entry_range=(option.low, option.high),
                decimals=3, step=step, log_scale=log_scale, tooltip=tip,
                accessible_name=names[name], open_ends=(option.low_open, False), parent=self)
            control.slider.setMinimumWidth(40)  # the column is narrow; the entry is exact
            control.label.hide()  # the form's label column names it
            control.refused.connect(self.rejected)
            control.value_edited.connect(lambda v, name=name: self._on_option_edited(name, v))
            self.option_controls[name] = control

        self.power = QComboBox(self)
        self.power.addItem(self.tr("p = 1 (hinge)"), 1)
        self.power.addItem(self.tr("p = 2 (squared hinge)"), 2)
        self.power.setAccessibleName(self.tr("Hinge power p"))
        self.power.setToolTip(QCoreApplication.translate("Losses", OPTIONS["p"].meaning))
        self.power.activated.connect(self._on_power_chosen)

        # ---- value readouts: the chosen loss (when it is not CE or MSE), CE and MSE
        self.chosen_value = ReadoutLabel(1, parent=self)
        self.ce_value = ReadoutLabel(1, parent=self)
        self.mse_value = ReadoutLabel(1, parent=self)
        for label, name in ((self.chosen_value, self.tr("Chosen loss value")),
                            (self.ce_value, self.tr("Cross-entropy value")),
                            (self.mse_value, self.tr("MSE value"))):
            label.setAccessibleName(name)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            font.setBold(True)
            label.setFont(font)
        self.chosen_label = QLabel(self)
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
        self.axes_row = axes = QWidget(self)
        axes_layout = QHBoxLayout(axes)
        axes_layout.setContentsMargins(0, 0, 0, 0)
        axes_layout.addWidget(self.axis_i, 1)
        axes_layout.addWidget(QLabel("×", axes))
        axes_layout.addWidget(self.axis_j, 1)

        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Loss show&n"), self.loss)
        weights_label = QLabel(self.tr("Weights"), self)
        weights_label.setBuddy(self.class_weights)
        weights_label.setToolTip(self.class_weights.toolTip())
        form.addRow(weights_label, self.class_weights)
        for name, control in self.option_controls.items():
            label = QLabel(labels[name], self)
            label.setBuddy(control.entry)
            label.setToolTip(control.toolTip())
            form.addRow(label, control)
        power_label = QLabel("p", self)
        power_label.setBuddy(self.power)
        form.addRow(power_label, self.power)
        form.addRow(self.chosen_label, self.chosen_value)
        form.addRow(self.tr("CE"), self.ce_value)
        form.addRow(self.tr("MSE"), self.mse_value)
        form.addRow(self.tr("MSE red&uction"), self.reduction)
        form.addRow(self.tr("Surface a&xes"), axes)
        form.labelForField(axes).setBuddy(self.axis_i)
        # the widgets of each option, shown only for a loss that reads it
        self.option_rows: dict[str, QWidget] = {"class_weights": self.class_weights,
                                                **self.option_controls, "p": self.power}

    def focus_widgets(self) -> list[QWidget]:
        options = [w for control in self.option_controls.values()
                   for w in (control.slider, control.entry)]
        return [self.loss, self.class_weights, *options, self.power, self.reduction,
                self.axis_i, self.axis_j]

    def choice_widgets(self) -> list[QWidget]:
        """The loss chosen, with its label: a tab that does not follow the chosen loss greys
        it (gui.shell.control_scope)."""
        return [self.loss, self.form.labelForField(self.loss)]

    def reduction_widgets(self) -> list[QWidget]:
        """The MSE reduction and its label."""
        return [self.reduction, self.form.labelForField(self.reduction)]

    def axes_widgets(self) -> list[QWidget]:
        """The surface's axes and their label: only the loss surface reads them."""
        return [self.axes_row, self.form.labelForField(self.axes_row)]

    def option_widgets(self) -> list[QWidget]:
        """The options' fields and labels (only the chosen loss's are shown)."""
        fields = list(self.option_rows.values())
        return fields + [self.form.labelForField(w) for w in fields]

    # ------------------------------------------------------------------ state -> widgets
    def set_state(self, state: State) -> None:
        for combo, value in ((self.loss, state.loss), (self.reduction, state.reduction),
                             (self.power, state.p)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        if state.target_is_index != self._index_target:
            self._index_target = state.target_is_index
            self._enable_losses()
        shown = (state.loss, state.class_weights is None)
        if shown != self._options_for:
            self._options_for = shown
            reads = INFO[state.loss].options
            for name, widget in self.option_rows.items():
                self.form.setRowVisible(widget, name in reads)
            # the chosen loss's own readout, unless the CE or MSE row below already is it
            same = state.loss == "mse" or (state.loss == "cross_entropy"
                                           and state.class_weights is None)
            self.form.setRowVisible(self.chosen_value, not same)
            self.chosen_label.setText(self.tr("%1 (weighted)").replace("%1", "CE")
                                      if state.loss == "cross_entropy"
                                      else INFO[state.loss].short)
            self._set_chosen_tip()
        for name, control in self.option_controls.items():
            control.set_value(getattr(state, name))
        if state.class_weights != self._weights_shown:
            self._show_weights(state.class_weights)
        for box, value in zip((self.axis_i, self.axis_j), state.surface.axes, strict=True):
            if box.maximum() == state.n_classes - 1 and box.value() == value:
                continue
            box.blockSignals(True)
            box.setRange(0, state.n_classes - 1)
            box.setValue(value)
            box.blockSignals(False)

    def _show_weights(self, weights: tuple[float, ...] | None) -> None:
        self._weights_shown = weights
        self.class_weights.setText(weights_text(weights))
        self.class_weights.setCursorPosition(0)

    def _enable_losses(self) -> None:
        """Index-only losses (NLL, the hinge) are greyed in the combo while the target is
        probabilities; every item's tooltip is its formula."""
        model = self.loss.model()
        assert isinstance(model, QStandardItemModel)
        why = self.tr("Takes a class index as its target, and the target is probabilities: "
                      "untick Soft target to choose it.")
        for row, info in enumerate(CLASSIFIER):
            usable = self._index_target or not info.index_only
            model.item(row).setEnabled(usable)
            tip = self._formula(info.name)
            if not usable:
                tip = f"{why}\n{tip}" if tip else why
            self.loss.setItemData(row, tip or self.loss.itemText(row),
                                  Qt.ItemDataRole.ToolTipRole)

    def _formula(self, loss: str) -> str:
        if self._formulas is None:
            return ""
        return QCoreApplication.translate("Losses", self._formulas[loss])

    def _set_chosen_tip(self) -> None:
        loss = self._options_for[0] if self._options_for else ""
        tip = self._formula(loss) if loss else ""
        self.chosen_value.setToolTip(tip or (loss_title(loss) if loss else ""))

    def set_result(self, result: Result) -> None:
        if self._formulas is None:  # torch has loaded: the specs can be read
            from core.losses.registry import CLASSIFIER_LOSSES

            self._formulas = {name: spec.formula for name, spec in CLASSIFIER_LOSSES.items()}
            self._enable_losses()
            self._set_chosen_tip()
        if self.chosen_value.isVisibleTo(self):
            set_text(self.chosen_value, fmt(result.chosen_gradient.value))
        set_text(self.ce_value, fmt(result.classifier.cross_entropy))
        set_text(self.mse_value, fmt(result.classifier.mse))

    # ------------------------------------------------------------------ widgets -> edits
    def _on_loss_chosen(self, index: int) -> None:
        loss = self.loss.itemData(index)
        self.edit(lambda s: set_loss(s, loss), "", self.tr("Show %1")
                  .replace("%1", self.loss.itemText(index)))

    def _on_option_edited(self, name: str, value: float) -> None:
        control = self.option_controls[name]
        self.edit(lambda s: s.replace(**{name: value}), f"{name} #{control.gesture}",
                  self.tr("Set %1").replace("%1", self.option_labels[name]))

    def _on_power_chosen(self, index: int) -> None:
        power = self.power.itemData(index)
        self.edit(lambda s: s.replace(p=power), "",
                  self.tr("Hinge power p = %1").replace("%1", str(power)))

    def _on_weights_entered(self) -> None:
        text = self.class_weights.text()
        if text == weights_text(self._weights_shown):
            return  # nothing typed since the stored weights were shown
        self.edit(lambda s: s.replace(class_weights=self._typed_weights(text, s.n_classes)),
                  "", self.tr("Set class weights") if text.strip()
                  else self.tr("Clear class weights"))
        # refused, stored, or the same weights written otherwise: the stored ones, exactly
        self._show_weights(self.store.state().class_weights)

    def _typed_weights(self, text: str, n: int) -> tuple[float, ...] | None:
        """The weights typed (None for an empty entry); a ValueError says in one line,
        in the user's language, why text is not N numbers. Their range and the target
        class's weight are the State's to check."""
        if not text.strip():
            return None
        field = self.tr("Class weights")
        weights = []
        for part in text.split(","):
            try:
                weights.append(parse_number(part.strip()))
            except NumberTextError as exc:
                raise ValueError(refusal_message(field, exc)) from None
        if len(weights) != n:
            raise ValueError(self.tr("%1: %2 numbers typed, %3 needed (one per class)")
                             .replace("%1", field).replace("%2", str(len(weights)))
                             .replace("%3", str(n)))
        return tuple(weights)

    def _on_reduction_chosen(self, index: int) -> None:
        reduction = self.reduction.itemData(index)
        self.edit(lambda s: s.replace(reduction=reduction), "",
                  self.tr("Reduction %1").replace("%1", reduction))

    def _on_axis_changed(self, which: int, index: int) -> None:
        self.edit(lambda s: set_surface_axes(s, which, index), "",
                  self.tr("Surface axes"))

"""Which of the classifier's controls the current tab reads; the others are greyed.

The left column (logits, target, loss) and the toolbar's Classes, T and ε set the
classifier; the loss chosen only the classifier's views and the code, not the Saturation
tab, which compares the two losses chosen above its plot — though the options shown (γ,
the margin, …) change that comparison when the loss shown is one of its two. On the
Regression tab they changed nothing, yet looked live; each tab now declares what it reads
(from core/: the regression and two-ways panels read only the regression's own state, the
pitfalls read the logits and T, the rest read all). A tab that reads none of the column's
boxes gets the column's width (it is hidden there); on the others a line at the top of
the column says why the greyed ones are greyed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from gui import registry

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("MainWindow", "…")

# "loss" is the Loss box (its readouts, the reduction, the surface's axes); "loss_choice"
# the loss the classifier views follow, "loss_options" its options, inside that box
EVERY = frozenset({"logits", "classes", "temperature", "target", "smoothing", "loss",
                   "loss_choice", "loss_options", "reduction", "surface_axes"})
ALL_BUT_THE_CHOICE = EVERY - {"loss_choice", "loss_options"}
SATURATION_TAB = "mse_vs_ce"
READS: dict[str, frozenset[str]] = {
    "classifier": EVERY,
    "regression": frozenset(),  # core.regression: state.regression only
    # core.saturation_sweep: logits, target, T, ε, reduction and its own two losses (with
    # their options: read while the loss shown is one of them, see ControlScope.reads)
    SATURATION_TAB: ALL_BUT_THE_CHOICE - {"surface_axes"},
    "two_ways": frozenset(),  # core.two_ways: state.regression only
    "pitfalls": frozenset({"logits", "classes", "temperature"}),  # C and D: logits and T
    "binary": frozenset({"logits"}),  # core.binary: its own z, y, pos_weight; and a₀, a₁
    "code": EVERY,  # core.code_generator: the whole state
}
# The Graph tab reads what its chosen graph reads (core.autograd_graph, graph_pitfalls):
# the classifier's loss, the regression's (and pitfall B, on w and b), the softmax (D)
GRAPH_TAB = "graph"
GRAPH_READS: dict[str, frozenset[str]] = {
    "classifier": EVERY - {"surface_axes"}, "pitfall_c": EVERY - {"surface_axes"},
    "regression": frozenset(), "pitfall_b": frozenset(),
    "pitfall_d": frozenset({"logits", "classes", "temperature"}),
}
CLASSIFIER_TAB = "classifier"


class ControlScope(QObject):
    """Greys the controls the current tab does not read, and says so.

    A QObject child of the window: the store outlives a language or theme switch, and a
    connection to a method of a destroyed receiver is dropped with it (a lambda's is not).
    """

    def __init__(self, window: MainWindow, note: QLabel) -> None:
        super().__init__(window)
        self.window = window
        self.note = note
        note.setWordWrap(True)
        note.setObjectName("control_scope_note")
        note.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        note.hide()
        self._graph_connected = False
        g = window.global_controls
        self.controls: dict[str, list[QWidget]] = {
            "logits": [window.control_boxes["logits"]],
            "target": [window.control_boxes["target"]],
            "loss": [window.control_boxes["loss"]],
            "loss_choice": window.loss_editor.choice_widgets(),
            "loss_options": window.loss_editor.option_widgets(),
            "reduction": window.loss_editor.reduction_widgets(),
            "surface_axes": window.loss_editor.axes_widgets(),
            "classes": [g.classes], "temperature": [g.temperature],
            "smoothing": [g.smoothing]}
        window.tabs.currentChanged.connect(self.apply)
        # on the Saturation tab, whether the options count depends on the state
        window.store.changed.connect(self._on_state_changed)

    def _on_state_changed(self, _state: object) -> None:
        self.apply(self.window.tabs.currentIndex())

    def tab_name(self, index: int) -> str:
        page = self.window.tabs.widget(index)
        for name, lazy in self.window.lazy_panels.items():
            if page is lazy:
                return name
        return CLASSIFIER_TAB

    def reads(self, name: str) -> frozenset[str]:
        """What the tab `name` reads now: the Saturation tab reads the options shown when
        the loss shown is one of the two it compares."""
        reads = READS.get(name, EVERY)
        if name == GRAPH_TAB and self.window.is_built(GRAPH_TAB):
            panel = self.window.panel(GRAPH_TAB)
            if not self._graph_connected:  # built when first shown: follow its choice
                panel.mode.currentIndexChanged.connect(
                    lambda _i: self.apply(self.window.tabs.currentIndex()))
                self._graph_connected = True
            reads = GRAPH_READS.get(panel.current_mode(), EVERY)
        state = self.window.store.state()
        if name == SATURATION_TAB:
            if state.loss in state.saturation_losses:
                reads = reads | {"loss_options"}
            if "mse" not in state.saturation_losses:   # the reduction is MSE's alone
                reads = reads - {"reduction"}
        return reads

    def apply(self, index: int) -> None:
        name = self.tab_name(index)
        reads = self.reads(name)
        why = ""
        if reads != EVERY:
            title = registry.entry(name).title()
            why = (translate("MainWindow", "The %1 tab does not use the classifier: the "
                             "greyed controls change nothing here.")
                   if not reads else
                   translate("MainWindow", "The %1 tab compares the two losses chosen above "
                             "its plot, whatever loss is shown; the options shown count here "
                             "when the loss shown is one of the two.")
                   if name == SATURATION_TAB else
                   translate("MainWindow", "The %1 tab reads only the logits a₀ and a₁ (for "
                             "the two-class softmax); the greyed controls change nothing here.")
                   if reads == {"logits"} else
                   translate("MainWindow", "The %1 tab reads only the logits, N and T; "
                             "the greyed controls change nothing here."))
            why = why.replace("%1", title)
        # a tab that reads none of the column's boxes gets the column's width: the
        # Regression tab has its own controls, Two ways none (it shows the regression's)
        column_used = any(group in reads for group in self.window.control_boxes)
        self.window.controls_column.setVisible(column_used)
        for group, widgets in self.controls.items():
            for widget in widgets:
                widget.setEnabled(group in reads)
        for group, box in self.window.control_boxes.items():
            box.setToolTip("" if group in reads else why)
        for group in ("classes", "temperature", "smoothing"):  # the toolbar's say it too
            for widget in self.controls[group]:
                widget.setStatusTip("" if group in reads else why)
        self.note.setText(why)
        self.note.setVisible(bool(why))

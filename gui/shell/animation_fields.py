"""Which numbers File ▸ Export animation offers, how each is named, and its default range.

A number that only shapes the picture's structure (surface axes, grids, step counts, the
target's index) is not offered, nor a loss's option the chosen view does not draw: the
classifier's views draw the loss shown, the Saturation view its two losses (their
options move its curves whatever loss is shown).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.losses.catalog import CLASSIFIER, OPTIONS, REGRESSION
from core.state import State
from core.state_vary import numeric_fields

translate = QCoreApplication.translate  # lupdate reads translate("AnimationDialog", "…")
SATURATION_VIEW = "mse_vs_ce"

SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# numbers that set what is drawn rather than a value worth watching move
STRUCTURAL = ("target", "surface.axes.", "surface.grid", "regression.steps",
              "regression.grid", "p")  # p: the hinge's power, 1 or 2
POSITIVE_SCALES = ("temperature", "regression.learning_rate", "binary.pos_weight",
                   "pos_weight", "gamma", "margin")
CLASSIFIER_INFO = {info.name: info for info in CLASSIFIER}
REGRESSION_INFO = {info.name: info for info in REGRESSION}
# the loss family's options, by the kind of loss that reads them (p is STRUCTURAL)
CLASSIFIER_OPTIONS = frozenset(o for info in CLASSIFIER for o in info.options) & set(OPTIONS)
REGRESSION_OPTIONS = frozenset(o for info in REGRESSION for o in info.options)
SPAN = 4  # a field moves ×/÷ SPAN (a positive scale) or ± SPAN (anything else) by default


def value_at(state: State, field: str) -> float:
    node = state.to_dict()
    for part in field.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def default_span(state: State, field: str) -> tuple[float, float]:
    """A range around the field's value worth watching: temperature, learning rate and the
    other positive scales ÷4…×4, label smoothing 0…0.5, a probability 0…1, the target over
    every class, a count halved…doubled, any other number ±4 (a logit, w, b, a range end)."""
    value = value_at(state, field)
    if (field in POSITIVE_SCALES or field.startswith("class_weights.")) and value > 0:
        return value / SPAN, value * SPAN
    if field.startswith("class_weights."):  # a weight of 0: up to SPAN
        return 0.0, float(SPAN)
    if field == "label_smoothing":
        return 0.0, 0.5
    if field in ("binary.y", "alpha"):  # a probability
        return 0.0, 1.0
    if field == "target":
        return 0, len(state.logits) - 1
    if isinstance(value, int):
        return max(1, value // 2), value * 2
    return value - SPAN, value + SPAN


def field_label(field: str) -> str | None:
    """What the window calls a state-file number (logits.0: Logit a₀), translated; None
    for one not worth animating. A number not named here keeps its path."""
    if field in STRUCTURAL or any(field.startswith(s) for s in STRUCTURAL if s.endswith(".")):
        return None
    head, _, index = field.rpartition(".")
    sub = index.translate(SUBSCRIPTS)
    indexed = {
        "logits": translate("AnimationDialog", "Logit a%1"),
        "target": translate("AnimationDialog", "Target probability y%1"),
        "regression.x": translate("AnimationDialog", "Data x%1"),
        "regression.y": translate("AnimationDialog", "Data y%1"),
        "class_weights": translate("AnimationDialog", "Class weight w%1"),
    }
    if index.isdigit() and head in indexed:
        return indexed[head].replace("%1", sub)
    ends = {"0": translate("AnimationDialog", "from"), "1": translate("AnimationDialog", "to")}
    ranges = {
        "surface.range": translate("AnimationDialog", "Surface range (%1)"),
        "regression.w_range": translate("AnimationDialog", "Range of w (%1)"),
        "regression.b_range": translate("AnimationDialog", "Range of b (%1)"),
    }
    if index in ends and head in ranges:
        return ranges[head].replace("%1", ends[index])
    named = {
        "temperature": translate("AnimationDialog", "Temperature T"),
        "label_smoothing": translate("AnimationDialog", "Label smoothing ε"),
        "regression.w": translate("AnimationDialog", "Weight w"),
        "regression.b": translate("AnimationDialog", "Bias b"),
        "regression.learning_rate": translate("AnimationDialog", "Learning rate η"),
        "regression.delta": translate("AnimationDialog", "Huber δ"),
        "regression.beta": translate("AnimationDialog", "Smooth L1 β"),
        "binary.z": translate("AnimationDialog", "Binary: logit z"),
        "binary.y": translate("AnimationDialog", "Binary: label y"),
        "binary.pos_weight": translate("AnimationDialog", "Binary: positive weight w₊"),
        "pos_weight": translate("AnimationDialog", "Positive weight"),
        "gamma": translate("AnimationDialog", "Focal γ"),
        "alpha": translate("AnimationDialog", "Focal α"),
        "margin": translate("AnimationDialog", "Hinge margin"),
    }
    return named.get(field, field)


def drawn(state: State, field: str, view: str = "all") -> bool:
    """Whether moving `field` moves anything in `view`. A loss option does only while the
    view draws its loss (γ and α with the focal loss, the margin with the hinge, pw with
    BCE, δ and β with Huber and SmoothL1): otherwise every frame would be the same picture.
    Cross-entropy's class weights cancel (v = w⊙y/w_y = y) for a class target without
    label smoothing."""
    head, _, name = field.rpartition(".")
    # the classifier losses the view draws: the Saturation view its pair, the others the
    # loss shown
    losses = set(state.saturation_losses) if view == SATURATION_VIEW else {state.loss}
    options = {o for loss in losses for o in CLASSIFIER_INFO[loss].options}
    if head == "class_weights":
        return ("class_weights" in options
                and (not state.target_is_index or state.label_smoothing > 0))
    if not head and name in CLASSIFIER_OPTIONS:
        return name in options
    if head == "regression" and name in REGRESSION_OPTIONS:
        return name in REGRESSION_INFO[state.regression.loss].options
    return True


def animated_fields(state: State, view: str = "all") -> list[tuple[str, str]]:
    """(path, label) of every number the dialog offers for `view`, in state-file order."""
    labelled = ((field, field_label(field)) for field in numeric_fields(state)
                if drawn(state, field, view))
    return [(field, label) for field, label in labelled if label is not None]

"""Choosing a loss and its options in the window, as people do: the real combo with the
keyboard, the real entries typed into and Enter. The State must hold exactly what was
typed, the gradient table must equal an independent float64 numpy reference of that
loss's gradient, a refusal must be said aloud with the State kept, and undo must bring
the previous option back.

The references are written here from the losses' definitions (torch's and torchvision's
documentation), not from core/: the focal loss's gradient is derived by hand in the
per-class form α(1 − p)^γ(γ·p·log p − (1 − p)) and checked against central differences
of a numpy focal loss; the hinge's is its closed form.
"""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.losses.catalog import CLASSIFIER
from core.number_format import fmt

LOGITS = np.array([2.0, 1.0, 0.1])  # the default State's logits, target class 0, T = 1


def settle():
    for _ in range(3):
        QApplication.processEvents()


def choose_loss(window, name):
    """Focus the loss combo and press ↓ or ↑ until it shows `name` (real key events)."""
    combo = window.loss_editor.loss
    combo.setFocus()
    order = [combo.itemData(i) for i in range(combo.count())]
    key = Qt.Key.Key_Down if order.index(name) > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentData() == name:
            break
        QTest.keyClick(combo, key)
    settle()


def type_into(entry, text):
    """Click into an entry (a spin box's line edit or a QLineEdit), select all, type, Enter."""
    line = entry.lineEdit() if hasattr(entry, "lineEdit") else entry
    QTest.mouseClick(line, Qt.MouseButton.LeftButton)
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(line, text)
    if not text:
        QTest.keyClick(line, Qt.Key.Key_Backspace)  # the selection goes: the entry is empty
    QTest.keyClick(line, Qt.Key.Key_Return)
    settle()


def shown_gradient(window):
    """The gradient table's closed-form column, ∂L/∂aᵢ row by row, as the window holds it."""
    table = window.gradients_view.table
    return np.array([table.value(i, 3) for i in range(window.state().n_classes)])


def refused(window, before):
    """The State is unchanged and the status bar says why in one line."""
    message = window.statusBar().currentMessage()
    assert window.state() == before
    assert message and "\n" not in message
    return message


# ------------------------------------------------------------------ references (numpy)
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def focal_loss(a, y, gamma, alpha, t=1.0):
    """torchvision's sigmoid_focal_loss(a/T, y, alpha, gamma, reduction="mean")."""
    z = a / t
    p = sigmoid(z)
    bce = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    p_t = p * y + (1 - p) * (1 - y)
    alpha_t = alpha * y + (1 - alpha) * (1 - y) if alpha >= 0 else 1.0
    return np.mean(alpha_t * (1 - p_t) ** gamma * bce)


def focal_gradient(a, y, gamma, alpha, t=1.0):
    """d/da of focal_loss for a one-hot y, derived per class: for y = 1,
    α(1 − p)^γ(γ·p·log p − (1 − p)); for y = 0, (1 − α)·p^γ(p − γ(1 − p)·log(1 − p));
    over N·T."""
    z = a / t
    p = sigmoid(z)
    positive = alpha * (1 - p) ** gamma * (gamma * p * np.log(p) - (1 - p))
    negative = (1 - alpha) * p ** gamma * (p - gamma * (1 - p) * np.log1p(-p))
    return np.where(y == 1, positive, negative) / (a.size * t)


def central_differences(loss, a, h=1e-5):
    return np.array([(loss(a + h * e) - loss(a - h * e)) / (2 * h) for e in np.eye(a.size)])


def test_the_focal_reference_is_the_derivative_of_the_focal_loss():
    y = np.array([1.0, 0.0, 0.0])
    for gamma, alpha in ((0.999999, 0.001), (2.0, 0.25), (0.5, 0.9)):
        np.testing.assert_allclose(
            focal_gradient(LOGITS, y, gamma, alpha),
            central_differences(lambda a, g=gamma, al=alpha: focal_loss(a, y, g, al), LOGITS),
            rtol=1e-7, atol=1e-10)


# ------------------------------------------------------------------ choosing a loss
def test_every_loss_is_chosen_with_the_keyboard_and_shows_only_its_options(window):
    editor = window.loss_editor
    widgets = {"class_weights": editor.class_weights, "p": editor.power,
               **editor.option_controls}
    for info in [*CLASSIFIER, CLASSIFIER[0]]:  # down the list, then back up to CE
        choose_loss(window, info.name)
        assert window.state().loss == info.name
        assert f"∂{info.short}/∂a" in window.gradients_view.title.text()
        shown = {name for name, w in widgets.items() if w.isVisibleTo(window)}
        assert shown == set(info.options), info.name
        # its own value readout, labelled with its symbol, unless CE's or MSE's row is it
        own = info.name not in ("cross_entropy", "mse")
        assert editor.chosen_value.isVisibleTo(window) == own
        if own:
            assert editor.chosen_label.text() == info.short
            assert editor.chosen_value.text() == fmt(window.result().chosen.value)
    assert window.store.undo_stack.undoText().startswith("Show CE")


def test_each_loss_has_its_formula_as_its_tooltip(window):
    from PySide6.QtCore import QCoreApplication

    from core.losses.registry import CLASSIFIER_LOSSES

    combo = window.loss_editor.loss
    for row in range(combo.count()):
        spec = CLASSIFIER_LOSSES[combo.itemData(row)]
        tip = combo.itemData(row, Qt.ItemDataRole.ToolTipRole)
        assert tip == QCoreApplication.translate("Losses", spec.formula)
        assert tip.startswith("L = ")


def test_index_only_losses_are_disabled_while_the_target_is_probabilities(window):
    editor = window.loss_editor
    window.target_editor.soft.click()  # a real click on "Soft target"
    settle()
    assert not window.state().target_is_index
    model = editor.loss.model()
    assert isinstance(model, QStandardItemModel)
    disabled = {editor.loss.itemData(row) for row in range(editor.loss.count())
                if not model.item(row).isEnabled()}
    assert disabled == {"nll", "multi_margin"}
    nll = editor.loss.findData("nll")
    assert "class index" in editor.loss.itemData(nll, Qt.ItemDataRole.ToolTipRole)
    # ↓ all the way and back: the keyboard steps over them, the state never takes them
    editor.loss.setFocus()
    seen = []
    for key in [Qt.Key.Key_Down] * 8 + [Qt.Key.Key_Up] * 8:
        QTest.keyClick(editor.loss, key)
        settle()
        seen.append(window.state().loss)
    assert set(seen) == {info.name for info in CLASSIFIER} - disabled
    for letters in ("NLL", "Hinge"):  # typing a name's first letters does not reach them
        QTest.keyClicks(editor.loss, letters)
        settle()
        assert window.state().loss not in disabled
    # chosen anyway (a stale list): refused with the State's message, the state kept
    before = window.state()
    editor.loss.activated.emit(nll)
    settle()
    assert "takes a class index target" in refused(window, before)
    assert editor.loss.currentData() == before.loss
    # back to a class target: both can be chosen again
    window.target_editor.soft.click()
    settle()
    assert all(model.item(row).isEnabled() for row in range(editor.loss.count()))
    choose_loss(window, "nll")
    assert window.state().loss == "nll"


# ------------------------------------------------------------------ typed options
def test_focal_gamma_and_alpha_are_stored_as_typed_and_drive_the_gradient(window):
    choose_loss(window, "sigmoid_focal")
    controls = window.loss_editor.option_controls
    type_into(controls["gamma"].entry, "0.999999")
    type_into(controls["alpha"].entry, "1e-3")
    s = window.state()
    assert (s.gamma, s.alpha) == (0.999999, 0.001)
    assert controls["gamma"].entry.text() == "0.999999"
    assert controls["alpha"].entry.text() == "0.001"
    expected = focal_gradient(LOGITS, np.array([1.0, 0.0, 0.0]), 0.999999, 0.001)
    np.testing.assert_allclose(shown_gradient(window), expected, rtol=1e-12, atol=1e-15)
    assert window.loss_editor.chosen_value.text() == fmt(
        focal_loss(LOGITS, np.array([1.0, 0.0, 0.0]), 0.999999, 0.001))


def test_hinge_squared_with_margin_two_is_its_closed_form(window):
    editor = window.loss_editor
    choose_loss(window, "multi_margin")
    editor.power.setFocus()
    QTest.keyClick(editor.power, Qt.Key.Key_Down)  # p = 2
    type_into(editor.option_controls["margin"].entry, "2")
    s = window.state()
    assert (s.loss, s.p, s.margin) == ("multi_margin", 2, 2.0)
    # h_i = margin − a_y + a_i for i ≠ y = 0: 1 and 0.1; ∂L/∂a_i = 2·h_i/N, a_y takes −Σ
    h = 2.0 - LOGITS[0] + LOGITS[1:]
    others = 2 * h / 3
    np.testing.assert_allclose(shown_gradient(window), [-others.sum(), *others],
                               rtol=1e-14, atol=1e-16)
    assert editor.chosen_value.text() == fmt(np.sum(h ** 2) / 3)
    assert window.store.undo_stack.undoText() == "Set Margin"


def test_pos_weight_typed_weighs_the_positive_term(window):
    choose_loss(window, "binary_cross_entropy_with_logits")
    entry = window.loss_editor.option_controls["pos_weight"].entry
    type_into(entry, "1e-3")
    assert window.state().pos_weight == 0.001
    y = np.array([1.0, 0.0, 0.0])
    # L = −mean(pw·y·log σ(a) + (1 − y)·log(1 − σ(a))): ∂L/∂a = ((1 − y)σ(a) − pw·y·σ(−a))/N
    expected = ((1 - y) * sigmoid(LOGITS) - 0.001 * y * sigmoid(-LOGITS)) / 3
    np.testing.assert_allclose(shown_gradient(window), expected, rtol=1e-12, atol=1e-16)


def test_class_weights_typed_are_stored_exactly_and_weigh_cross_entropy(window):
    # with a class target and no smoothing the weights cancel (v = w⊙y/w_y = y): ε = 0.1
    type_into(window.global_controls.smoothing.entry, "0.1")
    entry = window.loss_editor.class_weights
    assert entry.isVisibleTo(window) and entry.text() == ""
    type_into(entry, "1, 2.5, 1e-3")
    s = window.state()
    assert s.class_weights == (1.0, 2.5, 0.001)
    assert entry.text() == "1, 2.5, 0.001"
    assert window.store.undo_stack.undoText() == "Set class weights"
    w = np.array([1.0, 2.5, 0.001])
    y_eff = 0.9 * np.array([1.0, 0.0, 0.0]) + 0.1 / 3
    v = w * y_eff / w[0]
    p = np.exp(LOGITS - LOGITS.max())
    p /= p.sum()
    np.testing.assert_allclose(shown_gradient(window), v.sum() * p - v, rtol=1e-12,
                               atol=1e-16)
    assert window.loss_editor.chosen_label.text() == "CE (weighted)"
    assert window.loss_editor.chosen_value.text() == fmt(-np.sum(v * np.log(p)))


@pytest.mark.parametrize(("typed", "why"), [
    ("1, 2", "2 numbers typed, 3 needed"),
    ("1, 2, 3, 4", "4 numbers typed, 3 needed"),
    ("0, 1, 1", "target class's weight"),
    ("1, -1, 1", "class_weights"),
    ("1, 2, abc", "'abc' is not a number"),
    ("1,000", "2 numbers typed"),
])
def test_wrong_class_weights_are_refused_aloud(window, typed, why):
    entry = window.loss_editor.class_weights
    type_into(entry, "2, 1, 1")
    before = window.state()
    window.statusBar().clearMessage()
    type_into(entry, typed)
    assert why in refused(window, before)
    assert entry.text() == "2, 1, 1"  # the stored weights again


def test_an_empty_entry_means_no_weights(window):
    entry = window.loss_editor.class_weights
    type_into(entry, "2, 1, 1")
    type_into(entry, "")
    assert window.state().class_weights is None
    assert window.store.undo_stack.undoText() == "Clear class weights"


@pytest.mark.parametrize(("option", "typed"), [
    ("gamma", "-1"), ("gamma", "101"), ("alpha", "1.5"), ("alpha", "abc"),
    ("margin", "-0.5"), ("pos_weight", "1,5")])
def test_options_out_of_range_are_refused_aloud(window, option, typed):
    loss = {"gamma": "sigmoid_focal", "alpha": "sigmoid_focal", "margin": "multi_margin",
            "pos_weight": "binary_cross_entropy_with_logits"}[option]
    choose_loss(window, loss)
    control = window.loss_editor.option_controls[option]
    before = window.state()
    window.statusBar().clearMessage()
    type_into(control.entry, typed)
    refused(window, before)
    assert control.entry.value() == getattr(before, option)


def test_undo_brings_the_previous_option_back(window):
    choose_loss(window, "sigmoid_focal")
    entry = window.loss_editor.option_controls["gamma"].entry
    type_into(entry, "0.5")
    type_into(entry, "3")
    assert window.state().gamma == 3.0
    assert window.store.undo_stack.undoText() == "Set γ"
    window.undo_action.trigger()
    settle()
    assert window.state().gamma == 0.5 and entry.value() == 0.5
    y = np.array([1.0, 0.0, 0.0])
    np.testing.assert_allclose(shown_gradient(window), focal_gradient(LOGITS, y, 0.5, 0.25),
                               rtol=1e-12, atol=1e-15)
    window.undo_action.trigger()
    settle()
    assert window.state().gamma == 2.0  # the default, before anything was typed


def test_the_options_follow_a_state_loaded_or_undone(window):
    """A state set from outside (a file, a preset, undo) shows its options in the entries."""
    from core.state import State

    window.store.request(State(loss="multi_margin", margin=0.25, p=2))
    settle()
    editor = window.loss_editor
    assert editor.option_controls["margin"].entry.value() == 0.25
    assert editor.power.currentData() == 2
    assert editor.option_controls["margin"].isVisibleTo(window)
    assert not editor.option_controls["gamma"].isVisibleTo(window)

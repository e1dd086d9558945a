"""File ▸ Export animation through its real dialog: the menu action opens it, the fields
are typed into, Export draws the frames with a progress bar, and Cancel stops it leaving
no file (the modal dialog is driven from a QTimer)."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from gui.shell import dialogs
from gui.shell.animation_dialog import AnimationDialog
from gui.shell.animation_fields import default_span
from tests.modal_dialogs import run_in_modal

REAL = dict(vars(dialogs))  # before no_dialogs patches the module


@pytest.fixture
def real_dialog(window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_animation", REAL["ask_animation"])
    return window


def drive(window, steps):
    """Trigger File ▸ Export animation and run steps(dialog) once it shows."""
    return run_in_modal(AnimationDialog, window.files.animation_action.trigger, steps)


def type_into(entry, text):
    entry.selectAll()
    QTest.keyClicks(entry, text)


def fill(dialog, out, frames="4", start="1", end="2"):
    dialog.view.setFocus()
    while dialog.view.currentData() != "softmax":
        QTest.keyClick(dialog.view, Qt.Key.Key_Down)
    assert (dialog.field_name(), dialog.field.currentText()) == ("temperature",
                                                                 "Temperature T")
    type_into(dialog.start, start)
    type_into(dialog.end, end)
    type_into(dialog.frames, frames)
    type_into(dialog.path, str(out))


def test_the_dialog_writes_a_gif_of_k_frames(real_dialog, tmp_path):
    from PIL import Image

    out = tmp_path / "temperature.gif"

    def steps(dialog):
        assert (dialog.start.text(), dialog.end.text()) == ("0.25", "4")  # around T = 1
        type_into(dialog.start, "abc")
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        bad = dialog.message.text()
        type_into(dialog.start, "-1")  # T must stay positive: said before any frame
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        negative = dialog.message.text()
        fill(dialog, out)
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return bad, negative, dialog.progress.value()

    seen = drive(real_dialog, steps)
    bad, negative, drawn = seen["result"]
    assert bad.startswith("Temperature T:") and "\n" not in bad
    assert negative.startswith("temperature=-1") and "\n" not in negative
    assert drawn == 4 and not seen["open"]
    with Image.open(out) as gif:
        assert gif.n_frames == 4 and gif.size == (800, 600)
    assert str(out) in real_dialog.statusBar().currentMessage()


def test_cancel_stops_the_drawing_and_leaves_no_file(real_dialog, tmp_path, monkeypatch):
    from gui.shell import animation_dialog

    out = tmp_path / "cancelled.gif"
    frames_seen = []
    real_progress = AnimationDialog._progress

    def progress(self, done, total):
        frames_seen.append(done)
        if done == 2:  # the user presses Cancel while frames are being drawn
            QTimer.singleShot(0, lambda: QTest.mouseClick(self.cancel_button,
                                                          Qt.MouseButton.LeftButton))
        return real_progress(self, done, total)

    monkeypatch.setattr(animation_dialog.AnimationDialog, "_progress", progress)

    def steps(dialog):
        fill(dialog, out, frames="30")
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return dialog.isVisible(), dialog.message.text(), dialog.export_button.isEnabled()

    seen = drive(real_dialog, steps)
    assert seen["result"] == (True, "Cancelled: nothing was written.", True)
    # every state shown once (0), then stopped at once, not after the 30 frames
    assert frames_seen == [0] * 30 + [1, 2]
    assert [p.name for p in tmp_path.iterdir() if p.name != "settings"] == []


def test_default_spans(window):
    state = window.state()
    assert default_span(state, "temperature") == (state.temperature / 4,
                                                  state.temperature * 4)
    assert default_span(state, "logits.0") == (state.logits[0] - 4, state.logits[0] + 4)
    assert default_span(state, "target") == (0, len(state.logits) - 1)


def test_the_dialog_offers_only_numbers_a_view_draws(window):
    """A loss's options move the picture only while that loss is chosen: γ and α with the
    focal loss, the margin with the hinge, pw with BCE, δ with Huber; never the hinge's
    power p (1 or 2: structure, not a value to watch move)."""
    from core.state import Regression
    from gui.shell.animation_fields import animated_fields

    options = {"gamma", "alpha", "margin", "pos_weight", "p", "regression.delta",
               "regression.beta"}
    fields = dict(animated_fields(window.state()))  # cross-entropy, MSE regression
    assert "temperature" in fields and "binary.z" in fields
    assert not options & set(fields)
    state = window.state()
    for changes, offered in (
            ({"loss": "sigmoid_focal"}, {"gamma", "alpha"}),
            ({"loss": "multi_margin", "p": 2}, {"margin"}),
            ({"loss": "binary_cross_entropy_with_logits"}, {"pos_weight"}),
            ({"regression": Regression(loss="huber")}, {"regression.delta"}),
            ({"regression": Regression(loss="smooth_l1")}, {"regression.beta"})):
        fields = dict(animated_fields(state.replace(**changes)))
        assert options & set(fields) == offered, changes
    fields = dict(animated_fields(state.replace(loss="sigmoid_focal")))
    assert (fields["gamma"], fields["alpha"]) == ("Focal γ", "Focal α")
    assert default_span(state.replace(loss="sigmoid_focal"), "gamma") == (0.5, 8.0)


def test_class_weights_are_offered_where_they_weigh_the_loss(window):
    """v = w⊙y/w_y is y itself for a class target without smoothing: the weights move
    the picture only with smoothing or a probability target."""
    from gui.shell.animation_fields import animated_fields

    weighted = window.state().replace(class_weights=(1.0, 2.0, 0.0))
    assert not any(f.startswith("class_weights.") for f, _ in animated_fields(weighted))
    smoothed = dict(animated_fields(weighted.replace(label_smoothing=0.1)))
    assert smoothed["class_weights.1"] == "Class weight w₁"
    assert default_span(weighted, "class_weights.1") == (0.5, 8.0)
    assert default_span(weighted, "class_weights.2") == (0.0, 4.0)  # never below 0
    assert not any(f.startswith("class_weights.") for f, _ in animated_fields(
        weighted.replace(label_smoothing=0.1, loss="mse")))


def test_focal_gamma_is_chosen_in_the_dialog_of_a_focal_state(real_dialog):
    """Through the real dialog: with the focal loss chosen in the window, "Focal γ" is a
    choice of Vary, and choosing it by keyboard fills its range around γ = 2."""
    from PySide6.QtWidgets import QApplication

    editor = real_dialog.loss_editor
    editor.loss.setFocus()
    for _ in range(editor.loss.count()):  # bounded: a missing item fails, never hangs
        if editor.loss.currentData() == "sigmoid_focal":
            break
        QTest.keyClick(editor.loss, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert real_dialog.state().loss == "sigmoid_focal"

    def steps(dialog):
        dialog.field.setFocus()
        for _ in range(dialog.field.count()):
            if dialog.field_name() == "gamma":
                break
            QTest.keyClick(dialog.field, Qt.Key.Key_Down)
        texts = dialog.field.currentText(), dialog.start.text(), dialog.end.text()
        dialog.reject()
        return texts

    assert drive(real_dialog, steps)["result"] == ("Focal γ", "0.5", "8")


def test_the_saturation_view_offers_its_pairs_options_whatever_loss_is_shown(real_dialog):
    """CE shown, the Saturation tab comparing focal with BCE: choosing that view in the
    dialog (by keyboard) offers γ and α and pw; back on the softmax view they go."""
    from PySide6.QtWidgets import QApplication

    real_dialog.set_state(real_dialog.state().replace(
        saturation_losses=("sigmoid_focal", "binary_cross_entropy_with_logits")))
    QApplication.processEvents()

    def offered(dialog):
        return {dialog.field.itemData(i) for i in range(dialog.field.count())}

    def choose_view(dialog, key):
        dialog.view.setFocus()
        QTest.keyClick(dialog.view, Qt.Key.Key_Home)
        for _ in range(dialog.view.count()):
            if dialog.view.currentData() == key:
                break
            QTest.keyClick(dialog.view, Qt.Key.Key_Down)
        QApplication.processEvents()
        assert dialog.view.currentData() == key

    def steps(dialog):
        choose_view(dialog, "mse_vs_ce")
        saturation = offered(dialog)
        choose_view(dialog, "softmax")
        softmax = offered(dialog)
        dialog.reject()
        return saturation, softmax

    saturation, softmax = drive(real_dialog, steps)["result"]
    assert {"gamma", "alpha", "pos_weight"} <= saturation
    assert not {"gamma", "alpha", "pos_weight"} & softmax
    assert "temperature" in saturation and "temperature" in softmax

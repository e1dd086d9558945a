"""One view that raises while drawing a state must not leave the window showing two states:
the other views, the editors, the loss readout and the status line show the new state; the
failing view is covered and says so (once per error in the status bar, one line on stderr,
no traceback), and it comes back when a later state draws."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionButton

from core.number_format import fmt
from gui.registry import view_labels


class Broken(RuntimeError):
    pass


@pytest.fixture
def drawn(window, monkeypatch):
    """drawn[name] is the last State each classifier view drew; the softmax view (drawn
    first, so every other view comes after it) raises Broken for a target in `fail`."""
    drawn: dict[str, object] = {}
    fail: dict[int, str] = {}
    for name, view in window.views.items():
        original = view.set_result

        def record(result, name=name, original=original):
            target = result.state.target
            if name == "softmax" and target in fail:
                raise Broken(fail[target])
            original(result)
            drawn[name] = result.state

        monkeypatch.setattr(view, "set_result", record)
    drawn["fail"] = fail
    return drawn


def click_target(window, qtbot, index: int) -> None:
    """Click the target's class radio button (on its indicator: the button is wider than
    what it answers to), then wait for the window's next result."""
    radio = window.target_editor.radios[index]
    option = QStyleOptionButton()
    radio.initStyleOption(option)
    indicator = radio.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option,
                                             radio)
    QTest.mouseClick(radio, Qt.MouseButton.LeftButton, pos=indicator.center())
    qtbot.waitUntil(lambda: window.result().state.target == index)


def assert_everything_but_softmax_shows(window, drawn, index: int) -> None:
    result = window.result()
    state, c = result.state, result.classifier
    assert state.target == index
    for name in ("jacobian", "surface", "gradients"):
        assert drawn[name] == state, name
    assert window.target_editor.radios[index].isChecked()
    assert window.loss_editor.ce_value.text() == fmt(c.cross_entropy)
    assert window.loss_editor.mse_value.text() == fmt(c.mse)
    assert f"CE {fmt(c.cross_entropy, 4)}" in window.numbers.text()
    assert fmt(c.cross_entropy) in window.gradients_view.summary.text()


def cover_of(window, name: str) -> QLabel | None:
    """The label covering a view that failed, if one is shown."""
    covers = [c for c in window.all_views()[name].findChildren(QLabel, "view_failure")
              if c.isVisible()]
    return covers[0] if covers else None


def test_a_failing_view_leaves_the_others_on_the_new_state(window, drawn, qtbot, capfd):
    drawn["fail"][1] = "no bars for you"
    click_target(window, qtbot, 1)
    assert_everything_but_softmax_shows(window, drawn, 1)
    assert "softmax" not in drawn  # it drew nothing of the new state...
    cover = cover_of(window, "softmax")
    assert cover is not None and cover.isVisible()  # ...and its old drawing is covered
    assert cover.geometry() == window.softmax_view.rect()
    assert "no bars for you" in cover.text()
    label = view_labels()["softmax"]
    message = window.statusBar().currentMessage()
    assert label in message and "Broken: no bars for you" in message
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert err.count("no bars for you") == 1


def test_the_same_error_is_said_once_and_the_view_recovers(window, drawn, qtbot, capfd):
    drawn["fail"].update({1: "same", 2: "same"})
    click_target(window, qtbot, 1)
    window.statusBar().clearMessage()
    click_target(window, qtbot, 2)  # the same failure again: covered, not said again
    assert_everything_but_softmax_shows(window, drawn, 2)
    assert window.statusBar().currentMessage() == ""
    assert cover_of(window, "softmax").isVisible()
    click_target(window, qtbot, 0)  # a state it draws: the cover goes
    assert_everything_but_softmax_shows(window, drawn, 0)
    assert drawn["softmax"] == window.result().state
    assert cover_of(window, "softmax") is None
    assert capfd.readouterr().err.count("same") == 1


def test_a_different_error_is_said_again(window, drawn, qtbot):
    drawn["fail"].update({1: "first", 2: "second"})
    click_target(window, qtbot, 1)
    click_target(window, qtbot, 2)
    assert "second" in window.statusBar().currentMessage()
    assert "second" in cover_of(window, "softmax").text()


def test_a_slider_step_into_a_failing_state(window, drawn, qtbot, monkeypatch):
    """The failure follows any state, here one reached by the arrow key on a logit's
    slider: the surface view breaks, the softmax view and the readouts keep up."""
    view = window.surface_view
    original = view.set_result
    before = window.state().logits

    def breaks_on_new_logits(result):
        if result.state.logits != before:
            raise ZeroDivisionError("float division by zero")
        original(result)

    monkeypatch.setattr(view, "set_result", breaks_on_new_logits)
    slider = window.logits_editor.rows[0].slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.result().state.logits != before)
    result = window.result()
    assert drawn["softmax"] == result.state and drawn["gradients"] == result.state
    assert window.loss_editor.ce_value.text() == fmt(result.classifier.cross_entropy)
    assert cover_of(window, "surface").isVisible()
    assert view_labels()["surface"] in window.statusBar().currentMessage()
    monkeypatch.setattr(view, "set_result", original)
    QTest.keyClick(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.result().state.logits == before)
    assert cover_of(window, "surface") is None


def test_a_failure_dragged_along_is_logged_once(window, qtbot, monkeypatch, capsys):
    """An error whose text holds the state's values differs on every frame of a drag: the
    status bar follows it, stderr gets one line, and nothing piles up."""
    view = window.surface_view

    def breaks(result):
        raise ValueError(f"cannot draw a0 = {result.state.logits[0]}")

    monkeypatch.setattr(view, "set_result", breaks)
    slider = window.logits_editor.rows[0].slider
    slider.setFocus()
    for _ in range(5):
        QTest.keyClick(slider, Qt.Key.Key_Right)
        qtbot.wait(5)
    qtbot.waitUntil(lambda: str(window.state().logits[0]) in
                    window.statusBar().currentMessage())
    lines = [line for line in capsys.readouterr().err.splitlines() if "surface view" in line]
    assert len(lines) == 1
    assert len(window.updates.logged) == 1

"""The Binary tab through real events: typed z, y and pos_weight reach the State as undoable
steps and the readouts follow; a slider drag is one undo step; a refused entry keeps the
State; the saturation shows in both precisions; `main.py export --view binary` works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.state import State

ROOT = Path(__file__).resolve().parents[1]


def open_panel(window):
    window.show_view("binary")
    QApplication.processEvents()
    return window.panel("binary")


def type_into(qtbot, entry, text: str) -> None:
    entry.setFocus()
    qtbot.keyClick(entry, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(entry, text)
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    QApplication.processEvents()


def drawn(window, qtbot, check) -> None:
    """Waits until the window's Result (and the panel drawn from it) satisfies check."""
    qtbot.waitUntil(lambda: window.result() is not None and check(window.result()),
                    timeout=3000)
    QApplication.processEvents()


def test_typing_z_shows_the_saturation_and_undoes(window, qtbot):
    panel = open_panel(window)
    before = window.state()
    assert before.binary.y == 0.0
    type_into(qtbot, panel.z_control.entry, "40")
    assert window.state().binary.z == 40.0
    drawn(window, qtbot, lambda r: r.state.binary.z == 40.0)
    cells = panel.precision_cells
    assert cells[("float64", "on_probs")].text() == "100.0000"
    assert cells[("float64", "grad_on_probs")].text() == "0.0000"
    assert cells[("float64", "with_logits")].text() == "40.0000"
    assert cells[("float64", "grad_with_logits")].text() == "1.0000"
    assert "float64" in panel.explain.text() and "100" in panel.explain.text()
    assert panel.z_control.slider.value() == round(panel.z_control.slider.maximum() * 85 / 90)
    window.store.undo_stack.undo()
    assert window.state() == before
    drawn(window, qtbot, lambda r: r.state == before)
    assert panel.z_control.entry.value() == before.binary.z


def test_float32_saturates_first(window, qtbot):
    panel = open_panel(window)
    type_into(qtbot, panel.z_control.entry, "20")
    drawn(window, qtbot, lambda r: r.state.binary.z == 20.0)
    cells = panel.precision_cells
    assert cells[("float32", "on_probs")].text() == "100.0000"
    assert cells[("float64", "on_probs")].text() == "20.0000"
    assert "float32" in panel.explain.text()


def test_label_and_pos_weight_are_typed(window, qtbot):
    panel = open_panel(window)
    type_into(qtbot, panel.y_control.entry, "0.3")
    type_into(qtbot, panel.weight_control.entry, "2.5")
    type_into(qtbot, panel.z_control.entry, "-1.25")
    b = window.state().binary
    assert (b.z, b.y, b.pos_weight) == (-1.25, 0.3, 2.5)
    drawn(window, qtbot, lambda r: r.state.binary == b)
    r = window.result().binary
    assert panel.grad_cells["formula"].text().replace("−", "-") == f"{r.grad.formula:.6f}"
    assert "w₊ = 2.5" in panel.numbers.text()
    assert window.store.undo_stack.count() >= 3  # one step each


def test_a_refused_entry_keeps_the_state(window, qtbot):
    panel = open_panel(window)
    before = window.state()
    for entry, text in ((panel.y_control.entry, "1.5"), (panel.weight_control.entry, "-1"),
                        (panel.z_control.entry, "abc")):
        type_into(qtbot, entry, text)
        assert window.state() == before
    assert window.statusBar().currentMessage()


def test_dragging_the_z_slider_is_one_undo_step(window, qtbot):
    panel = open_panel(window)
    slider = panel.z_control.slider
    y = slider.height() // 2
    start = QPoint(round(slider.width() * 48 / 90), y)  # z = 3 of ±45
    count = window.store.undo_stack.count()
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for x in range(start.x(), slider.width() - 2, 6):
        QTest.mouseMove(slider, QPoint(x, y))
        QApplication.processEvents()
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(slider.width() - 2, y))
    QApplication.processEvents()
    z = window.state().binary.z
    assert z > 40.0 and panel.z_control.entry.value() == z
    assert window.store.undo_stack.count() == count + 1
    drawn(window, qtbot, lambda r: r.state.binary.z == z)
    assert panel.precision_cells[("float64", "on_probs")].text() == "100.0000"


def test_two_class_cells_show_the_equality(window, qtbot):
    panel = open_panel(window)
    drawn(window, qtbot, lambda r: True)
    for left, right in panel.two_class_cells.values():
        assert left.text() and left.text() == right.text()  # filled, and equal
    p1 = window.result().binary.two_class.softmax_p1
    assert float(panel.two_class_cells["p"][0].text().replace("−", "-")) == \
        pytest.approx(p1, abs=1e-6)


@pytest.mark.gui
def test_export_view_binary_headless(tmp_path):
    state = tmp_path / "s.json"
    state.write_text(State.from_dict({"binary": {"z": 40, "y": 0}}).to_json())
    out = tmp_path / "binary.png"
    done = subprocess.run([sys.executable, "main.py", "export", str(out), "--view", "binary",
                           "--state", str(state)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    with Image.open(out) as image:
        assert image.size == (1100, 760)

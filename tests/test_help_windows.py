"""Help windows: the formulas (text checked against core, links that switch views) and the
keyboard shortcuts (read from the window's actions, and true of the widgets)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication

from core import State, compute
from gui.help.formulas_window import FormulasWindow
from gui.help.shortcuts_window import ShortcutsWindow, shortcut_rows, strip_mnemonics

NATIVE = QKeySequence.SequenceFormat.NativeText
REQUIRED_LINKS = {"softmax", "jacobian", "surface", "gradients", "regression", "two_ways"}


def shown(window, view: str) -> bool:
    """Whether the window's current tab holds `view`."""
    target = window.all_views()[view]
    page = window.tabs.currentWidget()
    return page is target or page.isAncestorOf(target)


def minus(value: float) -> str:
    """A number as the formulas window writes it: six decimals, a true minus sign."""
    return f"{value:.6f}".replace("-", "−")


@pytest.fixture
def formulas(window, qtbot):
    dialog = FormulasWindow(window.show_view, window)
    qtbot.addWidget(dialog)
    return dialog


# ---------------------------------------------------------------------- formulas
def test_formulas_window_is_non_modal_and_titled(formulas):
    assert not formulas.isModal()
    assert formulas.windowTitle() == "Formulas"
    assert formulas.width() >= 600 and formulas.height() >= 600


def test_links_cover_the_views_in_order_and_are_in_the_text(formulas):
    assert set(formulas.links) >= REQUIRED_LINKS
    html = formulas.browser.toHtml()
    positions = [html.find(f'href="view:{name}"') for name in dict.fromkeys(formulas.links)]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)  # `links` lists them in reading order
    text = formulas.browser.toPlainText()
    assert text.count("Show in view: ") == len(formulas.links)
    assert "Show in view: Jacobian" in text and "Show in view: Regression" in text


def test_each_link_brings_its_view_forward(window, formulas):
    other = window.tabs.count() - 1  # the Code tab: no formula links to it
    assert "code" not in formulas.links
    for view in dict.fromkeys(formulas.links):
        window.tabs.setCurrentIndex(other)
        QApplication.processEvents()
        assert not shown(window, view)
        formulas.browser.anchorClicked.emit(QUrl(f"view:{view}"))
        QApplication.processEvents()
        assert shown(window, view), view


def test_link_calls_show_view_with_the_name_and_ignores_other_links(qtbot):
    calls = []
    dialog = FormulasWindow(calls.append)
    qtbot.addWidget(dialog)
    for view in dialog.links:
        dialog.browser.anchorClicked.emit(QUrl(f"view:{view}"))
    dialog.browser.anchorClicked.emit(QUrl("https://example.org/jacobian"))
    dialog.browser.anchorClicked.emit(QUrl("view:no_such_view"))
    assert calls == dialog.links


def test_text_has_the_apps_formulas(formulas):
    text = formulas.browser.toPlainText()
    # rendered from HTML, sub- and superscripts become plain letters
    for rendered in ("∂pi/∂aj = pi(δij − pj)/T",               # the Jacobian
                     "pi = exp(ai/T) / Σk exp(ak/T)",           # softmax with temperature
                     "pi / pj = exp((ai − aj)/T)",              # the ratio
                     "yeff = (1 − ε) y + ε/N",                  # label smoothing
                     "CE = −Σk yeff,k log pk",
                     "∂CE/∂ai = (pi − yeff,i)/T",
                     "MSE = (1/N) Σk (pk − yeff,k)²",
                     "= pi(gi − Σk pkgk)/T",                    # MSE through the Jacobian
                     "L = (wx + b − y)²",
                     "∂L/∂w = 2x(wx + b − y)",
                     "torch.autograd.grad(loss, [w, b])",
                     "loss.backward()"):
        assert rendered in text, rendered


def test_worked_numbers_in_the_text_are_what_core_computes(formulas):
    """The examples quote numbers; they must be the ones the app shows for the same state."""
    text = formulas.browser.toPlainText()
    c = compute(State(logits=(2.0, 1.0, 0.1), target=0, reduction="mean")).classifier
    assert f"CE = {c.cross_entropy:.6f}" in text
    assert f"MSE = {c.mse:.6f}" in text
    assert "[" + ", ".join(minus(v) for v in c.grad_cross_entropy.formula) + "]" in text
    assert "[" + ", ".join(minus(v) for v in c.grad_mse.formula) + "]" in text
    assert "[" + ", ".join(f"{v:.3f}" for v in c.probs) + "]" in text


def test_escape_closes_the_formulas_window(formulas, qtbot):
    formulas.show()
    qtbot.waitExposed(formulas)
    formulas.browser.setFocus()
    qtbot.keyClick(formulas.browser, Qt.Key.Key_Escape)
    assert not formulas.isVisible()


# ---------------------------------------------------------------------- shortcuts
def test_rows_have_undo_redo_and_every_action_shortcut(window):
    rows = shortcut_rows(window)
    keys = [k for k, _ in rows]
    undo = ", ".join(s.toString(NATIVE) for s in window.undo_action.shortcuts())
    redo = ", ".join(s.toString(NATIVE) for s in window.redo_action.shortcuts())
    assert undo and redo
    assert (undo, "Undo the last change") in rows
    assert (redo, "Redo the last undone change") in rows
    assert redo == "Ctrl+Shift+Z, Ctrl+Y"  # every shortcut of an action, not the first only
    for action in window.findChildren(QAction):
        text = ", ".join(s.toString(NATIVE) for s in action.shortcuts() if not s.isEmpty())
        if text:
            assert text in keys, action.text()


def test_rows_are_complete_and_clean(window):
    rows = shortcut_rows(window)
    assert len(rows) == len(set(rows))
    for keys, description in rows:
        assert keys.strip() and description.strip()
        assert "&" not in description, description
    descriptions = [d for _, d in rows]
    assert "Open state…" in descriptions and "Export figure…" in descriptions  # '…' kept
    fine = [(k, d) for k, d in rows if k.startswith("Shift+") and "tenth of a step" in d]
    assert fine, rows


def test_undo_row_does_not_change_with_the_undo_stack(window):
    before = shortcut_rows(window)
    window.set_state(State(logits=(0.5, 0.2, -1.0)))
    QApplication.processEvents()
    assert window.undo_action.text() != "&Undo"  # QUndoStack appended the command's name
    assert shortcut_rows(window) == before


def test_a_new_action_shows_up_without_mnemonics(window):
    action = QAction("Save && &quit…", window)
    action.setShortcut(QKeySequence("Ctrl+Alt+Q"))
    assert ("Ctrl+Alt+Q", "Save & quit…") in shortcut_rows(window)
    assert strip_mnemonics("文件(&F)") == "文件"


def test_the_fine_nudge_row_is_true_of_a_real_slider(window, qtbot):
    """Arrows move a slider one step, Shift+arrows a tenth of it, PageUp ten steps."""
    slider = window.global_controls.temperature.slider
    slider.setValue(slider.maximum() // 2)
    slider.setFocus()

    def moved(key, modifier=Qt.KeyboardModifier.NoModifier):
        before = slider.value()
        qtbot.keyClick(slider, key, modifier)
        return slider.value() - before

    step = moved(Qt.Key.Key_Right)
    assert step > 0
    assert moved(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier) * 10 == step
    assert moved(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier) * 10 == -step
    assert moved(Qt.Key.Key_PageUp) == 10 * step
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert slider.value() == slider.maximum()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert slider.value() == slider.minimum()


def test_shortcuts_window_shows_the_rows_read_only(window, qtbot):
    dialog = ShortcutsWindow(window, window)
    qtbot.addWidget(dialog)
    assert not dialog.isModal()
    assert dialog.windowTitle() == "Keyboard shortcuts"
    table = dialog.table
    assert table.columnCount() == 2
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == ["Keys", "Action"]
    assert dialog.rows() == shortcut_rows(window)
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not table.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable
    assert table.alternatingRowColors()
    dialog.show()
    qtbot.waitExposed(dialog)
    # sized to its content: every row and both columns fit without scrolling
    assert not table.verticalScrollBar().isVisible()
    assert not table.horizontalScrollBar().isVisible()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_binary_section_quotes_the_thresholds_torch_finds(formulas):
    """σ(z) rounds to 1 from z ≈ 37 (float64) and 17 (float32): the text says what torch
    does, and links to the Binary tab."""
    import torch

    from core.binary import rounds_to_one_from

    text = formulas.browser.toPlainText()
    assert "binary" in formulas.links
    assert "∂L/∂z = (1 + (w+ − 1) y) σ(z) − w+ y" in text
    for dtype in (torch.float64, torch.float32):
        name = str(dtype).removeprefix("torch.")
        assert f"{round(rounds_to_one_from(dtype))} in {name}" in text

"""The saturation view ("mse_vs_ce") the way people use it: the pair chosen through its
real combos with the keyboard and the mouse, the state and the drawn curves following;
the same loss twice not offered, and refused visibly if it comes anyway; an export with a
state file that chooses the pair."""

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core import State, compute
from core.losses.catalog import CLASSIFIER_NAMES
from core.number_format import minus_in_numbers
from gui.look.plot_style import CE_COLOR, MSE_COLOR
from gui.panels.mse_vs_ce_view import WORD_JOINER, format_from_log, ratio_from_log

ROOT = Path(__file__).resolve().parent.parent


def shown(window):
    window.show_view("mse_vs_ce")
    QApplication.processEvents()
    return window.mse_vs_ce_view


def settle(window, qtbot, pair):
    qtbot.waitUntil(lambda: window.state().saturation_losses == pair, timeout=5000)
    qtbot.waitUntil(lambda: window.result().state == window.state(), timeout=5000)
    QApplication.processEvents()


def caption(view) -> str:
    return view.explain.text().replace(WORD_JOINER, "")


def assert_curves_are_cores(window, view):
    """What is drawn is core's sweep for the window's state: x, log10 of each loss and of
    each |∂L/∂a_c|, in the pair's order."""
    sweep = compute(window.state()).saturation
    assert [c.name for c in sweep.curves] == list(window.state().saturation_losses)
    for curve, loss_item, grad_item in zip(sweep.curves, view.loss_curves, view.grad_curves,
                                           strict=True):
        for item, logs in ((loss_item, curve.log_loss), (grad_item, curve.log_grad_abs)):
            x, y = item.getData()
            if not curve.applies:   # no curve drawn
                assert x is None or len(x) == 0
                continue
            np.testing.assert_array_equal(x, sweep.logit_values)
            expected = np.where(np.isfinite(logs), logs / math.log(10), np.nan)
            np.testing.assert_allclose(y, expected, rtol=1e-15, equal_nan=True)
    return sweep


def rows(combo) -> dict[str, int]:
    return {combo.itemData(i): i for i in range(combo.count())}


def enabled(combo) -> set[str]:
    model = combo.model()
    return {combo.itemData(i) for i in range(combo.count()) if model.item(i).isEnabled()}


def test_the_pair_is_chosen_with_the_keyboard(window, qtbot):
    view = shown(window)
    first, second = view.combos
    assert window.state().saturation_losses == ("mse", "cross_entropy")
    assert first.currentData() == "mse" and second.currentData() == "cross_entropy"
    # Alt+M (the "Compare" label's mnemonic) reaches the first combo
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    QTest.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: first.hasFocus(), timeout=3000)
    # Up would be CE, the other combo's loss: not offered, so nothing changes
    QTest.keyClick(first, Qt.Key.Key_Up)
    QApplication.processEvents()
    assert window.state().saturation_losses == ("mse", "cross_entropy")
    assert first.currentData() == "mse"
    QTest.keyClick(first, Qt.Key.Key_Down)
    settle(window, qtbot, ("nll", "cross_entropy"))
    assert_curves_are_cores(window, view)
    # the second combo now offers everything but NLL, and MSE again
    assert enabled(second) == set(CLASSIFIER_NAMES) - {"nll"}
    assert enabled(first) == set(CLASSIFIER_NAMES) - {"cross_entropy"}
    assert [label.text for _, label in view.legend.items] == [
        "NLL", "CE", "|∂NLL/∂a₀|", "|∂CE/∂a₀|"]
    assert "<b>NLL vs CE</b>" in view.title.text()
    # one undo step puts the pair back, and the curves with it
    window.store.undo_stack.undo()
    settle(window, qtbot, ("mse", "cross_entropy"))
    assert first.currentData() == "mse"
    assert_curves_are_cores(window, view)


def _click_row(qtbot, combo, row: int) -> None:
    QTest.mouseClick(combo, Qt.MouseButton.LeftButton)
    popup = combo.view()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=3000)
    # the popup ignores a release for one double-click interval after it opens
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    rect = popup.visualRect(combo.model().index(row, 0))
    QTest.mouseMove(popup.viewport(), rect.center())
    QTest.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()


def test_the_pair_is_chosen_with_the_mouse_and_the_captions_follow(window, qtbot):
    view = shown(window)
    second = view.combos[1]
    _click_row(qtbot, second, rows(second)["sigmoid_focal"])
    settle(window, qtbot, ("mse", "sigmoid_focal"))
    sweep = assert_curves_are_cores(window, view)
    mse, focal = sweep.curves
    text = caption(view)
    # each verdict from its own numbers: MSE's gradient vanishes, the focal loss's stays
    assert (mse.verdict, focal.verdict) == ("vanishes", "stays")
    mse_ratio = minus_in_numbers(ratio_from_log(mse.log_left_to_largest))
    focal_ratio = minus_in_numbers(ratio_from_log(focal.log_left_to_largest))
    assert (f"|∂MSE/∂a₀| = {view_number(mse.log_grad_abs[0])} there, only {mse_ratio} of "
            "its largest: it vanishes") in text
    assert (f"|∂FL/∂a₀| = {view_number(focal.log_grad_abs[0])} there, {focal_ratio} of its "
            "largest: it stays near its largest") in text
    # colours mean the place in the pair: compared (MSE's colour), compared with (CE's)
    assert view.grad_curves[0].opts["pen"].color().name() == MSE_COLOR.name()
    assert view.grad_curves[1].opts["pen"].color().name() == CE_COLOR.name()
    # the loss the first combo holds is not offered by the second: a click on it does nothing
    if second.view().isVisible():
        second.hidePopup()
    _click_row(qtbot, second, rows(second)["mse"])
    QApplication.processEvents()
    assert window.state().saturation_losses == ("mse", "sigmoid_focal")
    second.hidePopup()


def view_number(log_value: float) -> str:
    return minus_in_numbers(format_from_log(float(log_value)))


def test_the_swap_button_swaps_the_pair(window, qtbot):
    view = shown(window)
    qtbot.mouseClick(view.swap, Qt.MouseButton.LeftButton)
    settle(window, qtbot, ("cross_entropy", "mse"))
    assert_curves_are_cores(window, view)
    assert view.combos[0].currentData() == "cross_entropy"
    assert "<b>CE vs MSE</b>" in view.title.text()


def test_the_same_loss_twice_is_refused_visibly(window, qtbot):
    """Not offered; and if it comes anyway (a stray signal), the status bar says why and
    the combo shows the state's loss again."""
    view = shown(window)
    first = view.combos[0]
    assert "cross_entropy" not in enabled(first)
    first.activated.emit(rows(first)["cross_entropy"])
    QApplication.processEvents()
    assert window.state().saturation_losses == ("mse", "cross_entropy")
    assert "saturation_losses" in window.statusBar().currentMessage()
    assert "two different" in window.statusBar().currentMessage()
    assert first.currentData() == "mse"


def test_an_index_only_loss_with_probabilities_says_so(window, qtbot):
    view = shown(window)
    window.set_state(State(target=(0.2, 0.5, 0.3), saturation_losses=("nll", "mse")))
    qtbot.waitUntil(lambda: window.result().state == window.state(), timeout=5000)
    QApplication.processEvents()
    sweep = assert_curves_are_cores(window, view)
    assert not sweep.curves[0].applies
    assert "NLL takes a class index as target and the target is probabilities" in caption(view)
    assert len(view.markers.getData()[0]) == 2   # only MSE's two


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_export_draws_the_pair_a_state_file_chooses(tmp_path):
    state_file = tmp_path / "focal.json"
    state_file.write_text(json.dumps({"saturation_losses": ["sigmoid_focal",
                                                           "cross_entropy"]}))
    out_file = tmp_path / "sat.svg"
    out = run("export", str(out_file), "--view", "mse_vs_ce", "--state", str(state_file))
    assert out.returncode == 0, out.stderr
    text = out_file.read_text().replace(WORD_JOINER, "")
    assert "FL vs CE" in text and "MSE vs CE" not in text
    assert "FL/∂a₀|" in text and "stays near its largest" in text

    same = tmp_path / "same.json"
    same.write_text(json.dumps({"saturation_losses": ["mse", "mse"]}))
    out = run("export", str(tmp_path / "x.png"), "--view", "mse_vs_ce", "--state", str(same))
    assert out.returncode == 2
    assert "saturation_losses" in out.stderr and "two different" in out.stderr


@pytest.mark.parametrize("pair", [("binary_cross_entropy", "multi_margin")])
def test_zeros_in_float64_are_said_where_they_are(window, qtbot, pair):
    view = shown(window)
    window.set_state(State(logits=(0.0, 3.0, -2.0), temperature=0.05,
                           saturation_losses=pair))
    qtbot.waitUntil(lambda: window.result().state == window.state(), timeout=5000)
    QApplication.processEvents()
    sweep = assert_curves_are_cores(window, view)
    hinge = sweep.curves[1]
    start, end = hinge.zero_from_to(sweep.logit_values)
    assert (f"|∂Hinge/∂a₀| is 0 in float64 for a₀ from {start:.3g} to {end:.3g}, where its "
            "curve stops (torch's own value).") in caption(view)


def test_a_loss_without_a_curve_has_no_legend_entry_and_no_now_line(window, qtbot):
    """NLL and the hinge take a class index: with a probability target neither has a
    curve, so neither has a legend entry, and the dotted 'now' line marks nothing."""
    from core.state import State

    window.set_state(State(logits=(2.0, 1.0, 0.1), target=(0.6, 0.3, 0.1),
                           saturation_losses=("nll", "multi_margin")))
    names = list(window.lazy_panels)
    window.tabs.setCurrentIndex(names.index("mse_vs_ce") + 1)
    QApplication.processEvents()
    view = window.panel("mse_vs_ce")
    assert not any(label.isVisible() for _, label in view.legend.items)
    assert not view.now.isVisible()
    window.set_state(window.state().replace(saturation_losses=("nll", "cross_entropy"),
                                            target=0))
    QApplication.processEvents()
    assert [label.isVisible() for _, label in view.legend.items] == [True] * 4
    assert view.now.isVisible()

"""The learning panels beside the classifier: their numbers, live from the shared State."""

import json
import re
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from core import Regression, State, compute
from core.number_format import minus


def show_tab(window, view):
    window.show_view(view)
    QApplication.processEvents()


def test_hidden_tabs_catch_up_when_shown(window):
    s = State(logits=(0.5, 3.0, -1.0), target=2)
    window.set_state(s)
    QApplication.processEvents()
    assert "mse_vs_ce" in window.updates.stale  # not shown: not drawn
    show_tab(window, "mse_vs_ce")
    assert "mse_vs_ce" not in window.updates.stale
    sweep = window.result().saturation
    x, _ = window.mse_vs_ce_view.grad_curves[0].getData()
    np.testing.assert_allclose(x, sweep.logit_values)
    assert sweep.class_index == 2


def test_mse_vs_ce_shows_the_vanishing_gradient(window):
    show_tab(window, "mse_vs_ce")
    sweep = window.result().saturation
    view = window.mse_vs_ce_view
    assert window.state().saturation_losses == ("mse", "cross_entropy")
    assert [curve.name for curve in sweep.curves] == ["mse", "cross_entropy"]
    _, log_mse = view.grad_curves[0].getData()
    _, log_ce = view.grad_curves[1].getData()
    ce, mse = 10 ** log_ce, 10 ** log_mse  # on a log axis getData gives log10 of the values
    np.testing.assert_allclose(ce, sweep.curves[1].grad_abs, rtol=1e-12)
    assert mse[0] < 1e-3 * ce[0]  # confidently wrong: MSE's gradient has vanished
    xs, ys = view.markers.getData()
    assert xs[0] == window.state().logits[0]
    # circles on the losses (MSE, CE), then triangles on their gradients
    assert 10 ** ys[1] == pytest.approx(window.result().classifier.cross_entropy, rel=1e-9)
    assert 10 ** ys[0] == pytest.approx(window.result().classifier.mse, rel=1e-9)
    assert "Confidently wrong" in view.explain.text()


def test_two_ways_agree_and_grad_accumulates(window):
    window.set_state(State(regression=Regression(x=(1.0, 2.0), y=(1.0, 3.0), w=0.5, b=0.0)))
    show_tab(window, "two_ways")
    t = window.result().two_ways
    r = window.result().regression
    tab = window.two_ways_tab
    # readouts write the minus sign −
    assert tab.cells[("∂L/∂w", "autograd")].text() == minus(f"{r.grad_w:.6f}")
    assert tab.cells[("∂L/∂b", "formula")].text() == minus(f"{r.grad_b_formula:.6f}")
    assert t.grad_after_second_without_zeroing[0] == pytest.approx(2 * t.grad_after_first[0])
    assert "torch.autograd.grad(loss, [w, b])" in tab.way1.text()
    assert "loss.backward()" in tab.way2.text()
    assert "w.grad.zero_()" in tab.accumulation.text()


def test_pitfall_cards_run_torch_and_show_its_real_errors(window, qtbot):
    show_tab(window, "pitfalls")
    tab = window.pitfalls_tab
    expected = {"A": r"does not require grad", "B": r"does not require grad",
                "C": r"backward through the graph a second time",
                "D": r"only for scalar outputs"}
    for key, pattern in expected.items():
        card = tab.cards[key]
        assert f"Press “{card.run_button.text()}”" in card.error.text()
        assert not card.fix.isVisibleTo(tab)
        qtbot.mouseClick(card.run_button, Qt.MouseButton.LeftButton)
        assert card.last_run is not None and card.last_run.error_type == "RuntimeError"
        assert re.search(pattern, card.error.text())
        assert card.fix.isVisibleTo(tab)
        assert card.last_run.max_abs_diff < 1e-12
    # the note's numbers: loss 1 and dL/dw 2
    assert tab.cards["A"].last_run.fix_values == pytest.approx((1.0, 2.0))
    # a change of state rewrites the code and clears the old runs
    window.set_state(State(regression=Regression(w=3.0)))
    QApplication.processEvents()
    assert tab.cards["A"].last_run is None and "3.0" in tab.cards["A"].code.text()


def test_code_tab_script_reproduces_the_numbers(window, tmp_path):
    s = State(logits=(1.5, -0.5, 0.25), target=(0.2, 0.5, 0.3), temperature=0.8,
              label_smoothing=0.05, reduction="sum")
    window.set_state(s)
    show_tab(window, "code")
    script = window.code_tab.code.text()
    path = tmp_path / "script.py"
    path.write_text(script)
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                         timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    numbers = json.loads(out.stdout.strip().splitlines()[-1])
    r = compute(s)
    np.testing.assert_allclose(numbers["probs"], r.probs, rtol=1e-12)
    assert numbers["cross_entropy"] == pytest.approx(r.classifier.cross_entropy, rel=1e-12)
    np.testing.assert_allclose(numbers["grad_mse"], r.grads["mse"].autograd, atol=1e-15)
    window.code_tab.code.copy.click()
    assert QGuiApplication.clipboard().text() == script


def test_every_panel_exports(window, tmp_path):
    for key in ("regression", "two_ways", "pitfalls", "code", "mse_vs_ce"):
        out = tmp_path / f"{key}.png"
        assert window.files.export(out, key, 1)
        assert out.stat().st_size > 5000


def test_pitfall_keys_match_core():
    from core.pitfalls import PITFALL_KEYS
    from gui.panels.pitfalls_tab import PITFALL_KEYS as shown_keys

    assert shown_keys == PITFALL_KEYS

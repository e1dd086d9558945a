"""The Regression tab with every regression loss, driven as a user would: the Loss combo by
keys, δ and β typed into their entries, the numbers on the tab against an independent numpy
float64 reference (tests/reference_math.py), the Huber descent path against a numpy loop,
and the kink inspector against one-sided differences of that reference."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QWidget,
)

from core import State, Surface
from core.state import Regression
from tests.key_input import type_into
from tests.reference_math import regression_descent
from tests.reference_math import regression_one_sided_slopes as one_sided_slopes
from tests.reference_math import regression_reference as reference
from tests.regression_harness import regression_harness

BASE = State(surface=Surface(grid=10))
DATA = Regression(x=(-1.0, 0.0, 1.0, 2.5, 4.0), y=(0.5, 1.0, -1.0, 3.0, 9.5), w=0.5,
                  b=0.25, learning_rate=0.2, steps=25, grid=31)
ORDER = ["mse", "l1", "huber", "smooth_l1"]   # the combo's order
SYMBOL = {"mse": "MSE", "l1": "L1", "huber": "Huber", "smooth_l1": "SmoothL1"}
SLOPE_TEXT = {"mse": "2·Σ(ŷ−y)·x/M", "l1": "Σ sign(ŷ−y)·x/M",
              "huber": "Σ clamp(ŷ−y, −δ, δ)·x/M", "smooth_l1": "Σ clamp((ŷ−y)/β, −1, 1)·x/M"}


# ------------------------------------------------------------------ the harness
@pytest.fixture
def harness(qtbot):
    return regression_harness(qtbot, BASE.replace(regression=DATA), 1000, 640)


def choose_loss(qtbot, tab, loss: str) -> None:
    """Home, then Down to the loss: each key a real key event on the focused combo."""
    combo = tab.loss
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(ORDER.index(loss)):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    QApplication.processEvents()


def shown(label) -> float:
    """A readout's number (the tab writes − for minus)."""
    return float(label.text().split()[0].replace("−", "-"))


# ------------------------------------------------------------------ the tests
@pytest.mark.parametrize("loss", ["l1", "huber", "smooth_l1", "mse"])
def test_each_loss_chosen_by_keys_shows_its_numbers_titles_and_surface(harness, qtbot, loss):
    tab = harness.tab
    if loss == "mse":
        choose_loss(qtbot, tab, "huber")  # away and back: MSE chosen by the combo too
    choose_loss(qtbot, tab, loss)
    reg = harness.state().regression
    assert reg.loss == loss and tab.loss.currentData() == loss
    value, gw, gb = reference(reg, reg.w, reg.b)
    r = harness.result().regression
    assert r.loss == pytest.approx(value, rel=1e-13)
    np.testing.assert_allclose((r.grad_w, r.grad_b), (gw, gb), rtol=1e-12)
    np.testing.assert_allclose((r.grad_w_formula, r.grad_b_formula), (gw, gb), rtol=1e-12)
    # what the tab shows: six decimals of each
    for label, expected in ((tab.loss_value, value), (tab.grad_w_value, gw),
                            (tab.grad_w_formula, gw), (tab.grad_b_value, gb),
                            (tab.grad_b_formula, gb)):
        assert shown(label) == pytest.approx(expected, abs=6e-7), label.accessibleName()
    assert "agree" in tab.diff_value.text()
    # the titles and the formula name the chosen loss
    symbol = SYMBOL[loss]
    assert f"{symbol} surface" in tab.surface_panel.title.text()
    assert f"{symbol} L(w)" in tab.slice_panel.title.text()
    assert f"{symbol} per step" in tab.steps_panel.title.text()
    assert tab.loss_title.text().startswith(f"<b>{symbol}:")
    assert SLOPE_TEXT[loss] in tab.formula.text()
    # the map: the drawn image is the reference loss at every grid point
    surface = r.surface
    expected = np.array([[reference(reg, w, b)[0] for w in surface.xs] for b in surface.ys])
    np.testing.assert_allclose(tab.image.image, expected, rtol=1e-12)
    # the slice and its tangent, of slope ∂L/∂w
    xs, ys = tab.slice_panel.curve.getData()
    np.testing.assert_allclose(ys, [reference(reg, w, reg.b)[0] for w in xs], rtol=1e-12)
    tx, ty = tab.tangent.getData()
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(gw, rel=1e-9)
    # only the option the loss reads, and the kink inspector only for a loss with kinks
    assert tab.delta_control.isVisibleTo(tab) == (loss == "huber")
    assert tab.beta_control.isVisibleTo(tab) == (loss == "smooth_l1")
    assert tab.kinks.isVisibleTo(tab) == (loss != "mse")


def test_choosing_a_loss_is_one_undo_step(harness, qtbot):
    before = harness.state()
    choose_loss(qtbot, harness.tab, "l1")
    assert harness.state().regression.loss == "l1"
    harness.store.undo_stack.undo()
    QApplication.processEvents()
    assert harness.state() == before and harness.tab.loss.currentData() == "mse"
    assert not harness.tab.kinks.isVisibleTo(harness.tab)


def test_huber_descent_path_is_the_numpy_loop(harness, qtbot):
    tab = harness.tab
    choose_loss(qtbot, tab, "huber")
    type_into(qtbot, tab.delta_control.entry, "0.6")
    reg = harness.state().regression
    assert (reg.loss, reg.delta) == ("huber", 0.6)
    path, losses = regression_descent(reg)
    pw, pb = tab.path.getData()     # the path drawn on the map
    np.testing.assert_allclose(np.column_stack((pw, pb)), path, rtol=1e-10, atol=1e-12)
    steps, drawn = tab.loss_curve.getData()  # a log axis: log10 of the losses
    assert list(steps) == list(range(len(losses)))
    np.testing.assert_allclose(10.0 ** drawn, losses, rtol=1e-10)
    # Step moves to the path's second point
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    now = harness.state().regression
    assert (now.w, now.b) == pytest.approx(path[1], rel=1e-12)


@pytest.mark.parametrize(("loss", "control", "field", "cases"), [
    ("huber", "delta_control", "delta",
     [("0.25", 0.25), ("0", None), ("-1", None), ("2e6", None), ("1e6", 1e6), ("abc", None),
      ("1.5", 1.5)]),
    ("smooth_l1", "beta_control", "beta",
     [("0", 0.0), ("-0.1", None), ("1,5", None), ("2.5e-3", 0.0025), ("1000001", None)]),
])
def test_typed_delta_and_beta_are_stored_exactly_or_refused_aloud(window, qtbot, loss,
                                                                  control, field, cases):
    window.show_view("regression")
    tab = window.regression_tab
    QApplication.processEvents()
    choose_loss(qtbot, tab, loss)
    entry = getattr(tab, control).entry
    assert entry.isVisible()
    for typed, expected in cases:
        before = window.state()
        steps = window.store.undo_stack.count()
        window.statusBar().clearMessage()
        type_into(qtbot, entry, typed)
        value = getattr(window.state().regression, field)
        if expected is None:
            assert window.state() == before, typed
            message = window.statusBar().currentMessage()
            assert message and "\n" not in message, typed
            assert entry.value() == getattr(before.regression, field), typed
        else:
            assert value == expected and type(value) is float, typed
            assert entry.value() == expected, typed
            assert window.store.undo_stack.count() == steps + 1, typed  # one undo step


def test_kink_inspector_against_one_sided_differences(harness, qtbot):
    tab = harness.tab
    # point 3 (x = 1, y = −1) sits on L1's kink: w·1 + b = −1
    harness.store.request(BASE.replace(regression=Regression(
        x=DATA.x, y=DATA.y, w=0.5, b=-1.5, grid=31, loss="l1")), "", "test")
    QApplication.processEvents()
    kinks = tab.kinks
    assert kinks.isVisibleTo(tab)
    assert "point 3 (r = 0)" in kinks.now.text()
    assert tab.kinks.point.currentIndex() == 0 and kinks.inspected_point() == 2
    reg = harness.state().regression

    def check_column(point: int, column: int, joint: float) -> None:
        b = reg.y[point] + joint - reg.w * reg.x[point]
        h = 1e-6
        left, right = one_sided_slopes(reg, b, h)
        torch_value = reference(reg, reg.w, b)[2]   # numpy's sign(0) = 0, as torch's
        cell = kinks.cells
        assert shown(cell[("b", column)]) == pytest.approx(b, abs=1e-4)
        assert shown(cell[("left", column)]) == pytest.approx(left, abs=1e-5)
        assert shown(cell[("right", column)]) == pytest.approx(right, abs=1e-5)
        assert shown(cell[("torch", column)]) == pytest.approx(torch_value, abs=1e-6)
        assert "✓" in cell[("verdict", column)].text()

    check_column(2, 0, 0.0)
    # L1 at a corner: the one-sided slopes differ by 2/M, torch's value between them
    assert shown(kinks.cells[("right", 0)]) - shown(kinks.cells[("left", 0)]) == \
        pytest.approx(2 / 5, abs=1e-5)
    assert not kinks.cells[("b", 1)].isVisibleTo(tab)   # one kink: one column
    # point 5 chosen through the combo by keys
    kinks.point.setFocus()
    for _ in range(5):
        qtbot.keyClick(kinks.point, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert kinks.inspected_point() == 4
    check_column(4, 0, 0.0)
    # Huber: two kinks, ±δ, both columns, left and right agree (only the curvature jumps)
    choose_loss(qtbot, tab, "huber")
    reg = harness.state().regression
    assert kinks.inspected_point() == 4 and "±δ = ±1" in kinks.title.text()
    for column, joint in enumerate((-reg.delta, reg.delta)):
        check_column(4, column, joint)
        assert shown(kinks.cells[("left", column)]) == pytest.approx(
            shown(kinks.cells[("right", column)]), abs=1e-6)


def test_every_new_control_is_named_explained_and_reachable(harness, qtbot):
    kinds = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QAbstractItemView)
    for loss in ("huber", "smooth_l1"):
        choose_loss(qtbot, harness.tab, loss)
        missing, seen = [], set()
        for widget in harness.tab.findChildren(QWidget):
            if not isinstance(widget, kinds) or not widget.isVisibleTo(harness.tab):
                continue
            if isinstance(widget, QScrollBar) or isinstance(widget.parent(),
                                                            QScrollBar | QAbstractItemView):
                continue
            seen.add(widget.accessibleName())
            if not widget.accessibleName() or not widget.toolTip():
                missing.append(f"{type(widget).__name__}: no accessible name or tooltip")
            if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                missing.append(f"{widget.accessibleName()}: not keyboard reachable")
        assert missing == []
        option = "Huber delta value" if loss == "huber" else "SmoothL1 beta value"
        assert {"Regression loss", option, "Point inspected at its kinks"} <= seen


def test_kink_inspector_is_readable_in_a_1024_by_680_window(window, qtbot):
    window.resize(1024, 680)
    window.show_view("regression")
    tab = window.regression_tab
    QApplication.processEvents()
    choose_loss(qtbot, tab, "smooth_l1")
    type_into(qtbot, tab.beta_control.entry, "0.125")
    QApplication.processEvents()
    kinks = tab.kinks
    column = tab.findChild(QScrollArea)
    column.ensureWidgetVisible(kinks.cells[("verdict", 1)])
    QApplication.processEvents()
    assert kinks.width() <= column.viewport().width()   # no sideways scrolling
    for cell in kinks.cells.values():
        if cell.isVisibleTo(tab):
            assert cell.fontMetrics().horizontalAdvance(cell.text()) <= cell.width() - 4, \
                cell.text()
    for header in kinks.headers:
        assert header.isVisible() and header.width() >= header.sizeHint().width() - 2
    assert kinks.title.height() >= kinks.title.heightForWidth(kinks.title.width())


def test_two_ways_and_code_tabs_follow_the_chosen_loss(window, qtbot):
    reg = Regression(x=(1.0, 2.0, -1.0), y=(1.0, 3.0, 0.5), w=0.5, b=0.0, loss="huber",
                     delta=0.75)
    window.set_state(State(regression=reg))
    window.show_view("two_ways")
    qtbot.waitUntil(lambda: window.result().state.regression == reg, timeout=10000)
    qtbot.waitUntil(lambda: "huber" in window.two_ways_tab.way1.text(), timeout=5000)
    tab = window.two_ways_tab
    _, gw, gb = reference(reg, reg.w, reg.b)
    for way in ("autograd", "backward", "formula"):
        assert shown(tab.cells[("∂L/∂w", way)]) == pytest.approx(gw, abs=6e-7)
        assert shown(tab.cells[("∂L/∂b", way)]) == pytest.approx(gb, abs=6e-7)
    assert "F.huber_loss(w * x + b, y, reduction='mean', delta=0.75)" in tab.way1.text()
    assert tab.summary.text().startswith("Huber: ")
    assert "clamp(ŷ - y, −δ, δ)" in tab.summary.text()
    window.show_view("code")
    qtbot.waitUntil(lambda: bool(window.code_tab.code.text()), timeout=5000)
    assert ("reg_loss = F.huber_loss(y_hat, y_data, reduction=reg_reduction, delta=0.75)"
            in window.code_tab.code.text())


def test_loss_per_step_log_labels_do_not_overprint_when_l1_oscillates(harness):
    # L1's fixed-step descent bounces between about 0.05 and 0.08: under one decade, where
    # pyqtgraph labels every 2…9 × 10ⁿ, a few pixels apart near the decade's top
    harness.store.request(BASE.replace(regression=Regression(
        x=(0.0, 1.0), y=(0.0, 3.0), w=2.0, b=0.0, loss="l1")), "", "test")
    QApplication.processEvents()
    axis = harness.tab.steps_plot.getAxis("left")
    lo, hi = axis.range
    size = axis.height()
    minor = [values for spacing, values in axis.tickValues(lo, hi, size) if spacing is None]
    assert minor and len(minor[0]) >= 3
    pixels = np.diff(sorted(minor[0])) * size / (hi - lo)
    assert pixels.min() >= 18 - 1e-9

"""The Regression tab, driven as a user would (pytest-qt, offscreen).

A small harness stands in for the window (tests/regression_harness.py): a StateStore, the
tab, and on every `changed` core.compute(state) -> tab.set_state + tab.set_result. Dragging
a point is simulated with real mouse events (QTest press, moves, release on the plot's
viewport), which pyqtgraph's scene turns into MouseDragEvents for
DraggablePoints.mouseDragEvent; the "press beside the points" case calls that handler
directly with a fake event.
"""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

from core import State, Surface
from core.state import Regression
from tests.regression_harness import regression_harness

# The classifier's surface grid is shrunk: the tab never shows it, and on a busy 2-core machine
# torch's two OpenMP threads make a 200² grid cost ~0.25 s per compute (one thread: ~5 ms).
# The regression part is the default one: the note's example x = 1, y = 1, w = 2, b = 0.
BASE = State(surface=Surface(grid=10))
THREE_POINTS = Regression(x=(0.0, 1.0, 2.5), y=(1.0, -1.0, 3.0), w=0.5, b=0.25,
                          learning_rate=0.05, steps=30)


@pytest.fixture
def harness(qtbot):
    return regression_harness(qtbot, BASE, 950, 620)


def settle():
    QApplication.processEvents()


def slope(item) -> float:
    xs, ys = item.getData()
    return (ys[1] - ys[0]) / (xs[1] - xs[0])


def test_the_notes_example_loss_1_and_gradient_2(harness):
    tab, reg = harness.tab, harness.result().regression
    assert (reg.loss, reg.grad_w) == (1.0, 2.0)
    assert tab.loss_value.text() == "1.000000"
    assert tab.grad_w_value.text() == "2.000000" == tab.grad_w_formula.text()
    assert tab.grad_b_value.text() == "2.000000"
    assert tab.slice_readout.text().startswith("∂L/∂w = 2.000000 at w = 2, b = 0")
    assert slope(tab.tangent) == pytest.approx(reg.grad_w, rel=1e-12)
    tx, ty = tab.tangent.getData()
    assert np.interp(2.0, tx, ty) == pytest.approx(reg.loss)  # it touches L at w
    x, y = tab.slice_point.getData()
    assert (x[0], y[0]) == (2.0, 1.0)
    assert "L = Σ(ŷ−y)²/M, M = 1" in tab.formula.text()
    assert "agree" in tab.diff_value.text()


def test_line_and_residuals_follow_the_data(harness):
    harness.show(BASE.replace(regression=THREE_POINTS))
    tab, result = harness.tab, harness.result()
    reg, state = result.regression, result.state.regression
    xs, ys = tab.line.getData()
    np.testing.assert_allclose(ys, state.w * xs + state.b, rtol=0, atol=1e-12)
    assert xs[0] < min(state.x) and xs[-1] > max(state.x)
    rx, ry = tab.residuals.getData()
    np.testing.assert_array_equal(rx, np.repeat(state.x, 2))
    np.testing.assert_allclose(ry[1::2] - ry[0::2], reg.prediction - np.array(state.y))
    np.testing.assert_allclose(ry[1::2] - ry[0::2], reg.residuals)
    px, py = tab.points.getData()
    assert tuple(px) == state.x and tuple(py) == state.y
    assert [tab.table.item(r, 1).text() for r in range(3)] == ["1", "-1", "3"]


def test_surface_arrow_path_and_steps_plot(harness):
    harness.show(BASE.replace(regression=THREE_POINTS))
    tab, reg = harness.tab, harness.result().regression
    np.testing.assert_array_equal(tab.image.image, reg.surface.values)
    low, high = tab.image.levels
    assert low == 0.0 and reg.surface.values.max() <= high
    expected = -np.array([reg.grad_w, reg.grad_b])
    arrow = tab.arrow_vector
    cos = arrow @ expected / np.linalg.norm(arrow) / np.linalg.norm(expected)
    assert cos == pytest.approx(1.0, abs=1e-12)
    ax, ay = tab.arrow_line.getData()
    np.testing.assert_allclose([ax[1] - ax[0], ay[1] - ay[0]], arrow)
    px, py = tab.path.getData()
    np.testing.assert_array_equal(np.column_stack([px, py]), reg.path)
    np.testing.assert_array_equal(tab.loss_curve.yData, reg.path_loss)
    assert "after 30 steps" in tab.surface_readout.text()


def test_divergence_is_said_and_zero_loss_is_left_out_of_the_log_plot(harness):
    diverging = Regression(x=(0.0, 1.0, 2.0, 3.0), y=(0.5, 1.2, 1.9, 3.5), w=0.0, b=0.0,
                           learning_rate=0.5, steps=60)
    harness.show(BASE.replace(regression=diverging))
    assert harness.result().regression.diverged
    assert "Diverged" in harness.tab.surface_readout.text()
    assert "(diverged)" in harness.tab.steps_readout.text()
    at_optimum = Regression(x=(1.0,), y=(1.0,), w=1.0, b=0.0, steps=5)
    harness.show(BASE.replace(regression=at_optimum))
    assert harness.result().regression.loss == 0.0
    assert "Diverged" not in harness.tab.surface_readout.text()
    # a log axis cannot show 0: the points are left out (not drawn on an invented floor)
    assert harness.tab.loss_curve.yData is None or len(harness.tab.loss_curve.yData) == 0
    assert "L = 0" in harness.tab.steps_readout.text()


def test_step_then_reset(harness, qtbot):
    tab = harness.tab
    path = harness.result().regression.path
    assert not tab.reset_button.isEnabled()
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    settle()
    reg = harness.state().regression
    assert (reg.w, reg.b) == tuple(path[1])
    assert harness.result().regression.path[0].tolist() == path[1].tolist()
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    settle()
    assert (harness.state().regression.w, harness.state().regression.b) == tuple(path[2])
    assert tab.reset_button.isEnabled()
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    settle()
    assert (harness.state().regression.w, harness.state().regression.b) == (2.0, 0.0)
    assert not tab.reset_button.isEnabled()
    assert tab.w_control.value() == 2.0


def test_play_walks_the_path_until_paused(harness, qtbot):
    tab = harness.tab
    path = [tuple(p) for p in harness.result().regression.path]
    undo_before = harness.store.undo_stack.count()
    qtbot.mouseClick(tab.play_button, Qt.MouseButton.LeftButton)
    assert tab.is_playing() and tab.play_button.text() == "Pause"

    def position():
        reg = harness.state().regression
        return (reg.w, reg.b)

    # every tick is one step exactly along the path drawn before Play
    qtbot.waitUntil(lambda: position() in path[3:], timeout=3000)
    qtbot.mouseClick(tab.play_button, Qt.MouseButton.LeftButton)
    assert not tab.is_playing() and tab.play_button.text() == "Play"
    here = position()
    qtbot.wait(250)
    assert position() == here
    assert harness.store.undo_stack.count() == undo_before + 1  # the whole play: one step
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    settle()
    assert position() == path[0]


def test_play_stops_when_a_step_would_diverge(harness, qtbot):
    harness.show(BASE.replace(regression=Regression(x=(1000.0,), y=(0.0,), w=1.0,
                                             learning_rate=10.0)))
    harness.tab.play_button.click()
    assert not harness.tab.is_playing()
    assert harness.rejected and "learning rate 10" in harness.rejected[-1]


def test_editing_the_table_changes_the_state(harness, qtbot):
    tab = harness.tab
    table = tab.table
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "3.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert harness.state().regression.y == (3.5,)
    assert harness.result().regression.loss == pytest.approx((2.0 - 3.5) ** 2)
    table.item(0, 0).setText("not a number")
    settle()
    assert harness.state().regression.x == (1.0,)
    assert table.item(0, 0).text() == "1"
    assert "not a number" in harness.rejected[-1]


def test_add_and_remove_points(harness, qtbot):
    tab = harness.tab
    assert not tab.remove_button.isEnabled()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle()
    assert harness.state().regression.x == (1.0, 2.0, 3.0)
    assert tab.table.rowCount() == 3 and len(tab.points.getData()[0]) == 3
    items = (tab.points, tab.line, tab.residuals, tab.image, tab.path, tab.tangent)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    settle()
    assert harness.state().regression.x == (2.0, 3.0)
    assert tab.table.rowCount() == 2
    assert items == (tab.points, tab.line, tab.residuals, tab.image, tab.path, tab.tangent)
    assert all(item.scene() is not None for item in items)


def _view_pos(tab, x, y):
    widget = tab.data_widget
    return widget.mapFromScene(tab.data_plot.getViewBox().mapViewToScene(QPointF(x, y)))


def test_dragging_a_point_is_one_undo_step(harness):
    tab, store = harness.tab, harness.store
    before = harness.state()
    count = store.undo_stack.count()
    viewport = tab.data_widget.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _view_pos(tab, 1.0, 1.0))
    for x, y in ((1.05, 1.1), (1.1, 1.3), (1.2, 1.5)):
        QTest.mouseMove(viewport, _view_pos(tab, x, y))
        settle()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       _view_pos(tab, 1.2, 1.5))
    settle()
    reg = harness.state().regression
    assert reg.x[0] == pytest.approx(1.2, abs=0.02) and reg.y[0] == pytest.approx(1.5, abs=0.02)
    assert store.undo_stack.count() == count + 1
    assert tab.table.item(0, 0).text() == f"{reg.x[0]:.6g}"
    px, py = tab.points.getData()
    assert (px[0], py[0]) == (reg.x[0], reg.y[0])
    store.undo_stack.undo()
    settle()
    assert harness.state() == before
    assert tab.table.item(0, 0).text() == "1"


class FakeDrag:
    """The parts of pyqtgraph's MouseDragEvent that DraggablePoints reads."""

    def __init__(self, down, now, start=False, finish=False):
        self._down, self._now, self._start, self._finish = down, now, start, finish
        self.accepted = None

    def button(self):
        return Qt.MouseButton.LeftButton

    def buttonDownPos(self):
        return QPointF(*self._down)

    def pos(self):
        return QPointF(*self._now)

    def isStart(self):
        return self._start

    def isFinish(self):
        return self._finish

    def accept(self):
        self.accepted = True

    def ignore(self):
        self.accepted = False


def test_drag_handler_moves_a_point_and_ignores_presses_beside_them(harness):
    harness.show(BASE.replace(regression=THREE_POINTS))
    points = harness.tab.points
    beside = FakeDrag((0.5, 2.0), (0.6, 2.0), start=True)
    points.mouseDragEvent(beside)
    assert beside.accepted is False  # falls through to the plot
    for event in (FakeDrag((2.5, 3.0), (2.5, 3.0), start=True),
                  FakeDrag((2.5, 3.0), (2.0, 2.0)),
                  FakeDrag((2.5, 3.0), (1.8, 2.5), finish=True)):
        points.mouseDragEvent(event)
        assert event.accepted
    settle()
    reg = harness.state().regression
    assert (reg.x, reg.y) == ((0.0, 1.0, 1.8), (1.0, -1.0, 2.5))
    assert points.dragged is None


def test_mean_versus_sum_scales_the_loss_by_m(harness, qtbot):
    harness.show(BASE.replace(regression=THREE_POINTS))
    mean = harness.result().regression
    combo = harness.tab.reduction
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    settle()
    assert harness.state().regression.reduction == "sum"
    total = harness.result().regression
    assert total.loss == pytest.approx(3 * mean.loss, rel=1e-14)
    assert total.grad_w == pytest.approx(3 * mean.grad_w, rel=1e-14)
    assert harness.tab.loss_value.text() != harness.tab.grad_w_value.text()
    assert "(sum)" in harness.tab.formula.text()


def test_controls_edit_and_undo_restores(harness, qtbot):
    tab, store = harness.tab, harness.store
    first = harness.state()
    entry = tab.w_control.entry
    entry.lineEdit().selectAll()
    qtbot.keyClicks(entry.lineEdit(), "-0.75")
    qtbot.keyClick(entry.lineEdit(), Qt.Key.Key_Return)
    settle()
    assert harness.state().regression.w == -0.75
    tab.b_control.slider.setFocus()
    for _ in range(3):  # slider moves merge into one undo step
        qtbot.keyClick(tab.b_control.slider, Qt.Key.Key_Right)
    tab.steps.setValue(5)
    tab.rate_control.entry.setValue(0.2)
    settle()
    reg = harness.state().regression
    assert reg.b == pytest.approx(3 * 0.02, abs=1e-12)
    assert (reg.steps, reg.learning_rate) == (5, 0.2)
    assert len(harness.result().regression.path) == 6
    for _ in range(4):
        store.undo_stack.undo()
    settle()
    assert harness.state() == first
    assert (tab.w_control.value(), tab.b_control.value(), tab.steps.value()) == (2.0, 0.0, 50)


def test_set_state_shows_without_emitting(harness):
    count = harness.store.undo_stack.count()
    harness.tab.set_state(BASE.replace(regression=THREE_POINTS))
    settle()
    assert harness.store.undo_stack.count() == count
    assert harness.tab.table.rowCount() == 3
    assert harness.tab.w_control.value() == 0.5


def test_fit_view_sets_ranges_and_slider_ranges_follow(harness, qtbot):
    far = Regression(x=(0.0, 1.0, 2.0), y=(10.0, 13.0, 16.0), w=0.0, b=0.0, steps=0)
    harness.show(BASE.replace(regression=far))
    qtbot.mouseClick(harness.tab.fit_button, Qt.MouseButton.LeftButton)
    settle()
    reg = harness.state().regression
    assert reg.w_range[0] <= 3.0 <= reg.w_range[1] and reg.b_range[0] <= 10.0 <= reg.b_range[1]
    control = harness.tab.b_control
    assert control.slider.value() == control._to_slider(0.0)
    x0, x1 = harness.tab.surface_plot.getViewBox().viewRange()[0]
    assert (x0, x1) == pytest.approx(reg.w_range)


def test_every_control_is_named_explained_and_reachable(harness):
    kinds = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QAbstractItemView)
    missing = []
    for widget in harness.tab.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(harness.tab):
            continue
        # the column's own scroll bar (it scrolls when the controls are taller than the tab)
        if isinstance(widget, QScrollBar) or isinstance(widget.parent(),
                                                        QScrollBar | QAbstractItemView):
            continue
        name = f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()}"
        if not widget.accessibleName() or not widget.toolTip():
            missing.append(f"{name}: no accessible name or tooltip")
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            missing.append(f"{name}: not keyboard reachable")
    assert missing == []


def test_fits_and_renders_at_950_by_620(harness):
    tab = harness.tab
    hint = tab.minimumSizeHint()
    assert hint.width() <= 950 and hint.height() <= 620
    settle()
    for widget in (tab.data_widget, tab.surface_widget, tab.slice_widget, tab.steps_widget):
        shot = widget.grab().toImage()
        colours = {shot.pixel(x, y) for x in range(0, shot.width(), 7)
                   for y in range(0, shot.height(), 7)}
        assert len(colours) > 5

"""The Regression tab's new gestures, through real mouse events on the plots' viewports:
the line slides and turns, the surface point is dragged or clicked to, each gesture one
undo step; the −∇L arrow shrinks with |∇L|; the trail of steps taken; the tab fits ~690 px.
"""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from core import State, Surface, compute
from core.regression_edits import least_squares
from core.state import Regression
from gui.controls.state_store import StateStore
from gui.look.plot_style import configure_pyqtgraph
from gui.panels.regression import RegressionTab
from gui.panels.regression.data_plot import pixel_round

BASE = State(surface=Surface(grid=10),
             regression=Regression(x=(0.0, 1.0, 2.5), y=(1.0, -1.0, 3.0), w=0.5, b=0.25,
                                   learning_rate=0.05, steps=30))


@pytest.fixture
def tab(qtbot):
    configure_pyqtgraph()
    store = StateStore(BASE)
    tab = RegressionTab(store)
    qtbot.addWidget(tab)
    tab.rejections = []
    tab.rejected.connect(tab.rejections.append)
    store.changed.connect(lambda s: (tab.set_state(s), tab.set_result(compute(s))))
    tab.set_state(BASE)
    tab.resize(950, 620)
    tab.show()
    store.refresh()
    settle()
    return tab


def settle():
    for _ in range(3):
        QApplication.processEvents()


def reg(tab):
    return tab.store.state().regression


def at(widget, plot, x, y):
    return widget.mapFromScene(plot.getViewBox().mapViewToScene(QPointF(x, y)))


def drag(widget, plot, points):
    """Press at the first (x, y) in data units, move through the rest, release at the last."""
    viewport = widget.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at(widget, plot, *points[0]))
    for point in points[1:]:
        QTest.mouseMove(viewport, at(widget, plot, *point))
        settle()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       at(widget, plot, *points[-1]))
    settle()


def test_dragging_the_line_body_slides_it_and_is_one_undo_step(tab):
    count = tab.store.undo_stack.count()
    x0 = 1.8  # on the line, away from the points
    y0 = 0.5 * x0 + 0.25
    drag(tab.data_widget, tab.data_plot, [(x0, y0), (x0, y0 + 0.3), (x0, y0 + 0.7),
                                          (x0, y0 + 1.0)])
    r = reg(tab)
    assert r.w == 0.5 and r.b == pytest.approx(1.25, abs=0.03)
    assert r.b == float(f"{r.b:.4g}")  # rounded to the pixel, not 1.2534518…
    assert tab.store.undo_stack.count() == count + 1
    xs, ys = tab.line.getData()
    np.testing.assert_allclose(ys, r.w * xs + r.b)
    tab.store.undo_stack.undo()
    settle()
    assert tab.store.state() == BASE


def test_dragging_a_handle_turns_the_line_about_the_other_handle(tab):
    hx, hy = tab.data_panel.handles.getData()
    pivot = (hx[0], hy[0])
    count = tab.store.undo_stack.count()
    drag(tab.data_widget, tab.data_plot, [(hx[1], hy[1]), (hx[1], hy[1] + 0.4),
                                          (hx[1], hy[1] + 0.8)])
    r = reg(tab)
    assert r.w > 0.5 + 0.5 / (hx[1] - hx[0])
    assert r.w * pivot[0] + r.b == pytest.approx(pivot[1], abs=0.02)   # the pivot stays
    assert r.w * hx[1] + r.b == pytest.approx(hy[1] + 0.8, abs=0.03)  # follows the mouse
    assert tab.store.undo_stack.count() == count + 1
    assert "Drag" in tab.store.undo_stack.text(count)


def test_a_line_beyond_the_states_range_is_refused_with_a_message(tab):
    tab._on_line_dragged(2e6, 0.0, True)
    settle()
    assert reg(tab) == BASE.regression
    assert "regression.w" in tab.rejections[-1]


def test_click_on_the_surface_jumps_there_and_a_drag_is_clamped_to_the_map(tab, qtbot):
    widget, plot = tab.surface_widget, tab.surface_plot
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton,
                     pos=at(widget, plot, 1.5, -1.0))
    settle()
    r = reg(tab)
    assert (r.w, r.b) == pytest.approx((1.5, -1.0), abs=0.05)
    count = tab.store.undo_stack.count()
    drag(widget, plot, [(1.5, -1.0), (2.0, 0.0), (2.5, 1.0), (9.0, 1.5)])
    r = reg(tab)
    assert r.w == r.w_range[1] and r.b == pytest.approx(1.5, abs=0.05)
    assert tab.store.undo_stack.count() == count + 1
    pos = tab.surface_panel.surface.point.pos()
    assert (pos.x(), pos.y()) == (r.w, r.b)
    tab.store.undo_stack.undo()
    tab.store.undo_stack.undo()
    settle()
    assert reg(tab) == BASE.regression


def test_ctrl_z_in_the_window_undoes_a_surface_drag(window, qtbot):
    window.show_view("regression")
    settle()
    tab = window.regression_tab
    before = window.store.state()
    widget, plot = tab.surface_widget, tab.surface_plot
    drag(widget, plot, [(0.0, 0.0), (0.5, 0.5), (1.0, 1.0)])
    assert (reg(tab).w, reg(tab).b) == pytest.approx((1.0, 1.0), abs=0.05)
    widget.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert window.store.state() == before


def arrow_length(tab):
    return float(np.hypot(*tab.arrow_vector))


def test_the_arrow_shrinks_with_the_gradient_to_a_dot(tab):
    best = least_squares(BASE)
    lengths = []
    for t in (0.02, 0.04, 1e-7):  # along the way from the best fit towards (0.5, 0.25)
        w = best[0] + t * (0.5 - best[0])
        b = best[1] + t * (0.25 - best[1])
        tab.store.request(BASE.replace(regression=Regression(
            **{**BASE.regression.__dict__, "w": w, "b": b})), "", "t")
        settle()
        result = compute(tab.store.state()).regression
        lengths.append((arrow_length(tab), float(np.hypot(result.grad_w, result.grad_b))))
    (l1, g1), (l2, g2), (l3, g3) = lengths
    assert l2 / l1 == pytest.approx(g2 / g1, rel=1e-9)  # proportional below its longest
    assert g3 < 1e-5 and l3 < 1e-6 * l1 / 0.02          # a vanishing gradient: a dot
    assert not tab.surface_panel.surface.arrow_head.isVisible()


def test_trail_of_three_steps_then_reset_clears_it(tab, qtbot):
    start = (BASE.regression.w, BASE.regression.b)
    for _ in range(3):
        qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
        settle()
    tx, ty = tab.surface_panel.trail.getData()
    assert len(tx) == 4 and (tx[0], ty[0]) == start
    assert (tx[-1], ty[-1]) == (reg(tab).w, reg(tab).b)
    taken = tab.steps_panel.taken_curve
    assert taken.isVisible() and list(taken.xData) == [-3.0, -2.0, -1.0, 0.0]
    assert taken.yData[-1] == pytest.approx(compute(tab.store.state()).regression.loss,
                                            rel=1e-14)
    tab.resize(900, 600)  # a redraw keeps it
    settle()
    assert len(tab.surface_panel.trail.getData()[0]) == 4
    tab.store.undo_stack.undo()  # back one step: the trail shows up to there
    settle()
    assert len(tab.surface_panel.trail.getData()[0]) == 3
    tab.store.undo_stack.redo()
    settle()
    assert len(tab.surface_panel.trail.getData()[0]) == 4
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    settle()
    assert (reg(tab).w, reg(tab).b) == start
    assert not tab.surface_panel.trail.isVisible() and not taken.isVisible()


def test_editing_the_data_clears_the_trail(tab, qtbot):
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    settle()
    assert tab.surface_panel.trail.isVisible()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle()
    assert not tab.surface_panel.trail.isVisible()
    assert not tab.reset_button.isEnabled()


def test_pixel_round_keeps_a_pixels_worth_of_digits():
    assert pixel_round(1.23456789, 0.01) == 1.235
    assert pixel_round(123456.789, 100.0) == 123460.0
    assert pixel_round(0.5, 0.0) == 0.5


def test_the_tab_fits_beside_the_controls_in_a_1024_window(tab):
    assert tab.minimumSizeHint().width() <= 690
    tab.resize(690, 540)
    settle()
    for panel in (tab.data_panel, tab.surface_panel, tab.slice_panel, tab.steps_panel):
        assert panel.width() >= 190
    button = tab.fit_button
    title = tab.surface_panel.findChildren(QLabel)[0]
    assert "MSE surface" in title.text()
    assert not button.geometry().intersects(title.geometry())


def test_colour_bar_ticks_are_short_for_large_losses(tab):
    big = Regression(x=(0.0, 1.0, 2.0), y=(1000.0, 3000.0, 2000.0), w=0.0, b=0.0,
                     w_range=(-1000.0, 2000.0), b_range=(-1000.0, 3000.0))
    tab.store.request(BASE.replace(regression=big), "", "t")
    settle()
    lo, hi = tab.surface_panel.surface.levels
    assert hi > 1e7
    values = list(np.linspace(lo, hi, 5))
    texts = tab.surface_panel.surface.colorbar.axis.tickStrings(values, 1.0, (hi - lo) / 4)
    assert len(set(texts)) == 5 and max(map(len, texts)) <= 5  # 0, 5e6, 1e7, … fit the bar

"""The window, driven as a user would (pytest-qt, offscreen): controls -> state -> views."""

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QTabBar,
    QToolButton,
    QWidget,
)

from core import State, Surface, compute
from core.losses.catalog import CLASSIFIER_NAMES
from core.losses.registry import CLASSIFIER_LOSSES
from core.losses.spec import ClassifierInputs
from core.number_format import fmt_cell
from gui.views.softmax_view import MARK_GAP


def shown(window, state):
    """set_state, then exactly one pass of the event loop (the window's contract)."""
    window.set_state(state)
    QApplication.processEvents()


def test_set_state_shows_the_state_after_one_event_loop_pass(window):
    s = State(logits=(0.5, -1.0, 3.0, 0.0), target=2, temperature=0.7)
    shown(window, s)
    assert window.state() == s
    expected = compute(s)
    np.testing.assert_allclose(window.softmax_view.prob_bars.opts["height"], expected.probs)
    np.testing.assert_allclose(window.jacobian_view.image.image,
                               expected.classifier.jacobian.formula)
    assert window.global_controls.temperature.entry.value() == pytest.approx(0.7)
    assert [row.value() for row in window.logits_editor.rows] == list(s.logits)


def test_gradient_bars_take_their_sign_colour(window):
    shown(window, State(logits=(2.0, 1.0, 0.1, -1.0), target=1))
    grad = window.result().grads["cross_entropy"].formula
    bars = window.softmax_view.grad_bars
    assert (np.asarray(bars["+"].opts["height"]) > 0).all()
    assert (np.asarray(bars["-"].opts["height"]) <= 0).all()
    assert len(bars["+"].opts["height"]) == (grad > 0).sum() == 3
    np.testing.assert_allclose(window.softmax_view.plotted_gradient(), grad)


def test_view_all_on_the_surface_reads_the_marker_as_a_point(window):
    """The current point's marker is drawn in pixels; "View All" (the ViewBox's bounds of
    its items) must read it as a point, inside the grid, not as 12 data units wide."""
    shown(window, State(logits=(2.0, 1.0, 0.1), surface=Surface(range=(-3.0, 3.0), grid=31)))
    view_box = window.surface_view.plot.getViewBox()
    marker = window.surface_view.point
    with_marker = np.array(view_box.childrenBounds())
    marker.setVisible(False)  # hidden items are left out of the bounds
    without_marker = np.array(view_box.childrenBounds())
    marker.setVisible(True)
    np.testing.assert_allclose(with_marker, without_marker)
    only_marker = np.array(view_box.childrenBounds(items=[marker]))
    np.testing.assert_allclose(only_marker.mean(axis=1), [2.0, 1.0])  # centred on the point
    assert (np.diff(only_marker, axis=1) < 0.5).all()                 # a few pixels wide


def test_a_burst_of_changes_is_one_compute(window, qtbot):
    calls = []
    window.store.changed.connect(lambda state: calls.append(state))
    for k in range(50):
        window.set_state(State(logits=(float(k), 0.0, 1.0)))
    assert calls == []
    QApplication.processEvents()
    assert len(calls) == 1 and calls[0].logits == (49.0, 0.0, 1.0)
    assert window.result().state == calls[0]


def test_dragging_a_logit_slider_updates_state_and_every_view(window, qtbot):
    row = window.logits_editor.rows[1]
    row.slider.setFocus()
    before = window.state().logits[1]
    for _ in range(5):
        qtbot.keyClick(row.slider, Qt.Key.Key_Right)
    QApplication.processEvents()
    after = window.state().logits[1]
    assert after == pytest.approx(before + 5 * 0.1, abs=1e-9)
    result = window.result()
    assert result.state.logits[1] == after
    np.testing.assert_allclose(window.softmax_view.prob_bars.opts["height"], result.probs)
    np.testing.assert_allclose(window.softmax_view.plotted_gradient(),
                               result.grads["cross_entropy"].formula)
    np.testing.assert_allclose(window.jacobian_view.image.image,
                               result.classifier.jacobian.formula)
    assert window.surface_view.point.position() == (result.state.logits[0], after)
    assert window.gradients_view.table.value(1, 2) == result.grads["cross_entropy"].backward[1]


def test_typing_a_wide_logit_pins_the_slider(window, qtbot):
    entry = window.logits_editor.rows[0].entry
    entry.lineEdit().selectAll()
    qtbot.keyClicks(entry.lineEdit(), "250.5")
    qtbot.keyClick(entry.lineEdit(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.state().logits[0] == 250.5
    assert window.logits_editor.rows[0].slider_value() == pytest.approx(10.0)
    assert window.result().probs[0] == pytest.approx(1.0)


def test_jacobian_levels_are_symmetric_and_tight(window):
    shown(window, State(logits=(3.0, -1.0, 0.2, 1.0), target=1))
    jac = window.result().classifier.jacobian.formula
    low, high = window.jacobian_view.image.levels
    m = np.abs(jac).max()
    assert low == -high  # white is exactly 0
    assert m <= high <= 1.25 * m  # snapped up to a round number, never clipping
    assert tuple(window.jacobian_view.colorbar.levels()) == (low, high)
    texts = window.jacobian_view.cell_labels.texts()
    assert texts == [fmt_cell(v) for v in jac.ravel()]  # two significant digits, − for minus


def test_scales_hold_still_while_dragging_and_refit_when_data_shrinks(window):
    """Colour scale and y axis grow at once, but shrink only when the data needs less than
    half of them: a drag does not make the colours jump every frame."""
    shown(window, State(logits=(0.0, 0.0, 0.0)))                 # max |J| = 2/9 ≈ 0.222
    before = window.jacobian_view.levels
    assert before == (-0.25, 0.25)
    shown(window, State(logits=(0.3, 0.0, 0.0)))                 # a little less spread
    assert window.jacobian_view.levels == before
    y_before = window.softmax_view._y_range
    shown(window, State(logits=(0.3, 0.1, 0.0)))
    assert window.softmax_view._y_range == y_before
    shown(window, State(logits=(9.0, 0.0, 0.0)))                 # max |J| ≈ 1.2e-4
    low, high = window.jacobian_view.levels
    m = np.abs(window.result().classifier.jacobian.formula).max()
    assert low == -high and m <= high <= 1.25 * m                 # refitted, still tight
    shown(window, State(logits=(0.0, 0.0, 0.0), temperature=0.5))  # grows at once
    m = np.abs(window.result().classifier.jacobian.formula).max()
    assert m <= window.jacobian_view.levels[1] <= 1.25 * m


def test_sticky_range_rules():
    from gui.look.plot_style import sticky_range

    assert sticky_range(None, (0.0, 1.0)) == (0.0, 1.0)
    assert sticky_range((0.0, 1.0), (0.0, 0.6)) == (0.0, 1.0)    # fills 60%: keep
    assert sticky_range((0.0, 1.0), (0.0, 0.4)) == (0.0, 0.4)    # fills 40%: refit
    assert sticky_range((0.0, 1.0), (-0.1, 0.9)) == (-0.1, 0.9)  # sticks out: refit


@pytest.mark.parametrize("loss", CLASSIFIER_NAMES)
def test_arrow_points_along_minus_gradient(window, loss):
    """Every loss of the family: the surface is its own (the generic grid evaluation), the
    arrow its −∇L by autograd, the softmax's bars its gradient."""
    from core.losses.views import classifier_surface

    s = State(logits=(2.0, -1.0, 0.5), target=1, loss=loss, temperature=0.8,
              surface=Surface(axes=(0, 1), grid=40))
    shown(window, s)
    g = torch.autograd.functional.jacobian(
            lambda a: CLASSIFIER_LOSSES[loss].value(a / s.temperature,
                                                    ClassifierInputs.of(s)),
        torch.tensor(s.logits, dtype=torch.float64)).numpy()
    expected = -np.array([g[0], g[1]])
    arrow = window.surface_view.arrow_vector
    cos = arrow @ expected / np.linalg.norm(arrow) / np.linalg.norm(expected)
    assert cos == pytest.approx(1.0, abs=1e-12)
    xs, ys = window.surface_view.arrow_line.getData()
    np.testing.assert_allclose([xs[1] - xs[0], ys[1] - ys[0]], arrow)
    np.testing.assert_allclose(window.surface_view.image.image,
                               classifier_surface(s, loss).values, rtol=0, atol=1e-12)
    np.testing.assert_allclose(window.softmax_view.plotted_gradient(), g, atol=1e-14)
    assert window.gradients_view.table.value(0, 1) == pytest.approx(g[0], abs=1e-15)


def test_undo_and_redo_restore_states(window, qtbot):
    first = window.state()
    window.global_controls.temperature.entry.setValue(2.5)
    QApplication.processEvents()
    assert window.state().temperature == 2.5
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.state() == first
    assert window.global_controls.temperature.entry.value() == 1.0
    qtbot.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert window.state().temperature == 2.5


def test_one_drag_is_one_undo_step(window, qtbot):
    first = window.state()
    slider = window.logits_editor.rows[0].slider
    for _ in range(10):
        qtbot.keyClick(slider, Qt.Key.Key_Left)
    QApplication.processEvents()
    assert window.store.undo_stack.count() == 1
    window.store.undo_stack.undo()
    QApplication.processEvents()
    assert window.state() == first


def test_changing_classes_rebuilds_rows_and_views(window):
    window.global_controls.classes.setValue(6)
    QApplication.processEvents()
    assert window.state().n_classes == 6
    assert len(window.logits_editor.rows) == 6
    assert len(window.target_editor.radios) == 6
    assert window.jacobian_view.image.image.shape == (6, 6)
    assert len(window.softmax_view.value_labels.texts()) == 6

    window.global_controls.classes.setValue(40)
    QApplication.processEvents()
    s = window.state()
    assert s.n_classes == 40 and len(set(s.logits)) == 40  # generated, not zero-padded
    assert window.logits_editor.rows == []
    assert window.logits_editor.generator_box.isVisibleTo(window)
    assert window.jacobian_view.image.image.shape == (40, 40)
    assert window.jacobian_view.cell_labels.texts() == []  # no values printed for N > 10

    window.logits_editor.seed.setValue(7)
    window.logits_editor.generate.click()
    QApplication.processEvents()
    assert window.state().logits != s.logits


def test_items_are_updated_in_place_not_recreated(window):
    def items():
        scenes = [v.plot_widget.scene() for v in window.views.values()
                  if hasattr(v, "plot_widget")]
        return [set(scene.items()) for scene in scenes]

    before = items()
    for k in range(5):
        shown(window, State(logits=(float(k), 1.0, -1.0), target=k % 3))
    after = items()
    assert after == before  # the very same graphics items, updated in place


def test_soft_target_sliders_stay_normalised(window):
    window.target_editor.soft.setChecked(True)
    QApplication.processEvents()
    assert window.state().target == (1.0, 0.0, 0.0)
    assert window.target_editor.prob_box.isVisibleTo(window)
    window.target_editor.prob_rows[2].entry.setValue(0.4)
    QApplication.processEvents()
    t = window.state().target
    assert t[2] == pytest.approx(0.4) and sum(t) == pytest.approx(1.0, abs=1e-12)
    marks = window.softmax_view.target_marks.getData()[1]
    np.testing.assert_allclose(marks[0::2], window.result().classifier.target_effective)
    window.target_editor.soft.setChecked(False)
    QApplication.processEvents()
    assert window.state().target == 0


def test_radio_button_chooses_the_class(window, qtbot):
    radio = window.target_editor.radios[2]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    QApplication.processEvents()
    assert window.state().target == 2


def test_temperature_below_the_slider_can_be_typed(window, qtbot):
    entry = window.global_controls.temperature.entry
    entry.lineEdit().selectAll()
    qtbot.keyClicks(entry.lineEdit(), "0.002")
    qtbot.keyClick(entry.lineEdit(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.state().temperature == 0.002
    assert window.global_controls.temperature.slider_value() == pytest.approx(0.05)


def test_loss_reduction_and_axes_controls(window):
    editor = window.loss_editor
    editor.loss.setCurrentIndex(editor.loss.findData("mse"))
    editor.loss.activated.emit(editor.loss.currentIndex())
    editor.reduction.setCurrentIndex(editor.reduction.findData("sum"))
    editor.reduction.activated.emit(editor.reduction.currentIndex())
    editor.axis_j.setValue(2)
    QApplication.processEvents()
    s = window.state()
    assert (s.loss, s.reduction, s.surface.axes) == ("mse", "sum", (0, 2))
    editor.axis_i.setValue(2)  # the other axis's logit: they swap
    QApplication.processEvents()
    assert window.state().surface.axes == (2, 0)
    assert "MSE" in window.surface_view.title.text()
    np.testing.assert_allclose(window.softmax_view.plotted_gradient(),
                               window.result().grads["mse"].formula)


def test_jacobian_hover_explains_and_click_checks_row(window, qtbot):
    view = window.jacobian_view
    text = view.describe_cell(0, 1)
    assert "∂p₀/∂a₁ = p₀(δ₀₁ − p₁)/T" in text
    assert "0.659001 × (0 − 0.242433) / 1" in text and "−0.159764" in text
    scene_pos = view.plot.vb.mapViewToScene(QPointF(2.0, 1.0))
    assert view.cell_at(scene_pos) == (1, 2)
    view.select_row(1)
    assert view.row_highlight.isVisible()
    assert "autograd.grad(p[1], a" in view.info.text() and "✓" in view.info.text()
    view.plot_widget.setFocus()
    qtbot.keyClick(view.plot_widget, Qt.Key.Key_Down)
    assert view.selected_row == 2
    qtbot.keyClick(view.plot_widget, Qt.Key.Key_Escape)
    assert view.selected_row is None and not view.row_highlight.isVisible()


def test_gradients_table_and_status_bar(window):
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0))
    table = window.gradients_view.table
    assert table.row_count() == 3 and table.column_count() == 6
    assert table.text(0, 3) == "-0.340999"
    assert abs(table.value(0, 4) - (-0.340999)) < 1e-6 < table.value(0, 5) + 1e-6
    assert "0.417030" in window.gradients_view.summary.text()
    assert "all ways agree" in window.gradients_view.summary.text()
    assert "CE 0.4170" in window.numbers.text()
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, loss="mse"))
    assert table.value(2, 3) == window.result().chosen.grad.formula[2]
    assert table.value(2, 3) == pytest.approx(window.result().grads["mse"].formula[2], rel=1e-15)
    assert "∂MSE/∂aᵢ" in table.header_shown(1)[0]
    # the hinge at its margin: a kink, inspected on the summary's last lines
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, loss="multi_margin"))
    summary = window.gradients_view.summary.text()
    # a₀ − a₁ = margin: on a kink now, in a₀ and a₁; the differences average its sides
    assert "on a kink now at a₀, a₁" in summary
    shown(window, State(logits=(3.0, 1.5, 0.5), target=0, loss="multi_margin"))
    summary = window.gradients_view.summary.text()
    assert "moving a₁ to 2.0000 reaches a corner" in summary and "all ways agree" in summary
    # the squared hinge: only the curvature jumps there, the slopes agree
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0, loss="multi_margin", p=2))
    assert "only the curvature jumps" in window.gradients_view.summary.text()


def test_3d_toggle_is_disabled_offscreen_with_a_reason(window):
    toggle = window.surface_view.toggle_3d
    assert not toggle.isEnabled()
    assert "offscreen" in toggle.toolTip()
    assert not window.gl_action.isEnabled()


def test_every_control_is_named_explained_and_reachable(window):
    kinds = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox)
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget.parent(), QScrollBar | QTabBar | QAbstractItemView):
            continue  # parts of Qt's own composite widgets (e.g. the table's corner button)
        if isinstance(widget, QToolButton) and widget.defaultAction():
            continue  # toolbar buttons: named and tipped by their actions
        name = f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()}"
        if not widget.accessibleName() or not widget.toolTip():
            missing.append(f"{name}: no accessible name or tooltip")
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            missing.append(f"{name}: not keyboard reachable")
    assert missing == []
    for action in (window.undo_action, window.redo_action):
        assert action.shortcuts() and action.text()


def test_fits_1280_by_800(window):
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800


def test_window_renders_every_view(window, tmp_path):
    window.resize(1280, 800)
    QApplication.processEvents()
    path = tmp_path / "window.png"
    image = window.grab().toImage()
    assert image.save(str(path))
    ratio = window.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(1280 * ratio), round(800 * ratio))
    for name, view in window.views.items():
        shot = view.grab().toImage()
        pixels = np.array([shot.pixel(x, y) for x in range(0, shot.width(), 7)
                           for y in range(0, shot.height(), 7)])
        assert len(np.unique(pixels)) > 20, f"{name} looks blank"


@pytest.mark.parametrize("state", [
    State(logits=(10.0, -700.0), target=1),                      # p_1 is subnormal
    State(logits=(1e4, -1e4, 0.0), target=2, temperature=1e-3),  # a Jacobian of exact zeros
    State(logits=(3.0, 3.0, 3.0), target=(1 / 3, 1 / 3, 1 / 3)),  # a flat softmax
    State(logits=(0.0, 0.0), surface=Surface(range=(-1e4, 1e4))),
])
def test_extreme_states_draw_cleanly(window, state):
    """No warning (they are errors here), no NaN in what is drawn, the levels never empty."""
    shown(window, state)
    assert window.result().state == state
    low, high = window.jacobian_view.image.levels
    assert high > low and np.isfinite([low, high]).all()
    assert np.isfinite(window.surface_view.image.image).all()
    window.repaint()


def test_merged_drags_leave_no_command_objects_behind(window, qtbot):
    """PySide keeps commands alive that Qt merged away; the store merges them itself."""
    import gc

    from gui.controls.state_store import _ChangeState

    def alive():
        gc.collect()
        return sum(1 for o in gc.get_objects() if type(o) is _ChangeState)

    before = alive()
    slider = window.logits_editor.rows[0].slider
    for _ in range(60):
        qtbot.keyClick(slider, Qt.Key.Key_Left)
    QApplication.processEvents()
    assert alive() - before <= 1  # one drag, one command


def test_value_labels_sit_on_their_bars_unless_a_target_mark_would_strike_them(window):
    shown(window, State(logits=(2.0, 1.0, 0.1), target=(0.1, 0.26, 0.64)))
    probs = window.result().probs                        # 0.659, 0.242, 0.099
    ys = window.softmax_view.value_labels._ys
    assert ys[0] == pytest.approx(probs[0])              # mark far below: on the bar
    low, high = window.softmax_view._y_range              # mark just above: lifted over it
    assert ys[1] == pytest.approx(0.26 + MARK_GAP * (high - low))
    assert ys[2] == pytest.approx(probs[2])              # mark far above: on the bar
    assert window.softmax_view.value_labels.texts() == [f"{p:.3f}" for p in probs]


@pytest.mark.parametrize(("button", "selects"), [(Qt.MouseButton.LeftButton, True),
                                                 (Qt.MouseButton.RightButton, False)])
def test_only_a_left_click_selects_a_jacobian_row(window, qtbot, button, selects):
    """A right click opens the plot's menu; it also selected the row (second trial)."""
    view = window.jacobian_view
    widget = view.plot_widget
    point = widget.mapFromScene(view.plot.vb.mapViewToScene(QPointF(1.0, 2.0)))
    qtbot.mouseClick(widget.viewport(), button, pos=point)
    if button == Qt.MouseButton.RightButton:  # close the context menu it opened
        from PySide6.QtWidgets import QApplication, QMenu
        for menu in QApplication.topLevelWidgets():
            if isinstance(menu, QMenu) and menu.isVisible():
                menu.close()
    assert (view.selected_row == 2) is selects


def test_regression_line_caption_writes_a_negative_intercept_with_a_minus(window):
    from core.state import Regression

    shown(window, State(regression=Regression(x=(1.0,), y=(1.0,), w=1.608, b=-0.392)))
    window.show_view("regression")
    text = window.regression_tab.data_panel.readout.text()
    assert "ŷ = 1.608·x − 0.392" in text and "+ −" not in text

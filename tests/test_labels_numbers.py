"""Issue 14, labels and numbers: bar values and class ticks only where they fit, one cell
format, a colour bar readable at any range, the note's 3.5 explained on screen, −log p_y
marked on the target bar, and − for every displayed minus."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from core.number_format import sig
from core.number_text import format_number
from core.pipeline import compute
from core.state import State

SIZE = (1024, 680)


def shown(window, state):
    window.resize(*SIZE)
    window.set_state(state)
    for _ in range(3):
        QApplication.processEvents()


def logits(n):
    return tuple(round(math.sin(1.7 * i) * 2 + 0.1 * i, 3) for i in range(n))


def drawn_labels(view):
    """Paint the view's plot (as the screen does) and return the value labels drawn."""
    view.plot_widget.grab()
    return view.value_labels.drawn, view.value_labels.view_rect


def tick_rects(axis):
    """The tick labels' rectangles the axis would draw now (pyqtgraph's own layout)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, rect) for rect, _, text in texts]


def assert_apart(rects):
    for a in range(len(rects)):
        for b in range(a + 1, len(rects)):
            assert not rects[a][1].intersects(rects[b][1]), (rects[a], rects[b])


@pytest.mark.parametrize("n", [10, 32, 256])
def test_bar_values_and_class_ticks_fit_at_the_real_width(window, n):
    shown(window, State(logits=logits(n), target=1))
    view = window.softmax_view
    drawn, bounds = drawn_labels(view)
    assert drawn  # the largest bars keep their values
    assert_apart(drawn)
    for _, rect in drawn:
        assert bounds.contains(rect)  # none clipped by the plot
    # the largest bar's value is among those shown
    probs = window.result().probs
    assert f"{probs.max():.3f}" in [text for text, _ in drawn]
    ticks = tick_rects(view.plot.getAxis("bottom"))
    assert len(ticks) >= 3
    assert_apart(ticks)
    if n >= 32:
        assert view.class_ticks.step > 1  # thinned


def test_labels_run_together_no_more_at_n10(window):
    """At N = 10 the softmax view is ~340 px wide: all ten 5-character values overlapped."""
    shown(window, State(logits=logits(10), target=0))
    drawn, _ = drawn_labels(window.softmax_view)
    texts = [t for t, _ in drawn]
    assert len(texts) == len(set(zip(texts, [r.x() for _, r in drawn], strict=True)))
    assert_apart(drawn)


def test_class_ticks_follow_a_resize(window):
    shown(window, State(logits=logits(32), target=0))
    view = window.jacobian_view
    narrow = [t.step for t in view.class_ticks]
    for ticks in view.class_ticks:
        assert_apart(tick_rects(ticks.axis))
    window.resize(1900, 1200)
    for _ in range(3):
        QApplication.processEvents()
    wide = [t.step for t in view.class_ticks]
    assert wide[0] < narrow[0]  # more room: more ticks labelled
    for ticks in view.class_ticks:
        assert_apart(tick_rects(ticks.axis))


@pytest.mark.parametrize("state", [
    State(logits=(2.0, 1.0, 0.1), target=0, temperature=1000.0),   # J ~ ±2e-4
    State(logits=(12.0, 0.0, 0.0), target=0),                       # near one-hot
])
def test_jacobian_colour_bar_has_readable_ticks_at_tiny_ranges(window, state):
    shown(window, state)
    view = window.jacobian_view
    assert view.levels[1] < 1e-3
    texts = [t for t, _ in tick_rects(view.colorbar.axis)]
    nonzero = [t for t in texts if t not in ("0", "0.0")]
    assert len(nonzero) >= 2, texts
    assert any(t.startswith("−") for t in nonzero) and all("-" not in t for t in texts)


def test_jacobian_cells_one_rule_and_minus_signs(window):
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0))
    texts = window.jacobian_view.cell_labels.texts()
    assert texts[:3] == ["0.22", "−0.16", "−0.065"]
    assert all("-" not in t for t in texts)
    # a cell between 0.0005 and 0.0015 keeps two significant digits like the others
    shown(window, State(logits=(8.0, 0.0, 1.0), target=0))
    jac = window.result().classifier.jacobian.formula
    assert any(5e-4 < abs(v) < 1.5e-3 for v in jac.ravel())
    for value, text in zip(jac.ravel(), window.jacobian_view.cell_labels.texts(), strict=True):
        digits = text.replace("−", "").split("e")[0].replace(".", "").lstrip("0")
        assert len(digits) == 2, (value, text)


def test_row_check_has_no_negative_zero(window):
    shown(window, State(logits=(30.0, 0.0, 1.0), target=0))
    view = window.jacobian_view
    view.select_row(0)
    assert "-0.0000" not in view.info.text() and "−0.0000" not in view.info.text()
    assert "-" not in view.info.text().split("[")[1].split("]")[0]


@pytest.mark.parametrize(("values", "p_text"), [((2.0, 1.0), "0.731/0.269"),
                                                ((2.0, 1.0, 0.1), "0.659/0.242")])
def test_ratio_readout_answers_the_note(window, values, p_text):
    shown(window, State(logits=values, target=0))
    r = window.result().ratio
    text = window.softmax_view.readout.text()
    assert f"p₀/p₁ = {p_text} = {r.ratio_from_probs:.4g} = e^((a₀ − a₁)/T) = e^1" in text
    assert f"not a₀/a₁ = {r.logit_ratio:g}" in text and "0.7/0.2 = 3.5 is rounding" in text
    readout = window.softmax_view.readout
    assert readout._needed_height() <= readout.height()  # nothing cut at 1024×680


def test_overflowing_ratio_reads_as_a_sentence(window):
    shown(window, State(logits=(1000.0, -1000.0, 0.0), target=1))
    text = window.softmax_view.readout.text()
    assert "overflows" not in text and "e^1000 (beyond float64)" in text
    assert "CE = −log p₁ = 2000" in text


def test_ce_bracket_marks_minus_log_p_target(window):
    state = State(logits=(2.0, 1.0, 0.1), target=1)
    shown(window, state)
    view = window.softmax_view
    result = window.result()
    xs, ys = view.ce_bracket.getData()
    p = result.probs[1]
    assert np.all(np.abs(xs - 1) < 0.5)  # on class 1's bar
    assert min(ys) == pytest.approx(p) and max(ys) == 1.0
    neg_log = -result.classifier.log_probs[1]
    assert neg_log == pytest.approx(result.classifier.cross_entropy)
    assert f"CE = −log p₁ = {sig(neg_log, 4)}" in view.readout.text()


@pytest.mark.parametrize("state", [State(logits=(2.0, 1.0, 0.1), target=0, label_smoothing=0.1),
                                   State(logits=(2.0, 1.0, 0.1), target=(0.2, 0.7, 0.1))])
def test_ce_bracket_says_which_quantity_with_soft_targets(window, state):
    shown(window, state)
    c = window.result().classifier
    k = int(np.argmax(c.target_effective))
    text = window.softmax_view.readout.text()
    assert f"−log p{'₀₁₂'[k]} = {sig(-c.log_probs[k], 4)}; CE = −Σ y_eff·log p = " \
           f"{sig(c.cross_entropy, 4)}" in text
    assert not math.isclose(-c.log_probs[k], c.cross_entropy)


def test_displayed_negatives_use_the_minus_sign(window, qtbot):
    shown(window, State(logits=(2.0, -1.5, 0.1), target=0))
    for view in (window.softmax_view, window.jacobian_view, window.surface_view):
        for side in ("left", "bottom"):
            texts = [t for t, _ in tick_rects(view.plot.getAxis(side))]
            assert all("-" not in t for t in texts), (view, texts)
    assert "-" not in window.surface_view.info.text().split(":")[0]
    entry = window.logits_editor.rows[1].entry
    assert entry.text() == "−1.5"
    line = entry.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, "-0.25")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.state().logits[1] == -0.25 and entry.text() == "−0.25"


def test_axis_labels_use_subscripts(window):
    view = window.jacobian_view
    assert "aⱼ" in view.plot.getAxis("bottom").labelText
    assert "pᵢ" in view.plot.getAxis("left").labelText


def test_temperature_entry_shows_the_stored_value_after_slider_keys(window, qtbot):
    control = window.global_controls.temperature
    control.slider.setFocus()
    for _ in range(7):
        qtbot.keyClick(control.slider, Qt.Key.Key_Left)
    QApplication.processEvents()
    stored = window.state().temperature
    assert stored != 1.0
    assert control.entry.text() == format_number(stored)
    assert format_number(stored) in window.numbers.text()


def test_core_ratio_fields_are_the_logits():
    r = compute(State(logits=(2.0, 1.0, 0.1), target=0)).ratio
    assert (r.logit_i, r.logit_j, r.logit_ratio) == (2.0, 1.0, 2.0)
    assert math.isnan(compute(State(logits=(2.0, 0.0), target=0)).ratio.logit_ratio)


def test_jacobian_cell_values_hide_rather_than_run_together(window):
    """At 1024×680 a 10×10 Jacobian's cells are ~17 px wide: values ran into each other."""
    view = window.jacobian_view
    shown(window, State(logits=logits(10), target=0))
    view.plot_widget.grab()
    assert view.cell_labels.cell_scale == 0.0
    shown(window, State(logits=(2.0, 1.0, 0.1), target=0))
    view.plot_widget.grab()
    assert view.cell_labels.cell_scale > 0.0  # 3×3: the values are shown


def test_jacobian_hover_arithmetic_keeps_small_probabilities(window, qtbot):
    """p = 2.3e−6 printed as 0.0000 made the worked product look wrong (new-user trial)."""
    from core.state import State

    window.set_state(State(logits=(12.0, 0.0, -1.0), target=0, temperature=1.0))
    qtbot.waitUntil(lambda: window.result().state.logits[0] == 12.0, timeout=5000)
    text = window.jacobian_view.describe_cell(1, 1)
    p1 = window.result().classifier.probs[1]
    assert "0.0000 " not in text and f"{p1:.5e}"[:5].replace("-", "−") in text


@pytest.mark.parametrize("logits", [(12.0, 0.0, 0.0), (-12.0, 0.0, 0.0)])
def test_value_labels_sit_above_the_target_marks(window, qtbot, logits):
    """p = 1.000 on a target of 1 and p ≈ 0 on a target of 0: the mark crossed the text."""
    from core.state import State

    window.set_state(State(logits=logits, target=0))
    qtbot.waitUntil(lambda: window.result().state.logits == logits, timeout=5000)
    view = window.softmax_view
    window.softmax_view.plot_widget.grab()  # paint: fit mode places the labels
    marks = view.target_marks
    xs, ys = marks.getData()
    vb = view.plot.getViewBox()
    for text, rect in view.value_labels.drawn:
        for k in range(0, len(xs), 2):
            left = vb.mapViewToDevice(QPointF(xs[k], ys[k]))
            right = vb.mapViewToDevice(QPointF(xs[k + 1], ys[k + 1]))
            crosses = (min(left.x(), right.x()) < rect.right()
                       and max(left.x(), right.x()) > rect.left()
                       and rect.top() - 2 < left.y() < rect.bottom() + 2)
            assert not crosses, (text, rect, left.y())

"""Typed numbers through real key events: what is typed is what is stored, or it is refused
with a visible message and the State stays as it was.

Qt's spin boxes used to round to their decimals and drop keystrokes silently (`1e-3`
typed into T became 13). Each case here types into the actual entry, presses Enter, and
reads the State and the status bar.
"""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.number_text import NumberTextError, format_number, parse_integer, parse_number
from core.state import State
from tests.key_input import type_into

REFUSED = None  # expected value of a refused entry: the State does not change


def check_typing(window, qtbot, entry, read, cases) -> None:
    """For each (typed, expected): expected is the exact stored value, or REFUSED."""
    for typed, expected in cases:
        before = window.state()
        window.statusBar().clearMessage()
        type_into(qtbot, entry, typed)
        if expected is REFUSED:
            assert window.state() == before, typed
            message = window.statusBar().currentMessage()
            assert message and "\n" not in message, typed
            assert entry.value() == read(before), typed  # the entry shows the State again
        else:
            assert read(window.state()) == expected, typed
            assert type(read(window.state())) is type(expected), typed
            assert entry.value() == expected, typed


# ---------------------------------------------------------------------- the parser
@pytest.mark.parametrize(("text", "value"), [
    ("1e-3", 0.001), ("0.0015", 0.0015), ("99999", 99999.0), ("3.14159265", 3.14159265),
    ("-0.00001", -1e-05), ("+2", 2.0), (".5", 0.5), ("5.", 5.0), ("1E4", 1e4),
    (" 7 ", 7.0), ("−2.5", -2.5), ("－１.５", -1.5), ("0.1925", 0.1925),
])
def test_parser_reads_exactly_what_is_written(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "  ", "1,000", "1.000,5", "abc", "nan", "inf",
                                  "1e400", "1e", "--1", "1_000", "0x10", "1 2"])
def test_parser_refuses_what_is_not_a_plain_number(text):
    with pytest.raises(NumberTextError) as info:
        parse_number(text)
    assert "\n" not in str(info.value)


def test_parser_cuts_long_text_short_and_escapes_control_characters():
    with pytest.raises(NumberTextError) as info:
        parse_number("9" * 130_000 + "x")
    assert len(str(info.value)) < 120
    with pytest.raises(NumberTextError) as info:
        parse_number("1\x1b[31m\n")
    assert "\x1b" not in str(info.value) and "\\x1b" in str(info.value)


def test_integers_accept_exponents_and_refuse_fractions():
    assert parse_integer("1e3") == 1000 and parse_integer("12.0") == 12
    with pytest.raises(NumberTextError):
        parse_integer("2.5")


@pytest.mark.parametrize("value", [0.1925, 3.14159265, -1e-05, 1e4, 0.999999, 1 / 3, 2.0,
                                   -0.0, 12345.678901234])
def test_shown_text_is_exact_where_it_fits(value):
    text = format_number(value)
    assert len(text) <= 12
    if len(repr(value)) <= 12:
        assert parse_number(text) == value


# ---------------------------------------------------------------------- each entry
def test_temperature(window, qtbot):
    entry = window.global_controls.temperature.entry
    check_typing(window, qtbot, entry, lambda s: s.temperature, [
        ("1e-3", 0.001), ("0.0015", 0.0015), ("99999", REFUSED), ("0.1925", 0.1925),
        ("10000", 10000.0), ("10000.001", REFUSED), ("0.000999", REFUSED), ("0", REFUSED),
        ("-1", REFUSED), ("1,5", REFUSED), ("abc", REFUSED), ("2.5", 2.5)])
    assert window.statusBar().currentMessage() == ""


def test_label_smoothing(window, qtbot):
    entry = window.global_controls.smoothing.entry
    check_typing(window, qtbot, entry, lambda s: s.label_smoothing, [
        ("0.999999", 0.999999), ("1e-5", 1e-05), ("0", 0.0), ("1", REFUSED),
        ("-0.1", REFUSED), ("0.9999999999999999", 0.9999999999999999), ("0.1", 0.1)])


def test_logit(window, qtbot):
    entry = window.logits_editor.rows[1].entry
    check_typing(window, qtbot, entry, lambda s: s.logits[1], [
        ("1e4", 10000.0), ("12345", REFUSED), ("3.14159265", 3.14159265),
        ("-0.00001", -1e-05), ("-10000", -10000.0), ("-10000.5", REFUSED),
        ("−2.5", -2.5), ("－１.５", -1.5), ("2", 2.0)])
    # the typed value, not a rounded one, is what torch computed with
    assert window.result().state.logits[1] == 2.0


def test_typed_logit_keeps_full_precision_through_enter_again(window, qtbot):
    """An entry may show fewer digits than the State holds; pressing Enter on what it
    shows must not round the stored value."""
    exact = 1 / 3
    window.set_state(window.state().replace(logits=(2.0, exact, 0.1)))
    QApplication.processEvents()
    entry = window.logits_editor.rows[1].entry
    assert entry.text() == "0.33333333"
    qtbot.mouseClick(entry.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(entry.lineEdit(), Qt.Key.Key_Return)
    entry.clearFocus()  # focus-out commits too
    QApplication.processEvents()
    assert window.state().logits[1] == exact


def test_soft_target_probability(window, qtbot):
    qtbot.mouseClick(window.target_editor.soft, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, window.target_editor.soft.height() // 2))
    QApplication.processEvents()
    assert window.state().target == (1.0, 0.0, 0.0)
    entry = window.target_editor.prob_rows[2].entry
    check_typing(window, qtbot, entry, lambda s: s.target[2], [
        ("0.25", 0.25), ("1e-3", 0.001), ("1.5", REFUSED), ("-0.1", REFUSED),
        ("0.999999", 0.999999)])
    assert sum(window.state().target) == pytest.approx(1.0, abs=1e-15)


def test_class_count_and_surface_axes(window, qtbot):
    classes = window.global_controls.classes
    check_typing(window, qtbot, classes, lambda s: s.n_classes, [
        ("2000", REFUSED), ("1", REFUSED), ("4.5", REFUSED), ("1e1", 10), ("5", 5)])
    axis = window.loss_editor.axis_j
    check_typing(window, qtbot, axis, lambda s: s.surface.axes[1], [
        ("a4", 4), ("3", 3), ("5", REFUSED), ("x", REFUSED)])


def test_target_class_entry_beyond_the_radio_buttons(window, qtbot):
    window.set_state(State(logits=tuple(float(i % 7) for i in range(40)), target=0))
    QApplication.processEvents()
    entry = window.target_editor.index
    assert entry.isVisible()
    check_typing(window, qtbot, entry, lambda s: s.target, [
        ("39", 39), ("40", REFUSED), ("1e1", 10), ("2.5", REFUSED)])


def test_logit_generator_entries(window, qtbot):
    window.set_state(State(logits=tuple(0.0 for _ in range(40)), target=0))
    QApplication.processEvents()
    editor = window.logits_editor
    for entry, text, value in ((editor.mean, "1e-3", 0.001), (editor.sigma, "0.005", 0.005),
                               (editor.seed, "12345678", 12345678)):
        type_into(qtbot, entry, text)
        assert entry.value() == value
    for entry, text in ((editor.mean, "101"), (editor.sigma, "-1"), (editor.seed, "1.5")):
        before = entry.value()
        window.statusBar().clearMessage()
        type_into(qtbot, entry, text)
        assert entry.value() == before and window.statusBar().currentMessage()
    assert editor.generator() == (0.001, 0.005, 12345678)


def test_regression_entries(window, qtbot):
    window.show_view("regression")
    tab = window.regression_tab
    QApplication.processEvents()
    check_typing(window, qtbot, tab.w_control.entry, lambda s: s.regression.w, [
        ("1e6", 1e6), ("1000001", REFUSED), ("3.14159265", 3.14159265), ("-2", -2.0)])
    check_typing(window, qtbot, tab.b_control.entry, lambda s: s.regression.b, [
        ("-1e-7", -1e-07), ("1,000", REFUSED), ("0.5", 0.5)])
    check_typing(window, qtbot, tab.rate_control.entry, lambda s: s.regression.learning_rate, [
        ("1e-5", 1e-05), ("0", REFUSED), ("10", 10.0), ("10.5", REFUSED), ("0.05", 0.05)])
    check_typing(window, qtbot, tab.steps, lambda s: s.regression.steps, [
        ("1e3", 1000), ("1001", REFUSED), ("7", 7)])


def type_into_cell(qtbot, table, row: int, column: int, text: str) -> None:
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


@pytest.mark.parametrize(("text", "expected"), [
    ("1,000", REFUSED), ("1e3", 1000.0), ("3.14159265", 3.14159265), ("-0.00001", -1e-05),
    ("1e7", REFUSED), ("x", REFUSED)])
def test_regression_data_cell(window, qtbot, text, expected):
    window.show_view("regression")
    tab = window.regression_tab
    QApplication.processEvents()
    before = window.state()
    window.statusBar().clearMessage()
    type_into_cell(qtbot, tab.table, 0, 0, text)
    if expected is REFUSED:
        assert window.state() == before
        assert tab.table.item(0, 0).text() == format_number(before.regression.x[0])
        assert window.statusBar().currentMessage()
    else:
        assert window.state().regression.x[0] == expected
        # the table shows the stored value once the new state is drawn (the next frame)
        qtbot.waitUntil(lambda: tab.table.item(0, 0).text() == format_number(expected),
                        timeout=2000)


# ---------------------------------------------------------------------- mouse on sliders
def test_dragging_the_temperature_slider_with_the_mouse(window, qtbot):
    slider = window.global_controls.temperature.slider
    y = slider.height() // 2
    start = QPoint(slider.width() // 2, y)  # T = 1 sits in the middle of the log scale
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    count = window.store.undo_stack.count()
    for x in range(start.x(), slider.width() - 2, 6):
        QTest.mouseMove(slider, QPoint(x, y))
        QApplication.processEvents()
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(slider.width() - 2, y))
    QApplication.processEvents()
    t = window.state().temperature
    assert t > 10.0 and t == window.global_controls.temperature.entry.value()
    assert window.store.undo_stack.count() == count + 1  # one drag, one undo step
    assert window.result().state.temperature == t


def test_dragging_a_logit_slider_with_the_mouse(window, qtbot):
    slider = window.logits_editor.rows[0].slider
    y = slider.height() // 2
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(slider.width() * 6 // 10, y))  # a0 = 2 sits at 60 %
    for x in range(slider.width() * 6 // 10, 0, -5):
        QTest.mouseMove(slider, QPoint(x, y))
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(1, y))
    QApplication.processEvents()
    a0 = window.state().logits[0]
    assert a0 < -9.0
    assert window.logits_editor.rows[0].entry.value() == a0


def test_an_excluded_end_is_refused_in_the_entrys_own_words(window, qtbot):
    """ε = 1 is outside [0, 1): the entry says so with the field's label, not the State's
    internal message ("label_smoothing: expected a number in [0, 1), got 1.0")."""
    entry = window.global_controls.smoothing.entry
    type_into(qtbot, entry, "1")
    message = window.statusBar().currentMessage()
    assert window.state().label_smoothing == 0.0
    assert message == "Label smoothing: '1' is not in [0, 1)"
    window.show_view("regression")
    type_into(qtbot, window.regression_tab.rate_control.entry, "0")
    assert window.statusBar().currentMessage() == "Learning rate: '0' is not in (0, 10]"
    type_into_cell(qtbot, window.regression_tab.table, 0, 1, "-1e7")
    assert window.statusBar().currentMessage() == "Point 1 y: '-1e7' is not in [-1000000, 1000000]"


def test_each_typed_value_is_its_own_undo_step(window, qtbot):
    entry = window.logits_editor.rows[1].entry
    for text in ("3", "4", "5"):
        type_into(qtbot, entry, text)
    assert window.state().logits[1] == 5.0
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.state().logits[1] == 4.0


def drag_slider(slider, start_x: int, end_x: int) -> None:
    y = slider.height() // 2
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(start_x, y))
    step = 4 if end_x > start_x else -4
    for x in range(start_x, end_x, step):
        QTest.mouseMove(slider, QPoint(x, y))
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(end_x, y))
    QApplication.processEvents()


def test_two_drags_of_one_slider_are_two_undo_steps(window, qtbot):
    slider = window.logits_editor.rows[0].slider
    middle = slider.width() * 6 // 10  # a0 = 2 sits at 60 %
    drag_slider(slider, middle, slider.width() * 8 // 10)
    after_first = window.state().logits[0]
    drag_slider(slider, slider.width() * 8 // 10, slider.width() // 10)
    assert window.state().logits[0] < 0 < 2.0 < after_first
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.state().logits[0] == after_first
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.state().logits[0] == 2.0


def test_a_refusal_goes_once_a_value_is_accepted(window, qtbot):
    entry = window.global_controls.temperature.entry
    type_into(qtbot, entry, "99999")
    assert "99999" in window.statusBar().currentMessage()
    type_into(qtbot, entry, "0.99999999")
    assert window.statusBar().currentMessage() == ""
    # the status line shows the stored T exactly, not rounded to 6 digits ("T 1")
    assert "T 0.99999999 ·" in window.numbers.text()


def test_a_short_arrow_never_points_uphill(window, qtbot):
    """A trial found the −∇L head of a short arrow, drawn back from its tip, sticking out
    on the uphill side of the point: the head now fits within the arrow beyond the point,
    and a vanishing gradient shows the point alone."""
    from PySide6.QtCore import QPointF

    view = window.surface_view
    head = view.surface.arrow_head
    for typed, shown in (("0.4", True), ("0.2", False), ("0.05", False)):
        type_into(qtbot, window.global_controls.temperature.entry, typed)
        box = view.plot.getViewBox()
        x, y = window.state().logits[:2]
        vx, vy = view.arrow_vector
        p0 = box.mapViewToScene(QPointF(x, y))
        p1 = box.mapViewToScene(QPointF(x + vx, y + vy))
        length = ((p1.x() - p0.x()) ** 2 + (p1.y() - p0.y()) ** 2) ** 0.5
        assert length > 0
        assert head.isVisible() is shown, typed
        if shown:
            assert 3 <= head.opts["headLen"] <= length - 5.5 + 1e-9


def test_a_long_refusal_is_shown_whole_at_1024(window, qtbot):
    """'1,5' in ε at 1024 px: the refusal was cut at the status bar's numbers (trial)."""
    window.resize(1024, 680)
    QApplication.processEvents()
    type_into(qtbot, window.global_controls.smoothing.entry, "1,5")
    bar, numbers = window.statusBar(), window.status.numbers
    message = bar.currentMessage()
    assert "thousands" in message
    room = bar.width() - (numbers.width() if numbers.isVisible() else 0)
    assert bar.fontMetrics().horizontalAdvance(message) < room
    type_into(qtbot, window.global_controls.smoothing.entry, "0.1")  # accepted: numbers back
    qtbot.waitUntil(numbers.isVisible, timeout=5000)


def test_an_entry_is_wide_enough_for_its_values_eight_digits(window):
    """w = −0.026248543 after a descent step ran past the entry (new-user trial)."""
    window.show_view("regression")
    entry = window.regression_tab.w_control.entry
    QApplication.processEvents()
    text = entry.textFromValue(-0.026248543)
    assert entry.fontMetrics().horizontalAdvance(text) + 20 <= entry.width()


def test_a_refusal_goes_when_the_user_changes_tab(window, qtbot):
    """It was about a control of the tab left behind (second trial)."""
    type_into(qtbot, window.global_controls.smoothing.entry, "abc")
    assert window.statusBar().currentMessage()
    window.tabs.tabBar().setCurrentIndex(2)  # as a click on the tab does
    assert window.statusBar().currentMessage() == ""

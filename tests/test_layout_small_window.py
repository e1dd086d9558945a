"""The window at 1024×680 (the target small screen) and in a large window: nothing that
matters cut off, no tab that forces the window wider, plots that take the extra width, a
calm first frame while torch loads, and controls greyed where they change nothing."""

import time

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from gui.items.number_grid import NumberGrid
from gui.items.readout_label import ReadoutLabel

SMALL = (1024, 680)
FRAME_ROOM = 24  # what a window manager's border takes of a 1024-pixel screen, at most


def click_tab(window, qtbot, index):
    """A real click on the tab bar, then the layout settles."""
    bar = window.tabs.tabBar()
    if not bar.tabRect(index).isValid() or not bar.rect().contains(bar.tabRect(index).center()):
        window.tabs.setCurrentIndex(index)  # scrolled out of the bar: the bar's arrows
    else:
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index
    for _ in range(3):
        QApplication.processEvents()


def plain(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText or "<" not in label.text():
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def clipped(window) -> list[str]:
    """What is shown but does not fit: one-line labels wider than their room, readouts
    whose text needs more lines than they have, gradient headers cut without a tooltip."""
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or label.wordWrap() or not label.text():
            continue
        for line in plain(label).replace("&", "").split("\n"):
            room = label.contentsRect().width()
            if label.fontMetrics().horizontalAdvance(line) > room:
                found.append(f"label {line!r}: {label.fontMetrics().horizontalAdvance(line)}"
                             f" > {room}")
    for readout in window.findChildren(ReadoutLabel):
        if not readout.isVisibleTo(window) or not readout.text():
            continue
        if readout._lines == 1:
            if readout.fontMetrics().horizontalAdvance(readout.text()) > readout.width() - 4:
                found.append(f"readout {readout.text()!r} wider than {readout.width()}")
        elif readout._needed_height() > readout.height():
            found.append(f"readout {readout.text()!r} needs more lines")
    for grid in window.findChildren(NumberGrid):
        if not grid.isVisibleTo(window):
            continue
        for column in range(grid.column_count()):
            full = [line for line in grid._header_lines(column) if line]
            if grid.header_shown(column) != full and not all(
                    line in grid.header_tooltip(column) for line in full):
                found.append(f"header {full} cut without a tooltip")
    return found


def check_every_tab(window, qtbot):
    window.resize(*SMALL)
    for _ in range(3):
        QApplication.processEvents()
    problems = {}
    for index in range(window.tabs.count()):
        click_tab(window, qtbot, index)
        minimum = window.minimumSizeHint()
        assert minimum.width() <= SMALL[0] - FRAME_ROOM, (window.tabs.tabText(index), minimum)
        assert minimum.height() <= SMALL[1] - FRAME_ROOM, (window.tabs.tabText(index), minimum)
        assert window.width() == SMALL[0]
        page = window.tabs.currentWidget()
        scroll = getattr(page, "scroll_area", None)
        if scroll is not None and scroll.horizontalScrollBar().isVisible():
            # a panel scrolls down if it must, never sideways
            problems[f"{window.tabs.tabText(index)}: {scroll.widget().minimumSizeHint()} "
                     f"scrolls sideways in {scroll.viewport().size()}"] = None
        problems.update({f"{window.tabs.tabText(index)}: {p}": None for p in clipped(window)})
    assert not problems, "\n".join(problems)


def test_every_tab_fits_1024_by_680_in_english(window, qtbot):
    check_every_tab(window, qtbot)


def test_every_tab_fits_1024_by_680_in_chinese(switched, qtbot):
    chinese = switched(language="zh_CN")
    # processEvents, not qtbot.waitUntil: its qWait deletes the replaced window, which
    # pytest-qt then fails to close at teardown ("C++ object already deleted")
    deadline = time.monotonic() + 10
    while chinese.result() is None and time.monotonic() < deadline:
        QApplication.processEvents()
    assert chinese.result() is not None
    check_every_tab(chinese, qtbot)


def test_gradient_headers_name_the_loss_when_narrow(window):
    window.resize(*SMALL)
    QApplication.processEvents()
    grid = window.gradients_view.table
    for loss, name in (("cross_entropy", "∂CE/∂aᵢ"), ("sigmoid_focal", "∂FL/∂aᵢ")):
        window.set_state(window.state().replace(loss=loss))
        QApplication.processEvents()
        shown = [grid.header_shown(c) for c in range(grid.column_count())]
        # the first lines are shared, so each column's own line has the whole column
        assert shown[1][0] == shown[2][0] == shown[3][0] == shown[4][0] == name
        assert "autograd" in grid.header_tooltip(1) and name in grid.header_tooltip(4)


def test_a_large_window_gives_its_width_to_the_plots(window):
    window.resize(*SMALL)
    QApplication.processEvents()
    small = (window.softmax_view.plot_widget.width(), window.surface_view.plot_widget.width())
    window.resize(1600, 1000)
    QApplication.processEvents()
    large = (window.softmax_view.plot_widget.width(), window.surface_view.plot_widget.width())
    added = 1600 - SMALL[0]
    assert large[0] - small[0] > 0.55 * added
    assert large[1] - small[1] > 0.55 * added
    window.resize(1920, 1080)
    QApplication.processEvents()
    assert window.gradients_view.width() < window.softmax_view.width() / 1.5


class FirstPaint(QObject):
    """What the grid looked like when it was first painted."""

    def __init__(self, window):
        super().__init__()
        self.window, self.seen = window, None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.seen is None:
            grid = self.window.tabs.widget(0)
            self.seen = {
                "cells": [(v.mapTo(grid, v.rect().topLeft()), v.size())
                          for v in self.window.views.values()],
                "covered": [cover.isVisible() and cover.geometry() == view.rect()
                            for name, view in self.window.views.items()
                            for cover in [self.window.updates.loading.get(name)]
                            if cover is not None]}
        return False


def test_views_are_covered_until_torch_has_loaded_and_do_not_jump(qtbot, monkeypatch,
                                                                  no_dialogs, isolated_settings):
    from gui import MainWindow
    from gui.shell import torch_loader

    monkeypatch.setattr(torch_loader, "_import_thread", None)  # as at start: not loaded
    monkeypatch.setattr(torch_loader.TorchLoader, "start", lambda self, begin=True: None)
    window = MainWindow()
    qtbot.addWidget(window)
    watcher = FirstPaint(window)
    window.tabs.tabBar().installEventFilter(watcher)
    window.resize(*SMALL)
    window.show()
    qtbot.waitUntil(lambda: watcher.seen is not None, timeout=5000)
    assert window.result() is None
    assert watcher.seen["covered"] == [True] * 4
    assert all(c.text() == "Loading torch…" for c in window.updates.loading.values())
    first = watcher.seen["cells"]

    window.torch.loaded = True  # the import thread says it is done
    window.torch.ready.emit()
    qtbot.waitUntil(lambda: window.result() is not None, timeout=10000)
    for _ in range(3):
        QApplication.processEvents()
    assert not window.updates.loading
    assert not [c for c in window.findChildren(QLabel, "view_loading") if c.isVisible()]
    grid = window.tabs.widget(0)
    assert [(v.mapTo(grid, v.rect().topLeft()), v.size())
            for v in window.views.values()] == first


@pytest.mark.parametrize("tab, enabled", [
    ("regression", set()), ("two_ways", set()),
    ("pitfalls", {"logits", "classes", "temperature"}), ("binary", {"logits"}),
    ("mse_vs_ce", {"logits", "classes", "temperature", "target", "smoothing", "loss"}),
    # FL vs CE: γ counts, the MSE reduction (the "loss" entry here) does not
    ("saturation with focal", {"logits", "classes", "temperature", "target", "smoothing",
                               "gamma"}),
    ("code", {"logits", "classes", "temperature", "target", "smoothing", "loss", "gamma"})])
def test_classifier_controls_are_greyed_where_they_change_nothing(window, qtbot, tab, enabled):
    """The loss chosen and its options (γ here) follow the classifier's views and the code;
    the Saturation tab compares its own two losses: the loss chosen is greyed there, with
    the reduction (which it reads) left live, and γ live only when focal is one of the
    two."""
    names = list(window.lazy_panels)
    window.loss_editor.loss.setFocus()
    for _ in range(window.loss_editor.loss.count()):
        if window.state().loss == "sigmoid_focal":
            break
        QTest.keyClick(window.loss_editor.loss, Qt.Key.Key_Down)
        QApplication.processEvents()
    assert window.state().loss == "sigmoid_focal"
    controls = {"logits": window.control_boxes["logits"],
                "target": window.control_boxes["target"],
                "loss": window.loss_editor.reduction,
                "gamma": window.loss_editor.option_controls["gamma"].entry,
                "classes": window.global_controls.classes,
                "temperature": window.global_controls.temperature.entry,
                "smoothing": window.global_controls.smoothing.slider}
    if tab == "saturation with focal":
        window.set_state(window.state().replace(
            saturation_losses=("sigmoid_focal", "cross_entropy")))
        QApplication.processEvents()
        tab = "mse_vs_ce"
    width = window.tabs.currentWidget().width()  # the classifier's page, beside the column
    click_tab(window, qtbot, names.index(tab) + 1)
    assert {name for name, w in controls.items() if w.isEnabled()} == enabled
    column_used = bool(enabled & {"logits", "target", "loss"})
    # a tab that uses none of the column's boxes gets its width (trial: it cramped them):
    # the page widens into it, under a tab bar that stays put (test_tab_bar_stays_put)
    assert window.controls_column.isVisible() == column_used
    page = window.tabs.currentWidget()
    assert (page.width() > width + 200) == (not column_used)
    assert page.width() == width or not column_used
    # the loss combo itself is greyed on the Saturation tab
    greyed = len(enabled) < len(controls) or not window.loss_editor.loss.isEnabled()
    assert window.scope_note.isVisible() == (column_used and greyed)
    tab_name = window.tabs.tabText(window.tabs.currentIndex())
    if greyed:
        assert tab_name in window.scope_note.text() or not column_used
    if "smoothing" not in enabled:
        assert tab_name in window.global_controls.smoothing.statusTip()
    click_tab(window, qtbot, 0)
    assert all(w.isEnabled() for w in controls.values())
    assert window.controls_column.isVisible() and window.tabs.currentWidget().width() == width
    assert not window.scope_note.isVisible()


def tab_places(window) -> list[QRect]:
    """Where each tab of the bar is, in the window's coordinates."""
    bar = window.tabs.tabBar()
    return [QRect(bar.mapTo(window, bar.tabRect(i).topLeft()), bar.tabRect(i).size())
            for i in range(bar.count())]


def test_tab_bar_stays_put_whichever_tab_is_shown(window, qtbot):
    """The column is hidden on tabs that read none of it; the tab bar moved 300 px left with
    it, and a click where Classifier had been landed on another tab (trial, real mouse).
    Each tab is clicked where it was first seen, on the widget there, as a user would."""
    window.resize(*SMALL)
    for _ in range(3):
        QApplication.processEvents()
    first = tab_places(window)
    bar = window.tabs.tabBar()
    assert all(bar.rect().contains(bar.tabRect(i)) for i in range(bar.count()))  # all shown
    names = list(window.lazy_panels)
    regression, two_ways = (names.index(name) + 1 for name in ("regression", "two_ways"))
    # to and from the tabs without the column, then every tab and back to Classifier
    order = [regression, two_ways, regression + 1, regression, 0]
    order += [i for index in range(1, bar.count()) for i in (index, 0)]
    for index in order:
        where = first[index].center()
        target = window.childAt(where)
        assert target is not None
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, where))
        for _ in range(3):
            QApplication.processEvents()
        shown = window.tabs.currentIndex()
        assert shown == index, (window.tabs.tabText(index), window.tabs.tabText(shown))
        assert tab_places(window) == first, window.tabs.tabText(index)
    assert window.controls_column.isVisible()  # back on Classifier
    window.tabs.setCurrentIndex(regression)
    QApplication.processEvents()
    assert not window.controls_column.isVisible() and tab_places(window) == first


def test_ctrl_tab_and_ctrl_page_down_switch_tabs_from_the_column_and_the_page(window, qtbot):
    """As in a QTabWidget: Ctrl+Tab and Ctrl+Shift+Tab, and Ctrl+PageDown and Ctrl+PageUp
    (a shortcut: a focused slider would take it as PageDown), round the ends."""
    control = Qt.KeyboardModifier.ControlModifier
    last = window.tabs.count() - 1
    slider = window.logits_editor.focus_widgets()[0]  # in the column
    for focus, key, modifiers, start, end in (
            (slider, Qt.Key.Key_PageDown, control, 0, 1),
            (slider, Qt.Key.Key_PageUp, control, 0, last),
            (slider, Qt.Key.Key_Tab, control, 0, 1),
            (window.tabs.tabBar(), Qt.Key.Key_Backtab,
             control | Qt.KeyboardModifier.ShiftModifier, 0, last),
            (window.loss_editor.loss, Qt.Key.Key_Tab, control, last, 0),
            (window.gradients_view.table, Qt.Key.Key_PageDown, control, 0, 1)):
        window.tabs.setCurrentIndex(start)
        window.activateWindow()
        focus.setFocus()
        QApplication.processEvents()
        value = slider.value()
        QTest.keyClick(QApplication.focusWidget(), key, modifiers)
        QApplication.processEvents()
        assert window.tabs.currentIndex() == end, (focus, key)
        assert slider.value() == value  # the slider did not take it as PageDown


def test_a_double_click_on_a_view_title_shows_it_alone_and_again_all_four(window, qtbot):
    """For a projector, where four views are too small to read (second trial)."""
    window.resize(1024, 768)
    QApplication.processEvents()
    softmax, title = window.softmax_view, window.softmax_view.title
    width, height = softmax.width(), softmax.height()
    QTest.mouseDClick(title, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    others = [v for v in window.views.values() if v is not softmax]
    assert not any(v.isVisible() for v in others)
    assert softmax.width() > 1.5 * width and softmax.height() > 1.5 * height
    assert "Double-click" in title.toolTip()
    QTest.mouseDClick(title, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert all(v.isVisible() for v in window.views.values())


def test_graph_tab_greys_what_its_chosen_graph_does_not_read(window, qtbot):
    """The classifier's loss graph reads the column; the regression's graph (and pitfall B)
    none of it: the column goes, with a line saying where w and b are set; pitfall D the
    logits, N and T only."""
    names = list(window.lazy_panels)
    click_tab(window, qtbot, names.index("graph") + 1)
    panel = window.panel("graph")
    assert window.controls_column.isVisible() and window.loss_editor.loss.isEnabled()
    modes = ("classifier", "regression", "pitfall_b", "pitfall_c", "pitfall_d")
    for mode, column, loss_live in (("regression", False, False), ("pitfall_b", False, False),
                                    ("pitfall_d", True, False), ("pitfall_c", True, True),
                                    ("classifier", True, True)):
        panel.mode.setFocus()  # by keyboard: Home, then Down to the mode
        QTest.keyClick(panel.mode, Qt.Key.Key_Home)
        for _ in range(modes.index(mode)):
            QTest.keyClick(panel.mode, Qt.Key.Key_Down)
        QApplication.processEvents()
        assert panel.current_mode() == mode
        assert window.controls_column.isVisible() == column, mode
        assert window.loss_editor.loss.isEnabled() == loss_live, mode
        assert window.control_boxes["logits"].isEnabled() == column, mode


def test_saturation_tab_greys_the_surface_axes_and_a_reduction_no_curve_reads(window, qtbot):
    names = list(window.lazy_panels)
    click_tab(window, qtbot, names.index("mse_vs_ce") + 1)
    editor = window.loss_editor
    assert not editor.axis_i.isEnabled() and editor.reduction.isEnabled()   # MSE vs CE
    window.set_state(window.state().replace(
        saturation_losses=("sigmoid_focal", "multi_margin")))
    QApplication.processEvents()
    assert not editor.reduction.isEnabled()                 # neither curve is MSE
    click_tab(window, qtbot, 0)
    assert editor.axis_i.isEnabled() and editor.reduction.isEnabled()

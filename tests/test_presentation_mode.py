"""View ▸ Presentation mode (issue 15): larger text and thicker lines for a projector, the
window rebuilt in it, unclipped at 1024×768 in English and Chinese, remembered across
restarts, and a corrupt remembered value ignored."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pyqtgraph as pg
import pytest
import shiboken6
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton
from test_layout_small_window import click_tab, clipped

ROOT = Path(__file__).resolve().parent.parent
PROJECTOR = (1024, 768)
FRAME_ROOM = 24  # a window manager's border, at most


def settle(window) -> None:
    """Until the window has drawn its first result (processEvents, not qtbot.waitUntil:
    its qWait deletes a replaced window, which pytest-qt then fails to close)."""
    deadline = time.monotonic() + 10
    while window.result() is None and time.monotonic() < deadline:
        QApplication.processEvents()
    assert window.result() is not None
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def made(qtbot, no_dialogs, isolated_settings):
    """Windows built by a test, deleted after it; the normal look restored."""
    from gui.look.language import install_language
    from gui.look.presentation import set_presentation
    from gui.look.theme import apply_theme
    from gui.shell.app_settings import take_reset_settings

    windows = []
    yield windows
    set_presentation(False)
    install_language("en")
    apply_theme("light")
    take_reset_settings()
    for window in windows:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    QApplication.processEvents()


def build(made, settings, restore=False):
    from gui import MainWindow

    window = MainWindow(restore=restore, settings=settings)
    made.append(window)
    window.resize(*PROJECTOR)
    window.show()
    settle(window)
    return window


def replaced_after(made, window, act) -> object:
    """Do `act` on window and return the window built in its place."""
    new = []
    window.replaced.connect(new.append)
    act()
    assert len(new) == 1, "the window was not rebuilt"
    made.append(new[0])
    settle(new[0])
    return new[0]


def look(window) -> dict[str, float]:
    """Sizes a projector needs larger: text, a tick label, a curve, a contour, a marker."""
    return {"font": window.font().pointSizeF(),
            "tick font": window.softmax_view.plot.getAxis("left").font().pointSizeF(),
            "target pen": window.softmax_view.target_marks.opts["pen"].widthF(),
            "contour pen": window.surface_view.surface.contours.opts["pen"].widthF(),
            "point": window.surface_view.surface.point.rect().width()}


def test_the_view_menu_action_and_f5_switch_it(made, isolated_settings):
    from gui.look.presentation import is_presentation

    window = build(made, isolated_settings)
    normal = look(window)
    action = window.presentation_action
    assert action in window.menuBar().actions()[3].menu().actions()  # View
    assert action.isCheckable() and not action.isChecked()

    big = replaced_after(made, window, action.trigger)
    assert is_presentation() and big.presentation_action.isChecked()
    larger = look(big)
    for key in normal:
        assert larger[key] > normal[key], (key, normal[key], larger[key])
    assert larger["font"] >= 1.25 * normal["font"]
    assert larger["target pen"] >= 2 * normal["target pen"]
    assert isolated_settings.value("ui/presentation") in (True, "true")

    big.activateWindow()
    QTest.qWaitForWindowActive(big)
    back = replaced_after(made, big, lambda: QTest.keyClick(big, Qt.Key.Key_F5))
    assert not is_presentation() and not back.presentation_action.isChecked()
    assert look(back) == normal
    assert isolated_settings.value("ui/presentation") in (False, "false")


def test_help_lists_its_shortcut(made, isolated_settings):
    window = build(made, isolated_settings)
    window.show_shortcuts()
    assert ("F5", "Presentation mode") in window.shortcuts_window.rows()


def crowded_ticks(window) -> list[str]:
    """Horizontal axes whose tick labels, as pyqtgraph would draw them now, touch."""
    found = []
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    for widget in window.findChildren(pg.PlotWidget):
        if not widget.isVisibleTo(window):
            continue
        axis = widget.getPlotItem().getAxis("bottom")
        painter = QPainter(image)
        painter.setFont(axis.style["tickFont"] or axis.font())
        specs = axis.generateDrawSpecs(painter)
        painter.end()
        rects = sorted((rect.left(), rect.right(), text) for rect, _, text in specs[2])
        for (_, right, text), (left, _, after) in pairwise(rects):
            if left - right < 2:
                found.append(f"{widget.accessibleName()}: {text!r} touches {after!r}")
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_tab_fits_a_projector_at_1024_by_768(made, qtbot, isolated_settings, language):
    from gui.look.language import install_language
    from gui.look.presentation import set_presentation

    install_language(language)
    normal = QApplication.font().pointSizeF()
    set_presentation(True)
    window = build(made, isolated_settings)
    assert window.font().pointSizeF() > normal
    toolbar = window.findChild(QToolBar, "main_toolbar")
    hidden = [b for b in toolbar.findChildren(QToolButton)
              if b.objectName() == "qt_toolbar_ext_button" and b.isVisible()]
    problems = [f"the toolbar needs {toolbar.sizeHint().width()} px: its last items are "
                f"behind »"] if hidden else []
    for index in range(window.tabs.count()):
        click_tab(window, qtbot, index)
        name = window.tabs.tabText(index)
        minimum = window.minimumSizeHint()
        if (minimum.width() > PROJECTOR[0] - FRAME_ROOM
                or minimum.height() > PROJECTOR[1] - FRAME_ROOM):
            problems.append(f"{name}: needs {minimum}")
        assert window.size() == QSize(*PROJECTOR)
        page = window.tabs.currentWidget()
        scroll = getattr(page, "scroll_area", None)
        if scroll is not None and scroll.horizontalScrollBar().isVisible():
            problems.append(f"{name}: scrolls sideways")
        problems += [f"{name}: {p}" for p in clipped(window) + crowded_ticks(window)]
    assert not problems, "\n".join(problems)


def test_it_is_remembered_across_a_restart(made, isolated_settings):
    from gui.look.presentation import is_presentation, set_presentation
    from gui.shell.app import start_presentation

    window = build(made, isolated_settings)
    normal = window.font().pointSizeF()
    big = replaced_after(made, window, window.presentation_action.trigger)
    big.close()
    set_presentation(False)  # a new process starts in the normal look …
    start_presentation(isolated_settings)  # … and run_app reads the setting
    again = build(made, isolated_settings, restore=True)
    assert is_presentation() and again.presentation_action.isChecked()
    assert again.font().pointSizeF() > normal


@pytest.mark.parametrize("value", ["banana", ["true", "false"], QSize(1, 2)],
                         ids=["word", "list", "size"])
def test_a_corrupt_value_is_reset_and_said(made, isolated_settings, value):
    from gui.look.presentation import is_presentation
    from gui.shell.app import say_reset_settings, start_presentation

    isolated_settings.setValue("ui/presentation", value)
    start_presentation(isolated_settings)
    window = build(made, isolated_settings, restore=True)
    say_reset_settings(window)
    assert not is_presentation()
    assert not isolated_settings.contains("ui/presentation")
    assert window.statusBar().currentMessage() == (
        "Some saved settings could not be used and were reset: presentation mode")


def test_the_app_starts_with_a_corrupt_value(tmp_path):
    """The real start-up (main.py), with a value QSettings reads back as a QSize."""
    ini = tmp_path / "LossLens" / "Loss Lens.ini"
    ini.parent.mkdir()
    ini.write_text("[ui]\npresentation=@Size(1 2)\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               LOSS_LENS_STARTUP_PROBE=repr(time.time()))  # quits after the first numbers
    done = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=90)
    assert done.returncode == 0, done.stderr
    assert "numbers" in done.stdout, done.stdout
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("ui/presentation") is None

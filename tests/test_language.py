"""The interface in Simplified Chinese: every text a user can see or hover is translated.

The walk collects what the window shows (labels, buttons, group titles, tabs, combo items,
menus and their tooltips, tooltips, table headers, plot axis labels and plot text) on every
tab, and fails on any English word left in it. Formulas, code names and units stay as they
are in every language; they are the allow-list below.
"""

from __future__ import annotations

import html
import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, QSize, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from core import State
from gui import MainWindow
from gui.items.number_grid import NumberGrid
from gui.items.readout_label import ReadoutLabel
from gui.look.language import current_language, install_language
from gui.look.theme import apply_theme

# Words that are the same in every language: code, formulas' function names, file formats,
# the app's name, and terms Chinese ML texts keep in English (softmax, logit).
ALLOWED = {
    "softmax", "logit", "logits", "autograd", "grad", "backward", "torch", "pytorch", "loss",
    "lens", "mse", "png", "svg", "json", "csv", "exp", "log", "max", "min", "sum", "mean",
    "requires", "retain", "graph", "true", "false", "none", "zero", "mse_loss",
    "cross_entropy", "functional", "tensor", "item", "opengl", "ctrl", "shift", "alt", "del",
    "esc", "tab", "home", "end", "pgup", "pgdown", "enter", "return", "space", "optimizer",
    "diff", "eff", "argmax", "nan", "inf", "outputs", "float64", "double", "dtype",
    "linspace", "numpy", "pyqtgraph", "pyside6", "python", "english", "pdf", "gif", "mp4",
    "sigmoid", "float",
    # the loss family's names, as Chinese texts write them (BCE, NLL, focal, hinge, Huber,
    # SmoothL1), and torch's reduction name batchmean
    "bce", "nll", "focal", "hinge", "huber", "smoothl", "batchmean",
}
WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")


def visible_text(text: str) -> str:
    """Rich text as the user reads it: tags, entities and code spans removed."""
    text = re.sub(r"<(tt|code|pre)>.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text).replace("&", "")


def english_words(text: str) -> list[str]:
    text = visible_text(text)
    text = re.sub(r"[A-Za-z_][A-Za-z0-9_]*\([^()]*\)", " ", text)  # calls: f(x), p.sum()
    text = re.sub(r"[A-Za-z_]+\.[A-Za-z_.]+", " ", text)            # dotted names: F.mse_loss
    text = re.sub(r"\b[A-Za-z]+_[A-Za-z0-9_]+\b", " ", text)         # snake_case names
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED]


def texts_of(window: MainWindow) -> list[tuple[str, str]]:
    """(where, text) for every text visible in the window as it is now, or on hover."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str) -> None:
        if text:
            found.append((where, text))

    widgets = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window)]
    for w in [window, *widgets]:
        if w.property("verbatim"):  # program output shown word for word (torch's errors)
            continue
        name = f"{type(w).__name__}({w.objectName() or w.accessibleName()})"
        add(f"{name} tooltip", w.toolTip())
        add(f"{name} accessible name", w.accessibleName())
        if isinstance(w, (QLabel, QAbstractButton, ReadoutLabel)):
            add(name, w.text())
        if isinstance(w, QLineEdit):
            add(f"{name} placeholder", w.placeholderText())
        if isinstance(w, QGroupBox):
            add(name, w.title())
        if isinstance(w, QTabBar):  # the window's tabs are a bar over the pages
            for i in range(w.count()):
                add(f"{name} tab", w.tabText(i))
                add(f"{name} tab tooltip", w.tabToolTip(i))
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name} item", w.itemText(i))
        if isinstance(w, NumberGrid):
            for header, tip in zip(w._headers, w._tips, strict=True):
                add(f"{name} header", header)
                add(f"{name} header tooltip", tip)
        if isinstance(w, pg.GraphicsView):
            for item in w.scene().items():
                if isinstance(item, pg.AxisItem) and item.isVisible():
                    add(f"{name} axis", item.labelText)
                if isinstance(item, pg.LabelItem) and item.isVisible():
                    add(f"{name} plot text", item.text)

    def walk_menu(menu: QMenu, path: str) -> None:
        add(f"menu {path}", menu.title())
        for action in menu.actions():
            add(f"menu {path} action", action.text())
            add(f"menu {path} action tooltip",
                action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
            if action.menu() is not None:
                walk_menu(action.menu(), f"{path} > {action.text()}")

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk_menu(action.menu(), action.text())
    add("window title", window.windowTitle())
    return found




@pytest.fixture
def chinese_window(switched):
    """The fixture's window switched to Chinese, as View ▸ Language does; English after."""
    return switched(language="zh_CN")


def test_language_menu_switches_and_is_remembered(window, qtbot):
    window.store.request(State(logits=(3.0, -1.0, 0.5, 2.0)))
    qtbot.waitUntil(lambda: window.result().state.n_classes == 4)
    menu = window.choice_menus["language"]
    chinese = next(a for a in menu.actions() if a.data() == "zh_CN")
    replaced = []
    window.replaced.connect(replaced.append)
    chinese.trigger()
    try:
        assert replaced, "choosing 简体中文 built no new window"
        zh = replaced[0]
        assert current_language() == "zh_CN"
        assert QSettings(window.settings.fileName(), QSettings.Format.IniFormat).value(
            "ui/language") == "zh_CN"
        assert zh.state().logits == (3.0, -1.0, 0.5, 2.0)  # the state came along...
        assert zh.store.undo_stack.canUndo()                # ...and so did the undo history
        qtbot.waitUntil(lambda: zh.result() is not None)
        assert zh.menuBar().actions()[0].text() == "文件(&F)"
        zh_menu = zh.choice_menus["language"]
        assert [a.isChecked() for a in zh_menu.actions()] == [False, True]
    finally:
        install_language("en")
        for w in replaced:
            w.close()


def test_no_english_left_on_any_tab(chinese_window, qtbot):
    zh = chinese_window
    qtbot.waitUntil(lambda: zh.result() is not None)
    leftovers = []
    seen: set[str] = set()
    for index in range(zh.tabs.count()):
        zh.tabs.setCurrentIndex(index)
        if index == zh.tabs.indexOf(zh.lazy_panels["pitfalls"]):
            zh.pitfalls_tab.run_every_card()
        QCoreApplication.processEvents()
        for where, text in texts_of(zh):
            seen.add(text)
            words = english_words(text)
            if words:
                leftovers.append(f"{where}: {words} in {visible_text(text)[:90]!r}")
    assert not leftovers, "English left in the Chinese window:\n" + "\n".join(
        sorted(set(leftovers)))
    chinese = [t for t in seen if re.search("[\u4e00-\u9fff]", t)]
    assert len(seen) > 300 and len(chinese) > 250  # the walk saw the window, in Chinese


def test_english_words_finds_prose_but_not_formulas():
    assert english_words("Loss surface over a0") == ["surface", "over"]
    assert english_words("CE = −Σ y log p · softmax(a/T) · w.requires_grad_()") == []
    assert english_words("<b>损失曲面</b> CE 随 (a<sub>0</sub>, a<sub>1</sub>)") == []


def test_open_help_windows_follow_a_switch(window, qtbot):
    """An open Formulas window is rebuilt in the new language, its links drive the new window."""
    window.show_formulas()
    old_formulas = window.formulas_window
    zh = window.switch_appearance(language="zh_CN")
    try:
        assert not old_formulas.isVisible()
        assert zh.formulas_window is not None and zh.formulas_window.isVisible()
        assert zh.formulas_window.windowTitle() == "公式"
        zh.tabs.setCurrentIndex(zh.tabs.count() - 1)
        zh.formulas_window._on_anchor_clicked(QUrl("view:jacobian"))
        assert zh.tabs.currentIndex() == 0  # the classifier tab of the new window
    finally:
        install_language("en")
        zh.close()


def choose(window: MainWindow, menu: str, key: str) -> MainWindow:
    """Pick key in View ▸ Language or ▸ Theme; returns the window built in its place."""
    replaced = []
    window.replaced.connect(replaced.append)
    next(a for a in window.choice_menus[menu].actions() if a.data() == key).trigger()
    assert replaced, f"choosing {key} built no new window"
    return replaced[0]


@pytest.fixture
def restore_appearance():
    """English and the light theme again after the test."""
    yield
    install_language("en")
    apply_theme("light")


def click_tab(window: MainWindow, name: str) -> None:
    bar = window.tabs.tabBar()
    index = window.tabs.indexOf(window.lazy_panels[name])
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


@pytest.mark.parametrize("menu, key", [("theme", "dark"), ("language", "zh_CN")])
def test_a_switch_keeps_the_window_where_it_was(window, qtbot, restore_appearance, menu, key):
    """Partly off its screen (offscreen's is 800×600), where restoreGeometry(saveGeometry())
    would pull it back inside: a jump at every switch."""
    window.resize(QSize(1100, 640))
    window.move(QPoint(150, 120))
    qtbot.waitUntil(lambda: window.pos() == QPoint(150, 120))
    assert not window.screen().availableGeometry().contains(window.frameGeometry())
    before = (window.pos(), window.size(), window.frameGeometry())
    new = choose(window, menu, key)
    try:
        qtbot.waitUntil(lambda: new.result() is not None)
        assert (new.pos(), new.size(), new.frameGeometry()) == before
    finally:
        new.close()


def test_a_maximised_window_stays_maximised(window, qtbot, restore_appearance):
    normal = window.normalGeometry()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    new = choose(window, "theme", "dark")
    try:
        assert new.isMaximized()
        assert new.normalGeometry() == normal  # where it goes when un-maximised
    finally:
        new.close()


def test_pitfall_cards_run_stay_run_in_the_new_language(window, qtbot, restore_appearance):
    """Cards run by clicking their buttons show torch's outcome again after a switch, run
    in the new window (so in its language); the others still wait to be run."""
    from core.pitfalls import run_pitfall

    click_tab(window, "pitfalls")
    tab = window.pitfalls_tab
    qtbot.waitUntil(lambda: tab._state is not None)
    prompt = tab.cards["A"].error.text()
    for key in ("B", "D"):
        QTest.mouseClick(tab.cards[key].run_button, Qt.MouseButton.LeftButton)
        assert tab.cards[key].error.text() != prompt
    zh = choose(window, "language", "zh_CN")
    try:
        qtbot.waitUntil(lambda: zh.result() is not None)
        assert zh.tabs.currentIndex() == zh.tabs.indexOf(zh.lazy_panels["pitfalls"])
        cards = zh.pitfalls_tab.cards
        s = zh.state()
        for key in ("B", "D"):
            expected = run_pitfall(key, s.regression, s.logits, s.temperature)
            assert cards[key].last_run is not None, key
            assert cards[key].error.text() == QCoreApplication.translate("Pitfalls",
                                                                         expected.outcome)
            assert cards[key].fix_result.isVisibleTo(zh) and cards[key].fix.isVisibleTo(zh)
        zh_prompt = cards["A"].error.text()
        assert zh_prompt != prompt and re.search("[\u4e00-\u9fff]", zh_prompt)
        for key in ("A", "C"):
            assert cards[key].last_run is None and cards[key].error.text() == zh_prompt
    finally:
        zh.close()


def test_pitfall_runs_of_older_numbers_are_not_carried(window, qtbot, restore_appearance):
    """A run describes the numbers it ran on: after an edit the tab would clear it when
    shown again, and so does a switch."""
    click_tab(window, "pitfalls")
    tab = window.pitfalls_tab
    qtbot.waitUntil(lambda: tab._state is not None)
    QTest.mouseClick(tab.cards["A"].run_button, Qt.MouseButton.LeftButton)
    window.tabs.setCurrentIndex(0)
    window.set_state(State(logits=(3.0, -1.0, 0.5)))
    qtbot.waitUntil(lambda: window.result().state.logits == (3.0, -1.0, 0.5))
    new = choose(window, "theme", "dark")
    try:
        click_tab(new, "pitfalls")
        qtbot.waitUntil(lambda: new.pitfalls_tab._state is not None)
        assert new.pitfalls_tab.ran(new.state()) == []
    finally:
        new.close()


def test_a_language_that_cannot_load_leaves_the_window_as_it_was(window, qtbot, monkeypatch,
                                                                 tmp_path):
    """Chinese without its compiled translations (`make` not run): one message, and the
    window, its state, its store and the Language menu stay as they were."""
    from gui.look import language
    from gui.shell import dialogs

    monkeypatch.setattr(language, "qm_path", lambda code: tmp_path / "missing.qm")
    said = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message: said.append(message))
    replaced = []
    window.replaced.connect(replaced.append)
    before = window.state()
    menu = window.choice_menus["language"]
    next(a for a in menu.actions() if a.data() == "zh_CN").trigger()
    QApplication.processEvents()
    assert replaced == [] and len(said) == 1 and "missing.qm" in said[0]
    assert language.current_language() == "en"
    assert [a.data() for a in menu.actions() if a.isChecked()] == ["en"]
    assert window.state() == before
    slider = window.logits_editor.rows[0].slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.result().state.logits != before.logits)  # still follows

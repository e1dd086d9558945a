"""No two Alt+key accelerators collide, in English or Chinese, on any tab.

Qt activates a mnemonic in one of two scopes: the window (menu bar titles, and every
visible label with a buddy, button, check box or group box with an &) or one open menu
(its items). Two of them with the same key in one scope make Qt cycle the focus between
them instead of acting: Alt+E was 编辑(E) and 标签平滑 ε(E) at once, for example.
"""

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu

from core import State


def key(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def clashes(named: list[tuple[str, str]]) -> dict[str, list[str]]:
    """key → the texts that share it, for keys shared by more than one."""
    by_key = defaultdict(list)
    for text, where in named:
        if key(text):
            by_key[key(text)].append(f"{where} {text!r}")
    return {k: v for k, v in by_key.items() if len(v) > 1}


def menu_clashes(menu: QMenu, path: str) -> dict[str, dict[str, list[str]]]:
    found = {}
    items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    if clash := clashes([(a.text(), "item") for a in items]):
        found[path] = clash
    for action in items:
        if action.menu() is not None:
            found |= menu_clashes(action.menu(), f"{path} > {action.text()}")
    return found


def window_scope(window) -> list[tuple[str, str]]:
    """What Alt+key reaches in the window as it is shown now."""
    named = [(a.text(), "menu") for a in window.menuBar().actions() if a.isVisible()]
    named += [(w.text(), "label") for w in window.findChildren(QLabel)
              if w.isVisible() and w.buddy() is not None]
    named += [(w.text(), type(w).__name__) for w in window.findChildren(QAbstractButton)
              if w.isVisible()]
    named += [(w.title(), "group") for w in window.findChildren(QGroupBox) if w.isVisible()]
    named += [(window.tabs.tabText(i), "tab") for i in range(window.tabs.count())]
    return named


def window_clashes(window, qtbot) -> dict[str, dict[str, list[str]]]:
    found = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        if clash := clashes(window_scope(window)):
            found[window.tabs.tabText(index)] = clash
    for action in window.menuBar().actions():
        if action.menu() is not None:
            found |= menu_clashes(action.menu(), action.text())
    return found


def check(window, qtbot) -> None:
    assert window_clashes(window, qtbot) == {}
    # with N > 32 the logits are generated, and the Generate button appears
    window.store.request(State(logits=tuple(float(i % 7) for i in range(40))))
    qtbot.waitUntil(lambda: window.result().state.n_classes == 40, timeout=10000)
    generate = [b for b in window.findChildren(QAbstractButton) if key(b.text()) == "Alt+G"]
    assert generate and generate[0].isVisible()
    assert window_clashes(window, qtbot) == {}


def test_no_accelerator_clashes_in_english(window, qtbot):
    window.resize(1280, 800)
    check(window, qtbot)


def test_no_accelerator_clashes_in_chinese(switched, qtbot):
    zh = switched(language="zh_CN")
    qtbot.waitUntil(lambda: zh.result() is not None, timeout=10000)
    assert zh.menuBar().actions()[1].text() == "编辑(&E)"
    check(zh, qtbot)
    labels = [w.text() for w in zh.findChildren(QLabel) if w.buddy() is not None]
    assert "温度 &T" in labels  # the T is the label's own, not repeated as 温度 T(T)


def test_greek_letters_are_reached_by_shortcuts_not_untypable_accelerators(window, qtbot):
    """Alt+ε and Alt+η need a Greek keyboard (trial): the labels carry no accelerator and
    Edit ▸ Go to… (Ctrl+L, Ctrl+R) puts the cursor in those entries."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    assert "&" not in window.global_controls.smoothing.label.text()
    window.show_view("regression")
    assert "&" not in window.regression_tab.rate_control.label.text()
    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    window.smoothing_focus_action.trigger()
    assert QApplication.focusWidget() is window.global_controls.smoothing.entry.lineEdit() \
        or QApplication.focusWidget() is window.global_controls.smoothing.entry
    window.rate_focus_action.trigger()
    assert window.tabs.currentWidget() is window.lazy_panels["regression"]
    rate = window.regression_tab.rate_control.entry
    assert QApplication.focusWidget() in (rate, rate.lineEdit())
    assert window.smoothing_focus_action.shortcut() == QKeySequence("Ctrl+L")

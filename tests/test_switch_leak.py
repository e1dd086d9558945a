"""Language and theme switches replace the window without leaking the old one.

Each switch builds a new MainWindow; the old one must be deleted (C++ and Python) and its
memory reused, or a user who tries the languages and themes a few times carries every
window ever built (measured before the fix: 41 windows and +355 MB after 40 switches).
"""

from __future__ import annotations

import gc
import os

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui import MainWindow
from gui.look.language import install_language
from gui.look.theme import apply_theme
from gui.shell.app import follow_replacements

SWITCHES = 20
# RSS growth allowed over SWITCHES switches after a warm-up. Measured on this VM: about
# +200 MB before the fix, 0–12 MB after (allocator noise, font and glyph caches).
RSS_TOLERANCE_MB = 40


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def live_windows(besides: frozenset = frozenset()) -> list[MainWindow]:
    """MainWindows whose C++ object exists, but for `besides` (earlier tests' windows:
    deleteLater outside an event loop waits for one)."""
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and shiboken6.isValid(w) and w not in besides]


@pytest.fixture
def on_screen(qtbot, no_dialogs, isolated_settings):
    """current() is the window on screen, followed through switches as run_app follows it.

    Not the `window` fixture: qtbot would close that window after the test, and a switch
    deletes it. English and the light theme are restored after."""
    first = MainWindow()
    current = follow_replacements(first)
    del first
    current().show()
    qtbot.waitUntil(lambda: current().result() is not None, timeout=10000)
    yield current
    install_language("en")
    apply_theme("light")
    current().close()
    current().deleteLater()


def choose(qtbot, current, menu: str, key: str) -> MainWindow:
    """Pick `key` in View ▸ `menu` from inside the event loop, as a click on the menu does
    (so the replaced window's deleteLater runs when the loop gets control back); returns
    the new window once it shows its first result."""
    old = current()
    action = next(a for a in old.choice_menus[menu].actions() if a.data() == key)
    QTimer.singleShot(0, action.trigger)
    qtbot.waitUntil(lambda: current() is not old and current().result() is not None,
                    timeout=10000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(old), timeout=5000)
    return current()


SEQUENCE = [("language", "zh_CN"), ("theme", "dark"), ("language", "en"), ("theme", "light")]


def test_switches_leave_one_window_and_flat_memory(on_screen, qtbot):
    for menu, key in SEQUENCE:  # warm-up: fonts, translators and caches loaded once
        choose(qtbot, on_screen, menu, key)
    earlier = frozenset(live_windows()) - {on_screen()}
    before = rss_mb()
    for n in range(SWITCHES):
        choose(qtbot, on_screen, *SEQUENCE[n % len(SEQUENCE)])
        assert live_windows(earlier) == [on_screen()], f"after switch {n + 1}"
    # the last replaced window's cycles are collected (and the heap frozen again) shortly
    # after a switch, once the new window has painted
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)
    grown = rss_mb() - before
    assert grown < RSS_TOLERANCE_MB, f"RSS grew {grown:.0f} MB over {SWITCHES} switches"


def test_undo_history_moves_to_the_new_window(on_screen, qtbot):
    """The store and its undo stack outlive the window that made them."""
    from core import State

    on_screen().set_state(State(logits=(3.0, -1.0, 0.5)))
    qtbot.waitUntil(lambda: on_screen().result().state.logits == (3.0, -1.0, 0.5))
    new = choose(qtbot, on_screen, "theme", "dark")
    new = choose(qtbot, on_screen, "language", "zh_CN")
    assert new.state().logits == (3.0, -1.0, 0.5)
    assert new.undo_action.isEnabled()
    new.undo_action.trigger()
    qtbot.waitUntil(lambda: new.result().state.logits != (3.0, -1.0, 0.5))
    assert new.redo_action.isEnabled()

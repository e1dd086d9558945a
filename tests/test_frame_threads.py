"""The window computes its frames on one thread: torch's intra-op threads made drags
stutter on a busy machine (OpenMP threads waiting for a core another process holds)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


FIRST_NUMBERS = (
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "from gui import MainWindow\n"
    "w = MainWindow()\n"
    "w.show()\n"
    "while w.result() is None:\n"
    "    app.processEvents()\n"
)


def printed_after_first_numbers(before: str, after: str) -> list[str]:
    """Run `before`, a fresh window until its first numbers, then `after`, in a new
    interpreter with no saved settings and no OMP_NUM_THREADS; what it printed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME="/nonexistent-dir")
    env.pop("OMP_NUM_THREADS", None)
    out = subprocess.run([sys.executable, "-c", before + FIRST_NUMBERS + after], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_window_computes_on_one_torch_thread():
    printed = printed_after_first_numbers("", "import torch\nprint(torch.get_num_threads())\n")
    assert printed == ["1"]


def test_no_garbage_collection_runs_in_the_torch_import_thread():
    """A collection there would destroy a replaced window's Qt objects off the GUI thread
    (a language switch in the first seconds deadlocked that way)."""
    before = (
        "import gc, threading\n"
        "threads = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and\n"
        "                    threads.append(threading.current_thread().name))\n"
    )
    after = (
        "assert gc.isenabled()  # back on, from the GUI thread\n"
        "print(threads.count('torch-import'))\n"
    )
    assert printed_after_first_numbers(before, after) == ["0"]


def test_a_drag_frame_does_not_re_lay_out_the_window(window, qtbot):
    """The status bar's numbers change every frame; a plain QLabel there asked the whole
    window to re-lay out each time (a layout pass and a full repaint per frame). Now only
    a text wider than any before grows it, so a second pass over the same drag asks for
    no layout at all."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    slider = window.logits_editor.rows[0].slider
    slider.setFocus()

    def drag() -> list[str]:
        texts = []
        for key in [Qt.Key.Key_Left] * 5 + [Qt.Key.Key_Right] * 5:
            qtbot.keyClick(slider, key)
            QApplication.processEvents()
            texts.append(window.numbers.text())
        return texts

    first = drag()  # the label grows to its widest text here, at most
    requests = []

    class Layouts(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.LayoutRequest and obj in (window,
                                                                     window.statusBar()):
                requests.append(obj)
            return False

    spy = Layouts()
    QApplication.instance().installEventFilter(spy)
    try:
        second = drag()
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert second == first and len(set(second)) > 3  # the numbers did change
    assert requests == []


def test_switches_while_torch_loads_end_with_numbers_in_the_last_window():
    """Windows replaced (and deleted) before torch's import is over: the waiting thread
    signals only the application-wide announcer, and the window on screen gets its
    numbers."""
    code = (
        "import time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from gui.shell.app import follow_replacements\n"
        "from gui.shell import torch_loader\n"
        "from gui import MainWindow\n"
        "w = MainWindow(begin_torch_import=False)\n"
        "current = follow_replacements(w)\n"
        "w.show(); del w\n"
        "torch_loader.preload()\n"
        "for k in range(4):\n"
        "    theme = 'dark' if k % 2 == 0 else 'light'\n"
        "    menu = current().choice_menus['theme']\n"
        "    next(a for a in menu.actions() if a.data() == theme).trigger()\n"
        "    end = time.monotonic() + 0.1\n"
        "    while time.monotonic() < end:\n"
        "        app.processEvents()\n"
        "end = time.monotonic() + 40\n"
        "while current().result() is None and time.monotonic() < end:\n"
        "    app.processEvents()\n"
        "print(current().result() is not None, current().numbers.text().startswith('CE '))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME="/nonexistent-dir")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=90, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True"]

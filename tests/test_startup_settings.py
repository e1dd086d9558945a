"""Nothing stored in the settings can stop the app from starting.

The INI file can be edited by hand or written by another version; a state saved on exit
that breaks start-up would break every later start too. Each unusable value is removed, the
app starts with the default, and the status bar says so once.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QByteArray, QRect, QSettings, QSize

from core.state import State

ROOT = Path(__file__).resolve().parent.parent
HARMLESS = re.compile(r"propagateSizeHints|QBackingStore::flush\(\) called for")


def state_line(data: dict) -> str:
    """A state as QSettings writes it into the INI: JSON inside a quoted string."""
    return "last=" + json.dumps(json.dumps(data)) + "\n"


BIG_INT_STATE = {"logits": [int("9" * 400), 1.0]}
DEEP_STATE_TEXT = '{"logits": ' + "[" * 985 + "]" * 985 + "}"
TINY_RANGE_STATE = {"logits": [2.0, 1.0, 0.1], "surface": {"range": [0, 5e-324]}}

# Several broken keys per file, so that each case is covered by few start-ups (~2 s each).
INI_FILES: dict[str, bytes] = {
    "geometry-string+language-list+big-int+recent-rect": (
        "[window]\ngeometry=not a geometry\n"
        "[ui]\nlanguage=en, zh_CN\n"
        "[state]\n" + state_line(BIG_INT_STATE) +
        "[files]\nrecent=@Rect(1 2 3 4)\n").encode(),
    "geometry-list+theme-list+deep+recent-odd-list": (
        "[window]\ngeometry=@ByteArray(x), @ByteArray(y)\n"
        "[ui]\ntheme=dark, light\n"
        "[state]\nlast=" + json.dumps(DEEP_STATE_TEXT) + "\n"
        "[files]\nrecent=@Size(1 2), /tmp/a.json, @ByteArray(x)\n").encode(),
    "geometry-rect+tiny-range": (
        "[window]\ngeometry=@Rect(0 0 10 10)\n"
        "[state]\n" + state_line(TINY_RANGE_STATE)).encode(),
    "random-bytes": random.Random(7).randbytes(4096),
}


def start(ini: bytes, config: Path) -> subprocess.Popen:
    (config / "LossLens").mkdir(parents=True)
    (config / "LossLens" / "Loss Lens.ini").write_bytes(ini)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
               LOSS_LENS_STARTUP_PROBE=repr(time.time()))  # prints "shown", "numbers"
    return subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(app: subprocess.Popen, sigterm_when_shown: bool) -> tuple[int, str, str]:
    """Wait for the app (the probe quits it after the first numbers) and return
    (exit status, stdout, stderr without Qt's harmless offscreen notes)."""
    watchdog = threading.Timer(90, app.kill)
    watchdog.start()
    with app:  # closes the pipes
        lines = []
        for line in app.stdout:
            lines.append(line)
            if sigterm_when_shown and line.startswith("shown"):
                app.send_signal(signal.SIGTERM)
        stderr = app.stderr.read()
    watchdog.cancel()
    stderr = "\n".join(x for x in stderr.splitlines() if x.strip() and not HARMLESS.search(x))
    return app.returncode, "".join(lines), stderr


SIGTERM_ONCE_SHOWN = "random-bytes"  # the others run until their first numbers are drawn


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """Every INI file's start-up, all begun at once: (exit status, stdout, stderr, INI)."""
    root = tmp_path_factory.mktemp("configs")
    apps = {name: start(ini, root / name) for name, ini in INI_FILES.items()}
    with ThreadPoolExecutor(len(apps)) as pool:  # each read at once: SIGTERM comes on time
        done = {name: pool.submit(finish, app, name == SIGTERM_ONCE_SHOWN)
                for name, app in apps.items()}
    return {name: (*future.result(), root / name / "LossLens" / "Loss Lens.ini")
            for name, future in done.items()}


@pytest.mark.parametrize("name", [n for n in INI_FILES if n != SIGTERM_ONCE_SHOWN])
def test_the_app_starts_whatever_the_settings_hold(started, name):
    code, out, err, ini = started[name]
    assert code == 0, f"exit status {code}: {err}"
    assert err == "", err
    assert "shown" in out and "numbers" in out, out
    # the broken values are gone, and the state saved on exit is a good one
    saved = QSettings(str(ini), QSettings.Format.IniFormat)
    assert isinstance(saved.value("window/geometry"), QByteArray)
    assert saved.value("ui/language") in (None, "en", "zh_CN")
    assert saved.value("ui/theme") in (None, "system", "light", "dark")
    assert State.from_json(saved.value("state/last")) == State()
    assert saved.value("files/recent") in (None, "/tmp/a.json")


def test_sigterm_quits_cleanly_after_a_start_from_random_bytes(started):
    code, out, err, _ = started[SIGTERM_ONCE_SHOWN]
    assert code == 0, f"exit status {code}: {out} {err}"
    assert err == "", err
    assert out.startswith("shown"), out


# ---------------------------------------------------------------- in-process
@pytest.fixture
def start_window(qtbot, isolated_settings, no_dialogs):
    """Start as run_app does (language, theme, window, message) with the settings given."""
    from gui import MainWindow
    from gui.look.language import install_language
    from gui.look.theme import THEMES
    from gui.shell.app import say_reset_settings, start_language
    from gui.shell.app_settings import saved_choice, take_reset_settings
    from gui.shell.torch_loader import preload

    # torch first: a window deleted while torch imports in its thread can deadlock (the
    # collector, run in that thread, destroys Qt objects there while the GUI thread waits)
    preload().join()
    take_reset_settings()  # nothing left over from other tests
    made = []

    def start_with(**values):
        for key, value in values.items():
            isolated_settings.setValue(key, value)
        start_language(isolated_settings)
        saved_choice(isolated_settings, "ui/theme", THEMES, "system")
        window = MainWindow(restore=True, settings=isolated_settings)
        made.append(window)
        say_reset_settings(window)
        return window

    yield start_with
    install_language("en")
    take_reset_settings()
    for window in made:  # deleted, not only closed: no window outlives its test
        window.close()
        window.deleteLater()
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(w) for w in made), timeout=5000)


RESET = "Some saved settings could not be used and were reset: "


@pytest.mark.parametrize(("key", "value", "label"), [
    ("window/geometry", "not a geometry", "window geometry"),
    ("window/geometry", ["a", "b"], "window geometry"),
    ("window/geometry", QRect(0, 0, 10, 10), "window geometry"),
    ("window/geometry", QByteArray(b"\x01\xd9\xd0\xcb garbage"), "window geometry"),
    ("ui/language", ["en", "zh_CN"], "language"),
    ("ui/language", "klingon", "language"),
    ("ui/theme", ["dark", "light"], "theme"),
    ("ui/theme", QSize(1, 2), "theme"),
    ("state/last", json.dumps(BIG_INT_STATE), "last session's state"),
    ("state/last", DEEP_STATE_TEXT, "last session's state"),
    ("state/last", '{"logits": [1]}', "last session's state"),
    ("state/last", ["not", "a", "state"], "last session's state"),
    ("files/recent", QRect(1, 2, 3, 4), "recent files"),
    ("files/recent", 42, "recent files"),
], ids=lambda v: type(v).__name__ if not isinstance(v, str) else v[:20])
def test_an_unusable_setting_is_removed_and_said_once(start_window, isolated_settings,
                                                      key, value, label):
    window = start_window(**{key: value})
    assert window.statusBar().currentMessage() == RESET + label
    assert not isolated_settings.contains(key)
    assert window.state() == State()
    assert (window.width(), window.height()) == (1280, 800) or key != "window/geometry"


def test_several_unusable_settings_are_said_in_one_message_once(start_window,
                                                                isolated_settings):
    from gui.shell.app import say_reset_settings

    window = start_window(**{"window/geometry": "x", "ui/language": ["en"],
                             "files/recent": ["/tmp/a.json", 3, "", "/tmp/b.json"]})
    assert window.statusBar().currentMessage() == (
        RESET + "language, recent files, window geometry")
    assert isolated_settings.value("files/recent") == ["/tmp/a.json", "/tmp/b.json"]
    assert [a.toolTip() for a in window.files.recent_menu.actions()] == [
        "/tmp/a.json", "/tmp/b.json"]
    window.statusBar().clearMessage()
    say_reset_settings(window)  # a second time: nothing more to say
    assert window.statusBar().currentMessage() == ""
    again = start_window()  # the next start: the broken values are gone, nothing to say
    assert again.statusBar().currentMessage() == ""


@pytest.mark.parametrize("error", [OverflowError, RecursionError, MemoryError, KeyError,
                                   ZeroDivisionError])
def test_a_saved_state_that_raises_anything_is_dropped(start_window, isolated_settings,
                                                       monkeypatch, error):
    """Not only ValueError: whatever loading the saved state raises, the app starts."""
    def broken(_text):
        raise error("boom")

    monkeypatch.setattr(State, "from_json", staticmethod(broken))
    window = start_window(**{"state/last": "{}"})
    assert window.statusBar().currentMessage() == RESET + "last session's state"
    assert not isolated_settings.contains("state/last")


def test_usable_settings_are_kept_and_nothing_is_said(start_window, isolated_settings):
    from gui import MainWindow

    first = MainWindow(settings=isolated_settings)
    first.resize(700, 500)
    first.set_state(State(logits=(1.0, 2.0, 3.0), target=2))
    first.store.refresh()
    first.close()  # saves the state and the geometry
    first.deleteLater()
    isolated_settings.setValue("files/recent", "/tmp/one.json")  # one item: a plain string
    window = start_window(**{"ui/language": "en", "ui/theme": "light"})
    assert window.statusBar().currentMessage() == ""
    assert window.state() == State(logits=(1.0, 2.0, 3.0), target=2)
    assert (window.width(), window.height()) == (700, 500)
    assert isolated_settings.value("ui/theme") == "light"
    assert [a.toolTip() for a in window.files.recent_menu.actions()] == ["/tmp/one.json"]

"""Shared test set-up. Qt must be told to render offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Seeded and bounded: the same examples every run, so CI failures reproduce.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=150,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


import pytest  # noqa: E402


@pytest.fixture
def no_dialogs(monkeypatch):
    """Any dialog a test reaches fails it: offscreen, a modal dialog would block forever."""
    from gui.shell import dialogs

    opened = []

    def refuse(name):
        def fail(*args, **kwargs):
            opened.append(name)
            raise AssertionError(f"a test opened the {name} dialog")
        return fail

    for name in [n for n in dir(dialogs) if not n.startswith("_") and callable(
            getattr(dialogs, n)) and getattr(getattr(dialogs, n), "__module__", "") ==
            dialogs.__name__]:
        monkeypatch.setattr(dialogs, name, refuse(name))
    return opened


@pytest.fixture
def isolated_settings(tmp_path):
    """QSettings in a temporary folder: tests never touch the user's real settings."""
    from PySide6.QtCore import QSettings

    from gui.shell.app_settings import app_settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    settings = app_settings()
    settings.clear()
    return settings


@pytest.fixture
def window(qtbot, no_dialogs, isolated_settings):
    """The one way tests build the main window: shown, with its first result drawn."""
    import shiboken6

    from gui import MainWindow

    win = MainWindow()
    win.show()
    qtbot.waitUntil(lambda: win.result() is not None, timeout=10000)
    yield win
    # closed here rather than by qtbot.addWidget: a language or theme switch deletes it
    if shiboken6.isValid(win):
        win.close()
        win.deleteLater()


@pytest.fixture
def switched(window):
    """switch(language=..., theme_name=...) rebuilds the fixture's window as View ▸ Language
    and ▸ Theme do, shown at 1280×800; English and the light theme are restored after."""
    from gui.look.language import install_language
    from gui.look.theme import apply_theme

    made = []

    def switch(**appearance):
        new = window.switch_appearance(**appearance)
        new.resize(1280, 800)
        new.show()
        made.append(new)
        return new

    yield switch
    install_language("en")
    apply_theme("light")
    for new in made:
        new.close()
        new.deleteLater()

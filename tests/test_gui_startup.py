"""The window appears before torch has loaded: building it must not import torch."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from xvfb_server import xvfb_server

ROOT = Path(__file__).resolve().parent.parent


def run_fresh(code: str) -> None:
    """Run code in a new interpreter (torch not yet imported, no saved settings)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME="/nonexistent-dir")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr


def test_building_the_window_does_not_import_torch():
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from gui import MainWindow\n"
        "w = MainWindow()\n"
        "w.show()\n"
        "w.repaint()\n"
        "assert 'torch' not in sys.modules, 'torch was imported before the window showed'\n"
        "assert 'Loading torch' in w.numbers.text()\n"
        "while w.result() is None:\n"
        "    app.processEvents()  # then torch loads in the background and numbers follow\n"
        "assert 'torch' in sys.modules and 'CE 0.4170' in w.numbers.text()\n"
    )
    run_fresh(code)


def test_start_up_begins_torchs_import_only_after_the_first_frame():
    """run_app paints the first frame, then calls preload(): the import holds the GIL, and
    begun during construction it slowed the first paint from 0.6 s to 1.0–1.4 s."""
    code = (
        "import sys, time\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from gui import MainWindow\n"
        "from gui.shell import torch_loader\n"
        "w = MainWindow(begin_torch_import=False)\n"
        "w.show()\n"
        "end = time.monotonic() + 0.5\n"
        "while time.monotonic() < end:\n"
        "    app.processEvents()\n"
        "assert torch_loader._import_thread is None and 'torch' not in sys.modules\n"
        "assert w.result() is None and 'Loading torch' in w.numbers.text()\n"
        "torch_loader.preload()\n"
        "while w.result() is None:\n"
        "    app.processEvents()\n"
        "assert 'CE 0.4170' in w.numbers.text()\n"
    )
    run_fresh(code)


def test_run_app_paints_the_first_frame_before_torchs_import_begins():
    code = (
        "import sys, time, os\n"
        "os.environ['LOSS_LENS_STARTUP_PROBE'] = repr(time.time())  # quits after the numbers\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import gui.shell.app, gui.shell.torch_loader\n"
        "painted = []\n"
        "class Paints(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint and obj.isWindow():\n"
        "            painted.append(obj)\n"
        "        return False\n"
        "paints = Paints()\n"
        "app.installEventFilter(paints)\n"
        "real = gui.shell.torch_loader.preload\n"
        "def preload():\n"
        "    if not painted or 'torch' in sys.modules:\n"
        "        print('the import began before the first frame', file=sys.stderr)\n"
        "        os._exit(3)  # an exception in a Qt slot would only be printed\n"
        "    return real()\n"
        "gui.shell.app.preload = preload\n"
        "assert gui.shell.app.run_app(['main.py']) == 0\n"
        "assert 'torch' in sys.modules\n"
    )
    run_fresh(code)


# ---------------------------------------------------------------- no usable display
HEADLESS_HINTS = ("python main.py compute", "python main.py export FIG.png", "Xvfb")


def start_without_a_display(**env_changes: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM",
                        "XDG_SESSION_TYPE")}
    env.update(env_changes, XDG_CONFIG_HOME="/nonexistent-dir")
    return subprocess.run([sys.executable, "main.py"], cwd=ROOT, capture_output=True,
                          text=True, timeout=30, env=env)


@pytest.mark.parametrize("env_changes", [
    {"DISPLAY": ":97"},  # no X server there
    {"WAYLAND_DISPLAY": "bogus-wayland", "XDG_RUNTIME_DIR": "/tmp"},
    {"WAYLAND_DISPLAY": "bogus-wayland"},  # and no XDG_RUNTIME_DIR either
    {"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":97"},
    {"QT_QPA_PLATFORM": "bogus"},
    {"QT_QPA_PLATFORM": "bogus;xcb:nograb", "DISPLAY": ":97"},
    {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "/nonexistent/wayland-0"},
], ids=["x-display-absent", "wayland-absent", "wayland-no-runtime-dir", "wayland-session",
        "platform-bogus", "platform-list", "platform-wayland"])
def test_no_usable_display_says_so_in_one_line(env_changes):
    """Qt would abort (SIGABRT) with "Reinstalling the application may fix this problem"."""
    run = start_without_a_display(**env_changes)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert "no display" in lines[0] and "Reinstalling" not in lines[0]
    assert all(hint in lines[0] for hint in HEADLESS_HINTS), lines[0]
    assert run.stdout == ""


def test_the_display_check_lets_usable_and_undecidable_platforms_through(tmp_path):
    from gui.shell.display_check import candidate_platforms, display_problem

    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "bogus;minimal:options"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "eglfs"}) is None  # only Qt can tell
    assert display_problem({"QT_QPA_PLATFORM": "XCB", "DISPLAY": ":97"}) is not None
    # a Wayland socket that accepts a connection is a display
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-7"))
        server.listen(1)
        assert display_problem({"WAYLAND_DISPLAY": "wayland-7",
                                "XDG_RUNTIME_DIR": str(tmp_path)}) is None
        assert display_problem({"WAYLAND_DISPLAY": str(tmp_path / "wayland-7")}) is None
    assert display_problem({"WAYLAND_SOCKET": "5", "QT_QPA_PLATFORM": "wayland"}) is None
    # Qt 6's own order on Linux when QT_QPA_PLATFORM is unset
    assert candidate_platforms({}) == ["xcb"]
    assert candidate_platforms({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}) == ["wayland", "xcb"]
    assert candidate_platforms({"XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert candidate_platforms({"QT_QPA_PLATFORM": "wayland-egl:x;;xcb"}) == [
        "wayland-egl", "xcb"]


@pytest.fixture
def xvfb_display():
    with xvfb_server() as display:
        yield display


def test_a_real_x_display_passes_the_check(xvfb_display):
    from gui.shell.display_check import display_problem

    assert display_problem({"DISPLAY": xvfb_display}) is None
    assert display_problem({"DISPLAY": xvfb_display, "WAYLAND_DISPLAY": "bogus"}) is None
    assert display_problem({"DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "bogus;xcb"}) is None


def test_a_display_on_a_host_that_refuses_is_said_at_once():
    """DISPLAY=host:N is a TCP port: checked with a timeout before XOpenDisplay, which has
    none (an unreachable host would hang start-up)."""
    import socket
    import time

    from gui.shell.display_check import display_problem

    with socket.socket() as probe:  # a loopback port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    start = time.monotonic()
    problem = display_problem({"DISPLAY": f"127.0.0.1:{port - 6000}"})
    assert problem and "does not answer" in problem
    assert time.monotonic() - start < 3

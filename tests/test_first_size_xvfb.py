"""On a screen no taller than the window's default size, the first window fits the screen:
at 1280×800 on a 1280×800 screen the title bar pushed the status bar off the bottom."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_first_window_fits_a_small_screen(tmp_path):
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                               "1280x800x24", "-nolisten", "tcp"], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        code = (
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from gui import MainWindow\n"
            "w = MainWindow()\n"
            "print(w.screen().availableGeometry().height(), w.height())\n"
        )
        env = dict(os.environ, DISPLAY=f":{number}", XDG_CONFIG_HOME=str(tmp_path))
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                             text=True, timeout=60, env=env)
        assert out.returncode == 0, out.stderr
        screen, height = (int(v) for v in out.stdout.split())
        assert screen == 800
        assert height <= screen - 64
    finally:
        server.terminate()
        server.wait(10)

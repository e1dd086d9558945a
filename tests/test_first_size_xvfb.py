"""On a screen no taller than the window's default size, the first window fits the screen:
at 1280×800 on a 1280×800 screen the title bar pushed the status bar off the bottom."""

import os
import subprocess
import sys
from pathlib import Path

from xvfb_server import xvfb_server

ROOT = Path(__file__).resolve().parent.parent


def test_the_first_window_fits_a_small_screen(tmp_path):
    with xvfb_server("1280x800x24") as display:
        code = (
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from gui import MainWindow\n"
            "w = MainWindow()\n"
            "print(w.screen().availableGeometry().height(), w.height())\n"
        )
        env = dict(os.environ, DISPLAY=display, XDG_CONFIG_HOME=str(tmp_path))
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                             text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    screen, height = (int(v) for v in out.stdout.split())
    assert screen == 800
    assert height <= screen - 64

"""The window appears before torch has loaded: building it must not import torch."""

import os
import subprocess
import sys
from pathlib import Path

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
        "from gui import torch_loader\n"
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
        "import gui.app, gui.torch_loader\n"
        "painted = []\n"
        "class Paints(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint and obj.isWindow():\n"
        "            painted.append(obj)\n"
        "        return False\n"
        "paints = Paints()\n"
        "app.installEventFilter(paints)\n"
        "real = gui.torch_loader.preload\n"
        "def preload():\n"
        "    if not painted or 'torch' in sys.modules:\n"
        "        print('the import began before the first frame', file=sys.stderr)\n"
        "        os._exit(3)  # an exception in a Qt slot would only be printed\n"
        "    return real()\n"
        "gui.app.preload = preload\n"
        "assert gui.app.run_app(['main.py']) == 0\n"
        "assert 'torch' in sys.modules\n"
    )
    run_fresh(code)

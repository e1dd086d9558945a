"""Start-up and command-line wall times, each against `python -c "import torch"` in the
same run: the end of the window's first frame, its first numbers, and `main.py compute`
and `export`."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def window_startup() -> tuple[float, float]:
    """Seconds from launching `python main.py` to the end of its first frame and to its first
    numbers on screen."""
    env = _env()
    with tempfile.TemporaryDirectory() as home:
        env["XDG_CONFIG_HOME"] = home  # a fresh user: no remembered state
        env["LOSS_LENS_STARTUP_PROBE"] = repr(time.time())
        out = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    marks = dict(line.split() for line in out.stdout.splitlines() if line.split()[0] in
                 ("shown", "numbers"))
    return float(marks["shown"]), float(marks["numbers"])


def wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, env=_env(), capture_output=True,
                   check=True, timeout=120)
    return time.perf_counter() - start


def import_torch() -> float:
    return wall(["-c", "import torch"])


def cli_compute() -> float:
    return wall(["main.py", "compute", "--logits", "2,1,0.1", "--target", "0"])


def cli_export() -> float:
    with tempfile.TemporaryDirectory() as folder:
        return wall(["main.py", "export", str(Path(folder) / "fig.png"), "--logits",
                     "2,1,0.1", "--target", "0"])

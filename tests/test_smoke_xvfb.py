"""`python main.py` as a real process on a real (virtual) X screen: it shows, and quits cleanly."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from xvfb_server import xvfb_server

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None,
                                reason="Xvfb is not installed (make test installs it as root)")


@pytest.fixture
def xvfb_display():
    with xvfb_server("1400x900x24") as display:
        yield display


@pytest.mark.parametrize("settle", [1.0, 0.0], ids=["after-start-up", "while-torch-loads"])
def test_app_shows_a_window_and_quits_cleanly(xvfb_display, tmp_path, settle):
    env = x_env(xvfb_display, tmp_path)
    app = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        shot = tmp_path / "screen.png"
        grab = subprocess.run([sys.executable, str(ROOT / "tests" / "screen_grab.py"),
                               str(shot), "60"], env=env, capture_output=True, text=True,
                              timeout=90)
        assert app.poll() is None, app.stderr.read()
        assert grab.returncode == 0, grab.stderr
        assert shot.stat().st_size > 10_000
        time.sleep(settle)
        app.send_signal(signal.SIGTERM)
        _, stderr = app.communicate(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, f"exit status {app.returncode}: {stderr}"
    assert "Traceback" not in stderr
    keep = os.environ.get("LOSS_LENS_SMOKE_SHOT")
    if keep:
        shutil.copy(shot, keep)


def test_3d_surface_renders_with_opengl(xvfb_display, tmp_path):
    env = x_env(xvfb_display, tmp_path)
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "gl_surface_probe.py")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    if out.returncode == 3:
        pytest.skip(f"no OpenGL on this X server: {out.stdout.strip()}")
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip().splitlines()[-1]) > 20  # a coloured surface, not a blank


def x_env(display: str, tmp_path: Path) -> dict[str, str]:
    """The environment of an app process on `display`, with its own empty settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path))
    return env


@pytest.fixture
def window_manager(xvfb_display, tmp_path):
    """openbox on the Xvfb display: window placement as a real desktop does it."""
    if shutil.which("openbox") is None:
        pytest.skip("openbox is not installed (apt-get install openbox)")
    env = x_env(xvfb_display, tmp_path)
    wm = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # openbox takes the screen over before any window maps
    if wm.poll() is not None:
        pytest.skip("openbox did not start")
    yield env
    wm.terminate()
    wm.wait(10)


# Places the window partly off the 1400×900 screen, switches the theme from inside the event
# loop as the menu does, and prints both windows' frame geometry once the WM has placed them.
SWITCH_PLACEMENT = """
import json, sys
from PySide6.QtCore import QEventLoop, QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from gui.look.plot_style import configure_pyqtgraph
configure_pyqtgraph()
from gui import MainWindow
from gui.shell.app import follow_replacements

def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

def settle(condition, limit=100):
    for _ in range(limit):
        if condition():
            return
        spin(50)

current = follow_replacements(MainWindow())
current().show()
settle(lambda: current().result() is not None)
current().resize(QSize(1100, 700))
current().move(QPoint(700, 300))
settle(lambda: current().frameGeometry().topLeft() == QPoint(700, 300))
spin(300)
old = current()
before = old.frameGeometry().getRect()
action = next(a for a in old.choice_menus["theme"].actions() if a.data() == "dark")
QTimer.singleShot(0, action.trigger)
settle(lambda: current() is not old and current().result() is not None)
spin(500)
print(json.dumps({"before": before, "after": current().frameGeometry().getRect()}))
current().close()
"""


def test_a_switch_keeps_the_window_in_place_under_a_window_manager(window_manager):
    out = subprocess.run([sys.executable, "-c", SWITCH_PLACEMENT], cwd=ROOT, env=window_manager,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    placed = json.loads(out.stdout.strip().splitlines()[-1])
    assert placed["before"][:2] == [700, 300]
    assert placed["after"] == placed["before"]


# Turns 3-D on through View ▸ 3-D surface, then walks every preset (the huge logits twice,
# around a tiny range: the old grid kept the tiny spacing and then asked for 3·10¹⁰ lines)
# and prints, per step, any exception and the colours the 3-D framebuffer shows.
WALK_3D = """
import json, sys, traceback
from dataclasses import replace
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from gui.look.gl_support import opengl_unavailable_reason
from gui.look.plot_style import configure_pyqtgraph
configure_pyqtgraph()
if opengl_unavailable_reason():
    print(opengl_unavailable_reason())
    sys.exit(3)
errors = []
sys.excepthook = lambda kind, value, tb: errors.append(
    "".join(traceback.format_exception(kind, value, tb)))
from core.state import min_range_span
from gui import MainWindow

def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

window = MainWindow()
window.resize(1280, 800)
window.show()
while window.result() is None:
    spin(50)
window.gl_action.trigger()
spin(200)
view = window.surface_view

def shown(name):
    window.show_view("surface")
    spin(300)
    image = view.view_3d.grabFramebuffer()
    colours = len({image.pixel(x, y) for x in range(0, image.width(), 5)
                   for y in range(0, image.height(), 5)})
    return {"step": name, "errors": len(errors), "colours": colours,
            "shown": window.result().state == window.state()}

steps = [{"checked": view.toggle_3d.isChecked() and view.stack.currentWidget() is view.view_3d}]
huge = next(a for a in window.files.preset_actions if "1000" in a.text())
for action in [*window.files.preset_actions, huge]:
    action.trigger()
    steps.append(shown(action.text()))
s = window.state()
low = s.logits[s.surface.axes[0]]
tiny = (low, low + 1.5 * min_range_span(low, low))
window.set_state(replace(s, surface=replace(s.surface, range=tiny)))
steps.append(shown(f"range {tiny}"))
huge.trigger()
steps.append(shown(huge.text()))
print(json.dumps({"steps": steps, "errors": errors}))
window.close()
"""


def test_3d_view_walks_every_preset_and_a_tiny_range(xvfb_display, tmp_path):
    out = subprocess.run([sys.executable, "-c", WALK_3D], cwd=ROOT,
                         env=x_env(xvfb_display, tmp_path), capture_output=True, text=True,
                         timeout=180)
    if out.returncode == 3:
        pytest.skip(f"no OpenGL on this X server: {out.stdout.strip()}")
    assert out.returncode == 0, out.stderr
    walk = json.loads(out.stdout.strip().splitlines()[-1])
    assert not walk["errors"], walk["errors"][0]
    first, *steps = walk["steps"]
    assert first["checked"], "View ▸ 3-D surface did not show the 3-D view"
    assert len(steps) >= 8
    for step in steps:
        assert step["shown"], step
        assert step["colours"] > 20, step  # a coloured surface, not a blank or a sliver

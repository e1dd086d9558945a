"""`python main.py` as a real process on a real (virtual) X screen: it shows, and quits cleanly."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None,
                                reason="Xvfb is not installed (make test installs it as root)")


@pytest.fixture
def xvfb_display():
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                               "1400x900x24", "-nolisten", "tcp"], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)


@pytest.mark.parametrize("settle", [1.0, 0.0], ids=["after-start-up", "while-torch-loads"])
def test_app_shows_a_window_and_quits_cleanly(xvfb_display, tmp_path, settle):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path))
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
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "gl_surface_probe.py")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    if out.returncode == 3:
        pytest.skip(f"no OpenGL on this X server: {out.stdout.strip()}")
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip().splitlines()[-1]) > 20  # a coloured surface, not a blank

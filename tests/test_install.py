"""The wheel installs a working Loss Lens: built from the checkout's files, installed into
a fresh virtual environment, and run from another folder as `loss-lens`. The
dependencies (torch, Qt) come from the project's venv through a path file, so the test
stays offline and fast; the app's own code and resources come only from the wheel."""

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(args, cwd, env=None, timeout=120):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv's bin folder, a working folder outside the checkout)."""
    tmp = tmp_path_factory.mktemp("install")
    source = tmp / "source"
    files = _run(["git", "ls-files", "-z"], ROOT).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    assert not list(source.rglob("*.qm")), "the wheel must compile its own translations"
    # source distribution first, then the wheel from it: what `python -m build` and
    # `pip install loss_lens-*.tar.gz` do (the sdist must carry what the build needs)
    sdist = _run([sys.executable, "-c", "from setuptools import build_meta as b; "
                  f"print(b.build_sdist({str(tmp / 'sdist')!r}))"], source, timeout=300)
    assert sdist.returncode == 0, sdist.stderr[-2000:]
    tarball = tmp / "sdist" / sdist.stdout.strip().splitlines()[-1]
    built = _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                  "--no-build-isolation", "-w", str(tmp / "dist"), str(tarball)], tmp, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp / "dist").glob("loss_lens-*.whl")

    venv = tmp / "venv"
    made = _run([sys.executable, "-m", "venv", str(venv)], tmp, timeout=300)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     tmp).stdout.strip())
    # torch, PySide6, pyqtgraph… from the project's venv; a plain path line, so its
    # editable install of Loss Lens (a .pth hook there) is not activated
    (site / "project_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                 str(wheel)], tmp, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return venv / "bin", elsewhere


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LOSS_LENS_DEBUG")}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_the_code_and_resources_come_from_the_wheel(installed):
    bin_dir, elsewhere = installed
    out = _run([str(bin_dir / "python"), "-c",
                "import core, gui, core.resources as r; "
                "print(core.__file__); print(gui.__file__); print(r.RESOURCES)"],
               elsewhere, _env())
    assert out.returncode == 0, out.stderr
    for line in out.stdout.split():
        assert str(bin_dir.parent) in line and str(ROOT) not in line


def test_compute_a_preset_from_any_folder(installed):
    bin_dir, elsewhere = installed
    out = _run([str(bin_dir / "loss-lens"), "compute", "--preset", "softmax"], elsewhere, _env())
    assert out.returncode == 0, out.stderr
    assert "0.659001" in out.stdout  # p_0 of the note's logits [2, 1, 0.1]


def test_export_in_chinese_uses_the_compiled_translations(installed):
    bin_dir, elsewhere = installed
    out = _run([str(bin_dir / "loss-lens"), "export", "fig.png", "--view", "softmax",
                "--lang", "zh_CN"], elsewhere, _env())
    assert out.returncode == 0, out.stderr
    assert (elsewhere / "fig.png").stat().st_size > 10_000
    qm = _run([str(bin_dir / "python"), "-c",
               "from gui.look.language import qm_path; "
               "print(qm_path('zh_CN').stat().st_size)"], elsewhere, _env())
    assert qm.returncode == 0 and int(qm.stdout) > 10_000, qm.stderr


def test_the_window_opens_and_shows_numbers(installed):
    bin_dir, elsewhere = installed
    out = _run([str(bin_dir / "loss-lens")], elsewhere,
               _env(LOSS_LENS_STARTUP_PROBE="0", XDG_CONFIG_HOME=str(elsewhere / "config")))
    assert out.returncode == 0, out.stderr
    assert "numbers" in out.stdout


def test_bad_input_is_one_line_not_a_traceback(installed):
    bin_dir, elsewhere = installed
    out = _run([str(bin_dir / "loss-lens"), "compute", "--preset", "nope"], elsewhere, _env())
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_install_desktop_writes_an_entry_that_runs_this_command(installed):
    bin_dir, elsewhere = installed
    data = elsewhere / "data"
    out = _run([str(bin_dir / "loss-lens"), "install-desktop"], elsewhere,
               _env(XDG_DATA_HOME=str(data)))
    assert out.returncode == 0, out.stderr
    entry = (data / "applications" / "loss-lens.desktop").read_text()
    assert f"Exec={bin_dir / 'loss-lens'}\n" in entry
    assert "Icon=loss-lens" in entry
    assert (data / "icons/hicolor/scalable/apps/loss-lens.svg").read_text().startswith("<svg")

"""Themes, the CJK font warning, language and theme on the command line, and high DPI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase, QImage, QPalette

from gui.look import theme
from gui.look.language import LanguageError, install_language, missing_font
from gui.shell import dialogs
from tests.test_gui_files import image_array

ROOT = Path(__file__).resolve().parent.parent


def luminance(colour) -> float:
    return 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()


@pytest.fixture
def dark_window(switched):
    return switched(theme_name="dark")


def test_dark_theme_reaches_widgets_plots_and_exports(dark_window, qtbot, tmp_path):
    qtbot.waitUntil(lambda: dark_window.result() is not None)
    palette = dark_window.palette()
    assert luminance(palette.color(QPalette.ColorRole.Window)) < 0.25
    assert luminance(palette.color(QPalette.ColorRole.WindowText)) > 0.75
    plot = dark_window.softmax_view.plot_widget
    assert luminance(plot.backgroundBrush().color()) < 0.25
    axis = dark_window.softmax_view.plot.getAxis("left")
    assert luminance(axis.pen().color()) > 0.6  # the axes are drawn in light ink
    settings = QSettings(dark_window.settings.fileName(), QSettings.Format.IniFormat)
    assert settings.value("ui/theme") == "dark"
    # the export is what the screen shows: a dark picture
    out = tmp_path / "dark.png"
    assert dark_window.files.export(out, "softmax")
    pixels = image_array(out)[..., :3].astype(float)
    assert pixels.mean() < 100


def test_diverging_map_keeps_white_at_zero_and_cell_text_readable(dark_window, qtbot):
    """In both themes 0 is white in the Jacobian and every cell's text contrasts with it."""
    qtbot.waitUntil(lambda: dark_window.result() is not None)
    view = dark_window.jacobian_view
    lut = view.colorbar.colorMap().getLookupTable(nPts=257, alpha=False)
    assert tuple(lut[128]) == (255, 255, 255)
    labels = view.cell_labels
    levels = view.levels
    jac = dark_window.result().classifier.jacobian.formula.ravel()
    for value, colour in zip(jac, labels._colors, strict=True):
        cell = view.colorbar.colorMap().map((value - levels[0]) / (levels[1] - levels[0]), "qcolor")
        assert abs(luminance(colour) - luminance(cell)) > 0.4, (value, colour.name())


def test_system_theme_follows_the_platform(monkeypatch):
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert theme.resolve("system") == "dark"
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert theme.resolve("system") == "light"
    with pytest.raises(theme.ThemeError, match="unknown theme 'sepia'"):
        theme.resolve("sepia")


def test_missing_chinese_font_warns_when_switching(window, monkeypatch):
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *args: []))
    assert "fonts-wqy-microhei" in missing_font("zh_CN")
    assert missing_font("en") == ""
    warnings = []
    monkeypatch.setattr(dialogs, "warn_once", lambda parent, text: warnings.append(text))
    zh = window.switch_appearance(language="zh_CN")
    try:
        assert len(warnings) == 1 and "fonts-wqy-microhei" in warnings[0]
    finally:
        install_language("en")
        zh.close()


def test_a_warning_is_shown_once_per_run(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs.QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(dialogs, "_warned", set())
    for _ in range(3):
        dialogs.warn_once(None, "no font for Chinese")
    dialogs.warn_once(None, "another problem")
    assert shown == ["no font for Chinese", "another problem"]


def test_an_installed_chinese_font_draws_the_glyphs():
    """The set-up installs fonts-wqy-microhei: Chinese must not fall back to boxes."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert families, "no font for Chinese: install fonts-wqy-microhei (tools/system_deps.sh)"


def test_unknown_language_is_refused():
    with pytest.raises(LanguageError, match="unknown language 'fr'"):
        install_language("fr")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_export_in_chinese_and_dark(tmp_path):
    en, zh, dark = tmp_path / "en.png", tmp_path / "zh.png", tmp_path / "dark.png"
    for out, extra in ((en, []), (zh, ["--lang", "zh_CN"]), (dark, ["--theme", "dark"])):
        run = run_cli("export", str(out), "--view", "softmax", "--preset", "softmax", *extra)
        assert run.returncode == 0, run.stderr
        assert "warning" not in run.stderr
    a, b, c = (image_array(p)[..., :3].astype(float) for p in (en, zh, dark))
    assert a.shape == b.shape == c.shape
    assert np.abs(a - b).mean() > 0.5  # the titles and labels changed...
    assert c.mean() < a.mean() - 80     # ...and dark is dark


def test_cli_refuses_unknown_language_and_theme(tmp_path):
    for flag, value in (("--lang", "fr"), ("--theme", "sepia")):
        run = run_cli("export", str(tmp_path / "x.png"), flag, value)
        assert run.returncode == 2
        assert value in run.stderr and "Traceback" not in run.stderr
        assert not (tmp_path / "x.png").exists()


HIGH_DPI_PROBE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_SCALE_FACTOR"] = sys.argv[1]
import torch  # noqa: F401
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.look.plot_style import configure_pyqtgraph
configure_pyqtgraph()
from gui.shell.main_window import MainWindow
w = MainWindow(settings=QSettings(sys.argv[3], QSettings.Format.IniFormat))
w.resize(1280, 800)
w.show()
while w.result() is None:
    app.processEvents()
for _ in range(10):
    app.processEvents()
shot = w.grab()
print(shot.devicePixelRatio(), w.width(), w.height())
shot.save(sys.argv[2])
"""


@pytest.mark.parametrize("scale", [1, 2])
def test_window_at_scale_factor(tmp_path, scale):
    """At a scale factor of 2 the window keeps its layout and draws twice the pixels."""
    out = tmp_path / f"window@{scale}.png"
    run = subprocess.run([sys.executable, "-c", HIGH_DPI_PROBE, str(scale), str(out),
                          str(tmp_path / "s.ini")], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    ratio, width, height = run.stdout.split()
    assert float(ratio) == scale and (int(width), int(height)) == (1280, 800)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280 * scale, 800 * scale)
    pixels = image_array(image)
    assert len(np.unique(pixels[::7, ::7].reshape(-1, 4), axis=0)) > 50

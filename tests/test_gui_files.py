"""Export, state files, presets and remembered settings: nothing is ever lost."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from core import State, Surface
from core.resources import presets
from core.state_file import read_state, write_state
from gui.shell import dialogs
from gui.shell.dialogs import ExportRequest

ROOT = Path(__file__).resolve().parent.parent


def image_array(path_or_image) -> np.ndarray:
    image = QImage(str(path_or_image)) if not isinstance(path_or_image, QImage) else path_or_image
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    buffer = image.constBits()
    return np.frombuffer(buffer, np.uint8).reshape(image.height(), image.bytesPerLine() // 4,
                                                    4)[:, :image.width()].copy()


def not_blank(pixels: np.ndarray) -> bool:
    return len(np.unique(pixels[::5, ::5].reshape(-1, 4), axis=0)) > 20


@pytest.mark.parametrize("scale", [1, 2])
def test_png_export_sizes_and_content(window, tmp_path, scale):
    window.resize(1280, 800)
    QApplication.processEvents()
    path = tmp_path / f"all@{scale}.png"
    assert window.files.export(path, "all", scale)
    pixels = image_array(path)
    assert pixels.shape[:2] == (800 * scale, 1280 * scale)
    assert not_blank(pixels)
    for view in ("softmax", "jacobian", "surface", "gradients"):
        target = window.views[view]
        out = tmp_path / f"{view}@{scale}.png"
        assert window.files.export(out, view, scale)
        shot = image_array(out)
        assert shot.shape[:2] == (target.height() * scale, target.width() * scale)
        assert not_blank(shot), view


def test_svg_is_vector_and_parses(window, tmp_path):
    path = tmp_path / "surface.svg"
    assert window.files.export(path, "surface")
    root = ET.parse(path).getroot()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    paths = root.findall(".//svg:path", ns) + root.findall(".//svg:polyline", ns)
    assert len(paths) > 10  # axes, ticks, contours, arrow: drawn as vector paths
    assert root.attrib["viewBox"].split()[2:] == [str(window.surface_view.width()),
                                                  str(window.surface_view.height())]


def test_svg_axes_stay_vectors_though_cached_on_screen(window, tmp_path):
    """Axes paint from a pixmap cache on screen; an SVG must still get their text and lines."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsItem

    axes = [i for i in window.softmax_view.plot_widget.scene().items()
            if isinstance(i, pg.AxisItem) and i.isVisible()]
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert axes and all(a.cacheMode() == cached for a in axes)
    path = tmp_path / "softmax.svg"
    assert window.files.export(path, "softmax")
    root = ET.parse(path).getroot()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.findall(".//svg:image", ns) == []  # bars, axes, labels: no raster at all
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "0.5" in texts and "class i" in texts
    assert all(a.cacheMode() == cached for a in axes)  # and the cache is back afterwards


def test_export_dialog_request_is_honoured(window, tmp_path, monkeypatch):
    out = tmp_path / "from-dialog.png"
    monkeypatch.setattr(dialogs, "ask_export",
                        lambda parent, views, suggested, current="all", save=None, **dialog:
                        save(ExportRequest(out, "jacobian", 3)))
    assert ("jacobian", "Jacobian") in window.export_choices()
    window.files.export_action.trigger()
    assert QImage(str(out)).width() == window.jacobian_view.width() * 3


def test_unwritable_path_gives_a_message_and_leaves_nothing(window, tmp_path, no_dialogs,
                                                            monkeypatch):
    messages = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: messages.append(text))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    before = window.state()
    assert not window.files.export(blocker / "fig.png", "all", 1)
    assert len(messages) == 1 and "cannot write" in messages[0]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "settings") == ["a-file"]
    assert window.state() == before


def test_failed_write_keeps_an_existing_figure(window, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "error", lambda *a: None)
    path = tmp_path / "fig.png"
    path.write_bytes(b"old picture")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert not window.files.export(path, "all", 1)
    assert path.read_bytes() == b"old picture"
    assert [p.name for p in tmp_path.iterdir() if p.name != "settings"] == ["fig.png"]


def test_copy_image_to_clipboard(window):
    window.files.copy_action.trigger()
    image = QGuiApplication.clipboard().image()
    assert image.width() >= window.width() and not image.isNull()


def test_numbers_export_json_and_csv(window, tmp_path):
    shown = State(logits=(2.0, 1.0, 0.1), target=0)
    window.set_state(shown)
    QApplication.processEvents()
    assert window.files.export_numbers(str(tmp_path / "n.json"), "json")
    assert window.files.export_numbers(str(tmp_path / "n.csv"), "csv")
    import json
    data = json.loads((tmp_path / "n.json").read_text())
    assert data["loss"]["cross_entropy"] == pytest.approx(0.417030, abs=5e-7)
    lines = (tmp_path / "n.csv").read_text().splitlines()
    assert len(lines) == 4 and lines[0].startswith("i,a_i,p_i")


def test_state_round_trip_through_a_file(window, tmp_path):
    s = State(logits=(0.5, -2.0, 3.0, 1.0), target=(0.1, 0.2, 0.3, 0.4), temperature=0.3,
              loss="mse", surface=Surface(axes=(2, 3)))
    window.set_state(s)
    QApplication.processEvents()
    path = tmp_path / "saved.json"
    assert window.files.save_file(str(path))
    window.set_state(State())
    QApplication.processEvents()
    assert window.files.open_file(str(path))
    QApplication.processEvents()
    assert window.state() == s and read_state(path) == s
    assert window.result().state == s
    actions = window.files.recent_menu.actions()
    assert actions and actions[0].toolTip() == str(path.resolve())


BAD_FILES = {
    "truncated": b'{"logits": [2, 1, 0.',
    "wrong type": b'{"logits": "2,1"}',
    "nan": b'{"logits": [NaN, 1]}',
    "huge": b'{"logits": [' + b"1," * 400000 + b"1]}",
    "unknown key": b'{"logits": [1, 2], "run": "rm -rf /"}',
    "not json": b"\x89PNG\r\n\x1a\n",
    "empty": b"",
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_state_file_gives_a_message_and_keeps_the_state(window, tmp_path, monkeypatch,
                                                            name):
    messages = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: messages.append(text))
    current = State(logits=(1.0, 2.0, 3.0), target=2)
    window.set_state(current)
    QApplication.processEvents()
    undo_depth = window.store.undo_stack.count()
    path = tmp_path / f"{name}.json"
    path.write_bytes(BAD_FILES[name])
    assert not window.files.open_file(str(path))
    QApplication.processEvents()
    assert len(messages) == 1 and str(path) in messages[0] and "\n" not in messages[0]
    assert window.state() == current
    assert window.store.undo_stack.count() == undo_depth


def test_dropping_a_json_file_opens_it(window, tmp_path):
    s = State(logits=(4.0, 0.0), target=1)
    path = tmp_path / "dropped.json"
    write_state(path, s)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    QApplication.processEvents()
    assert window.state() == s


def test_presets_menu_in_the_notes_order(window):
    names = [a.text() for a in window.files.presets_menu.actions()]
    assert names[:2] == ["softmax [2, 1, 0.1]", "MSE x=1, w=2"]
    window.files.preset_actions[4].trigger()  # low temperature
    QApplication.processEvents()
    assert window.state() == presets()[4].load()
    assert window.state().temperature == 0.1


def test_last_state_and_geometry_come_back(qtbot, isolated_settings, no_dialogs):
    from gui import MainWindow

    first = MainWindow(settings=isolated_settings)
    qtbot.addWidget(first)
    s = State(logits=(0.0, 5.0, 1.0), target=1, temperature=2.0)
    first.set_state(s)
    QApplication.processEvents()
    first.resize(760, 560)  # within the offscreen screen (800×600), which restore clamps to
    first.close()
    second = MainWindow(settings=isolated_settings, restore=True)
    qtbot.addWidget(second)
    assert second.state() == s
    assert (second.width(), second.height()) == (760, 560)
    fresh = MainWindow(settings=isolated_settings)  # without restore: the default
    qtbot.addWidget(fresh)
    assert fresh.state() == State()


def test_broken_saved_state_is_ignored(qtbot, isolated_settings, no_dialogs):
    from gui import MainWindow

    isolated_settings.setValue("state/last", '{"logits": [1]}')
    win = MainWindow(settings=isolated_settings, restore=True)
    qtbot.addWidget(win)
    assert win.state() == State()


# ---------------------------------------------------------------- the command line
def cli(*args, env=None):
    full_env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                                 "QT_QPA_PLATFORM")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=full_env)


def test_cli_export_without_a_display_equals_the_window_export(window, tmp_path):
    out = tmp_path / "cli.png"
    run = cli("export", str(out), "--logits", "2,1,0.1", "--target", "0", "--size", "1280x800")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(out)
    assert run.stderr == ""
    window.set_state(State(logits=(2.0, 1.0, 0.1), target=0))
    window.resize(1280, 800)
    QApplication.processEvents()
    assert window.files.export(tmp_path / "gui.png", "all", 1)
    a, b = image_array(out).astype(int), image_array(tmp_path / "gui.png").astype(int)
    assert a.shape == b.shape == (800, 1280, 4)
    differing = np.mean(np.abs(a - b).max(axis=2) > 40)
    assert differing < 0.01, f"{differing:.2%} of pixels differ"


def test_cli_export_one_view_svg_and_scale(tmp_path):
    svg = tmp_path / "j.svg"
    run = cli("export", str(svg), "--preset", "softmax", "--view", "jacobian")
    assert run.returncode == 0, run.stderr
    ET.parse(svg)
    png = tmp_path / "s.png"
    run = cli("export", str(png), "--view", "surface", "--size", "400x300", "--scale", "2")
    assert run.returncode == 0, run.stderr
    assert (QImage(str(png)).width(), QImage(str(png)).height()) == (800, 600)


@pytest.mark.parametrize(("args", "message"), [
    (["fig.gif"], "unknown picture format 'gif'"),
    (["{blocked}/fig.png"], "cannot write"),
    (["fig.png", "--view", "everything"], "invalid choice: 'everything'"),
    (["fig.png", "--size", "big"], "expected WIDTHxHEIGHT"),
    (["fig.png", "--scale", "0"], "the scale must be from 0.25 to 8"),
    (["fig.png", "--preset", "nope"], "no preset 'nope'"),
    (["fig.png", "--logits", "1,x"], "--logits: 'x' is not a number"),
])
def test_cli_export_bad_input(tmp_path, args, message):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file, not a folder")
    args = [a.replace("{blocked}", str(blocker)) for a in args]
    args[0] = str(tmp_path / args[0]) if not args[0].startswith("/") else args[0]
    run = cli("export", *args)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]

"""What a new user's second trial found in figure export and animation, each through the
real dialogs and menus: names that never replace an earlier figure (and a question before
replacing one), Copy that copies the figure Save writes, the Softmax heading in
whole-window SVG and PDF, transparent readouts, the animation dialog's names and memory."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from core.state import State
from gui.items.readout_label import ReadoutLabel
from gui.shell import dialogs
from gui.shell.animation_dialog import AnimationDialog
from gui.shell.dialogs import ExportDialog
from gui.shell.figure_export import export_widget
from gui.shell.figure_mode import figure_background
from gui.shell.headless_export import export_figure, offscreen_view
from tests.modal_dialogs import run_in_modal
from tests.test_figure_exports import pixels, rasterise

REAL = dict(vars(dialogs))  # before no_dialogs patches the module
SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def real_dialogs(window, monkeypatch, isolated_settings, tmp_path):
    """The window with the real export and animation dialogs and the real question before
    replacing a file; figures go to tmp_path."""
    for name in ("ask_export", "ExportDialog", "ExportRequest", "ask_animation",
                 "replace_file"):
        monkeypatch.setattr(dialogs, name, REAL[name])
    window.settings.setValue("export/folder", str(tmp_path))
    return window


def answer(button):
    """Press `button` of the next question box, once it shows."""
    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        QTest.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, act)


def choose(combo, data):
    """Pick an item with the keyboard: up to the first, then down to it."""
    combo.setFocus()
    for _ in range(combo.currentIndex()):
        QTest.keyClick(combo, Qt.Key.Key_Up)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def type_into(entry, text):
    entry.selectAll()
    QTest.keyClicks(entry, str(text))


def test_names_follow_the_view_and_replacing_asks_first(real_dialogs, tmp_path):
    window = real_dialogs
    earlier = tmp_path / "loss-lens-jacobian.pdf"
    earlier.write_bytes(b"an earlier figure")

    def steps(dialog):
        seen = {"all": (dialog.path.text(), dialog.width_box.value(),
                        dialog.height_box.value())}
        choose(dialog.view, "jacobian")
        choose(dialog.format, "pdf")
        seen["jacobian"] = dialog.path.text()  # not the earlier figure's name
        choose(dialog.view, "surface")
        seen["surface"] = (dialog.path.text(), dialog.width_box.value(),
                           dialog.height_box.value())
        choose(dialog.view, "jacobian")
        type_into(dialog.path, earlier)  # the user picks the earlier file itself
        answer(QMessageBox.StandardButton.No)
        QTest.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
        seen["kept"] = (dialog.isVisible(), earlier.read_bytes())
        answer(QMessageBox.StandardButton.Yes)
        QTest.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
        return seen

    seen = run_in_modal(ExportDialog, window.files.export_action.trigger, steps)
    result = seen["result"]
    assert result["all"] == (str(tmp_path / "loss-lens-window.png"), 1280, 800)
    assert result["jacobian"] == str(tmp_path / "loss-lens-jacobian-2.pdf")
    # "Lay out at" starts at the chosen view's own export size (gui/registry.py)
    assert result["surface"] == (str(tmp_path / "loss-lens-surface.pdf"), 620, 600)
    assert result["kept"] == (True, b"an earlier figure")  # No: nothing written, still open
    assert not seen["open"] and earlier.read_bytes().startswith(b"%PDF")


def test_a_missing_folder_is_said_to_be_missing(real_dialogs, tmp_path):
    def steps(dialog):
        type_into(dialog.path, tmp_path / "gone" / "x.png")
        QTest.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
        return dialog.message.text()

    said = run_in_modal(ExportDialog, real_dialogs.files.export_action.trigger, steps)
    assert "does not exist" in said["result"] and "writable" not in said["result"]


def test_dialog_copy_is_the_figure_save_writes(real_dialogs, tmp_path):
    window = real_dialogs
    QGuiApplication.clipboard().clear()

    def steps(dialog):
        choose(dialog.view, "surface")
        choose(dialog.scale, 2)
        QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        copied = QGuiApplication.clipboard().image()
        return copied

    copied = run_in_modal(ExportDialog, window.files.export_action.trigger, steps)["result"]
    saved = tmp_path / "surface.png"
    with window.showing("surface") as target:
        export_widget(target, saved, 2)
        size = (target.width() * 2, target.height() * 2)
        shown = target.grab().toImage()
    png = QImage(str(saved))
    assert (copied.width(), copied.height()) == size == (png.width(), png.height())
    assert copied.convertToFormat(png.format()) == png  # the same picture, hints left out
    corner = copied.pixelColor(2, 2)
    assert corner.rgb() == figure_background().rgb() != shown.pixelColor(2, 2).rgb()
    message = window.statusBar().currentMessage()
    assert message.startswith("Copied a picture of “Loss surface”") and \
        f"{size[0]} × {size[1]} pixels" in message


def test_plot_menu_copy_is_a_figure_at_the_remembered_scale(window, isolated_settings,
                                                            tmp_path):
    window.settings.setValue("export/scale", 2)
    QGuiApplication.clipboard().clear()
    window.surface_view.plot_widget.scene().contextMenu[1].trigger()
    copied = QGuiApplication.clipboard().image()
    with window.showing("surface") as target:
        export_widget(target, tmp_path / "s.png", 2)
    png = QImage(str(tmp_path / "s.png"))
    assert copied.convertToFormat(png.format()) == png
    assert window.statusBar().currentMessage().startswith("Copied a picture of")


@pytest.mark.skipif(not all(shutil.which(t) for t in ("rsvg-convert", "pdftoppm",
                                                        "pdftotext")),
                    reason="needs librsvg's rsvg-convert and poppler-utils")
@pytest.mark.parametrize("size", [(960, 540), (1024, 680)])
def test_whole_window_svg_and_pdf_show_the_softmax_heading(qapp, tmp_path, size):
    """Fusion's selected tab fills a strip below the tab bar; a vector engine did not cut
    it to the tab bar, and it covered "Softmax p = …" in SVG and PDF, not in PNG."""
    paths = {kind: export_figure(State(), tmp_path / f"w.{kind}", size=size)
             for kind in ("png", "svg", "pdf")}
    with offscreen_view(State(), "all", size) as shown:
        title = shown.window.softmax_view.title
        corner = title.mapTo(shown.window, QPoint(0, 0))
        box = np.s_[corner.y():corner.y() + title.height(),
                    corner.x():corner.x() + min(title.width(), 200)]
    text = subprocess.run(["pdftotext", str(paths["pdf"]), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "Softmax p = softmax" in text
    png = pixels(paths["png"])
    ink = (png[box].max(axis=2) < 128).mean()  # dark text in the heading
    assert ink > 0.05
    for kind in ("svg", "pdf"):
        drawn = rasterise(paths[kind], kind, *size)[box]
        # covered, a quarter to a third of the heading was the strip's white (251) and
        # half its ink was gone; the window's grey is 239 (glyphs differ by a pixel or two
        # between renderers, so the pictures are compared by their white and ink)
        assert (drawn.min(axis=2) >= 250).mean() < 0.02, kind
        assert (drawn.max(axis=2) < 128).mean() > 0.8 * ink, kind


def test_transparent_export_leaves_readouts_see_through(qapp, tmp_path):
    with offscreen_view(State(), "softmax") as shown:
        readouts = [r for r in shown.target.findChildren(ReadoutLabel)
                    if r.isVisible() and r.text()]
        boxes = [(r.mapTo(shown.target, QPoint(0, 0)), r.width(), r.height())
                 for r in readouts]
        export_widget(shown.target, tmp_path / "t.png", 1, transparent=True)
        assert all(r.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
                   for r in readouts)  # back as it was
    image = QImage(str(tmp_path / "t.png"))
    assert boxes
    for corner, width, height in boxes:
        alphas = np.array([[image.pixelColor(corner.x() + x, corner.y() + y).alpha()
                            for x in range(0, width, 3)] for y in range(height)])
        assert (alphas == 0).mean() > 0.6  # behind the letters, nothing
        assert alphas.max() > 0  # the text itself is there


def open_animation(window, steps):
    return run_in_modal(AnimationDialog, window.files.animation_action.trigger, steps)


def test_vary_offers_named_numbers_and_the_dialog_remembers(real_dialogs, tmp_path):
    from PIL import Image

    window = real_dialogs
    out = tmp_path / "logit.gif"

    def first(dialog):
        names = [dialog.field.itemText(i) for i in range(dialog.field.count())]
        paths = [dialog.field.itemData(i) for i in range(dialog.field.count())]
        choose(dialog.view, "all")
        size = (dialog.width_box.value(), dialog.height_box.value())
        choose(dialog.view, "softmax")
        default = (dialog.width_box.value(), dialog.height_box.value())
        choose(dialog.field, "logits.1")
        type_into(dialog.start, "-1")
        type_into(dialog.end, "3")
        type_into(dialog.frames, "3")
        type_into(dialog.fps, "5")
        QTest.mouseClick(dialog.fixed_size, Qt.MouseButton.LeftButton,
                         pos=dialog.fixed_size.rect().center())
        type_into(dialog.width_box, "400")
        type_into(dialog.height_box, "300")
        type_into(dialog.path, out)
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return names, paths, size, default

    names, paths, size, default = open_animation(window, first)["result"]
    for friendly in ("Temperature T", "Label smoothing ε", "Logit a₀", "Weight w", "Bias b",
                     "Learning rate η", "Data x₀", "Data y₀"):
        assert friendly in names
    for structural in ("target", "surface.axes.0", "surface.grid", "regression.steps",
                       "regression.grid", "logits.0"):
        assert structural not in names
    assert "target" not in paths and "logits.0" in paths
    assert size == (1280, 800) and default == (800, 600)  # the chosen view's own size
    with Image.open(out) as gif:
        assert gif.n_frames == 3 and gif.size == (400, 300)

    def again(dialog):
        remembered = (dialog.view.currentData(), dialog.field_name(), dialog.start.text(),
                      dialog.end.text(), dialog.frames.value(), dialog.fps.value(),
                      dialog.fixed_size.isChecked(), dialog.width_box.value(),
                      dialog.height_box.value(), dialog.path.text())
        answer(QMessageBox.StandardButton.No)  # the same file again: asked first
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return remembered, dialog.isVisible()

    before = out.read_bytes()
    seen, still_open = open_animation(window, again)["result"]
    assert seen == ("softmax", "logits.1", "-1", "3", 3, 5, True, 400, 300, str(out))
    assert still_open and out.read_bytes() == before


def test_unusable_remembered_animation_choices_are_ignored(window, isolated_settings):
    for key, value in (("animation/view", "nonsense"), ("animation/field", "surface.grid"),
                       ("animation/frames", "99999"), ("animation/fps", "0"),
                       ("animation/file", "relative.gif"), ("animation/size", "5x5"),
                       ("animation/start", "7")):
        isolated_settings.setValue(key, value)
    dialog = AnimationDialog(window, window.state(), window.export_choices(), "all",
                             "/tmp", isolated_settings)
    try:
        assert (dialog.view.currentData(), dialog.field_name(), dialog.frames.value(),
                dialog.fps.value(), dialog.path.text()) == (
            "all", "temperature", 40, 10, "/tmp/loss-lens-animation.gif")
        assert dialog.start.text() != "7"  # a range without its field is not used
    finally:
        dialog.deleteLater()


def test_vary_names_are_chinese_in_chinese(switched):
    window = switched(language="zh_CN")
    dialog = AnimationDialog(window, window.state(), window.export_choices(), "all", "/tmp")
    try:
        names = [dialog.field.itemText(i) for i in range(dialog.field.count())]
        assert "温度 T" in names and "标签平滑 ε" in names and "学习率 η" in names
        assert dialog.field_name() == "temperature"  # main.py animate's name stays
    finally:
        dialog.deleteLater()


def test_export_figure_from_a_panels_tab_offers_that_panel(real_dialogs, qtbot):
    """Opened from the Autograd graph tab (a trial got "Whole window"), the dialog has the
    graph chosen; from the Classifier tab, the whole window."""
    window = real_dialogs
    names = list(window.lazy_panels)
    bar = window.tabs.tabBar()
    index = names.index("graph") + 1
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    QApplication.processEvents()

    def steps(dialog):
        view = dialog.view.currentData()
        dialog.reject()
        return view

    assert run_in_modal(ExportDialog, window.files.export_action.trigger, steps)["result"] \
        == "graph"
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    QApplication.processEvents()
    assert run_in_modal(ExportDialog, window.files.export_action.trigger, steps)["result"] \
        == "all"

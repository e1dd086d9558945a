"""File ▸ Export figure through its real dialog: opened by Ctrl+E, filled in with keys and
clicks, saved with its own button (the modal dialog is driven from a QTimer)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gui.shell import dialogs
from gui.shell.dialogs import ExportDialog
from tests.modal_dialogs import run_in_modal

REAL = dict(vars(dialogs))  # before no_dialogs patches the module
OWN = ("ask_export", "ExportDialog", "ExportRequest")


@pytest.fixture
def real_dialog(window, monkeypatch):
    """The window, with the real export dialog (the other dialogs still refused)."""
    for name in OWN:
        monkeypatch.setattr(dialogs, name, REAL[name])
    return window


def drive(qtbot, window, steps, open_with=None):
    """Open the export dialog (Ctrl+E, or open_with()), run steps(dialog) once it shows;
    returns what steps returned. Fails if the dialog is still open after them."""
    def ctrl_e():
        QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    return run_in_modal(ExportDialog, open_with or ctrl_e, steps)


def type_path(dialog, path):
    dialog.path.selectAll()
    QTest.keyClicks(dialog.path, str(path))


def press(dialog, which):
    QTest.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def choose(combo, data):
    """Pick an item of a combo box with the keyboard, as a user does."""
    combo.setFocus()
    while combo.currentData() != data:
        QTest.keyClick(combo, Qt.Key.Key_Down)


def test_pixel_size_transparent_png_and_choices_remembered(real_dialog, qtbot, tmp_path):
    window = real_dialog
    out = tmp_path / "soft.png"

    def fill(dialog):
        choose(dialog.view, "softmax")
        QTest.mouseClick(dialog.fixed_size, Qt.MouseButton.LeftButton,
                         pos=dialog.fixed_size.rect().center())
        for box, value in ((dialog.width_box, "640"), (dialog.height_box, "480")):
            box.selectAll()
            QTest.keyClicks(box, value)
        choose(dialog.scale, 2)
        QTest.mouseClick(dialog.transparent, Qt.MouseButton.LeftButton,
                         pos=dialog.transparent.rect().center())
        assert dialog.pixels.text() == "The PNG: 1280 × 960 pixels"
        type_path(dialog, out)
        press(dialog, QDialogButtonBox.StandardButton.Save)
        return dialog.message.text()

    seen = drive(qtbot, window, fill)
    assert seen == {"result": "", "open": False}
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 960)  # exactly the size asked, × scale
    assert image.hasAlphaChannel()
    corners = [(0, 0), (image.width() - 1, 0), (0, image.height() - 1),
               (image.width() - 1, image.height() - 1)]
    assert [image.pixelColor(x, y).alpha() for x, y in corners] == [0, 0, 0, 0]
    alphas = {image.pixelColor(x, y).alpha() for x in range(0, 1280, 7)
              for y in range(0, 960, 7)}
    assert 255 in alphas  # the bars, curves and text stay opaque
    from gui import MainWindow

    # the view was laid out in a window of its own, closed after
    assert [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()] == [window]

    # a new window with the same settings starts the dialog with the same choices

    again = MainWindow(settings=window.settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.result() is not None, timeout=10000)

    def look(dialog):
        return (dialog.view.currentData(), dialog.format.currentData(),
                dialog.scale.currentData(), dialog.transparent.isChecked(),
                dialog.fixed_size.isChecked(), dialog.width_box.value(),
                dialog.height_box.value(), Path(dialog.path.text()).parent)

    seen = drive(qtbot, again, look, open_with=again.files.export_action.trigger)
    assert seen["result"] == ("softmax", "png", 2, True, True, 640, 480, tmp_path)
    again.close()


def test_missing_folder_keeps_the_dialog_open_and_vector_formats_have_no_scale(
        real_dialog, qtbot, tmp_path):
    window = real_dialog
    missing = tmp_path / "no-such-folder" / "fig.png"
    good = tmp_path / "fig.svg"

    def fill(dialog):
        choose(dialog.view, "jacobian")
        type_path(dialog, missing)
        press(dialog, QDialogButtonBox.StandardButton.Save)
        said = (dialog.isVisible(), dialog.message.isVisible(), dialog.message.text(),
                dialog.view.currentData())
        choose(dialog.format, "svg")  # the file name follows the format
        vector = (dialog.scale.isEnabled(), dialog.transparent.isEnabled(), dialog.path.text())
        choose(dialog.format, "pdf")
        pdf = dialog.scale.isEnabled()
        type_path(dialog, good)  # typing .svg picks SVG
        typed = (dialog.format.currentData(), dialog.scale.isEnabled())
        press(dialog, QDialogButtonBox.StandardButton.Save)
        return said, vector, pdf, typed

    seen = drive(qtbot, window, fill)
    said, vector, pdf, typed = seen["result"]
    assert said[:2] == (True, True) and said[3] == "jacobian"
    assert "cannot write" in said[2] and "no-such-folder" in said[2]
    assert vector == (False, False, str(missing.with_suffix(".svg")))
    assert pdf is False and typed == ("svg", False)
    assert not seen["open"] and good.read_text().startswith("<?xml")
    assert not missing.parent.exists()


def test_bad_remembered_choices_are_ignored(window, isolated_settings):
    from gui.shell.app_settings import saved_export_choices

    for key, value in (("export/folder", "relative/x"), ("export/view", "nonsense"),
                       ("export/format", "bmp"), ("export/scale", "7"),
                       ("export/transparent", "maybe"), ("export/size", "99999x3")):
        isolated_settings.setValue(key, value)
    chosen = saved_export_choices(isolated_settings, ["all", "softmax"], str(Path.home()))
    assert (chosen.folder, chosen.view, chosen.format, chosen.scale, chosen.transparent,
            chosen.size) == (str(Path.home()), None, "png", 1, False, None)
    assert isolated_settings.value("export/scale") is None  # dropped, said once
    dialog = ExportDialog(window, window.export_choices(), "/tmp/x.png", "all",
                          remembered=chosen)
    assert dialog.scale.currentData() == 1 and dialog.format.currentData() == "png"
    dialog.deleteLater()


def test_default_folder_exists(monkeypatch, tmp_path):
    from PySide6.QtCore import QStandardPaths

    from gui.shell import file_actions

    monkeypatch.setattr(QStandardPaths, "writableLocation",
                        lambda location: str(tmp_path / "Documents"))
    assert file_actions.default_folder() == str(Path.home())
    (tmp_path / "Documents").mkdir()
    assert file_actions.default_folder() == str(tmp_path / "Documents")


def test_copy_one_view_from_its_plot_menu(window, qtbot):
    QGuiApplication.clipboard().clear()
    copy = window.jacobian_view.plot_widget.scene().contextMenu[1]
    assert copy.text() == "Copy picture of “Jacobian”"
    copy.trigger()
    image = QGuiApplication.clipboard().image()
    ratio = window.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(window.jacobian_view.width() * ratio),
                                               round(window.jacobian_view.height() * ratio))

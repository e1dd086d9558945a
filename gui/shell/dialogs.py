"""Every dialog the app opens goes through here, so tests can patch this one module.

No test may open a modal dialog: offscreen it would block forever.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui.look.theme import error_text
from gui.shell.app_settings import ExportChoices
from gui.shell.figure_export import SCALES
from gui.shell.headless_export import view_size

translate = QCoreApplication.translate  # lupdate reads translate("dialogs", "…")
_warned: set[str] = set()


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    view: str      # a key of MainWindow.views, or "all"
    scale: int     # PNG pixels per screen pixel
    transparent: bool = False  # PNG: no background behind the plots and text
    size: tuple[int, int] | None = None  # the view laid out at this many pixels; None: as shown


def about(parent: QWidget) -> None:
    QMessageBox.about(parent, translate("dialogs", "About Loss Lens"), translate("dialogs",
        "<h3>Loss Lens</h3><p>Loss functions and their gradients, made visible. Every "
        "number is computed by torch in float64: the softmax, cross-entropy and MSE, their "
        "gradients three independent ways, and the softmax Jacobian two ways.</p>"
        "<p>Built on PySide6, pyqtgraph, torch and numpy.</p>"))


def error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def warn_once(parent: QWidget | None, message: str) -> None:
    """A warning shown at most once per run (a missing font need not nag on every switch)."""
    if message in _warned:
        return
    _warned.add(message)
    QMessageBox.warning(parent, "Loss Lens", message)


def open_state_path(parent: QWidget, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("dialogs", "Open state"), folder,
                                          translate("dialogs", "Loss Lens state (*.json)"))
    return path or None


def save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def replace_file(parent: QWidget, path: Path) -> bool:
    """Whether an existing file may be replaced (No is the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("dialogs", "Replace the file?"),
                      translate("dialogs", "%1 already exists. Replace it?")
                      .replace("%1", str(path)),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    try:
        return box.exec() == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()


def _free_name(folder: str | Path, stem: str, suffix: str) -> Path:
    """folder/stem.suffix, or stem-2, stem-3, …: the first name no file has yet, so a
    proposed name never replaces an earlier figure."""
    folder = Path(folder)
    path, number = folder / f"{stem}.{suffix}", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.{suffix}"
    return path


def _figure_stem(view: str) -> str:
    """loss-lens-jacobian for the Jacobian, loss-lens-window for the whole window."""
    return "loss-lens-" + ("window" if view == "all" else view.replace("_", "-"))


class ExportDialog(QDialog):
    """Which view, format, size, scale and background, and where. Save writes through
    `save` (request -> error message or ""): on an error the dialog stays open and shows
    it, every choice kept; an existing file is replaced only once the user says so.
    Copy puts the same picture on the clipboard through `copy`.

    The file name follows the view and format (loss-lens-jacobian.pdf, -2, -3… beside an
    earlier one) until the user types or browses one; the size boxes follow the view's own
    export size until the user sets one (or one was remembered)."""

    def __init__(self, parent: QWidget, views: list[tuple[str, str]], suggested: str,
                 current: str = "all", save: Callable[[ExportRequest], str] | None = None,
                 copy: Callable[[ExportRequest], str] | None = None,
                 remembered: ExportChoices | None = None) -> None:
        super().__init__(parent)
        self._save, self._copy = save, copy
        self.request: ExportRequest | None = None
        chosen = remembered or ExportChoices(str(Path(suggested).parent))
        self._folder = chosen.folder
        self._named = False  # the user typed or browsed a file name
        self._sized = chosen.size is not None  # the user set (or was remembered) a size
        self._confirmed: Path | None = None  # a file the user already agreed to replace
        self.setWindowTitle(translate("dialogs", "Export figure"))
        self.view = QComboBox(self)
        for key, label in views:
            self.view.addItem(label, key)
        self.view.setCurrentIndex(max(0, self.view.findData(current)))
        self.view.setAccessibleName(translate("dialogs", "View to export"))
        self.view.setToolTip(translate("dialogs", "The whole window or one view"))
        self.format = QComboBox(self)
        for key, label in (("png", translate("dialogs", "PNG image")),
                           ("svg", translate("dialogs", "SVG vector image")),
                           ("pdf", translate("dialogs", "PDF vector document"))):
            self.format.addItem(label, key)
        self.format.setAccessibleName(translate("dialogs", "Format"))
        self.format.setToolTip(translate("dialogs", "PNG for slides and documents; SVG and "
                                         "PDF stay sharp at any size"))
        self.fixed_size = QCheckBox(translate("dialogs", "Lay out at"), self)
        self.fixed_size.setToolTip(translate("dialogs", "Unchecked: the view as it is on "
                                             "screen. Checked: the view laid out at this "
                                             "width and height in pixels"))
        self.width_box, self.height_box = (self._pixels(translate("dialogs", "Width in pixels"),
                                                        (200, 8000)),
                                           self._pixels(translate("dialogs", "Height in pixels"),
                                                        (150, 8000)))
        size_row = QHBoxLayout()
        size_row.addWidget(self.fixed_size)
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×", self))
        size_row.addWidget(self.height_box)
        size_row.addStretch(1)
        self.scale = QComboBox(self)
        for s in SCALES:
            self.scale.addItem(f"{s}×", s)
        self.scale.setAccessibleName(translate("dialogs", "PNG scale"))
        self.scale.setToolTip(translate("dialogs", "Pixels per screen pixel of a PNG: 2× "
                                        "has twice the detail; SVG and PDF are vector"))
        self.transparent = QCheckBox(translate("dialogs", "&Transparent background (PNG)"),
                                     self)
        self.transparent.setToolTip(translate("dialogs", "No background behind the plots "
                                              "and text, for a slide of any colour"))
        self.pixels = QLabel(self)  # what the PNG will measure
        self.path = QLineEdit(suggested, self)
        self.path.setAccessibleName(translate("dialogs", "File name"))
        self.path.setToolTip(translate("dialogs", "Ends in .png, .svg or .pdf"))
        browse = QPushButton(translate("dialogs", "Browse…"), self)
        browse.setToolTip(translate("dialogs", "Choose the file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.message = QLabel(self)  # why the last Save failed
        self.message.setWordWrap(True)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_text())
        self.message.setPalette(palette)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel, self)
        self.copy_button = self.buttons.addButton(translate("dialogs", "&Copy"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(translate("dialogs", "Put the picture (PNG) on the "
                                              "clipboard instead of saving it"))
        self.copy_button.setVisible(copy is not None)
        self.copy_button.clicked.connect(self._copy_clicked)
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("dialogs", "&View"), self.view)
        form.addRow(translate("dialogs", "F&ormat"), self.format)
        size_label = QLabel(translate("dialogs", "Si&ze"), self)
        size_label.setBuddy(self.fixed_size)
        form.addRow(size_label, size_row)
        form.addRow(translate("dialogs", "&Scale (PNG)"), self.scale)
        form.addRow("", self.transparent)
        form.addRow("", self.pixels)
        file_label = QLabel(translate("dialogs", "&File"), self)
        file_label.setBuddy(self.path)  # a row that is a layout gets no buddy by itself
        form.addRow(file_label, row)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self._choose(chosen)
        self.format.currentIndexChanged.connect(self._format_chosen)
        self.view.currentIndexChanged.connect(self._view_chosen)
        self.width_box.valueChanged.connect(self._size_set)
        self.height_box.valueChanged.connect(self._size_set)
        self.path.textEdited.connect(self._path_edited)
        for signal in (self.fixed_size.toggled, self.width_box.valueChanged,
                       self.height_box.valueChanged, self.scale.currentIndexChanged,
                       self.format.currentIndexChanged):
            signal.connect(self._follow)
        self._follow()

    def _pixels(self, name: str, limits: tuple[int, int]) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(*limits)
        box.setSuffix(" px")
        box.setAccessibleName(name)
        box.setToolTip(name)
        return box

    def _choose(self, chosen: ExportChoices) -> None:
        """Start from the remembered choices (chosen.view None: the view asked for)."""
        if chosen.view is not None and self.view.findData(chosen.view) >= 0:
            self.view.setCurrentIndex(self.view.findData(chosen.view))
        self.format.setCurrentIndex(max(0, self.format.findData(chosen.format)))
        self.scale.setCurrentIndex(max(0, self.scale.findData(chosen.scale)))
        self.transparent.setChecked(chosen.transparent)
        self.fixed_size.setChecked(chosen.fixed_size)
        self._set_size(chosen.size or view_size(self.view.currentData()))
        self._suggest()

    def _set_size(self, size: tuple[int, int]) -> None:
        for box, value in zip((self.width_box, self.height_box), size, strict=True):
            box.blockSignals(True)  # not the user's
            box.setValue(value)
            box.blockSignals(False)

    def _suggest(self) -> None:
        """A name from the view and format that no file has yet."""
        self.path.setText(str(_free_name(self._folder, _figure_stem(self.view.currentData()),
                                        self.format.currentData())))

    def _view_chosen(self) -> None:
        if not self._named:
            self._suggest()
        if not self._sized:
            self._set_size(view_size(self.view.currentData()))
            self._follow()

    def _size_set(self) -> None:
        self._sized = True

    def _format_chosen(self) -> None:
        """Picking a format gives the file name its ending."""
        text = self.path.text().strip()
        if not self._named:
            self._suggest()
        elif text:
            self.path.setText(str(Path(text).with_suffix("." + self.format.currentData())))

    def _path_edited(self, text: str) -> None:
        """Typing another ending picks that format."""
        self._named = True
        index = self.format.findData(Path(text.strip()).suffix.lower().lstrip("."))
        if index >= 0 and index != self.format.currentIndex():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(index)
            self.format.blockSignals(False)
            self._follow()

    def _follow(self) -> None:
        """Scale and background are a PNG's; the size boxes follow their check box."""
        png = self.format.currentData() == "png"
        self.scale.setEnabled(png)
        self.transparent.setEnabled(png)
        self.width_box.setEnabled(self.fixed_size.isChecked())
        self.height_box.setEnabled(self.fixed_size.isChecked())
        if self.fixed_size.isChecked() and png:
            scale = self.scale.currentData()
            self.pixels.setText(translate("dialogs", "The PNG: %1 × %2 pixels")
                                .replace("%1", str(self.width_box.value() * scale))
                                .replace("%2", str(self.height_box.value() * scale)))
        elif png:
            self.pixels.setText(translate("dialogs", "The PNG: the on-screen size × %1")
                                .replace("%1", str(self.scale.currentData())))
        else:
            self.pixels.setText("")
        self.pixels.setVisible(bool(self.pixels.text()))

    def current_request(self) -> ExportRequest | None:
        text = self.path.text().strip()
        if not text:
            return None
        png = self.format.currentData() == "png"
        return ExportRequest(
            Path(text).expanduser(), self.view.currentData(),
            self.scale.currentData() if png else 1,
            self.transparent.isChecked() and png,
            (self.width_box.value(), self.height_box.value())
            if self.fixed_size.isChecked() else None)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.adjustSize()  # room for the message's lines

    def _save_clicked(self) -> None:
        request = self.current_request()
        if request is None:
            self.show_error(translate("dialogs", "Type a file name."))
            return
        if request.path.is_file() and request.path != self._confirmed:
            if not replace_file(self, request.path):
                return  # the dialog stays, every choice as it was
            self._confirmed = request.path
        problem = self._save(request) if self._save is not None else ""
        if problem:
            self.show_error(problem)  # the dialog stays, every choice as it was
            return
        self.request = request
        self.accept()

    def _copy_clicked(self) -> None:
        request = self.current_request() or ExportRequest(
            Path("clipboard.png"), self.view.currentData(), self.scale.currentData())
        problem = self._copy(request) if self._copy is not None else ""
        if problem:
            self.show_error(problem)
            return
        self.request = None
        self.reject()  # nothing saved: the file choices are not remembered

    def _browse(self) -> None:
        path = save_path(self, translate("dialogs", "Export figure"), self.path.text(),
                         translate("dialogs", "PNG image (*.png);;SVG vector image (*.svg);;"
                                   "PDF document (*.pdf)"))
        if path:
            self.path.setText(path)
            self._path_edited(path)
            self._confirmed = Path(path)  # the file dialog asked before replacing it


def ask_export(parent: QWidget, views: list[tuple[str, str]], suggested: str,
               current: str = "all", save: Callable[[ExportRequest], str] | None = None,
               copy: Callable[[ExportRequest], str] | None = None,
               remembered: ExportChoices | None = None) -> ExportRequest | None:
    """Which view (`current` chosen first), where and how; the request once `save` wrote
    it (the dialog stays open while it fails), None if cancelled or copied instead."""
    dialog = ExportDialog(parent, views, suggested, current, save, copy, remembered)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.request
    finally:
        dialog.deleteLater()


def ask_animation(parent: QWidget, state, views: list[tuple[str, str]], current: str,
                  folder: str, settings=None) -> Path | None:
    """File ▸ Export animation: the file written, or None if cancelled; the choices are
    remembered in settings (QSettings)."""
    from gui.shell.animation_dialog import AnimationDialog

    dialog = AnimationDialog(parent, state, views, current, folder, settings)
    try:
        dialog.exec()
        return dialog.written
    finally:
        dialog.deleteLater()

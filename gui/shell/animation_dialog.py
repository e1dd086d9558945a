"""File ▸ Export animation: the choices of `main.py animate` in a dialog, with a progress
bar and a Cancel that works while frames are drawn.

The frames are drawn by animation_export in this (the GUI) thread, in a window of their
own that never shows (gui.shell.unseen); the progress callback lets the app handle its
events between frames, so the bar moves and Cancel is heard. Every frame's state is built
and checked before the first picture, and a bad range is said in the dialog in one line.

The numbers offered are named as the window names them (Temperature T, Logit a₀), in the
app's language; `main.py animate --vary` keeps the state-file paths (logits.0). Numbers
that only shape the picture's structure (surface axes, grids, step counts, the target's
index) are not offered, nor a loss's option while another loss is chosen (its frames
would all be the same). The choices are remembered (validated, gui.shell.app_settings).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from core.number_format import minus
from core.number_text import NumberTextError, parse_number
from core.state import State
from core.state_vary import MAX_FRAMES, MIN_FRAMES, Vary, vary_states
from gui.look.theme import error_text
from gui.shell.animation_export import (
    DEFAULT_FPS,
    DEFAULT_FRAMES,
    MAX_FPS,
    Cancelled,
    animation_format,
    export_animation,
)
from gui.shell.animation_fields import (
    animated_fields,
    default_span,
)
from gui.shell.app_settings import AnimationChoices, saved_animation_choices
from gui.shell.figure_export import ExportError
from gui.shell.headless_export import view_size
from gui.shell.unseen import appearance, unseen_windows

translate = QCoreApplication.translate  # lupdate reads translate("AnimationDialog", "…")
class AnimationDialog(QDialog):
    """View, field, start, end, frames, fps, size and file; Export draws the frames."""

    def __init__(self, parent: QWidget, state: State, views: list[tuple[str, str]],
                 current: str, suggested_folder: str,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._settings = settings
        every = {field for view, _ in views for field, _ in animated_fields(state, view)}
        chosen = (saved_animation_choices(settings, [key for key, _ in views],
                                          sorted(every),
                                          range(MIN_FRAMES, MAX_FRAMES + 1),
                                          range(1, MAX_FPS + 1))
                  if settings is not None else AnimationChoices())
        self.written: Path | None = None
        self._running = False
        self._cancelled = False
        self.setWindowTitle(translate("AnimationDialog", "Export animation"))
        self.view = QComboBox(self)
        for key, label in views:
            self.view.addItem(label, key)
        self.view.setCurrentIndex(max(0, self.view.findData(chosen.view or current)))
        self.view.setAccessibleName(translate("AnimationDialog", "View to animate"))
        self.field = QComboBox(self)
        self._fill_fields()
        self.field.setAccessibleName(translate("AnimationDialog", "Number to vary"))
        self.field.setToolTip(translate("AnimationDialog", "The number that moves from the "
                                        "first value to the last"))
        self.start = self._number(translate("AnimationDialog", "First value"))
        self.end = self._number(translate("AnimationDialog", "Last value"))
        span = QHBoxLayout()
        span.addWidget(self.start, 1)
        span.addWidget(QLabel("→", self))
        span.addWidget(self.end, 1)
        self.frames = QSpinBox(self)
        self.frames.setRange(MIN_FRAMES, MAX_FRAMES)
        self.frames.setValue(chosen.frames or DEFAULT_FRAMES)
        self.frames.setAccessibleName(translate("AnimationDialog", "Frames"))
        self.frames.setToolTip(translate("AnimationDialog",
                                         "Pictures from the first value to the last, both "
                                         "included"))
        self.fps = QSpinBox(self)
        self.fps.setRange(1, MAX_FPS)
        self.fps.setValue(chosen.fps or DEFAULT_FPS)
        self.fps.setAccessibleName(translate("AnimationDialog", "Frames per second"))
        self.fixed_size = QCheckBox(translate("AnimationDialog", "Lay out at"), self)
        self.fixed_size.setToolTip(translate("AnimationDialog", "Unchecked: the view's own "
                                             "size for a figure. Checked: each frame laid "
                                             "out at this width and height in pixels"))
        self.width_box = self._pixels(translate("AnimationDialog", "Width in pixels"),
                                      (200, 8000))
        self.height_box = self._pixels(translate("AnimationDialog", "Height in pixels"),
                                       (150, 8000))
        self._sized = chosen.size is not None
        self._set_size(chosen.size or view_size(self.view.currentData()))
        self.fixed_size.setChecked(chosen.fixed_size)
        size_row = QHBoxLayout()
        size_row.addWidget(self.fixed_size)
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×", self))
        size_row.addWidget(self.height_box)
        size_row.addStretch(1)
        self.path = QLineEdit(chosen.file or str(Path(suggested_folder) /
                                                 "loss-lens-animation.gif"), self)
        self.path.setAccessibleName(translate("AnimationDialog", "File name"))
        self.path.setToolTip(translate("AnimationDialog", "Ends in .gif or .mp4"))
        self.browse = QPushButton(translate("AnimationDialog", "Browse…"), self)
        self.browse.clicked.connect(self._browse)
        self._confirmed: Path | None = None  # a file the user agreed to replace
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setAccessibleName(translate("AnimationDialog", "Frames drawn"))
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            translate("AnimationDialog", "&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("AnimationDialog", "&View"), self.view)
        form.addRow(translate("AnimationDialog", "V&ary"), self.field)
        from_label = QLabel(translate("AnimationDialog", "Fro&m → to"), self)
        from_label.setBuddy(self.start)
        form.addRow(from_label, span)
        form.addRow(translate("AnimationDialog", "F&rames"), self.frames)
        form.addRow(translate("AnimationDialog", "Frames per &second"), self.fps)
        size_label = QLabel(translate("AnimationDialog", "Si&ze"), self)
        size_label.setBuddy(self.fixed_size)
        form.addRow(size_label, size_row)
        file_label = QLabel(translate("AnimationDialog", "&File"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, file_row)
        form.addRow(self.progress)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.field.currentIndexChanged.connect(lambda _: self._field_chosen(self.field_name()))
        self.field.setCurrentIndex(max(0, self.field.findData(chosen.field or "temperature")))
        self._field_chosen(self.field_name())
        if chosen.start is not None and chosen.end is not None:
            self.start.setText(chosen.start)
            self.end.setText(chosen.end)
        self.view.currentIndexChanged.connect(self._view_chosen)
        for box in (self.width_box, self.height_box):
            box.valueChanged.connect(self._size_set)
        self.fixed_size.toggled.connect(self._follow)
        self._follow()

    def field_name(self) -> str:
        """The state-file path of the number chosen (logits.0)."""
        return self.field.currentData() or ""

    def _pixels(self, name: str, limits: tuple[int, int]) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(*limits)
        box.setSuffix(" px")
        box.setAccessibleName(name)
        box.setToolTip(name)
        return box

    def _set_size(self, size: tuple[int, int]) -> None:
        for box, value in zip((self.width_box, self.height_box), size, strict=True):
            box.blockSignals(True)  # not the user's
            box.setValue(value)
            box.blockSignals(False)

    def _size_set(self) -> None:
        self._sized = True

    def _fill_fields(self) -> None:
        """The numbers the chosen view draws; the one chosen stays if still offered."""
        kept = self.field.currentData()
        self.field.blockSignals(True)
        self.field.clear()
        for field, label in animated_fields(self.state, self.view.currentData() or "all"):
            self.field.addItem(label, field)
            # main.py animate --vary takes the state-file name
            self.field.setItemData(self.field.count() - 1, translate(
                "AnimationDialog", "%1 (in a state file and for main.py animate: %2)")
                .replace("%1", label).replace("%2", field), Qt.ItemDataRole.ToolTipRole)
        index = self.field.findData(kept) if kept is not None else -1
        self.field.setCurrentIndex(max(0, index))
        self.field.blockSignals(False)
        if kept is not None and index < 0:
            self._field_chosen(self.field_name())

    def _view_chosen(self) -> None:
        """Until the user sets a size, the boxes show the chosen view's own; the numbers
        offered are the ones it draws."""
        self._fill_fields()
        if not self._sized:
            self._set_size(view_size(self.view.currentData()))

    def _follow(self) -> None:
        self.width_box.setEnabled(self.fixed_size.isChecked() and not self._running)
        self.height_box.setEnabled(self.fixed_size.isChecked() and not self._running)

    def layout_size(self) -> tuple[int, int] | None:
        """The frames' size in pixels; None: the view's own export size."""
        if not self.fixed_size.isChecked():
            return None
        return self.width_box.value(), self.height_box.value()

    def _number(self, name: str) -> QLineEdit:
        entry = QLineEdit(self)
        entry.setAccessibleName(name)
        entry.setToolTip(name)
        return entry

    def _field_chosen(self, field: str) -> None:
        """A new field starts from a range around its value now."""
        if not field:
            return
        start, end = default_span(self.state, field)
        self.start.setText(minus(f"{start:g}"))
        self.end.setText(minus(f"{end:g}"))

    def _say(self, text: str, problem: bool = False) -> None:
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_text() if problem else
                         self.palette().color(QPalette.ColorRole.WindowText))
        self.message.setPalette(palette)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.adjustSize()

    def _states(self) -> list[State] | None:
        """Every frame's state, or None with the reason said."""
        field = self.field_name()
        try:
            start, end = parse_number(self.start.text()), parse_number(self.end.text())
        except NumberTextError as exc:
            self._say(f"{self.field.currentText()}: {exc}", problem=True)
            return None
        path = tuple(int(part) if part.isdigit() else part for part in field.split("."))
        try:
            return vary_states(self.state, Vary(path, start, end), self.frames.value())
        except ValueError as exc:
            self._say(str(exc).removeprefix("--vary "), problem=True)
            return None

    def run(self) -> None:
        """Export: check everything, then draw and write the frames; the dialog closes
        once the file is written, and stays (saying why) on an error or a cancel."""
        if self._running:
            return
        states = self._states()
        if states is None:
            return
        out = Path(self.path.text().strip()).expanduser()
        try:
            animation_format(out)
        except ExportError as exc:
            self._say(str(exc), problem=True)
            return
        if out.is_file() and out != self._confirmed:
            from gui.shell import dialogs

            if not dialogs.replace_file(self, out):
                return  # the dialog stays, every choice as it was
            self._confirmed = out
        self._set_running(True)
        self._say(translate("AnimationDialog", "Drawing the frames…"))
        self.progress.setRange(0, len(states))
        self.progress.setValue(0)
        QApplication.processEvents()
        try:
            with unseen_windows():
                self.written = export_animation(
                    states, out, self.view.currentData(), self.layout_size(),
                    self.fps.value(), progress=self._progress, **appearance())
        except Cancelled:
            self._say(translate("AnimationDialog", "Cancelled: nothing was written."))
            return
        except ExportError as exc:
            self._say(str(exc), problem=True)
            return
        finally:
            self._set_running(False)
        self._remember()
        self.accept()

    def _remember(self) -> None:
        """The choices of an animation written, for the next time the dialog opens."""
        if self._settings is None:
            return
        size = (self.width_box.value(), self.height_box.value())
        for key, value in (("view", self.view.currentData()), ("field", self.field_name()),
                           ("start", self.start.text().strip()),
                           ("end", self.end.text().strip()), ("frames", self.frames.value()),
                           ("fps", self.fps.value()), ("file", str(self.written)),
                           ("size", f"{size[0]}x{size[1]}"),
                           ("fixed_size", self.fixed_size.isChecked())):
            self._settings.setValue(f"animation/{key}", value)

    def _progress(self, done: int, total: int) -> bool:
        self.progress.setValue(done)
        if done == 0:  # every state shown once first, so the axes hold all frames
            self.progress.setFormat(translate("AnimationDialog", "Setting the axes…"))
        else:
            self.progress.setFormat(translate("AnimationDialog", "Frame %1 of %2")
                                    .replace("%1", str(done)).replace("%2", str(total)))
        QApplication.processEvents()  # the bar moves, Cancel is heard
        return not self._cancelled

    def _set_running(self, running: bool) -> None:
        self._running = running
        self._cancelled = False
        self.progress.setVisible(running or self.progress.value() > 0)
        for widget in (self.view, self.field, self.start, self.end, self.frames, self.fps,
                       self.fixed_size, self.path, self.browse, self.export_button):
            widget.setEnabled(not running)
        self._follow()

    def reject(self) -> None:
        """Cancel (or Escape, or the close box) while drawing stops the drawing, and the
        dialog stays to say so; otherwise it closes."""
        if self._running:
            self._cancelled = True
            return
        super().reject()

    def _browse(self) -> None:
        from gui.shell import dialogs

        path = dialogs.save_path(self, translate("AnimationDialog", "Export animation"),
                                 self.path.text(), translate(
                                     "AnimationDialog",
                                     "GIF animation (*.gif);;MP4 video (*.mp4)"))
        if path:
            self.path.setText(path)
            self._confirmed = Path(path)  # the file dialog asked before replacing it

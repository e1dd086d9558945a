"""File ▸ Export animation: the choices of `main.py animate` in a dialog, with a progress
bar and a Cancel that works while frames are drawn.

The frames are drawn by animation_export in this (the GUI) thread, in a window of their
own that never shows (gui.shell.unseen); the progress callback lets the app handle its
events between frames, so the bar moves and Cancel is heard. Every frame's state is built
and checked before the first picture, and a bad range is said in the dialog in one line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
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
from core.state_vary import MAX_FRAMES, MIN_FRAMES, Vary, numeric_fields, vary_states
from gui.look.theme import error_text
from gui.shell.animation_export import (
    DEFAULT_FPS,
    DEFAULT_FRAMES,
    MAX_FPS,
    Cancelled,
    animation_format,
    export_animation,
)
from gui.shell.figure_export import ExportError
from gui.shell.unseen import appearance, unseen_windows

translate = QCoreApplication.translate  # lupdate reads translate("AnimationDialog", "…")
SPAN = 4  # a field moves ×/÷ SPAN (a positive scale) or ± SPAN (anything else) by default


def value_at(state: State, field: str) -> float:
    node = state.to_dict()
    for part in field.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def default_span(state: State, field: str) -> tuple[float, float]:
    """A range around the field's value worth watching: temperature and learning rate
    ÷4…×4, label smoothing 0…0.5, the target over every class, a count halved…doubled,
    any other number ±4 (a logit, w, b, a range end)."""
    value = value_at(state, field)
    if field in ("temperature", "regression.learning_rate") and value > 0:
        return value / SPAN, value * SPAN
    if field == "label_smoothing":
        return 0.0, 0.5
    if field == "target":
        return 0, len(state.logits) - 1
    if isinstance(value, int):
        return max(1, value // 2), value * 2
    return value - SPAN, value + SPAN


class AnimationDialog(QDialog):
    """View, field, start, end, frames, fps and file; Export draws the frames."""

    def __init__(self, parent: QWidget, state: State, views: list[tuple[str, str]],
                 current: str, suggested_folder: str) -> None:
        super().__init__(parent)
        self.state = state
        self.written: Path | None = None
        self._running = False
        self._cancelled = False
        self.setWindowTitle(translate("AnimationDialog", "Export animation"))
        self.view = QComboBox(self)
        for key, label in views:
            self.view.addItem(label, key)
        self.view.setCurrentIndex(max(0, self.view.findData(current)))
        self.view.setAccessibleName(translate("AnimationDialog", "View to animate"))
        self.field = QComboBox(self)
        self.field.addItems(numeric_fields(state))
        self.field.setAccessibleName(translate("AnimationDialog", "Field to vary"))
        self.field.setToolTip(translate("AnimationDialog", "The number that moves, named "
                                        "as in a state file (logits.0 is the first logit)"))
        self.start = self._number(translate("AnimationDialog", "First value"))
        self.end = self._number(translate("AnimationDialog", "Last value"))
        span = QHBoxLayout()
        span.addWidget(self.start, 1)
        span.addWidget(QLabel("→", self))
        span.addWidget(self.end, 1)
        self.frames = QSpinBox(self)
        self.frames.setRange(MIN_FRAMES, MAX_FRAMES)
        self.frames.setValue(DEFAULT_FRAMES)
        self.frames.setAccessibleName(translate("AnimationDialog", "Frames"))
        self.frames.setToolTip(translate("AnimationDialog",
                                         "Pictures from the first value to the last, both "
                                         "included"))
        self.fps = QSpinBox(self)
        self.fps.setRange(1, MAX_FPS)
        self.fps.setValue(DEFAULT_FPS)
        self.fps.setAccessibleName(translate("AnimationDialog", "Frames per second"))
        self.path = QLineEdit(str(Path(suggested_folder) / "loss-lens-animation.gif"), self)
        self.path.setAccessibleName(translate("AnimationDialog", "File name"))
        self.path.setToolTip(translate("AnimationDialog", "Ends in .gif or .mp4"))
        browse = QPushButton(translate("AnimationDialog", "Browse…"), self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
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
        file_label = QLabel(translate("AnimationDialog", "&File"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, file_row)
        form.addRow(self.progress)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.field.currentTextChanged.connect(self._field_chosen)
        self.field.setCurrentIndex(max(0, self.field.findText("temperature")))
        self._field_chosen(self.field.currentText())

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
        field = self.field.currentText()
        try:
            start, end = parse_number(self.start.text()), parse_number(self.end.text())
        except NumberTextError as exc:
            self._say(f"{field}: {exc}", problem=True)
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
        self._set_running(True)
        self._say(translate("AnimationDialog", "Drawing the frames…"))
        self.progress.setRange(0, len(states))
        self.progress.setValue(0)
        QApplication.processEvents()
        try:
            with unseen_windows():
                self.written = export_animation(
                    states, out, self.view.currentData(), None, self.fps.value(),
                    progress=self._progress, **appearance())
        except Cancelled:
            self._say(translate("AnimationDialog", "Cancelled: nothing was written."))
            return
        except ExportError as exc:
            self._say(str(exc), problem=True)
            return
        finally:
            self._set_running(False)
        self.accept()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.setValue(done)
        self.progress.setFormat(translate("AnimationDialog", "Frame %1 of %2")
                                .replace("%1", str(done)).replace("%2", str(total)))
        QApplication.processEvents()  # the bar moves, Cancel is heard
        return not self._cancelled

    def _set_running(self, running: bool) -> None:
        self._running = running
        self._cancelled = False
        self.progress.setVisible(running or self.progress.value() > 0)
        for widget in (self.view, self.field, self.start, self.end, self.frames, self.fps,
                       self.path, self.export_button):
            widget.setEnabled(not running)

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

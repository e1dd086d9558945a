"""The Graph tab: torch's autograd graph of the current loss, live, and backward walked
through step by step (issue 17).

Each node is torch's own grad_fn (its class name bold), a plain-words line of what its
backward computes, what it saved in forward, and, at the head of each edge, the gradient
that flowed along it. The boxes are created once per graph shape and laid out by
core.graph_layout (cached), so a drag only rewrites their numbers. Step / Play / Reset
replay backward in the order autograd ran it: the node now running, the gradient coming
in, its local Jacobian and their product, what it passes on; at the end the leaf's .grad
beside the closed form. The selector shows the regression's graph and the note's pitfalls
B, C and D on the graph.

Every number comes from the Result (autograd_graph, regression_graph, and the pitfalls'
late_requires_grad, freed_graph, softmax_rows): nothing is computed here. A step's local
Jacobian is formed by core when that step is shown (AutogradGraph.local_step), never for
a frame that does not show it.

This module is the widget: controls, stepping, the view. What each mode draws and the
scene's items are graph_drawings'; the boxes' rows and the readout's texts, graph_texts'.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontInfo, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.number_format import minus_in_numbers
from gui.items.figure_hints import mark_hint
from gui.items.graph_items import (
    BAND,
    BOX_WIDTH,
    DONE,
    FREED,
    GRAD,
    MEANING,
    NOW,
    PAD,
    PENDING,
    SAVED,
    TITLE,
    EdgeItem,
    NodeItem,
    Palette,
    fit_lines,
)
from gui.items.readout_label import ReadoutLabel
from gui.items.zoom_view import ZoomView
from gui.look import presentation, theme
from gui.look.plot_style import HIGHLIGHT_COLOR, PROB_COLOR
from gui.look.theme import PLOT_BACKGROUND
from gui.panels.graph_drawings import Drawing, build_scene, drawings_for
from gui.panels.graph_texts import (
    Row,
    before_text,
    box_shape,
    end_text,
    node_rows,
    step_text,
)

if TYPE_CHECKING:
    from core.result import Result

MODES = ("classifier", "regression", "pitfall_b", "pitfall_c", "pitfall_d")
STEP_MS = 600          # Play: one node of backward every 0.6 s
FIGURE_TEXT_PX = 9.0   # a figure's smallest node text, in its pixels at 1×
BEFORE = -1            # step position: before backward (no gradient yet)


class GraphPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: Result | None = None
        self._shown_key: tuple | None = None
        self._structure: tuple | None = None
        self._drawings: list[Drawing] = []
        self.layouts: list = []
        self.node_items: list[dict[int, NodeItem]] = []
        self.edge_items: list[dict[tuple[int, int, int], EdgeItem]] = []
        self.captions: list[QGraphicsSimpleTextItem] = []
        self.position = 0      # step position: BEFORE, 0 … n − 1 (that step now), n (done)
        self._taken_position: tuple[tuple, int] | None = None  # (shape, position) handed over
        self._line_counts: dict[tuple[str, str, float], int] = {}
        self._fonts = self._make_fonts()
        self._box_width = BOX_WIDTH * presentation.font_scale()  # larger text, wider boxes
        self._palette = self._make_palette()

        self.controls = QWidget(self)
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.mode = QComboBox(self.controls)
        for text in (self.tr("Classifier loss"), self.tr("Regression loss"),
                     self.tr("Pitfall B: requires_grad_() too late"),
                     self.tr("Pitfall C: backward twice"),
                     self.tr("Pitfall D: a Jacobian row as a VJP")):
            self.mode.addItem(text)
        self.mode.setAccessibleName(self.tr("Which graph"))
        self.mode.setToolTip(self.tr("The graph of the classifier's loss, of the regression's "
                                     "loss, or one of the note's autograd pitfalls on it"))
        self.row_label = QLabel(self.tr("row i"), self.controls)
        self.row_spin = QSpinBox(self.controls)
        self.row_spin.setAccessibleName(self.tr("Jacobian row i"))
        self.row_spin.setToolTip(self.tr("Row i of ∂p/∂a: backward of p with grad_outputs "
                                         "= the one-hot e_i"))
        self.row_label.setBuddy(self.row_spin)
        self.step_button = QPushButton(self.tr("Step"), self.controls)
        self.play_button = QPushButton(self.tr("Play"), self.controls)
        self.reset_button = QPushButton(self.tr("Reset"), self.controls)
        for button, name, tip in (
                (self.step_button, self.tr("Step"),
                 self.tr("Run the next node of backward, in the order autograd runs them "
                         "(S, or Space on the graph)")),
                (self.play_button, self.tr("Play"),
                 self.tr("Run backward one node every 0.6 s; again to pause (P)")),
                (self.reset_button, self.tr("Reset"),
                 self.tr("Back to before backward: no gradient has flowed yet (R)"))):
            button.setAccessibleName(name)
            button.setToolTip(tip)
        row.addWidget(self.mode)
        row.addWidget(self.row_label)
        row.addWidget(self.row_spin)
        row.addSpacing(12)
        row.addWidget(self.step_button)
        row.addWidget(self.play_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        mark_hint(self.controls)

        self.key = QLabel(self)
        self.key.setWordWrap(True)
        self.key.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.key.setText(self._key_text())

        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.view = ZoomView(self.scene, self)
        self.view.setAccessibleName(self.tr("Autograd graph"))
        self.view.setToolTip(self.tr("The wheel scrolls the graph; Ctrl+wheel zooms; a double "
                                     "click fits it again"))
        self.view.setMinimumSize(300, 200)
        self.view.setBackgroundBrush(self._palette.background)

        self.readout = ReadoutLabel(3, parent=self)
        self.readout.setAccessibleName(self.tr("Backward step"))
        self.note = ReadoutLabel(2, parent=self)
        self.note.setAccessibleName(self.tr("What torch did"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.controls)
        layout.addWidget(self.key)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.note)

        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self._on_tick)
        self.mode.currentIndexChanged.connect(self._on_mode_changed)
        self.row_spin.valueChanged.connect(self._on_row_changed)
        self.step_button.clicked.connect(self.step)
        self.play_button.clicked.connect(self.play)
        self.reset_button.clicked.connect(self.reset)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (("S", self.step), ("P", self.play), ("R", self.reset)):
            QShortcut(QKeySequence(key), self, slot, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.view, self.step,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._show_mode_controls()

    # ------------------------------------------------------------------ look
    def _make_fonts(self) -> dict[str, QFont]:
        base = QFont(self.font())
        size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
        fonts = {}
        for kind, scale, bold, italic in ((TITLE, 1.0, True, False), (MEANING, 0.85, False, True),
                                          (SAVED, 0.9, False, False), (FREED, 0.9, False, False),
                                          (GRAD, 0.9, True, False), (BAND, 0.9, False, False)):
            font = QFont(base)
            font.setPointSizeF(size * scale)
            font.setBold(bold)
            font.setItalic(italic)
            font.setStrikeOut(kind == FREED)  # grey italic is a meaning line's
            fonts[kind] = font
        return fonts

    def _make_palette(self) -> Palette:
        dark = theme.is_dark()
        return Palette(ink=theme.ink(), muted=theme.muted_ink(),
                       background=QColor(PLOT_BACKGROUND["dark" if dark else "light"]),
                       now=HIGHLIGHT_COLOR, leaf=PROB_COLOR)

    def _key_text(self) -> str:
        def swatch(colour: QColor) -> str:
            return f"<span style='color:{colour.name()}'>■</span>"

        return (self.tr("%1 the node backward runs now, its incoming gradient and what it "
                        "passes on &nbsp; %2 a leaf tensor (its .grad) &nbsp; <s>struck "
                        "through</s>: a saved tensor freed &nbsp; dashed: not run yet &nbsp; "
                        "each arrow ends at the gradient that flowed along it")
                .replace("%1", swatch(HIGHLIGHT_COLOR)).replace("%2", swatch(PROB_COLOR)))

    # ------------------------------------------------------------------ mode
    def current_mode(self) -> str:
        return MODES[self.mode.currentIndex()]

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(MODES.index(mode))

    def _show_mode_controls(self) -> None:
        d = self.current_mode() == "pitfall_d"
        self.row_label.setVisible(d)
        self.row_spin.setVisible(d)

    def _on_mode_changed(self, _index: int) -> None:
        self._show_mode_controls()
        self.timer.stop()
        self._refresh()

    def _on_row_changed(self, _value: int) -> None:
        if self.current_mode() == "pitfall_d":
            self._refresh()

    def _refresh(self) -> None:
        if self._result is not None:
            self._shown_key = None
            self.set_result(self._result)

    # ------------------------------------------------------------------ result -> scene
    def drawings(self) -> list[Drawing]:
        return list(self._drawings)

    def stepped(self) -> Drawing | None:
        return next((d for d in self._drawings if d.stepped), None)

    def set_result(self, result: Result) -> None:
        mode = self.current_mode()
        state = result.state
        if self.row_spin.maximum() != state.n_classes - 1:
            self.row_spin.blockSignals(True)
            self.row_spin.setRange(0, state.n_classes - 1)
            self.row_spin.blockSignals(False)
        key = (id(result), mode, self.row_spin.value())
        self._result = result
        if key == self._shown_key:
            return
        self._shown_key = key
        drawings, note = drawings_for(result, mode, self.row_spin.value())
        rows = [[node_rows(d, n, self._ran(d), self._measure) for n in d.graph.nodes]
                for d in drawings]
        structure = tuple(box_shape(d, r) for d, r in zip(drawings, rows, strict=True))
        rebuilt = structure != self._structure
        if rebuilt:
            self._structure = structure
            self._build(drawings)
        self._drawings = drawings
        if rebuilt:
            self.position = len(self.stepped().graph.steps)  # everything shown: done
            taken = self._taken_position
            if taken is not None and taken[0] == structure:  # a figure of the step on screen
                self.position = taken[1]
            self._taken_position = None
            self.timer.stop()
            rows = None  # the roles changed with the position
        self._show_numbers(rows)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _lines(self, text: str, kind: str, width: float) -> int:
        """Lines `text` wraps to (a meaning, a node's options: few texts, each measured once)."""
        key = (text, kind, width)
        if key not in self._line_counts:
            self._line_counts[key] = len(fit_lines(text, self._fonts[kind], width, 99))
        return self._line_counts[key]

    def _measure(self, text: str, kind: str) -> int:
        """Lines `text` wraps to in a box (node_rows asks for a meaning, a node's options)."""
        return self._lines(text, kind, self._box_width - 2 * PAD)

    def _build(self, drawings: list[Drawing]) -> None:
        """New items for a new shape (graph_drawings.build_scene), shown in the view."""
        (self.node_items, self.edge_items, self.layouts, self.captions,
         rect) = build_scene(self.scene, drawings, self._structure, self._fonts,
                             self._palette, self._box_width)
        self.view.set_drawing(rect)

    # ------------------------------------------------------------------ numbers
    def _show_numbers(self, rows: list[list[list[Row]]] | None = None) -> None:
        """Every box's and edge's numbers and roles for the current step position (rows:
        the nodes' rows if already made for it)."""
        for k, (drawing, items, edges, caption) in enumerate(zip(
                self._drawings, self.node_items, self.edge_items, self.captions, strict=True)):
            caption.setText(drawing.caption)
            graph = drawing.graph
            ran = self._ran(drawing)
            for j, node in enumerate(graph.nodes):
                item = items[node.id]
                made = (rows[k][j] if rows is not None
                        else node_rows(drawing, node, ran, self._measure))
                for index, (kind, text, _, role) in enumerate(made):
                    item.set_row(index, text, kind, role)
                item.set_role(ran(node.id))
            for e in graph.edges:
                edges[(e.source, e.target, e.input_nr)].set_role(ran(e.source))
        self._show_readout()
        self._enable_buttons()

    def _ran(self, drawing: Drawing):
        """node id -> PENDING, NOW or DONE at the current step position."""
        if not drawing.stepped:
            return lambda node: DONE
        order = {node: k for k, node in enumerate(drawing.graph.order)}
        p = self.position

        def role(node: int) -> str:
            k = order.get(node)
            if k is None or k < p:
                return DONE
            return NOW if k == p else PENDING

        return role

    def _show_readout(self) -> None:
        drawing = self.stepped()
        if drawing is None:
            return
        graph = drawing.graph
        n = len(graph.steps)
        p = self.position
        if p == BEFORE:
            text = before_text(graph, drawing.seed)
        elif p < n:
            text = step_text(graph, p)
        else:
            text = end_text(graph, self.current_mode(), self._result)
        self.readout.setText(minus_in_numbers(text))

    # ------------------------------------------------------------------ stepping
    def steps(self) -> int:
        d = self.stepped()
        return 0 if d is None else len(d.graph.steps)

    def current_node(self) -> int | None:
        """The node backward runs at the current step (None before or after)."""
        d = self.stepped()
        if d is None or not 0 <= self.position < len(d.graph.steps):
            return None
        return d.graph.order[self.position]

    def step(self) -> None:
        n = self.steps()
        if not n:
            return
        self.position = 0 if self.position >= n else self.position + 1
        if self.position >= n:
            self.timer.stop()
        self._show_numbers()
        self._follow()

    def _follow(self) -> None:
        """Scroll the node running now into sight (a large graph scrolls)."""
        node = self.current_node()
        if node is None or self.view.whole:
            return
        index = self._drawings.index(self.stepped())
        self.view.ensureVisible(self.node_items[index][node], 16, 16)

    def play(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self._enable_buttons()
            return
        if self.position >= self.steps():
            self.position = BEFORE
            self._show_numbers()
        self.timer.start()
        self._enable_buttons()

    def reset(self) -> None:
        self.timer.stop()
        self.position = BEFORE
        self._show_numbers()

    def _on_tick(self) -> None:
        self.step()
        if self.position >= self.steps():
            self.timer.stop()
            self._enable_buttons()

    def _enable_buttons(self) -> None:
        playing = self.timer.isActive()
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.step_button.setEnabled(not playing)

    def take_over(self, old: GraphPanel) -> None:
        """A language or theme switch, or a figure laid out at a size in a window of its
        own: the graph chosen, D's row and the step of backward shown stay."""
        if old._structure is not None:  # the step, for the same graph (its shape)
            self._taken_position = (old._structure, old.position)
        self.row_spin.setRange(0, old.row_spin.maximum())
        self.row_spin.setValue(old.row_spin.value())
        self.set_mode(old.current_mode())
        if self._taken_position is not None and self._structure == old._structure:
            self._taken_position = None  # already drawn with that shape: step there now
            self.position = old.position
            self._show_numbers()

    def set_figure_mode(self, on: bool) -> None:
        """A figure shows the whole graph and its readout, not the buttons (figure_mode)."""
        self.view.set_whole(on)

    def figure_size(self) -> tuple[int, int]:
        """The size a figure of this panel needs for its smallest node text to be at least
        FIGURE_TEXT_PX pixels with the whole graph in sight: its size now, grown where
        the graph needs more (headless_export lays a figure out at it)."""
        smallest = min(QFontInfo(self._fonts[kind]).pixelSize() for kind in (MEANING, SAVED))
        scale = min(1.0, FIGURE_TEXT_PX / max(1, smallest))
        rect = self.scene.sceneRect()
        shown = self.view.size()
        extra_w, extra_h = self.width() - shown.width(), self.height() - shown.height()
        return (max(self.width(), math.ceil(rect.width() * scale) + extra_w),
                max(self.height(), math.ceil(rect.height() * scale) + extra_h))

    def hideEvent(self, event) -> None:
        self.timer.stop()
        self._enable_buttons()
        super().hideEvent(event)

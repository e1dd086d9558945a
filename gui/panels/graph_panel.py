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
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
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

from core.number_format import fmt_diff, minus_in_numbers, sig
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
from gui.look.language import loss_title
from gui.look.language import short_name as loss_short_name
from gui.look.plot_style import HIGHLIGHT_COLOR, PROB_COLOR
from gui.look.theme import PLOT_BACKGROUND

if TYPE_CHECKING:
    from core.autograd_graph import AutogradGraph, GraphNode
    from core.graph_nodes import SavedValue
    from core.result import Result

CONTEXT = "Graph"  # core's node meanings and "freed" are in this translation context
MODES = ("classifier", "regression", "pitfall_b", "pitfall_c", "pitfall_d")
STEP_MS = 600          # Play: one node of backward every 0.6 s
FIGURE_TEXT_PX = 9.0   # a figure's smallest node text, in its pixels at 1×
DRAWING_GAP = 60.0     # between pitfall B's two graphs
CAPTION_GAP = 6.0      # between a caption and its graph
MEANING_LINES = 3      # a meaning wraps to at most this many lines
SHOWN_VALUES = 16      # core keeps 6 values of a larger saved tensor; the same here
HEAD = 6
BEFORE = -1            # step position: before backward (no gradient yet)
Row = tuple[str, str, int, "str | None"]  # kind, text, lines it may take, its edge's role


# --------------------------------------------------------------------------- numbers as text
def values_text(values: np.ndarray | None, digits: int = 3) -> str:
    """A tensor's values as the app writes them (sig, −): nested brackets, or the first
    few values and the shape when large."""
    if values is None:
        return "—"
    a = np.asarray(values, dtype=float)
    if a.size > SHOWN_VALUES:
        head = ", ".join(sig(float(x), digits) for x in a.reshape(-1)[:HEAD])
        return f"[{head}, …]  {'×'.join(str(d) for d in a.shape)}"

    def nested(x: np.ndarray) -> str:
        if x.ndim == 0:
            return sig(float(x), digits)
        return "[" + ", ".join(nested(y) for y in x) + "]"

    return nested(a)


def jacobian_text(j: np.ndarray | None, digits: int = 3) -> str:
    """A local Jacobian (outputs × inputs) short: a diagonal, a row, a column or a small
    matrix."""
    if j is None:
        return QCoreApplication.translate("GraphPanel", "not formed (too large)")
    rows, cols = j.shape
    size = f"{rows}×{cols}"
    if rows == cols and rows > 1 and np.count_nonzero(j - np.diag(np.diag(j))) == 0:
        return QCoreApplication.translate("GraphPanel", "diagonal: %1").replace(
            "%1", values_text(np.diag(j), digits))
    if rows == 1 or cols == 1:
        return f"{size} {values_text(j.reshape(-1), digits)}"
    shown = [values_text(r, digits) for r in j[:4]]
    more = ", …" if rows > 4 else ""
    return f"{size} [{', '.join(shown)}{more}]"


def lines_for(size: int) -> int:
    """How many lines a vector of `size` values may wrap to in a box."""
    if size <= 4:
        return 1
    return 2 if size <= 10 or size > SHOWN_VALUES else 3


def option_text(saved: SavedValue) -> str:
    """A saved non-tensor attribute: "reduction = 1 (mean)" as core writes it, or for one
    that is None why it is (translated): "self: not saved: only the gradient of y needs x, …"."""
    if saved.absent:
        return f"{saved.short_name}: {QCoreApplication.translate(CONTEXT, saved.absent)}"
    return saved.text


def translated_meaning(node: GraphNode) -> str:
    from core.graph_nodes import GENERIC_MEANING, MEANINGS

    if node.name in MEANINGS:
        return QCoreApplication.translate(CONTEXT, node.meaning)
    op = node.name.split("Backward")[0] or node.name
    return QCoreApplication.translate(CONTEXT, GENERIC_MEANING).format(op=op)


def sentence(text: str) -> str:
    """torch's message as a sentence in a note: some end without a full stop ("…only for
    scalar outputs"), and the note's next sentence follows."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?。" else text + "."


def distinct_names(graph: AutogradGraph, short: bool = False) -> dict[int, str]:
    """Each node's name (short: "Mul" for "MulBackward0"), with its id where two nodes
    share a name ("MulBackward0 #4"), so a step's text says which of them it means."""
    count: dict[str, int] = {}
    for node in graph.nodes:
        count[node.name] = count.get(node.name, 0) + 1
    return {node.id: (short_name(node.name) if short else node.name)
            + (f" #{node.id}" if count[node.name] > 1 else "") for node in graph.nodes}


def _size(values: np.ndarray | None) -> int:
    return 1 if values is None else int(np.size(values))


def short_name(name: str) -> str:
    return name.split("Backward")[0] or name


def loss_label(loss: str, kind: str = "classifier") -> str:
    """"FL — sigmoid focal loss": the symbol and the translated name, as the loss chooser
    writes them; the name alone where it is the symbol ("Huber")."""
    short, title = loss_short_name(loss, kind), loss_title(loss, kind)
    return title if title.startswith(short) else f"{short} — {title}"


@dataclass(frozen=True)
class Drawing:
    """One graph on the scene, with a caption above it and the seed of its backward."""

    caption: str
    graph: AutogradGraph
    seed: str        # the band above the root: what backward starts with
    stepped: bool    # the step-through walks this one


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
        drawings, note = self._drawings_for(result, mode)
        rows = [[self._node_rows(d, n, self._ran(d)) for n in d.graph.nodes] for d in drawings]
        structure = tuple(self._shape(d, r) for d, r in zip(drawings, rows, strict=True))
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

    def _drawings_for(self, result: Result, mode: str) -> tuple[list[Drawing], str]:
        state = result.state
        one = self.tr("∂L/∂L = 1 (backward() starts here)")
        if mode == "classifier":
            caption = self.tr("The classifier's loss (%1) of z = a / T; leaf a").replace(
                "%1", loss_label(state.loss))
            return [Drawing(caption, result.autograd_graph, one, True)], ""
        if mode == "regression":
            caption = self.tr("The regression's loss (%1) of ŷ = w·x + b; leaves w and b").replace(
                "%1", loss_label(state.regression.loss, "regression"))
            return [Drawing(caption, result.regression_graph, one, True)], ""
        if mode == "pitfall_b":
            b = result.late_requires_grad
            note = (self.tr("B. The graph was recorded while w did not require grad: it has no "
                       "path to w. After w.requires_grad_(), torch.autograd.grad(old loss, "
                       "[w]) raises %1: %2 Rebuilt after requires_grad_(), the graph reaches "
                       "w (right).")
                    .replace("%1", b.error_type).replace("%2", sentence(b.error)))
            return [Drawing(self.tr("Before: built, then w.requires_grad_()"), b.before, one,
                            False),
                    Drawing(self.tr("After: the loss rebuilt"), b.after, one, True)], note
        if mode == "pitfall_c":
            c = result.freed_graph
            if c.saved_error == c.error:
                raised = self.tr("Reading one, or a second backward, raises %1: %2").replace(
                    "%1", c.error_type).replace("%2", sentence(c.error))
            else:
                raised = self.tr("Reading one raises: %1 A second backward raises %2: %3").replace(
                    "%1", sentence(c.saved_error)).replace("%2", c.error_type).replace(
                    "%3", sentence(c.error))
            note = (self.tr("C. backward() without retain_graph freed each node's saved "
                            "tensors as it ran (struck through). "
                       "%1 With retain_graph=True the second backward runs and a.grad "
                       "accumulates: %2 after the first, %3 after the second.")
                    .replace("%1", raised).replace("%2", values_text(c.grad_first, 4))
                    .replace("%3", values_text(c.grad_second, 4)))
            caption = self.tr("After loss.backward() without retain_graph")
            return [Drawing(caption, c.graph, one, True)], note
        d = result.softmax_rows[self.row_spin.value()]
        i = d.row
        note = (self.tr("D. p is a vector: torch.autograd.grad(p, [a]) raises %1: %2 With "
                   "grad_outputs = e_%3 it gives the vector–Jacobian product e_%3ᵀ·∂p/∂a "
                   "= %4, row %3 of the Jacobian (its formula: %5; max |diff| %6).")
                .replace("%1", d.error_type).replace("%2", sentence(d.error))
                .replace("%3", str(i))
                .replace("%4", values_text(d.vjp, 4))
                .replace("%5", values_text(d.jacobian_row, 4))
                .replace("%6", fmt_diff(d.max_abs_diff)))
        one_hot = np.zeros(state.n_classes)
        one_hot[i] = 1.0
        caption = self.tr("p = softmax(a / T), backward with grad_outputs = e_%1").replace(
            "%1", str(i))
        seed = self.tr("grad_outputs = e_%1 = %2").replace("%1", str(i)).replace(
            "%2", values_text(one_hot))
        return [Drawing(caption, d.graph, seed, True)], note

    @staticmethod
    def _incoming(graph: AutogradGraph, node: int) -> list:
        return [e for e in graph.edges if e.target == node]

    def _node_rows(self, drawing: Drawing, node: GraphNode, ran) -> list[Row]:
        """A node's rows (kind, text, lines, role): the band of incoming gradients, its name, what
        it computes, what it saved, and for a leaf (or where gradients meet) their sum.
        How many lines a row may take depends on the graph's shape only (sizes, names),
        never on the numbers, so equal shapes give equal boxes and the same cached layout."""
        graph = drawing.graph
        width = self._box_text_width()
        rows: list[Row] = []
        state = ran(node.id)
        incoming = self._incoming(graph, node.id)
        if node.id == graph.nodes[0].id:
            rows.append((BAND, drawing.seed, lines_for(_size(node.grad_output)), state))
        names = distinct_names(graph, short=True) if len(incoming) > 1 else {}
        for e in incoming:
            text = values_text(e.grad) if ran(e.source) != PENDING else self.tr("not yet")
            lines = lines_for(_size(e.grad))
            if len(incoming) > 1:  # which edge: named by its source, a line more for it
                text = self.tr("from %1: %2").replace(
                    "%1", names[e.source]).replace("%2", text)
                lines = min(3, lines + 1) if _size(e.grad) > 1 else lines
            rows.append((BAND, text, lines, ran(e.source)))
        rows.append((TITLE, self._title(node, graph), 1, None))
        meaning = translated_meaning(node)
        lines = min(MEANING_LINES, self._lines(meaning, MEANING, width))
        rows.append((MEANING, meaning, lines, None))
        options = "; ".join(option_text(s) for s in node.saved if not s.is_tensor)
        if options:
            rows.append((SAVED, options, min(3, self._lines(options, SAVED, width)), None))
        freed_word = QCoreApplication.translate(CONTEXT, "freed")
        # a tensor backward frees holds its values until its node has run (pitfall C)
        before = {s.name: s for s in node.saved_before}
        for s in node.saved_at(state == DONE):
            if not s.is_tensor:
                continue
            held = before.get(s.name, s)  # its lines: the same before and after it is freed
            size = int(np.prod(held.shape)) if held.shape else 1
            lines = 2 if held.truncated else lines_for(size)
            if s.freed:
                rows.append((FREED, f"{s.short_name}: {freed_word}", lines, None))
            else:
                rows.append((SAVED, f"{s.short_name} = {s.text}", lines, None))
        if node.leaf is not None or len(incoming) > 1:
            done = state == DONE or (state == NOW and node.leaf is not None)
            value = values_text(node.grad_output) if done else "None"
            text = (f"{node.leaf}.grad = {value}" if node.leaf is not None
                    else self.tr("sum in = %1").replace("%1", value))
            rows.append((GRAD, text, lines_for(_size(node.grad_output)), None))
        return rows

    def _lines(self, text: str, kind: str, width: float) -> int:
        """Lines `text` wraps to (a meaning, a node's options: few texts, each measured once)."""
        key = (text, kind, width)
        if key not in self._line_counts:
            self._line_counts[key] = len(fit_lines(text, self._fonts[kind], width, 99))
        return self._line_counts[key]

    @staticmethod
    def _shape(drawing: Drawing, rows: list[list[Row]]) -> tuple:
        """The drawing's shape as the boxes see it: each node's (name, leaf, rows' kinds
        and lines), and the edges; equal shapes keep the boxes and their layout."""
        nodes = tuple((n.name, n.leaf, tuple((SAVED if kind == FREED else kind, lines)
                                             for kind, _, lines, _ in r))
                      for n, r in zip(drawing.graph.nodes, rows, strict=True))
        return (nodes, tuple((e.source, e.target, e.input_nr) for e in drawing.graph.edges))

    def _box_text_width(self) -> float:
        return self._box_width - 2 * PAD

    def _build(self, drawings: list[Drawing]) -> None:
        """New items for a new shape: boxes, then the layout (core, cached), then edges."""
        from core.graph_layout import layout_for

        self.scene.clear()
        self.node_items, self.edge_items, self.layouts, self.captions = [], [], [], []
        left = 0.0
        bottom = 0.0
        for drawing, (nodes, _) in zip(drawings, self._structure, strict=True):
            graph = drawing.graph
            items = {}
            for node, (_, leaf, rows) in zip(graph.nodes, nodes, strict=True):
                items[node.id] = NodeItem(list(rows), self._fonts, self._palette,
                                          leaf=leaf is not None, width=self._box_width)
            sizes = [(items[n.id].width, items[n.id].height) for n in graph.nodes]
            layout = layout_for(graph, sizes)
            caption = QGraphicsSimpleTextItem(drawing.caption)
            caption.setFont(self._fonts[TITLE])
            caption.setBrush(self._palette.ink)
            caption.setPos(left, 0.0)
            self.scene.addItem(caption)
            top = caption.boundingRect().height() + CAPTION_GAP
            for node in graph.nodes:
                x, y, _, _ = layout.box(node.id)
                items[node.id].setPos(left + x, top + y)
                self.scene.addItem(items[node.id])
            edges = {}
            for e in graph.edges:
                points = [(left + x, top + y) for x, y in layout.path(e.source, e.target)]
                edge = EdgeItem(points, self._palette)
                edge.setZValue(-1)
                self.scene.addItem(edge)
                edges[(e.source, e.target, e.input_nr)] = edge
            self.node_items.append(items)
            self.edge_items.append(edges)
            self.layouts.append(layout)
            self.captions.append(caption)
            width = max(layout.width, caption.boundingRect().width())
            left += width + DRAWING_GAP
            bottom = max(bottom, top + layout.height)
        self.view.set_drawing(QRectF(0.0, 0.0, left - DRAWING_GAP, bottom))

    def _title(self, node: GraphNode, graph: AutogradGraph) -> str:
        name = distinct_names(graph)[node.id]
        if node.leaf is not None:
            return self.tr("%1 — leaf %2").replace("%1", name).replace("%2", node.leaf)
        return name

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
                        else self._node_rows(drawing, node, ran))
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
            first = graph.nodes[0].name
            text = self.tr("Before backward: forward has saved what each node needs; no "
                           "gradient has flowed yet. Step runs %1 first, with %2.").replace(
                "%1", first).replace("%2", drawing.seed)
        elif p < n:
            text = self._step_text(graph, p)
        else:
            text = self._end_text(drawing)
        self.readout.setText(minus_in_numbers(text))

    def _step_text(self, graph: AutogradGraph, p: int) -> str:
        step = graph.steps[p]
        by_id = {node.id: node for node in graph.nodes}
        names = distinct_names(graph)  # two MulBackward0: "MulBackward0 #4", "… #6"
        node = by_id[step.node]
        lines = [self.tr("Step %1 of %2: %3 — incoming gradient g = %4").replace(
            "%1", str(p + 1)).replace("%2", str(len(graph.steps))).replace(
            "%3", names[node.id]).replace("%4", values_text(step.grad_output, 4))]
        outgoing = graph.edges_from(step.node)
        if node.leaf is not None:
            lines.append(self.tr("a leaf: %1.grad += g, so %1.grad = %2").replace(
                "%1", node.leaf).replace("%2", values_text(node.grad_output, 4)))
        elif not outgoing:
            lines.append(self.tr("it passes nothing on"))
        local = graph.local_step(p)  # formed now, for the step shown (core caches it)
        for e, jac, product in zip(outgoing, local.local_jacobians, local.products,
                                   strict=True):
            target = names[e.target]
            if product is None:
                lines.append(self.tr("to %1: its local Jacobian cannot be formed (the saved "
                                     "tensors were freed); it passed %2").replace(
                    "%1", target).replace("%2", values_text(e.grad, 4)))
                continue
            lines.append(self.tr("to %1: local Jacobian J = %2; g·J = %3").replace(
                "%1", target).replace("%2", jacobian_text(jac)).replace(
                "%3", values_text(product, 4)))
        return "\n".join(lines)

    def _end_text(self, drawing: Drawing) -> str:
        graph = drawing.graph
        parts = []
        for leaf, grad in graph.leaf_grads.items():
            closed = graph.closed_form.get(leaf)
            diff = graph.closed_form_diff(leaf)
            if closed is None or diff is None:
                continue
            parts.append(self.tr("%1.grad = %2 = closed form %3 (max |diff| %4)")
                         .replace("%1", leaf).replace("%2", values_text(grad, 4))
                         .replace("%3", values_text(closed, 4)).replace("%4", fmt_diff(diff)))
        text = self.tr("Backward done. ") + "; ".join(parts)
        result = self._result
        mode = self.current_mode()
        autograd = graph.autograd_diff("a")
        if result is not None and mode == "classifier" and autograd is not None:
            # chosen_gradient is O(N), what the softmax and surface views draw; the
            # four ways with central differences (result.chosen, O(N²)) stay on the
            # gradient table, off this panel's frame
            text += "\n" + self.tr("torch.autograd.grad on the same graph differs by %1; "
                                   "the loss L = %2 here, %3 in the other views.").replace(
                "%1", fmt_diff(autograd)).replace("%2", sig(graph.loss, 6)).replace(
                "%3", sig(result.chosen_gradient.value, 6))
        elif mode == "regression":
            # torch.autograd.grad on the same graph, and its difference from .grad: core's
            grads = graph.autograd_grads
            diffs = [graph.autograd_diff(leaf) for leaf in ("w", "b")]
            if "w" in grads and "b" in grads and None not in diffs:
                text += "\n" + self.tr("torch.autograd.grad gives ∂L/∂w = %1, ∂L/∂b = %2 "
                                       "(max |diff| %3).").replace(
                    "%1", sig(float(grads["w"]), 4)).replace(
                    "%2", sig(float(grads["b"]), 4)).replace("%3", fmt_diff(max(diffs)))
        return text

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

"""Which graphs the Graph tab draws for each of its modes: the classifier's or the
regression's loss, or one of the note's pitfalls B, C and D, each as a Drawing (graph,
caption, the seed of its backward) with the note that explains the pitfall; and the
scene's items for them (build_scene: boxes, laid out by core.graph_layout, and edges).
Every graph and error text is the Result's (core); this module only picks, words and
places them.

The texts are the panel's, in its translation context "GraphPanel".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from core.number_format import fmt_diff
from gui.items.graph_items import TITLE, EdgeItem, NodeItem, Palette
from gui.panels.graph_texts import loss_label, sentence, values_text

if TYPE_CHECKING:
    from core.autograd_graph import AutogradGraph
    from core.result import Result

DRAWING_GAP = 60.0     # between pitfall B's two graphs
CAPTION_GAP = 6.0      # between a caption and its graph


@dataclass(frozen=True)
class Drawing:
    """One graph on the scene, with a caption above it and the seed of its backward."""

    caption: str
    graph: AutogradGraph
    seed: str        # the band above the root: what backward starts with
    stepped: bool    # the step-through walks this one


def drawings_for(result: Result, mode: str, row: int) -> tuple[list[Drawing], str]:
    """The drawings of a mode and its note ("" but for the pitfalls); row: pitfall D's
    Jacobian row."""
    state = result.state
    one = QCoreApplication.translate("GraphPanel", "∂L/∂L = 1 (backward() starts here)")
    if mode == "classifier":
        caption = QCoreApplication.translate(
            "GraphPanel", "The classifier's loss (%1) of z = a / T; leaf a").replace(
            "%1", loss_label(state.loss))
        return [Drawing(caption, result.autograd_graph, one, True)], ""
    if mode == "regression":
        caption = QCoreApplication.translate(
            "GraphPanel", "The regression's loss (%1) of ŷ = w·x + b; leaves w and b"
        ).replace("%1", loss_label(state.regression.loss, "regression"))
        return [Drawing(caption, result.regression_graph, one, True)], ""
    if mode == "pitfall_b":
        b = result.late_requires_grad
        note = (QCoreApplication.translate(
            "GraphPanel", "B. The graph was recorded while w did not require grad: it has no "
                          "path to w. After w.requires_grad_(), torch.autograd.grad(old loss, "
                          "[w]) raises %1: %2 Rebuilt after requires_grad_(), the graph "
                          "reaches w (right).")
                .replace("%1", b.error_type).replace("%2", sentence(b.error)))
        before = QCoreApplication.translate("GraphPanel",
                                            "Before: built, then w.requires_grad_()")
        after = QCoreApplication.translate("GraphPanel", "After: the loss rebuilt")
        return [Drawing(before, b.before, one, False),
                Drawing(after, b.after, one, True)], note
    if mode == "pitfall_c":
        c = result.freed_graph
        if c.saved_error == c.error:
            raised = QCoreApplication.translate(
                "GraphPanel", "Reading one, or a second backward, raises %1: %2").replace(
                "%1", c.error_type).replace("%2", sentence(c.error))
        else:
            raised = QCoreApplication.translate(
                "GraphPanel", "Reading one raises: %1 A second backward raises %2: %3").replace(
                "%1", sentence(c.saved_error)).replace("%2", c.error_type).replace(
                "%3", sentence(c.error))
        note = (QCoreApplication.translate(
            "GraphPanel", "C. backward() without retain_graph freed each node's saved "
                          "tensors as it ran (struck through). "
                          "%1 With retain_graph=True the second backward runs and a.grad "
                          "accumulates: %2 after the first, %3 after the second.")
                .replace("%1", raised).replace("%2", values_text(c.grad_first, 4))
                .replace("%3", values_text(c.grad_second, 4)))
        caption = QCoreApplication.translate("GraphPanel",
                                             "After loss.backward() without retain_graph")
        return [Drawing(caption, c.graph, one, True)], note
    d = result.softmax_rows[row]
    i = d.row
    note = (QCoreApplication.translate(
        "GraphPanel", "D. p is a vector: torch.autograd.grad(p, [a]) raises %1: %2 With "
                      "grad_outputs = e_%3 it gives the vector–Jacobian product e_%3ᵀ·∂p/∂a "
                      "= %4, row %3 of the Jacobian (its formula: %5; max |diff| %6).")
            .replace("%1", d.error_type).replace("%2", sentence(d.error))
            .replace("%3", str(i))
            .replace("%4", values_text(d.vjp, 4))
            .replace("%5", values_text(d.jacobian_row, 4))
            .replace("%6", fmt_diff(d.max_abs_diff)))
    one_hot = np.zeros(state.n_classes)
    one_hot[i] = 1.0
    caption = QCoreApplication.translate(
        "GraphPanel", "p = softmax(a / T), backward with grad_outputs = e_%1").replace(
        "%1", str(i))
    seed = QCoreApplication.translate("GraphPanel", "grad_outputs = e_%1 = %2").replace(
        "%1", str(i)).replace("%2", values_text(one_hot))
    return [Drawing(caption, d.graph, seed, True)], note


def build_scene(scene: QGraphicsScene, drawings: list[Drawing], structure: tuple,
                fonts: dict[str, QFont], palette: Palette, box_width: float
                ) -> tuple[list[dict[int, NodeItem]],
                           list[dict[tuple[int, int, int], EdgeItem]],
                           list, list[QGraphicsSimpleTextItem], QRectF]:
    """New items for a new shape, side by side on a cleared scene: each drawing's caption,
    its boxes (structure: the shapes graph_texts.box_shape gave), then the layout (core,
    cached), then its edges. Returns the node items, edge items, layouts and captions per
    drawing, and the rectangle they cover."""
    from core.graph_layout import layout_for

    scene.clear()
    node_items, edge_items, layouts, captions = [], [], [], []
    left = 0.0
    bottom = 0.0
    for drawing, (nodes, _) in zip(drawings, structure, strict=True):
        graph = drawing.graph
        items = {}
        for node, (_, leaf, rows) in zip(graph.nodes, nodes, strict=True):
            items[node.id] = NodeItem(list(rows), fonts, palette,
                                      leaf=leaf is not None, width=box_width)
        sizes = [(items[n.id].width, items[n.id].height) for n in graph.nodes]
        layout = layout_for(graph, sizes)
        caption = QGraphicsSimpleTextItem(drawing.caption)
        caption.setFont(fonts[TITLE])
        caption.setBrush(palette.ink)
        caption.setPos(left, 0.0)
        scene.addItem(caption)
        top = caption.boundingRect().height() + CAPTION_GAP
        for node in graph.nodes:
            x, y, _, _ = layout.box(node.id)
            items[node.id].setPos(left + x, top + y)
            scene.addItem(items[node.id])
        edges = {}
        for e in graph.edges:
            points = [(left + x, top + y) for x, y in layout.path(e.source, e.target)]
            edge = EdgeItem(points, palette)
            edge.setZValue(-1)
            scene.addItem(edge)
            edges[(e.source, e.target, e.input_nr)] = edge
        node_items.append(items)
        edge_items.append(edges)
        layouts.append(layout)
        captions.append(caption)
        width = max(layout.width, caption.boundingRect().width())
        left += width + DRAWING_GAP
        bottom = max(bottom, top + layout.height)
    return node_items, edge_items, layouts, captions, QRectF(0.0, 0.0, left - DRAWING_GAP,
                                                             bottom)

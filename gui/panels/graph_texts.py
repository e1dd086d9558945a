"""The Graph tab's words: the texts its boxes, readout and notes show, built from core's
graph records (values, local Jacobians, saved options, node meanings, the step of backward
and its end). Pure functions of their arguments: no widget, no scene.

Their translation contexts are the panel's: "GraphPanel" for its own sentences (so the
panel's existing translations apply) and "Graph" for what core marked (node meanings,
"freed", why a saved attribute is None).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.number_format import fmt_diff, sig
from gui.items.graph_items import BAND, DONE, FREED, GRAD, MEANING, NOW, PENDING, SAVED, TITLE
from gui.look.language import loss_title
from gui.look.language import short_name as loss_short_name

if TYPE_CHECKING:
    from core.autograd_graph import AutogradGraph, GraphNode
    from core.graph_nodes import SavedValue
    from core.result import Result
    from gui.panels.graph_drawings import Drawing

CONTEXT = "Graph"  # core's node meanings and "freed" are in this translation context
SHOWN_VALUES = 16      # core keeps 6 values of a larger saved tensor; the same here
HEAD = 6
MEANING_LINES = 3      # a meaning wraps to at most this many lines
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


def size_of(values: np.ndarray | None) -> int:
    return 1 if values is None else int(np.size(values))


# --------------------------------------------------------------------------- nodes as text
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


def short_name(name: str) -> str:
    return name.split("Backward")[0] or name


def loss_label(loss: str, kind: str = "classifier") -> str:
    """"FL — sigmoid focal loss": the symbol and the translated name, as the loss chooser
    writes them; the name alone where it is the symbol ("Huber")."""
    short, title = loss_short_name(loss, kind), loss_title(loss, kind)
    return title if title.startswith(short) else f"{short} — {title}"


# --------------------------------------------------------------------------- a node's box
def incoming_edges(graph: AutogradGraph, node: int) -> list:
    return [e for e in graph.edges if e.target == node]


def node_rows(drawing: Drawing, node: GraphNode, ran: Callable[[int], str],
              measure: Callable[[str, str], int]) -> list[Row]:
    """A node's rows (kind, text, lines, role): the band of incoming gradients, its name, what
    it computes, what it saved, and for a leaf (or where gradients meet) their sum.
    How many lines a row may take depends on the graph's shape only (sizes, names),
    never on the numbers, so equal shapes give equal boxes and the same cached layout."""
    graph = drawing.graph
    rows: list[Row] = []
    state = ran(node.id)
    incoming = incoming_edges(graph, node.id)
    if node.id == graph.nodes[0].id:
        rows.append((BAND, drawing.seed, lines_for(size_of(node.grad_output)), state))
    names = distinct_names(graph, short=True) if len(incoming) > 1 else {}
    for e in incoming:
        text = (values_text(e.grad) if ran(e.source) != PENDING
                else QCoreApplication.translate("GraphPanel", "not yet"))
        lines = lines_for(size_of(e.grad))
        if len(incoming) > 1:  # which edge: named by its source, a line more for it
            text = QCoreApplication.translate("GraphPanel", "from %1: %2").replace(
                "%1", names[e.source]).replace("%2", text)
            lines = min(3, lines + 1) if size_of(e.grad) > 1 else lines
        rows.append((BAND, text, lines, ran(e.source)))
    rows.append((TITLE, node_title(node, graph), 1, None))
    meaning = translated_meaning(node)
    lines = min(MEANING_LINES, measure(meaning, MEANING))
    rows.append((MEANING, meaning, lines, None))
    options = "; ".join(option_text(s) for s in node.saved if not s.is_tensor)
    if options:
        rows.append((SAVED, options, min(3, measure(options, SAVED)), None))
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
                else QCoreApplication.translate("GraphPanel", "sum in = %1").replace(
                    "%1", value))
        rows.append((GRAD, text, lines_for(size_of(node.grad_output)), None))
    return rows


def node_title(node: GraphNode, graph: AutogradGraph) -> str:
    name = distinct_names(graph)[node.id]
    if node.leaf is not None:
        return QCoreApplication.translate("GraphPanel", "%1 — leaf %2").replace(
            "%1", name).replace("%2", node.leaf)
    return name


def box_shape(drawing: Drawing, rows: list[list[Row]]) -> tuple:
    """The drawing's shape as the boxes see it: each node's (name, leaf, rows' kinds
    and lines), and the edges; equal shapes keep the boxes and their layout."""
    nodes = tuple((n.name, n.leaf, tuple((SAVED if kind == FREED else kind, lines)
                                         for kind, _, lines, _ in r))
                  for n, r in zip(drawing.graph.nodes, rows, strict=True))
    return (nodes, tuple((e.source, e.target, e.input_nr) for e in drawing.graph.edges))


# --------------------------------------------------------------------------- the readout
def before_text(graph: AutogradGraph, seed: str) -> str:
    """The readout before backward: what step 1 runs, and with what."""
    return QCoreApplication.translate(
        "GraphPanel", "Before backward: forward has saved what each node needs; no "
                      "gradient has flowed yet. Step runs %1 first, with %2.").replace(
        "%1", graph.nodes[0].name).replace("%2", seed)


def step_text(graph: AutogradGraph, p: int) -> str:
    """The readout at step p of backward: the node, its incoming gradient, and per outgoing
    edge its local Jacobian and g·J (formed now by core, for the step shown)."""
    step = graph.steps[p]
    by_id = {node.id: node for node in graph.nodes}
    names = distinct_names(graph)  # two MulBackward0: "MulBackward0 #4", "… #6"
    node = by_id[step.node]
    lines = [QCoreApplication.translate(
        "GraphPanel", "Step %1 of %2: %3 — incoming gradient g = %4").replace(
        "%1", str(p + 1)).replace("%2", str(len(graph.steps))).replace(
        "%3", names[node.id]).replace("%4", values_text(step.grad_output, 4))]
    outgoing = graph.edges_from(step.node)
    if node.leaf is not None:
        lines.append(QCoreApplication.translate(
            "GraphPanel", "a leaf: %1.grad += g, so %1.grad = %2").replace(
            "%1", node.leaf).replace("%2", values_text(node.grad_output, 4)))
    elif not outgoing:
        lines.append(QCoreApplication.translate("GraphPanel", "it passes nothing on"))
    local = graph.local_step(p)  # formed now, for the step shown (core caches it)
    for e, jac, product in zip(outgoing, local.local_jacobians, local.products,
                               strict=True):
        target = names[e.target]
        if product is None:
            lines.append(QCoreApplication.translate(
                "GraphPanel", "to %1: its local Jacobian cannot be formed (the saved "
                              "tensors were freed); it passed %2").replace(
                "%1", target).replace("%2", values_text(e.grad, 4)))
            continue
        lines.append(QCoreApplication.translate(
            "GraphPanel", "to %1: local Jacobian J = %2; g·J = %3").replace(
            "%1", target).replace("%2", jacobian_text(jac)).replace(
            "%3", values_text(product, 4)))
    return "\n".join(lines)


def end_text(graph: AutogradGraph, mode: str, result: Result | None) -> str:
    """The readout once backward is done: each leaf's .grad beside its closed form, and
    torch.autograd.grad on the same graph (mode: the panel's, which graph this is)."""
    parts = []
    for leaf, grad in graph.leaf_grads.items():
        closed = graph.closed_form.get(leaf)
        diff = graph.closed_form_diff(leaf)
        if closed is None or diff is None:
            continue
        parts.append(QCoreApplication.translate(
            "GraphPanel", "%1.grad = %2 = closed form %3 (max |diff| %4)")
                     .replace("%1", leaf).replace("%2", values_text(grad, 4))
                     .replace("%3", values_text(closed, 4)).replace("%4", fmt_diff(diff)))
    text = QCoreApplication.translate("GraphPanel", "Backward done. ") + "; ".join(parts)
    autograd = graph.autograd_diff("a")
    if result is not None and mode == "classifier" and autograd is not None:
        # chosen_gradient is O(N), what the softmax and surface views draw; the
        # four ways with central differences (result.chosen, O(N²)) stay on the
        # gradient table, off this panel's frame
        text += "\n" + QCoreApplication.translate(
            "GraphPanel", "torch.autograd.grad on the same graph differs by %1; "
                          "the loss L = %2 here, %3 in the other views.").replace(
            "%1", fmt_diff(autograd)).replace("%2", sig(graph.loss, 6)).replace(
            "%3", sig(result.chosen_gradient.value, 6))
    elif mode == "regression":
        # torch.autograd.grad on the same graph, and its difference from .grad: core's
        grads = graph.autograd_grads
        diffs = [graph.autograd_diff(leaf) for leaf in ("w", "b")]
        if "w" in grads and "b" in grads and None not in diffs:
            text += "\n" + QCoreApplication.translate(
                "GraphPanel", "torch.autograd.grad gives ∂L/∂w = %1, ∂L/∂b = %2 "
                              "(max |diff| %3).").replace(
                "%1", sig(float(grads["w"]), 4)).replace(
                "%2", sig(float(grads["b"]), 4)).replace("%3", fmt_diff(max(diffs)))
    return text

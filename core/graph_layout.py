"""Where the autograd graph's boxes go: a layered (Sugiyama) layout by grandalf, the loss
on top and the leaves at the bottom, as plain numbers the GUI places its items at.

Laying out costs milliseconds, far more than a frame should spend on it, and while a logit
is dragged only the numbers change, never the graph's shape; so the layout is cached on
what it depends on — node ids, box sizes and edges — and a drag reuses the same object.
Coordinates are Qt scene coordinates: x to the right, y downward, (0, 0) the top-left
corner of the drawing.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from grandalf.graphs import Edge, Graph, Vertex
from grandalf.layouts import SugiyamaLayout

from core.autograd_graph import AutogradGraph

Point = tuple[float, float]
X_SPACE = 24.0          # between boxes side by side
Y_SPACE = 40.0          # between layers
COMPONENT_SPACE = 48.0  # between unconnected parts (never in a loss's graph)
DUMMY_WIDTH = 8.0       # a long edge's bend point takes this much room in its layer


@dataclass(frozen=True)
class GraphLayout:
    """Box centres and edge polylines; shared by every caller with the same shape, so it is
    immutable."""

    ids: tuple[int, ...]
    centres: tuple[Point, ...]        # aligned with ids
    sizes: tuple[Point, ...]          # (width, height), as given
    edges: tuple[tuple[int, int], ...]  # each (source, target) once, in the order given
    paths: tuple[tuple[Point, ...], ...]  # per edge: the source box's bottom centre, bends,
                                          # the target box's top centre
    width: float
    height: float

    def centre(self, node: int) -> Point:
        return self.centres[self.ids.index(node)]

    def box(self, node: int) -> tuple[float, float, float, float]:
        """(left, top, width, height) of the node's box."""
        i = self.ids.index(node)
        (x, y), (w, h) = self.centres[i], self.sizes[i]
        return x - w / 2, y - h / 2, w, h

    def path(self, source: int, target: int) -> tuple[Point, ...]:
        return self.paths[self.edges.index((source, target))]


def layout_graph(ids: Sequence[int], sizes: Sequence[Sequence[float]],
                 edges: Sequence[Sequence[int]]) -> GraphLayout:
    """Lay out nodes `ids` with box `sizes` (width, height) and directed `edges`
    (source, target), sources above targets. Cached: the same arguments return the same
    object without laying out again."""
    key_ids = tuple(int(i) for i in ids)
    key_sizes = tuple((float(w), float(h)) for w, h in sizes)
    key_edges = tuple((int(s), int(t)) for s, t in edges)
    if len(key_sizes) != len(key_ids):
        raise ValueError(f"sizes: one (width, height) per node, {len(key_ids)} nodes, "
                         f"got {len(key_sizes)}")
    if len(set(key_ids)) != len(key_ids):
        raise ValueError("ids: each node once")
    known = set(key_ids)
    for s, t in key_edges:
        if s not in known or t not in known or s == t:
            raise ValueError(f"edges: ({s}, {t}) does not join two different given nodes")
    if any(w <= 0 or h <= 0 for w, h in key_sizes):
        raise ValueError("sizes: every width and height must be positive")
    return _layout(key_ids, key_sizes, tuple(dict.fromkeys(key_edges)))


def layout_for(graph: AutogradGraph, sizes: Sequence[Sequence[float]]) -> GraphLayout:
    """The layout of an AutogradGraph's nodes (sizes in node order). Node names enter only
    through the sizes the caller measured for them, so equal shape_key() and sizes mean
    the same cached layout."""
    return layout_graph([n.id for n in graph.nodes], sizes,
                        [(e.source, e.target) for e in graph.edges])


def layout_cache_clear() -> None:
    _layout.cache_clear()


@functools.lru_cache(maxsize=64)
def _layout(ids: tuple[int, ...], sizes: tuple[Point, ...],
            edges: tuple[tuple[int, int], ...]) -> GraphLayout:
    vertices = {i: Vertex(i) for i in ids}
    for i, (w, h) in zip(ids, sizes, strict=True):
        vertices[i].view = _View(w, h)
    g_edges = {(s, t): Edge(vertices[s], vertices[t]) for s, t in edges}
    graph = Graph(list(vertices.values()), list(g_edges.values()))

    centres: dict[int, Point] = {}
    bends: dict[tuple[int, int], list[Point]] = {}
    left = 0.0
    for component in graph.C:
        placed, component_bends = _lay_out_component(component, g_edges)
        lo = min(x - vertices[i].view.w / 2 for i, (x, _) in placed.items())
        hi = max(x + vertices[i].view.w / 2 for i, (x, _) in placed.items())
        for i, (x, y) in placed.items():
            centres[i] = (x - lo + left, y)
        for key, points in component_bends.items():
            bends[key] = [(x - lo + left, y) for x, y in points]
        left += hi - lo + COMPONENT_SPACE

    paths = []
    for s, t in edges:
        (xs, ys), (xt, yt) = centres[s], centres[t]
        start = (xs, ys + vertices[s].view.h / 2)
        end = (xt, yt - vertices[t].view.h / 2)
        paths.append((start, *bends.get((s, t), []), end))
    width = max(x + w / 2 for (x, _), (w, _) in zip(
        (centres[i] for i in ids), sizes, strict=True)) if ids else 0.0
    height = max(y + h / 2 for (_, y), (_, h) in zip(
        (centres[i] for i in ids), sizes, strict=True)) if ids else 0.0
    return GraphLayout(ids=ids, centres=tuple(centres[i] for i in ids), sizes=sizes,
                       edges=edges, paths=tuple(paths), width=width, height=height)


def _lay_out_component(component: object, g_edges: dict[tuple[int, int], Edge]
                       ) -> tuple[dict[int, Point], dict[tuple[int, int], list[Point]]]:
    """Sugiyama on one connected part; then each layer is swept left to right so no two
    boxes overlap (grandalf's averaged placement does not promise it)."""
    sug = SugiyamaLayout(component)
    sug.xspace, sug.yspace = X_SPACE, Y_SPACE
    sug.dw, sug.dh = DUMMY_WIDTH, 1.0  # bend points: narrow, and no taller than needed
    sug.init_all()
    sug.draw()
    for layer in sug.layers:
        row = sorted(layer, key=lambda v: v.view.xy[0])
        for prev, v in itertools.pairwise(row):
            least = prev.view.xy[0] + (prev.view.w + v.view.w) / 2 + X_SPACE
            if v.view.xy[0] < least:
                v.view.xy = (least, v.view.xy[1])
    placed = {v.data: v.view.xy for v in component.sV}
    bends: dict[tuple[int, int], list[Point]] = {}
    for key, edge in g_edges.items():
        ctrl = sug.ctrls.get(edge)
        if ctrl:
            r0, r1 = min(ctrl), max(ctrl)
            bends[key] = [ctrl[r].view.xy for r in range(r0 + 1, r1)]
    return placed, bends


class _View:
    """What grandalf reads of a vertex: its box size; it writes the centre into xy."""

    def __init__(self, w: float, h: float) -> None:
        self.w, self.h = w, h
        self.xy: Point = (0.0, 0.0)

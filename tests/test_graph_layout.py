"""The autograd graph's layout (core.graph_layout): every box placed, the loss above the
leaves, no two boxes overlapping, edges from box to box, and the cache a drag relies on."""

import itertools
import random
import time

import pytest

from core.autograd_graph import classifier_graph, regression_graph
from core.graph_layout import layout_cache_clear, layout_for, layout_graph
from core.state import Regression, State

LOSSES = ["cross_entropy", "mse", "kl_div", "sigmoid_focal", "multi_margin", "nll",
          "binary_cross_entropy", "binary_cross_entropy_with_logits"]


def sizes_for(graph, seed=0):
    """Boxes as a GUI might measure them: wide for long names, varied heights."""
    rng = random.Random(seed)
    return [(40 + 7 * len(n.name) + rng.randint(0, 30), 30 + rng.randint(0, 40))
            for n in graph.nodes]


def overlap(a, b) -> bool:
    (ax, ay, aw, ah), (bx, by, bw, bh) = a, b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def check(layout, ids, edges, root=None):
    assert set(layout.ids) == set(ids)
    boxes = {i: layout.box(i) for i in ids}
    for left, top, w, h in boxes.values():
        assert left >= -1e-9 and top >= -1e-9
        assert left + w <= layout.width + 1e-9 and top + h <= layout.height + 1e-9
    for i, j in itertools.combinations(ids, 2):
        assert not overlap(boxes[i], boxes[j]), (i, j, boxes[i], boxes[j])
    for s, t in edges:  # the one closer to the loss is above, with room for the edge
        assert boxes[s][1] + boxes[s][3] < boxes[t][1]
        path = layout.path(s, t)
        cx, _ = layout.centre(s)
        assert path[0] == pytest.approx((cx, boxes[s][1] + boxes[s][3]))
        tx, _ = layout.centre(t)
        assert path[-1] == pytest.approx((tx, boxes[t][1]))
        assert all(p[1] < q[1] for p, q in itertools.pairwise(path))
    if root is not None:
        assert boxes[root][1] == min(b[1] for b in boxes.values())


@pytest.mark.parametrize("loss", LOSSES)
def test_every_classifier_graph_is_laid_out_top_down(loss):
    state = State(logits=(2.0, 1.0, 0.1), target=0, loss=loss, label_smoothing=0.1)
    g = classifier_graph(state)
    layout = layout_for(g, sizes_for(g))
    check(layout, [n.id for n in g.nodes], [(e.source, e.target) for e in g.edges], root=0)
    leaf = next(n.id for n in g.nodes if n.leaf == "a")
    assert layout.centre(leaf)[1] == max(c[1] for c in layout.centres)


def test_regression_graph_has_both_leaves_below_the_loss():
    g = regression_graph(State(regression=Regression(x=(1.0, 2.0), y=(2.0, 1.0), loss="l1")))
    layout = layout_for(g, sizes_for(g, seed=3))
    check(layout, [n.id for n in g.nodes], [(e.source, e.target) for e in g.edges], root=0)
    for leaf in ("w", "b"):
        assert layout.centre(g.leaf_node(leaf).id)[1] > layout.centre(0)[1]


@pytest.mark.parametrize("seed", range(6))
def test_random_dags_never_overlap(seed):
    rng = random.Random(seed)
    n = rng.randint(8, 25)
    edges = {(i, j) for j in range(1, n) for i in rng.sample(range(j), min(j, rng.randint(1, 3)))}
    sizes = [(rng.uniform(30, 260), rng.uniform(20, 90)) for _ in range(n)]
    layout = layout_graph(range(n), sizes, sorted(edges))
    check(layout, list(range(n)), sorted(edges), root=0)


def test_cached_layout_is_the_same_object_and_fast():
    g = classifier_graph(State(logits=(2.0, 1.0, 0.1), target=0, loss="sigmoid_focal"))
    sizes = sizes_for(g)
    layout_cache_clear()
    start = time.perf_counter()
    first = layout_for(g, sizes)
    fresh = time.perf_counter() - start
    # a drag: other numbers, the same shape
    moved = classifier_graph(State(logits=(-3.0, 4.0, 0.5), target=0, loss="sigmoid_focal",
                                   temperature=2.0))
    assert moved.shape_key() == g.shape_key()
    cached = []
    for _ in range(5):
        start = time.perf_counter()
        again = layout_for(moved, sizes)
        cached.append(time.perf_counter() - start)
        assert again is first
    assert min(cached) < fresh and min(cached) < 1e-3
    # other box sizes (a language switch): laid out again
    wider = [(w + 50, h) for w, h in sizes]
    assert layout_for(g, wider) is not first


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="sizes"):
        layout_graph([0, 1], [(10, 10)], [(0, 1)])
    with pytest.raises(ValueError, match="edges"):
        layout_graph([0, 1], [(10, 10), (10, 10)], [(0, 2)])
    with pytest.raises(ValueError, match="sizes"):
        layout_graph([0, 1], [(10, 10), (0, 10)], [(0, 1)])

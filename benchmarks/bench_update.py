"""Update latency: set_state -> compute -> every view repainted, p50 and p95 in ms.

Runs the real window offscreen. Each sample changes one logit (as a slider drag does) and
runs the event loop until each of the four views has received and finished a paint event:
the store coalesces, the window computes once, the views update their items, Qt repaints
what changed. The clock stops when the last view has painted. Prints a table and, last,
one line of JSON.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_update.py [--samples 200]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

WARM_UP = 40
CASES = [  # (N, surface grid, target p95 in ms or None)
    (3, 100, None),
    (10, 200, 16.0),
    (32, 200, None),
    (256, 400, 33.0),
]
# The same frames with two CPU-bound processes beside the app, with the CE and the MSE
# surface shown: the target is twice the unloaded budget.
BUSY_PROCESSES = 2
LOADED_CASES = [  # (N, surface grid, surface loss, target p95 in ms)
    (10, 200, "cross_entropy", 33.0),
    (10, 200, "mse", 33.0),
    (256, 400, "cross_entropy", 66.0),
    (256, 400, "mse", 66.0),
]

# Every classifier loss of the family shown in the window (its surface, bars and gradient
# table four ways), at the unloaded budgets: (N, surface grid, target p95 in ms)
FAMILY_SIZES = [(10, 200, 16.0), (256, 400, 33.0)]

# The Graph tab shown while a logit is dragged: torch's autograd graph traced and its
# boxes' numbers rewritten every frame. (tab, loss, N, surface grid, target p95 in ms)
# N = 64 is the largest N whose nodes' local Jacobians the step-through forms
# (core.autograd_graph.MAX_JACOBIAN_OUTPUTS): a frame must not pay for them.
TAB_CASES = [("graph", "cross_entropy", 10, 200, 16.0),
             ("graph", "sigmoid_focal", 10, 200, 16.0),
             ("graph", "cross_entropy", 64, 200, 16.0),
             ("graph", "sigmoid_focal", 64, 200, 16.0)]
# With a tab shown, one logit is dragged, a₀: a box shows a long vector's first values
# only (and at N = 64 the graph scrolls), so a drag of a logit out of sight could change
# nothing in sight. A frame that still repaints nothing ends once the panel holds the new
# Result and this many passes of the event loop painted nothing ("unpainted").
IDLE_PASSES = 3


@contextlib.contextmanager
def busy_machine(processes: int = BUSY_PROCESSES) -> Iterator[None]:
    """`processes` CPU-bound Python processes spinning beside the benchmark."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                for _ in range(processes)]
    try:
        time.sleep(0.5)  # let them reach full speed
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    a = np.array(samples_ms)
    return {"p50": float(np.percentile(a, 50)), "p95": float(np.percentile(a, 95)),
            "mean": float(a.mean())}


class PaintWatcher:
    """Notes which of the watched widgets have received a paint event."""

    def __init__(self, widgets):
        from PySide6.QtCore import QEvent, QObject

        watcher = self

        class _Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    watcher.painted.add(obj)
                return False

        self.painted: set = set()
        self.widgets = list(widgets)
        self._filter = _Filter()
        for widget in self.widgets:
            widget.installEventFilter(self._filter)

    def all_painted(self) -> bool:
        return len(self.painted) == len(self.widgets)


def paint_targets(window, tab: str | None = None):
    """The widgets that draw each view: plot viewports and the gradient table's viewport;
    with a panel's tab shown (its registry name), the widget that draws that panel (its
    graphics view's viewport, or the panel itself)."""
    if tab is not None:
        panel = window.panel(tab)
        view = getattr(panel, "view", None)
        return [view.viewport() if view is not None else panel]
    return [getattr(view, "plot_widget", None).viewport() if hasattr(view, "plot_widget")
            else view.table.viewport() for view in window.views.values()]


def measure_window(n: int, grid: int, samples: int, loss: str = "cross_entropy",
                   torch_threads: int | None = None, tab: str | None = None
                   ) -> dict[str, float]:
    """torch_threads: override the app's own setting (one thread), to compare.
    tab: time with that panel's tab shown (a registry name, e.g. "graph") instead of the
    Classifier tab, a₀ dragged; its frame ends at its repaint, or once it holds the new
    Result and IDLE_PASSES of the event loop painted nothing (then nothing it shows
    changed; counted in "unpainted")."""
    from PySide6.QtWidgets import QApplication

    from core import State, Surface
    from gui import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    while window.result() is None:  # torch loaded: its thread setting is the app's
        app.processEvents()
    if torch_threads is not None:
        import torch

        torch.set_num_threads(torch_threads)
    rng = np.random.default_rng(0)
    base = State(logits=tuple(rng.normal(0, 2, n)), target=0, loss=loss,
                 surface=Surface(grid=grid, axes=(0, 1)))
    window.set_state(base)
    app.processEvents()
    if tab is not None:
        window.show_view(tab)
        while window.result() is None or window.result().state != base:
            app.processEvents()
        for _ in range(3):
            app.processEvents()
    window.repaint()
    watcher = PaintWatcher(paint_targets(window, tab))
    panel = window.panel(tab) if tab is not None else None
    times = []
    unpainted = 0
    for k in range(samples + WARM_UP):
        logits = list(base.logits)
        logits[0 if tab is not None else k % n] = float(np.sin(k) * 5)
        state = base.replace(logits=tuple(logits))
        watcher.painted.clear()
        idle = 0
        start = time.perf_counter()
        window.set_state(state)
        while not watcher.all_painted():
            app.processEvents()
            shown = getattr(panel, "_result", None)
            if shown is not None and shown.state == state:
                idle += 1
                if idle >= IDLE_PASSES:
                    break
            if time.perf_counter() - start > 5:
                raise RuntimeError("a view never repainted")
        elapsed = (time.perf_counter() - start) * 1000
        if k >= WARM_UP:  # the first frames fill caches (fonts, glyphs, torch kernels)
            times.append(elapsed)
            unpainted += not watcher.all_painted()
    window.close()
    window.deleteLater()
    app.processEvents()
    if torch_threads is not None:
        import torch

        torch.set_num_threads(1)
    return {**percentiles(times), "unpainted": unpainted}


def machine() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--only", type=int, metavar="N", help="run only the case with N classes")
    parser.add_argument("--tab", help="only the cases with this panel's tab shown (graph)")
    args = parser.parse_args()
    from gui.look.plot_style import configure_pyqtgraph

    configure_pyqtgraph()
    rows = []
    if args.tab:
        for tab, loss, n, grid, target in TAB_CASES:
            if tab != args.tab or (args.only and n != args.only):
                continue
            stats = measure_window(n, grid, args.samples, loss, tab=tab)
            print(f"{tab} tab, {loss}, N = {n}: p50 {stats['p50']:.2f} ms, "
                  f"p95 {stats['p95']:.2f} ms (target {target:.0f}; "
                  f"{stats['unpainted']} of {args.samples} frames changed nothing in sight)")
        return
    for n, grid, target in CASES:
        if args.only and n != args.only:
            continue
        stats = measure_window(n, grid, args.samples)
        rows.append({"N": n, "grid": grid, **stats, "target_p95": target,
                     "meets_target": None if target is None else stats["p95"] <= target})
    print(f"Update latency, set_state -> all views repainted ({machine()})")
    print(f"{'N':>5} {'grid':>6} {'p50 ms':>8} {'p95 ms':>8} {'target':>8}  ok")
    for r in rows:
        target = f"{r['target_p95']:.0f}" if r["target_p95"] else "-"
        ok = {None: "", True: "yes", False: "NO"}[r["meets_target"]]
        print(f"{r['N']:>5} {r['grid']:>5}² {r['p50']:>8.2f} {r['p95']:>8.2f} {target:>8}  {ok}")
    print(json.dumps({"benchmark": "update_latency", "machine": machine(), "rows": rows}))


if __name__ == "__main__":
    main()

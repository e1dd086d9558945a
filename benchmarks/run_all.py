"""All benchmarks in one run, with the baselines measured alongside: a table, then JSON.

    make bench        (or: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py)

Update latency (set_state -> every view repainted) against the same views in matplotlib;
start-up against `python -c "import torch"`; the CLI's wall times. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import bench_startup  # noqa: E402
import bench_update  # noqa: E402
import numpy as np  # noqa: E402

CASES = [(3, 100, None), (10, 200, 16.0), (32, 200, None), (256, 400, 33.0)]


def stats(samples) -> dict[str, float]:
    a = np.asarray(samples)
    return {"p50": float(np.percentile(a, 50)), "p95": float(np.percentile(a, 95))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200, help="window updates per case")
    parser.add_argument("--mpl-samples", type=int, default=20, help="matplotlib updates")
    parser.add_argument("--runs", type=int, default=5, help="start-up and CLI runs")
    args = parser.parse_args()
    from gui.plot_style import configure_pyqtgraph

    configure_pyqtgraph()
    report: dict = {"machine": bench_update.machine(), "update": [], "startup": {}, "cli": {}}
    try:
        import bench_matplotlib
    except ImportError:
        bench_matplotlib = None
    for n, grid, target in CASES:
        ours = bench_update.measure_window(n, grid, args.samples)
        row = {"N": n, "grid": grid, "p50": ours["p50"], "p95": ours["p95"],
               "target_p95": target}
        if bench_matplotlib is not None:
            mpl = stats(bench_matplotlib.measure(n, grid, args.mpl_samples))
            row.update(mpl_p50=mpl["p50"], mpl_p95=mpl["p95"],
                       speedup_p50=mpl["p50"] / ours["p50"])
        report["update"].append(row)

    runs = [bench_startup.window_startup() for _ in range(args.runs)]
    torch_runs = [bench_startup.import_torch() for _ in range(args.runs)]
    report["startup"] = {"shown": stats([r[0] for r in runs]),
                         "numbers": stats([r[1] for r in runs]),
                         "import_torch": stats(torch_runs)}
    report["cli"] = {"compute": stats([bench_startup.cli_compute() for _ in range(args.runs)]),
                     "export": stats([bench_startup.cli_export() for _ in range(args.runs)])}

    print(f"Loss Lens benchmarks — {report['machine']}")
    print("\nUpdate latency: set_state -> compute -> every view repainted (ms)")
    print(f"{'N':>5} {'grid':>6} {'p50':>8} {'p95':>8} {'target':>7} {'mpl p50':>9} "
          f"{'mpl p95':>9} {'faster':>7}")
    for r in report["update"]:
        target = f"{r['target_p95']:.0f}" if r["target_p95"] else "-"
        mpl = (f"{r['mpl_p50']:>9.1f} {r['mpl_p95']:>9.1f} {r['speedup_p50']:>6.1f}×"
               if "mpl_p50" in r else f"{'(install .[bench])':>27}")
        print(f"{r['N']:>5} {r['grid']:>5}² {r['p50']:>8.2f} {r['p95']:>8.2f} {target:>7} {mpl}")
    s = report["startup"]
    print("\nStart-up (s, p50 / p95 of runs)")
    print(f"  window shown        {s['shown']['p50']:.2f} / {s['shown']['p95']:.2f}"
          "   (target ≤ 1.0)")
    print(f"  first numbers shown {s['numbers']['p50']:.2f} / {s['numbers']['p95']:.2f}"
          f"   (target ≤ import torch + 0.5 = {s['import_torch']['p50'] + 0.5:.2f})")
    print(f"  python -c 'import torch' {s['import_torch']['p50']:.2f} / "
          f"{s['import_torch']['p95']:.2f}")
    c = report["cli"]
    print("\nCommand line wall time (s, p50 / p95)")
    print(f"  main.py compute  {c['compute']['p50']:.2f} / {c['compute']['p95']:.2f}")
    print(f"  main.py export   {c['export']['p50']:.2f} / {c['export']['p95']:.2f}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()

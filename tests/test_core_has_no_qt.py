"""core/ must stay importable and testable without Qt: no import of PySide6, pyqtgraph, superqt."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "core"
FORBIDDEN = ("PySide6", "pyqtgraph", "superqt", "shiboken6", "gui")


def test_no_core_module_imports_qt_statically():
    offenders = []
    for path in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_and_running_core_loads_no_qt():
    code = (
        "import sys\n"
        "import core, core.text_report, core.state_file, core.flags\n"
        "r = core.compute(core.State())\n"
        "core.text_report.format_result(r)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=CORE.parent, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_import_core_is_lazy_about_torch():
    code = "import sys, core; s = core.State(); assert 'torch' not in sys.modules"
    out = subprocess.run([sys.executable, "-c", code], cwd=CORE.parent, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr

"""Running the scripts core.code_generator writes, as a user would: each on its own."""

import json
import subprocess
import sys
from pathlib import Path

from core import State
from core.code_generator import generate_script

# Runs every script in one fresh interpreter (torch loads once), each in its own globals via
# runpy, run as __main__, in an empty folder; afterwards no module of the app may be loaded.
DRIVER = """
import contextlib, io, json, runpy, sys
outputs = []
for path in sys.argv[1:]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        runpy.run_path(path, run_name="__main__")
    outputs.append(buffer.getvalue())
app = [m for m in sys.modules if m.split(".")[0] in ("core", "gui", "main")]
assert not app, app
print(json.dumps(outputs))
"""


def run_generated_scripts(states: dict[str, State], folder: Path, timeout: float
                          ) -> dict[str, str]:
    """Each state's script written to folder/<name>.py and run by DRIVER (with -I and
    warnings as errors, in folder); what each printed, by name."""
    paths = []
    for name, state in states.items():
        path = folder / f"{name}.py"
        path.write_text(generate_script(state), encoding="utf-8")
        paths.append(str(path))
    done = subprocess.run([sys.executable, "-I", "-W", "error", "-c", DRIVER, *paths],
                          cwd=folder, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return dict(zip(states, json.loads(done.stdout), strict=True))

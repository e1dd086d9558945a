"""Finding the app's plain resource files (presets, translations, styles) by name.

An unknown name raises: a typo in a preset or translation name should fail loudly, not
show an empty menu.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from core.state import State
from core.state_file import read_state


def _resources_folder() -> Path:
    """resources/ beside core/ in a checkout; in an installed wheel the same files are the
    package loss_lens_resources (setup.py maps the folder to it)."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "presets" / "index.json").is_file():  # not any site-packages/resources
        return checkout
    spec = find_spec("loss_lens_resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return checkout  # missing: resource_path names this folder in its error


RESOURCES = _resources_folder()


def resource_path(kind: str, name: str) -> Path:
    """resources/<kind>/<name>, which must exist."""
    path = RESOURCES / kind / name
    if not path.is_file():
        raise FileNotFoundError(f"no resource {kind}/{name} (looked in {RESOURCES / kind})")
    return path


@dataclass(frozen=True)
class Preset:
    key: str           # file stem, e.g. "softmax"; also the CLI's --preset name
    name: str          # shown in the menu
    description: str   # shown as its tooltip
    path: Path
    view: str = ""     # the tab it is about (e.g. "regression"), if not the classifier

    def load(self) -> State:
        return read_state(self.path)


def presets() -> list[Preset]:
    """The presets in menu order (the note's examples first), from presets/index.json."""
    entries = json.loads(resource_path("presets", "index.json").read_text(encoding="utf-8"))
    return [Preset(key=Path(e["file"]).stem, name=e["name"], description=e["description"],
                   path=resource_path("presets", e["file"]), view=e.get("view", ""))
            for e in entries]


def preset(key: str) -> Preset:
    for p in presets():
        if p.key == key:
            return p
    known = ", ".join(p.key for p in presets())
    raise KeyError(f"no preset {key!r} (known: {known})")

"""`loss-lens install-desktop`: the freedesktop menu entry and icon for the current user.

Written to $XDG_DATA_HOME (default ~/.local/share) as applications/loss-lens.desktop and
icons/hicolor/scalable/apps/loss-lens.svg. The entry's Exec line is the command that is
running now, so it opens the same Loss Lens: the `loss-lens` script of a pipx or pip
install, or `python main.py` of a checkout (`make install-desktop`). No Qt needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from core.resources import resource_path

DESKTOP_FILE = "loss-lens.desktop"
ICON_FILE = "loss-lens.svg"


def data_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME", "")
    return Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"


def running_command() -> list[str]:
    """How this Loss Lens was started, as absolute paths: [script] or [python, main.py]."""
    script = Path(sys.argv[0]).resolve()
    if script.suffix == ".py":
        return [str(Path(sys.executable).absolute()), str(script)]
    return [str(script)]


def exec_line(command: list[str]) -> str:
    """The Desktop Entry spec's quoting: arguments with reserved characters in double
    quotes, with ", `, $ and \\ escaped by a backslash."""
    def quote(arg: str) -> str:
        if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`='):
            return arg
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        return f'"{escaped}"'

    return " ".join(quote(arg) for arg in command)


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the entry and the icon; returns the two paths written."""
    home = home or data_home()
    entry_text = resource_path("desktop", DESKTOP_FILE).read_text(encoding="utf-8")
    lines = [f"Exec={exec_line(command or running_command())}" if line.startswith("Exec=")
             else line for line in entry_text.splitlines()]
    entry = home / "applications" / DESKTOP_FILE
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE
    for path in (entry, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copyfile(resource_path("desktop", ICON_FILE), icon)
    return [entry, icon]


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what install() wrote; returns the paths that were there."""
    home = home or data_home()
    removed = []
    for path in (home / "applications" / DESKTOP_FILE,
                 home / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed

"""Loss Lens window. `gui.MainWindow` loads Qt (and pyqtgraph) on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from gui.look.plot_style import configure_pyqtgraph

        configure_pyqtgraph()
        from gui.shell.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module 'gui' has no attribute {name!r}")

"""What each view is called, in the current language: tabs, the export menu and the
Formulas window's links all use these names, so they always agree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def view_labels() -> dict[str, str]:
    """Export name (as in `main.py export --view`) → label."""
    translate = QCoreApplication.translate  # lupdate reads translate("Views", "…")
    return {
        "softmax": translate("Views", "Softmax"),
        "jacobian": translate("Views", "Jacobian"),
        "surface": translate("Views", "Loss surface"),
        "gradients": translate("Views", "Gradients & checks"),
        "regression": translate("Views", "Regression (MSE)"),
        "mse_vs_ce": translate("Views", "MSE vs CE"),
        "two_ways": translate("Views", "Two ways"),
        "pitfalls": translate("Views", "Pitfalls"),
        "code": translate("Views", "Code"),
    }

"""The regression losses as the tab names them: the catalog's translated titles in the
Loss combo, a short symbol in the plots' titles (MSE, L1, Huber, SmoothL1: the same in
every language), and the torch function with its option, as code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.losses.catalog import REGRESSION
from core.state import Regression

TITLES = {info.name: info.title for info in REGRESSION}   # marked in the "Losses" context
SYMBOLS = {"mse": "MSE", "l1": "L1", "huber": "Huber", "smooth_l1": "SmoothL1"}
FUNCTIONS = {"mse": "F.mse_loss", "l1": "F.l1_loss", "huber": "F.huber_loss",
             "smooth_l1": "F.smooth_l1_loss"}


def title(name: str) -> str:
    """The catalog's title of a regression loss, in the window's language."""
    return QCoreApplication.translate("Losses", TITLES[name])


def symbol(name: str) -> str:
    return SYMBOLS[name]


def torch_call(reg: Regression) -> str:
    """F.huber_loss(w·x + b, y, reduction, delta=0.5): what the loss value is, as code."""
    option = {"huber": f", delta={reg.delta:g}", "smooth_l1": f", beta={reg.beta:g}"}
    return f"{FUNCTIONS[reg.loss]}(w·x + b, y, reduction{option.get(reg.loss, '')})"

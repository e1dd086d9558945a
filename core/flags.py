"""Command-line values to State: parse "2,1,0.1"-style flags and lay them over a base State.

Every problem is a ValueError whose message names the flag, so the CLI can print it as one
line. Lives in core because it is pure and shared by `compute` and `export`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from core import number_text
from core.state import State, shown


def parse_number(flag: str, text: str) -> float:
    """The window's parser (core.number_text), so a flag reads a number as an entry does."""
    try:
        return number_text.parse_number(text)
    except number_text.NumberTextError as exc:
        raise ValueError(f"{flag}: {exc}") from None


def parse_numbers(flag: str, text: str) -> tuple[float, ...]:
    """'2,1,0.1' -> (2.0, 1.0, 0.1); spaces allowed, empty items are not."""
    parts = text.split(",")
    if any(not p.strip() for p in parts):
        raise ValueError(f"{flag}: expected comma-separated numbers like 2,1,0.1, "
                         f"got {shown(text)}")
    return tuple(parse_number(flag, p) for p in parts)


def parse_target(text: str) -> int | tuple[float, ...]:
    """A class index ('0') or comma-separated probabilities ('0.7,0.2,0.1')."""
    if "," in text:
        return parse_numbers("--target", text)
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(f"--target: expected a class index like 0 or probabilities like "
                         f"0.7,0.2,0.1, got {shown(text)}") from None


def parse_p(text: str) -> int | str:
    """--p: a whole number (the State then checks it is 1 or 2); else the text, which the
    State refuses naming p."""
    try:
        return int(text.strip())
    except ValueError:
        return text


# The loss options' flags: --pos-weight W → pos_weight, …; δ and β are the regression's.
OPTION_FLAGS = {"pos_weight": "--pos-weight", "gamma": "--gamma", "alpha": "--alpha",
                "margin": "--margin", "delta": "--delta", "beta": "--beta"}
REGRESSION_OPTIONS = ("delta", "beta")


def apply_flags(base: State, *, logits: str | None = None, target: str | None = None,
                temperature: str | None = None, label_smoothing: str | None = None,
                reduction: str | None = None,
                regression_reduction: str | None = None, loss: str | None = None,
                regression_loss: str | None = None, class_weights: str | None = None,
                p: str | None = None, **options: str | None) -> State:
    """base with the given flags laid over it; each flag's value is checked and named.

    --reduction is the classifier's MSE reduction, --regression-reduction the regression's:
    each leaves the other alone, as the two selectors in the window do. `options` are the
    loss options by State name (pos_weight, gamma, alpha, margin, delta, beta).
    """
    unknown = set(options) - set(OPTION_FLAGS)
    if unknown:
        raise TypeError(f"apply_flags: unknown options {sorted(unknown)}")
    changes: dict[str, Any] = {}
    regression: dict[str, Any] = {}
    if logits is not None:
        changes["logits"] = parse_numbers("--logits", logits)
        n = len(changes["logits"])
        if target is None and base.target_is_index and base.target >= n:
            raise ValueError(f"--target: the state's class {base.target} does not exist with "
                             f"{n} logits; pass --target")
        if max(base.surface.axes) >= n:
            changes["surface"] = replace(base.surface, axes=(0, 1))
        if (class_weights is None and base.class_weights is not None
                and len(base.class_weights) != n):
            raise ValueError(f"--class-weights: the state's {len(base.class_weights)} class "
                             f"weights do not fit {n} logits; pass --class-weights")
    if target is not None:
        changes["target"] = parse_target(target)
    if temperature is not None:
        changes["temperature"] = parse_number("--temperature", temperature)
    if label_smoothing is not None:
        changes["label_smoothing"] = parse_number("--label-smoothing", label_smoothing)
    if reduction is not None:
        changes["reduction"] = reduction
    if loss is not None:
        changes["loss"] = loss
    if class_weights is not None:
        changes["class_weights"] = parse_numbers("--class-weights", class_weights)
    if p is not None:
        changes["p"] = parse_p(p)
    for name, text in options.items():
        if text is not None:
            value = parse_number(OPTION_FLAGS[name], text)
            (regression if name in REGRESSION_OPTIONS else changes)[name] = value
    if regression_reduction is not None:
        regression["reduction"] = regression_reduction
    if regression_loss is not None:
        regression["loss"] = regression_loss
    try:
        if regression:
            changes["regression"] = replace(base.regression, **regression)
        return base.replace(**changes)
    except ValueError as exc:
        raise ValueError(_flag_name(str(exc))) from None


def _flag_name(message: str) -> str:
    """Name the flag, not the state field, when a flag's value is out of range."""
    field, _, rest = message.partition(":")
    flag = {"logits": "--logits", "target": "--target", "temperature": "--temperature",
            "label_smoothing": "--label-smoothing", "reduction": "--reduction",
            "regression.reduction": "--regression-reduction", "loss": "--loss",
            "regression.loss": "--regression-loss", "class_weights": "--class-weights",
            "p": "--p", **OPTION_FLAGS,
            **{f"regression.{name}": OPTION_FLAGS[name] for name in REGRESSION_OPTIONS}}
    head = field.split("[")[0]
    return f"{flag[head]}{field[len(head):]}:{rest}" if head in flag else message

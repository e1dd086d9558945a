"""One numeric state field moving from START to END: the frames of an animation.

`main.py animate --vary temperature=0.5:4` and File ▸ Export animation both come here. A
field is named by its path in the state file (`temperature`, `logits.0`,
`regression.w`, `surface.range.1`), so every numeric field can move and the names are the
ones a state file already shows. Every frame's State is built (and so validated) before
any picture is drawn: a range that leaves the field's allowed values is refused at once,
naming the frame's value, rather than after minutes of rendering.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from core.number_text import NumberTextError, echo, parse_number
from core.state import State

MIN_FRAMES = 2
MAX_FRAMES = 1000


@dataclass(frozen=True)
class Vary:
    """What moves: the field's path, and its first and last value."""

    path: tuple[str | int, ...]
    start: float
    end: float

    @property
    def name(self) -> str:
        return ".".join(str(part) for part in self.path)


def parse_vary(text: str) -> Vary:
    """'NAME=START:END' -> Vary. The numbers are read exactly like a typed entry's."""
    name, equals, span = text.partition("=")
    start_text, colon, end_text = span.partition(":")
    if not equals or not colon or not name.strip():
        raise ValueError(f"--vary {echo(text)}: expected NAME=START:END, "
                         "e.g. temperature=0.5:4 or logits.0=-2:2")
    try:
        start, end = parse_number(start_text), parse_number(end_text)
    except NumberTextError as exc:
        raise ValueError(f"--vary {name.strip()}: {exc}") from None
    path = tuple(int(part) if part.isdigit() else part for part in name.strip().split("."))
    return Vary(path, start, end)


def numeric_fields(state: State) -> list[str]:
    """Every path whose value is a number, in state-file order: what --vary can name."""
    found: list[str] = []

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{prefix}{key}.")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{prefix}{i}.")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found.append(prefix[:-1])

    data = state.to_dict()
    data.pop("version", None)
    walk(data, "")
    return found


def _set(data: Any, path: tuple[str | int, ...], value: float, name: str,
         fields: list[str]) -> None:
    """data[path] = value where data[path] is a number (an int field gets a whole number)."""
    node = data
    for depth, part in enumerate(path):
        ok = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node))
        if not ok:
            raise ValueError(f"--vary {name}: no such numeric field ({_hint(fields)})")
        if depth == len(path) - 1:
            break
        node = node[part]
    last = path[-1]
    old = node[last]
    if isinstance(old, bool) or not isinstance(old, int | float):
        raise ValueError(f"--vary {name}: not a number in the state ({_hint(fields)})")
    node[last] = round(value) if isinstance(old, int) else value


def _hint(fields: list[str], shown: int = 8) -> str:
    more = f", … ({len(fields)} in all)" if len(fields) > shown else ""
    return "numeric fields: " + ", ".join(fields[:shown]) + more


def frame_values(vary: Vary, frames: int) -> list[float]:
    """START…END in `frames` evenly spaced values; both ends exact."""
    if not MIN_FRAMES <= frames <= MAX_FRAMES:
        raise ValueError(f"--frames {frames}: choose {MIN_FRAMES} to {MAX_FRAMES}")
    step = (vary.end - vary.start) / (frames - 1)
    values = [vary.start + i * step for i in range(frames)]
    values[-1] = vary.end
    if not all(math.isfinite(v) for v in values):
        raise ValueError(f"--vary {vary.name}: {vary.start:g}:{vary.end:g} is too wide to "
                         "step through")
    return values


def vary_states(state: State, vary: Vary, frames: int) -> list[State]:
    """The State of each frame, all validated; a bad one is refused with its value."""
    base = state.to_dict()
    fields = numeric_fields(state)
    out: list[State] = []
    for value in frame_values(vary, frames):
        data = json.loads(json.dumps(base))
        _set(data, vary.path, value, vary.name, fields)
        try:
            out.append(State.from_dict(data))
        except ValueError as exc:
            raise ValueError(f"--vary {vary.name}={value:g} (a frame between "
                             f"{vary.start:g} and {vary.end:g}): {exc}") from None
    return out

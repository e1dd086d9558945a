"""The pieces the Formulas window is written in: a Section of HTML paragraphs, prose and
displayed formulas, and `rich()`, which sets core's plain-text formulas (y_eff,i, Σ_c,
(1 − p_t)^γ) with sub- and superscripts."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass


def prose(text: str) -> str:
    """A translated sentence or two, rich text."""
    return f"<p>{text}</p>"


def formula(text: str) -> str:
    """A displayed formula: HTML that stays the same in every language."""
    return f'<p class="formula">{text}</p>'


def code(text: str) -> str:
    """A line of code, displayed."""
    return f'<p class="code"><code>{html.escape(text)}</code></p>'


@dataclass(frozen=True)
class Section:
    """One topic: prose and formulas, in reading order, and the view that shows its numbers.
    A section about one loss of the family names it as "classifier:<name>" or
    "regression:<name>" in `loss`."""

    title: str
    view: str              # a view's name in gui/registry.py, which MainWindow.show_view takes
    blocks: tuple[str, ...]  # HTML paragraphs made by prose() and formula()
    loss: str = ""


# x_i, α_t, y_eff,i, Σ_{i≠y}, (a/T)_y: a subscript after one letter, Σ or ')' that does not
# end a longer name (log_softmax stays as it is)
_SUBSCRIPT = re.compile(r"((?<![A-Za-z_α-ω])[A-Za-zΣα-ω]|\))_"
                        r"(\{[^}]*\}|[A-Za-z0-9]+(?:,[A-Za-z0-9]+)?)")
_SUPERSCRIPT = re.compile(r"\^(\([^()]*\)|[A-Za-z0-9γ]+)")
_GAP = re.compile(r" {2,}")


def rich(text: str) -> str:
    """core's plain-text formula as HTML: escaped, x_i as x<sub>i</sub>, q^(γ−1) as
    q<sup>γ−1</sup>, and the two-space gaps between its parts kept wide."""
    out = _SUBSCRIPT.sub(lambda m: f"{m.group(1)}<sub>{m.group(2).strip('{}')}</sub>",
                         html.escape(text, quote=False))
    out = _SUPERSCRIPT.sub(lambda m: f"<sup>{m.group(1).removeprefix('(').removesuffix(')')}"
                                     f"</sup>", out)
    return _GAP.sub(" &emsp;", out)

"""The comments of the Pitfalls and Two ways snippets, in the window's language.

The snippets are built in core with English comments (they run as they are shown); the
window shows them with each comment translated. A comment is translated as a whole: a
run of full-line comments is one text, a trailing comment another. Comments that hold
only printed values (`# 2.0 2.0`) stay as they are. Every other comment a snippet can
contain is listed here, marked for lupdate; a test fails when a snippet gains one that is
not, so none stays English by accident.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CodeComments"
Translate = Callable[[str, str], str]

COMMENTS = (
    # Pitfalls
    QT_TRANSLATE_NOOP("CodeComments", "no requires_grad"),
    QT_TRANSLATE_NOOP("CodeComments", "fails"),
    QT_TRANSLATE_NOOP("CodeComments", "too late: the loss was built without it"),
    QT_TRANSLATE_NOOP("CodeComments", "first ..."),
    QT_TRANSLATE_NOOP("CodeComments", "... then build the loss"),
    QT_TRANSLATE_NOOP("CodeComments", "frees the graph's buffers"),
    QT_TRANSLATE_NOOP("CodeComments", "fails: the graph is gone"),
    QT_TRANSLATE_NOOP("CodeComments", "keep it"),
    QT_TRANSLATE_NOOP("CodeComments", "the last call may free it"),
    QT_TRANSLATE_NOOP("CodeComments", "rows 0 and 1 of the Jacobian: p_i (δ_ij - p_j) / T"),
    QT_TRANSLATE_NOOP("CodeComments", "fails: p is a vector"),
    QT_TRANSLATE_NOOP("CodeComments", "one p_i"),
    QT_TRANSLATE_NOOP("CodeComments", "or weight the outputs yourself: e0ᵀ J is row 0 again"),
    QT_TRANSLATE_NOOP(
        "CodeComments",
        "F.mse_loss(y, x * w) is the note's line, kept as the note wrote it; MSE is\n"
        "symmetric, so F.mse_loss(x * w, y), as Two ways writes it, is the same loss"),
    # Two ways
    QT_TRANSLATE_NOOP("CodeComments",
                      "Way 1: autograd.grad returns a tuple, one gradient per input"),
    QT_TRANSLATE_NOOP("CodeComments", "Way 2: backward() stores each gradient in the leaf's .grad"),
    QT_TRANSLATE_NOOP("CodeComments", "a second forward + backward WITHOUT zeroing: .grad adds up"),
    QT_TRANSLATE_NOOP("CodeComments",
                      "zero first (optimizer.zero_grad() does this; w.grad = None works too)"),
)

_TRAILING = re.compile(r"^(?P<code>.*?\S)(?P<gap>\s+)# (?P<text>.*)$")
_FULL = re.compile(r"^(?P<indent>\s*)# ?(?P<text>.*)$")
_LETTER = re.compile(r"[^\W\d_]")


def needs_translation(text: str) -> bool:
    """A comment with words in it; `2.0 2.0` or `tensor([-0.34])` values are not."""
    return bool(_LETTER.search(re.sub(r"tensor|dtype|float64|e[-+]?\d", "", text)))


def comments(code: str) -> list[str]:
    """The comment texts of code, in order, runs of full-line comments joined by \\n.
    (A '#' inside a string would be misread; the snippets have none.)"""
    return [text for _, text in _units(code.split("\n"))]


def _units(lines: list[str]) -> list[tuple[tuple[int, int], str]]:
    units, k = [], 0
    while k < len(lines):
        full = _FULL.match(lines[k])
        if full:
            start = k
            texts = []
            while k < len(lines) and _FULL.match(lines[k]):
                texts.append(_FULL.match(lines[k]).group("text"))
                k += 1
            units.append(((start, k), "\n".join(texts)))
            continue
        trailing = _TRAILING.match(lines[k])
        if trailing:
            units.append(((k, k + 1), trailing.group("text")))
        k += 1
    return units


def translate_comments(code: str, translate: Translate) -> str:
    """code with each comment in the language translate(CONTEXT, text) gives."""
    lines = code.split("\n")
    for (start, end), text in reversed(_units(lines)):
        if not needs_translation(text):
            continue
        shown = translate(CONTEXT, text)
        if shown == text:
            continue
        if end - start == 1 and not _FULL.match(lines[start]):
            m = _TRAILING.match(lines[start])
            lines[start] = f"{m.group('code')}{m.group('gap')}# {' '.join(shown.split(chr(10)))}"
        else:
            indent = _FULL.match(lines[start]).group("indent")
            lines[start:end] = [f"{indent}# {line}" for line in shown.split("\n")]
    return "\n".join(lines)

"""Spin boxes that store exactly what is typed, or refuse it aloud.

Qt's spin boxes round a typed value to their `decimals` and silently drop every keystroke
their validator does not like: `1e-3` typed into the temperature became 13, `0.999999`
became 0.9999, and `2000` classes became 200. These keep everything a spin box offers
(arrows, Page Up/Down, the wheel, Enter or focus-out to commit) but read the text with
core.number_text: a number within range is stored as exactly that float; anything else
stays on screen until Enter or focus-out, then `refused` says why in one line and the
previous value comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

from core.number_format import minus
from core.number_text import NumberTextError, echo, format_number, parse_integer, parse_number

FULL_PRECISION = 323  # QDoubleSpinBox's largest `decimals`: its rounding then keeps every bit


def interval(low: float, high: float, low_open: bool = False, high_open: bool = False) -> str:
    """[0, 1), (0, 10], [0.001, 10000]: the allowed values, as the README's table writes them."""
    return (f"{'(' if low_open else '['}{format_number(low)}, "
            f"{format_number(high)}{')' if high_open else ']'}")


def refusal_message(field: str, error: NumberTextError,
                    limits: tuple[float, float, bool, bool] | None = None) -> str:
    """One line in the user's language: which field, what was typed, why it was refused."""
    reasons = {
        "empty": QCoreApplication.translate(
            "NumberEntry", "nothing typed"),
        "comma": QCoreApplication.translate(
            "NumberEntry", "%1 is not a number: write decimals with a point and no "
            "thousands separators (1000 or 1e3)"),
        "not_number": QCoreApplication.translate(
            "NumberEntry", "%1 is not a number (examples: 0.5, -2, 1e-3)"),
        "not_finite": QCoreApplication.translate(
            "NumberEntry", "%1 is not a finite number"),
        "too_large": QCoreApplication.translate(
            "NumberEntry", "%1 is too large for a number"),
        "fraction": QCoreApplication.translate(
            "NumberEntry", "%1 is not a whole number"),
        "out_of_range": QCoreApplication.translate(
            "NumberEntry", "%1 is not in %2"),
    }
    reason = (reasons.get(error.kind, str(error)).replace("%1", echo(error.text))
              .replace("%2", interval(*limits) if limits else ""))
    return f"{field}: {reason}"


class _Strict:
    """What both entries share: parse the whole text, never drop a keystroke, say why.
    Each entry declares `refused = Signal(str)`: one line, what was typed and why it was
    not stored."""

    def _setup(self, name: str) -> None:
        self.field_name = name
        self._refusal = ""
        self._open = (False, False)  # whether the range excludes its low and high end
        self.setKeyboardTracking(False)  # commit on Enter, focus-out and arrows only

    def set_open_ends(self, low_open: bool, high_open: bool) -> None:
        """Exclude the range's low and/or high end, as the State does: ε in [0, 1)."""
        self._open = (low_open, high_open)

    def _limits(self) -> tuple[float, float, bool, bool]:
        return (self.minimum(), self.maximum(), *self._open)

    def _in_range(self, value: float) -> bool:
        low, high, low_open, high_open = self._limits()
        above = value > low if low_open else value >= low
        below = value < high if high_open else value <= high
        return above and below

    def _body(self, text: str) -> str:
        prefix, suffix = self.prefix(), self.suffix()
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
        if suffix and text.endswith(suffix):
            text = text[: len(text) - len(suffix)]
        return text

    def _read(self, text: str):
        """The number the text writes, within range; raises NumberTextError."""
        raise NotImplementedError

    def valueFromText(self, text: str):
        """The typed number; Qt asks only for text validate() accepted."""
        try:
            return self._read(text)
        except NumberTextError:
            return self.value()

    def validate(self, text: str, pos: int):
        """Acceptable for a number in range; anything else Intermediate, never Invalid, so
        what the user types is kept on screen until they commit it."""
        try:
            self._read(text)
        except NumberTextError as exc:
            self._refusal = refusal_message(self.field_name, exc, self._limits())
            return QValidator.State.Intermediate, text, pos
        self._refusal = ""
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        """Qt calls this when text that is not acceptable is committed: refuse it aloud
        (the spin box then shows its previous value again)."""
        if self._refusal:
            self.refused.emit(self._refusal)
            self._refusal = ""
        return text

    def _out_of_range(self, text: str, value: float) -> NumberTextError:
        body = self._body(text).strip()
        return NumberTextError("out_of_range", body,
                               f"{echo(body)} is not in {interval(*self._limits())}")


class NumberEntry(_Strict, QDoubleSpinBox):
    """A float entry: exactly the typed float, shown in its shortest exact form."""

    refused = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(FULL_PRECISION)
        self._setup(name)

    def setRange(self, low: float, high: float) -> None:
        super().setRange(low, high)
        # room for the longest text of a value in the range with 8 significant digits
        # from 0.001 to 10⁴ (−0.026248543 after a descent step ran past a narrower
        # entry), not for 323 decimals; rarer, longer texts scroll within the entry
        samples = [low, high] + [sign * 1.2345679 * 10.0 ** e for e in range(-3, 5)
                                 for sign in (1, -1)]
        self.setMinimumWidth(max(self.fontMetrics().horizontalAdvance(self.textFromValue(v))
                                 for v in samples if low <= v <= high) + 28)

    def _read(self, text: str) -> float:
        body = self._body(text)
        if body == self.textFromValue(self.value()):
            return self.value()  # what is shown stands for the exact stored value
        value = parse_number(body)
        if not self._in_range(value):
            raise self._out_of_range(text, value)
        return value

    def textFromValue(self, value: float) -> str:
        """The exact stored value, a negative one with the minus sign − as every number the
        app shows (typing accepts both − and -)."""
        return minus(format_number(value))

    def stepBy(self, steps: int) -> None:
        """Arrows and Page Up/Down step from the stored value (typed text is committed
        first); 15 significant digits drop float noise: 0.1 + 0.2 steps to 0.3."""
        self.interpretText()
        value = float(f"{self.value() + steps * self.singleStep():.15g}")
        value = min(max(value, self.minimum()), self.maximum())
        if self._in_range(value):  # an excluded end is never stepped onto
            self.setValue(value)
        self.selectAll()


class IntegerEntry(_Strict, QSpinBox):
    """An integer entry: `1e3` is 1000; a fraction or a value out of range is refused."""

    refused = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup(name)

    def _read(self, text: str) -> int:
        value = parse_integer(self._body(text))
        if not self._in_range(value):
            raise self._out_of_range(text, value)
        return value

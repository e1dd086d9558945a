"""Numbers for people: six decimals, no negative zero, and the most digits a narrow cell fits."""

import pytest

from core.number_format import fmt, fmt_cell, fmt_fit


def test_fmt():
    assert fmt(0.4170300162) == "0.417030"
    assert fmt(-0.0) == "0.000000"
    assert fmt(1.39e-17) == "1.39000e-17"
    assert fmt(float("inf")) == "∞"


@pytest.mark.parametrize(("x", "chars", "text"), [
    (-0.340999, 9, "-0.340999"),
    (-0.340999, 6, "-0.341"),
    (0.098566, 5, "0.099"),      # not "1e-01"
    (2.7e-05, 7, "2.7e-05"),     # not "0.00003"
    (1234.5, 5, "1234"),
])
def test_fit_keeps_the_most_significant_digits(x, chars, text):
    assert fmt_fit(x, chars) == text
    assert len(fmt_fit(x, chars)) <= chars


def test_cell_values_stay_readable_when_small():
    assert fmt_cell(0.224719) == "0.225"
    assert fmt_cell(4.5e-05) == "4.5e-05"
    assert fmt_cell(0.0) == "0"

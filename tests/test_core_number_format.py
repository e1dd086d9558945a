"""Numbers for people: six decimals, no negative zero, and the most digits a narrow cell fits."""

import pytest

from core.number_format import fmt, fmt_cell, fmt_fit, minus, sig, tick_texts


def test_fmt():
    assert fmt(0.4170300162) == "0.417030"
    assert fmt(-0.0) == "0.000000"
    assert fmt(1.39e-17) == "1.39000e-17"
    assert fmt(float("inf")) == "∞"


@pytest.mark.parametrize(("x", "chars", "text"), [
    (-0.340999, 9, "-0.340999"),
    (-0.340999, 6, "-0.341"),
    (0.098566, 5, "0.099"),      # not "1e-01"
    (2.7e-05, 7, "2.70e-5"),     # not "0.00003"
    (-0.000235123, 7, "-2.4e-4"),  # not "-0.0002": short exponents keep a digit (trial)
    (1234.5, 5, "1234"),
])
def test_fit_keeps_the_most_significant_digits(x, chars, text):
    assert fmt_fit(x, chars) == text
    assert len(fmt_fit(x, chars)) <= chars


def test_cell_values_stay_readable_when_small():
    assert fmt_cell(0.224719) == "0.22"
    assert fmt_cell(4.5e-05) == "4.5e−5"
    assert fmt_cell(0.0) == "0" and fmt_cell(-0.0) == "0"


@pytest.mark.parametrize("x", [0.224719, -0.159764, -0.064955, 0.0012, 0.00099, 0.0015,
                               0.0005, 0.0004999, 3.9e-4, -2.5e-7, 0.999, 12.5, 250.0, 3e6])
def test_every_cell_has_the_same_significant_digits(x):
    """Cells between 0.0005 and 0.0015 printed "0.001" (one digit) while smaller ones had two."""
    text = fmt_cell(x)
    digits = text.lstrip("−").split("e")[0].replace(".", "").lstrip("0")
    assert len(digits) == 2, text
    assert float(text.replace("−", "-")) == pytest.approx(x, rel=0.05)
    assert "-" not in text


def test_sig_and_minus():
    assert sig(0.7310585786, 3) == "0.731" and sig(2.718281828, 4) == "2.718"
    assert sig(-1.6e-5, 4) == "−1.600e−5" and sig(-0.0) == "0"
    assert minus("-0.5e-05") == "−0.5e−05"


@pytest.mark.parametrize(("values", "spacing", "texts"), [
    ([-2e-4, -1e-4, 0.0, 1e-4, 2e-4], 1e-4, ["−2e−4", "−1e−4", "0", "1e−4", "2e−4"]),
    ([-5e-5, 5e-5, 1.5e-4], 5e-5, ["−5e−5", "5e−5", "1.5e−4"]),
    ([-0.5, 0.0, 0.5, 1.0], 0.5, ["−0.5", "0.0", "0.5", "1.0"]),
    ([0.0, 20000.0], 20000.0, ["0", "2e4"]),
])
def test_tick_texts_stay_short_at_any_range(values, spacing, texts):
    assert tick_texts(values, spacing) == texts


@pytest.mark.parametrize(("values", "spacing", "texts"), [
    ([0, 2.5, 5, 7.5], 2.5, ["0.0", "2.5", "5.0", "7.5"]),            # was 0, 2, 5, 8
    ([0, 25000, 50000, 75000], 25000, ["0", "2.5e4", "5e4", "7.5e4"]),  # was 2e4, 8e4
    ([1.5e-4, 2e-4, 2.5e-4], 5e-5, ["1.5e−4", "2e−4", "2.5e−4"]),
    ([0.1 + 0.2, 0.6], 0.3, ["0.3", "0.6"]),                          # float noise hidden
])
def test_tick_texts_write_every_tick_exactly(values, spacing, texts):
    assert tick_texts(values, spacing) == texts
    for text, value in zip(texts, values, strict=True):
        assert float(text.replace("−", "-")) == pytest.approx(value, abs=spacing * 1e-6)


def test_readouts_use_one_minus_sign_and_keep_hyphens():
    from core.number_format import minus_in_numbers

    assert minus_in_numbers("−∇L = (-2.000, -0.5) after 50 steps L = 6.53e-23") == \
        "−∇L = (−2.000, −0.5) after 50 steps L = 6.53e−23"
    assert minus_in_numbers("log-sum-exp, x-axis, float64-safe, p_1-2") == \
        "log-sum-exp, x-axis, float64-safe, p_1-2"

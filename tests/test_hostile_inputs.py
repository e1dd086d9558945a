"""Hostile input: every bad state is one short ValueError line naming the field, never a crash.

Most cases go straight to State.from_json (fast); a few go through `main.py compute` and
`export` in a subprocess, to check what a user sees: exit 0 or exit 2 with one stderr line.
"""

import json
import math
import os
import random
import re
import subprocess
import sys

import pytest

import main
from core import Regression, State, Surface
from core.regression_edits import fit_ranges
from core.resources import presets
from core.state import MAX_ABS_DATA, MAX_ABS_LOGIT, MIN_RANGE_SPAN, min_range_span

ROOT = main.__file__.rsplit("/", 1)[0]
BIG = "1" + "0" * 400  # a JSON integer float() cannot convert
MAX_LINE = 200
AGREE_BELOW = 1e-12  # the Gradients view's "all ways agree" threshold, times 1/T

# (JSON text with {v} where the bad value goes, the field the message must name)
FLOAT_FIELDS = [
    ('{{"temperature": {v}}}', "temperature"),
    ('{{"label_smoothing": {v}}}', "label_smoothing"),
    ('{{"logits": [1, {v}]}}', r"logits\[1\]"),
    ('{{"target": [{v}, 0, 0]}}', r"target\[0\]"),
    ('{{"regression": {{"x": [{v}]}}}}', r"regression.x\[0\]"),
    ('{{"regression": {{"x": [1], "y": [{v}]}}}}', r"regression.y\[0\]"),
    ('{{"regression": {{"w": {v}}}}}', "regression.w"),
    ('{{"regression": {{"b": -{v}}}}}', "regression.b"),
    ('{{"regression": {{"learning_rate": {v}}}}}', "regression.learning_rate"),
    ('{{"regression": {{"w_range": [0, {v}]}}}}', r"regression.w_range\[1\]"),
    ('{{"regression": {{"b_range": [-{v}, 0]}}}}', r"regression.b_range\[0\]"),
    ('{{"surface": {{"range": [{v}, 1]}}}}', r"surface.range\[0\]"),
    ('{{"surface": {{"range": [0, {v}]}}}}', r"surface.range\[1\]"),
]


def one_short_line(message: str) -> None:
    assert "\n" not in message and "\r" not in message, message
    assert len(message) < MAX_LINE, message


# ------------------------------------------------------------------ 1. huge integers
@pytest.mark.parametrize(("template", "field"), FLOAT_FIELDS, ids=[f for _, f in FLOAT_FIELDS])
def test_a_400_digit_integer_in_a_float_field_names_the_field(template, field):
    with pytest.raises(ValueError, match=rf"^{field}: expected .*, got -?1000000") as info:
        State.from_json(template.format(v=BIG))
    one_short_line(str(info.value))
    assert "…" in str(info.value)


@pytest.mark.parametrize("field", ["temperature", "surface.grid", "regression.steps",
                                   "target", "version"])
def test_huge_integers_in_integer_fields_too(field):
    head, _, tail = field.partition(".")
    data = {head: {tail: int(BIG)}} if tail else {head: int(BIG)}
    with pytest.raises(ValueError, match=rf"^{field}: expected") as info:
        State.from_dict(data)
    one_short_line(str(info.value))


def test_a_python_int_past_the_str_digit_limit_is_still_one_line():
    with pytest.raises(ValueError, match=r"^temperature: expected") as info:
        State(temperature=10 ** 5000)
    one_short_line(str(info.value))


def test_an_integer_past_pythons_digit_limit_in_json_is_one_line():
    digits = sys.get_int_max_str_digits() + 10
    with pytest.raises(ValueError, match=r"^state: .*digits") as info:
        State.from_json('{"temperature": 1' + "0" * digits + "}")
    one_short_line(str(info.value))


# ------------------------------------------------------------------ 2. deep nesting
def nested(depth: int, inner: str = "1") -> str:
    return "[" * depth + inner + "]" * depth


@pytest.mark.parametrize("depth", [985, 986, 987, 2000, 100000])
def test_deep_nesting_in_regression_x_is_one_line(depth):
    with pytest.raises(ValueError) as info:
        State.from_json('{"regression": {"x": ' + nested(depth) + "}}")
    one_short_line(str(info.value))
    assert str(info.value).startswith(("regression.x", "state: JSON nested too deeply"))


def test_no_depth_near_the_recursion_limit_escapes_as_recursion_error():
    # The exact depth where json.loads gives up depends on the caller's stack; sweep it.
    limit = sys.getrecursionlimit()
    for depth in range(limit - 200, limit + 10):
        for template in ('{{"regression": {{"x": {v}}}}}', '{{"temperature": {v}}}',
                         '{{"surface": {{"range": {v}}}}}', '{{"target": {v}}}'):
            try:
                State.from_json(template.format(v=nested(depth)))
            except ValueError as exc:
                one_short_line(str(exc))
            else:
                raise AssertionError(f"depth {depth} accepted")


def test_deep_objects_are_one_line_too():
    deep = '{"a": ' * 990 + "1" + "}" * 990
    for text in ('{"surface": {"range": ' + deep + "}}", '{"logits": [' + deep + ", 1]}"):
        with pytest.raises(ValueError) as info:
            State.from_json(text)
        one_short_line(str(info.value))


def test_echo_of_a_deep_list_is_short():
    with pytest.raises(ValueError) as info:
        State.from_dict({"regression": {"x": [[[[[[[[1]]]]]]]]}})
    one_short_line(str(info.value))


# ------------------------------------------------------------------ 3. long values, odd keys
@pytest.mark.parametrize("data", [
    {"reduction": "x" * 900_000},
    {"surface": {"loss": "\x1b[31m" * 1000}},
    {"temperature": "9" * 100_000},
    {"logits": [1, "2" * 100_000]},
    {"regression": {"x": [[0.5] * 100_000]}},
    {"a\x1b[31mb\n" * 10_000: 1},
    {"surface": {"z\r\n" * 10: 1}},
])
def test_long_values_and_control_characters_are_echoed_short_and_escaped(data):
    with pytest.raises(ValueError) as info:
        State.from_dict(data)
    message = str(info.value)
    one_short_line(message)
    assert "\x1b" not in message


def test_an_unknown_key_with_control_characters_is_shown_escaped():
    with pytest.raises(ValueError, match=r"unknown key") as info:
        State.from_json(json.dumps({"a\x1b[31mb\n": 1}))
    assert info.value.args[0].startswith(r"'a\x1b[31mb\n': unknown key")


# ------------------------------------------------------------------ 4. soft targets
@pytest.mark.parametrize("target", [(0.7, 0.2, 0.1000009), (0.7, 0.2, 0.0999991),
                                    (0.5, 0.5 + 9e-7, 0.0)])
def test_a_target_within_the_sum_tolerance_makes_the_ways_agree(target):
    from core import compute

    for temperature in (1.0, 0.01):
        state = State(target=target, temperature=temperature)
        assert math.fsum(state.target) == 1.0
        assert compute(state).max_abs_diff <= AGREE_BELOW / temperature


def test_targets_that_sum_to_one_are_kept_bit_for_bit():
    for target in [(0.7, 0.2, 0.1), (1 / 3, 1 / 3, 1 / 3), (0.25, 0.25, 0.5), (1.0, 0.0, 0.0)]:
        assert State(target=target).target == target


def test_normalised_targets_round_trip_exactly():
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(2, 40)
        raw = [rng.random() ** 3 for _ in range(n)]
        total = math.fsum(raw)
        probs = [v / total * (1 + rng.uniform(-9e-7, 9e-7)) for v in raw]
        if abs(math.fsum(probs) - 1.0) > 1e-6 or max(probs) > 1.0:
            continue
        state = State(logits=(0.0,) * n, target=probs)
        assert math.fsum(state.target) == 1.0
        assert all(0.0 <= p <= 1.0 for p in state.target)
        assert State.from_json(state.to_json()) == state


# ------------------------------------------------------------------ 5. degenerate ranges
def test_min_range_span_is_absolute_near_zero_and_relative_far_out():
    assert min_range_span(0.0, 1.0) == MIN_RANGE_SPAN
    assert min_range_span(-MAX_ABS_DATA, 0.0) == pytest.approx(1e-9 * MAX_ABS_DATA)


@pytest.mark.parametrize(("data", "field"), [
    ({"surface": {"range": [0, 5e-324]}}, "surface.range"),
    ({"surface": {"range": [0, 1e-321], "grid": 1000}}, "surface.range"),
    ({"surface": {"range": [0, 5e-7]}}, "surface.range"),
    ({"surface": {"range": [MAX_ABS_LOGIT - 5e-6, MAX_ABS_LOGIT]}}, "surface.range"),
    ({"regression": {"w_range": [1, 1 + 1e-12]}}, "regression.w_range"),
    ({"regression": {"b_range": [-1e-300, 1e-300]}}, "regression.b_range"),
    ({"regression": {"w_range": [MAX_ABS_DATA - 1e-4, MAX_ABS_DATA]}}, "regression.w_range"),
])
def test_ranges_narrower_than_the_minimum_span_are_refused(data, field):
    with pytest.raises(ValueError, match=rf"^{field}: expected .*apart") as info:
        State.from_dict(data)
    one_short_line(str(info.value))


def just_wide_enough(high: float) -> tuple[float, float]:
    """The largest low whose span to high, as float64 subtracts it, is the minimum."""
    low = high - min_range_span(high, high)
    while high - low < min_range_span(low, high):
        low = math.nextafter(low, -math.inf)
    return low, high


def test_ranges_of_the_minimum_span_are_allowed():
    State(surface=Surface(range=(0.0, MIN_RANGE_SPAN)))
    State(surface=Surface(range=just_wide_enough(MAX_ABS_LOGIT)))
    State(regression=Regression(w_range=just_wide_enough(MAX_ABS_DATA)))
    low, high = just_wide_enough(MAX_ABS_DATA)
    with pytest.raises(ValueError, match="apart"):
        State(regression=Regression(b_range=(math.nextafter(low, high), high)))


def test_presets_have_ranges_wider_than_the_minimum():
    for p in presets():
        s = p.load()
        for lo, hi in (s.surface.range, s.regression.w_range, s.regression.b_range):
            assert hi - lo >= 10 * min_range_span(lo, hi), p.key


def fitted(x, y, w=0.0, b=0.0, **kw):
    s = State(regression=Regression(x=tuple(x), y=tuple(y), w=w, b=b, **kw))
    return fit_ranges(s).regression  # the State built inside validates the ranges


@pytest.mark.parametrize(("x", "y", "w", "b"), [
    ([3.0] * 5, [3.0] * 5, 3.0, 3.0),                       # all points equal
    ([1.0], [1.0], 2.0, 0.0),                               # a single point
    ([MAX_ABS_DATA] * 3, [MAX_ABS_DATA] * 3, MAX_ABS_DATA, MAX_ABS_DATA),
    ([-MAX_ABS_DATA] * 3, [-MAX_ABS_DATA] * 3, -MAX_ABS_DATA, -MAX_ABS_DATA),
    ([-MAX_ABS_DATA, MAX_ABS_DATA], [MAX_ABS_DATA, -MAX_ABS_DATA], 0.0, 0.0),
    ([1e-300, 2e-300], [5e-324, 0.0], 1e-300, -1e-300),     # tiny values
    ([0.0, 1e-9], [0.0, 1e-9], 1.0, 0.0),
])
def test_fit_ranges_never_go_below_the_minimum_span(x, y, w, b):
    for steps in (0, 50):
        reg = fitted(x, y, w, b, steps=steps)
        for lo, hi in (reg.w_range, reg.b_range):
            assert hi - lo >= min_range_span(lo, hi)
            assert -MAX_ABS_DATA <= lo < hi <= MAX_ABS_DATA


def test_fit_ranges_on_random_data_always_give_a_valid_state():
    rng = random.Random(11)
    for _ in range(40):
        m = rng.randint(1, 6)
        scale = 10.0 ** rng.randint(-300, 6)
        x = [max(-MAX_ABS_DATA, min(MAX_ABS_DATA, rng.uniform(-1, 1) * scale))
             for _ in range(m)]
        y = [max(-MAX_ABS_DATA, min(MAX_ABS_DATA, rng.uniform(-1, 1) * scale))
             for _ in range(m)]
        fitted(x, y, w=rng.choice([0.0, MAX_ABS_DATA, -1e-9]), b=rng.uniform(-1, 1) * scale,
               learning_rate=rng.choice([1e-3, 0.1, 1.0, 10.0]), steps=rng.choice([0, 5, 50]))


# ------------------------------------------------------------------ 9. the CLI, end to end
def run(*args, env=None, timeout=120):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=env)


def text_with(template: str, value: str) -> bytes:
    return template.replace("{v}", value).encode()


HOSTILE_FILES = [
    ("temperature-400-digits", text_with('{"temperature": {v}}', BIG), "temperature"),
    ("regression-x-400-digits", text_with('{"regression": {"x": [{v}]}}', BIG),
     r"regression.x\[0\]"),
    ("range-400-digits", text_with('{"surface": {"range": [0, {v}]}}', BIG),
     r"surface.range\[1\]"),
    ("5000-digits", text_with('{"logits": [1, 2{v}]}', "0" * 5000), "digits"),
    ("deep-986", text_with('{"regression": {"x": {v}}}', nested(986)), "regression.x|nested"),
    ("deep-100000", text_with('{"regression": {"x": {v}}}', nested(100000)), "nested"),
    ("degenerate-range", b'{"surface": {"range": [0, 5e-324], "grid": 1000}}', "surface.range"),
    ("degenerate-w-range", b'{"regression": {"w_range": [0, 1e-321]}}', "regression.w_range"),
    ("random-bytes", bytes(random.Random(3).randrange(256) for _ in range(4000)),
     "UTF-8|JSON"),
    ("json-list", b"[1, 2, 3]", "expected a JSON object"),
    ("huge-string", text_with('{"reduction": "{v}"}', "x" * 900_000), "reduction"),
    ("control-key", json.dumps({"a\x1b[31mb\n": 1}).encode(), "unknown key"),
]


@pytest.mark.parametrize(("content", "field"), [(c, f) for _, c, f in HOSTILE_FILES],
                         ids=[i for i, _, _ in HOSTILE_FILES])
def test_compute_with_a_hostile_state_file_exits_2_with_one_line(tmp_path, content, field):
    path = tmp_path / "s.json"
    path.write_bytes(content)
    out = run("compute", "--state", str(path))
    assert out.returncode == 2, out.stderr[:500]
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and len(lines[0]) < MAX_LINE + len(str(path)), out.stderr[:500]
    assert lines[0].startswith("loss-lens: error: ")
    assert "\x1b" not in lines[0]
    assert re.search(field, lines[0]), lines[0]


def test_compute_with_an_extreme_but_valid_file_exits_0(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({
        "logits": [MAX_ABS_LOGIT, -MAX_ABS_LOGIT, 0], "target": [0.7, 0.2, 0.1000009],
        "temperature": 1e-3, "surface": {"range": [0, MIN_RANGE_SPAN], "grid": 1000},
        "regression": {"x": [MAX_ABS_DATA, -MAX_ABS_DATA], "y": [1e-300, 0],
                       "w_range": just_wide_enough(MAX_ABS_DATA), "learning_rate": 10,
                       "steps": 1000}}))
    out = run("compute", "--state", str(path), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    json.loads(out.stdout)


NARROWEST = json.dumps({"surface": {"range": [0, MIN_RANGE_SPAN], "grid": 1000},
                        "regression": {"w_range": [0, MIN_RANGE_SPAN],
                                       "b_range": just_wide_enough(MAX_ABS_DATA)}})


@pytest.mark.parametrize(("content", "view", "code"), [
    (b'{"surface": {"range": [0, 5e-324], "grid": 1000}}', "surface", 2),
    (NARROWEST.encode(), "surface", 0),
    (NARROWEST.encode(), "regression", 0),
], ids=["degenerate", "narrowest-allowed-surface", "narrowest-allowed-regression"])
def test_export_of_narrow_ranges_is_refused_or_drawn_finite(tmp_path, content, view, code):
    path = tmp_path / "s.json"
    path.write_bytes(content)
    out_svg = tmp_path / "fig.svg"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = run("export", str(out_svg), "--state", str(path), "--view", view, env=env)
    assert out.returncode == code, out.stderr[:500]
    if code == 2:
        assert len(out.stderr.splitlines()) == 1 and "surface.range" in out.stderr
        assert not out_svg.exists()
    else:
        svg = out_svg.read_text()
        assert not re.search(r"\b(nan|inf|infinity)\b", svg, re.IGNORECASE)

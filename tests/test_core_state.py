"""The State's JSON schema: defaults, exact round trips, and one named error per bad field."""

import json

import pytest

from core import Regression, State, Surface


def test_defaults_are_the_notes_examples():
    s = State()
    assert s.logits == (2.0, 1.0, 0.1) and s.target == 0
    assert s.temperature == 1.0 and s.label_smoothing == 0.0 and s.reduction == "mean"
    assert s.regression.x == (1.0,) and s.regression.y == (1.0,)
    assert (s.regression.w, s.regression.b) == (2.0, 0.0)
    assert s.version == 2  # version-1 files still load (tests/test_loss_state_cli.py)


def test_missing_keys_take_defaults():
    assert State.from_dict({}) == State()
    s = State.from_json('{"logits": [1, 2, 3, 4], "target": 3}')
    assert s.logits == (1.0, 2.0, 3.0, 4.0) and s.target == 3 and s.temperature == 1.0


@pytest.mark.parametrize("state", [
    State(),
    State(logits=(0.1, -3.5, 1e4, 7.25), target=(0.25, 0.25, 0.5, 0.0), temperature=0.001,
          label_smoothing=0.999, reduction="sum", loss="mse",
          surface=Surface(axes=(3, 0), range=(-2.5, 9.0), grid=17),
          regression=Regression(x=(1.0, 2.0), y=(0.1, 1 / 3), w=-0.5, b=1e-9,
                                learning_rate=0.003, steps=0, grid=10)),
])
def test_round_trip_is_exact(state):
    assert State.from_json(state.to_json()) == state
    assert State.from_dict(state.to_dict()) == state
    again = State.from_json(state.to_json())
    assert again.to_json() == state.to_json()
    assert json.loads(state.to_json())["version"] == 2


def test_state_is_hashable_and_lists_become_tuples():
    s = State(logits=[1, 2], target=[0.5, 0.5])
    assert s.logits == (1.0, 2.0) and s.target == (0.5, 0.5)
    assert hash(s) == hash(State(logits=(1.0, 2.0), target=(0.5, 0.5)))


BAD = [
    ({"logits": [1.0]}, "logits", "2 to 1024"),
    ({"logits": [0.0] * 1025}, "logits", "2 to 1024"),
    ({"logits": [1.0, "2"]}, r"logits\[1\]", "finite number"),
    ({"logits": [1.0, 2e4]}, r"logits\[1\]", "10000"),
    ({"logits": [1.0, True]}, r"logits\[1\]", "finite number"),
    ({"logits": "1,2"}, "logits", "list"),
    ({"target": 3}, "target", r"\[0, 3\)"),
    ({"target": -1}, "target", "class index"),
    ({"target": 1.0}, "target", "class index"),
    ({"target": "0"}, "target", "class index"),
    ({"target": [0.5, 0.5]}, "target", "3 probabilities"),
    ({"target": [0.5, 0.6, -0.1]}, r"target\[2\]", r"\[0, 1\]"),
    ({"target": [0.5, 0.2, 0.2]}, "target", "sum to 1"),
    ({"temperature": 0}, "temperature", "0.001"),
    ({"temperature": "1"}, "temperature", "number"),
    ({"label_smoothing": 1.0}, "label_smoothing", r"\[0, 1\)"),
    ({"label_smoothing": -0.1}, "label_smoothing", r"\[0, 1\)"),
    ({"reduction": "max"}, "reduction", "'mean' or 'sum'"),
    ({"version": 3}, "version", "1 or 2"),
    ({"colour": "red"}, "colour", "unknown key"),
    ({"surface": {"axes": [1, 1]}}, "surface.axes", "two different"),
    ({"surface": {"axes": [0, 3]}}, "surface.axes", r"\[0, 3\)"),
    ({"surface": {"range": [5, 1]}}, r"surface.range\[1\]", "above"),
    ({"surface": {"grid": 5}}, "surface.grid", "10 to 1000"),
    ({"surface": {"loss": "hinge"}}, "surface.loss", "cross_entropy"),
    ({"saturation_losses": ["mse", "mse"]}, "saturation_losses", "two different"),
    ({"saturation_losses": ["mse"]}, "saturation_losses", "two different"),
    ({"saturation_losses": ["mse", "hinge"]}, "saturation_losses", "multi_margin"),
    ({"surface": {"zoom": 2}}, "surface.zoom", "unknown key"),
    ({"surface": [1]}, "surface", "object"),
    ({"regression": {"x": [1, 2], "y": [1]}}, "regression.y", "as many"),
    ({"regression": {"x": []}}, "regression.x", "1 to 1000"),
    ({"regression": {"w": None}}, "regression.w", "finite number"),
    ({"regression": {"learning_rate": 0}}, "regression.learning_rate", r"\(0, 10\]"),
    ({"regression": {"steps": 5000}}, "regression.steps", "0 to 1000"),
    ({"regression": {"b_range": [0]}}, "regression.b_range", "low, high"),
    ({"regression": {"slope": 1}}, "regression.slope", "unknown key"),
]


@pytest.mark.parametrize(("data", "field", "allowed"), BAD,
                         ids=[f"{d}" for d, _, _ in BAD])
def test_bad_values_are_rejected_naming_the_field(data, field, allowed):
    with pytest.raises(ValueError, match=rf"^{field}: .*{allowed}"):
        State.from_dict(data)


def test_not_an_object():
    with pytest.raises(ValueError, match="expected a JSON object"):
        State.from_dict([1, 2])


@pytest.mark.parametrize("text", ['{"logits": [NaN, 1]}', '{"temperature": Infinity}'])
def test_json_nan_and_infinity_are_refused(text):
    with pytest.raises(ValueError, match="not allowed"):
        State.from_json(text)


def test_truncated_and_deep_json_give_one_line():
    with pytest.raises(ValueError, match=r"not valid JSON .* line 1") as info:
        State.from_json('{"logits": [1, 2')
    assert "\n" not in str(info.value)
    with pytest.raises(ValueError, match=r"nested too deeply|expected"):
        State.from_json("[" * 100000 + "]" * 100000)


def test_with_classes_keeps_target_and_axes_valid():
    s = State(logits=(1.0, 2.0, 3.0, 4.0), target=3, surface=Surface(axes=(2, 3)))
    small = s.with_classes(2)
    assert small.logits == (1.0, 2.0) and small.target == 1 and small.surface.axes == (0, 1)
    big = State(target=(0.2, 0.3, 0.5)).with_classes(5)
    assert big.logits == (2.0, 1.0, 0.1, 0.0, 0.0)
    assert big.target == (0.2, 0.3, 0.5, 0.0, 0.0)

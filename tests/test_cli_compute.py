"""`python main.py compute`: its numbers, its text, and one clear line for every bad input."""

import json
import math
import re
import subprocess
import sys

import numpy as np
import pytest

import main
from core import State

ROOT = main.__file__.rsplit("/", 1)[0]


def run(*args, timeout=60):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def test_json_output_has_the_notes_numbers():
    out = run("compute", "--logits", "2,1,0.1", "--target", "0", "--format", "json")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["probs"] == pytest.approx([0.659001, 0.242433, 0.098566], abs=5e-7)
    assert d["loss"]["cross_entropy"] == pytest.approx(0.417030, abs=5e-7)
    assert d["grad"]["cross_entropy"]["formula"] == pytest.approx(
        [-0.340999, 0.242433, 0.098566], abs=5e-7)
    assert d["max_abs_diff"] < 1e-12
    assert d["regression"]["loss"] == 1.0 and d["regression"]["grad_w"] == 2.0


def test_text_output_shows_the_same_numbers():
    out = run("compute", "--logits", "2,1,0.1", "--target", "0")
    assert out.returncode == 0, out.stderr
    for number in ("0.659001", "0.242433", "0.098566", "0.417030", "-0.340999", "0.224719",
                   "-0.159764"):
        assert number in out.stdout
    assert "cross-entropy" in out.stdout and "max_abs_diff" in out.stdout


def test_help_is_fast_and_imports_no_torch():
    code = ("import sys, main\n"
            "try:\n    main.main(['--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'torch' not in sys.modules and 'PySide6' not in sys.modules\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert "compute" in out.stdout


def test_flags_override_the_state_file(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text(State(logits=(1.0, 2.0, 3.0, 4.0), target=3, temperature=2.0).to_json())
    assert main.main(["compute", "--state", str(path), "--temperature", "0.5",
                      "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["settings"]["temperature"] == 0.5
    assert len(d["probs"]) == 4
    # p3/p2 = e^{(4-3)/0.5}
    assert d["probs"][3] / d["probs"][2] == pytest.approx(2.718281828459045 ** 2, rel=1e-12)


def test_negative_logits_need_no_equals_sign(capsys):
    assert main.main(["compute", "--logits", "-1,-2.5,3", "--target", "2",
                      "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["probs"][2] > 0.9


def test_soft_target_and_smoothing_and_sum(capsys):
    assert main.main(["compute", "--logits", "2,1,0.1", "--target", "0.7,0.2,0.1",
                      "--label-smoothing", "0.1", "--reduction", "sum", "--format",
                      "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["target_effective"] == pytest.approx([0.7 * 0.9 + 0.1 / 3, 0.2 * 0.9 + 0.1 / 3,
                                                   0.1 * 0.9 + 0.1 / 3])
    assert d["settings"]["reduction"] == "sum"


BAD_ARGS = [
    (["--logits", "2,x,1"], "--logits: 'x' is not a number"),
    (["--logits", "nan,1"], "--logits: 'nan' is not a finite number"),
    (["--logits", "inf,1"], "--logits: 'inf' is not a finite number"),
    (["--logits", "1"], "--logits: expected a list of 2 to 1024"),
    (["--logits", "1,,2"], "--logits: expected comma-separated numbers"),
    (["--target", "3"], r"--target: expected a class index in \[0, 3\)"),
    (["--target", "first"], "--target: expected a class index"),
    (["--target", "0.5,0.5"], "--target: expected 3 probabilities"),
    (["--target", "0.5,0.2,0.2"], "--target: probabilities must sum to 1"),
    (["--temperature", "0"], r"--temperature: expected a number in \[0.001"),
    (["--temperature", "-1"], r"--temperature: expected a number in \[0.001"),
    (["--label-smoothing", "1"], r"--label-smoothing: expected a number in \[0, 1\)"),
    (["--reduction", "max"], "invalid choice: 'max'"),
    (["--format", "xml"], "invalid choice: 'xml'"),
    (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    (["--logits"], "expected one argument"),
    (["--logits", "1,2,3,4", "--state", "{missing}"], "cannot read"),
    (["--state", ""], "--state: expected a file name, got an empty string"),
    (["--preset", ""], "--preset: expected a preset name, got an empty string"),
    (["--preset", " "], "--preset: no preset ' '"),
    (["--preset", "nope"], "--preset: no preset 'nope' \\(the 10 presets are listed by --help"),
    (["--preset", "focal"], "--preset: no preset 'focal' \\(did you mean focal_easy_examples\\?"),
    (["--preset", "sofmax"], "--preset: no preset 'sofmax' \\(did you mean softmax\\?"),
]


@pytest.mark.parametrize(("args", "message"), BAD_ARGS, ids=[" ".join(a) for a, _ in BAD_ARGS])
def test_bad_flags_exit_2_with_one_line(args, message, capsys, tmp_path):
    args = [a.replace("{missing}", str(tmp_path / "missing.json")) for a in args]
    with pytest.raises(SystemExit) as info:
        main.main(["compute", *args])
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("loss-lens: error: ")

    assert re.search(message, lines[0]), lines[0]


@pytest.mark.parametrize(("content", "message"), [
    (b'{"logits": [1, 2', "not valid JSON"),
    (b'{"logits": [NaN, 2]}', "NaN is not allowed"),
    (b'{"logits": [1, 2], "hack": "__import__(\'os\')"}', "hack: unknown key"),
    (b'{"logits": [1, 2], "temperature": "hot"}', "temperature: expected"),
    (b"[" * 50000, "nested too deeply|not valid JSON"),
    (b'{"logits": [' + b"0.5," * 300000 + b"1]}", "at most 1,000,000 bytes"),
])
def test_bad_state_files_exit_2_without_traceback(tmp_path, content, message):
    path = tmp_path / "state.json"
    path.write_bytes(content)
    out = run("compute", "--state", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr

    assert re.search(message, lines[0]) and str(path) in lines[0], lines[0]


LONG = "1" * 130_000
LONG_CASES = [
    ["--logits", LONG],
    ["--logits", "1," + LONG],
    ["--logits", "1," + "x" * 130_000],
    ["--logits", "1,,2" + "9" * 130_000],
    ["--temperature", LONG],
    ["--temperature", "x" * 130_000],
    ["--target", LONG],
    ["--target", "0.5," + LONG],
    ["--target", "t\x1b[31m" * 10_000],
    ["--label-smoothing", LONG],
    ["--reduction", "m\n" * 60_000],
    ["--format", "x" * 130_000],
    ["--preset", "p" * 130_000],
    ["--state", "s\n" * 2000],
    ["--" + "z" * 130_000],
]


@pytest.mark.parametrize("args", LONG_CASES,
                         ids=[f"{a[0][:20]} {a[-1][:12]!r}" for a in LONG_CASES])
def test_long_or_odd_values_give_one_short_line(args):
    out = run("compute", *args)
    assert out.returncode == 2, out.stderr[:300]
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr[:300]
    assert lines[0].startswith("loss-lens: error: ") and len(lines[0]) < 200, lines[0][:300]
    assert "\x1b" not in lines[0]


def test_large_json_is_compact_exact_and_the_same_as_json_dumps(capsys):
    from core import compute
    from core.result import JSON_INDENT_MAX_CHARS

    logits = [round(math.sin(i) * 7, 3) for i in range(300)]
    state = State(logits=tuple(logits), target=5)
    assert main.main(["compute", "--logits", ",".join(map(str, logits)), "--target", "5",
                      "--format", "json"]) == 0
    out = capsys.readouterr().out
    result = compute(state)
    from core.autograd_graph import classifier_graph, regression_graph

    expected = {**result.to_dict(), **result.loss_family.to_dict(),
                "autograd_graph": classifier_graph(state).to_dict(),
                "regression_graph": regression_graph(state).to_dict()}
    # json.dumps writes each float's shortest exact repr: equal text is equal numbers
    assert out == json.dumps(expected, separators=(",", ":"), allow_nan=False) + "\n"
    assert len(out) > JSON_INDENT_MAX_CHARS and "\n" not in out[:-1]


def test_small_json_stays_indented():
    from core import compute

    result = compute(State())
    assert result.to_json() == json.dumps(result.to_dict(), indent=2, allow_nan=False)


@pytest.mark.parametrize("matrix", [
    [[1.0, 0.1], [0.1, 1e-300]],
    [[1.0, 0.0], [-0.0, 2.0]],                  # mirrored cells equal but not bitwise
    [[1.0, 2.0, 3.0], [2.0, 5.0, 6.0], [3.5, 6.0, 9.0]],  # not symmetric
    [[0.1 * i * j for j in range(40)] for i in range(40)],
])
def test_matrix_json_is_json_dumps_exactly(matrix):
    from core.result import _matrix_json

    a = np.array(matrix, dtype=np.float64)
    assert _matrix_json(a) == json.dumps(a.tolist(), separators=(",", ":"))


def test_matrix_json_refuses_nan_like_json_dumps():
    from core.result import _matrix_json

    with pytest.raises(ValueError):
        _matrix_json(np.array([[1.0, math.nan], [math.nan, 1.0]]))

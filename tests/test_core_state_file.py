"""State files: a broken or hostile file is refused in one line; writes are all or nothing."""

import os

import pytest

from core import State
from core.state_file import MAX_STATE_FILE_BYTES, StateFileError, read_state, write_state


def test_round_trip_through_a_file(tmp_path):
    state = State(logits=(0.5, -2.0, 3.0), target=(0.2, 0.3, 0.5), temperature=0.25)
    path = tmp_path / "mine.json"
    write_state(path, state)
    assert read_state(path) == state
    assert [p.name for p in tmp_path.iterdir()] == ["mine.json"]


@pytest.mark.parametrize(("content", "problem"), [
    (b'{"logits": [2, 1, 0.', "not valid JSON"),
    (b"", "empty"),
    (b'{"logits": [NaN, 1]}', "NaN is not allowed"),
    (b'{"logits": ["a", 1]}', r"logits\[0\]"),
    (b'{"favourite": 1}', "favourite: unknown key"),
    (b"\xff\xfe\x00garbage", "not a UTF-8"),
    (b'{"logits": [' + b"1," * 2000 + b"1]}", "logits: expected a list of 2 to 1024"),
])
def test_bad_files_raise_one_line_naming_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(StateFileError, match=problem) as info:
        read_state(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(MAX_STATE_FILE_BYTES + 1)
    with pytest.raises(StateFileError, match="at most"):
        read_state(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(StateFileError, match="cannot read"):
        read_state(tmp_path / "nope.json")
    with pytest.raises(StateFileError, match=r"not a regular file|cannot read"):
        read_state(tmp_path)


def test_unwritable_path_leaves_nothing(tmp_path):
    # a path below a regular file cannot be written even by root
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StateFileError, match="cannot write"):
        write_state(blocker / "s.json", State())
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_failed_write_keeps_the_old_file_and_leaves_no_partial(tmp_path, monkeypatch):
    path = tmp_path / "keep.json"
    write_state(path, State())
    before = path.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(StateFileError, match="No space left"):
        write_state(path, State(logits=(9.0, 9.0)))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]


def test_missing_folder_is_a_message(tmp_path):
    with pytest.raises(StateFileError, match="cannot write"):
        write_state(tmp_path / "no" / "such" / "s.json", State())

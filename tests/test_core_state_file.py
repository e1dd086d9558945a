"""State files: a broken or hostile file is refused in one line; writes are all or nothing."""

import os
import stat

import pytest

from core import State
from core.state_file import (
    MAX_STATE_FILE_BYTES,
    StateFileError,
    WriteError,
    read_state,
    write_atomic,
    write_state,
)


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


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_replacing_a_file_keeps_its_permissions(tmp_path, mode):
    path = tmp_path / "private.json"
    write_state(path, State())
    path.chmod(mode)
    write_state(path, State(logits=(1.0, 2.0)))
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert read_state(path) == State(logits=(1.0, 2.0))


def test_a_new_file_gets_the_usual_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", "{}")
        os.umask(0o077)
        write_atomic(tmp_path / "new2.json", "{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "new2.json").stat().st_mode) == 0o600


def test_a_250_byte_name_can_be_written(tmp_path):
    path = tmp_path / ("s" * 245 + ".json")
    write_state(path, State())
    assert read_state(path) == State()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_name_over_name_max_is_one_line_and_leaves_nothing(tmp_path):
    path = tmp_path / ("s" * 251 + ".json")
    with pytest.raises(WriteError, match="cannot write") as info:
        write_atomic(path, "{}")
    assert "\n" not in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_control_characters_in_a_path_are_escaped(tmp_path):
    path = tmp_path / "a\nb\x1b[31m.json"
    with pytest.raises(StateFileError, match="cannot read") as info:
        read_state(path)
    assert "\n" not in str(info.value) and "\x1b" not in str(info.value)
    assert r"a\nb\x1b[31m.json" in str(info.value)

"""Reading and writing state files without ever losing anything.

Reading refuses oversized, unreadable, non-UTF-8 or invalid files with a one-line message
(StateFileError) before anything changes. Writing goes to a temporary file in the same
folder and is renamed over the target only when complete, so a failed write leaves the
old file intact and no partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from core.state import State

# A full 1024-class state with 1000 regression points is about 60 kB.
MAX_STATE_FILE_BYTES = 1_000_000


class StateFileError(ValueError):
    """A state file could not be read or written; the message names the file and the problem."""


class WriteError(ValueError):
    """A file could not be written; nothing was left behind and any old file is intact."""


def read_state(path: str | os.PathLike[str]) -> State:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_STATE_FILE_BYTES:
            raise StateFileError(f"{path}: file is {size:,} bytes; a state file is at most "
                                 f"{MAX_STATE_FILE_BYTES:,} bytes")
        if not path.is_file():
            raise StateFileError(f"{path}: not a regular file")
        with path.open("rb") as f:
            raw = f.read(MAX_STATE_FILE_BYTES + 1)
    except OSError as exc:
        raise StateFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise StateFileError(f"{path}: not a UTF-8 text file") from None
    if not text.strip():
        raise StateFileError(f"{path}: file is empty")
    try:
        return State.from_json(text)
    except ValueError as exc:
        raise StateFileError(f"{path}: {exc}") from None


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write all of data to path or nothing: a temporary file beside it, then a rename."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp's 0600 would hide a shared file
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None


def write_state(path: str | os.PathLike[str], state: State) -> None:
    try:
        write_atomic(path, state.to_json() + "\n")
    except WriteError as exc:
        raise StateFileError(str(exc)) from None

"""Reading and writing state files without ever losing anything.

Reading refuses oversized, unreadable, non-UTF-8 or invalid files with a one-line message
(StateFileError) before anything changes. Writing goes to a temporary file in the same
folder and is renamed over the target only when complete, so a failed write leaves the
old file intact and no partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from core.state import State, printable

# A full 1024-class state with 1000 regression points is about 60 kB.
MAX_STATE_FILE_BYTES = 1_000_000
# The temporary file's name is short and fixed-length (".loss-lens-XXXXXXXX.part", 24
# bytes): derived from the target's name, it would pass NAME_MAX for a 250-byte name.
TEMP_PREFIX, TEMP_SUFFIX = ".loss-lens-", ".part"
# A path in a message is shown whole up to this length, then only its end.
MAX_SHOWN_PATH = 100


class StateFileError(ValueError):
    """A state file could not be read or written; the message names the file and the problem."""


class WriteError(ValueError):
    """A file could not be written; nothing was left behind and any old file is intact."""


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as a message shows it: one line (control characters escaped), and only its
    end when it is very long — the file name is the part that tells files apart."""
    text = printable(os.fsdecode(path))
    return text if len(text) <= MAX_SHOWN_PATH else "…" + text[-(MAX_SHOWN_PATH - 1):]


def read_state(path: str | os.PathLike[str]) -> State:
    path = Path(path)
    name = shown_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_STATE_FILE_BYTES:
            raise StateFileError(f"{name}: file is {size:,} bytes; a state file is at most "
                                 f"{MAX_STATE_FILE_BYTES:,} bytes")
        if not path.is_file():
            raise StateFileError(f"{name}: not a regular file")
        with path.open("rb") as f:
            raw = f.read(MAX_STATE_FILE_BYTES + 1)
    except OSError as exc:
        raise StateFileError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise StateFileError(f"{name}: not a UTF-8 text file") from None
    if not text.strip():
        raise StateFileError(f"{name}: file is empty")
    try:
        return State.from_json(text)
    except ValueError as exc:
        raise StateFileError(f"{name}: {exc}") from None


def _mode_for(path: Path) -> int:
    """The permission bits the written file gets: those of the file it replaces (a private
    0600 file stays private), else what a new file gets (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write all of data to path or nothing: a temporary file beside it, then a rename."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise WriteError(f"{shown_path(path)}: cannot write ({exc.strerror or exc})") from None
    try:
        os.chmod(tmp_name, _mode_for(path))  # not mkstemp's 0600
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise WriteError(f"{shown_path(path)}: cannot write ({exc.strerror or exc})") from None


def write_state(path: str | os.PathLike[str], state: State) -> None:
    try:
        write_atomic(path, state.to_json() + "\n")
    except WriteError as exc:
        raise StateFileError(str(exc)) from None


def temporary_beside(path: str | os.PathLike[str], suffix: str) -> Path:
    """A new empty file beside path, with the mode path has (or a new file would get), for
    writers that stream into a file before it is renamed over path (animations)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=folder)
    except OSError as exc:
        raise WriteError(f"{shown_path(path)}: cannot write ({exc.strerror or exc})") from None
    os.close(fd)
    os.chmod(name, _mode_for(path))
    return Path(name)

"""A private Xvfb for a test: started on a free display number, stopped afterwards."""

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest


@contextlib.contextmanager
def xvfb_server(screen: str | None = None) -> Iterator[str]:
    """Yields the display (':N'); screen like '1280x800x24' (Xvfb's default if None).
    Skips the test where Xvfb is not installed."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (make test installs it as root)")
    read_fd, write_fd = os.pipe()
    size = ["-screen", "0", screen] if screen else []
    # -noreset: by default Xvfb resets when its last client leaves, and a connection made
    # during the reset fails (the display check, then the app, each connect and leave)
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), *size, "-noreset",
                               "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)

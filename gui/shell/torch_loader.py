"""Load torch (about 1.5–2 s) in a background thread, so the window appears first.

The window shows at once with "Loading torch…"; `preload()` then starts the import, and
when it is done `ready` fires in the GUI thread and the first numbers are computed. The
import holds the GIL most of the time, so start-up begins it only once the first frame is
on screen (a window built with begin_torch_import=False waits for that call); any other window
begins it itself. Importing in a thread is safe: Python's import lock makes any other
import of the same modules wait for it.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, Signal

_lock = threading.Lock()
_import_thread: threading.Thread | None = None
_error: list[str] = []
_import_started = threading.Event()


def _import_compute() -> None:
    # The import allocates enough to set off the cyclic collector in this thread; a
    # collection here would destroy the Qt objects of a replaced window (a language switch
    # in the first seconds) off the GUI thread, which deadlocked. The GUI thread turns the
    # collector back on (TorchLoader) when the import is over; explicit collections there
    # still run meanwhile.
    gc.disable()
    try:
        import torch

        # A frame's arrays are small: split over both cores, torch's OpenMP threads wait
        # for each other whenever another process holds a core (N = 256 frames took
        # 130–300 ms beside two busy processes, 35 ms on one thread, 13 ms unloaded).
        torch.set_num_threads(1)
        import core.pipeline  # noqa: F401 - the compute code
    except Exception as exc:  # reported in the window, never as a traceback
        _error.append(f"{type(exc).__name__}: {exc}")


def preload() -> threading.Thread:
    """Start importing torch in the background (once); returns the importing thread."""
    global _import_thread
    with _lock:
        if _import_thread is None:
            _import_thread = threading.Thread(target=_import_compute, name="torch-import",
                                              daemon=True)
            _import_thread.start()
            _import_started.set()
        return _import_thread


def finish_import(timeout: float = 60.0) -> None:
    """Let a running import end before the interpreter does: a daemon thread stopped in the
    middle of loading torch's C extensions can crash the process at exit."""
    thread = _import_thread
    if thread is not None and thread.is_alive():
        thread.join(timeout)
    gc.enable()


class TorchLoader(QObject):
    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._started = False
        # queued to this (the GUI) thread when the import is over: see _import_compute
        self.ready.connect(self._collector_back)
        self.failed.connect(self._collector_back)
        # a window built after the import (a new language or theme) computes at once
        thread = _import_thread
        self.loaded = thread is not None and not thread.is_alive() and not _error

    def start(self, begin_import: bool = True) -> None:
        """Report when torch has loaded; begin_import=False leaves starting the import to
        the caller of preload()."""
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._wait, args=(begin_import,), name="torch-wait",
                         daemon=True).start()

    def _collector_back(self) -> None:
        gc.enable()

    def _wait(self, begin_import: bool) -> None:
        if begin_import:
            preload()
        _import_started.wait()
        preload().join()
        try:
            if _error:
                self.failed.emit(_error[0])
                return
            self.loaded = True
            self.ready.emit()  # queued to the GUI thread: this object lives there
        except RuntimeError:  # the window closed while torch loaded: nobody to tell
            pass

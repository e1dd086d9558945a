"""Load torch (about 1.5–2 s) in a background thread, so the window appears first.

The window shows at once with "Loading torch…"; `preload()` then starts the import, and
when it is done `ready` fires in the GUI thread and the first numbers are computed. The
import holds the GIL most of the time, so start-up begins it only once the first frame is
on screen (a window built with begin_torch_import=False waits for that call); any other window
begins it itself. Importing in a thread is safe: Python's import lock makes any other
import of the same modules wait for it.
"""

from __future__ import annotations

import contextlib
import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

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


class _Announcer(QObject):
    """Says, in the GUI thread, that the import is over: one per application, living as
    long as it does. The waiting thread emits only this; a window's own objects, which a
    language switch may delete at any moment, are never touched off the GUI thread."""

    over = Signal()  # from the waiting thread, queued to the GUI thread
    done = Signal()  # in the GUI thread, once the collector is back on

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.is_over = False
        self.over.connect(self._on_over)
        threading.Thread(target=self._wait, name="torch-wait", daemon=True).start()

    def _wait(self) -> None:
        _import_started.wait()
        preload().join()
        with contextlib.suppress(RuntimeError):  # the application is gone: nobody to tell
            self.over.emit()

    def _on_over(self) -> None:
        gc.enable()  # off while torch imported: see _import_compute
        self.is_over = True
        self.done.emit()


_announcers: list[_Announcer] = []


def _announcer() -> _Announcer:
    if not _announcers:
        _announcers.append(_Announcer())
    return _announcers[0]


class TorchLoader(QObject):
    """A window's view of the import: `ready` (or `failed`) in the GUI thread."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._started = False
        # a window built after the import (a new language or theme) computes at once
        thread = _import_thread
        self.loaded = thread is not None and not thread.is_alive() and not _error

    def start(self, begin_import: bool = True) -> None:
        """Report when torch has loaded; begin_import=False leaves starting the import to
        the caller of preload()."""
        if self._started:
            return
        self._started = True
        if begin_import:
            preload()
        announcer = _announcer()
        if announcer.is_over:
            QTimer.singleShot(0, self, self._relay)
        else:
            announcer.done.connect(self._relay)

    def _relay(self) -> None:
        if _error:
            self.failed.emit(_error[0])
            return
        self.loaded = True
        self.ready.emit()

"""Is there a display the window can open on? Asked before QApplication exists.

Without one, Qt prints "Reinstalling the application may fix this problem" and aborts
(SIGABRT), which helps no one. This module mirrors how Qt 6 picks its platform plugin on
Linux and checks each candidate cheaply (the plugin is installed; an X display or Wayland
socket answers), so `main.py` can say in one line what is wrong. Whatever it cannot decide
counts as usable: Qt then tries, as it would have anyway. No Qt GUI module is imported.
"""

from __future__ import annotations

import ctypes
import os
import socket
import sys
from collections.abc import Mapping

PLATFORM_IID = "org.qt-project.Qt.QPA.QPlatformIntegrationFactoryInterface"
CONNECT_TIMEOUT_S = 2.0


def display_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why no platform Qt would try can open a window (one short phrase), or None if one
    can, or if this cannot be decided (then Qt tries)."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):  # macOS and Windows always have their own
        return None
    installed = installed_platforms(env)
    reasons: list[str] = []
    for name in candidate_platforms(env):
        usable, reason = _platform_usable(name, env, installed)
        if usable is not False:
            return None
        if reason not in reasons:
            reasons.append(reason)
    return "; ".join(reasons) or None


def candidate_platforms(env: Mapping[str, str]) -> list[str]:
    """The platform names Qt tries, in order: QT_QPA_PLATFORM's ';'-separated list
    (options after ':' dropped), or Qt 6's own choice on Linux: wayland first when
    WAYLAND_DISPLAY is set or XDG_SESSION_TYPE=wayland, then xcb."""
    value = env.get("QT_QPA_PLATFORM", "")
    if value:
        names = [part.split(":", 1)[0].strip() for part in value.split(";")]
        return [n for n in names if n]
    names = []
    if "WAYLAND_DISPLAY" in env or env.get("XDG_SESSION_TYPE") == "wayland":
        names.append("wayland")
    names.append("xcb")
    return names


def installed_platforms(env: Mapping[str, str]) -> set[str] | None:
    """The keys (lower case) of the platform plugins Qt can find, read from each plugin's
    metadata without loading it; None if that cannot be found out."""
    try:
        from PySide6.QtCore import QLibraryInfo, QPluginLoader
    except ImportError:
        return None
    folders = [os.path.join(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
                            "platforms")]
    folders += [os.path.join(p, "platforms")
                for p in env.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders += [p for p in env.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders.append(os.path.join(os.path.dirname(os.path.realpath(sys.executable)),
                                "platforms"))
    keys: set[str] = set()
    for folder in folders:
        try:
            files = sorted(os.listdir(folder))
        except OSError:
            continue
        for file in files:
            meta = QPluginLoader(os.path.join(folder, file)).metaData()
            if str(meta.get("IID", "")).startswith(PLATFORM_IID):
                keys.update(str(k).lower() for k in meta.get("MetaData", {}).get("Keys", []))
    return keys or None


def _platform_usable(name: str, env: Mapping[str, str],
                     installed: set[str] | None) -> tuple[bool | None, str]:
    """(True, '') if the platform can open a window, (False, why) if it surely cannot,
    (None, '') if that cannot be told without trying."""
    key = name.lower()
    if installed is not None and key not in installed:
        return False, (f"QT_QPA_PLATFORM names {name}, not an installed Qt platform "
                       f"(installed: {', '.join(sorted(installed))})")
    if key == "xcb":
        return _x_display_answers(env)
    if key.startswith("wayland"):
        return _wayland_answers(env)
    return None, ""  # offscreen, minimal, vnc, eglfs, …: Qt knows best


def _x_display_answers(env: Mapping[str, str]) -> tuple[bool | None, str]:
    """Open and close the X display as Qt's xcb plugin would (XOpenDisplay, libX11)."""
    display = env.get("DISPLAY", "")
    if not display:
        return False, "DISPLAY is not set"
    if not _x_tcp_answers(display):
        return False, f"the X display {display} does not answer"
    try:
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return None, ""
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    handle = xlib.XOpenDisplay(display.encode())
    if not handle:
        return False, f"the X display {display} does not answer"
    xlib.XCloseDisplay(handle)
    return True, ""


def _x_tcp_answers(display: str, timeout: float = 2.0) -> bool:
    """For a display on another host (host:N), whether its port takes a connection within
    `timeout`: XOpenDisplay has no timeout, and an unreachable host would hang start-up."""
    host, _, number = display.rpartition(":")
    if not host or host == "unix" or host.startswith("/"):
        return True  # a local socket: XOpenDisplay answers at once
    try:
        port = 6000 + int(number.split(".")[0])
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except (OSError, ValueError):
        return False


def _wayland_answers(env: Mapping[str, str]) -> tuple[bool | None, str]:
    """Connect to the Wayland socket where libwayland-client would look for it."""
    if env.get("WAYLAND_SOCKET"):  # an inherited connection: nothing to check from here
        return None, ""
    name = env.get("WAYLAND_DISPLAY")
    name = "wayland-0" if name is None else name
    if not name.startswith("/"):
        runtime = env.get("XDG_RUNTIME_DIR", "")
        if not runtime:
            return False, f"XDG_RUNTIME_DIR is not set, so Wayland's {name} cannot be found"
        name = os.path.join(runtime, name)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(CONNECT_TIMEOUT_S)
            sock.connect(name)
    except OSError:
        return False, f"the Wayland display {name} does not answer"
    return True, ""

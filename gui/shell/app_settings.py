"""Where the app remembers things between runs: QSettings in an INI file per user.

Tests redirect it with QSettings.setPath(IniFormat, UserScope, tmp) so they never read or
write the user's real settings.

Nothing stored there may stop the app from starting: the file can be edited by hand, be
written by another version, or hold a state that no longer loads. Every value read back is
checked (type and content); one that cannot be used is removed, the default takes its
place, and the key is noted so that the window can say so once (take_reset_settings).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from core.state import State

MAX_RECENT = 8
MAX_PATH_CHARS = 4096

_reset: list[str] = []  # keys removed since take_reset_settings() was last asked
_UNREADABLE = object()


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LossLens",
                     "Loss Lens")


def _read(settings: QSettings, key: str) -> object:
    """settings.value(key), or a marker object if even reading it fails (an odd type)."""
    try:
        return settings.value(key)
    except Exception:
        return _UNREADABLE


def _drop(settings: QSettings, key: str) -> None:
    """Remove a value that cannot be used, and remember to say so."""
    settings.remove(key)
    if key not in _reset:
        _reset.append(key)


def take_reset_settings() -> list[str]:
    """The keys dropped since the last call, as read by people ("window geometry"), each
    said once: the window shows them in its status bar at start-up."""
    labels = {
        "window/geometry": QCoreApplication.translate("Settings", "window geometry"),
        "ui/language": QCoreApplication.translate("Settings", "language"),
        "ui/theme": QCoreApplication.translate("Settings", "theme"),
        "ui/presentation": QCoreApplication.translate("Settings", "presentation mode"),
        "state/last": QCoreApplication.translate("Settings", "last session's state"),
        "files/recent": QCoreApplication.translate("Settings", "recent files"),
        "export/folder": QCoreApplication.translate("Settings", "export folder"),
        "export/view": QCoreApplication.translate("Settings", "exported view"),
        "export/format": QCoreApplication.translate("Settings", "export format"),
        "export/scale": QCoreApplication.translate("Settings", "export scale"),
        "export/transparent": QCoreApplication.translate("Settings", "transparent export"),
        "export/size": QCoreApplication.translate("Settings", "export size"),
        "export/fixed_size": QCoreApplication.translate("Settings", "export size"),
        **{f"animation/{key}": QCoreApplication.translate("Settings", "animation choices")
           for key in ("view", "field", "start", "end", "frames", "fps", "file", "size",
                       "fixed_size")},
    }
    taken = [labels.get(key, key) for key in _reset]
    _reset.clear()
    return taken


def saved_state(settings: QSettings) -> State | None:
    """The state of the last session, or None if there is none or it no longer loads.
    Any exception counts (OverflowError, RecursionError, …), not only ValueError: the
    state is saved again on exit, so one that breaks start-up would break every one."""
    text = _read(settings, "state/last")
    if text is None:
        return None
    if isinstance(text, str):
        try:
            return State.from_json(text)
        except Exception:
            pass
    _drop(settings, "state/last")
    return None


def restore_geometry(window, settings: QSettings) -> None:
    """Give window the saved size and place, if they can be used (restoreGeometry takes
    only a QByteArray, and says whether it understood it); else keep its own."""
    geometry = _read(settings, "window/geometry")
    if geometry is None:
        return
    size = window.size()
    try:
        restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    except Exception:
        restored = False
    if not restored:
        window.resize(size)
        _drop(settings, "window/geometry")


def _usable_path(value: object) -> bool:
    """A recent file is stored as an absolute path (add_recent_file gets a resolved one)."""
    return (isinstance(value, str) and len(value) <= MAX_PATH_CHARS and "\0" not in value
            and os.path.isabs(value))


def recent_files(settings: QSettings) -> list[str]:
    """The recently used state files, newest first; entries that are not paths go."""
    value = _read(settings, "files/recent")
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        _drop(settings, "files/recent")
        return []
    files = [v for v in items if _usable_path(v)]
    if len(files) != len(items):
        _drop(settings, "files/recent")
        if files:
            settings.setValue("files/recent", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def add_recent_file(settings: QSettings, path: str) -> list[str]:
    files = [path] + [p for p in recent_files(settings) if p != path]
    settings.setValue("files/recent", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def saved_choice(settings: QSettings, key: str, choices, default: str) -> str:
    """A remembered choice (ui/language, ui/theme), or default if unset; a value that is
    not one of choices (a list, a typo, another version's choice) is dropped."""
    value = _read(settings, key)
    if value is None:
        return default
    if isinstance(value, str) and value in choices:
        return value
    _drop(settings, key)
    return default


def saved_flag(settings: QSettings, key: str, default: bool = False) -> bool:
    """A remembered on/off choice (ui/presentation), or default if unset. An INI file gives
    back "true" or "false" for a stored bool; anything else is dropped."""
    value = _read(settings, key)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in ("true", "false"):
        return value == "true"
    _drop(settings, key)
    return default


def saved_int(settings: QSettings, key: str, choices, default: int) -> int:
    """A remembered whole number among choices (export/scale), or default. An INI file
    gives numbers back as text ("2"); anything that is not one of choices is dropped."""
    value = _read(settings, key)
    if value is None:
        return default
    if isinstance(value, int | str) and not isinstance(value, bool) and \
            str(value).strip().isdigit() and int(value) in choices:
        return int(value)
    _drop(settings, key)
    return default


def saved_size(settings: QSettings, key: str, lowest: tuple[int, int],
               highest: tuple[int, int]) -> tuple[int, int] | None:
    """A remembered WIDTHxHEIGHT in pixels (export/size) within lowest..highest, or None."""
    value = _read(settings, key)
    if value is None:
        return None
    if isinstance(value, str):
        width, x, height = value.lower().partition("x")
        if x and width.isdigit() and height.isdigit() and \
                lowest[0] <= int(width) <= highest[0] and lowest[1] <= int(height) <= highest[1]:
            return int(width), int(height)
    _drop(settings, key)
    return None


def saved_folder(settings: QSettings, key: str) -> str | None:
    """A remembered folder (export/folder) if it is still there; a value that is not a
    folder path is dropped, one that is gone (a removed USB stick) is only passed over."""
    value = _read(settings, key)
    if value is None:
        return None
    if not _usable_path(value):
        _drop(settings, key)
        return None
    return value if os.path.isdir(value) else None


@dataclass(frozen=True)
class ExportChoices:
    """What the export dialog starts with: the user's last choices (app_settings)."""

    folder: str
    view: str | None = None  # None: the view the dialog was asked for
    format: str = "png"
    scale: int = 1
    transparent: bool = False
    size: tuple[int, int] | None = None  # the last width × height typed
    fixed_size: bool = False  # lay the view out at `size` rather than as on screen


def saved_export_choices(settings: QSettings, views: list[str], folder: str) -> ExportChoices:
    """The export dialog's last choices; a value that cannot be used is ignored (`folder`
    stands in for a remembered folder that is gone)."""
    from gui.shell.figure_export import FORMATS, SCALES

    return ExportChoices(
        folder=saved_folder(settings, "export/folder") or folder,
        view=saved_choice(settings, "export/view", views, "") or None,
        format=saved_choice(settings, "export/format", FORMATS, "png"),
        scale=saved_int(settings, "export/scale", SCALES, 1),
        transparent=saved_flag(settings, "export/transparent"),
        size=saved_size(settings, "export/size", (200, 150), (8000, 8000)),
        fixed_size=saved_flag(settings, "export/fixed_size"))


@dataclass(frozen=True)
class AnimationChoices:
    """What the animation dialog starts with: the user's last choices (app_settings)."""

    view: str | None = None  # None: the view on screen
    field: str | None = None  # None: the temperature
    start: str | None = None  # the range typed for `field`; None: one around its value
    end: str | None = None
    frames: int | None = None
    fps: int | None = None
    file: str | None = None  # the last file written, if its folder is still there
    size: tuple[int, int] | None = None
    fixed_size: bool = False


def _saved_text(settings: QSettings, key: str, limit: int = 64) -> str | None:
    value = _read(settings, key)
    if value is None:
        return None
    if isinstance(value, str) and 0 < len(value) <= limit and "\0" not in value:
        return value
    _drop(settings, key)
    return None


def saved_animation_choices(settings: QSettings, views: list[str], fields: list[str],
                            frames: range, fps: range) -> AnimationChoices:
    """The animation dialog's last choices; a value that cannot be used is ignored (the
    range typed is kept only with its field; a number the dialog cannot read is said there)."""
    field = saved_choice(settings, "animation/field", fields, "") or None
    file = _read(settings, "animation/file")
    if file is not None and not (_usable_path(file) and os.path.isdir(os.path.dirname(file))):
        if not _usable_path(file):
            _drop(settings, "animation/file")
        file = None
    start, end = _saved_text(settings, "animation/start"), _saved_text(settings, "animation/end")
    return AnimationChoices(
        view=saved_choice(settings, "animation/view", views, "") or None,
        field=field,
        start=start if field else None,
        end=end if field else None,
        frames=saved_int(settings, "animation/frames", frames, 0) or None,
        fps=saved_int(settings, "animation/fps", fps, 0) or None,
        file=file,
        size=saved_size(settings, "animation/size", (200, 150), (8000, 8000)),
        fixed_size=saved_flag(settings, "animation/fixed_size"))

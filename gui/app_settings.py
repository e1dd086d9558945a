"""Where the app remembers things between runs: QSettings in an INI file per user.

Tests redirect it with QSettings.setPath(IniFormat, UserScope, tmp) so they never read or
write the user's real settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from core.state import State

MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LossLens",
                     "Loss Lens")


def saved_state(settings: QSettings) -> State | None:
    """The state of the last session, or None if there is none or it no longer loads."""
    text = settings.value("state/last")
    if not isinstance(text, str):
        return None
    try:
        return State.from_json(text)
    except ValueError:
        return None


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("files/recent", [])
    if isinstance(value, str):
        value = [value]
    return [v for v in (value or []) if isinstance(v, str)][:MAX_RECENT]


def add_recent_file(settings: QSettings, path: str) -> list[str]:
    files = [path] + [p for p in recent_files(settings) if p != path]
    settings.setValue("files/recent", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def saved_choice(settings: QSettings, key: str, choices, default: str) -> str:
    """A remembered choice (ui/language, ui/theme), or default if unset or unknown."""
    value = settings.value(key, default)
    return value if value in choices else default

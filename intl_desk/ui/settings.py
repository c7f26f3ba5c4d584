"""Settings remembered between runs, declared once with their types and defaults."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")
MAX_RECENT_FILES = 8


class Option(Generic[T]):
    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def get(self, settings: QSettings) -> T:
        value: Any = settings.value(self.key, self.default)
        if isinstance(self.default, bool) and isinstance(value, str):
            value = value.lower() == "true"
        elif isinstance(self.default, list) and not isinstance(value, list):
            value = [value] if value else []
        result: T = value
        return result

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


LANGUAGE = Option[str]("language", "")
LAST_FILE = Option[str]("files/last", "")
RECENT_FILES = Option[list[str]]("files/recent", [])
WINDOW_GEOMETRY = Option[QByteArray]("window/geometry", QByteArray())
WINDOW_STATE = Option[QByteArray]("window/state", QByteArray())
#: the yearly report counts the figures of collection rounds only once approved
APPROVED_ONLY = Option[bool]("reports/approved_only", False)


def hidden_columns(kind: str) -> Option[list[str]]:
    return Option[list[str]](f"lists/{kind}/hidden", [])


def column_widths(kind: str) -> Option[list[str]]:
    return Option[list[str]](f"lists/{kind}/widths", [])


def app_settings() -> QSettings:
    """An INI file in the user's configuration folder on every system (not the Windows
    registry): readable, easy to reset, and redirected by tests with ``QSettings.setPath``."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "IntlDesk", "IntlDesk")


def remember_file(settings: QSettings, path: str) -> None:
    recent = [item for item in RECENT_FILES.get(settings) if item != path]
    RECENT_FILES.set(settings, [path, *recent][:MAX_RECENT_FILES])
    LAST_FILE.set(settings, path)

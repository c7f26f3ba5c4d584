"""Where Intl Desk finds its bundled resources and keeps the user's files.

One module for every path, so a PyInstaller bundle (``sys._MEIPASS``), an installed wheel
(``intl_desk/resources``, copied there by ``setup.py``) and an editable checkout
(``resources/`` beside the package) all resolve the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "IntlDesk"
APP_AUTHOR = "IntlDesk"

_DIRS = PlatformDirs(APP_NAME, APP_AUTHOR)


def resources_dir() -> Path:
    """Translations, fonts, icons and reference data, wherever this copy keeps them."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def data_dir() -> Path:
    """Bundled reference data: gazetteer, SDGs, IATI code lists, world map."""
    return resources_dir() / "data"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def user_data_dir() -> Path:
    """Per-user writable folder (logs, crash reports); created on demand."""
    path = Path(_DIRS.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    path = Path(_DIRS.user_config_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path

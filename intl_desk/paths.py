"""Where Intl Desk finds its bundled resources and keeps the user's files.

The resources (translations, fonts, icons, reference data) live inside the package, in
``intl_desk/resources``, so a checkout, an installed wheel and a PyInstaller bundle (which
keeps the package's data under ``sys._MEIPASS``) all find them the same way, through
:mod:`importlib.resources`. Reports and Qt need real files, so an installation must unpack
the package (pip does; a zip import is not supported).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "IntlDesk"
APP_AUTHOR = "IntlDesk"

_DIRS = PlatformDirs(APP_NAME, APP_AUTHOR)


def resources_dir() -> Path:
    """Translations, fonts, icons and reference data: ``intl_desk/resources``."""
    return Path(str(files("intl_desk") / "resources"))


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

"""Cold start: from launching the app on a fresh home folder to its window on screen.

Each scenario launches the app as a person does — the ``intl-desk`` command run from the
source install, or the bundle's ``intl-desk-gui`` — with an empty home folder, and times
the whole launch (interpreter, imports, Qt, settings) until the app quits by itself:

- ``--quit-when-painted``: once the first window is painted (the window on screen);
- ``--quit-when-shown`` without a file: once the main window has taken its place, whole
  and usable.

The bundle is looked for in ``$INTL_DESK_BUNDLE``, else ``dist/intl-desk`` in the current
folder (``pyinstaller build_installer.spec``); without one the bundle scenario is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def bundle_folder() -> Path | None:
    """The one-folder bundle to time, if one was built."""
    folder = Path(os.environ.get("INTL_DESK_BUNDLE") or Path.cwd() / "dist" / "intl-desk")
    return folder if (folder / "intl-desk-gui").exists() else None


def _launch(command: list[str]) -> float:
    """Seconds from launching ``command`` with an empty home folder until it exits."""
    with tempfile.TemporaryDirectory(prefix="intl-desk-cold-") as home:
        environment = {
            **os.environ,
            "HOME": home,
            "XDG_CONFIG_HOME": str(Path(home) / ".config"),
            "XDG_DATA_HOME": str(Path(home) / ".local" / "share"),
            "XDG_CACHE_HOME": str(Path(home) / ".cache"),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        started = time.perf_counter()
        subprocess.run(command, check=True, env=environment, capture_output=True)
        return time.perf_counter() - started


def _from_source(flag: str) -> list[str]:
    return [sys.executable, "-m", "intl_desk", "gui", flag]


def cold_start(_file: Path) -> float:
    """From the source install: launch to the first window painted."""
    return _launch(_from_source("--quit-when-painted"))


def cold_start_ready(_file: Path) -> float:
    """From the source install: launch to the main window whole on screen."""
    return _launch(_from_source("--quit-when-shown"))


def cold_start_bundle(_file: Path) -> float:
    """From the bundle: launch to the first window painted."""
    folder = bundle_folder()
    if folder is None:
        raise RuntimeError("no bundle: build one with pyinstaller build_installer.spec")
    return _launch([str(folder / "intl-desk-gui"), "--quit-when-painted"])


def cold_start_bundle_ready(_file: Path) -> float:
    """From the bundle: launch to the main window whole on screen."""
    folder = bundle_folder()
    if folder is None:
        raise RuntimeError("no bundle: build one with pyinstaller build_installer.spec")
    return _launch([str(folder / "intl-desk-gui"), "--quit-when-shown"])

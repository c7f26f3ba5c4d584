"""Cold start: from launching the app on a fresh home folder to its window painted.

Run as ``python -m intl_desk.bench.cold_start``: the child starts the app as the
``intl-desk`` command does and quits once its window is on screen, so the parent times
the whole launch (interpreter, imports, Qt, settings, first paint) as a person waits.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def cold_start(_file: Path) -> float:
    """Seconds from launching the app with an empty home folder to its first paint."""
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
        subprocess.run(
            [sys.executable, "-m", "intl_desk.bench.cold_start"], check=True, env=environment
        )
        return time.perf_counter() - started


def _first_paint() -> int:
    """The app's own start (``run_app``), quitting once its window is on screen."""
    from intl_desk.ui.app import run_app

    return run_app(None, quit_when_shown=True)


if __name__ == "__main__":
    sys.exit(_first_paint())

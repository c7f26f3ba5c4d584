"""The window shows before what only a later menu choice needs is loaded.

Merging, importing a spreadsheet, exporting the calendar and printing a PDF are chosen
from menus; their modules (spreadsheet readers, ReportLab, the calendar's queries) load
when first chosen. Checked in a fresh interpreter, with a fresh home folder, because this
test process has long imported all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

LATER = (
    "intl_desk.ui.merge_dialog",
    "intl_desk.ui.import_wizard",
    "intl_desk.ui.calendar_export",
    "reportlab",
    "openpyxl",
    "python_calamine",
)

START_AND_LIST_MODULES = """
import json, sys
from intl_desk.ui.app import run_app
code = run_app(None, quit_when_shown=True)
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _started_afresh(tmp_path: Path, script: str) -> dict[str, Any]:
    """What ``script`` prints as JSON, run in a fresh interpreter with a fresh home folder;
    its ``code`` (the app's exit status) must be 0."""
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
        },
    )
    printed: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert printed["code"] == 0, done.stderr
    return printed


def test_the_first_window_loads_no_menu_only_module(tmp_path: Path) -> None:
    shown = _started_afresh(tmp_path, START_AND_LIST_MODULES)
    loaded = [
        name for name in shown["modules"]
        if any(name == later or name.startswith(f"{later}.") for later in LATER)
    ]
    assert "intl_desk.ui.main_window" in shown["modules"]
    assert loaded == []


PAINTED_FIRST = """
import json, sys
from intl_desk.ui import start_window
seen = {}
load = start_window.StartWindow.load

def noting_load(self, ready, modules=None):
    if not seen:  # the loading begins: what was imported to put the window on screen
        seen.update(painted=self._painted, modules=sorted(sys.modules))
    return load(self, ready, modules)

start_window.StartWindow.load = noting_load
from intl_desk.ui.app import run_app
code = run_app(None, quit_when_shown=True)
print(json.dumps({"code": code, **seen}))
"""

HEAVY = ("sqlalchemy", "intl_desk.core.model", "intl_desk.store", "intl_desk.ui.main_window",
         "intl_desk.ui.dialogs", "babel", "pycountry")


def test_a_window_is_painted_before_the_application_is_loaded(tmp_path: Path) -> None:
    started = _started_afresh(tmp_path, PAINTED_FIRST)
    assert started["painted"]  # the start window was on screen when the loading began
    heavy = [
        name for name in started["modules"]
        if any(name == root or name.startswith(f"{root}.") for root in HEAVY)
    ]
    assert heavy == []

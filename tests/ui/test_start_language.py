"""``intl-desk --language fr FILE`` opens the window in French, whatever was saved."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from intl_desk.cli.entry import main

MENUS_OF_THE_WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
from intl_desk.cli.entry import main
code = main(sys.argv[1:])
menus = [
    action.text().replace("&", "")
    for window in QApplication.topLevelWidgets() if hasattr(window, "menuBar")
    for action in window.menuBar().actions()
]
print(json.dumps({"code": code, "menus": menus}))
"""


def _start(home: Path, *arguments: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", MENUS_OF_THE_WINDOW, *arguments, "--quit-when-shown"],
        capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
             "XDG_CONFIG_HOME": str(home / ".config"), "LANG": "en_GB.UTF-8",
             "LANGUAGE": "", "LC_ALL": ""},
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, done.stderr
    return result


def test_the_language_given_on_the_command_line_is_the_windows(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    office = tmp_path / "Córdoba.sqlite"
    assert main(["new", str(office), "--office", "Municipalidad de Córdoba"]) == 0
    assert _start(home, "--language", "fr", "gui", str(office))["menus"][:2] == [
        "Fichier", "Service"
    ]
    assert _start(home, str(office), "--language", "pt")["menus"][:1] == ["Arquivo"]

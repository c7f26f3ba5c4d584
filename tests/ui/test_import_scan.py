"""PySide's scan of imported modules answers as before without keeping their source."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import intl_desk.ui  # noqa: F401  (installs the scan)


@pytest.fixture
def module_folder(tmp_path: Path) -> Path:
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))


def test_an_imported_module_leaves_no_source_in_memory(module_folder: Path) -> None:
    (module_folder / "a_plain_module.py").write_text("ANSWER = 42\n" * 2000, encoding="utf-8")
    __import__("a_plain_module")  # as an import statement does: through PySide's hook
    assert str(module_folder / "a_plain_module.py") not in linecache.cache


def test_modules_using_pyside_are_still_told_apart(module_folder: Path) -> None:
    (module_folder / "uses_qt.py").write_text(
        "from PySide6.QtCore import QObject\n", encoding="utf-8"
    )
    (module_folder / "plain_text.py").write_text("WORDS = 'no Qt here'\n", encoding="utf-8")
    __import__("uses_qt")
    __import__("plain_text")
    features = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert (features["uses_qt"], features["plain_text"]) == (0, -1)

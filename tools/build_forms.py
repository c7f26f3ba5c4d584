"""Compile the Qt Designer forms in ``forms/*.ui`` into ``intl_desk/ui/forms/ui_*.py``.

uic writes ``QCoreApplication.translate("Form", "text", None)`` for every visible text;
we rewrite those calls to our own ``_("text")`` so the forms use the same translation
catalogues as the rest of the app (and the extractor finds their strings).
Run after editing a form:  .venv/bin/python tools/build_forms.py
A test fails when a compiled form is older than its .ui file's content.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
TARGET = ROOT / "intl_desk" / "ui" / "forms"
HEADER = "# Generated from forms/{name} by tools/build_forms.py: do not edit.\n# ruff: noqa\n"
_TRANSLATE = re.compile(r'QCoreApplication\.translate\("[^"]*", (u?"(?:[^"\\]|\\.)*"), None\)')


def uic_command() -> list[str]:
    uic = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    return [uic] if uic else [sys.executable, "-m", "PySide6.scripts.pyside_tool", "uic"]


def compile_form(ui_file: Path) -> str:
    result = subprocess.run(
        [*uic_command(), "--generator", "python", str(ui_file)],
        check=True, capture_output=True, text=True,
    )
    code = _TRANSLATE.sub(lambda match: f"_({match.group(1)})", result.stdout)
    code = re.sub(r"^#.*Created by: Qt User Interface Compiler.*$", "", code, flags=re.M)
    qt_import = "from PySide6.QtCore import"
    code = code.replace(qt_import, f"from intl_desk.core.i18n import _\n{qt_import}", 1)
    return HEADER.format(name=ui_file.name) + code


def target_for(ui_file: Path) -> Path:
    return TARGET / f"ui_{ui_file.stem}.py"


def main(names: list[str]) -> int:
    """Compile every form, or only those named (``agreement`` for forms/agreement.ui)."""
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "__init__.py").write_text('"""Compiled Qt Designer forms (generated)."""\n')
    chosen = [FORMS / f"{name}.ui" for name in names] if names else sorted(FORMS.glob("*.ui"))
    for ui_file in chosen:
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {target_for(ui_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

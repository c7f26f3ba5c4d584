"""Every Designer form is compiled, and its compiled module is not stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def build_forms_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_forms", ROOT / "tools" / "build_forms.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_forms() -> None:
    assert FORMS


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda path: path.stem)
def test_compiled_form_is_up_to_date(ui_file: Path) -> None:
    builder = build_forms_module()
    compiled = builder.target_for(ui_file)
    assert compiled.exists(), f"run: python tools/build_forms.py {ui_file.stem}"
    assert compiled.read_text(encoding="utf-8") == builder.compile_form(ui_file), (
        f"{compiled.name} is stale: run python tools/build_forms.py {ui_file.stem}"
    )

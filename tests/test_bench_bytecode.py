"""The bench times the package as an installation has it: compiled. These machines set
PYTHONDONTWRITEBYTECODE, so a checkout's modules would be compiled again by every timed
process (about 0.05 s of each command's CPU) unless the bench compiles them first."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import intl_desk
from intl_desk.bench import runner


def test_the_bench_compiles_every_module_before_timing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "intl_desk"
    (package / "cli").mkdir(parents=True)
    for module in (package / "__init__.py", package / "cli" / "entry.py"):
        module.write_text("VALUE = 'São João del-Rei'\n", encoding="utf-8")
    monkeypatch.setattr(intl_desk, "__file__", str(package / "__init__.py"))
    runner._compile_bytecode()
    for module in (package / "__init__.py", package / "cli" / "entry.py"):
        assert Path(importlib.util.cache_from_source(str(module))).is_file()

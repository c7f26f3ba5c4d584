"""Read-only commands load only what they use.

``intl-desk info`` is what scripts and people ask of a big file to see what it holds;
``--help`` and ``--version`` are what they type first. Importing SQLAlchemy and the ORM
model alone costs more than ``info``'s whole answer, so these commands must not import
them (nor Qt, ReportLab, spreadsheets or Babel's catalogue reader). Each runs in a fresh
interpreter here, because this test process has long imported all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("sqlalchemy", "alembic", "PySide6", "shiboken6", "reportlab", "openpyxl", "babel",
         "pycountry", "intl_desk.core.model", "intl_desk.ui")

RUN_AND_LIST_MODULES = """
import atexit, gc, json, sys

def modules_and_frozen():
    print(json.dumps({"modules": sorted(sys.modules)}))
    print("objects frozen at exit:", gc.get_freeze_count())

# registered first, so it runs last at exit: after whatever the command left to be done
# (a report's process ends once it is written, without returning: intl_desk.cli.batch)
atexit.register(modules_and_frozen)
from intl_desk.cli import main
sys.exit(main())  # as the intl-desk script calls it, with the process's own arguments
"""


def loaded_by(*arguments: str, language: str = "en") -> tuple[int, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, "--language", language, *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    modules = json.loads(_modules_line(done.stdout))["modules"]
    heavy = [
        name for name in modules
        if any(name == root or name.startswith(f"{root}.") for root in HEAVY)
    ]
    return done.returncode, heavy, done.stdout


def _modules_line(out: str) -> str:
    return [line for line in out.splitlines() if line.startswith('{"modules"')][-1]


def _frozen_at_exit(out: str) -> int:
    return int(out.strip().splitlines()[-1].removeprefix("objects frozen at exit:"))


@pytest.mark.parametrize("arguments", [["--help"], ["--version"], ["info", "--help"]])
def test_help_and_version_load_nothing_heavy(arguments: list[str]) -> None:
    code, heavy, out = loaded_by(*arguments)
    assert code == 0 and "intl-desk" in out
    assert heavy == []


@pytest.mark.parametrize("language", ["en", "pt"])
def test_info_loads_nothing_heavy_and_still_answers(office_path: Path, language: str) -> None:
    """In Portuguese too: the catalogue is read without Babel (core/po_reader.py)."""
    code, heavy, out = loaded_by("info", str(office_path), "--json", language=language)
    assert code == 0
    assert json.loads(out[: out.index('\n{"modules"') + 1])["office"] == "Ville de Lyon"
    assert heavy == []
    assert _frozen_at_exit(out) == 0  # a quick command: nothing to gain, nothing changed


def test_the_overview_report_does_not_build_every_list(
    office_path: Path, tmp_path: Path
) -> None:
    """The lists' SQL (core/listing/definitions.py) is for the screen and the exports;
    the overview's figures use one of its conditions and must not pay for the rest. A file
    never cloned from an office server does not load the HTTP client either, nor what a
    sync or a merge needs to apply changes: asking whether the file is a clone reads one
    row (store/link_row.py)."""
    code, _heavy, out = loaded_by(
        "report", "overview", str(office_path), "-o", str(tmp_path / "overview.pdf")
    )
    modules = json.loads(_modules_line(out))["modules"]
    assert code == 0 and (tmp_path / "overview.pdf").stat().st_size > 10_000
    # the collector's last walk over every object left (0.3 s of a state overview's CPU)
    # is skipped: they are frozen, and the process's end frees them (intl_desk.cli.batch)
    assert _frozen_at_exit(out) > 10_000
    assert "intl_desk.core.listing.conditions" in modules
    assert "intl_desk.core.listing.definitions" not in modules
    assert "httpx" not in modules
    assert "intl_desk.store.link_row" in modules
    assert "intl_desk.store.server_link" not in modules
    assert not [name for name in modules if name.startswith("intl_desk.store.merge")]
    # nor PostgreSQL's dialect, which the model names only once a server is connected to
    assert not [name for name in modules if name.startswith("sqlalchemy.dialects.postgresql")]
    # nor the XML parser the IATI code lists need (core/reference.py)
    assert not [name for name in modules if name.startswith(("defusedxml", "xml.etree"))]
    # nor ISO 3166's tables, which only checking a record being saved needs (core/validation.py)
    assert "pycountry" not in modules

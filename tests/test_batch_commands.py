"""A report command keeps the cyclic garbage collector out of its way (intl_desk/cli/batch.py):
no collection while it writes, and the collector back on after it for a process that
goes on. That it skips the last walk at exit is tested in a fresh interpreter in
tests/test_light_commands.py."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from intl_desk.cli import main


def test_the_collector_does_not_run_while_a_report_is_written(
    office_path: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "o.pdf"
    before_the_pdf: list[int] = []  # the generations collected before the PDF was in place

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and not pdf.exists():
            before_the_pdf.append(info["generation"])

    gc.callbacks.append(note)
    try:
        code = main(["report", "overview", str(office_path), "-o", str(pdf)])
    finally:
        gc.callbacks.remove(note)
    assert code == 0 and pdf.stat().st_size > 10_000
    assert before_the_pdf == []
    assert gc.isenabled()  # back on: this process goes on


def test_a_report_that_fails_leaves_the_collector_on(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite"
    assert main(["report", "overview", str(missing), "-o", str(tmp_path / "o.pdf")]) == 2
    assert gc.isenabled()

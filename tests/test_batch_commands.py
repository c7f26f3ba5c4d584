"""A report command keeps the cyclic garbage collector out of its way (intl_desk/cli/batch.py):
no collection while it writes, and the collector back on after it for a process that
goes on. That it skips the last walk at exit is tested in a fresh interpreter in
tests/test_light_commands.py; that its process ends without taking the interpreter apart,
here in another."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
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


ENDING = """
import atexit, sys, types
from pathlib import Path

folder = Path(sys.argv.pop(1))

class TornDown:  # freed one by one only if the interpreter is taken apart
    def __init__(self, marker):
        self.marker, self.open = str(marker), open  # the module may be gone by then

    def __del__(self):
        with self.open(self.marker, "w") as handle:
            handle.write("yes")

holder = types.ModuleType("holds_what_is_torn_down")  # in no cycle: freed when dropped
holder.kept = TornDown(folder / "torn down")
sys.modules[holder.__name__] = holder  # dropped as Python takes its modules apart
del holder
atexit.register(lambda: (folder / "exit handler").write_text("yes"))
from intl_desk.cli import main
sys.exit(main())
"""


def _ended(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ENDING, str(tmp_path), "--language", "en", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_a_report_s_process_ends_once_written_without_taking_python_apart(
    office_path: Path, tmp_path: Path
) -> None:
    """What the end of a process owes is done (exit handlers, the message flushed, the
    PDF whole) and the freeing of every object, which the system does at once, is not."""
    pdf = tmp_path / "overview.pdf"
    done = _ended(tmp_path, "report", "overview", str(office_path), "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Overview written to {pdf}."
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes().rstrip().endswith(b"%%EOF")
    assert (tmp_path / "exit handler").read_text() == "yes"
    assert not (tmp_path / "torn down").exists()


def test_a_failed_report_ends_with_its_code_and_its_whole_message(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite"
    done = _ended(tmp_path, "report", "overview", str(missing), "-o", str(tmp_path / "o.pdf"))
    assert done.returncode == 2
    assert "nowhere.sqlite" in done.stderr and done.stderr.endswith("\n")
    assert (tmp_path / "exit handler").read_text() == "yes"
    assert not (tmp_path / "o.pdf").exists()


def test_other_commands_end_as_python_ends(office_path: Path, tmp_path: Path) -> None:
    done = _ended(tmp_path, "info", str(office_path))
    assert done.returncode == 0 and "Ville de Lyon" in done.stdout
    assert (tmp_path / "torn down").read_text() == "yes"

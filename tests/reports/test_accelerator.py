"""The project installs ReportLab's C accelerator and reports use it: formatting every
coordinate in pure Python was about a tenth of a state overview's CPU time. A report drawn
without it says so, once, after the PDF is written (the bundle test checks that the
bundled app never says it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import rl_accel

from intl_desk.cli import main


def test_reports_format_coordinates_in_c(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert rl_accel.fp_str.__module__ == "_rl_accel"
    assert rl_accel.fp_str(1.5, 2.25) == "1.5 2.25"
    output = tmp_path / "overview.pdf"
    assert main(["report", "overview", str(office_path), "-o", str(output)]) == 0
    assert "accelerator" not in capsys.readouterr().err


def _python_fp_str(*numbers: float) -> str:
    return " ".join(f"{number:g}" for number in numbers)


@pytest.mark.parametrize("language", ["en", "pt"])
def test_a_report_drawn_without_the_accelerator_says_how_to_install_it(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, language: str,
) -> None:
    monkeypatch.setattr(rl_accel, "fp_str", _python_fp_str)
    output = tmp_path / "overview.pdf"
    code = main(["--language", language, "report", "overview", str(office_path), "-o",
                 str(output)])
    assert code == 0 and output.stat().st_size > 10_000
    said = capsys.readouterr().err
    assert said.count('pip install "reportlab[accel]"') == 1, said
    assert ("acelerador" in said) == (language == "pt")

"""``intl-desk bench --save`` / ``--compare``: a run is saved and a later one says how each
scenario changed against it (the benchmarks themselves never run in the tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from intl_desk.bench.runner import (
    SCENARIOS,
    Result,
    _line,
    comparison,
    load_results,
    save_results,
)
from intl_desk.cli import main


def test_a_saved_run_reads_back_and_compares(tmp_path: Path) -> None:
    saved = tmp_path / "before.json"
    save_results(saved, {"overview_pdf": Result(2.5, 4.0, 95.0)})
    before = load_results(saved)
    assert before == {"overview_pdf": Result(2.5, 4.0, 95.0)}
    line = comparison("overview_pdf", Result(1.25, 2.0, 96.5), before["overview_pdf"])
    assert line.strip() == (
        "vs saved: median -50.0 % (2.500 → 1.250 s), process -50.0 %, peak +1.5 MiB"
    )
    assert comparison("search", Result(0.1, 1.0, 80), None).strip() == (
        "vs saved: not in the saved run"
    )


def test_the_processor_time_is_kept_and_compared(tmp_path: Path) -> None:
    """On a shared machine the wall time says little: the process's CPU seconds are kept
    and compared too (runs saved before they were kept read back with none)."""
    saved = tmp_path / "before.json"
    save_results(saved, {"overview_pdf": Result(2.5, 4.0, 95.0, cpu=3.0)})
    before = load_results(saved)["overview_pdf"]
    assert before.cpu == 3.0
    line = comparison("overview_pdf", Result(2.5, 4.0, 95.0, cpu=1.5), before)
    assert "process +0.0 %, cpu -50.0 %, peak +0.0 MiB" in line
    saved.write_text(
        '{"scenarios": {"overview_pdf": {"median": 2.5, "process": 4.0, "peak_mib": 95.0}}}',
        encoding="utf-8",
    )
    older = load_results(saved)["overview_pdf"]
    assert older.cpu == 0.0 and "cpu" not in comparison("overview_pdf", before, older)


@pytest.mark.parametrize("content", [None, "not json", '{"scenarios": {"x": {"median": 1}}}'])
def test_an_unusable_saved_run_is_refused_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None
) -> None:
    saved = tmp_path / "before.json"
    if content is not None:
        saved.write_text(content, encoding="utf-8")
    assert main(["bench", "--compare", str(saved)]) == 2
    err = capsys.readouterr().err
    assert str(saved) in err and "Traceback" not in err


def test_a_scenario_that_fails_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing scenario printed only the child's exit status; its error is shown now."""
    import subprocess

    from intl_desk.bench import runner

    def failing(args: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(
            args, 1, "", "Traceback …\nModuleNotFoundError: No module named 'python_calamine'\n"
        )

    monkeypatch.setattr(runner.subprocess, "run", failing)
    with pytest.raises(subprocess.CalledProcessError):
        runner._run_child("import_agreements", tmp_path / "state.sqlite")
    err = capsys.readouterr().err
    assert "import_agreements failed:" in err and "No module named 'python_calamine'" in err


def test_the_cold_starts_are_timed_without_building_the_state_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cold-start scenarios open no file: asking only for them does not first spend
    45 s building the state demo."""
    monkeypatch.setenv("INTL_DESK_BUNDLE", str(tmp_path / "no-bundle-here"))
    monkeypatch.chdir(tmp_path)
    kept = tmp_path / "kept"
    assert main(["bench", "--only", "cold_start_bundle", "--repeat", "1", "--keep", str(kept)]) == 0
    said = capsys.readouterr().out
    assert "cold_start_bundle        skipped: no bundle" in said
    assert "build_state_demo" not in said and not (kept / "state-demo.sqlite").exists()


def test_the_search_scenario_asks_what_the_list_asks() -> None:
    """The search bench times the list's own first read: as many ids, the same page."""
    from intl_desk.bench import search_scenarios
    from intl_desk.ui import list_reads, table_model

    assert search_scenarios.KNOWN_IDS == list_reads.KNOWN_IDS
    assert search_scenarios.PAGE == table_model.PAGE_SIZE


def test_the_whole_overview_command_is_judged_on_its_wall_and_cpu_budgets() -> None:
    """Issue 17's row: `intl-desk report overview` on the state file, the whole process,
    1.2 s and 1 s of CPU; the line says which budget is kept."""
    scenario = SCENARIOS["overview_command"]
    over = _line("overview_command", 0.9, 1.1, 100.0, scenario, None, 1.5)
    assert over.endswith("budget 1.20 s ok, 250 MiB ok, cpu 1.00 s OVER")
    kept = _line("overview_command", 0.9, 1.1, 100.0, scenario, None, 0.95)
    assert kept.endswith("budget 1.20 s ok, 250 MiB ok, cpu 1.00 s ok")
    assert "cpu 1.00 s" not in _line("overview_pdf", 0.9, 1.1, 100.0, SCENARIOS["overview_pdf"])


def test_every_scenario_is_judged_on_the_issues_peak_memory() -> None:
    """Issue 17: 250 MiB for any scenario, the big file's lists and drill-down too."""
    for name in ("ui_drill_down", "round_trip_state", "info"):
        assert _line(name, 0.1, 0.2, 251.0, SCENARIOS[name]).endswith("250 MiB OVER"), name
        assert "250 MiB ok" in _line(name, 0.1, 0.2, 249.0, SCENARIOS[name]), name


def test_the_yearly_and_handover_commands_are_timed_as_a_user_runs_them(tmp_path: Path) -> None:
    """Issue 17's row for the yearly and handover reports, as a user meets it: the whole
    command (the handover's workbook too), 2 s each; a command that fails says so."""
    from evaluation_office import build_office_file

    path = tmp_path / "São João del-Rei.sqlite"
    build_office_file(path)
    for name in ("yearly_command", "handover_command"):
        scenario = SCENARIOS[name]
        assert (scenario.budget_seconds, scenario.batch) == (2.0, True)
        assert scenario.run(path) is None  # the PDF written (and checked), then put away
    broken = tmp_path / "relatório.sqlite"
    broken.write_text("not an office file")
    with pytest.raises(RuntimeError, match="report handover failed"):
        SCENARIOS["handover_command"].run(broken)


def test_the_bench_judges_by_the_budgets_of_the_speed_issue() -> None:
    """Issue 17's table, as the bench judges it: ``info --json`` whole process 0.4 s, a
    merge of two state files 3 s, search 50 ms, the reports 1.2 and 2 s, the window 1 s."""
    from intl_desk.bench.runner import SCENARIOS

    budgets = {name: scenario.budget_seconds for name, scenario in SCENARIOS.items()}
    assert budgets["info"] == 0.4 and budgets["merge_ten_percent"] == 3.0
    assert budgets["search_agreements"] == 0.05
    assert budgets["overview_command"] == 1.2
    assert SCENARIOS["overview_command"].cpu_budget_seconds == 1.0
    assert budgets["yearly_pdf"] == budgets["handover_pdf"] == 2.0
    assert budgets["cold_start_bundle"] == 1.0


@pytest.mark.skipif(
    sys.platform != "linux", reason="elsewhere the bench has only ru_maxrss (no /proc)"
)
def test_a_scenario_reports_its_own_peak_not_the_bench_processs() -> None:
    """A child of a bench grown to 150 MiB (as after building the big file) once reported
    at least 150 MiB whatever it used: Linux keeps ``ru_maxrss`` through exec."""
    script = (
        "import subprocess, sys\n"
        "grown = bytearray(150 * 1024 * 1024)\n"
        "for at in range(0, len(grown), 4096): grown[at] = 1\n"
        "child = 'from intl_desk.bench.runner import own_peak_mib; print(own_peak_mib())'\n"
        "print(subprocess.run([sys.executable, '-c', child], capture_output=True,\n"
        "                     text=True, check=True).stdout)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert 5 < float(done.stdout) < 100

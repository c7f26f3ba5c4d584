"""``intl-desk bench``: speed and memory at state scale, one line per scenario.

The state demo (853 municipalities) is built once in a temporary folder; each scenario
then runs ``--repeat`` times, each time in a fresh child process so that its peak
memory (maximum resident set size) is its own. A line gives the median time of the
measured work, the median wall time of the whole child process (start-up included,
what a user waits for at the command line), the peak memory and the budget.
Benchmarks are not tests and never run in the test command.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import nullcontext, redirect_stdout
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Scenario:
    """``run`` may return the seconds of the part it measures (start-up excluded);
    otherwise the whole call is timed. ``big`` scenarios use the state file grown by
    200,000 more agreements."""

    name: str
    description: str
    budget_seconds: float | None
    run: Callable[[Path], float | None]
    big: bool = False
    memory_budget_mib: float | None = None
    #: the budget applies to the seconds ``run`` returns (its preparation is not timed)
    self_timed: bool = False
    #: runs against an office server on the state demo in PostgreSQL (``--server-db``)
    server: bool = False
    #: times the PyInstaller bundle (skipped when none was built: see bench/cold_start.py)
    bundle: bool = False
    #: runs on the state demo (built first, 45 s); the cold starts open no file
    on_file: bool = True
    #: times what a command run as a batch does (``report``): its process collects as
    #: that command's does, so the process CPU is the command's (intl_desk.cli.batch)
    batch: bool = False
    #: the budget of the whole process's CPU seconds (user + system, all its threads)
    cpu_budget_seconds: float | None = None


def _info_json(file: Path) -> float | None:
    from intl_desk.cli import main

    with redirect_stdout(io.StringIO()):
        if main(["info", str(file), "--json"]) != 0:
            raise RuntimeError("info failed")
    return None


def _report_command(
    kind: str, options: Callable[[], list[str]] = list
) -> Callable[[Path], float | None]:
    """``intl-desk report KIND FILE -o OUT.pdf`` as a user types it: the child process is
    the command (its integrity check on a thread, the collector as a report's, the
    handover's workbook beside the PDF), so its wall and CPU are the command's, plus this
    module's few imports."""

    def run(file: Path) -> float | None:
        from intl_desk.cli import main

        with tempfile.TemporaryDirectory(prefix="intl-desk-bench-") as folder:
            output = Path(folder) / f"{kind}.pdf"
            with redirect_stdout(io.StringIO()):
                if main(["report", kind, str(file), *options(), "-o", str(output)]) != 0:
                    raise RuntimeError(f"report {kind} failed")
            if output.stat().st_size < 10_000:
                raise RuntimeError(f"the {kind} report should run to several pages")
        return None

    return run


def _first_reading(run: Callable[[Path], float | None]) -> Callable[[Path], float | None]:
    """``run`` on a file this user's record does not hold as checked (a file just
    received): the reading's integrity check reads every page (intl_desk.store.verified)."""

    def first(file: Path) -> float | None:
        from intl_desk.store import verified

        verified.forget(file)
        return run(file)

    return first


def _last_year() -> list[str]:
    """The yearly report of the last complete year, as the yearly_pdf scenario writes it."""
    return ["--year", str(date.today().year - 1)]


def _agreements_per_entity(file: Path) -> float | None:
    from intl_desk.core.queries import agreements_per_local_entity
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        counts = agreements_per_local_entity(session)
        if len(counts) < 853:
            raise RuntimeError("expected every municipality in the counts")
    return None


def _ui(name: str) -> Callable[[Path], float | None]:
    def run(file: Path) -> float | None:
        from intl_desk.ui import bench_scenarios

        result: float = getattr(bench_scenarios, name)(file)
        return result

    return run


def _exchange(name: str) -> Callable[[Path], float | None]:
    def run(file: Path) -> float | None:
        from intl_desk.bench import exchange_scenarios

        result: float = getattr(exchange_scenarios, name)(file)
        return result

    return run


def _overview(name: str) -> Callable[[Path], float | None]:
    def run(file: Path) -> float | None:
        from intl_desk.bench import overview_scenarios

        result: float = getattr(overview_scenarios, name)(file)
        return result

    return run


def _evaluation(name: str) -> Callable[[Path], float | None]:
    def run(file: Path) -> float | None:
        from intl_desk.bench import evaluation_scenarios

        result: float = getattr(evaluation_scenarios, name)(file)
        return result

    return run


def _search_as_typed(file: Path) -> float | None:
    from intl_desk.bench.search_scenarios import search_as_typed

    return search_as_typed(file)


def _cold_start(name: str) -> Callable[[Path], float | None]:
    def run(file: Path) -> float | None:
        from intl_desk.bench import cold_start

        result: float = getattr(cold_start, name)(file)
        return result

    return run


def _server(name: str) -> Callable[[Path], float | None]:
    def run(file: Path) -> float | None:
        from intl_desk.bench import server_scenarios

        result: float = getattr(server_scenarios, name)(file)
        return result

    return run


def _round_trip_state(file: Path) -> float | None:
    from intl_desk.bench.round_trip_scenarios import round_trip_state

    return round_trip_state(file)


def _merge_ten_percent(file: Path) -> float | None:
    from intl_desk.bench.merge_scenarios import merge_ten_percent

    return merge_ten_percent(file)


SCENARIOS: dict[str, Scenario] = {
    scenario.name: scenario
    for scenario in (
        Scenario("info", "open the state file and run info --json", 0.4, _info_json),
        Scenario(
            "agreements_per_entity",
            "count agreements per local entity (all 853+)",
            None,
            _agreements_per_entity,
        ),
        Scenario(
            "ui_open_list",
            "open the big file to a painted agreements list",
            1.0,
            _ui("open_to_painted_list"),
            big=True,
            memory_budget_mib=400,
        ),
        Scenario(
            "ui_filter_keystroke",
            "re-filter the big agreements list per keystroke",
            0.15,
            _ui("filter_per_keystroke"),
            big=True,
            memory_budget_mib=400,
        ),
        Scenario(
            "search_agreements",
            "search the big file's agreements as typed (count and first ids; the slowest of "
            "words, syllables and digits)",
            0.05,
            _search_as_typed,
            big=True,
            memory_budget_mib=250,
        ),
        Scenario(
            "ui_sort_columns",
            "sort the big agreements list by its slowest column",
            0.5,
            _ui("sort_every_column"),
            big=True,
            memory_budget_mib=400,
        ),
        Scenario(
            "ui_drill_down",
            "click the overview's longest theme bar: the big list behind it, all read",
            1.0,
            _ui("drill_to_list"),
            big=True,
            memory_budget_mib=400,
        ),
        Scenario(
            "cold_start",
            "start the app (source) on a fresh home folder until its window is on screen",
            1.0,
            _cold_start("cold_start"),
            self_timed=True,
            on_file=False,
        ),
        Scenario(
            "cold_start_ready",
            "start the app (source) on a fresh home folder until the main window is usable",
            None,
            _cold_start("cold_start_ready"),
            self_timed=True,
            on_file=False,
        ),
        Scenario(
            "cold_start_bundle",
            "start the bundle on a fresh home folder until its window is on screen",
            1.0,
            _cold_start("cold_start_bundle"),
            self_timed=True,
            on_file=False,
            bundle=True,
        ),
        Scenario(
            "cold_start_bundle_ready",
            "start the bundle on a fresh home folder until the main window is usable",
            None,
            _cold_start("cold_start_bundle_ready"),
            self_timed=True,
            on_file=False,
            bundle=True,
        ),
        Scenario(
            "import_agreements",
            "import 10,000 agreement rows from xlsx (into a copy)",
            10.0,
            _exchange("import_agreements"),
            self_timed=True,
        ),
        Scenario(
            "import_agreements_50k",
            "import 50,000 agreement rows from xlsx (into a copy)",
            10.0,
            _exchange("import_agreements_50k"),
            memory_budget_mib=250,
            self_timed=True,
        ),
        Scenario(
            "export_agreements_xlsx",
            "export the 20,000 agreements of the state file to xlsx",
            8.0,
            _exchange("export_agreements_xlsx"),
            self_timed=True,
        ),
        Scenario(
            "round_trip_state",
            "every kind of the state file to xlsx and to csv, each imported into a new file, "
            "every record compared field by field (fails, naming what was lost)",
            None,
            _round_trip_state,
            self_timed=True,
        ),
        Scenario(
            "overview_pdf",
            "compute the state overview and write its PDF (853 entities in the appendix)",
            3.0,
            _overview("overview_pdf"),
            self_timed=True,
            batch=True,
        ),
        Scenario(
            "overview_command",
            "intl-desk report overview on the state file, the whole process, the file "
            "unchanged since its last check (issue 17: 1.2 s, 1 s of CPU)",
            1.2,
            _report_command("overview"),
            batch=True,
            cpu_budget_seconds=1.0,
        ),
        Scenario(
            "overview_command_first",
            "overview_command on a file not checked before by this user (just received): "
            "its integrity check reads every page",
            1.2,
            _first_reading(_report_command("overview")),
            batch=True,
            cpu_budget_seconds=1.0,
        ),
        Scenario(
            "yearly_command",
            "intl-desk report yearly on the state file for last year, the whole process "
            "(issue 17: 2 s)",
            2.0,
            _report_command("yearly", _last_year),
            batch=True,
        ),
        Scenario(
            "handover_command",
            "intl-desk report handover on the state file, PDF and workbook, the whole process "
            "(issue 17: 2 s)",
            2.0,
            _report_command("handover"),
            batch=True,
        ),
        Scenario(
            "dashboard_filter",
            "refresh the state dashboard after a filter change (median)",
            0.5,
            _overview("dashboard_filter_refresh"),
            self_timed=True,
        ),
        Scenario(
            "yearly_pdf",
            "compute the state's yearly report for last year and write its PDF",
            2.0,
            _evaluation("yearly_pdf"),
            self_timed=True,
            batch=True,
        ),
        Scenario(
            "handover_pdf",
            "compute the state's handover report and write its PDF",
            2.0,
            _evaluation("handover_pdf"),
            self_timed=True,
            batch=True,
        ),
        Scenario(
            "entity_sheets_pdf",
            "a page per local entity of the state (855 pages) as report entities writes them",
            10.0,
            _evaluation("entity_sheets_pdf"),
            self_timed=True,
            batch=True,
        ),
        Scenario(
            "figures_agree",
            "overview, yearly report and formulas: the same active and signed agreements "
            "at the end of three past years (fails otherwise)",
            None,
            _overview("figures_agree"),
            self_timed=True,
        ),
        Scenario(
            "merge_ten_percent",
            "merge two state files that differ in 10% of their records (backup included)",
            3.0,
            _merge_ten_percent,
            self_timed=True,
        ),
        Scenario(
            "server_clone_state",
            "clone the whole state from the office server into a new file",
            None,
            _server("clone_state"),
            self_timed=True,
            server=True,
        ),
        Scenario(
            "server_clone_entity",
            "clone one municipality's branch (an editor of it) from the office server",
            None,
            _server("clone_entity"),
            self_timed=True,
            server=True,
        ),
        Scenario(
            "server_50_clients",
            "50 desktops at once each send 100 new partners and take everyone's",
            None,
            _server("fifty_clients"),
            self_timed=True,
            server=True,
        ),
    )
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _child(name: str, file: Path) -> None:
    """Run one scenario in this process and print its figures as JSON."""
    scenario = SCENARIOS[name]
    from intl_desk.cli.batch import collected_as_a_batch

    started = time.perf_counter()
    with collected_as_a_batch(process_ends=True) if scenario.batch else nullcontext():
        measured = scenario.run(file)
    elapsed = time.perf_counter() - started if measured is None else measured
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mib": peak_kib / 1024}))


def _run_child(name: str, file: Path) -> tuple[float, float, float, list[str], float]:
    """(measured seconds, process wall seconds, peak MiB, notes, process CPU seconds)."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "intl_desk.bench", "--scenario", name, "--file", str(file)],
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:  # say why: the bare exit status sent people to the log
        sys.stderr.write(f"{name} failed:\n{result.stderr[-4000:]}")
        result.check_returncode()
    wall = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before  # user + system: what a shared machine cannot steal
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    notes = [line[6:] for line in result.stderr.splitlines() if line.startswith("note: ")]
    return float(figures["seconds"]), wall, float(figures["peak_mib"]), notes, cpu


def _line(
    name: str,
    median: float,
    wall: float,
    peak: float,
    scenario: Scenario | None,
    budget: float | None = None,
    cpu: float | None = None,
) -> str:
    """One result line; the time budget applies to the measured part when the scenario
    measures one itself (UI scenarios), else to the whole process."""
    budget = scenario.budget_seconds if scenario else budget
    verdict = ""
    if budget is not None:
        judged = median if scenario and (scenario.big or scenario.self_timed) else wall
        verdict += f"  budget {budget:.2f} s {'ok' if judged <= budget else 'OVER'}"
    if scenario and scenario.memory_budget_mib:
        ok = peak <= scenario.memory_budget_mib
        verdict += f", {scenario.memory_budget_mib:.0f} MiB {'ok' if ok else 'OVER'}"
    if scenario and scenario.cpu_budget_seconds is not None and cpu is not None:
        ok = cpu <= scenario.cpu_budget_seconds
        verdict += f", cpu {scenario.cpu_budget_seconds:.2f} s {'ok' if ok else 'OVER'}"
    spent = f"  cpu {cpu:7.3f} s" if cpu is not None else ""
    return (
        f"{name:<24} median {median:7.3f} s  process {wall:7.3f} s{spent}  peak {peak:7.1f} MiB"
        f"{verdict}"
    )


BIG_EXTRA_AGREEMENTS = 200_000


def _compile_bytecode() -> None:
    """Compile the package's modules first, as an installation (pip's wheel install, the
    bundle) has them: a checkout run with PYTHONDONTWRITEBYTECODE (these machines set it)
    would otherwise compile every module again in every timed process (≈0.05 s of each
    command's CPU)."""
    import compileall

    import intl_desk

    compileall.compile_dir(Path(intl_desk.__file__).parent, quiet=1)


def _bundle_folder() -> Path | None:
    from intl_desk.bench.cold_start import bundle_folder

    return bundle_folder()


def _build_big_file(folder: Path, state_file: Path) -> Path:
    """The state demo plus 200,000 agreements (built once, kept with --keep)."""
    big = folder / "state-demo-big.sqlite"
    if not big.exists():
        from intl_desk.bench.bulk import add_bulk_agreements
        from intl_desk.store.backup import backup_copy

        started = time.perf_counter()
        backup_copy(state_file, big)
        add_bulk_agreements(big, BIG_EXTRA_AGREEMENTS)
        print(
            f"{'build_big_file':<24} {time.perf_counter() - started:7.1f} s "
            f"(+{BIG_EXTRA_AGREEMENTS:,} agreements)",
            flush=True,
        )
    return big


def _load_server(url: str, state_file: Path) -> None:
    """The state demo in the server scenarios' database (see bench/server_scenarios.py)."""
    import os

    from intl_desk.bench.server_scenarios import DB_VARIABLE, load_state

    os.environ[DB_VARIABLE] = url  # for the scenarios' child processes
    seconds = load_state(url, state_file)
    if seconds:
        print(f"{'load_state_server':<24} {seconds:7.1f} s (server init --from)", flush=True)


def _build_state_demo(folder: Path) -> tuple[Path, float, float]:
    file = folder / "state-demo.sqlite"
    if file.exists():
        return file, 0.0, 0.0
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "intl_desk", "demo", str(file), "--scale", "state", "--quiet"],
        check=True,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return file, wall, peak


@dataclass(frozen=True)
class Result:
    """One scenario's figures, as saved with --save and read back by --compare."""

    median: float
    process: float
    peak_mib: float
    #: user + system seconds of the whole process (0 in runs saved before it was kept)
    cpu: float = 0.0


def load_results(path: Path) -> dict[str, Result]:
    """A run saved with ``--save``; raises ValueError with a sentence when unusable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {name: Result(**figures) for name, figures in data["scenarios"].items()}
    except FileNotFoundError:
        raise ValueError(f"{path} does not exist: save a run first with --save {path}") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path} is not a saved bench run ({error})") from None


def save_results(path: Path, results: dict[str, Result]) -> None:
    document = {
        "python": sys.version.split()[0],
        "machine": platform.node(),
        "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "scenarios": {name: asdict(result) for name, result in results.items()},
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def comparison(name: str, now: Result, before: Result | None) -> str:
    """ "  vs saved: median −12.3 % (0.512 → 0.449 s), process +1.0 %, peak +0.2 MiB" """
    if before is None:
        return f"{'':<24} vs saved: not in the saved run"

    def change(new: float, old: float) -> str:
        return f"{(new - old) / old * 100:+.1f} %" if old else "n/a"

    cpu = f", cpu {change(now.cpu, before.cpu)}" if now.cpu and before.cpu else ""
    return (
        f"{'':<24} vs saved: median {change(now.median, before.median)} "
        f"({before.median:.3f} → {now.median:.3f} s), process "
        f"{change(now.process, before.process)}{cpu}, "
        f"peak {now.peak_mib - before.peak_mib:+.1f} MiB"
    )


def run_benchmarks(
    only: list[str] | None = None,
    repeat: int = 3,
    keep: str | None = None,
    save: Path | None = None,
    compare: Path | None = None,
    server_db: str | None = None,
) -> int:
    unknown = [name for name in only or [] if name not in SCENARIOS and name != "build"]
    if unknown:
        print(
            f"unknown scenario(s): {', '.join(unknown)}; known: build, {', '.join(SCENARIOS)}",
            file=sys.stderr,
        )
        return 2
    saved: dict[str, Result] = {}
    if compare is not None:
        try:
            saved = load_results(compare)
        except ValueError as error:
            print(f"intl-desk bench: {error}", file=sys.stderr)
            return 2
    results: dict[str, Result] = {}
    _compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="intl-desk-bench-") as temporary:
        folder = Path(keep) if keep else Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        chosen = [scenario for name, scenario in SCENARIOS.items() if not only or name in only]
        file = folder / "state-demo.sqlite"
        if not only or "build" in only or any(scenario.on_file for scenario in chosen):
            file, wall, peak = _build_state_demo(folder)
            if wall:
                print(_line("build_state_demo", wall, wall, peak, None, 60.0), flush=True)
        server_loaded = False
        for name, scenario in SCENARIOS.items():
            if only and name not in only:
                continue
            if scenario.server:
                if not server_db:
                    print(f"{name:<24} skipped: give --server-db URL (PostgreSQL)", flush=True)
                    continue
                if not server_loaded:
                    _load_server(server_db, file)
                    server_loaded = True
            if scenario.bundle and _bundle_folder() is None:
                print(f"{name:<24} skipped: no bundle (see intl_desk/bench/cold_start.py)")
                continue
            target = _build_big_file(folder, file) if scenario.big else file
            runs = [_run_child(name, target) for _ in range(max(1, repeat))]
            result = Result(
                statistics.median(run[0] for run in runs),
                statistics.median(run[1] for run in runs),
                max(run[2] for run in runs),
                statistics.median(run[4] for run in runs),
            )
            results[name] = result
            print(
                _line(
                    name, result.median, result.process, result.peak_mib, scenario, None,
                    result.cpu,
                ),
                flush=True,
            )
            for run in runs:
                for note in run[3]:
                    print(f"{'':<24} {note}", flush=True)
            if compare is not None:
                print(comparison(name, result, saved.get(name)), flush=True)
    if save is not None:
        save_results(save, results)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m intl_desk.bench")
    parser.add_argument("--scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--file", type=Path)
    parser.add_argument("--only", action="append")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep")
    args = parser.parse_args()
    if args.scenario:
        _child(args.scenario, args.file)
        return 0
    return run_benchmarks(args.only, args.repeat, args.keep)


if __name__ == "__main__":
    sys.exit(main())

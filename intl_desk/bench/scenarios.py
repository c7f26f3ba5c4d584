"""The bench's scenarios: what each one times, its budgets, and how it is run in its
child process (:mod:`intl_desk.bench.runner` runs them and prints the figures)."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass
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
    #: the issue's budget for the peak memory of every scenario (issue 17)
    memory_budget_mib: float | None = 250
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
    #: runs on the copy of the state file an office sends (``intl-desk copy``: compact and
    #: sealed, intl_desk.store.seal), made once before the runs
    sent_copy: bool = False


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
        ),
        Scenario(
            "ui_filter_keystroke",
            "re-filter the big agreements list per keystroke",
            0.15,
            _ui("filter_per_keystroke"),
            big=True,
        ),
        Scenario(
            "search_agreements",
            "search the big file's agreements as typed (count and first ids; the slowest of "
            "words, syllables and digits)",
            0.05,
            _search_as_typed,
            big=True,
        ),
        Scenario(
            "ui_sort_columns",
            "sort the big agreements list by its slowest column",
            0.5,
            _ui("sort_every_column"),
            big=True,
        ),
        Scenario(
            "ui_drill_down",
            "click the overview's longest theme bar: the big list behind it, all read",
            1.0,
            _ui("drill_to_list"),
            big=True,
        ),
        Scenario(
            "ui_import_state_register",
            "File › Import… in the window: the state's 20,000 agreements (its own export, "
            "xlsx) into a new office file — columns, check, write",
            None,
            _ui("import_state_register"),
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
            "overview_command on a file just received, as an office sends it (File › Save "
            "a copy…, intl-desk copy): read for the first time, its seal is checked",
            1.2,
            _first_reading(_report_command("overview")),
            batch=True,
            cpu_budget_seconds=1.0,
            sent_copy=True,
        ),
        Scenario(
            "overview_first_unsealed",
            "overview_command on the state file read for the first time with nothing to "
            "vouch for it (attached as it is, or written by another program): its integrity "
            "check reads every page",
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

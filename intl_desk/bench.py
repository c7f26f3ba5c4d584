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
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    budget_seconds: float | None
    run: Callable[[Path], None]


def _info_json(file: Path) -> None:
    from intl_desk.cli import main

    with redirect_stdout(io.StringIO()):
        if main(["info", str(file), "--json"]) != 0:
            raise RuntimeError("info failed")


def _agreements_per_entity(file: Path) -> None:
    from intl_desk.core.queries import agreements_per_local_entity
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        counts = agreements_per_local_entity(session)
        if len(counts) < 853:
            raise RuntimeError("expected every municipality in the counts")


SCENARIOS: dict[str, Scenario] = {
    scenario.name: scenario
    for scenario in (
        Scenario("info", "open the state file and run info --json", 1.0, _info_json),
        Scenario(
            "agreements_per_entity",
            "count agreements per local entity (all 853+)",
            None,
            _agreements_per_entity,
        ),
    )
}


def _child(name: str, file: Path) -> None:
    """Run one scenario in this process and print its figures as JSON."""
    scenario = SCENARIOS[name]
    started = time.perf_counter()
    scenario.run(file)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mib": peak_kib / 1024}))


def _run_child(name: str, file: Path) -> tuple[float, float, float]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "intl_desk.bench", "--scenario", name, "--file", str(file)],
        check=True,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return float(figures["seconds"]), wall, float(figures["peak_mib"])


def _line(name: str, median: float, wall: float, peak: float, budget: float | None) -> str:
    verdict = (
        "" if budget is None else (f"  budget {budget:.1f} s {'ok' if wall <= budget else 'OVER'}")
    )
    return (
        f"{name:<28} median {median:7.3f} s  process {wall:7.3f} s  peak {peak:7.1f} MiB{verdict}"
    )


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


def run_benchmarks(only: list[str] | None = None, repeat: int = 3, keep: str | None = None) -> int:
    unknown = [name for name in only or [] if name not in SCENARIOS and name != "build"]
    if unknown:
        print(
            f"unknown scenario(s): {', '.join(unknown)}; known: build, {', '.join(SCENARIOS)}",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="intl-desk-bench-") as temporary:
        folder = Path(keep) if keep else Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        file, wall, peak = _build_state_demo(folder)
        if wall:
            print(_line("build_state_demo", wall, wall, peak, 60.0), flush=True)
        for name, scenario in SCENARIOS.items():
            if only and name not in only:
                continue
            runs = [_run_child(name, file) for _ in range(max(1, repeat))]
            print(
                _line(
                    name,
                    statistics.median(run[0] for run in runs),
                    statistics.median(run[1] for run in runs),
                    max(run[2] for run in runs),
                    scenario.budget_seconds,
                ),
                flush=True,
            )
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

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
import json
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path

from intl_desk.bench.scenarios import SCENARIOS, Scenario
from intl_desk.core.memory import one_allocator_region


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _child(name: str, file: Path) -> None:
    """Run one scenario in this process and print its figures as JSON."""
    one_allocator_region()  # as the app's process does (intl_desk.cli.entry.main)
    scenario = SCENARIOS[name]
    from intl_desk.cli.batch import collected_as_a_batch, end_process

    started = time.perf_counter()
    with collected_as_a_batch(process_ends=True) if scenario.batch else nullcontext():
        measured = scenario.run(file)
    elapsed = time.perf_counter() - started if measured is None else measured
    print(json.dumps({"seconds": elapsed, "peak_mib": own_peak_mib()}))
    if scenario.batch:  # its process ends as the command's does
        end_process(0)


def own_peak_mib() -> float:
    """This process's peak resident memory.

    On Linux it is ``VmHWM``: ``ru_maxrss`` keeps, through the exec that started a process,
    the peak of the memory it was forked from, so every scenario child read at least the
    bench's own peak (113 MiB once the bench has grown the big file) instead of its own."""
    try:
        found = re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text("ascii"))
    except OSError:
        found = None
    if found:
        return int(found.group(1)) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes there, KiB here


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


def _sent_copy(folder: Path, state_file: Path) -> Path:
    """The copy of the state demo an office sends (File › Save a copy…), made once."""
    sent = folder / "state-demo-sent.sqlite"
    if not sent.exists():
        from intl_desk.store.backup import backup_copy

        backup_copy(state_file, sent, to_send=True)
    return sent


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
            target = file
            if scenario.big:
                target = _build_big_file(folder, file)
            elif scenario.sent_copy:
                target = _sent_copy(folder, file)
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

"""``intl-desk bench``: speed and memory at state scale (see :mod:`.runner`)."""

from intl_desk.bench.runner import SCENARIOS, Scenario, run_benchmarks

__all__ = ["SCENARIOS", "Scenario", "run_benchmarks"]

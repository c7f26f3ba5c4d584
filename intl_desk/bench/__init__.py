"""``intl-desk bench``: speed and memory at state scale (see :mod:`.runner`)."""

from intl_desk.bench.runner import run_benchmarks
from intl_desk.bench.scenarios import SCENARIOS, Scenario

__all__ = ["SCENARIOS", "Scenario", "run_benchmarks"]

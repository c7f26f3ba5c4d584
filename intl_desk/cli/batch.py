"""Commands that run once and end (``report``): the cyclic garbage collector is kept out
of their way.

While such a command runs, the collector need not walk its hundreds of thousands of
objects (imports, rows, flowables) every 700 allocations: its garbage is freed by
reference counting and the rare cycles wait a little longer (5 % of a state overview's
CPU). When it ends, Python would collect once more over every object still alive before
the process exits; frozen (``gc.freeze``) at exit, they are left to the end of the
process, which gives all its memory back at once. That last walk was 0.3 s of the state
overview's 2.2 s of CPU.
"""

from __future__ import annotations

import atexit
import gc

#: the commands run as a batch
BATCH = ("report",)

_registered: list[bool] = []


def run_as_batch() -> None:
    """Collect rarely from now on, and not at all at exit (see the module docstring).

    The caller restores the thresholds if the process goes on (tests, the bench); the
    freeze at exit is registered once however many commands one process runs."""
    gc.set_threshold(50_000, 50, 1_000)
    if not _registered:
        atexit.register(gc.freeze)
        _registered.append(True)

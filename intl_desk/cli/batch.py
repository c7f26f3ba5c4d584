"""Commands that run once and end (``report``): the cyclic garbage collector is kept out
of their way.

While such a command runs, the collector does not walk its hundreds of thousands of young
objects (rows, figures, flowables) again and again: its garbage is freed by reference
counting, and the few cycles it makes (2,500 objects for a state overview; the peak
memory of every report is unchanged) wait for the end. That walking was 0.07 s of a
state overview's CPU.

When the process ends with the command, Python would still collect once more over every
object left before it exits (0.3 s of the state overview's 2.2 s of CPU), and so would
switching the collector back on. The collector stays off, and what is left is frozen
(``gc.freeze``) at exit: the process's end gives all its memory back at once. A process
that goes on (the tests) gets its collector back after the command.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: the commands run as a batch
BATCH = ("report",)

_registered: list[bool] = []


@contextmanager
def collected_as_a_batch(*, process_ends: bool) -> Iterator[None]:
    """No collection while the body runs; see the module docstring for after it."""
    enabled = gc.isenabled()
    gc.disable()
    if process_ends and not _registered:
        atexit.register(gc.freeze)
        _registered.append(True)
    try:
        yield
    finally:
        if enabled and not process_ends:
            gc.enable()

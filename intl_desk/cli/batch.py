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

Nor is the interpreter taken apart once the command is done (:func:`end_process`): Python
would still free module after module and what they hold, for memory the system takes
back whole when the process ends (0.01–0.03 s of a state overview's CPU once frozen;
0.08 s when the collector is on at the end).
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

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


def end_process(code: int) -> None:
    """End the process of a finished batch command with ``code``, without the teardown.

    What the end of a process owes is done first, as Python's own ending does it: the exit
    handlers run (logs flushed, temporary folders removed, :func:`gc.freeze`) and the
    standard streams are flushed. Only the freeing of every object is skipped.
    Returns, for the ordinary ending, while a thread that is not a daemon still runs
    (Python would wait for it; a worker's queue would need its own shutdown)."""
    main = threading.main_thread()
    if any(thread is not main and not thread.daemon for thread in threading.enumerate()):
        return
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe: nothing more can be said
            stream.flush()
    os._exit(code)

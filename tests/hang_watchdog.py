"""A last-resort watchdog: a test hung past its time limit ends its process with the stacks.

pytest-timeout's "thread" method runs a Python thread, so it cannot fire while another
thread holds the interpreter lock inside a C call that never returns (a deadlock between
Qt or SQLite and Python). One CI run hung that way for over an hour after 1,128 of 1,131
tests, with nothing printed. :mod:`faulthandler` watches from a C thread that needs no
interpreter lock: a little after the test's own limit it writes every thread's stack and
ends the process, so pytest-xdist reports the test as crashed and the run goes on.

Where ``INTL_DESK_HANG_DUMPS`` names a folder (``.ci/run`` sets it), each process writes
there the test it is running and, on a hang, the stacks; ``.ci/run`` prints the files of
processes that hung.
"""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

#: Beyond the test's own limit, so that pytest-timeout fires first whenever it can.
GRACE_SECONDS = float(os.environ.get("INTL_DESK_HANG_GRACE", "120"))
DUMPS_VARIABLE = "INTL_DESK_HANG_DUMPS"

_dump_file: IO[str] | None = None


def _open_dump_file() -> IO[str]:
    global _dump_file
    if _dump_file is None:
        folder = os.environ.get(DUMPS_VARIABLE)
        if folder:
            worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
            path = Path(folder) / f"{worker}-{os.getpid()}.txt"
            _dump_file = path.open("w", encoding="utf-8", buffering=1)
        else:
            _dump_file = sys.__stderr__
    assert _dump_file is not None
    return _dump_file


def _limit_seconds(item: pytest.Item) -> float:
    marker = item.get_closest_marker("timeout")
    if marker is not None and marker.args:
        return float(marker.args[0])
    return float(item.config.getini("timeout") or 0)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    limit = _limit_seconds(item)
    if limit <= 0:
        yield
        return
    dump_file = _open_dump_file()
    if dump_file is not sys.__stderr__:
        dump_file.write(f"running {item.nodeid}\n")
    faulthandler.dump_traceback_later(limit + GRACE_SECONDS, exit=True, file=dump_file)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()

"""Every Qt wait in the tests is patient: at least 30 s before it gives up.

A wait ends as soon as its condition holds or its signal comes, so a passing test never
waits longer for this; only a failing one does. What it prevents is a test failing because
a loaded machine (two test processes and a PostgreSQL server on two cores) took more than
pytest-qt's default 5 s, or a test's own 2 s, to read a page in the background. Nothing in
the suite waits for something *not* to happen with these functions (``assertNotEmitted``
keeps its own delay), and the per-test timeout (pytest-timeout, 300 s) still ends a wait
that never could succeed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

LEAST_WAIT_MS = 30_000

_PATIENT_METHODS = ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed",
                    "waitActive")  # fmt: skip


def _patient(wait: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(wait)
    def patient_wait(self: QtBot, *args: Any, timeout: int = LEAST_WAIT_MS, **kwargs: Any) -> Any:
        if timeout is not None and 0 < timeout < LEAST_WAIT_MS:
            timeout = LEAST_WAIT_MS
        return wait(self, *args, timeout=timeout, **kwargs)

    return patient_wait


def make_waits_patient() -> None:
    """Replace QtBot's waiting methods by patient ones (once per test process)."""
    for name in _PATIENT_METHODS:
        wait = getattr(QtBot, name)
        if not getattr(wait, "_patient", False):
            patient = _patient(wait)
            patient._patient = True  # type: ignore[attr-defined]
            setattr(QtBot, name, patient)


make_waits_patient()

"""How much heavy work the server takes on at once, so that fifty desktops synchronising
together neither exhaust its memory nor wait past their time-out.

* **Reads** — a pull batch (up to a thousand history rows and every record they concern,
  built in memory as JSON) or a clone (a snapshot of the office) — run at most
  :data:`HEAVY_READS` at a time. Fifty pulls built at once took the server to 1.5 GiB; the
  others wait their turn a little (:data:`READ_WAIT` seconds), holding nothing.
* **Pushes** are applied one at a time (:mod:`intl_desk.server.push`). A push that has not
  had its turn after :data:`PUSH_WAIT` seconds is not kept waiting past the client's
  time-out: nothing of it was applied, and it is answered ``503`` with ``Retry-After``.

A read that has waited its :data:`READ_WAIT` is answered the same way. The desktop sends
the request again after the seconds said (:mod:`intl_desk.sync.client`), a bounded number
of times.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from intl_desk.core.i18n import N_
from intl_desk.server.auth import Refusal

HEAVY_READS = 4
READ_WAIT = 20.0
PUSH_WAIT = 20.0
#: the most a client is told to wait before asking again
LONGEST_RETRY = 30


class ServerBusy(Refusal):
    """The request was not served (nothing of it applied): ask again after ``seconds``."""

    def __init__(self, seconds: int) -> None:
        super().__init__(
            503,
            N_("The office server is busy with other desks; synchronise again in a minute."),
            headers={"Retry-After": str(seconds)},
        )
        self.seconds = seconds


class Admission:
    """The server process's limits on heavy reads and on pushes waiting their turn."""

    def __init__(
        self,
        heavy_reads: int = HEAVY_READS,
        read_wait: float = READ_WAIT,
        push_wait: float = PUSH_WAIT,
    ) -> None:
        self._reads = threading.BoundedSemaphore(max(1, heavy_reads))
        self.read_wait = read_wait
        self.push_wait = push_wait
        self._lock = threading.Lock()
        self._waiting = 0
        self._recent: float = 1.0  # seconds a turn took lately (pull or push)

    def retry_after(self) -> int:
        """Seconds until the request is likely to get its turn: those waiting before it
        times what a turn takes lately, from 1 to :data:`LONGEST_RETRY`."""
        with self._lock:
            estimate = self._waiting * self._recent
        return max(1, min(LONGEST_RETRY, round(estimate)))

    def _took(self, seconds: float) -> None:
        with self._lock:
            self._recent = 0.8 * self._recent + 0.2 * seconds

    @contextmanager
    def _waiting_for_a_turn(self) -> Iterator[None]:
        with self._lock:
            self._waiting += 1
        try:
            yield
        finally:
            with self._lock:
                self._waiting -= 1

    @contextmanager
    def heavy_read(self) -> Iterator[None]:
        """A pull batch or a clone: run when one of the read turns is free, else
        :class:`ServerBusy` after :attr:`read_wait` seconds."""
        with self._waiting_for_a_turn():
            granted = self._reads.acquire(timeout=self.read_wait)
        if not granted:
            raise ServerBusy(self.retry_after())
        started = time.monotonic()
        try:
            yield
        finally:
            self._reads.release()
            self._took(time.monotonic() - started)

    @contextmanager
    def push_turn(self, lock: threading.Lock) -> Iterator[None]:
        """Hold the pushes' ``lock`` (one at a time), waiting at most
        :attr:`push_wait` seconds for it, else :class:`ServerBusy`."""
        with self._waiting_for_a_turn():
            granted = lock.acquire(timeout=self.push_wait)
        if not granted:
            raise ServerBusy(self.retry_after())
        started = time.monotonic()
        try:
            yield
        finally:
            lock.release()
            self._took(time.monotonic() - started)

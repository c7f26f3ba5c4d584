"""A limit on failed sign-ins, so a password cannot be guessed by trying many.

Failures are counted per client address and account name over a sliding window; once the
limit is reached every attempt for that pair (even with the right password) is refused
until the oldest failure leaves the window. Kept in the server process's memory: a
restart forgets it, which only gives a guesser one more window.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

MAX_FAILURES = 5
WINDOW_SECONDS = 300.0


class LoginThrottle:
    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_SECONDS) -> None:
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def wait_seconds(self, client: str, account: str) -> int:
        """0 when an attempt may be made, else how many seconds to wait."""
        now = time.monotonic()
        with self._lock:
            failures = self._recent((client, account), now)
            if len(failures) < self.max_failures:
                return 0
            return max(1, int(failures[0] + self.window - now) + 1)

    def failed(self, client: str, account: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent((client, account), now).append(now)

    def succeeded(self, client: str, account: str) -> None:
        with self._lock:
            self._failures.pop((client, account), None)

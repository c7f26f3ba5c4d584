"""The one pool of worker threads for work done beside the caller.

Everything that runs off the calling thread goes through :func:`submit`: the GUI's
operations (:class:`intl_desk.ui.operations.Operation`), the first page of a list read
while a file is being checked, the other file's integrity check while a merge opens this
one. The work runs in a copy of the caller's context, so a language pinned with
:func:`intl_desk.core.i18n.language_pinned` goes with it: a worker never translates in
whatever language the process switched to meanwhile.

The one exception is :mod:`intl_desk.store.early_check`, a daemon thread started before
anything else is imported, which the program must not wait for when it exits.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# Threads are made as needed: a file opening and what it reads ahead, a list query, the
# rows it leads to, a merge, its check and its backup. Work that waits for other work (the
# opening for its read-ahead, a merge for its check and backup) never holds more than three.
_POOL = ThreadPoolExecutor(max_workers=6, thread_name_prefix="intl-desk-work")


def submit(work: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
    """Run ``work(*args, **kwargs)`` on a worker thread, in the caller's context."""
    context = contextvars.copy_context()

    def in_context() -> T:
        return context.run(work, *args, **kwargs)

    return _POOL.submit(in_context)

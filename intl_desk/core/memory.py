"""Giving memory back to the system after a big operation (an import, an export).

Python frees an operation's objects as soon as they are let go, but the C library's
allocator keeps the freed blocks for later instead of returning them: after importing a
state's register of 20,000 agreements, the process kept 65 MB it no longer used, and the
next operation (another list, the window's work) grew from there. On Linux (glibc),
``malloc_trim`` hands those blocks back; elsewhere this does nothing (Windows and macOS
allocators return large free regions on their own).

glibc also gives each thread that allocates its own region of memory (an "arena"), and
memory freed in one region serves only that region. The window reads a register on one
worker thread, checks it on another and writes it on a third: each region kept what its
step had freed, and the state's import peaked 24 MiB higher than with one region for the
whole process (301.4 against 277.3 MiB, ``ui_import_state_register``).
:func:`one_allocator_region` asks for a single region; the threads take turns on it, which
costs nothing measurable here because Python threads take turns anyway.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache
from typing import Any

#: glibc's ``mallopt`` parameter for the most regions ("arenas") the allocator may make
M_ARENA_MAX = -8


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:  # glibc's name first: find_library runs `ldconfig -p`, a process, every command
        return ctypes.CDLL("libc.so.6")
    except OSError:
        pass
    try:
        return ctypes.CDLL(ctypes.util.find_library("c"))
    except OSError:
        return None


@cache
def _trim() -> Any:
    library = _libc()
    trim = getattr(library, "malloc_trim", None)  # musl and other C libraries have none
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def one_allocator_region() -> bool:
    """Have every thread allocate from one region (glibc); True when it could be asked.

    Called first thing in the process (the command line's entry point, and each bench
    scenario's process, which stands for the app's): the limit applies to the threads
    that have not allocated yet.
    """
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, 1))


def give_back_freed_memory() -> bool:
    """Return the allocator's free blocks to the system; True when it could be asked."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True

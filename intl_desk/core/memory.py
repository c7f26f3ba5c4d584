"""Giving memory back to the system after a big operation (an import, an export).

Python frees an operation's objects as soon as they are let go, but the C library's
allocator keeps the freed blocks for later instead of returning them: after importing a
state's register of 20,000 agreements, the process kept 65 MB it no longer used, and the
next operation (another list, the window's work) grew from there. On Linux (glibc),
``malloc_trim`` hands those blocks back; elsewhere this does nothing (Windows and macOS
allocators return large free regions on their own).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache
from typing import Any


@cache
def _trim() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        library = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = library.malloc_trim
    except (OSError, AttributeError):  # musl and other C libraries have none
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back_freed_memory() -> bool:
    """Return the allocator's free blocks to the system; True when it could be asked."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True

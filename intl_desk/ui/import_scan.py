"""PySide's scan of every imported module, without keeping their source in memory.

Once PySide6 is imported, shiboken replaces ``__import__`` and, after each import, asks
whether the module mentions "PySide6" (for its ``from __feature__ import …`` switches).
It reads the module's source with :func:`inspect.getsource`, which keeps every line of
every module in :mod:`linecache` for the rest of the process: 456 modules, 22 MiB and
68 ms of CPU by the time the main window's modules are imported — a tenth of the
window's memory, for text nothing reads again.

:func:`install` gives that scan the same answer without the cache: the module's file is
read as bytes, searched, and let go. A module without a ``.py`` file (built in, or in
the installer's archive) answered "no" before and still does. On a PySide without that
scan (another version), nothing is changed.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (sets up shiboken's import hook and its scan)

_SCANNING_MODULE = "shibokensupport.feature"
_SCAN = "_mod_uses_pyside"


def uses_pyside(module: ModuleType) -> bool:
    """Whether the source of ``module`` mentions PySide6, read without caching it."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Replace the scan (once per process); True when there was one to replace."""
    feature = sys.modules.get(_SCANNING_MODULE)
    if feature is None or not callable(getattr(feature, _SCAN, None)):
        return False
    setattr(feature, _SCAN, uses_pyside)
    linecache.clearcache()  # what the scan kept of the modules imported so far
    return True

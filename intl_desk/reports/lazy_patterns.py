"""ReportLab's one costly regular expression, compiled when it is first used instead of
on import.

``reportlab.platypus.paragraph`` compiles, as it is imported, a pattern of web addresses
whose letter ranges span Unicode with ``re.IGNORECASE``: 20 ms of CPU in every process
that prints a report (a sixth of the state overview's PDF), for a pattern ReportLab uses
only to hyphenate a long address, which our reports never ask for. :func:`defer` puts, in
the ``re`` module's cache of compiled patterns, an object that compiles that pattern when
it is first used; ``re.compile`` then hands ReportLab that object. Where the cache works
otherwise (another Python) or ReportLab's pattern is not this one, nothing changes: the
pattern is compiled on import, as before.
"""

from __future__ import annotations

import re
from typing import Any

#: ``uri_pat`` of reportlab/platypus/paragraph.py (ReportLab 4.5), character for character
URI_PATTERN = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1"
    "]?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|"
    "([a-z\xa1-\uffff0-9](?:[a-z\xa1-\uffff0-9-]{0,61}[a-z\xa1-\uffff0-9])?(?:\\."
    "(?!-)[a-z\xa1-\uffff0-9-]{1,63}(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2,63}|xn"
    "--[a-z0-9]{1,59})(?<!-)\\.?|localhost))(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z"
)
URI_FLAGS = int(re.IGNORECASE)


class LazyPattern:
    """A compiled pattern's stand-in: the pattern is compiled on the first use of any of
    its attributes (``match``, ``search``…)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            _forget(self._pattern, self._flags)  # re.compile would hand this object back
            compiled = self._compiled = re.compile(self._pattern, self._flags)
        return getattr(compiled, name)


def _cache() -> dict[Any, Any] | None:
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else None


def _forget(pattern: str, flags: int) -> None:
    cache = _cache()
    if cache is not None and isinstance(cache.get((str, pattern, flags)), LazyPattern):
        del cache[(str, pattern, flags)]


def defer() -> None:
    """Have ReportLab's address pattern compiled on first use (see the module docstring)."""
    cache = _cache()
    if cache is not None:
        cache.setdefault((str, URI_PATTERN, URI_FLAGS), LazyPattern(URI_PATTERN, URI_FLAGS))

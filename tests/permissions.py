"""Real file permissions in tests that run as the superuser (CI runs as root).

The superuser may write anything, so ``chmod`` alone changes nothing for it: the test
also runs as the unprivileged user "nobody" — only the effective user, so it can become
root again afterwards to clean up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

import pytest

NOBODY = 65534

#: Modules imported before the test becomes "nobody". Where Python is installed in root's
#: private home (as here: pyenv under /root), "nobody" cannot read the standard library,
#: so what the code under test imports lazily (``_strptime`` for dates in catalogues,
#: defusedxml re-importing ElementTree, the commands' own modules) is imported first.
PRELOADED = (
    "_strptime",
    "intl_desk.core.reference",
    "intl_desk.cli.exchange",
    "intl_desk.exchange.export",
    "intl_desk.exchange.importer",
    "intl_desk.cli.sharing",
    "intl_desk.store.merge",
    "alembic.autogenerate",  # intl-desk check's schema comparison (it imports timeit)
    "graphlib",  # the import of agreement rows that refer to one another
)


#: why these tests do not run on Windows
NO_POSIX_MODES = (
    "Windows has no POSIX file modes or seteuid: chmod cannot take read or write access away"
)


@contextmanager
def unprivileged() -> Iterator[None]:
    """Inside the block, file permissions apply to this test (it is "nobody" if root)."""
    if sys.platform == "win32":
        pytest.skip(NO_POSIX_MODES)
    as_root = os.geteuid() == 0
    if as_root:
        for name in PRELOADED:
            import_module(name)
        os.seteuid(NOBODY)
    try:
        yield
    finally:
        if as_root:
            os.seteuid(0)


@contextmanager
def without_write_access(folder: Path) -> Iterator[None]:
    """Inside the block, ``folder`` and the files in it may be read but not written."""
    if sys.platform == "win32":
        pytest.skip(NO_POSIX_MODES)
    for child in folder.iterdir():
        child.chmod(0o444)
    folder.chmod(0o555)
    try:
        with unprivileged():
            yield
    finally:
        folder.chmod(0o755)
        for child in folder.iterdir():
            child.chmod(0o644)

"""What some tests need of the operating system, and the reason they skip where it is
missing (Windows, for the project's supported platforms): the skip says why, so a missing
feature of the platform is never mistaken for a missing feature of the program."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ON_WINDOWS = sys.platform == "win32"

#: a disk filling up is simulated with RLIMIT_FSIZE (a write past it is refused or SIGXFSZ)
needs_file_size_limit = pytest.mark.skipif(
    ON_WINDOWS, reason="Windows has no RLIMIT_FSIZE or SIGXFSZ: a full disk cannot be simulated"
)


def symlink_or_skip(link: Path, target: Path) -> None:
    """Make ``link`` point at ``target``; on Windows, where only administrators and
    developer mode may make symbolic links, skip the test when it may not."""
    try:
        link.symlink_to(target)
    except OSError:
        if not ON_WINDOWS:
            raise
        pytest.skip("Windows lets only administrators and developer mode make symbolic links")


def fifo_or_skip(path: Path) -> None:
    """Make a named pipe at ``path`` (Windows has none in its file system)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("Windows has no named pipes in its file system")
    os.mkfifo(path)

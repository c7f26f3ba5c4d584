"""Imported first by the tests' conftest: every test process (and what it starts) gets a
home folder of its own, set before anything reads it.

No test reads or writes the user's settings, remembered import mappings, office servers or
error log, and the two processes of a parallel run (pytest -n 2) share no file there: each
process makes its own folder when it imports this module.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

TEST_HOME = Path(tempfile.mkdtemp(prefix="intl-desk-test-home-"))

for variable, folder in (
    ("HOME", TEST_HOME),
    ("XDG_CONFIG_HOME", TEST_HOME / ".config"),
    ("XDG_DATA_HOME", TEST_HOME / ".local" / "share"),
    ("XDG_CACHE_HOME", TEST_HOME / ".cache"),
    ("XDG_STATE_HOME", TEST_HOME / ".local" / "state"),
):
    os.environ[variable] = str(folder)
atexit.register(shutil.rmtree, TEST_HOME, ignore_errors=True)

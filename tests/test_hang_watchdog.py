"""A test that hangs holding the interpreter lock ends its process with the stacks written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

HANGING_TEST = '''
import re
import pytest

@pytest.mark.timeout(1)
def test_holds_the_interpreter_lock_for_ever():
    # a regular expression backtracks in C without letting other Python threads run,
    # so pytest-timeout's thread cannot fire
    re.match(r"(a+)+$", "a" * 64 + "b")
'''


def test_a_test_hung_in_c_ends_with_its_stacks_written(tmp_path: Path) -> None:
    (tmp_path / "test_hangs.py").write_text(HANGING_TEST)
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    env = dict(os.environ, INTL_DESK_HANG_DUMPS=str(dumps), INTL_DESK_HANG_GRACE="1",
               PYTHONPATH=str(TESTS))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "hang_watchdog", "-p", "no:cacheprovider",
         "-o", "timeout_method=thread", str(tmp_path / "test_hangs.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode != 0
    [dump] = list(dumps.iterdir())
    text = dump.read_text()
    assert "running test_hangs.py::test_holds_the_interpreter_lock_for_ever" in text
    assert "Timeout (0:00:02)!" in text
    assert "test_hangs.py" in text.split("Timeout")[1]  # the hung test's own frame

"""Shared fixtures. Qt is told to draw offscreen before anything imports it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


import keyring
import own_home  # noqa: F401  (first: a home folder of its own before anything reads it)
import patient_waits  # noqa: F401  (every Qt wait gives a loaded machine 30 s)
import pytest
from hang_watchdog import pytest_runtest_protocol  # noqa: F401  (the hook, for every test)
from hypothesis import settings
from memory_keyring import MemoryKeyring
from permissions import without_write_access
from postgresql import postgresql_engine  # noqa: F401  (the fixture, for every test)

from intl_desk.core.i18n import set_language
from intl_desk.store import verified
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.gui_collector import stop_collecting_on_gui_thread

# Property tests: many derandomised examples in CI (the same ones every run, so a failure
# there is reproducible), fewer and random on a developer's machine. The issues ask for at
# least 200 in CI; the merge properties take about 50 s of a quiet run with them.
settings.register_profile("ci", max_examples=200, derandomize=True, deadline=None,
                          print_blob=True)  # fmt: skip
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Sign-in tokens go to a store in memory, never to the system's credential store.
MEMORY_KEYRING = MemoryKeyring()
keyring.set_keyring(MEMORY_KEYRING)

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session", autouse=True)
def _patient_keyboard_search(qapp: Any) -> None:
    """Keys typed by a test reach a closed list within one keyboard search however loaded
    the machine: Qt starts a new search after 400 ms without a key, and a busy CI machine
    can take longer than that between two keys of ``keyClicks``."""
    qapp.setKeyboardInputInterval(5_000)


@pytest.fixture(autouse=True)
def _collector_as_each_test_found_it() -> Iterator[None]:
    """A window collects reference cycles on the GUI thread only, for the rest of its
    process (intl_desk.ui.gui_collector); the next test starts with Python's own."""
    yield
    stop_collecting_on_gui_thread()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The tests' credential store, emptied before and after the test."""
    MEMORY_KEYRING.secrets.clear()
    yield MEMORY_KEYRING
    MEMORY_KEYRING.secrets.clear()


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Every test starts in English; a test that switches language is undone after."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _own_record_of_verified_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test remembers its own healthy integrity checks (intl_desk.store.verified),
    not the user's, nor another test's."""
    record = tmp_path_factory.mktemp("verified") / verified.RECORD_NAME
    monkeypatch.setattr(verified, "record_path", lambda: record)


@pytest.fixture
def office_path(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite"
    OfficeFile.create(path, "Ville de Lyon", kind="city", country_code="FR").close()
    return path


@pytest.fixture
def office(office_path: Path) -> Iterator[OfficeFile]:
    with OfficeFile.open(office_path) as opened:
        yield opened



@pytest.fixture
def unwritable_office() -> Iterator[Path]:
    """An office file this test may read but not write (see :mod:`permissions`)."""
    folder = Path(tempfile.mkdtemp(prefix="intl-desk-read-only-"))
    path = folder / "Relations internationales.sqlite"
    OfficeFile.create(path, "Ville de Lyon", kind="city", country_code="FR").close()
    try:
        with without_write_access(folder):
            yield path
    finally:
        shutil.rmtree(folder)

"""Fixtures of the exchange tests: the city demo (built once per session) and registers."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from intl_desk.demo import populate_demo
from intl_desk.store.office_file import OfficeFile

TODAY = date(2026, 3, 1)


@pytest.fixture(scope="session")
def city_demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exchange-demo") / "city.sqlite"
    with OfficeFile.create(path, "Demo office") as office, office.session() as session:
        populate_demo(session, scale="city", today=TODAY)
        session.commit()
    return path


@pytest.fixture
def city_demo(city_demo_master: Path, tmp_path: Path) -> Path:
    """A copy of the city demo this test may change."""
    copy = tmp_path / "city.sqlite"
    shutil.copyfile(city_demo_master, copy)
    return copy


@pytest.fixture
def mappings_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    return folder

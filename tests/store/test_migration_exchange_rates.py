"""Revision 0006 on a file that version 5 left: the office can record exchange rates, and
everything already there stays."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from store_helpers import V0005

from intl_desk.core.currency_rates import Rates
from intl_desk.core.model import ExchangeRate, Partner, Project
from intl_desk.store.office_file import SCHEMA_VERSION, OfficeFile, check


def test_a_v0005_file_gains_exchange_rates(tmp_path: Path) -> None:
    path = tmp_path / "office_v0005.sqlite"
    shutil.copyfile(V0005, path)
    with OfficeFile.open(path) as office, office.session() as session:
        assert office.schema_version == SCHEMA_VERSION
        assert session.scalars(select(Partner)).one().name == "Leipzig"
        assert session.scalars(select(Project)).one().currency == "EUR"
        session.add(
            ExchangeRate(currency="XOF", to_currency="EUR", year=2025, rate=Decimal("0.00152449"))
        )
        session.commit()
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        assert Rates.of(session).rate("XOF", 2025) == Decimal("0.00152449")
    assert check(path).problems == []

"""A register's "Renouvelle" / "Modifie" column links an agreement to the one it renews
or amends — one of the same sheet (above or below it) or one already in the file; a
title that names none, or several, is said and left unlinked."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import write_rows
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.model import Agreement
from intl_desk.store.office_file import OfficeFile


def test_renewals_and_amendments_are_linked_by_title(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(Agreement(title="Accord-cadre Lyon – Łódź", type="cooperation"))
        session.commit()
    sheet = write_rows(
        tmp_path / "accords.xlsx",
        [
            ["Registre des accords — Direction des relations internationales"],
            ["Intitulé", "Type", "Signé le", "Renouvelle", "Modifie"],
            ["Renouvellement du jumelage Lyon – Porto", "Jumelage", "2021",
             "Jumelage Lyon – Porto", None],
            ["Jumelage Lyon – Porto", "Jumelage", "1991", None, None],
            ["Avenant n° 1 Lyon – Łódź", "Avenant", "mars 2019", None, "Accord-cadre Lyon – Łódź"],
            ["Avenant Lyon – Córdoba", "Avenant", "2015", None, "Accord Lyon – Córdoba (2011)"],
            [],
            ["Total : 4 accords"],
        ],
    )
    assert main(["import", str(office_path), str(sheet), "--kind", "agreements"]) == 0
    out = capsys.readouterr().out
    assert (  # said without --verbose: a link not made is not a detail
        "Row 6 (warning): No agreement titled “Accord Lyon – Córdoba (2011)” in the file or the "
        "sheet: not linked."
    ) in out
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        links = {
            a.title: (a.renews.title if a.renews else None, a.amends.title if a.amends else None)
            for a in session.scalars(select(Agreement))
        }
    assert links == {
        "Accord-cadre Lyon – Łódź": (None, None),
        "Renouvellement du jumelage Lyon – Porto": ("Jumelage Lyon – Porto", None),
        "Jumelage Lyon – Porto": (None, None),
        "Avenant n° 1 Lyon – Łódź": (None, "Accord-cadre Lyon – Łódź"),
        "Avenant Lyon – Córdoba": (None, None),
    }

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


def test_a_renewal_keeping_its_title_is_linked_by_reference(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Renewals that keep the title of the agreement they renew name it with its reference
    in brackets, as our export writes it: each is linked to the right one, and an export
    of the file imported into a new file keeps every link (before: "Several agreements are
    titled…", not linked)."""
    sheet = write_rows(
        tmp_path / "accords.xlsx",
        [
            ["Registre des accords — Direction des relations internationales"],
            ["Intitulé", "Référence", "Type", "Signé le", "Renouvelle"],
            ["Jumelage Lyon – Porto", "LY-1991-01", "Jumelage", "1991", None],
            ["Jumelage Lyon – Porto", "LY-2011-02", "Jumelage", "2011",
             "Jumelage Lyon – Porto (LY-2001-04)"],
            ["Jumelage Lyon – Porto", "LY-2001-04", "Jumelage", "2001",
             "Jumelage Lyon – Porto (LY-1991-01)"],
            ["Source : service des relations internationales, mars 2025"],
        ],
    )
    assert main(["import", str(office_path), str(sheet), "--kind", "agreements"]) == 0
    assert "not linked" not in capsys.readouterr().out

    def links(path: Path) -> dict[str, str | None]:
        with OfficeFile.open(path, read_only=True) as office, office.session() as session:
            return {
                str(a.reference): a.renews.reference if a.renews else None
                for a in session.scalars(select(Agreement))
            }

    expected = {"LY-1991-01": None, "LY-2001-04": "LY-1991-01", "LY-2011-02": "LY-2001-04"}
    assert links(office_path) == expected
    exported = tmp_path / "export.csv"
    assert main(["export", str(office_path), "-o", str(exported), "--kind", "agreements"]) == 0
    assert "Jumelage Lyon – Porto (LY-1991-01)" in exported.read_text(encoding="utf-8-sig")
    fresh = tmp_path / "fresh.sqlite"
    with OfficeFile.create(fresh, "Ville de Lyon"):
        pass
    assert main(["import", str(fresh), str(exported), "--kind", "agreements"]) == 0
    assert links(fresh) == expected

"""A long agreement register is written batch by batch while its rows are gone through,
so the rows waiting to be written never exceed one batch (a 50,000-row register held
50 MB of them until the end); rows that change a row before them (a renewal linked by
title, a row typed twice with "update") are all written together, as before. Batches of
2 rows here (5,000 in the app)."""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import counts, write_rows
from sqlalchemy import select

from intl_desk.core.model import Agreement, AgreementObjective, LocalEntity, Partner, Record
from intl_desk.exchange import bulk, import_write, importer
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile

TITLES = ["Intitulé", "Ville partenaire", "Pays", "Type", "Signé le", "Objectifs", "Renouvelle"]


@pytest.fixture
def lyon(office: OfficeFile, monkeypatch: pytest.MonkeyPatch) -> OfficeFile:
    with office.session() as session:
        session.add(LocalEntity(name="Ville de Lyon", kind="government"))
        session.commit()
    monkeypatch.setattr(import_write, "WRITE_BATCH", 2)
    return office


@pytest.fixture
def most_queued(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The most rows the writer held queued at once, as the import goes."""
    most = [0]
    add = bulk.BulkWriter.add

    def counting(self: bulk.BulkWriter, model: type[Record], values: dict[str, Any]) -> Any:
        row = add(self, model, values)
        most[0] = max(most[0], sum(len(rows) for rows in self.rows.values()))
        return row

    monkeypatch.setattr(bulk.BulkWriter, "add", counting)
    return most


def _register(path: Path, rows: list[list[Any]]) -> Path:
    return write_rows(
        path, [["Registre des jumelages — Lyon"], [], TITLES, *rows, [], ["Source : DRI"]]
    )


def _import(office: OfficeFile, register: Path, folder: Path, **options: Any) -> None:
    with office.session() as session:
        preview = preview_import(session, register, "agreements", mappings_folder=folder)
        apply_import(session, preview, **options)


def test_a_long_register_is_written_batch_by_batch(
    lyon: OfficeFile, tmp_path: Path, mappings_folder: Path, most_queued: list[int]
) -> None:
    register = _register(
        tmp_path / "jumelages.xlsx",
        [
            [f"Jumelage Lyon – {city} ({year})", city, country, "Jumelage", str(year), None, None]
            for city, country, year in [
                ("Gdańsk", "Pologne", 1991),
                ("Porto", "Portugal", 1992),
                ("Kraków", "Pologne", 1993),
                ("Gdańsk", "Pologne", 2001),  # the partner the first batch created
                ("São Paulo", "Brésil", 2005),
                ("Porto", "Portugal", 2011),
                ("Gdańsk", "Pologne", 2021),
            ]
        ],
    )
    _import(lyon, register, mappings_folder)
    # one agreement with its two parties and perhaps a new partner, twice: 8 at most
    assert most_queued[0] <= 8
    with lyon.session() as session:
        partners = session.scalars(select(Partner.name).order_by(Partner.name)).all()
        shown = dict(
            session.execute(select(Agreement.title, Agreement.partner_names)).tuples().all()
        )
    assert partners == ["Gdańsk", "Kraków", "Porto", "São Paulo"]  # each created once
    assert len(shown) == 7
    assert shown["Jumelage Lyon – Gdańsk (2021)"] == "Gdańsk"


def test_rows_that_change_an_earlier_row_are_written_together(
    lyon: OfficeFile, tmp_path: Path, mappings_folder: Path, most_queued: list[int]
) -> None:
    register = _register(
        tmp_path / "jumelages.xlsx",
        [
            ["Jumelage Lyon – Porto", "Porto", "Portugal", "Jumelage", "1991", "Culture", None],
            ["Jumelage Lyon – Kraków", "Kraków", "Pologne", "Jumelage", "1993", None, None],
            ["Jumelage Lyon – Łódź", "Łódź", "Pologne", "Jumelage", "1995", None, None],
            # typed again with one more objective
            ["Jumelage Lyon – Porto", "Porto", "Portugal", "Jumelage", "1991", "Sport", None],
            ["Renouvellement Lyon – Kraków", "Kraków", "Pologne", "Jumelage", "2013", None,
             "Jumelage Lyon – Kraków"],
        ],
    )  # fmt: skip
    _import(lyon, register, mappings_folder, on_duplicate="update")
    assert most_queued[0] > 8  # all queued, then written
    with lyon.session() as session:
        ids = dict(session.execute(select(Agreement.title, Agreement.id)).tuples().all())
        renewal = session.get(Agreement, ids["Renouvellement Lyon – Kraków"])
        objectives = session.scalars(
            select(AgreementObjective.text).where(
                AgreementObjective.agreement_id == ids["Jumelage Lyon – Porto"]
            )
        ).all()
    assert renewal is not None and renewal.renews_id == ids["Jumelage Lyon – Kraków"]
    assert sorted(objectives) == ["Culture", "Sport"]


def test_stopping_after_some_batches_were_written_leaves_the_file_as_it_was(
    lyon: OfficeFile, tmp_path: Path, mappings_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "PROGRESS_STEP", 2)
    register = _register(
        tmp_path / "jumelages.xlsx",
        [
            [f"Jumelage Lyon – Ville {n}", f"Ville {n}", "Pologne", "Jumelage", "2000", None, None]
            for n in range(6)
        ],
    )
    before = counts(lyon)

    def cancel(done: int, _total: int) -> None:
        if done == 6:  # two batches written by then
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _import(lyon, register, mappings_folder, progress=cancel)
    assert counts(lyon) == before


def test_a_written_batch_is_let_go_at_once(lyon: OfficeFile) -> None:
    """Nothing but the caller holds a written row (a reference cycle kept every batch
    alive until the garbage collector came by: 30 MB over a 50,000-row register)."""
    with lyon.session() as session:
        writer = bulk.BulkWriter(session)
        row = writer.add(Agreement, {"title": "Jumelage Lyon – Porto", "type": "twinning"})
        writer.flush()
        session.rollback()
    assert sys.getrefcount(row) == 2  # ``row`` and getrefcount's own argument


def test_what_one_batch_created_is_named_again_in_the_next(
    lyon: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    """A new partner and a new local entity are created by the first batch and named again
    by rows of later batches: one of each, every agreement linked to them."""
    register = write_rows(
        tmp_path / "accords.xlsx",
        [
            ["Accords de la Métropole — 2024"],
            ["Intitulé", "Ville partenaire", "Pays", "Entité", "Type", "Signé le"],
            *(
                [f"Accord Métropole – Łódź ({year})", "Łódź", "Pologne", "Métropole de Lyon",
                 "Coopération", str(year)]
                for year in (2001, 2003, 2005, 2007, 2009)
            ),
        ],
    )  # fmt: skip
    _import(lyon, register, mappings_folder)
    with lyon.session() as session:
        shown = session.execute(select(Agreement.partner_names, Agreement.entity_names)).all()
        entities = session.scalars(select(LocalEntity.name).order_by(LocalEntity.name)).all()
        partners = session.scalars(select(Partner.name)).all()
    assert shown == [("Łódź", "Métropole de Lyon")] * 5
    assert entities == ["Métropole de Lyon", "Ville de Lyon"] and partners == ["Łódź"]


def test_a_register_listing_renewals_first_is_written_batch_by_batch(
    lyon: OfficeFile, tmp_path: Path, mappings_folder: Path, most_queued: list[int]
) -> None:
    """The newest first, as the state's export lists them: a renewal above what it renews
    waits for the end (with a renewal of it), every other row is written as it comes, and
    each renewal is linked to the agreement it names."""
    register = _register(
        tmp_path / "jumelages.xlsx",
        [
            ["Renouvellement Lyon – Łódź (2021)", "Łódź", "Pologne", "Jumelage", "2021", None,
             "Renouvellement Lyon – Łódź (2011)"],
            ["Jumelage Lyon – Porto", "Porto", "Portugal", "Jumelage", "2015", None, None],
            ["Renouvellement Lyon – Łódź (2011)", "Łódź", "Pologne", "Jumelage", "2011", None,
             "Jumelage Lyon – Łódź"],
            ["Jumelage Lyon – Kraków", "Kraków", "Pologne", "Jumelage", "1993", None, None],
            ["Jumelage Lyon – São Paulo", "São Paulo", "Brésil", "Jumelage", "1992", None, None],
            ["Jumelage Lyon – Łódź", "Łódź", "Pologne", "Jumelage", "1991", None, None],
            ["Jumelage Lyon – Córdoba", "Córdoba", "Espagne", "Jumelage", "1990", None, None],
            ["Renouvellement Lyon – Kraków", "Kraków", "Pologne", "Jumelage", "2013", None,
             "Jumelage Lyon – Kraków"],
        ],
    )  # fmt: skip
    _import(lyon, register, mappings_folder)
    assert most_queued[0] <= 12  # never the whole register (21 rows queued before)
    with lyon.session() as session:
        ids = dict(session.execute(select(Agreement.title, Agreement.id)).tuples().all())
        renews = dict(session.execute(select(Agreement.title, Agreement.renews_id)).tuples().all())
    assert len(ids) == 8
    assert renews == {
        "Renouvellement Lyon – Łódź (2021)": ids["Renouvellement Lyon – Łódź (2011)"],
        "Jumelage Lyon – Porto": None,
        "Renouvellement Lyon – Łódź (2011)": ids["Jumelage Lyon – Łódź"],
        "Jumelage Lyon – Kraków": None,
        "Jumelage Lyon – São Paulo": None,
        "Jumelage Lyon – Łódź": None,
        "Jumelage Lyon – Córdoba": None,
        "Renouvellement Lyon – Kraków": ids["Jumelage Lyon – Kraków"],
    }


def test_a_long_chain_of_renewals_listed_newest_first_is_written_in_batches_too(
    lyon: OfficeFile, tmp_path: Path, mappings_folder: Path, most_queued: list[int]
) -> None:
    """Every renewal of Łódź names the one below it, so all wait for the end; there they
    are written oldest first, a batch at a time (the state's register kept 12,700 rows
    queued at the end), each after the agreement it renews."""
    years = [2021, 2016, 2011, 2006, 2001, 1996]
    rows: list[list[Any]] = [
        [f"Renouvellement Lyon – Łódź ({year})", "Łódź", "Pologne", "Jumelage", str(year),
         None, f"Renouvellement Lyon – Łódź ({older})"]
        for year, older in pairwise(years)
    ]  # fmt: skip
    rows[-1][-1] = "Jumelage Lyon – Łódź"
    rows.append(["Jumelage Lyon – Łódź", "Łódź", "Pologne", "Jumelage", "1991", None, None])
    _import(lyon, _register(tmp_path / "jumelages.xlsx", rows), mappings_folder)
    assert most_queued[0] <= 8  # two renewals and their parties at most, not all five
    with lyon.session() as session:
        ids = dict(session.execute(select(Agreement.title, Agreement.id)).tuples().all())
        renews = dict(session.execute(select(Agreement.title, Agreement.renews_id)).tuples().all())
    assert len(ids) == 6
    for year, older in pairwise(years[:-1]):
        assert renews[f"Renouvellement Lyon – Łódź ({year})"] == ids[
            f"Renouvellement Lyon – Łódź ({older})"
        ]
    assert renews["Renouvellement Lyon – Łódź (2001)"] == ids["Jumelage Lyon – Łódź"]

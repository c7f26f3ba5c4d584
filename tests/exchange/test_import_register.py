"""Importing a city's agreement register as offices really keep it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange_helpers import counts, seed_register_office, write_register
from sqlalchemy import select

from intl_desk.core.model import Agreement, Change, Partner
from intl_desk.exchange import bulk
from intl_desk.exchange.errors import NoHeaderRow, NotASpreadsheet, SpreadsheetMissing
from intl_desk.exchange.import_write import apply_import
from intl_desk.exchange.importer import RowPreview, preview_import
from intl_desk.exchange.mapping import save_mapping
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def seeded(office: OfficeFile) -> OfficeFile:
    seed_register_office(office)
    return office


def _row(rows: list[RowPreview], number: int) -> RowPreview:
    return next(row for row in rows if row.number == number)


def test_preview_finds_the_titles_below_merged_cells_and_maps_french_columns(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    with seeded.session() as session:
        preview = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
    assert preview.sheet == "Registre 2015-2020"  # not the notes sheet in front of it
    assert preview.header_row == 4
    assert set(preview.mapping.values()) == {
        "reference",
        "title",
        "partners",
        "countries",
        "type",
        "date_signed",
        "date_expires",
        "notes",
    }
    assert preview.unmapped == []
    # blank rows are skipped, the others keep the row number the user sees in Excel
    assert [row.number for row in preview.rows] == [5, 6, 7, 9, 10, 11, 12, 13, 14]


def test_preview_reads_every_date_style_and_country_language(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    before = counts(seeded)
    with seeded.session() as session:
        rows = preview_import(session, register, "agreements", mappings_folder=mappings_folder).rows
        session.rollback()
    assert counts(seeded) == before  # the preview writes nothing
    signed = {row.number: row.values.get("date_signed") for row in rows}
    assert signed[5] == date(2018, 7, 5)  # "5 juillet 2018"
    assert signed[6] == date(2018, 7, 5)  # "5 de julio de 2018"
    assert signed[7] == date(2019, 3, 12)  # a real Excel date
    assert signed[9] == date(2018, 7, 5)  # the serial number 43286
    assert signed[10] == date(2020, 3, 12)  # 12/03/2020, day first
    assert signed[14] == date(2015, 1, 1)  # a bare year…
    assert any("is kept as a year" in issue.render() for issue in _row(rows, 14).warnings)
    countries = {row.number: row.values.get("countries") for row in rows}
    assert countries[5] == ["PE"] and countries[6] == ["PE"]  # Pérou, Perú
    assert countries[7] == ["BR"] and countries[14] == ["BR"]  # Brasil, Brazil
    assert countries[9] == ["KR"] and countries[10] == ["US"]  # Corée du Sud, USA
    types = {row.number: row.values.get("type") for row in rows}
    assert types[5] == "twinning" and types[9] == "mou" and types[14] == "letter_of_intent"
    assert types[10] == "friendship"


def test_preview_rejects_an_impossible_date_and_flags_duplicates(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    with seeded.session() as session:
        rows = preview_import(session, register, "agreements", mappings_folder=mappings_folder).rows
        existing = session.scalars(select(Agreement.id)).one()
    impossible = _row(rows, 12)
    assert impossible.status == "rejected"
    assert [issue.render() for issue in impossible.errors] == [
        "Date de signature: “31/02/2019” is not a date that exists."
    ]
    assert _row(rows, 11).status == "duplicate"  # same parties, type and date as in the file
    assert _row(rows, 11).duplicate_of == existing
    assert _row(rows, 13).status == "duplicate"  # the register repeats row 5
    assert _row(rows, 13).duplicate_of == "row:5"
    # an existing partner written in capitals without accents is matched, not created
    assert not any(
        "São João" in issue.render() or "SAO JOAO" in issue.render()
        for issue in _row(rows, 7).warnings
    )
    assert any("New partner “Cusco” (PE)" in issue.render() for issue in _row(rows, 5).warnings)


def test_import_writes_accepted_rows_once_and_reports_each_outcome(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    with seeded.session() as session:
        preview = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
        result = apply_import(session, preview)
    assert (result.imported, result.updated) == (6, 0)
    assert [number for number, _ in result.skipped] == [11, 13]
    assert [(number, [i.render() for i in issues]) for number, issues in result.rejected] == [
        (12, ["Date de signature: “31/02/2019” is not a date that exists."])
    ]
    with seeded.session() as session:
        new = {a.title: a for a in session.scalars(select(Agreement))}
        assert len(new) == 7
        cusco = new["Jumelage Lyon – Cusco"]
        # derived columns are refreshed after the bulk write, our side is the government
        assert (cusco.partner_names, cusco.entity_names, cusco.country_codes) == (
            "Cusco",
            "Ville de Lyon",
            "PE",
        )
        assert cusco.status == "active" and cusco.reference == "DRI-01"
        assert new["Convenio con Arequipa"].status == "expired"  # expired in 2023
        sjdr = session.scalars(select(Partner).where(Partner.country_code == "BR")).all()
        assert sorted(p.name for p in sjdr) == ["Porto Alegre", "São João del-Rei"]
        history = session.scalars(
            select(Change).where(Change.record_id == cusco.id, Change.action == "create")
        ).all()
        assert len(history) == 1


def test_duplicates_update_the_existing_record_when_asked(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    with seeded.session() as session:
        preview = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
        result = apply_import(session, preview, "update")
    assert result.updated == 2 and result.imported == 6
    with seeded.session() as session:
        porto = session.scalars(select(Agreement).where(Agreement.date_signed == date(2016, 4, 1)))
        updated = porto.one()
        assert updated.title == "Accord existant avec Porto"
        assert updated.notes == "déjà dans le fichier"
        cusco = session.scalars(select(Agreement).where(Agreement.reference == "DRI-01")).one()
        assert cusco.notes == "saisi deux fois"  # the repeated row completed the first one


def test_a_failure_while_writing_leaves_the_file_unchanged(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    before = counts(seeded)

    def broken(self: bulk.BulkWriter) -> None:
        raise OSError("disk full")

    with seeded.session() as session:
        preview = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
        monkeypatch.setattr(bulk.BulkWriter, "flush", broken)
        with pytest.raises(OSError):
            apply_import(session, preview, "update")
    assert counts(seeded) == before
    with seeded.session() as session:
        porto = session.scalars(select(Agreement)).one()
        assert porto.notes is None  # the update of the duplicate was rolled back too


def test_a_corrected_mapping_is_saved_and_used_next_time(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    with seeded.session() as session:
        preview = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
        corrected = {i: f for i, f in preview.mapping.items() if f != "notes"}
        corrected[preview.headers.index("Observations")] = "summary"
        save_mapping("agreements", preview.headers, corrected, mappings_folder)
        again = preview_import(session, register, "agreements", mappings_folder=mappings_folder)
    assert again.mapping == corrected
    assert _row(again.rows, 7).values["summary"] == "partenaire déjà connu"


def test_csv_registers_in_windows_1252_with_semicolons(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    text = (
        "Registre des accords;;;\r\n"
        ";;;\r\n"
        "Titre;Partenaire;Pays;Date de signature\r\n"
        "Accord avec Córdoba;Córdoba;Argentine;05/07/2018\r\n"
        "Accord avec Québec;Québec;Canada;1er mars 2019\r\n"
    )
    path = tmp_path / "registre.csv"
    path.write_bytes(text.encode("cp1252"))
    with seeded.session() as session:
        preview = preview_import(session, path, "agreements", mappings_folder=mappings_folder)
    assert [row.values["partners"] for row in preview.rows] == ["Córdoba", "Québec"]
    assert [row.values["countries"] for row in preview.rows] == [["AR"], ["CA"]]
    assert [row.values["date_signed"] for row in preview.rows] == [
        date(2018, 7, 5),
        date(2019, 3, 1),
    ]


@pytest.mark.parametrize("delimiter", [",", "\t", "|"])
def test_csv_in_utf8_with_a_bom_and_any_delimiter(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path, delimiter: str
) -> None:
    lines = [
        ["Title", "Partner", "Country", "Signed"],
        ["Łódź friendship", "Łódź", "Poland", "2019-05-04"],
    ]
    path = tmp_path / "register.csv"
    path.write_text("\n".join(delimiter.join(line) for line in lines), encoding="utf-8-sig")
    with seeded.session() as session:
        preview = preview_import(session, path, "agreements", mappings_folder=mappings_folder)
    assert preview.rows[0].values["title"] == "Łódź friendship"
    assert preview.rows[0].values["countries"] == ["PL"]


def test_month_first_dates_are_recognised_in_an_american_register(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    path = tmp_path / "us.csv"
    path.write_text(
        "Title,Partner,Country,Signed\nA,Austin,USA,07/05/2018\nB,Boston,USA,12/25/2018\n",
        encoding="utf-8",
    )
    with seeded.session() as session:
        preview = preview_import(session, path, "agreements", mappings_folder=mappings_folder)
    assert [row.values["date_signed"] for row in preview.rows] == [
        date(2018, 7, 5),
        date(2018, 12, 25),
    ]


def test_unusable_spreadsheets_raise_one_clear_error(seeded: OfficeFile, tmp_path: Path) -> None:
    fake = tmp_path / "registre.xlsx"
    fake.write_text("not a workbook")
    notes = tmp_path / "notes.csv"
    notes.write_text("juste une note\n")
    with seeded.session() as session:
        with pytest.raises(SpreadsheetMissing, match="cannot be found"):
            preview_import(session, tmp_path / "absent.xlsx", "agreements")
        with pytest.raises(NotASpreadsheet, match=r"registre\.xlsx"):
            preview_import(session, fake, "agreements")
        with pytest.raises(NoHeaderRow):
            preview_import(session, notes, "agreements")


def test_a_country_without_a_partner_is_flagged(
    seeded: OfficeFile, tmp_path: Path, mappings_folder: Path
) -> None:
    path = tmp_path / "sans-partenaire.csv"
    path.write_text(
        "Titre;Pays;Date de signature\nAccord cadre;Pérou;2020-01-01\n", encoding="utf-8"
    )
    with seeded.session() as session:
        row = preview_import(session, path, "agreements", mappings_folder=mappings_folder).rows[0]
    assert row.status == "new"
    assert any("only kept with a partner" in issue.render() for issue in row.warnings)

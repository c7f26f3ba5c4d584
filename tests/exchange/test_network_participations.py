"""A membership's focal contact and participations (events attended, positions held)
travel with the networks export, on the sheet “Participations” beside the memberships;
importing the workbook again into the file it came from changes nothing, an edited
participation replaces the old one, a changed membership keeps its participations, and a
participation naming an entity that is not a member refuses its network with the reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Contact, LocalEntity, Membership, Network, Participation
from intl_desk.exchange.export import export_list
from intl_desk.exchange.import_write import ImportResult, apply_import
from intl_desk.exchange.importer import preview_import
from intl_desk.store.office_file import OfficeFile


def _eurocities(session: Session) -> None:
    lyon = LocalEntity(name="Ville de Lyon", kind="government")
    session.add(lyon)
    session.flush()
    focal = Contact(name="Élodie Mercier", local_entity_id=lyon.id, is_staff=True)
    network = Network(name="Eurocities", scope="continental")
    session.add_all([focal, network])
    session.flush()
    membership = Membership(network_id=network.id, local_entity_id=lyon.id, role="member",
                            since=date(2011, 1, 1), since_precision="year",
                            annual_fee=Decimal("12500.00"), focal_contact_id=focal.id)
    session.add(membership)
    session.flush()
    session.add_all([
        Participation(membership_id=membership.id, kind="event", title="Assemblée générale",
                      start_date=date(2023, 11, 1), start_date_precision="month",
                      location="Bruxelles", country_code="BE"),
        Participation(membership_id=membership.id, kind="position",
                      title="Vice-présidence du forum culture", start_date=date(2019, 6, 12),
                      end_date=date(2021, 12, 31), end_date_precision="year"),
    ])  # fmt: skip
    session.commit()


def _exported(office_path: Path, tmp_path: Path) -> Path:
    """Eurocities with Lyon's membership, focal contact and two participations, exported."""
    with OfficeFile.open(office_path) as office, office.session() as session:
        _eurocities(session)
        set_language("fr")
        export_list(session, "networks", tmp_path / "réseaux.xlsx")
    return tmp_path / "réseaux.xlsx"


def _import(path: Path, workbook: Path, mappings_folder: Path) -> ImportResult:
    with OfficeFile.open(path) as office, office.session() as session:
        preview = preview_import(session, workbook, "networks", mappings_folder=mappings_folder)
        said = [notice.render() for notice in preview.notices]
        if "Participations" in load_workbook(workbook, read_only=True).sheetnames:
            # each sheet says what it replaces: here participations, not memberships
            assert (
                "Feuille « Participations » : un réseau de la liste sans ligne sur cette "
                "feuille n'aura plus de participation après l'import (ses participations dans "
                "le fichier sont supprimées) ; sans la feuille, elles seraient conservées."
            ) in said
        return apply_import(session, preview, "update")


def _participations(path: Path) -> list[tuple[str, str, date | None, str]]:
    """The live participations, each with its membership's fee: a participation left on a
    deleted membership would show a fee no live membership has."""
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        found = session.execute(
            select(Participation.title, Membership.annual_fee, Participation.start_date,
                   Participation.start_date_precision, Membership.deleted_at)
            .join(Membership, Membership.id == Participation.membership_id)
            .where(Participation.deleted_at.is_(None))
        )  # fmt: skip
        return sorted((t, str(fee), d, p + ("" if gone is None else " (deleted membership)"))
                      for t, fee, d, p, gone in found)  # fmt: skip


def test_participations_and_focal_contact_travel_and_update(
    office_path: Path, tmp_path: Path, mappings_folder: Path
) -> None:
    workbook = _exported(office_path, tmp_path)
    book = load_workbook(workbook)
    assert book.sheetnames == ["Réseaux", "Adhésions", "Participations"]
    sheet = book["Participations"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ["Réseau", "Membre", "Type", "Titre"]
    event = ["Eurocities", "Ville de Lyon", "Participation à un événement", "Assemblée générale"]
    assert event in [row[:4] for row in rows]
    assert "Élodie Mercier" in [cell for row in book["Adhésions"].iter_rows(values_only=True)
                                for cell in row]  # fmt: skip
    before = _participations(office_path)
    assert before == [
        ("Assemblée générale", "12500.00", date(2023, 11, 1), "month"),
        ("Vice-présidence du forum culture", "12500.00", date(2019, 6, 12), "day"),
    ]

    # the same workbook again: nothing changes
    assert _import(office_path, workbook, mappings_folder).updated == 0
    assert _participations(office_path) == before

    # an office edits a participation's title: it replaces the old one
    for row in sheet.iter_rows(min_row=2):
        if row[3].value == "Assemblée générale":
            row[3].value = "Assemblée générale de Bruxelles"
    book.save(workbook)
    assert _import(office_path, workbook, mappings_folder).updated == 1
    assert _participations(office_path)[0][0] == "Assemblée générale de Bruxelles"

    # the fee changes on a workbook without participations: they stay with the membership
    for row in book["Adhésions"].iter_rows(min_row=2):
        for cell in row:
            if cell.value in (12500, "12 500,00", "12500.00", Decimal("12500.00")):
                cell.value = "13 000,00"
    del book["Participations"]
    book.save(workbook)
    assert _import(office_path, workbook, mappings_folder).updated == 1
    assert _participations(office_path) == [
        ("Assemblée générale de Bruxelles", "13000.00", date(2023, 11, 1), "month"),
        ("Vice-présidence du forum culture", "13000.00", date(2019, 6, 12), "day"),
    ]
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        (membership,) = session.scalars(select(Membership).where(Membership.deleted_at.is_(None)))
        assert membership.focal_contact.name == "Élodie Mercier"


def test_a_participation_of_no_member_refuses_its_network(
    office_path: Path, tmp_path: Path, mappings_folder: Path
) -> None:
    workbook = _exported(office_path, tmp_path)
    book = load_workbook(workbook)
    book["Participations"].append(["Eurocities", "Villeurbanne", "Participation à un événement",
                                   "Forum culture", "2024"])  # fmt: skip
    book.save(workbook)
    result = _import(office_path, workbook, mappings_folder)
    ((_number, issues),) = result.rejected
    assert [issue.render() for issue in issues] == [
        "Participation « Forum culture » : « Villeurbanne » n'a pas d'adhésion à ce réseau "
        "sur la feuille des adhésions."
    ]
    assert len(_participations(office_path)) == 2  # the file unchanged

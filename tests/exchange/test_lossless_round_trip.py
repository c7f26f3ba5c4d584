"""Every field the export writes comes back when the export is imported into a new file:
the city demo's agreements (summaries, in-force dates, perpetual flags, themes, SDGs,
objectives in their order, notes, dates known only to the year or month, the agreements
they renew or amend), partners (coordinates, population, IATI identifiers, notes),
projects (place, description, IATI identifier, planned and actual dates, SDGs, notes),
terms of office, the plans' lines and objectives, indicators (and what each carries on),
networks with the office's memberships (since and until at their precision, focal
contact, participations in events and positions) and activities, compared record by
record and field by field, through xlsx and through csv (intl_desk.exchange.round_trip,
which ``intl-desk bench --only round_trip_state`` runs on the state demo). What one row
per record cannot hold (a project's budget per year, co-financing lines, transactions,
sectors; a line's objectives; a mission's expected results and follow-ups; a network's
memberships and participations) travels on sheets beside the list in xlsx and in files
beside it in csv, and exporting the imported file again gives the same files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from intl_desk.core.i18n import set_language
from intl_desk.core.model import Agreement, Membership, StrategicLine
from intl_desk.exchange.round_trip import differences, export_all, file_differences, import_all
from intl_desk.exchange.round_trip_records import snapshot
from intl_desk.store.office_file import OfficeFile


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_every_field_the_export_writes_comes_back(
    city_demo: Path, tmp_path: Path, suffix: str, mappings_folder: Path
) -> None:
    with OfficeFile.open(city_demo) as office, office.session() as session:
        # registers give some dates as a year or a month: those travel too
        some = session.scalars(select(Agreement).order_by(Agreement.title).limit(6)).all()
        for agreement in some[:3]:
            agreement.date_signed = date(agreement.date_signed.year, 1, 1)
            agreement.date_signed_precision = "year"
        for agreement in some[3:]:
            if agreement.date_expires is not None:
                agreement.date_expires = date(agreement.date_expires.year, 12, 31)
                agreement.date_expires_precision = "month"
        lines = session.scalars(select(StrategicLine).order_by(StrategicLine.code)).all()
        lines[-1].continues = lines[0]  # a new plan's line carries an old one on
        lines[-2].continues = lines[1]
        # "member since 2011", "until March 2019": memberships known to the year or month
        memberships = session.scalars(select(Membership).order_by(Membership.id)).all()
        memberships[0].since = date(memberships[0].since.year, 1, 1)
        memberships[0].since_precision = "year"
        memberships[-1].until = date(2019, 3, 31)
        memberships[-1].until_precision = "month"
        session.commit()
        before = snapshot(session)
    set_language("fr")
    with OfficeFile.open(city_demo, read_only=True) as office, office.session() as session:
        export_all(session, tmp_path, suffix)
    set_language("pt")  # another office, in another language, imports the French files
    fresh = tmp_path / "fresh.sqlite"
    with OfficeFile.create(fresh, "Ville de Lyon") as office, office.session() as session:
        # only what the list computes from other records is left out; nothing is refused
        report = import_all(session, tmp_path, suffix, "fr", mappings_folder)
    assert report.problems() == []
    with OfficeFile.open(fresh, read_only=True) as office, office.session() as session:
        after = snapshot(session)
        set_language("fr")  # exported again, in French: the same files
        (tmp_path / "again").mkdir()
        export_all(session, tmp_path / "again", suffix)
    assert differences(before, after) == []
    assert after == before
    agreements, partners, projects = after["agreements"], after["partners"], after["projects"]
    activities, networks = after["activities"], after["networks"]
    details, plan = after["project details"], after["plan"]
    contacts, values = after["contacts"], after["mission values"]
    assert any(value["signed"][1] == "year" for value in agreements.values())
    assert any(value["themes"] for value in agreements.values())
    assert any(len(value["objectives"]) > 1 for value in agreements.values())
    assert any(key[2] is not None for key in partners)
    assert sum(value["renews"] is not None for value in agreements.values()) >= 20
    assert any(value["actual"][0] not in (None, value["planned"][0]) for value in projects.values())
    assert sum(value["network"] is not None for value in activities.values()) >= 2
    assert sum(value["cost"][0] is not None for value in activities.values()) >= 20
    assert sum(len(c["positions"]) for c in contacts.values()) >= 5
    assert sum(line["carries on"] is not None for line in plan.values()) >= 2
    assert any(line["objectives"] for line in plan.values())
    assert any(n["part of"] for n in networks.values())
    assert any(len(n["themes"]) > 1 for n in networks.values())
    assert sum(len(n["memberships"]) for n in networks.values()) >= 3
    assert any(m[2][1] == "year" for n in networks.values() for m in n["memberships"])
    assert any(m[3][1] == "month" for n in networks.values() for m in n["memberships"])
    # each membership's focal contact and what the member did in the network
    assert sum(m[6] is not None for n in networks.values() for m in n["memberships"]) >= 2
    assert sum(len(m[7]) for n in networks.values() for m in n["memberships"]) >= 5
    assert sum(len(v["expected"]) for v in values.values()) >= 5
    assert any(e[2] for v in values.values() for e in v["expected"])  # what they serve
    assert sum(len(v["follow-ups"]) for v in values.values()) >= 2
    assert sum(len(d["cofinancing"]) for d in details.values()) >= 20
    assert any(len(d["budget"]) > 1 for d in details.values())  # years apart
    assert file_differences(tmp_path, tmp_path / "again", suffix, "fr") == []
    written = sorted(path.name for path in tmp_path.glob(f"*{suffix}"))
    if suffix == ".csv":  # the detail sheets are files beside the lists
        assert "projects – Lignes de cofinancement.csv" in written
        assert "activities – Résultats attendus.csv" in written
        assert "networks – Adhésions.csv" in written
        assert "networks – Participations.csv" in written


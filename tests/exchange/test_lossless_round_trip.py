"""Every field the export writes comes back when the export is imported into a new file:
the city demo's agreements (summaries, in-force dates, perpetual flags, themes, SDGs,
objectives in their order, notes, dates known only to the year or month, the agreements
they renew or amend), partners (coordinates, population, IATI identifiers, notes),
projects (place, description, IATI identifier, planned and actual dates, SDGs, notes),
terms of office, the plans' lines and objectives, indicators (and what each carries on),
networks with the office's memberships (since and until at their precision) and
activities, compared record by record and field by field, through xlsx and through
csv. What one row per record cannot hold (a project's budget per year, co-financing
lines, transactions, sectors; a line's objectives; a mission's expected results and
follow-ups) travels on sheets beside the list in xlsx and in files beside it in csv, and
exporting the imported file again gives the same files."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.i18n import set_language
from intl_desk.core.model import (
    Activity,
    Agreement,
    Contact,
    Indicator,
    Membership,
    Network,
    Partner,
    Project,
    StrategicLine,
)
from intl_desk.exchange.export import export_list
from intl_desk.exchange.importer import apply_import, preview_import
from intl_desk.exchange.reader import read_sheets
from intl_desk.store.office_file import OfficeFile

ORDER = (
    "local_entities",
    "partners",
    "agreements",
    "projects",
    "terms",
    "plan_lines",
    "indicators",
    "networks",
    "activities",
    "contacts",
)
#: column titles of counts and sums, in French (the language of the export)
DERIVED = {
    "Accords",
    "Nombre d’objectifs",
    "Dernière modification",
    "Cofinancement obtenu",
    "Lacunes",
    "Budget dans la devise du service",
    "Cofinancement obtenu dans la devise du service",
    # the list's start and end (actual, else planned): the planned and actual ones follow
    "Début",
    "Fin",
    # a mission's carbon estimate, computed from its places and transport
    "Carbone (kg CO2e)",
}


def _agreements(session: Session) -> dict[tuple[str, str], dict[str, Any]]:
    found = {}
    for a in session.scalars(select(Agreement).where(Agreement.deleted_at.is_(None))):
        found[(a.title, a.reference or "")] = {
            "type": a.type,
            "status": a.status,
            "summary": a.summary,
            "signed": (a.date_signed, a.date_signed_precision),
            "in force": (a.date_in_force, a.date_in_force_precision),
            "expires": (a.date_expires, a.date_expires_precision),
            "perpetual": a.perpetual,
            "notes": a.notes,
            "themes": sorted(t.theme for t in a.themes if t.deleted_at is None),
            "sdgs": sorted(s.sdg for s in a.sdgs if s.deleted_at is None),
            "objectives": [
                o.text
                for o in sorted(a.objectives, key=lambda o: o.position)
                if o.deleted_at is None
            ],
            "partners": sorted(
                p.partner.name for p in a.parties if p.partner and p.deleted_at is None
            ),
            "entities": sorted(
                p.local_entity.name for p in a.parties if p.local_entity and p.deleted_at is None
            ),
            "renews": a.renews.title if a.renews else None,
            "amends": a.amends.title if a.amends else None,
        }
    return found


def _partners(session: Session) -> dict[str, dict[str, Any]]:
    return {
        p.name: {
            "kind": p.kind,
            "country": p.country_code,
            "region": p.region,
            "website": p.website,
            "population": p.population,
            "coordinates": (p.latitude, p.longitude),
            "iati": p.iati_org_ref,
            "notes": p.notes,
        }
        for p in session.scalars(select(Partner).where(Partner.deleted_at.is_(None)))
    }


def _lines(records: Any, *fields: str) -> list[tuple[Any, ...]]:
    return sorted(
        (tuple(getattr(r, f) for f in fields) for r in records if r.deleted_at is None),
        key=repr,
    )


def _details(session: Session) -> dict[tuple[str, Any], dict[str, Any]]:
    """Each project's money lines and sectors, the funders by name."""
    return {
        (p.title, p.planned_start): {
            "budget": _lines(p.budget_lines, "year", "amount", "type", "status", "description"),
            "cofinancing": sorted(
                (
                    (c.funder_partner.name if c.funder_partner else c.funder_name),
                    c.instrument,
                    c.status,
                    c.amount_requested,
                    c.amount_granted,
                    c.date_requested,
                    c.date_decided,
                )
                for c in p.cofinancing
                if c.deleted_at is None
            ),
            "transactions": _lines(p.transactions, "type", "date", "amount", "description"),
            "sectors": _lines(p.sectors, "code", "percentage"),
        }
        for p in session.scalars(select(Project).where(Project.deleted_at.is_(None)))
    }


def _projects(session: Session) -> dict[str, dict[str, Any]]:
    return {
        p.title: {
            "status": p.status,
            "country": p.country_code,
            "place": p.location_name,
            "description": p.description,
            "iati": p.iati_identifier,
            "currency": p.currency,
            "planned": (
                p.planned_start,
                p.planned_start_precision,
                p.planned_end,
                p.planned_end_precision,
            ),
            "actual": (
                p.actual_start,
                p.actual_start_precision,
                p.actual_end,
                p.actual_end_precision,
            ),
            "sdgs": sorted(s.sdg for s in p.sdgs if s.deleted_at is None),
            "notes": p.notes,
        }
        for p in session.scalars(select(Project).where(Project.deleted_at.is_(None)))
    }


def _activities(session: Session) -> dict[tuple[str, Any], dict[str, Any]]:
    return {
        (a.title, a.start_date): {
            "kind": a.kind,
            "status": a.status,
            "dates": (a.start_date_precision, a.end_date, a.end_date_precision),
            "place": (a.location, a.country_code),
            "cost": (a.cost, a.currency),
            "people": (a.participant_count, a.participants),
            "texts": (a.purpose, a.justification, a.outcomes, a.lessons_learned),
            "transport": a.transport_mode,
            "entity": a.local_entity.name if a.local_entity else None,
            "partner": a.partner.name if a.partner else None,
            "agreement": a.agreement.title if a.agreement else None,
            "project": a.project.title if a.project else None,
            "network": a.network.name if a.network else None,
        }
        for a in session.scalars(select(Activity).where(Activity.deleted_at.is_(None)))
    }


def _networks(session: Session) -> dict[str, dict[str, Any]]:
    """Each network (what it is part of, its themes) and the office's memberships of it."""
    return {
        n.name: {
            "network": (n.acronym, n.scope, n.website, n.description),
            "themes": sorted((n.themes or "").split(",")),
            "part of": n.parent.name if n.parent else None,
            "memberships": sorted(
                (
                    m.local_entity.name if m.local_entity else None,
                    m.role,
                    (m.since, m.since_precision),
                    (m.until, m.until_precision),
                    (m.annual_fee, m.currency),
                    m.notes,
                )
                for m in session.scalars(
                    select(Membership).where(
                        Membership.network_id == n.id, Membership.deleted_at.is_(None)
                    )
                )
            ),
        }
        for n in session.scalars(select(Network).where(Network.deleted_at.is_(None)))
    }


def _contacts(session: Session) -> dict[tuple[str, str | None], dict[str, Any]]:
    found = {}
    for c in session.scalars(select(Contact).where(Contact.deleted_at.is_(None))):
        found[(c.name, c.partner.name if c.partner else None)] = {
            "position": c.position,
            "organisation": c.organisation,
            "entity": c.local_entity.name if c.local_entity else None,
            "reach": (c.email, c.phone),
            "languages": sorted((c.languages or "").split(",")),
            "staff": c.is_staff,
            "notes": c.notes,
            "positions": sorted(
                (p.position, p.organisation, p.since, p.until)
                for p in c.positions
                if p.deleted_at is None
            ),
        }
    return found


def _plan(session: Session) -> dict[str, dict[str, Any]]:
    """Each plan line: its term, the line it carries on, its objectives and the indicators
    serving them (the indicators say which earlier one they carry on)."""
    found = {}
    for line in session.scalars(select(StrategicLine).where(StrategicLine.deleted_at.is_(None))):
        found[line.title] = {
            "code": line.code,
            "description": line.description,
            "term": (line.term.leader, line.term.start_date) if line.term else None,
            "carries on": line.continues.title if line.continues else None,
            "objectives": sorted(
                (
                    o.title,
                    o.domain,
                    o.year,
                    o.description,
                    sorted(
                        (i.name, i.continues.name if i.continues else None)
                        for i in session.scalars(
                            select(Indicator).where(Indicator.objective_id == o.id)
                        )
                    ),
                )
                for o in line.objectives
                if o.deleted_at is None
            ),
        }
    return found


def _mission_values(session: Session) -> dict[tuple[str, Any], dict[str, Any]]:
    """Each mission's expected results (in order, with what they serve) and follow-ups."""
    found = {}
    for a in session.scalars(select(Activity).where(Activity.deleted_at.is_(None))):
        expected = sorted(
            (e for e in a.expected_results if e.deleted_at is None), key=lambda e: e.position
        )
        found[(a.title, a.start_date)] = {
            "expected": [
                (
                    e.expected,
                    e.obtained,
                    e.indicator.name if e.indicator else e.objective.title if e.objective else None,
                )
                for e in expected
            ],
            "follow-ups": sorted(
                (f.months, f.done_on, f.notes) for f in a.follow_ups if f.deleted_at is None
            ),
        }
    return found


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
        before = (
            _agreements(session), _partners(session), _projects(session), _activities(session)
        )
        details = _details(session)
        networks = _networks(session)
        values = _mission_values(session)
        plan = _plan(session)
        contacts = _contacts(session)
    set_language("fr")
    with OfficeFile.open(city_demo, read_only=True) as office, office.session() as session:
        for kind in ORDER:
            export_list(session, kind, tmp_path / f"{kind}{suffix}")
    set_language("pt")  # another office, in another language, imports the French files
    fresh = tmp_path / "fresh.sqlite"
    with OfficeFile.create(fresh, "Ville de Lyon") as office, office.session() as session:
        for kind in ORDER:
            preview = preview_import(
                session, tmp_path / f"{kind}{suffix}", kind, mappings_folder=mappings_folder
            )
            # only what the list computes from other records is left out
            assert set(preview.unmapped) <= DERIVED, (kind, preview.unmapped)
            # the new file's own entity (made with the file) takes the register's values,
            # its coordinates among them: missions' carbon is computed from them
            on_duplicate = "update" if kind == "local_entities" else "skip"
            result = apply_import(session, preview, on_duplicate)
            assert result.rejected == [], kind
    with OfficeFile.open(fresh, read_only=True) as office, office.session() as session:
        after = (
            _agreements(session), _partners(session), _projects(session), _activities(session)
        )
        details_after = _details(session)
        values_after = _mission_values(session)
        plan_after = _plan(session)
        contacts_after = _contacts(session)
        networks_after = _networks(session)
        set_language("fr")  # exported again, in French: the same files
        for kind in ORDER:
            export_list(session, kind, tmp_path / f"again-{kind}{suffix}")
    for old, new in zip(before, after, strict=True):
        assert len(new) == len(old)
        for key, fields in old.items():
            assert new.get(key) == fields, key
    assert any(value["signed"][1] == "year" for value in after[0].values())
    assert any(value["themes"] for value in after[0].values())
    assert any(len(value["objectives"]) > 1 for value in after[0].values())
    assert any(value["coordinates"][0] is not None for value in after[1].values())
    assert sum(value["renews"] is not None for value in after[0].values()) >= 20
    assert any(value["actual"][0] not in (None, value["planned"][0]) for value in after[2].values())
    assert sum(value["network"] is not None for value in after[3].values()) >= 2
    assert sum(value["cost"][0] is not None for value in after[3].values()) >= 20
    # in csv, what one row cannot hold travels in the files beside the list's
    assert details_after == details
    assert plan_after == plan  # the plans' lines, their objectives, what carries what on
    assert contacts_after == contacts  # and the positions each contact held over time
    assert sum(len(c["positions"]) for c in contacts.values()) >= 5
    assert sum(line["carries on"] is not None for line in plan.values()) >= 2
    assert any(line["objectives"] for line in plan.values())
    assert networks_after == networks  # the networks and every membership, field by field
    assert any(n["part of"] for n in networks.values())
    assert any(len(n["themes"]) > 1 for n in networks.values())
    assert sum(len(n["memberships"]) for n in networks.values()) >= 3
    assert any(m[2][1] == "year" for n in networks.values() for m in n["memberships"])
    assert any(m[3][1] == "month" for n in networks.values() for m in n["memberships"])
    assert values_after == values  # a mission's expected results and follow-ups
    assert sum(len(v["expected"]) for v in values.values()) >= 5
    assert any(e[2] for v in values.values() for e in v["expected"])  # what they serve
    assert sum(len(v["follow-ups"]) for v in values.values()) >= 2
    assert sum(len(d["cofinancing"]) for d in details.values()) >= 20
    assert any(len(d["budget"]) > 1 for d in details.values())  # years apart
    written = sorted(path.name for path in tmp_path.glob(f"*{suffix}"))
    for name in (name for name in written if not name.startswith("again-")):
        first = read_sheets(tmp_path / name)
        again = read_sheets(tmp_path / f"again-{name}")
        if suffix == ".xlsx":  # a csv's one sheet is named after its file
            assert [s.name for s in again] == [s.name for s in first]
        for one, other in zip(first, again, strict=True):
            assert _without(one.rows, CHANGED) == _without(other.rows, CHANGED), (name, one.name)
    if suffix == ".csv":  # the detail sheets are files beside the lists
        assert "projects – Lignes de cofinancement.csv" in written
        assert "activities – Résultats attendus.csv" in written
        assert "networks – Adhésions.csv" in written


#: what a new file cannot repeat: when each record was last changed
#: the time of the last change, and the gaps: "nothing done for two years" counts the
#: missions and projects under an agreement, which the agreements' sheets do not carry
CHANGED = ("Dernière modification", "Lacunes")


def _without(rows: list[list[Any]], titles: tuple[str, ...]) -> list[list[Any]]:
    for title in titles:
        if title in rows[0]:
            index = rows[0].index(title)
            rows = [row[:index] + row[index + 1 :] for row in rows]
    return rows

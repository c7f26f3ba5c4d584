"""A small office with a known history, for the evaluation and report tests.

The records are described as plain data first (``AGREEMENTS``, ``PROJECTS`` …) and then
written; tests count what a formula should find straight from these descriptions, in
Python, so the SQL under test is checked against an independent count. Names carry
accents on purpose (Łódź, Córdoba, São João del-Rei, Việt Nam).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from intl_desk.core import model as m

YEAR = 2025
TODAY = date(2026, 7, 2)  # half way through 2026, the open period


@dataclass(frozen=True)
class AgreementSpec:
    key: str
    type: str
    status: str
    entities: tuple[str, ...]
    partners: tuple[str, ...]
    signed: date | None = None
    in_force: date | None = None
    expires: date | None = None
    perpetual: bool = False
    themes: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    deleted: bool = False
    lessons: str | None = None
    renewal: str | None = None


ENTITIES = {  # key: (name, kind, code, parent key)
    "gov": ("Prefeitura de São João del-Rei", "government", "G", None),
    "region": ("Região Campo das Vertentes", "region", "R1", "gov"),
    "m1": ("Tiradentes", "municipality", "3169000", "region"),
    "m2": ("Córrego Fundo", "municipality", "3119500", "gov"),
}
PARTNERS = {  # key: (name, country)
    "lodz": ("Łódź", "PL"),
    "cordoba": ("Córdoba", "AR"),
    "hanoi": ("Hà Nội", "VN"),
    "evora": ("Évora", "PT"),
}
AGREEMENTS = (
    AgreementSpec(
        "a1",
        "twinning",
        "active",
        ("m1",),
        ("lodz",),
        date(2025, 3, 1),
        themes=("culture",),
        sdgs=(11,),
        lessons="Jumelage : associer les écoles.",
    ),
    AgreementSpec(
        "a2",
        "cooperation",
        "active",
        ("m2",),
        ("cordoba",),
        date(2019, 5, 1),
        date(2019, 6, 1),
        date(2030, 5, 31),
        themes=("water",),
        sdgs=(6,),
        renewal="renew",
    ),
    AgreementSpec(
        "a3", "mou", "expired", ("gov",), ("hanoi",), date(2018, 1, 1), expires=date(2024, 12, 31)
    ),
    AgreementSpec("a4", "friendship", "draft", ("m1",), ("evora",)),
    AgreementSpec(
        "a5",
        "twinning",
        "terminated",
        ("gov", "m2"),
        ("lodz", "evora"),
        date(2025, 11, 30),
        perpetual=True,
        themes=("culture", "education"),
    ),
    AgreementSpec(
        "a6", "cooperation", "active", ("m1",), ("hanoi",), date(2025, 6, 6), deleted=True
    ),
    AgreementSpec("a7", "mou", "active", (), ("cordoba",), date(2024, 2, 2), perpetual=True),
)


@dataclass(frozen=True)
class ProjectSpec:
    key: str
    status: str
    lead: str | None
    start: date | None
    end: date | None
    participants: tuple[str, ...] = ()
    cofinancing: tuple[
        tuple[str, Decimal, date | None, str], ...
    ] = ()  # status, amount, decided, funder
    country: str | None = None


PROJECTS = (
    ProjectSpec(
        "p1",
        "2",
        "m1",
        date(2024, 1, 1),
        date(2026, 12, 31),
        country="PL",
        cofinancing=(
            ("granted", Decimal("100000"), date(2025, 4, 1), "AFD"),
            ("granted", Decimal("50000"), date(2024, 12, 1), "AFD"),
        ),
    ),
    ProjectSpec(
        "p2",
        "4",
        "gov",
        date(2022, 1, 1),
        date(2024, 6, 30),
        cofinancing=(("granted", Decimal("7000"), date(2025, 1, 10), "Union européenne"),),
    ),
    ProjectSpec("p3", "1", "gov", date(2025, 1, 1), date(2025, 12, 31)),
    ProjectSpec(
        "p4",
        "2",
        None,
        date(2025, 6, 1),
        None,
        participants=("m2", "m1"),
        cofinancing=(
            ("requested", Decimal("30000"), None, "AFD"),
            ("granted", Decimal("20000.50"), date(2025, 9, 9), "Union européenne"),
        ),
    ),
)

MEMBERSHIPS = (  # key, network, entity, since, until, role
    ("n1", "Eurocities", "gov", date(2010, 1, 1), None, "board"),
    ("n2", "CGLU", "m1", date(2020, 1, 1), date(2024, 12, 31), "member"),
)
PARTICIPATIONS = (  # membership key, kind, start
    ("n1", "event", date(2025, 2, 1)),
    ("n1", "event", date(2025, 6, 1)),
    ("n1", "contribution", date(2025, 3, 1)),
    ("n1", "event", date(2024, 11, 11)),
    ("n2", "event", date(2024, 5, 5)),
)
ACTIVITIES = (  # kind, status, start, entity, country, cost
    ("mission", "done", date(2025, 5, 5), "m1", "PL", Decimal("2400")),
    ("mission", "planned", date(2025, 10, 10), "gov", "AR", None),
    ("mission", "done", date(2024, 1, 1), "gov", "VN", Decimal("5100")),
    ("mission", "done", date(2025, 9, 1), "gov", "PT", Decimal("1800")),
    ("delegation", "done", date(2025, 2, 2), "gov", "PL", None),
)


@dataclass
class Written:
    """Ids of what was written, by key."""

    entities: dict[str, str] = field(default_factory=dict)
    partners: dict[str, str] = field(default_factory=dict)
    agreements: dict[str, str] = field(default_factory=dict)
    projects: dict[str, str] = field(default_factory=dict)
    periods: dict[int, str] = field(default_factory=dict)


def write_records(session: Any) -> Written:
    """Write every record above (and calendar-year periods 2019–2027) in ``session``."""
    written = Written()
    for key, (name, kind, code, parent) in ENTITIES.items():
        entity = m.LocalEntity(
            id=m.new_uuid(),
            name=name,
            kind=kind,
            code=code,
            parent_id=written.entities[parent] if parent else None,
        )
        session.add(entity)
        session.flush()
        written.entities[key] = entity.id
    for key, (name, country) in PARTNERS.items():
        partner = m.Partner(id=m.new_uuid(), name=name, country_code=country)
        session.add(partner)
        written.partners[key] = partner.id
    for spec in AGREEMENTS:
        agreement = m.Agreement(
            id=m.new_uuid(),
            title=f"Accord {spec.key} — Łódź/Córdoba",
            type=spec.type,
            status=spec.status,
            date_signed=spec.signed,
            date_in_force=spec.in_force,
            date_expires=spec.expires,
            perpetual=spec.perpetual,
            lessons_learned=spec.lessons,
            renewal_decision=spec.renewal,
        )
        agreement.parties = [
            *(m.AgreementParty(local_entity_id=written.entities[e]) for e in spec.entities),
            *(m.AgreementParty(partner_id=written.partners[p]) for p in spec.partners),
        ]
        agreement.themes = [m.AgreementTheme(theme=theme) for theme in spec.themes]
        agreement.sdgs = [m.AgreementSdg(sdg=sdg) for sdg in spec.sdgs]
        session.add(agreement)
        written.agreements[spec.key] = agreement.id
    session.flush()
    for project_spec in PROJECTS:
        project = m.Project(
            id=m.new_uuid(),
            title=f"Projet {project_spec.key} à Hà Nội",
            status=project_spec.status,
            lead_entity_id=written.entities.get(project_spec.lead or ""),
            planned_start=project_spec.start,
            planned_end=project_spec.end,
            country_code=project_spec.country,
        )
        project.participants = [
            m.ProjectParticipant(local_entity_id=written.entities[e], role="4")
            for e in project_spec.participants
        ]
        project.cofinancing = [
            m.CofinancingLine(
                status=status,
                funder_name=funder,
                amount_requested=amount,
                amount_granted=amount if status == "granted" else None,
                date_requested=date(2020, 1, 1) if decided else None,
                date_decided=decided,
            )
            for status, amount, decided, funder in project_spec.cofinancing
        ]
        session.add(project)
        written.projects[project_spec.key] = project.id
    memberships = {}
    for key, network_name, entity, since, until, role in MEMBERSHIPS:
        network = m.Network(id=m.new_uuid(), name=network_name)
        session.add(network)
        membership = m.Membership(
            id=m.new_uuid(),
            network=network,
            local_entity_id=written.entities[entity],
            since=since,
            until=until,
            role=role,
            annual_fee=Decimal("1500"),
        )
        session.add(membership)
        session.flush()
        memberships[key] = membership
    for membership_key, kind, start in PARTICIPATIONS:
        session.add(
            m.Participation(
                membership_id=memberships[membership_key].id,
                kind=kind,
                title=f"{kind} {start}",
                start_date=start,
            )
        )
    for kind, status, start, entity, country, cost in ACTIVITIES:
        session.add(
            m.Activity(
                kind=kind,
                status=status,
                title=f"Mission à Łódź {start}",
                start_date=start,
                local_entity_id=written.entities[entity],
                country_code=country,
                cost=cost,
                justification="Rencontre des maires" if cost else None,
            )
        )
    for year in range(2019, 2028):
        period = m.Period(
            id=m.new_uuid(),
            label=str(year),
            start_date=date(year, 1, 1),
            end_date=date(year, 12, 31),
            closed=year < TODAY.year,
        )
        session.add(period)
        written.periods[year] = period.id
    session.flush()
    for spec in AGREEMENTS:
        if spec.deleted:
            session.delete(session.get(m.Agreement, written.agreements[spec.key]))
    session.flush()
    return written


def add_indicator(
    session: Any, written: Written, targets: dict[int, float] | None = None, **fields: Any
) -> str:
    """An indicator with one target per year given."""
    fields.setdefault("dimension", "political")
    fields.setdefault("name", fields.get("code", "Indicateur"))
    indicator = m.Indicator(id=m.new_uuid(), **fields)
    indicator.targets = [
        m.IndicatorTarget(period_id=written.periods[year], value=value)
        for year, value in (targets or {}).items()
    ]
    session.add(indicator)
    session.flush()
    return indicator.id


def measure(
    session: Any,
    written: Written,
    indicator_id: str,
    year: int,
    value: float | None = None,
    entity: str | None = None,
    **fields: Any,
) -> None:
    session.add(
        m.Measurement(
            indicator_id=indicator_id,
            period_id=written.periods[year],
            value=value,
            local_entity_id=written.entities[entity] if entity else None,
            **fields,
        )
    )
    session.flush()


def build_office_file(path: Any, name: str = "Prefeitura de São João del-Rei") -> Written:
    """A new office file at ``path`` holding the records above, closed again."""
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.create(path, name, kind="city", country_code="BR") as office:
        session = office.session()
        written = write_records(session)
        session.commit()
        session.close()
    return written

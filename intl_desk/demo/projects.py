"""Cooperation projects with IATI statuses, participants, money and reports.

Most projects grow out of an agreement (a cooperation agreement is the frame, the project
the work), so dates are drawn inside the agreement's life and the status follows from them:
a project under an expired agreement is closed or was cancelled, a running one has its next
report due. Money is consistent too: spending follows elapsed time, co-financing granted is
received in tranches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from intl_desk.core.model import (
    AgreementProject,
    BudgetLine,
    CofinancingLine,
    Project,
    ProjectParticipant,
    ProjectReport,
    ProjectSdg,
    ProjectSector,
    ProjectTransaction,
)
from intl_desk.demo.catalogue import THEME_SECTORS, sdgs_for
from intl_desk.demo.common import (
    AgreementRef,
    Demo,
    EntityRef,
    PartnerRef,
    ProjectRef,
    add_years,
)

_ENTITY_ORG_TYPES = {"university": "80", "chamber": "15", "association": "22", "company": "70"}
_PARTNER_ORG_TYPES = {
    "national_agency": "10",
    "national_government": "10",
    "university": "80",
    "ngo": "24",
    "international_organisation": "40",
    "company": "70",
}


@dataclass(frozen=True)
class Funder:
    """Where co-financing can come from, and for which projects it fits."""

    name: str
    instrument: str
    org_type: str
    partner_key: str | None = None  # key in Demo.funders when the funder is a partner
    south: bool | None = None  # None: any partner
    themes: frozenset[str] | None = None


_DAY = timedelta(days=1)


@dataclass
class _Timeline:
    status: str
    planned_start: date
    planned_end: date
    actual_start: date | None = None
    actual_end: date | None = None


def _timeline(demo: Demo, agreement: AgreementRef | None) -> _Timeline:
    rng, today = demo.rng, demo.today
    live = agreement is None or agreement.status == "active"
    if live:
        status = rng.weighted({"4": 30, "2": 34, "3": 10, "1": 14, "5": 5, "6": 5})
    else:
        status = rng.weighted({"4": 9, "5": 1})
    floor = date(2006, 1, 1)
    if agreement is not None and agreement.signed is not None:
        floor = max(floor, agreement.signed + timedelta(days=60))
    # a young agreement cannot have old projects: fall back to what its age allows
    if status in ("4", "5") and floor > today - timedelta(days=560):
        status = "2"
    if status == "3" and floor > today - timedelta(days=760):
        status = "2"
    if floor > today - timedelta(days=90):
        status = "1"
    if status == "1":
        start = today + timedelta(days=rng.randint(30, 270))
        return _Timeline(status, start, add_years(start, rng.randint(2, 3)))
    if status in ("4", "5"):
        ceiling = today - timedelta(days=500)
        if agreement is not None and agreement.expires is not None:
            ceiling = min(ceiling, agreement.expires - timedelta(days=200))
        start = rng.day_between(floor, max(floor, ceiling))
        end = min(add_years(start, rng.randint(1, 3)), today - timedelta(days=40))
        if status == "5":
            return _Timeline(status, start, max(end, start + timedelta(days=365)))
        return _Timeline(status, start, end, start + timedelta(days=rng.randint(0, 60)), end)
    if status == "3":
        start = rng.day_between(
            max(floor, today - timedelta(days=4 * 365)), today - timedelta(days=700)
        )
        end = today + timedelta(days=rng.randint(-180, 60))
        return _Timeline(status, start, max(end, start + timedelta(days=365)), start)
    start = rng.day_between(max(floor, today - timedelta(days=3 * 365)), today - timedelta(days=60))
    end = max(today + timedelta(days=rng.randint(90, 900)), start + timedelta(days=365))
    return _Timeline(status, start, end, start)


def _distinct(demo: Demo, title: str, line: _Timeline) -> _Timeline:
    """``line``, a day later (and again) while a project of the same title starts that day:
    a register (and its export) tells projects apart by title and planned start, and an
    office does not keep two projects of one name starting the same day."""
    while (title, line.planned_start) in demo.project_keys:
        line = _Timeline(
            line.status,
            line.planned_start + _DAY,
            line.planned_end + _DAY,
            line.actual_start + _DAY if line.actual_start else None,
            line.actual_end + _DAY if line.actual_end else None,
        )
    demo.project_keys.add((title, line.planned_start))
    return line


def write_project(
    demo: Demo,
    entity: EntityRef,
    partner: PartnerRef,
    agreement: AgreementRef | None,
    funders: Sequence[Funder],
    theme: str,
    budget_range: tuple[int, int],
    *,
    at_home: bool = False,
) -> str:
    """One project with everything under it; ``at_home``: carried out in our territory
    (with the partner's expertise) rather than in the partner's."""
    rng, texts = demo.rng, demo.texts
    line = _timeline(demo, agreement)
    titles = texts.project_titles.get(theme) or texts.project_titles["governance"]
    place = entity.short if at_home else partner.name
    title = rng.choice(titles).format(place=place, us=entity.short, partner=partner.name)
    line = _distinct(demo, title, line)
    if at_home:
        where = (entity.name, demo.country_code, entity.latitude, entity.longitude)
    else:
        where = (partner.name, partner.country_code, partner.latitude, partner.longitude)
    project_id = demo.add(
        Project,
        title=title,
        description=rng.choice(texts.project_descriptions).format(
            us=entity.short, partner=partner.name, theme=texts.theme_names[theme]
        ),
        status=line.status,
        planned_start=line.planned_start,
        planned_end=line.planned_end,
        actual_start=line.actual_start,
        actual_end=line.actual_end,
        currency=demo.currency,
        location_name=where[0],
        country_code=where[1],
        latitude=where[2],
        longitude=where[3],
        lead_entity_id=entity.id,
        results=rng.choice(texts.project_results).format(
            n=rng.randint(5, 60), big=rng.choice((300, 1200, 4500, 12000)), pct=rng.randint(70, 100)
        )
        if line.status in ("3", "4")
        else None,
        lessons_learned=rng.choice(texts.project_lessons)
        if line.status in ("4", "5") and rng.chance(0.75)
        else None,
        notes=texts.project_notes.get(line.status),
    )
    if agreement is not None:
        demo.add(AgreementProject, agreement_id=agreement.id, project_id=project_id)
    fitting = [
        f
        for f in funders
        if (f.south is None or f.south == partner.south) and (f.themes is None or theme in f.themes)
    ]
    funder = rng.choice(fitting) if fitting else None
    total = rng.amount(*budget_range, step=1000)
    granted = _cofinancing(demo, project_id, line, total, funder)
    if not granted:
        funder = None  # a funder that refused or has not decided is not a participant
    _participants(demo, project_id, entity, partner, funder)
    _classification(demo, project_id, theme)
    _money(demo, project_id, line, total, funder, granted)
    _reports(demo, project_id, line, funder.name if funder else partner.name)
    demo.projects.append(ProjectRef(project_id, title, line.status, agreement))
    return project_id


def _participants(
    demo: Demo, project_id: str, entity: EntityRef, partner: PartnerRef, funder: Funder | None
) -> None:
    government = demo.government
    ours_type = _ENTITY_ORG_TYPES.get(entity.kind, "11")
    if government is not None and entity.id != government.id and entity.kind == "department":
        entity = government
    demo.add(
        ProjectParticipant,
        project_id=project_id,
        local_entity_id=entity.id,
        role="2",
        organisation_type=ours_type,
    )
    demo.add(
        ProjectParticipant,
        project_id=project_id,
        partner_id=partner.id,
        role="4",
        organisation_type=_PARTNER_ORG_TYPES.get(partner.kind, "11"),
    )
    if funder is not None:
        ref = demo.funders.get(funder.partner_key or "")
        demo.add(
            ProjectParticipant,
            project_id=project_id,
            partner_id=ref.id if ref else None,
            organisation_name=None if ref else funder.name,
            role="1",
            organisation_type=funder.org_type,
        )


def _classification(demo: Demo, project_id: str, theme: str) -> None:
    rng = demo.rng
    codes = rng.some(THEME_SECTORS.get(theme, ("43010",)), 1, 2)
    shares = [100.0] if len(codes) == 1 else [60.0, 40.0]
    for code, share in zip(codes, shares, strict=True):
        demo.add(ProjectSector, project_id=project_id, code=code, percentage=share)
    for sdg in sdgs_for(rng, [theme], most=2):
        demo.add(ProjectSdg, project_id=project_id, sdg=sdg)


def _money(
    demo: Demo,
    project_id: str,
    line: _Timeline,
    total: Decimal,
    funder: Funder | None,
    granted: Decimal | None,
) -> None:
    rng, texts, today = demo.rng, demo.texts, demo.today
    start = line.actual_start or line.planned_start
    end = line.actual_end or line.planned_end
    years = list(range(start.year, end.year + 1))
    share = (total / len(years)).quantize(Decimal("1"))
    for year in years:
        committed = year <= today.year and line.status not in ("1", "5")
        demo.add(
            BudgetLine,
            project_id=project_id,
            year=year,
            amount=share,
            type="1",
            status="2" if committed else "1",
            description=texts.budget_line.format(year=year),
        )
    if line.actual_start is None:
        return
    spent_until = min(line.actual_end or today, today)
    elapsed = max(1, (spent_until - line.actual_start).days)
    planned = max(1, (line.planned_end - line.actual_start).days)
    ratio = min(1.0, elapsed / planned) * rng.uniform(0.75, 0.98)
    spent = total * Decimal(str(round(ratio, 3)))
    parts = [rng.uniform(0.3, 1.0) for _ in range(rng.randint(3, 9))]
    dates = sorted(rng.day_between(line.actual_start, spent_until) for _ in parts)
    for part, day in zip(parts, dates, strict=True):
        demo.add(
            ProjectTransaction,
            project_id=project_id,
            type="4",
            date=day,
            amount=(spent * Decimal(str(part / sum(parts)))).quantize(Decimal("10")),
            description=rng.choice(texts.expenditures),
        )
    if granted and funder is not None:
        tranche = (granted / 2).quantize(Decimal("1"))
        for offset in (30, 400):
            received = line.actual_start + timedelta(days=offset)
            if received <= spent_until:
                demo.add(
                    ProjectTransaction,
                    project_id=project_id,
                    type="1",
                    date=received,
                    amount=tranche,
                    description=texts.incoming_funds.format(funder=funder.name),
                )


def _cofinancing(
    demo: Demo, project_id: str, line: _Timeline, total: Decimal, funder: Funder | None
) -> Decimal | None:
    if funder is None:
        return None
    rng, today = demo.rng, demo.today
    requested = (total * Decimal(str(rng.uniform(0.3, 0.7)))).quantize(Decimal("100"))
    asked_on = min(line.planned_start - timedelta(days=rng.randint(60, 360)), today)
    status = {"1": rng.weighted({"planned": 1, "requested": 2}), "5": "refused"}.get(
        line.status, rng.weighted({"granted": 9, "refused": 1})
    )
    granted = None
    if status == "granted":
        granted = (requested * Decimal(str(rng.choice((0.6, 0.8, 1.0, 1.0))))).quantize(
            Decimal("100")
        )
    decided = None
    if status in ("granted", "refused"):
        decided = min(asked_on + timedelta(days=rng.randint(60, 240)), today)
    ref = demo.funders.get(funder.partner_key or "")
    demo.add(
        CofinancingLine,
        project_id=project_id,
        funder_partner_id=ref.id if ref else None,
        funder_name=None if ref else funder.name,
        instrument=funder.instrument,
        status=status,
        amount_requested=requested,
        amount_granted=granted,
        date_requested=asked_on if status != "planned" else None,
        date_decided=decided,
    )
    return granted


def _reports(demo: Demo, project_id: str, line: _Timeline, recipient: str) -> None:
    """Yearly and final reports owed to the funder (or the partner when none)."""
    rng, texts, today = demo.rng, demo.texts, demo.today
    if line.actual_start is None:
        return
    interim, financial, final = texts.report_titles
    end = line.actual_end or line.planned_end
    due: list[tuple[str, date]] = []
    for year in range(line.actual_start.year, end.year):
        due.append((interim.format(year=year), date(year + 1, 3, 31)))
        if rng.chance(0.4):
            due.append((financial.format(year=year), date(year + 1, 4, 30)))
    due.append((final, end + timedelta(days=90)))
    for title, due_date in due:
        if due_date > add_years(today, 1) and title != final:
            continue
        past = due_date < today
        submitted = due_date + timedelta(days=rng.randint(-20, 25)) if past else None
        demo.add(
            ProjectReport,
            project_id=project_id,
            title=title,
            due_date=due_date,
            submitted_date=min(submitted, today) if submitted else None,
            recipient=recipient,
            status=rng.weighted({"accepted": 3, "submitted": 1}) if past else "due",
        )

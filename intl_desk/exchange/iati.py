"""IATI 2.03 activity files: the office's projects as the aid-transparency standard wants them.

Written with the standard library's ElementTree (writing is safe; anything read back,
here or in the tests, goes through defusedxml). Elements follow the order the 2.03
schema requires. The reporting organisation is the office (its IATI identifier and
organisation type are office settings); an office that has no identifier yet gets a
provisional one and a warning, so the file can be checked before it is published.

Narratives carry their language: titles and descriptions are in the office's language
(the activity's ``xml:lang``), and SDG tags get their names in English, French, Spanish
and Portuguese.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import ParseError

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from intl_desk.core.display import first_few
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, SUPPORTED_LANGUAGES, Message
from intl_desk.core.listing import ListQuery, fetch_ids
from intl_desk.core.listing.project_list import PROJECTS
from intl_desk.core.model import Office, Project, ProjectParticipant
from intl_desk.core.reference import sdg_goals
from intl_desk.exchange.errors import ExportFailed, NothingToExport
from intl_desk.files.output_guard import guard_output, session_file

IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SDG_TAG_VOCABULARY = "2"  # IATI TagVocabulary: UN Sustainable Development Goals
SECTOR_VOCABULARY = "1"  # OECD DAC 5-digit
WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"
#: IATI organisation types for partners that have none recorded, by partner kind
PARTNER_KIND_TYPES = {
    "city": "11",
    "region": "11",
    "national_government": "10",
    "national_agency": "10",
    "embassy": "10",
    "university": "80",
    "ngo": "22",
    "international_organisation": "40",
    "network": "21",
    "company": "70",
    "other": "90",
}


@dataclass
class IatiExport:
    activities: int = 0
    warnings: list[Message] = field(default_factory=list)
    #: the activities whose identifier lacks the organisation's in front (``ref``-)
    unprefixed: int = 0
    ref: str = ""


def _narrative(parent: ET.Element, text: str, language: str | None = None) -> None:
    element = ET.SubElement(parent, "narrative")
    if language:
        element.set(XML_LANG, language)
    element.text = text


def _iso(value: date | datetime) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _amount(value: Decimal | float) -> str:
    return format(Decimal(str(value)).quantize(Decimal("0.01")), "f")


def _participants(activity: ET.Element, project: Project, office: Office, ref: str) -> None:
    written = 0
    for participant in project.participants:
        name, org_ref, org_type = _organisation(participant, office, ref)
        if not name and not org_ref:
            continue
        element = ET.SubElement(activity, "participating-org", role=participant.role)
        if org_ref:
            element.set("ref", org_ref)
        if org_type:
            element.set("type", org_type)
        if name:
            _narrative(element, name)
        written += 1
    if not written:  # the schema wants one; the office is accountable for its own project
        element = ET.SubElement(
            activity, "participating-org", role="2", ref=ref, type=office.iati_org_type
        )
        _narrative(element, office.name)


def _organisation(
    participant: ProjectParticipant, office: Office, ref: str
) -> tuple[str, str | None, str | None]:
    partner, entity = participant.partner, participant.local_entity
    if partner is not None:
        org_type = (
            participant.organisation_type
            or partner.iati_org_type
            or (PARTNER_KIND_TYPES.get(partner.kind))
        )
        return partner.name, partner.iati_org_ref, org_type
    if entity is not None:
        own = entity.kind == "government"
        return entity.name, ref if own else None, participant.organisation_type or "11"
    return participant.organisation_name or "", None, participant.organisation_type


def _dates(activity: ET.Element, project: Project) -> None:
    dates = (
        ("1", project.planned_start),
        ("2", project.actual_start),
        ("3", project.planned_end),
        ("4", project.actual_end),
    )
    written = False
    for code, value in dates:
        if value is not None:
            ET.SubElement(activity, "activity-date", {"type": code, "iso-date": _iso(value)})
            written = True
    if not written:
        ET.SubElement(
            activity, "activity-date", {"type": "1", "iso-date": _iso(project.created_at)}
        )


def _location(activity: ET.Element, project: Project) -> None:
    if not project.location_name and project.latitude is None:
        return
    location = ET.SubElement(activity, "location")
    if project.location_name:
        _narrative(ET.SubElement(location, "name"), project.location_name)
    if project.latitude is not None and project.longitude is not None:
        point = ET.SubElement(location, "point", srsName=WGS84)
        ET.SubElement(point, "pos").text = f"{project.latitude:.5f} {project.longitude:.5f}"


def _sdg_tags(activity: ET.Element, project: Project) -> None:
    goals = {goal.number: goal for goal in sdg_goals()}
    for number in sorted({link.sdg for link in project.sdgs}):
        tag = ET.SubElement(activity, "tag", vocabulary=SDG_TAG_VOCABULARY, code=str(number))
        goal = goals.get(number)
        if goal is not None:
            for language in SUPPORTED_LANGUAGES:
                if language in goal.short:
                    _narrative(tag, goal.short[language], language)


def _money(activity: ET.Element, project: Project) -> None:
    for line in project.budget_lines:
        budget = ET.SubElement(activity, "budget", type=line.type, status=line.status)
        start, end = date(line.year, 1, 1), date(line.year, 12, 31)
        ET.SubElement(budget, "period-start", {"iso-date": start.isoformat()})
        ET.SubElement(budget, "period-end", {"iso-date": end.isoformat()})
        value = ET.SubElement(
            budget, "value", {"currency": project.currency, "value-date": start.isoformat()}
        )
        value.text = _amount(line.amount)
    for item in sorted(project.transactions, key=lambda t: (t.date, t.id)):
        transaction = ET.SubElement(activity, "transaction")
        ET.SubElement(transaction, "transaction-type", code=item.type)
        ET.SubElement(transaction, "transaction-date", {"iso-date": item.date.isoformat()})
        value = ET.SubElement(
            transaction,
            "value",
            {"currency": project.currency, "value-date": item.date.isoformat()},
        )
        value.text = _amount(item.amount)
        if item.description:
            _narrative(ET.SubElement(transaction, "description"), item.description)


def _identifier(project: Project, ref: str, prefix: bool) -> str:
    """The project's own identifier (with the organisation's in front when ``prefix`` and
    it lacks it), else one made of the organisation's and the record's."""
    own = project.iati_identifier
    if not own:
        return f"{ref}-{project.id}"
    return f"{ref}-{own}" if prefix and not own.startswith(f"{ref}-") else own


def activity_element(
    project: Project, office: Office, ref: str, *, prefix: bool = False
) -> ET.Element:
    activity = ET.Element(
        "iati-activity",
        {
            "last-updated-datetime": project.updated_at.astimezone(UTC)
            .replace(microsecond=0)
            .isoformat(),
            XML_LANG: office.language,
            "default-currency": project.currency,
        },
    )
    ET.SubElement(activity, "iati-identifier").text = _identifier(project, ref, prefix)
    reporting = ET.SubElement(activity, "reporting-org", ref=ref, type=office.iati_org_type)
    _narrative(reporting, office.name)
    _narrative(ET.SubElement(activity, "title"), project.title)
    description = ET.SubElement(activity, "description", type="1")
    _narrative(description, project.description or project.title)
    _participants(activity, project, office, ref)
    ET.SubElement(activity, "activity-status", code=project.status)
    _dates(activity, project)
    if project.country_code:
        ET.SubElement(activity, "recipient-country", code=project.country_code)
    _location(activity, project)
    for sector in project.sectors:
        element = ET.SubElement(activity, "sector", vocabulary=SECTOR_VOCABULARY, code=sector.code)
        if sector.percentage is not None:
            element.set("percentage", _amount(sector.percentage))
    _sdg_tags(activity, project)
    _money(activity, project)
    return activity


#: activities named in a warning before "and N more"
LISTED = 10


def _listed(titles: list[str]) -> str:
    return first_few(sorted(titles, key=fold), LISTED, "; ")


def _publishing_warnings(
    without_sector: list[str], unprefixed: list[str], ref: str, *, prefixed: bool = False
) -> list[Message]:
    """What the IATI Standard's rules would reject in the file just written."""
    warnings = []
    if without_sector:
        warnings.append(
            Message(
                N_(
                    "{count} activity(ies) have no sector, which the IATI Standard requires "
                    "of every activity: {titles} — add a sector to each project before "
                    "publishing."
                ),
                {"count": len(without_sector), "titles": _listed(without_sector)},
            )
        )
    if unprefixed and prefixed:
        warnings.append(
            Message(
                N_(
                    "{count} activity(ies) had an identifier without the office's “{ref}-” in "
                    "front: it was added in the file, the projects keep theirs: {titles}."
                ),
                {"count": len(unprefixed), "ref": ref, "titles": _listed(unprefixed)},
            )
        )
    elif unprefixed:
        warnings.append(
            Message(
                N_(
                    "{count} activity(ies) have an identifier that does not begin with the "
                    "office's organisation identifier “{ref}-”, as IATI requires: {titles} — "
                    "correct the projects' IATI identifiers before publishing."
                ),
                {"count": len(unprefixed), "ref": ref, "titles": _listed(unprefixed)},
            )
        )
    return warnings


def export_iati(
    session: Session,
    path: Path | str,
    query: ListQuery | None = None,
    *,
    prefix_identifiers: bool = False,
) -> IatiExport:
    """Write the projects matching ``query`` (all by default) as an IATI activity file;
    ``prefix_identifiers`` puts the organisation identifier in front of the projects'
    identifiers that lack it, in the file only."""
    result = IatiExport()
    office = session.scalars(select(Office).where(Office.deleted_at.is_(None))).first()
    assert office is not None, "an office file always has its office"
    ref = office.iati_org_ref
    if not ref:
        ref = f"XX-INTLDESK-{office.id[:8]}"
        result.warnings.append(
            Message(
                N_(
                    "The office has no IATI organisation identifier yet, so “{ref}” was used: "
                    "set the real one in the office settings before publishing."
                ),
                {"ref": ref},
            )
        )
    provisional = None if office.iati_org_ref else ref
    without_sector: list[str] = []
    unprefixed: list[str] = []
    ids = fetch_ids(session, PROJECTS, query or ListQuery())
    if not ids:
        raise NothingToExport
    root = ET.Element(
        "iati-activities",
        {
            "version": IATI_VERSION,
            "generated-datetime": datetime.now(UTC).replace(microsecond=0).isoformat(),
        },
    )
    loads = (
        selectinload(Project.participants).selectinload(ProjectParticipant.partner),
        selectinload(Project.participants).selectinload(ProjectParticipant.local_entity),
        selectinload(Project.sectors),
        selectinload(Project.sdgs),
        selectinload(Project.budget_lines),
        selectinload(Project.transactions),
    )
    for start in range(0, len(ids), 200):
        chunk = ids[start : start + 200]
        projects = {
            p.id: p
            for p in session.scalars(select(Project).where(Project.id.in_(chunk)).options(*loads))
        }
        for project_id in chunk:
            activity = activity_element(
                projects[project_id], office, ref, prefix=prefix_identifiers
            )
            if strip_invalid_characters(activity):
                result.warnings.append(
                    Message(
                        N_(
                            "Project “{title}” holds characters XML does not allow (control "
                            "characters pasted from another program): they were left out of "
                            "the IATI file; correct the project's texts."
                        ),
                        {"title": strip_invalid(projects[project_id].title)},
                    )
                )
            root.append(activity)
            result.activities += 1
            project = projects[project_id]
            if not project.sectors:
                without_sector.append(project.title)
            identifier = project.iati_identifier
            if identifier and provisional is None and not identifier.startswith(f"{ref}-"):
                unprefixed.append(f"{project.title} ({identifier})")
    result.warnings.extend(
        _publishing_warnings(without_sector, unprefixed, ref, prefixed=prefix_identifiers)
    )
    result.unprefixed, result.ref = len(unprefixed), ref
    ET.indent(root)
    target = guard_output(path, session_file(session))
    work = target.with_name(f".{target.name}.part")
    try:
        ET.ElementTree(root).write(work, encoding="utf-8", xml_declaration=True)
        _parse_once(work)  # a file the registry would refuse never replaces the target
        work.replace(target)
    except (OSError, ParseError) as error:
        work.unlink(missing_ok=True)
        raise ExportFailed(target) from error
    return result


#: what XML 1.0 allows in text and attribute values (§2.2); the rest is left out
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def strip_invalid(text: str) -> str:
    return _INVALID_XML.sub("", text)


def strip_invalid_characters(element: ET.Element) -> bool:
    """Remove characters XML 1.0 forbids from every text, tail and attribute under
    ``element``; returns whether any was found."""
    found = False
    for node in element.iter():
        for name in ("text", "tail"):
            value = getattr(node, name)
            if value and _INVALID_XML.search(value):
                setattr(node, name, strip_invalid(value))
                found = True
        for key, value in node.attrib.items():
            if _INVALID_XML.search(value):
                node.attrib[key] = strip_invalid(value)
                found = True
    return found


def _parse_once(path: Path) -> None:
    from defusedxml.ElementTree import parse

    parse(str(path))

"""The IATI 2.03 export of the city demo is valid against the official schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml import ElementTree
from lxml import etree
from sqlalchemy import select

from intl_desk.core.listing import ListQuery
from intl_desk.core.model import Office, Project
from intl_desk.exchange.errors import NothingToExport
from intl_desk.exchange.iati import export_iati
from intl_desk.store.office_file import OfficeFile

SCHEMA = Path(__file__).parent / "iati_schema" / "iati-activities-schema.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _validate(path: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.parse(str(path))
    assert schema.validate(document), [str(error) for error in schema.error_log]


def test_every_project_of_the_city_demo_exports_valid_iati(city_demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "activities.xml"
    with OfficeFile.open(city_demo, read_only=True) as office, office.session() as session:
        result = export_iati(session, out)
        projects = session.scalars(select(Project)).all()
    _validate(out)
    assert result.activities == len(projects) > 0
    assert "no IATI organisation identifier" in result.warnings[0].render()
    root = ElementTree.parse(out).getroot()
    activities = root.findall("iati-activity")
    assert len(activities) == len(projects)
    everything = [element.tag for activity in activities for element in activity]
    for tag in (
        "participating-org",
        "sector",
        "tag",
        "budget",
        "transaction",
        "location",
        "recipient-country",
        "activity-status",
        "activity-date",
    ):
        assert tag in everything, tag
    roles = {org.get("role") for org in root.iter("participating-org")}
    assert {"1", "2", "4"} <= roles
    sdg = root.find("iati-activity/tag")
    assert sdg is not None and sdg.get("vocabulary") == "2"
    assert {n.get(XML_LANG) for n in sdg.findall("narrative")} == {"en", "fr", "es", "pt"}


def test_reporting_organisation_comes_from_the_office_settings(
    city_demo: Path, tmp_path: Path
) -> None:
    with OfficeFile.open(city_demo) as office, office.session() as session:
        own = session.scalars(select(Office)).one()
        own.iati_org_ref, own.iati_org_type, own.language = "FR-SIRET-21690123100011", "11", "fr"
        session.commit()
    out = tmp_path / "activities.xml"
    with OfficeFile.open(city_demo, read_only=True) as office, office.session() as session:
        result = export_iati(session, out, ListQuery(facets={"status": "2"}))
        running = session.scalars(select(Project).where(Project.status == "2")).all()
    _validate(out)
    assert result.warnings == []
    root = ElementTree.parse(out).getroot()
    assert len(root.findall("iati-activity")) == len(running)  # the list's filter applies
    activity = root.find("iati-activity")
    assert activity is not None and activity.get(XML_LANG) == "fr"
    reporting = activity.find("reporting-org")
    assert reporting is not None and reporting.get("ref") == "FR-SIRET-21690123100011"
    identifier = activity.findtext("iati-identifier") or ""
    assert identifier.startswith("FR-SIRET-21690123100011-")


def test_an_office_without_projects_is_told_so_and_no_file_is_written(
    office: OfficeFile, tmp_path: Path
) -> None:
    out = tmp_path / "none.xml"
    with office.session() as session, pytest.raises(NothingToExport, match="no projects"):
        export_iati(session, out)
    assert not out.exists()


def test_control_characters_are_left_out_with_a_warning_naming_the_project(
    office: OfficeFile, tmp_path: Path
) -> None:
    with office.session() as session:
        session.add(
            Project(
                title="Eau potable\x01 à Ouagadougou",
                status="2",
                description="Collé depuis Word :\x0b puits\x0c et latrines",
            )
        )
        session.commit()
    out = tmp_path / "activities.xml"
    with office.session() as session:
        result = export_iati(session, out)
    warnings = [warning.render() for warning in result.warnings]
    assert (
        "Project “Eau potable à Ouagadougou” holds characters XML does not allow (control "
        "characters pasted from another program): they were left out of the IATI file; "
        "correct the project's texts."
    ) in warnings
    tree = ElementTree.parse(str(out))  # well-formed
    texts = [element.text for element in tree.iter("narrative")]
    assert "Eau potable à Ouagadougou" in texts
    assert "Collé depuis Word : puits et latrines" in texts

"""What active agreements lack, recounted from the records by hand: the list's Gap
filter, the overview's health line and the drill behind each figure agree with it."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from intl_desk.core.agreement_health import GAPS, active_gaps, gaps_of
from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.i18n import set_language
from intl_desk.core.listing import LISTS, ListQuery
from intl_desk.core.listing.query import fetch_ids, fetch_rows
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementObjective,
    AgreementProject,
    Contact,
    Project,
)
from intl_desk.core.overview import OverviewFilters, compute_overview, labels
from intl_desk.exchange.export import export_list
from intl_desk.reports.yearly import health_rows, write_yearly_pdf
from intl_desk.store.office_file import OfficeFile

TODAY = date(2026, 6, 15)
TWINNING = "Développer les échanges culturels entre les deux villes."


def _agreement(title: str, status: str = "active", **values: object) -> Agreement:
    values.setdefault("date_signed", date(2015, 3, 1))
    return Agreement(title=title, type="twinning", status=status, **values)  # type: ignore[arg-type]


@pytest.fixture
def register(office: OfficeFile) -> OfficeFile:
    """Seven agreements, each with a known set of gaps (the dict in the test)."""
    with office.session() as session:
        officer = Contact(name="Ana Sousa", is_staff=True)
        session.add(officer)
        session.flush()
        full = _agreement("Lyon – Porto", responsible_id=officer.id)
        full.objectives.append(AgreementObjective(position=0, text="Former 40 enseignants."))
        copy_a = _agreement("Lyon – Łódź", responsible_id=officer.id)
        copy_a.objectives.append(AgreementObjective(position=0, text=TWINNING))
        copy_b = _agreement("Lyon – Córdoba", responsible_id=officer.id)
        copy_b.objectives.append(AgreementObjective(position=0, text=TWINNING))
        empty = _agreement("Lyon – Huế")  # no objective, nobody in charge, nothing done
        stale = _agreement("Lyon – Dakar", date_expires=date(2024, 1, 1),
                           responsible_id=officer.id)  # fmt: skip
        stale.objectives.append(AgreementObjective(position=0, text="Eau potable."))
        recent = _agreement("Lyon – São João del-Rei", date_signed=date(2026, 1, 10),
                            responsible_id=officer.id)  # fmt: skip
        recent.objectives.append(AgreementObjective(position=0, text="Festival."))
        draft = _agreement("Lyon – Québec", status="draft", date_signed=None)
        session.add_all([full, copy_a, copy_b, empty, stale, recent, draft])
        session.flush()
        # things done under two of them keep them from being quiet
        session.add(Activity(kind="mission", title="Mission à Porto", agreement_id=full.id,
                             start_date=date(2025, 11, 3)))  # fmt: skip
        project = Project(
            title="Eau à Dakar", status="2", planned_start=date(2023, 1, 1),
            planned_end=date(2027, 12, 31),
        )  # fmt: skip
        session.add(project)
        session.flush()
        session.add(AgreementProject(agreement_id=stale.id, project_id=project.id))
        session.add(Activity(kind="mission", title="Mission ancienne", agreement_id=copy_a.id,
                             start_date=date(2019, 5, 1)))  # fmt: skip
        session.commit()
    return office


EXPECTED = {
    "Lyon – Porto": [],
    "Lyon – Łódź": ["copied_objectives", "quiet"],
    "Lyon – Córdoba": ["copied_objectives", "quiet"],
    "Lyon – Huế": ["no_objective", "quiet", "no_responsible"],
    "Lyon – Dakar": ["expired_but_active"],
    "Lyon – São João del-Rei": [],
    "Lyon – Québec": ["no_objective", "no_responsible"],
}


def _titles(session: Session, ids: list[str]) -> set[str]:
    return {session.get(Agreement, record_id).title for record_id in ids}  # type: ignore[union-attr]


def test_each_agreements_gaps(register: OfficeFile) -> None:
    with register.session() as session:
        found = {a.title: gaps_of(session, a.id, TODAY) for a in session.query(Agreement)}
    assert found == EXPECTED


def test_the_gap_filter_lists_exactly_those(register: OfficeFile) -> None:
    with register.session() as session:
        for code in GAPS.codes:
            ids = fetch_ids(session, LISTS["agreements"], ListQuery(facets={"gap": code}))
            expected = {title for title, gaps in EXPECTED.items() if code in gaps}
            # "quiet" is computed against the real today in the list; the file's dates
            # are far enough from 2026 for both to agree
            assert _titles(session, ids) == expected, code


def test_the_overview_counts_active_agreements_and_drills_to_them(register: OfficeFile) -> None:
    active = {t: g for t, g in EXPECTED.items() if t != "Lyon – Québec"}  # the draft is out
    with register.session() as session:
        counts = {figure.code: figure.count for figure in active_gaps(session, [], TODAY)}
        assert counts == {code: sum(code in g for g in active.values()) for code in GAPS.codes}
        overview = compute_overview(session, OverviewFilters(year=2026), today=TODAY)
        items = labels.health_items(overview)
        assert [text for text, _drill in items] == [
            "without an objective: 1",
            "objectives copied word for word: 2",
            "nothing done for two years: 3",
            "expired but marked active: 1",
            "no responsible officer: 1",
        ]
        for (_text, drill), figure in zip(items, overview.health, strict=True):
            assert drill is not None
            ids = fetch_ids(session, LISTS[drill.kind], ListQuery(facets=drill.facet_dict()))
            assert len(ids) == figure.count


def test_a_healthy_register_shows_no_health_line(office: OfficeFile) -> None:
    with office.session() as session:
        overview = compute_overview(session, OverviewFilters(year=2026), today=TODAY)
        assert labels.health_items(overview) == []


def test_the_yearly_report_gives_the_same_counts_in_its_language(
    register: OfficeFile, tmp_path: Path
) -> None:
    with register.session() as session:
        report = compute_yearly(session, 2026, today=TODAY)
    assert health_rows(report) == [
        ("No objective", "1"),
        ("Objectives copied from another agreement", "2"),
        ("Nothing done under it for two years", "3"),
        ("Expired but marked active", "1"),
        ("No responsible officer", "1"),
    ]
    set_language("fr")
    write_yearly_pdf(report, tmp_path / "rapport.pdf")
    pages = "".join(page.extract_text() for page in PdfReader(tmp_path / "rapport.pdf").pages)
    assert "Santé des accords en vigueur aujourd’hui" in pages
    assert "Sans objectif" in pages


def test_the_gaps_column_of_the_list_and_of_its_export(
    register: OfficeFile, tmp_path: Path
) -> None:
    """The gaps as a column: an active agreement's, recounted above; none for a draft."""
    spec = LISTS["agreements"]
    position = [column.key for column in spec.columns].index("gaps")
    with register.session() as session:
        ids = fetch_ids(session, spec, ListQuery())
        rows = fetch_rows(session, spec, ids)
        found = {
            session.get(Agreement, record_id).title: rows[record_id][position]  # type: ignore[union-attr]
            for record_id in ids
        }
        set_language("en")
        out = tmp_path / "agreements.csv"
        export_list(session, "agreements", out)
    expected = {title: gaps for title, gaps in EXPECTED.items() if title != "Lyon – Québec"}
    assert {title: (value or "").split(",") if value else [] for title, value in found.items()} == {
        **expected,
        "Lyon – Québec": [],  # a draft: its gaps are not a figure yet
    }
    exported = {
        row["Title"]: row["Gaps"]
        for row in csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines())
    }
    assert exported["Lyon – Huế"] == (
        "No objective, No responsible officer, Nothing done under it for two years"
    )
    assert exported["Lyon – Porto"] == ""


def test_an_objective_shared_only_with_a_deleted_agreement_is_its_own(
    register: OfficeFile,
) -> None:
    """Deleting “Lyon – Córdoba” (its objective rows stay, as a deletion leaves them)
    leaves “Lyon – Łódź” the only live agreement with that text: no longer copied."""
    with register.session() as session:
        cordoba = session.query(Agreement).filter_by(title="Lyon – Córdoba").one()
        cordoba.deleted_at = cordoba.updated_at
        session.commit()
        lodz = session.query(Agreement).filter_by(title="Lyon – Łódź").one()
        assert "copied_objectives" not in gaps_of(session, lodz.id, TODAY)
        counts = {health.code: health.count for health in active_gaps(session, [], TODAY)}
    assert counts["copied_objectives"] == 0
